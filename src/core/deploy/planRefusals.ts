// Refusals that come from the files and the tenant together, before any request that writes: two policies
// bound to one deployed policy, and a create or rename onto a name another policy holds (Deploy matches an
// unbound policy by exact displayName, so two of one name would be one policy to the next plan).
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { Localize } from './deployPreflight';
import type { PolicyPlan } from './deployPlan';

const where = (p: PolicyPlan): string => (p.index > 0 ? `${p.file}, policy ${p.index + 1}` : p.file);

/** Two file policies that stand for one deployed policy: both refused, each naming the other. */
export function duplicateBindingRefusals(policies: readonly PolicyPlan[], t: Localize): void {
  const byId = new Map<string, PolicyPlan[]>();
  for (const p of policies) {
    if (!p.policyId) continue;
    const list = byId.get(p.policyId.toLowerCase()) ?? [];
    list.push(p);
    byId.set(p.policyId.toLowerCase(), list);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const p of list) {
      const others = list.filter((o) => o !== p).map((o) => `"${o.name}" (${where(o)})`);
      p.refusals.push(
        t(
          '"{0}" and {1} all stand for the deployed policy {2}: remove the `policy id` comment or bindings entry from all but one, or give each its own name.',
          p.name,
          others.join(', '),
          id,
        ),
      );
    }
  }
}

/** A create or rename onto a name a deployed policy keeps (one that is not itself renamed away), or two files wanting one name. */
export function collisionRefusals(
  policies: readonly PolicyPlan[],
  deployed: readonly CloudPcProvisioningPolicy[],
  t: Localize,
): void {
  const renamedAway = new Set(policies.filter((p) => p.rename).map((p) => p.policyId));
  const holders = new Map<string, CloudPcProvisioningPolicy>();
  for (const d of deployed) if (!renamedAway.has(d.id) && !holders.has(d.displayName)) holders.set(d.displayName, d);
  const wanted = new Map<string, PolicyPlan[]>();
  for (const p of policies) {
    const list = wanted.get(p.name) ?? [];
    list.push(p);
    wanted.set(p.name, list);
  }
  for (const p of policies) {
    if (p.action !== 'create' && !p.rename) continue;
    const holder = holders.get(p.name);
    if (holder && holder.id !== p.policyId)
      p.refusals.push(
        t(
          '"{0}": the policy {1} already has this name on the tenant: choose another name, or rename or delete that policy first.',
          p.name,
          holder.id,
        ),
      );
  }
  for (const [name, list] of wanted) {
    if (list.length < 2) continue;
    for (const p of list)
      p.refusals.push(
        t(
          '{0} policies in the files are named "{1}" ({2}): give each its own name.',
          list.length,
          name,
          list.map(where).join(', '),
        ),
      );
  }
}
