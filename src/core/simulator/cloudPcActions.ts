// What an admin does to Cloud PCs, one at a time or through their policy: reprovision, end the grace period,
// rename, reboot, troubleshoot, apply the policy's settings, retry the failed ones. Each is one audit event,
// recorded here with the change (docs/simulator.md rules 5–8 and 13, "apply on a Frontline shared pool").
import type { CloudPcOperatingSystem, CloudPcUserAccountType } from '../model/cloudPc';
import type { CloudPcPolicySettingType } from '../model/provisioningPolicy';
import { ok, fail, notFound } from './simResult';
import type { SimResult } from './simResult';
import type { CloudPcRecord } from './simulatorState';
import type { Actor, Tenant } from './tenant';
import { reprovision, retryFailed, applyPolicySetting, endGracePeriod } from './cloudPcLifecycle';

export type RemoteAction = 'reboot' | 'troubleshoot';

function withCloudPc<T>(
  t: Tenant,
  id: string,
  run: (c: CloudPcRecord, resource: { id: string; displayName: string; type: string }) => SimResult<T>,
): SimResult<T> {
  const c = t.cloudPcs.get(id);
  if (!c) return notFound('cloudPC', id);
  return run(c, { id, displayName: c.displayName, type: 'cloudPC' });
}

/** Rule 7: from provisioned or failed only; a new device name from the policy's current template. */
export function reprovisionCloudPc(
  t: Tenant,
  id: string,
  options: { osVersion?: CloudPcOperatingSystem | null; userAccountType?: CloudPcUserAccountType | null },
  actor: Actor,
): SimResult<void> {
  return withCloudPc(t, id, (c, resource) => {
    const oldName = c.deviceName;
    const r = reprovision(t, c, options);
    if (r.ok)
      t.audit(
        'Reprovision Cloud PC',
        'ReprovisionCloudPc',
        'patch',
        resource,
        [{ displayName: 'managedDeviceName', oldValue: oldName, newValue: c.deviceName }],
        actor,
      );
    else t.auditRefused('Reprovision Cloud PC', 'ReprovisionCloudPc', 'patch', resource, r.error.message, actor);
    return r;
  });
}

/** Rule 8: ends the grace period now; the Cloud PC is deprovisioned. */
export function endGracePeriodOf(t: Tenant, id: string, actor: Actor): SimResult<void> {
  return withCloudPc(t, id, (c, resource) => {
    const r = endGracePeriod(t, c);
    if (r.ok) t.audit('End Cloud PC grace period', 'EndGracePeriod', 'delete', resource, [], actor);
    else t.auditRefused('End Cloud PC grace period', 'EndGracePeriod', 'delete', resource, r.error.message, actor);
    return r;
  });
}

export function renameCloudPc(t: Tenant, id: string, displayName: string, actor: Actor): SimResult<void> {
  return withCloudPc(t, id, (c, resource) => {
    const old = c.displayName;
    c.displayName = displayName;
    c.lastModified = t.now();
    t.emit('cloudPc', id, 'updated');
    t.audit(
      'Rename Cloud PC',
      'RenameCloudPc',
      'patch',
      { ...resource, displayName },
      [{ displayName: 'displayName', oldValue: old, newValue: displayName }],
      actor,
    );
    return ok(undefined);
  });
}

/** Reboot and troubleshoot change nothing we model; they need a delivered Cloud PC and leave an audit event. */
export function remoteAction(t: Tenant, id: string, action: RemoteAction, actor: Actor): SimResult<void> {
  return withCloudPc(t, id, (c, resource) => {
    const [activity, type] =
      action === 'reboot' ? ['Reboot Cloud PC', 'RebootCloudPc'] : ['Troubleshoot Cloud PC', 'TroubleshootCloudPc'];
    if (c.status !== 'provisioned' && c.status !== 'provisionedWithWarnings') {
      const why = `The Cloud PC '${c.displayName}' is ${c.status}; ${action} needs a provisioned Cloud PC.`;
      t.auditRefused(activity, type, 'patch', resource, why, actor);
      return fail(400, 'badRequest', why, 'InvalidCloudPcStatus');
    }
    t.audit(activity, type, 'patch', resource, [], actor);
    return ok(undefined);
  });
}

