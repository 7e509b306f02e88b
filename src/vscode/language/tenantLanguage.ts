// The editor's tenant features (docs/tenant-editor.md): completion and hover of tenant ids, the tenant
// checks under their own source "cpcpolicy (tenant)", their quick fixes, and one unobtrusive status item.
// Everything answers from the TenantCache; no keystroke waits on the network.
import * as vscode from 'vscode';
import type { Finding } from '../../core/policy/finding';
import { tenantCompletions } from '../../core/tenant/tenantCompletion';
import { tenantHover } from '../../core/tenant/tenantHover';
import { validateAgainstTenant } from '../../core/tenant/tenantChecks';
import { TENANT_SOURCE } from '../../core/tenant/tenantRules';
import { tenantSlotAt } from '../../core/tenant/tenantSlot';
import { REMOTE_SCHEME } from './remotePolicyScheme';
import type { ExtensionContext } from '../extensionContext';
import { rangeOf, toDiagnostic } from './findingsConvert';
import { PolicyCodeActions } from './policyCodeActions';
import type { FindingSource } from './policyCodeActions';
import { LANGUAGE_ID } from './policyDiagnostics';
import { TenantCache } from './tenantCache';
import { groupIdsToLookUp } from '../../core/tenant/groupLookups';

/** Typing pauses this long before the tenant checks run again (they are cheap; the pause keeps squiggles still). */
const CHECK_DELAY_MS = 250;

export class TenantDiagnostics implements FindingSource, vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('cpcpolicy-tenant');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly cache: TenantCache) {}

  findingsFor(doc: vscode.TextDocument): readonly Finding[] {
    const entry = this.findings.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.findings : [];
  }

  schedule(doc: vscode.TextDocument): void {
    if (doc.languageId !== LANGUAGE_ID) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.check(doc);
      }, CHECK_DELAY_MS),
    );
  }

  /** Checks one document now against the cached tenant; without one, it has no tenant findings. */
  check(doc: vscode.TextDocument): void {
    // Only the files the admin edits: the extension's own documents (a deployed policy, Deploy's proposal) get no findings.
    if (doc.isClosed || doc.languageId !== LANGUAGE_ID || doc.uri.scheme === REMOTE_SCHEME) return;
    const tenant = this.cache.index;
    const text = doc.getText();
    if (!tenant) {
      this.collection.delete(doc.uri);
      this.findings.delete(doc.uri.toString());
      return;
    }
    this.cache.lookUpGroups(groupIdsToLookUp(text));
    const findings = validateAgainstTenant(text, tenant);
    this.findings.set(doc.uri.toString(), { version: doc.version, findings });
    this.collection.set(
      doc.uri,
      findings.map((f) => toDiagnostic(doc, f, TENANT_SOURCE)),
    );
  }

  forget(doc: vscode.TextDocument): void {
    clearTimeout(this.timers.get(doc.uri.toString()));
    this.timers.delete(doc.uri.toString());
    this.collection.delete(doc.uri);
    this.findings.delete(doc.uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.collection.dispose();
  }
}

export function registerTenantLanguage(ctx: ExtensionContext): TenantCache {
  const cache = new TenantCache(ctx);
  const diagnostics = new TenantDiagnostics(cache);
  const selector: vscode.DocumentSelector = { language: LANGUAGE_ID };
  const status = vscode.languages.createLanguageStatusItem('cpcpolicy.tenant', selector);
  status.name = vscode.l10n.t('Cloud PC tenant checks');
  const showStatus = (): void => {
    status.text =
      cache.state === 'ready'
        ? vscode.l10n.t('Tenant checks: {0}', ctx.backends.current.label)
        : cache.state === 'unavailable'
          ? vscode.l10n.t('Tenant checks off')
          : vscode.l10n.t('Tenant checks: reading…');
    status.detail = cache.problem;
    status.severity = vscode.LanguageStatusSeverity.Information;
    status.command = { title: vscode.l10n.t('Refresh'), command: 'cpcpolicy.refresh' };
  };
  const checkAll = (): void => {
    for (const doc of vscode.workspace.textDocuments) diagnostics.check(doc);
  };
  ctx.subscribe(
    cache,
    diagnostics,
    status,
    cache.onDidChange(() => {
      showStatus();
      checkAll();
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => diagnostics.schedule(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.forget(doc)),
    vscode.languages.registerCompletionItemProvider(selector, completionProvider(cache), '"'),
    vscode.languages.registerHoverProvider(selector, hoverProvider(cache)),
    vscode.languages.registerCodeActionsProvider(
      selector,
      new PolicyCodeActions(diagnostics),
      PolicyCodeActions.metadata,
    ),
  );
  showStatus();
  checkAll();
  return cache;
}

/** Whether the tenant's choices answer at `offset` (the policy language then leaves out its raw examples). */
export function tenantAnswersAt(cache: TenantCache, text: string, offset: number): boolean {
  return cache.index !== undefined && tenantSlotAt(text, offset) !== undefined;
}

function completionProvider(cache: TenantCache): vscode.CompletionItemProvider {
  return {
    async provideCompletionItems(doc, position, token) {
      const slot = tenantSlotAt(doc.getText(), doc.offsetAt(position));
      if (!slot) return undefined;
      // Groups are searched by name as the admin types; everything else comes from the cache at once.
      if (slot.kind === 'group' && cache.index) await cache.searchGroups(slot.value ?? '', token);
      const tenant = cache.index;
      if (!tenant || token.isCancellationRequested) return undefined;
      const items = tenantCompletions(slot, tenant).map((entry) => {
        const item = new vscode.CompletionItem(
          { label: entry.label, description: entry.description },
          vscode.CompletionItemKind.Reference,
        );
        item.insertText = new vscode.SnippetString(entry.insertText);
        item.detail = entry.detail;
        if (entry.documentation) item.documentation = new vscode.MarkdownString(entry.documentation);
        if (entry.range) item.range = rangeOf(doc, entry.range.offset, entry.range.length);
        item.filterText = entry.filterText;
        item.sortText = entry.sortText;
        return item;
      });
      return new vscode.CompletionList(items, slot.kind === 'group');
    },
  };
}

function hoverProvider(cache: TenantCache): vscode.HoverProvider {
  return {
    provideHover(doc, position) {
      const slot = tenantSlotAt(doc.getText(), doc.offsetAt(position));
      const tenant = slot && cache.index;
      if (!slot || !tenant) return undefined;
      // A group seen only in a search, or whose members could not be read when it was looked up, has no member
      // counts: look it up (again), and the next hover shows them.
      if (slot.kind === 'group' && slot.value && tenant.group(slot.value)?.memberCount === undefined)
        cache.lookUpGroups([slot.value], true);
      const hover = tenantHover(slot, tenant);
      return (
        hover &&
        new vscode.Hover(
          new vscode.MarkdownString(hover.markdown),
          rangeOf(doc, hover.range.offset, hover.range.length),
        )
      );
    },
  };
}
