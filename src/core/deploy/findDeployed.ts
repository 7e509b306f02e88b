// The deployed policy one policy file stands for (Pull and the read-only documents): its bound id, else its
// exact displayName. planDeploy matches many files at once against one list instead.
import type { CloudPcApi } from '../graph/cloudPcApi';
import { isNotFound } from '../graph/graphError';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { PolicyFile } from './policyFileShape';

/** What a policy of a file is deployed as: its bound policy, one of the same name, none, or a bound one that is gone. */
export interface DeployedMatch {
  policy?: CloudPcProvisioningPolicy;
  /** The file is bound to this id and the backend has no such policy (deleted elsewhere). */
  missingId?: string;
}

/**
 * The deployed policy a file's policy stands for, read whole (assignments included): the one its comment's
 * id names (so a renamed policy stays itself), else the one with its exact displayName.
 */
export async function findDeployed(
  api: CloudPcApi,
  file: PolicyFile,
  boundId: string | undefined,
  signal: AbortSignal,
): Promise<DeployedMatch> {
  if (boundId) {
    try {
      return { policy: await api.getPolicy(boundId, { signal }) };
    } catch (err) {
      if (isNotFound(err)) return { missingId: boundId };
      throw err;
    }
  }
  const name = file.fields.displayName;
  if (!name) return {};
  // Exact `eq` match: a prefix match takes the wrong policy when one name begins another (docs/service-facts.md, "Endpoints and paging").
  const [found] = await api.findPoliciesByName(name, { signal });
  return found ? { policy: await api.getPolicy(found.id, { signal }) } : {};
}
