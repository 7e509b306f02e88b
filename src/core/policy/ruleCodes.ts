// Every finding code the policy engine emits, with a short title: one table feeds the docs
// (docs/rules.md), SARIF rule metadata and tests. Codes are stable: never renumber, only add.

export interface RuleInfo {
  code: string;
  title: string;
  /** The graph-facts section the rule encodes, when it encodes a service rule. */
  source?: string;
}

export const RULES = {
  // CPC1xx: text and syntax
  syntaxError: { code: 'CPC101', title: 'JSON syntax error' },
  emptyDocument: { code: 'CPC102', title: 'Empty document' },
  rootNotObject: { code: 'CPC103', title: 'The document must be a policy object or { "policies": [...] }' },
  duplicateKey: { code: 'CPC104', title: 'Duplicate property name' },
  tooDeep: { code: 'CPC105', title: 'Nesting too deep' },
  invalidEncoding: { code: 'CPC106', title: 'Not valid UTF-8 text' },
  controlCharacters: { code: 'CPC107', title: 'Binary or control characters in the text' },
  // CPC2xx: schema (schemas/cpcpolicy.schema.json)
  wrongType: { code: 'CPC201', title: 'Value has the wrong type' },
  unknownProperty: { code: 'CPC202', title: 'Property not known to Graph' },
  notEnumMember: { code: 'CPC203', title: 'Value is not a member of a closed enum' },
  unknownOpenEnumMember: { code: 'CPC204', title: 'Value is not a known member of an evolvable enum' },
  missingProperty: { code: 'CPC205', title: 'Required property missing' },
  badFormat: { code: 'CPC206', title: 'Value does not have the required format (GUID, ...)' },
  outOfRange: { code: 'CPC207', title: 'Number or text length out of range' },
  schemaOther: { code: 'CPC208', title: 'Schema violation' },
  sentinelEnumValue: { code: 'CPC209', title: 'unknownFutureValue is a sentinel callers must not send', source: 'Graph: Best practices for working with Microsoft Graph (evolvable enumerations)' },
  // CPC3xx: domain rules (graph-facts C.2–C.5)
  cloudAppNeedsSharedByEntraGroup: { code: 'CPC301', title: 'userExperienceType cloudApp requires provisioningType sharedByEntraGroup', source: 'C.3' },
  persistenceNeedsSharedByEntraGroup: { code: 'CPC302', title: 'userSettingsPersistenceConfiguration only with sharedByEntraGroup', source: 'C.3' },
  imageIdFormat: { code: 'CPC303', title: 'imageId does not match imageType', source: 'C.4' },
  galleryImageSpelling: { code: 'CPC304', title: 'Gallery imageId spelled differently from the known image', source: 'C.4' },
  hybridJoinNeedsConnection: { code: 'CPC305', title: 'hybridAzureADJoin needs onPremisesConnectionId only', source: 'C.5' },
  azureJoinConnectionXorRegion: { code: 'CPC306', title: 'azureADJoin takes onPremisesConnectionId or regionName, not both', source: 'C.5' },
  displayNameForbiddenChars: { code: 'CPC307', title: 'displayName contains < > & | " ^', source: 'C.2' },
  displayNameMissing: { code: 'CPC308', title: 'displayName is required', source: 'B.1, C.2' },
  autopatchNotForShared: { code: 'CPC309', title: 'Autopatch is not available for Frontline shared', source: 'C.3' },
  readOnlyProperty: { code: 'CPC310', title: 'Read-only property: the service ignores it', source: 'B.1' },
  deprecatedOnPremisesConnectionId: { code: 'CPC311', title: 'onPremisesConnectionId is deprecated', source: 'C.8' },
  deprecatedDomainJoinConfiguration: { code: 'CPC312', title: 'domainJoinConfiguration is deprecated', source: 'C.8' },
  deprecatedWindowsSettings: { code: 'CPC313', title: 'windowsSettings is deprecated', source: 'C.8' },
  deprecatedSharedType: { code: 'CPC314', title: "provisioningType 'shared' is deprecated", source: 'C.8' },
  deprecatedDomainJoinTypeKey: { code: 'CPC315', title: 'domainJoinConfigurations[].type is deprecated', source: 'C.8' },
  deprecatedManagedDesktopType: { code: 'CPC316', title: 'microsoftManagedDesktop.type is deprecated', source: 'C.8' },
  deprecatedPersistenceFlag: { code: 'CPC317', title: 'Top-level userSettingsPersistenceEnabled is deprecated', source: 'C.8' },
  automaticRegionNotForShared: { code: 'CPC318', title: "regionName 'automatic' is not supported for Frontline shared", source: 'C.3' },
  autopilotTimeoutRange: { code: 'CPC319', title: 'applicationTimeoutInMinutes below 30 may be rejected', source: 'B.6' },
  servicePlanRequired: { code: 'CPC321', title: 'servicePlanId required for Frontline assignments', source: 'C.3' },
  servicePlanForDedicated: { code: 'CPC322', title: 'servicePlanId must be absent for dedicated', source: 'B.3' },
  duplicateGroup: { code: 'CPC323', title: 'Group assigned twice', source: 'C.6' },
  noDomainJoin: { code: 'CPC324', title: 'No domainJoinConfigurations: where do Cloud PCs join?', source: 'C.5' },
  overlappingTargets: { code: 'CPC325', title: 'Group targeted by two per-user policies: the first assigned wins', source: 'Learn: Create a provisioning policy' },
  // CPC4xx: naming template (graph-facts C.1)
  unclosedToken: { code: 'CPC401', title: 'Naming token not closed with %', source: 'C.1' },
  unknownToken: { code: 'CPC402', title: 'Unknown naming token', source: 'C.1' },
  badTokenLength: { code: 'CPC403', title: 'Naming token needs a length ≥ 1', source: 'C.1' },
  nameLength: { code: 'CPC404', title: 'Generated names too short or too long', source: 'C.1' },
  literalChars: { code: 'CPC405', title: 'Fixed text has characters not allowed in a device name', source: 'C.1' },
  fixedTextTooLong: { code: 'CPC406', title: 'Too much fixed text', source: 'C.1' },
  randMissing: { code: 'CPC407', title: '%RAND:y% is required', source: 'C.1' },
  randTooShort: { code: 'CPC408', title: '%RAND:y% too short', source: 'C.1' },
  usernameNotAllowed: { code: 'CPC409', title: '%USERNAME:x% only for dedicated policies', source: 'C.1' },
  collisionOdds: { code: 'CPC410', title: 'Random part likely to repeat across the fleet', source: 'C.1' },
  tokenCase: { code: 'CPC411', title: 'Naming token not written in upper case', source: 'C.1' },
} as const satisfies Record<string, RuleInfo>;

export type RuleKey = keyof typeof RULES;

export const ALL_RULES: readonly RuleInfo[] = Object.values(RULES);
