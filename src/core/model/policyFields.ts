// Which provisioning-policy properties a client never writes, in one list for the simulator's request checks,
// the file shaping (Pull, export) and the deploy engine (docs/service-facts.md, "Provisioning policy
// properties"; the schema marks the same ones `readOnly`, test/unit/model/policyFields.test.ts checks it).

/** Set by the service: a request may echo them back (they are ignored), a file never carries them. */
export const READ_ONLY_POLICY_FIELDS = [
  '@odata.context',
  'id',
  'alternateResourceUrl',
  'cloudPcGroupDisplayName',
  'createdBy',
  'createdDateTime',
  'lastModifiedBy',
  'lastModifiedDateTime',
  'gracePeriodInHours',
] as const;

/** Set by the service inside a setting: read-only in the schema, never carried by a file. */
export const NESTED_READ_ONLY_POLICY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  domainJoinConfigurations: ['geographicLocationType'],
};

/** Can't change after the policy is created (docs/simulator.md rule 11): never part of an update. */
export const IMMUTABLE_POLICY_FIELDS = ['provisioningType', 'userExperienceType'] as const;

export type ImmutablePolicyField = (typeof IMMUTABLE_POLICY_FIELDS)[number];

const readOnly = new Set<string>(READ_ONLY_POLICY_FIELDS);

export function isReadOnlyPolicyField(key: string): boolean {
  return readOnly.has(key);
}
