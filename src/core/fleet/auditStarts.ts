// Provisioning runs the audit log records: a successful "Reprovision Cloud PC" starts one for its Cloud PC
// (Graph: cloudPcAuditEvent; the service audits admin actions, not its own lifecycle steps).
import type { CloudPcAuditEvent } from '../model/auditEvent';
import { hourKeyOf } from './activityBins';

export interface AuditStart {
  cloudPcId: string;
  hourKey: string;
}

const STARTS_PROVISIONING = new Set(['ReprovisionCloudPc']);

export function auditProvisioningStarts(events: readonly CloudPcAuditEvent[], since: number): AuditStart[] {
  const sinceKey = new Date(since).toISOString().slice(0, 13);
  const out: AuditStart[] = [];
  for (const e of events) {
    if (!STARTS_PROVISIONING.has(e.activityType) || e.activityResult !== 'success') continue;
    const hourKey = hourKeyOf(e.activityDateTime);
    if (!hourKey || hourKey < sinceKey) continue;
    for (const r of e.resources)
      if (r.type === 'cloudPC' || r.type === 'cloudPc') out.push({ cloudPcId: r.resourceId, hourKey });
  }
  return out;
}
