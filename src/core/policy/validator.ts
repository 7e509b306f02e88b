// The policy validator: text in, findings out, three layers (syntax, schema, domain rules).
// Fast path (docs/architecture.md "The policy engine"): one scan blanks comments and trailing commas, then strict JSON.parse; no tree
// unless a rule fires; duplicate keys are detected by counting ':' and placed by walking the text, never a tree.
import type { Finding, Fix, JsonPath, TextSpan } from './finding';
import type { Hit } from './hit';
import { asObject } from './jsonValue';
import type { JsonObject } from './jsonValue';
import type { DocLocator } from './locator';
import type { DeployedPolicy, GroupNames } from './overlapRules';
import { checkDocument, policyList } from './documentChecks';
import type { PolicyEntry } from './documentChecks';
import { firstPoliciesFirst, LeftOut, MAX_FINDINGS } from './findingCap';
import { RULES } from './ruleCodes';
import type * as PolicyBindingModule from './policyBinding';
import { findExcessNesting } from './textScan';
import { parseFast, parseSlow } from './parsePolicyText';
import type { Parsed } from './parsePolicyText';
import { DEFAULT_NAMING_TEMPLATE } from '../model/defaultNamingTemplate';

export interface ValidateOptions {
  /** A PATCH body: skip required-property rules and couplings to properties that are absent. */
  partial?: boolean;
  /** Expected Cloud PC count for collision odds (CPC410); default from assignments or 1000. */
  fleetSize?: number;
  /** Policies deployed in the tenant at hand (plain data), for overlapping targets (CPC325). */
  deployedPolicies?: readonly DeployedPolicy[];
  /** Group display names by lower-case id, where the tenant at hand knows them (CPC325 names the group). */
  groupNames?: GroupNames;
}

export interface PolicyAnalysis {
  /** Path of the policy in the document: [] or ['policies', i]. */
  path: JsonPath;
  value: JsonObject;
  findings: Finding[];
}

export interface DocumentAnalysis {
  /** The parsed document (jsonc semantics; last duplicate key wins); undefined when nothing parsed. */
  value: unknown;
  findings: Finding[];
  policies: PolicyAnalysis[];
}

/** All findings for a document, sorted by position. Never throws for any input text. */
export function validateDocument(text: string, options: ValidateOptions = {}): Finding[] {
  return guarded(text, options, false).findings;
}

/** Findings plus the parsed value and each policy with its own findings. */
export function analyzeDocument(text: string, options: ValidateOptions = {}): DocumentAnalysis {
  return guarded(text, options, true);
}

/** `perPolicy`: attribute findings to each policy of a fleet (diagnostics alone do not need it). */
function guarded(text: string, options: ValidateOptions, perPolicy: boolean): DocumentAnalysis {
  try {
    return analyze(text, options, perPolicy);
  } catch (err) {
    // A bug, not a finding about the document: surface it instead of hiding it (tests assert it never appears).
    return {
      value: undefined,
      policies: [],
      findings: [
        {
          code: 'CPC100',
          severity: 'error',
          message: `Internal error in the policy validator: ${String(err)}`,
          range: { offset: 0, length: 0 },
        },
      ],
    };
  }
}

type BindingModule = typeof PolicyBindingModule;
let bindingModule: BindingModule | undefined;

/** The binding comments are read with jsonc-parser, so like jsonc-parser in parsePolicyText.ts it loads only when a tenant's policies are passed. */
function bindings(): BindingModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (bindingModule ??= require('./policyBinding') as BindingModule);
}

/** Stops at the first character that is not whitespace (trim() would copy the whole text). */
const NOT_SPACE = /\S/;

