// Simulator controls (not Graph), under /_simulator: the clock, injected faults, a fresh tenant, what
// provisioning left behind, the settings, a connection's health and an image's age (docs/simulator.md
// "Simulator controls"). The optional `x-simulator-actor` header names the actor of audit events.
import type { RestResponse } from '../../model/rest';
import { CLOUD_PC_HEALTH_CHECK_STATUSES, CLOUD_PC_GALLERY_IMAGE_STATUSES } from '../../model/catalog';
import type { CloudPcOnPremisesConnection } from '../../model/catalog';
import type { GalleryImagePatch } from '../simulator';
import type { SimulatorSettings } from '../simulatorState';
import { MINUTE, HOUR, DAY, MAX_SIMULATED_TIME } from '../timeUnits';
import { footprintObjects, liveFootprint } from '../cloudPcFootprint';
import { createSeedData } from '../demoSeed';
import type { SeedKind } from '../demoSeed';
import { jsonResponse, invalidProperties } from './graphResponses';
import type { RestContext } from './restContext';
import { body, onlyKeys, expectType, result, notFound } from './restContext';
import { collection, query } from './odataCollection';
import type { RouteParams } from './router';

export function getClock(ctx: RestContext): RestResponse {
  return jsonResponse(ctx, 200, { now: ctx.sim.iso() });
}

export function advanceClock(ctx: RestContext): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['days', 'hours', 'minutes', 'to'], 'clock/advance');
  let ms = 0;
  for (const [k, unit] of [
    ['days', DAY],
    ['hours', HOUR],
    ['minutes', MINUTE],
  ] as const) {
    const v = b[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 3660)
      return invalidProperties(ctx, [`'${k}' must be a number from 0 to 3660.`]);
    ms += v * unit;
  }
  if (b.to !== undefined) {
    const t = typeof b.to === 'string' ? Date.parse(b.to) : NaN;
    if (!Number.isFinite(t) || t < ctx.sim.now())
      return invalidProperties(ctx, ["'to' must be an ISO date-time not before the current simulated time."]);
    ms = Math.max(ms, t - ctx.sim.now());
  }
  if (ctx.sim.now() + ms > MAX_SIMULATED_TIME)
    return invalidProperties(ctx, [
      `The simulated clock cannot pass ${ctx.sim.iso(MAX_SIMULATED_TIME)}: the dates it sets ahead (a grace period's end) must stay in year 9999.`,
    ]);
  ctx.sim.advanceBy(ms);
  return jsonResponse(ctx, 200, { now: ctx.sim.iso() });
}

export function listFaults(ctx: RestContext): RestResponse {
  return jsonResponse(ctx, 200, { value: ctx.sim.faults });
}

export function addFault(ctx: RestContext): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['kind', 'userPrincipalName', 'policyId', 'count'], 'a fault');
  if (b.kind !== 'provisioningFailure') return invalidProperties(ctx, ["'kind' must be 'provisioningFailure'."]);
  expectType(ctx, b.userPrincipalName, 'string', 'userPrincipalName');
  expectType(ctx, b.policyId, 'string', 'policyId');
  const count = b.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100000)
    return invalidProperties(ctx, ["'count' must be a whole number from 1 to 100000."]);
  const fault = ctx.sim.addFault({
    userPrincipalName: b.userPrincipalName as string | undefined,
    policyId: b.policyId as string | undefined,
    count,
  });
  return jsonResponse(ctx, 201, fault);
}

export function resetTenant(ctx: RestContext): RestResponse {
  const b = body(ctx, false);
  onlyKeys(ctx, b, ['seed'], 'reset');
  const seed = (b.seed ?? 'demo') as SeedKind;
  if (seed !== 'demo' && seed !== 'empty') return invalidProperties(ctx, ["'seed' must be 'demo' or 'empty'."]);
  ctx.sim.load(createSeedData(seed));
  return jsonResponse(ctx, 200, { seed, now: ctx.sim.iso() });
}

/** Objects of Cloud PCs in use, then those released and awaiting (or past) cleanup (docs/simulator.md rule 10). */
export function listObjects(ctx: RestContext): RestResponse {
  const sim = ctx.sim;
  const live = [...sim.cloudPcs.values()].map((c) => liveFootprint(sim, c)).filter((f) => f !== undefined);
  const rows = [...live, ...sim.footprints.values()].flatMap((f) => footprintObjects(sim, f));
  return collection(ctx, '_simulator/objects', rows, (r) => r, query(ctx));
}

export function getSettings(ctx: RestContext): RestResponse {
  return jsonResponse(ctx, 200, ctx.sim.settings);
}

export function patchSettings(ctx: RestContext): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['stageMinutes', 'failureRate', 'transitionMinutes'], 'settings');
  if (
    b.stageMinutes !== undefined &&
    (!Array.isArray(b.stageMinutes) ||
      b.stageMinutes.length !== 3 ||
      b.stageMinutes.some((m) => typeof m !== 'number' || !(m > 0) || m > 10000))
  ) {
    return invalidProperties(ctx, [
      "'stageMinutes' must be three positive numbers (create VM, set up for user, finish).",
    ]);
  }
  if (b.failureRate !== undefined && (typeof b.failureRate !== 'number' || !(b.failureRate >= 0 && b.failureRate <= 1)))
    return invalidProperties(ctx, ["'failureRate' must be from 0 to 1."]);
  if (
    b.transitionMinutes !== undefined &&
    (typeof b.transitionMinutes !== 'number' || !(b.transitionMinutes > 0) || b.transitionMinutes > 10000)
  )
    return invalidProperties(ctx, ["'transitionMinutes' must be a positive number."]);
  return jsonResponse(ctx, 200, ctx.sim.updateSettings(b as Partial<SimulatorSettings>));
}

export function patchConnection(ctx: RestContext, { id }: RouteParams): RestResponse {
  const b = body(ctx);
  onlyKeys(ctx, b, ['healthCheckStatus'], 'a connection patch');
  if (!(CLOUD_PC_HEALTH_CHECK_STATUSES as readonly unknown[]).includes(b.healthCheckStatus))
    return invalidProperties(ctx, [`'healthCheckStatus' must be one of ${CLOUD_PC_HEALTH_CHECK_STATUSES.join(', ')}.`]);
  const status = b.healthCheckStatus as CloudPcOnPremisesConnection['healthCheckStatus'];
  return result(ctx, ctx.sim.setConnectionHealth(id, status), (anc) => jsonResponse(ctx, 200, anc));
}

export function patchGalleryImage(ctx: RestContext, { id }: RouteParams): RestResponse {
  if (!ctx.sim.galleryImage(id)) return notFound(ctx, 'galleryImage', id);
  const b = body(ctx);
  onlyKeys(ctx, b, ['endDate', 'expirationDate', 'status'], 'a gallery image patch');
  for (const k of ['endDate', 'expirationDate'] as const) {
    if (b[k] === undefined) continue;
    if (b[k] !== null && (typeof b[k] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(b[k] as string)))
      return invalidProperties(ctx, [`'${k}' must be YYYY-MM-DD or null.`]);
  }
  if (b.status !== undefined && !(CLOUD_PC_GALLERY_IMAGE_STATUSES as readonly unknown[]).includes(b.status))
    return invalidProperties(ctx, ["'status' is not a gallery image status."]);
  return result(ctx, ctx.sim.updateGalleryImage(id, b as GalleryImagePatch), (image) => jsonResponse(ctx, 200, image));
}
