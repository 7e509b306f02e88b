// A tenant's policies as files, written the way Pull writes them (settings in the service's order, nothing
// read-only, assignments last, the `policy id` comment that binds each): so export, then plan on an
// unchanged tenant, says "no changes".
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { policyToFileObject, policyToFileText } from './policyFileShape';

export interface ExportedFile {
  /** A file name (no directory): `<policy name>.cpcpolicy.json`, made safe and unique. */
  name: string;
  text: string;
  /** The ids of the file's policies, in file order (for a bindings file). */
  policyIds: string[];
}

/** The fleet file's name when `--fleet` is asked for. */
export const FLEET_FILE_NAME = 'policies.cpcpolicy.json';

/** One file per policy, named after it; two policies of one name get `-2`, `-3` … in list order. */
export function exportPolicyFiles(policies: readonly CloudPcProvisioningPolicy[], source: string): ExportedFile[] {
  const taken = new Set<string>();
  return policies.map((policy) => {
    const base = policy.displayName.replace(/[^A-Za-z0-9 ._()-]/g, '_').trim() || policy.id;
    let name = `${base}.cpcpolicy.json`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.cpcpolicy.json`;
    taken.add(name.toLowerCase());
    return { name, text: policyToFileText(policy, source), policyIds: [policy.id] };
  });
}

/** Every policy in one `{ "policies": [...] }` file (docs/rules.md CPC103), each after its `policy id` comment. */
export function exportFleetFile(policies: readonly CloudPcProvisioningPolicy[], source: string): ExportedFile {
  const items = policies.map((policy) => {
    const body = JSON.stringify(policyToFileObject(policy), null, 2).replace(/\n/g, '\n    ');
    return `    // policy id ${policy.id}\n    ${body}`;
  });
  const text = `// ${policies.length} policies exported from ${source}.\n{\n  "policies": [\n${items.join(',\n')}\n  ]\n}\n`;
  return { name: FLEET_FILE_NAME, text, policyIds: policies.map((p) => p.id) };
}