/**
 * reservePercentage p: the pool's Cloud PCs beyond the reserved share (n − ⌊n·p/100⌋, oldest provisioned first)
 * are reprovisioned now, the reserved share stays available; p 0 reprovisions every one. ⚠ Graph does not say
 * when the service takes the reserved share (as users sign out): the simulator leaves it to the next apply,
 * which again takes the oldest first (docs/simulator.md "apply on a Frontline shared pool"). Returns how many.
 */
function reprovisionPool(t: Tenant, policyId: string, reservePercentage: number): number {
  const pool = [...(t.cloudPcsByPolicy.get(policyId) ?? [])].map((cid) => t.cloudPcs.get(cid)!);
  pool.sort((a, b) => (a.provisionedAt ?? -1) - (b.provisionedAt ?? -1));
  const wave = pool.length - Math.floor((pool.length * reservePercentage) / 100);
  let started = 0;
  for (const c of pool) {
    if (started >= wave) break;
    if (reprovision(t, c, {}).ok) started++;
  }
  return started;
}

/**
 * Rule 6: `apply` pushes region or single sign-on to the policy's delivered Cloud PCs; with reservePercentage 0
 * a Frontline shared pool is reprovisioned instead (docs/simulator.md "apply on a Frontline shared pool").
 */
export function applyPolicy(
  t: Tenant,
  id: string,
  settings: readonly CloudPcPolicySettingType[],
  reservePercentage: number | null | undefined,
  actor: Actor,
): SimResult<void> {
  const rec = t.policies.get(id);
  if (!rec) return notFound('cloudPcProvisioningPolicy', id);
  const pooled = typeof reservePercentage === 'number';
  let changed = pooled ? reprovisionPool(t, id, reservePercentage) : 0;
  if (!pooled)
    for (const cid of [...(t.cloudPcsByPolicy.get(id) ?? [])]) {
      for (const s of settings) if (applyPolicySetting(t, t.cloudPcs.get(cid)!, s)) changed++;
    }
  t.audit(
    'Apply provisioning policy',
    'ApplyProvisioningPolicy',
    'patch',
    { id, displayName: rec.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [
      { displayName: 'policySettings', oldValue: null, newValue: settings.join(',') },
      { displayName: 'cloudPcsChanged', oldValue: null, newValue: String(changed) },
      ...(pooled ? [{ displayName: 'reservePercentage', oldValue: null, newValue: String(reservePercentage) }] : []),
    ],
    actor,
  );
  return ok(undefined);
}

/** `applyConfig`: the same settings pushed to the Cloud PCs named (the caller answers 404 for an unknown id). */
export function applyConfig(
  t: Tenant,
  cloudPcIds: readonly string[],
  settings: readonly CloudPcPolicySettingType[],
  actor: Actor,
): void {
  for (const id of cloudPcIds) {
    const c = t.cloudPcs.get(id);
    if (c) for (const s of settings) applyPolicySetting(t, c, s);
  }
  t.audit(
    'Apply provisioning policy configuration',
    'ApplyConfig',
    'patch',
    { id: 'applyConfig', displayName: null, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'cloudPcIds', oldValue: null, newValue: JSON.stringify(cloudPcIds) }],
    actor,
  );
}

/** Policy `retry` (rule 5): a fresh series of attempts for each of its failed Cloud PCs; returns how many. */
export function retryPolicy(t: Tenant, id: string, actor: Actor): SimResult<number> {
  const rec = t.policies.get(id);
  if (!rec) return notFound('cloudPcProvisioningPolicy', id);
  let retried = 0;
  for (const cid of [...(t.cloudPcsByPolicy.get(id) ?? [])]) if (retryFailed(t, t.cloudPcs.get(cid)!)) retried++;
  t.audit(
    'Retry provisioning policy',
    'RetryProvisioningPolicy',
    'patch',
    { id, displayName: rec.policy.displayName, type: 'cloudPcProvisioningPolicy' },
    [{ displayName: 'cloudPcsRetried', oldValue: null, newValue: String(retried) }],
    actor,
  );
  return ok(retried);
}
