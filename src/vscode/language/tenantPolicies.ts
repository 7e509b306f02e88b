// Feeds the connected backend's provisioning policies (the sidebar's live list) to the tenant cache, and the
// cache's tenant to the policy diagnostics through tenantDocumentOptions, the function `validate --backend` uses:
// a file's targets are checked against the tenant at hand, its groups named (overlapping targets, docs/rules.md CPC325).
import { tenantDocumentOptions } from '../../core/tenant/tenantChecks';
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import type { PolicyDiagnostics } from './policyDiagnostics';
import type { TenantCache } from './tenantCache';

export function followTenantPolicies(
  ctx: ExtensionContext,
  views: Views,
  diagnostics: PolicyDiagnostics,
  tenant: TenantCache,
): void {
  const model = views.sidebar.policyModel;
  const judge = (): void => {
    const index = tenant.index;
    diagnostics.setTenant(index ? tenantDocumentOptions(index) : undefined);
  };
  // The sidebar updates on every change event; the cache (and every check it triggers) only when the policies changed.
  let fed = '';
  const feed = (): void => {
    const policies = model.loaded && model.error === undefined ? model.allPolicies() : undefined;
    const signature = policies ? JSON.stringify(policies) : '';
    if (signature === fed) return;
    fed = signature;
    tenant.setPolicies(policies);
  };
  ctx.subscribe(
    views.sidebar.onDidUpdate(feed),
    ctx.backends.onDidChangeBackend(() => (fed = '')),
    tenant.onDidChange(judge),
  );
}
