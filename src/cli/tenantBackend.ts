// `cpcpolicy validate --backend simulator|URL|graph`: the tenant checks (docs/rules.md "Tenant checks") against
// the backend cliBackend.ts opens (the simulator, a Graph-compatible server on this machine such as
// `cpcpolicy simulator serve`, or Microsoft Graph signed in as an app), so CI can check files against a tenant.
// Offline unless asked.
import { errorText } from '../core/model/errorText';
import type { CloudPcApi } from '../core/graph/cloudPcApi';
import { loadTenantCatalog, lookupGroups } from '../core/tenant/loadTenantCatalog';
import { groupIdsToLookUp } from '../core/tenant/groupLookups';
import { TenantIndex } from '../core/tenant/tenantCatalog';

/** Only a server on this machine: the CLI sends it a placeholder token and reads a whole catalog from it. */
export function backendProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `--backend '${url}' is not a URL: give the simulator server's address, e.g. http://127.0.0.1:8080`;
  }
  // The simulator server listens on 127.0.0.1 only (and answers only that host name or localhost).
  const loopback = ['127.0.0.1', 'localhost'].includes(parsed.hostname);
  if (!/^https?:$/.test(parsed.protocol) || !loopback)
    return `--backend takes a server on this machine (http://127.0.0.1:PORT, e.g. cpcpolicy simulator serve), not '${url}'`;
  return undefined;
}

/** The simulator's clock when the server is one (image end dates are its dates), otherwise this machine's. */
async function backendNow(base: string): Promise<number> {
  try {
    const reply = await fetch(new URL('/_simulator/clock', base), {
      signal: AbortSignal.timeout(5_000),
      redirect: 'error', // loopback only, redirects included
    });
    const now = reply.ok ? Date.parse(((await reply.json()) as { now?: string }).now ?? '') : NaN;
    return Number.isFinite(now) ? now : Date.now();
  } catch {
    return Date.now();
  }
}

/** The tenant as the backend has it, with every group the files name looked up; a string says why it could not be read. */
export async function readBackendTenant(
  backend: { api: CloudPcApi; label: string; kind: 'simulator' | 'server' | 'graph' },
  texts: readonly string[],
): Promise<TenantIndex | string> {
  const { api } = backend;
  try {
    // One read that must work: without it every list would quietly be "unknown" and the run would prove nothing.
    await api.listSupportedRegions();
  } catch (err) {
    return `cannot read the tenant at ${backend.label}: ${errorText(err)}`;
  }
  const now = backend.kind === 'server' ? await backendNow(backend.label) : Date.now();
  const catalog = await loadTenantCatalog(api, now);
  const groupIds = texts.flatMap((t) => groupIdsToLookUp(t));
  return new TenantIndex({ ...catalog, groups: await lookupGroups(api, groupIds) });
}
