// Diagnostics for open cpcpolicy documents, as you type. Keeps the last findings per document so
// quick fixes can offer the engine's own edits.
import * as vscode from 'vscode';
import type { Finding } from '../../core/policy/finding';
import { REMOTE_SCHEME } from './remotePolicyScheme';
import type { ValidateOptions } from '../../core/policy/validator';
import type { ExtensionContext } from '../extensionContext';
import { toDiagnostic } from './findingsConvert';
import type { ValidationScheduler } from './validationScheduler';
import { errorText } from '../../core/model/errorText';

export const LANGUAGE_ID = 'cpcpolicy';
const DEBOUNCE_MS = 120;

type TenantOptions = Pick<ValidateOptions, 'deployedPolicies' | 'groupNames'>;

export class PolicyDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('cpcpolicy');
  private readonly findings = new Map<string, { version: number; findings: Finding[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly onDidValidateEmitter = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were updated (tests wait on it). */
  readonly onDidValidate = this.onDidValidateEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** The connected tenant's policies and group names, for overlapping targets (CPC325); undefined when none is loaded. */
  private tenant: { options: TenantOptions; signature: string } | undefined;

  constructor(
    private readonly scheduler: ValidationScheduler,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      this.onDidValidateEmitter,
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
    );
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  findingsFor(doc: vscode.TextDocument): Finding[] {
    const entry = this.findings.get(doc.uri.toString());
    return entry && entry.version === doc.version ? entry.findings : [];
  }

  /** The findings for the document's current version, waiting for a validation that is due. */
  async validated(doc: vscode.TextDocument): Promise<Finding[]> {
    const key = doc.uri.toString();
    const isCurrent = (): boolean => this.findings.get(key)?.version === doc.version;
    if (isCurrent()) return this.findingsFor(doc);
    if (!this.timers.has(key)) this.schedule(doc, 0);
    await new Promise<void>((resolve) => {
      const sub = this.onDidValidate((uri) => {
        if (uri.toString() === key && isCurrent()) {
          sub.dispose();
          resolve();
        }
      });
    });
    return this.findingsFor(doc);
  }

  /**
   * What the rules need from the tenant at hand (its policies and group names: tenantDocumentOptions, as
   * `validate --backend` uses); open documents are checked again when the assignments or names changed.
   */
  setTenant(options: TenantOptions | undefined): void {
    const signature = options ? JSON.stringify(options) : '';
    if (signature === (this.tenant?.signature ?? '')) return;
    this.tenant = options ? { options, signature } : undefined;
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  schedule(doc: vscode.TextDocument, delayMs: number): void {
    if (doc.languageId !== LANGUAGE_ID) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.validate(doc), delayMs),
    );
  }

  private async validate(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    this.timers.delete(key);
    const version = doc.version;
    try {
      // A deployed policy's own document (or Deploy's proposal) is the tenant's copy: checking it for overlap with the tenant would find itself.
      const tenantCopy = doc.uri.scheme === REMOTE_SCHEME;
      const findings = isGeneratedMessage(doc)
        ? []
        : await this.scheduler.validate(doc.getText(), this.tenant && !tenantCopy ? this.tenant.options : undefined);
      if (doc.isClosed || doc.version !== version) return; // a newer edit is already scheduled
      this.findings.set(key, { version, findings });
      this.collection.set(
        doc.uri,
        findings.map((f) => toDiagnostic(doc, f)),
      );
      this.onDidValidateEmitter.fire(doc.uri);
    } catch (err) {
      this.log.error(`Validating ${doc.uri.fsPath} failed: ${errorText(err)}`);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.findings.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * A document the extension writes that holds no policy (the empty side of a create diff, "this policy no
 * longer exists"): a message, not a file to check.
 */
function isGeneratedMessage(doc: vscode.TextDocument): boolean {
  return (
    doc.uri.scheme === REMOTE_SCHEME &&
    doc
      .getText()
      .replace(/\/\/[^\n]*/g, '')
      .trim() === ''
  );
}

export function createPolicyDiagnostics(ctx: ExtensionContext, scheduler: ValidationScheduler): PolicyDiagnostics {
  const diagnostics = new PolicyDiagnostics(scheduler, ctx.log);
  ctx.subscribe(diagnostics);
  return diagnostics;
}
