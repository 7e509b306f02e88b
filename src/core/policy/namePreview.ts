// Live name previews for each cloudPcNamingTemplate in a document (inlay hint + hover in the editor).
import { findNodeAtLocation } from 'jsonc-parser';
import { parseDocumentTree, spanOf } from './documentTree';
import type { JsonPath, TextSpan } from './finding';
import { fleetPolicySlices, shifted, slicesIn } from './fleetSlices';
import { asArray, asObject } from './jsonValue';
import { MAX_FIXABLE_TEMPLATE, expectedFleetSize, namingProvisioningType } from './namingFindings';
import { checkNamingTemplate, expandNamingTemplate, nameLengthRange } from './namingTemplate';
import type { TemplateProblem } from './namingTemplate';
import { createSeededRandom } from './seededRandom';

export interface NamePreview {
  /** Span of the template string value (with quotes). */
  valueRange: TextSpan;
  template: string;
  /** e.g. `→ CPC-adel-4T7QX · 11–14 chars`. */
  label: string;
  samples: { user: string; name: string }[];
  problems: TemplateProblem[];
}

/** Used when the caller has no users (no tenant, empty simulator). */
export const DEFAULT_SAMPLE_USERS: readonly string[] = [
  'adele.vance@contoso.com',
  'megan.bowen@contoso.com',
  'li.wu@contoso.com',
];

/** Previews for the templates in `range` (the editor asks for the visible lines), or in the whole text. */
export function getNamePreviews(
  text: string,
  sampleUsers: readonly string[],
  seed: string | number,
  range?: TextSpan,
): NamePreview[] {
  const slices = fleetPolicySlices(text);
  const previews = slices
    ? (range ? slicesIn(slices, range) : slices).flatMap((s) =>
        previewsIn(s.text, sampleUsers, seed).map((p) => ({ ...p, valueRange: shifted(p.valueRange, s) })),
      )
    : previewsIn(text, sampleUsers, seed);
  return range
    ? previews.filter(
        (p) =>
          p.valueRange.offset <= range.offset + range.length &&
          p.valueRange.offset + p.valueRange.length >= range.offset,
      )
    : previews;
}

function previewsIn(text: string, sampleUsers: readonly string[], seed: string | number): NamePreview[] {
  const { root, value } = parseDocumentTree(text);
  const doc = asObject(value);
  if (!root || !doc) return [];
  const users = sampleUsers.length > 0 ? sampleUsers : DEFAULT_SAMPLE_USERS;
  const policies: { path: JsonPath; policy: Record<string, unknown> }[] = asArray(doc['policies'])
    ? (asArray(doc['policies']) ?? []).flatMap((p, i) =>
        asObject(p) ? [{ path: ['policies', i], policy: asObject(p)! }] : [],
      )
    : [{ path: [], policy: doc }];
  const previews: NamePreview[] = [];
  for (const { path, policy } of policies) {
    const template = policy['cloudPcNamingTemplate'];
    if (typeof template !== 'string') continue;
    const node = findNodeAtLocation(root, [...path, 'cloudPcNamingTemplate']);
    if (!node) continue;
    previews.push(previewTemplate(template, users, seed, policy, spanOf(node)));
  }
  return previews;
}

export function previewTemplate(
  template: string,
  users: readonly string[],
  seed: string | number,
  policy: Record<string, unknown>,
  valueRange: TextSpan,
): NamePreview {
  const type = typeof policy['provisioningType'] === 'string' ? (policy['provisioningType'] as string) : 'dedicated';
  const problems = checkNamingTemplate(template, namingProvisioningType(type), expectedFleetSize(policy));
  if (template.length > MAX_FIXABLE_TEMPLATE) {
    // Bounded as the naming checks are (docs/rules.md "Bounds"): no expansion, no name the size of the template.
    return {
      valueRange,
      template: `${template.slice(0, 40)}…`,
      label: `→ template too long to preview (${template.length} chars; a name has at most 15)`,
      samples: [],
      problems,
    };
  }
  const random = createSeededRandom(seed);
  const samples = users.map((user) => ({ user, name: expandNamingTemplate(template, user, random) }));
  const { min, max } = nameLengthRange(template);
  const length = min === max ? `${max} chars` : `${min}–${max} chars`;
  const broken = problems.some((p) => p.severity === 'error') ? ' · ⚠ breaks naming rules' : '';
  return { valueRange, template, label: `→ ${samples[0]?.name ?? ''} · ${length}${broken}`, samples, problems };
}
