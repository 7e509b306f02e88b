// What provisioning leaves behind (Intune and Entra devices, vNIC, NSG, on-premises computer account) and
// the cleanup about 3 hours after a failure or a deletion (docs/simulator.md rule 10).
import type { Tenant } from './tenant';
import { HOUR } from './timeUnits';
import type { CloudPcRecord, FootprintRecord, FootprintObjectKind, FootprintObjectState } from './simulatorState';

/** About 3 hours after a failure or a deletion the service cleans up: docs/simulator.md rule 10. */
export const CLEANUP_DELAY_MS = 3 * HOUR;

/**
 * What provisioning created lives on the Cloud PC while it is in use (aadDeviceId, managedDeviceId); when it
 * is released (final failure, deletion, reprovision) it becomes a footprint the service cleans up about
 * 3 h later (docs/simulator.md rule 10). Lazy, so a 100,000-PC tenant carries no extra records.
 */
export function releaseFootprint(sim: Tenant, c: CloudPcRecord): void {
  const f = liveFootprint(sim, c);
  if (!f) return;
  sim.footprints.set(f.id, f);
  sim.schedule(CLEANUP_DELAY_MS, 'cleanup', f.id, 0);
  c.footprintSeq++;
  c.aadDeviceId = null;
  c.managedDeviceId = null;
  c.footprintAt = null;
}

function isHybrid(sim: Tenant, c: CloudPcRecord): boolean {
  return !!c.ancId && sim.connections.get(c.ancId)?.connectionType === 'hybridAzureADJoin';
}

/** The objects of a Cloud PC still in use, as a footprint (not stored). */
export function liveFootprint(sim: Tenant, c: CloudPcRecord): FootprintRecord | undefined {
  if (!c.aadDeviceId) return undefined;
  return {
    id: `${c.id}.${c.footprintSeq}`,
    cloudPcId: c.id,
    deviceName: c.deviceName,
    aadDeviceId: c.aadDeviceId,
    managedDeviceId: c.managedDeviceId,
    hybrid: isHybrid(sim, c),
    createdAt: c.footprintAt ?? sim.now(),
    cleanedAt: null,
  };
}

export function cleanupFootprint(sim: Tenant, id: string): void {
  const f = sim.footprints.get(id);
  if (!f || f.cleanedAt !== null) return;
  f.cleanedAt = sim.now();
  sim.emit('tenant', f.id, 'updated');
  // Nothing is left to show once cleaned: keep the record (NSG kept, computer account disabled) for the admin.
}

export interface FootprintObject {
  id: string;
  kind: FootprintObjectKind;
  displayName: string;
  cloudPcId: string;
  state: FootprintObjectState;
  createdDateTime: string;
  cleanedUpDateTime: string | null;
}

/** Rule 10 as an admin sees it: Intune, Entra device and vNIC removed; NSG kept; computer account disabled. */
export function footprintObjects(sim: Tenant, f: FootprintRecord): FootprintObject[] {
  const cleaned = f.cleanedAt !== null;
  const at = sim.iso(f.createdAt);
  const done = cleaned ? sim.iso(f.cleanedAt!) : null;
  const o = (
    kind: FootprintObjectKind,
    id: string,
    displayName: string,
    after: FootprintObjectState,
  ): FootprintObject => ({
    id,
    kind,
    displayName,
    cloudPcId: f.cloudPcId,
    state: cleaned ? after : 'active',
    createdDateTime: at,
    cleanedUpDateTime: done,
  });
  const list = [
    o('virtualNic', `${f.id}-nic`, `${f.deviceName}-nic`, 'removed'),
    o('networkSecurityGroup', `${f.id}-nsg`, `${f.deviceName}-nsg`, 'retained'),
    o('entraDevice', f.aadDeviceId, f.deviceName, 'removed'),
  ];
  if (f.hybrid)
    list.push(
      o(
        'onPremisesComputerAccount',
        `${f.id}-ad`,
        `CN=${f.deviceName},OU=CloudPCs,DC=corp,DC=contoso,DC=com`,
        'disabled',
      ),
    );
  if (f.managedDeviceId) list.push(o('intuneManagedDevice', f.managedDeviceId, f.deviceName, 'removed'));
  return list;
}
