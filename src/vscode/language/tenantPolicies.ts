// Feeds the connected backend's provisioning policies to the policy diagnostics, so a file's targets are
// checked against the tenant at hand too (overlapping targets, docs/rules.md CPC325).
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import type { PolicyDiagnostics } from './policyDiagnostics';

export function followTenantPolicies(ctx: ExtensionContext, views: Views, diagnostics: PolicyDiagnostics): void {
  const model = views.sidebar.policyModel;
  ctx.subscribe(
    views.sidebar.onDidUpdate(() =>
      diagnostics.setDeployedPolicies(model.loaded && model.error === undefined ? model.allPolicies() : undefined),
    ),
    ctx.backends.onDidChangeBackend(() => diagnostics.setDeployedPolicies(undefined)),
  );
}
