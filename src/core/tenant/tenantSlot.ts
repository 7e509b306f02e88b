// Which tenant object the cursor is on: the value of an id property (a connection, an image, a region,
// a service plan, a group). Reads only the policy around the cursor in a large fleet (fleetSlices.ts).
import { getLocation } from 'jsonc-parser';
import { parseDocumentTree } from '../policy/documentTree';
import type { JsonPath, TextSpan } from '../policy/finding';
import { policySliceAt, shifted } from '../policy/fleetSlices';
import { asObject } from '../policy/jsonValue';
import type { JsonObject } from '../policy/jsonValue';
import { findExcessNesting } from '../policy/textScan';

export type TenantSlotKind =
  'connection' | 'galleryImage' | 'deviceImage' | 'region' | 'regionGroup' | 'servicePlan' | 'group';

export interface TenantSlot {
  kind: TenantSlotKind;
  /** The value's text span (quotes included) in the document, when a value is there. */
  range?: TextSpan;
  /** The value typed so far (a string value), or undefined. */
  value?: string;
  /** The policy around the cursor, as far as it parses (provisioningType, imageType). */
  policy: JsonObject;
}

/** The slot at `offset`, or undefined when the cursor is not on a tenant id. */
export function tenantSlotAt(text: string, offset: number): TenantSlot | undefined {
  const slice = policySliceAt(text, offset);
  if (!slice) return slotIn(text, offset, true);
  const slot = slotIn(slice.text, offset - slice.offset, false);
  return slot?.range ? { ...slot, range: shifted(slot.range, slice) } : slot;
}

/** `whole`: `text` is the document (a fleet's paths start with ['policies', i]), not one policy's slice. */
function slotIn(text: string, offset: number, whole: boolean): TenantSlot | undefined {
  if (findExcessNesting(text) >= 0) return undefined;
  const location = getLocation(text, Math.max(0, Math.min(offset, text.length)));
  if (location.isAtPropertyKey) return undefined;
  const full = location.path;
  const inFleet = whole && full[0] === 'policies' && typeof full[1] === 'number';
  const path = inFleet ? full.slice(2) : full;
  const { value } = parseDocumentTree(text);
  const root = asObject(value);
  const policy = (inFleet ? asObject((root?.['policies'] as unknown[] | undefined)?.[full[1] as number]) : root) ?? {};
  const kind = kindAt(path, policy);
  if (!kind) return undefined;
  const node = location.previousNode;
  const onValue = node && node.type === 'string';
  return {
    kind,
    policy,
    ...(onValue ? { range: { offset: node.offset, length: node.length }, value: String(node.value) } : {}),
  };
}

function kindAt(path: JsonPath, policy: JsonObject): TenantSlotKind | undefined {
  const [a, i, b, c] = path;
  if (path.length === 1 && a === 'imageId') return policy['imageType'] === 'custom' ? 'deviceImage' : 'galleryImage';
  if (path.length === 3 && a === 'domainJoinConfigurations' && typeof i === 'number') {
    if (b === 'onPremisesConnectionId') return 'connection';
    if (b === 'regionName') return 'region';
    if (b === 'regionGroup') return 'regionGroup';
  }
  if (path.length === 4 && a === 'assignments' && typeof i === 'number' && b === 'target') {
    if (c === 'groupId') return 'group';
    if (c === 'servicePlanId') return 'servicePlan';
  }
  return undefined;
}