function analyze(input: string, options: ValidateOptions, attribute: boolean): DocumentAnalysis {
  // A byte-order mark is not JSON whitespace; blank it so offsets stay those of the editor's text.
  const text = input.charCodeAt(0) === 0xfeff ? ' ' + input.slice(1) : input;
  if (!NOT_SPACE.test(text)) {
    return {
      value: undefined,
      policies: [],
      findings: [
        {
          code: RULES.emptyDocument.code,
          severity: 'error',
          message: 'The file is empty: write a policy object, e.g. { "displayName": "My policy" }.',
          range: { offset: 0, length: input.length },
          fixes: [
            {
              title: 'Insert a new policy',
              edits: [{ offset: 0, length: input.length, newText: NEW_POLICY_TEXT }],
              isPreferred: true,
            },
          ],
        },
      ],
    };
  }
  const parsed = parseFast(text) ?? parseSlow(text);
  if (!parsed) return { value: undefined, policies: [], findings: [tooDeep(text)] };
  const left = new LeftOut();
  const findings = left.keep(parsed.findings, MAX_FINDINGS);
  if (parsed.moreWarnings) left.add(parsed.moreWarnings, 'warning');
  const root = asObject(parsed.value);
  if (!root) {
    if (parsed.value !== undefined || findings.length === 0) findings.push(notAnObject(parsed, text));
    return { value: parsed.value, policies: [], findings: sortFindings(left.summarize(findings, text)) };
  }
  const room = MAX_FINDINGS - findings.length;
  const deployedPolicies = options.deployedPolicies;
  const boundIds = deployedPolicies?.length
    ? bindings()
        .policyBindings(text)
        .map((b) => b.id)
    : undefined;
  const collected = checkDocument(
    root,
    {
      partial: options.partial === true,
      fleetSize: options.fleetSize,
      deployedPolicies,
      boundIds,
      groupNames: options.groupNames,
    },
    room,
  );
  left.unchecked = collected.unchecked;
  left.inexact = collected.inexact;
  left.add(collected.past.count, collected.past.worst);
  // A capped fleet's per-policy findings still name every policy (the unchecked ones have none).
  const policies = attribute && collected.unchecked > 0 ? policyList(root) : collected.policies;
  const hits = left.keep(firstPoliciesFirst(collected.hits, room, collected.indexSpan), room);
  // A clean document (the common case while typing) needs no placing, sorting or attribution.
  if (hits.length === 0 && findings.length === 0)
    return {
      value: root,
      findings,
      policies: attribute ? policies.map((p) => ({ path: p.path, value: p.value, findings: [] })) : [],
    };
  let loc: DocLocator | undefined;
  const locator = (): DocLocator => (loc ??= parsed.locator());
  // Hits know their policy by path, so per-policy findings never need every policy located.
  const byPolicy = new Map<number, Finding[]>();
  const attributed = new Set<Finding>();
  const place = placer(locator());
  for (const h of hits) {
    const f = place(h);
    findings.push(f);
    if (!attribute || h.path[0] !== 'policies') continue;
    const index = Number(h.path[1]);
    const own = byPolicy.get(index);
    if (own) own.push(f);
    else byPolicy.set(index, [f]);
    attributed.add(f);
  }
  const sorted = sortFindings(dedupe(left.summarize(findings, text)));
  if (!attribute) return { value: root, findings: sorted, policies: [] };
  // Findings without a path (syntax, duplicate keys) are attributed by position.
  const byPosition = attributeByPosition(
    sorted.filter((f) => !attributed.has(f)),
    policies,
    locator,
  );
  const perPolicy = (p: PolicyEntry): Finding[] => {
    if (p.path.length === 0) return sorted;
    const index = p.path[1] as number;
    return sortFindings(dedupe([...(byPolicy.get(index) ?? []), ...(byPosition.get(index) ?? [])]));
  };
  return {
    value: root,
    findings: sorted,
    policies: policies.map((p) => ({ path: p.path, value: p.value, findings: perPolicy(p) })),
  };
}

/** Each finding goes to the fleet policy whose text holds it: binary search over the policies' spans (in text order). */
function attributeByPosition(
  findings: Finding[],
  policies: PolicyEntry[],
  locator: () => DocLocator,
): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  if (findings.length === 0) return out;
  const spans: { index: number; span: TextSpan }[] = [];
  for (const p of policies) {
    const span = p.path.length === 2 ? locator().value(p.path) : undefined;
    if (span) spans.push({ index: p.path[1] as number, span });
  }
  for (const f of findings) {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const { index, span } = spans[mid]!;
      if (f.range.offset < span.offset) hi = mid - 1;
      else if (f.range.offset >= span.offset + span.length) lo = mid + 1;
      else {
        if (within(f, span)) (out.get(index) ?? out.set(index, []).get(index)!).push(f);
        break;
      }
    }
  }
  return out;
}

