// The shape a snapshot must have to load (JSON Schema, checked by Ajv): every scalar the model computes with
// (id and event counters, the journal position) is a safe integer in range, the clock a number in range, every collection is
// a list of records with the keys the model indexes by. A file that loads therefore also works: a string
// clock or a counter past 2^53 is refused here with the path of the value, never a 500 on a later write.
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { LAST_DATE, MAX_SIMULATED_TIME } from './timeUnits';

const counter = { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER };
// Simulated time may be fractional (a fractional time scale or clock advance): a number, not an integer.
// The clock stops a margin before the last date; what it dates ahead (grace ends, scheduled events) may use the margin.
const time = { type: 'number', minimum: 0, maximum: LAST_DATE };
const clock = { type: 'number', minimum: 0, maximum: MAX_SIMULATED_TIME };
const timeOrNull = { anyOf: [time, { type: 'null' }] };
const str = { type: 'string' };
const strOrNull = { type: ['string', 'null'] };
const list = (items: object) => ({ type: 'array', items });
const record = (required: Record<string, object>) => ({
  type: 'object',
  required: Object.keys(required),
  properties: required,
});
const withId = record({ id: str });

const snapshotSchema = record({
  format: { const: 'cpcpolicy-simulator-state' },
  journalSeq: counter,
  data: record({
    version: { const: 1 },
    seed: str,
    idCounter: counter,
    eventSeq: counter,
    now: clock,
    settings: record({
      stageMinutes: { type: 'array', items: { type: 'number', minimum: 0 }, minItems: 3, maxItems: 3 },
      failureRate: { type: 'number', minimum: 0, maximum: 1 },
      transitionMinutes: { type: 'number', minimum: 0 },
    }),
    users: list(record({ id: str, userPrincipalName: str, licenses: list(str) })),
    groups: list(record({ id: str, createdDateTime: time, members: list(str) })),
    skus: list(record({ skuId: str })),
    policies: list(
      record({
        policy: withId,
        assignments: list(record({ groupId: str, servicePlanId: strOrNull, assignedSeq: counter })),
      }),
    ),
    cloudPcs: list(
      record({
        id: str,
        slot: str,
        policyId: str,
        userId: strOrNull,
        status: str,
        graceEnd: timeOrNull,
        lastModified: time,
        gen: counter,
      }),
    ),
    onPremisesConnections: list(withId),
    galleryImages: list(withId),
    deviceImages: list(withId),
    servicePlans: list(withId),
    supportedRegions: list(withId),
    auditEvents: list(withId),
    faults: list(record({ id: str, remaining: counter })),
    footprints: list(record({ id: str, cloudPcId: str, createdAt: time })),
    schedule: list(record({ at: time, seq: counter, kind: str, target: str, gen: counter })),
  }),
});

const check = new Ajv({ allErrors: false, strict: false }).compile(snapshotSchema);

/** Undefined when `parsed` has the snapshot's shape; otherwise which value does not, in words. */
export function snapshotShapeProblem(parsed: unknown): string | undefined {
  if (check(parsed)) return undefined;
  const e = (check.errors ?? [])[0] as ErrorObject | undefined;
  if (!e) return 'not a cpcpolicy simulator state';
  const at = e.instancePath || '/';
  const key = e.keyword === 'required' ? `${at === '/' ? '' : at}/${String(e.params.missingProperty)}` : at;
  return `${key} ${e.keyword === 'required' ? 'is missing' : (e.message ?? 'is not valid')}`;
}
