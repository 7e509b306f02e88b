// Each policy of a file against the tenant: not deployed, deployed as written, or deployed with differences
// (the CodeLens above each policy). Plain TS: the same binding (the `policy id` comment, else the exact
// displayName) and the same comparison by meaning that Deploy uses, so the lens never disagrees with Deploy.
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { policyBindings } from '../../core/policy/policyBinding';
import { changedProperties, parsePolicyFiles } from '../../core/deploy/policyFileShape';

export type DeployedState =
  | { kind: 'notDeployed'; index: number; offset: number }
  /** Bound by id to a policy the tenant no longer has. */
  | { kind: 'gone'; index: number; offset: number; id: string }
  | { kind: 'matches'; index: number; offset: number; policy: CloudPcProvisioningPolicy }
  | { kind: 'differs'; index: number; offset: number; policy: CloudPcProvisioningPolicy; properties: string[] };

/** One state per policy of the text, in file order; [] when the text is not a policy file. */
export function deployedStates(text: string, deployed: readonly CloudPcProvisioningPolicy[]): DeployedState[] {
  const set = parsePolicyFiles(text);
  const bindings = policyBindings(text);
  if (bindings.length !== set.policies.length) return [];
  const byId = new Map(deployed.map((p) => [p.id.toLowerCase(), p]));
  const byName = new Map<string, CloudPcProvisioningPolicy>();
  for (const p of deployed) if (!byName.has(p.displayName)) byName.set(p.displayName, p);
  return set.policies.map((file, index) => {
    const { id, start: offset } = bindings[index]!;
    if (id) {
      const policy = byId.get(id.toLowerCase());
      if (!policy) return { kind: 'gone', index, offset, id };
      return compare(index, offset, file, policy);
    }
    const name = file.fields.displayName;
    const policy = typeof name === 'string' ? byName.get(name) : undefined;
    return policy ? compare(index, offset, file, policy) : { kind: 'notDeployed', index, offset };
  });
}

function compare(
  index: number,
  offset: number,
  file: Parameters<typeof changedProperties>[0],
  policy: CloudPcProvisioningPolicy,
): DeployedState {
  const properties = changedProperties(file, policy);
  if (file.fields.displayName !== undefined && file.fields.displayName !== policy.displayName)
    properties.unshift('displayName');
  return properties.length === 0
    ? { kind: 'matches', index, offset, policy }
    : { kind: 'differs', index, offset, policy, properties };
}

export interface CloudPcCounts {
  total: number;
  failed: number;
}

/** The lens's words: `Deployed · matches · 34 Cloud PCs, 1 failed` and the like. */
export function deployedStateTitle(state: DeployedState, counts: CloudPcCounts | undefined): string {
  switch (state.kind) {
    case 'notDeployed':
      return 'Not deployed';
    case 'gone':
      return 'Deployed policy was deleted';
    case 'matches':
      return `Deployed · matches${counts ? ` · ${cloudPcWords(counts)}` : ''}`;
    case 'differs':
      return `Deployed · differs in ${state.properties.length} propert${state.properties.length === 1 ? 'y' : 'ies'}`;
  }
}

function cloudPcWords({ total, failed }: CloudPcCounts): string {
  return `${total} Cloud PC${total === 1 ? '' : 's'}${failed > 0 ? `, ${failed} failed` : ''}`;
}