const NEW_POLICY_TEXT = `{\n  "displayName": "New Cloud PC policy",\n  "provisioningType": "dedicated",\n  "imageType": "gallery",\n  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",\n  "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }],\n  "cloudPcNamingTemplate": "${DEFAULT_NAMING_TEMPLATE}"\n}\n`;

function tooDeep(text: string): Finding {
  const at = findExcessNesting(text);
  return {
    code: RULES.tooDeep.code,
    severity: 'error',
    message:
      'Objects and lists are nested more than 64 levels deep here; a policy needs at most 5: this is not a policy file.',
    range: { offset: Math.max(0, at), length: 1 },
  };
}

function notAnObject(parsed: Parsed, text: string): Finding {
  const span = parsed.locator().value([]) ?? { offset: 0, length: text.length };
  return {
    code: RULES.rootNotObject.code,
    severity: 'error',
    message: 'A policy file holds one policy object { "displayName": ... } or { "policies": [ ... ] }.',
    range: span,
  };
}

function within(f: Finding, span: TextSpan): boolean {
  return f.range.offset >= span.offset && f.range.offset + f.range.length <= span.offset + span.length;
}

/** Places hits in the text: the part each names, or the nearest ancestor that exists. */
function placer(loc: DocLocator): (h: Hit) => Finding {
  const locate = locator(loc);
  return (h) => {
    const range = locate(h);
    const finding: Finding = { code: h.rule.code, severity: h.severity, message: h.message, range, path: h.path };
    if (h.tags) finding.tags = h.tags;
    if (h.fixes && h.fixes.length > 0) {
      const fixes = h.fixes.map((b) => b(loc)).filter((f): f is Fix => f !== undefined && f.edits.length > 0);
      if (fixes.length > 0) finding.fixes = fixes;
    }
    return finding;
  };
}

function locator(loc: DocLocator): (h: Hit) => TextSpan {
  // Many naming findings sit in one string: look for escapes in it once, not once per finding.
  let escapesAt = -1;
  let escapes = false;
  const hasEscapes = (span: TextSpan): boolean => {
    if (span.offset !== escapesAt) {
      escapesAt = span.offset;
      escapes = loc.text.slice(span.offset, span.offset + span.length).includes('\\');
    }
    return escapes;
  };
  return (h) => {
    const exact = h.part === 'key' ? loc.key(h.path) : h.part === 'member' ? loc.member(h.path) : loc.value(h.path);
    if (exact) {
      if (h.part === 'start') return { offset: exact.offset, length: 1 };
      if (h.inString && exact.length >= 2 && !hasEscapes(exact)) {
        const offset = exact.offset + 1 + Math.min(h.inString.offset, exact.length - 2);
        return { offset, length: Math.max(0, Math.min(h.inString.length, exact.offset + exact.length - 1 - offset)) };
      }
      return exact;
    }
    for (let n = h.path.length - 1; n >= 0; n--) {
      const span = loc.key(h.path.slice(0, n));
      if (span && n > 0) return span;
    }
    const root = loc.value([]);
    return root ? { offset: root.offset, length: 1 } : { offset: 0, length: 0 };
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.range.offset}|${f.range.length}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.offset - b.range.offset ||
      a.range.length - b.range.length ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * Runs rules that live apart from the offline validator (the tenant checks, docs/tenant-editor.md) over the
 * document's policies and places their hits. Text that does not parse gets none: its syntax is the validator's business.
 */
export function placeRuleHits(text: string, rules: (policies: readonly PolicyEntry[]) => Hit[]): Finding[] {
  const input = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  if (!NOT_SPACE.test(input)) return [];
  const parsed = parseFast(input) ?? parseSlow(input);
  const root = asObject(parsed?.value);
  if (!parsed || !root) return [];
  const hits = rules(policyList(root));
  if (hits.length === 0) return [];
  return sortFindings(dedupe(hits.map(placer(parsed.locator()))));
}
