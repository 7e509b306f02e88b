// The reads several tools share: a policy by id or exact name, the Cloud PCs, ids checked against them.
import { isGraphError } from '../graph/graphError';
import type { CloudPc } from '../model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { AgentEnv } from './agentTool';

/** The policy, or a sentence saying it is not there and how to find the right id. */
export async function readPolicy(env: AgentEnv, idOrName: string): Promise<CloudPcProvisioningPolicy | string> {
  try {
    return await env.api.getPolicy(idOrName, { signal: env.signal });
  } catch (err) {
    if (!isGraphError(err) || (err.status !== 404 && err.status !== 400)) throw err;
  }
  // Exact-name match, never a prefix (docs/service-facts.md "Endpoints and paging").
  const byName = await env.api.findPoliciesByName(idOrName, { signal: env.signal });
  if (byName.length === 1) return byName[0]!;
  return byName.length > 1
    ? `${byName.length} policies are named ${JSON.stringify(idOrName)}: give the id (cpcpolicy_list_policies lists them)`
    : `no policy has the id or name ${JSON.stringify(idOrName)} (cpcpolicy_list_policies lists them)`;
}

export function readCloudPcs(env: AgentEnv): Promise<CloudPc[]> {
  return env.api.listCloudPcs({ signal: env.signal });
}

/** Splits ids into the Cloud PCs found and the ids that name none. */
export function pickCloudPcs(all: readonly CloudPc[], ids: readonly string[]): { found: CloudPc[]; unknown: string[] } {
  const byId = new Map(all.map((pc) => [pc.id.toLowerCase(), pc]));
  const found: CloudPc[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const pc = byId.get(id.toLowerCase());
    if (pc) found.push(pc);
    else unknown.push(id);
  }
  return { found, unknown };
}
