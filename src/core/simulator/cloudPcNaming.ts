// A Cloud PC's device name: the policy's naming template (or the default for its kind) through the shared
// naming engine, unique in the tenant (docs/simulator.md rule 12).
import type { Tenant } from './tenant';
import type { CloudPcRecord } from './simulatorState';
import { DEFAULT_NAMING_TEMPLATE, DEFAULT_SHARED_NAMING_TEMPLATE } from '../model/defaultNamingTemplate';
import { compileNamingTemplate } from '../policy/namingTemplate';
import type { CompiledNamingTemplate } from '../policy/namingTemplate';

/** Parsed templates: parsing per Cloud PC would cost ~7 µs × 100,000 (the shared parser is the same). */
const templateCache = new Map<string, CompiledNamingTemplate>();

/**
 * Rule 12: names come from the policy's naming template through the shared naming engine, unique in
 * the tenant. Compiled once per template: provisioning 100k users must not re-parse it per Cloud PC.
 */
function expandName(template: string, userPrincipalName: string, random: () => number): string {
  let expand = templateCache.get(template);
  if (!expand) {
    if (templateCache.size > 1000) templateCache.clear();
    templateCache.set(template, (expand = compileNamingTemplate(template)));
  }
  return expand(userPrincipalName, random);
}

/** Gives `c` a device name unique in the tenant and registers it in `sim.deviceNames` (upper case). */
export function reserveDeviceName(sim: Tenant, template: string | null | undefined, c: CloudPcRecord): void {
  const t = template || (c.userId ? DEFAULT_NAMING_TEMPLATE : DEFAULT_SHARED_NAMING_TEMPLATE);
  const taken = sim.deviceNames;
  let name = '';
  for (let i = 0; i < 50; i++) {
    name = expandName(t, c.userPrincipalName ?? '', sim.random);
    // Test and claim in one hash operation: the set grows only if the name was free.
    const size = taken.size;
    taken.add(name.toUpperCase());
    if (taken.size !== size) {
      c.deviceName = name;
      return;
    }
  }
  // A template with too little randomness for the tenant: keep the name unique rather than fail.
  c.deviceName = `${name.slice(0, 10)}${sim.ids.nextUint32().toString(36).slice(0, 5)}`.toUpperCase();
  taken.add(c.deviceName);
}
