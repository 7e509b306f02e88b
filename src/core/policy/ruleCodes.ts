// Every finding code the policy engine emits, with a short title: one table feeds the docs
// (docs/rules.md), SARIF rule metadata and tests. Codes are stable: never renumber, only add.

export interface RuleInfo {
  code: string;
  title: string;
  /** The public page (Learn or Graph, by title) the rule encodes, when it encodes a service rule; docs/rules.md lists them. */
  source?: string;
}

export const RULES = {
  // CPC1xx: text and syntax
  syntaxError: {
    code: 'CPC101',
    title: 'JSON syntax error',
    source: 'JSON (RFC 8259), with comments and trailing commas (JSONC)',
  },
  emptyDocument: { code: 'CPC102', title: 'Empty document', source: 'JSON (RFC 8259)' },
  rootNotObject: {
    code: 'CPC103',
    title: 'The document must be a policy object or { "policies": [...] }',
    source: "this tool's file format",
  },
  duplicateKey: {
    code: 'CPC104',
    title: 'Duplicate property name',
    source: 'JSON (RFC 8259) §4: names should be unique',
  },
  tooDeep: { code: 'CPC105', title: 'Nesting too deep', source: "this tool's file format (a policy nests 5 deep)" },
  invalidEncoding: { code: 'CPC106', title: 'Not valid UTF-8 text', source: 'JSON (RFC 8259) §8.1: UTF-8' },
  controlCharacters: {
    code: 'CPC107',
    title: 'Binary or control characters in the text',
    source: 'JSON (RFC 8259) §7',
  },
  tooManyFindings: {
    code: 'CPC108',
    title: 'More findings than one document reports',
    source: "this tool's bounds (docs/rules.md)",
  },
  // CPC2xx: schema (schemas/cpcpolicy.schema.json)
  wrongType: {
    code: 'CPC201',
    title: 'Value has the wrong type',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"',
  },
  unknownProperty: {
    code: 'CPC202',
    title: 'Property not known to Graph',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"',
  },
  notEnumMember: {
    code: 'CPC203',
    title: 'Value is not a member of a closed enum',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"',
  },
  unknownOpenEnumMember: {
    code: 'CPC204',
    title: 'Value is not a known member of an evolvable enum',
    source:
      'Graph: "cloudPcProvisioningPolicy resource type"; Graph: "Best practices for working with Microsoft Graph" (evolvable enumerations)',
  },
  missingProperty: {
    code: 'CPC205',
    title: 'Required property missing',
    source:
      'Graph: "cloudPcProvisioningPolicy resource type"; Graph: "Create cloudPcProvisioningPolicy" (required properties)',
  },
  badFormat: {
    code: 'CPC206',
    title: 'Value does not have the required format (GUID, ...)',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"',
  },
  outOfRange: {
    code: 'CPC207',
    title: 'Number or text length out of range',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"; Graph v1.0: "cloudPC resource type" (name lengths)',
  },
  schemaOther: {
    code: 'CPC208',
    title: 'Schema violation',
    source: 'Graph: "cloudPcProvisioningPolicy resource type"',
  },
  sentinelEnumValue: {
    code: 'CPC209',
    title: 'unknownFutureValue is a sentinel callers must not send',
    source: 'Graph: "Best practices for working with Microsoft Graph" (evolvable enumerations)',
  },
  // CPC3xx: domain rules
  cloudAppNeedsSharedByEntraGroup: {
    code: 'CPC301',
    title: 'userExperienceType cloudApp requires provisioningType sharedByEntraGroup',
    source:
      'Graph: "cloudPcProvisioningPolicy resource type" (userExperienceType); Learn: "Create a provisioning policy" (cloudApp only for Frontline shared)',
  },
  persistenceNeedsSharedByEntraGroup: {
    code: 'CPC302',
    title: 'userSettingsPersistenceConfiguration only with sharedByEntraGroup',
    source: 'Graph: "cloudPcProvisioningPolicy resource type" (userSettingsPersistenceConfiguration)',
  },
  imageIdFormat: {
    code: 'CPC303',
    title: 'imageId does not match imageType',
    source:
      'Graph: "cloudPcProvisioningPolicy resource type" (imageId, imageType); Graph: "cloudPcDeviceImage resource type"',
  },
  galleryImageSpelling: {
    code: 'CPC304',
    title: 'Gallery imageId spelled differently from the known image',
    source: 'Graph: "List galleryImages" (ids compare case-insensitively)',
  },
  hybridJoinNeedsConnection: {
    code: 'CPC305',
    title: 'hybridAzureADJoin needs onPremisesConnectionId only',
    source: 'Graph: "cloudPcDomainJoinConfiguration resource type"',
  },
  azureJoinConnectionXorRegion: {
    code: 'CPC306',
    title: 'azureADJoin takes onPremisesConnectionId or regionName, not both',
    source: 'Graph: "cloudPcDomainJoinConfiguration resource type"',
  },
  displayNameForbiddenChars: {
    code: 'CPC307',
    title: 'displayName contains < > & | " ^',
    source: 'Learn: "Create a provisioning policy"',
  },
  displayNameMissing: {
    code: 'CPC308',
    title: 'displayName is required',
    source: 'Graph: "Create cloudPcProvisioningPolicy"',
  },
  autopatchNotForShared: {
    code: 'CPC309',
    title: 'Autopatch is not available for Frontline shared',
    source: 'Learn: "Create a provisioning policy" (Autopatch not available for Frontline shared)',
  },
  readOnlyProperty: {
    code: 'CPC310',
    title: 'Read-only property: the service ignores it',
    source: 'Graph: "cloudPcProvisioningPolicy resource type" (read-only properties)',
  },
  deprecatedOnPremisesConnectionId: {
    code: 'CPC311',
    title: 'onPremisesConnectionId is deprecated',
    source: 'Graph: "Create cloudPcProvisioningPolicy" (onPremisesConnectionId deprecated 2024-05-31)',
  },
  deprecatedDomainJoinConfiguration: {
    code: 'CPC312',
    title: 'domainJoinConfiguration is deprecated',
    source: 'Graph: "Create cloudPcProvisioningPolicy" (domainJoinConfiguration deprecated 2024-05-31)',
  },
  deprecatedWindowsSettings: {
    code: 'CPC313',
    title: 'windowsSettings is deprecated',
    source: 'Graph: "cloudPcProvisioningPolicy resource type" (windowsSettings deprecated 2024-01-31)',
  },
  deprecatedSharedType: {
    code: 'CPC314',
    title: "provisioningType 'shared' is deprecated",
    source: 'Graph: "cloudPcProvisioningPolicy resource type" (provisioningType shared, stops 2027-04-30)',
  },
  deprecatedDomainJoinTypeKey: {
    code: 'CPC315',
    title: 'domainJoinConfigurations[].type is deprecated',
    source: 'Graph: "cloudPcDomainJoinConfiguration resource type" (type deprecated)',
  },
  deprecatedManagedDesktopType: {
    code: 'CPC316',
    title: 'microsoftManagedDesktop.type is deprecated',
    source: 'Graph: "microsoftManagedDesktop resource type" (type deprecated)',
  },
  deprecatedPersistenceFlag: {
    code: 'CPC317',
    title: 'Top-level userSettingsPersistenceEnabled is deprecated',
    source:
      'Graph: "cloudPcProvisioningPolicy resource type" (userSettingsPersistenceEnabled superseded by userSettingsPersistenceConfiguration)',
  },
  automaticRegionNotForShared: {
    code: 'CPC318',
    title: "regionName 'automatic' is not supported for Frontline shared",
    source: 'Learn: "Create a provisioning policy" (the automatic region is not supported for Frontline shared)',
  },
  autopilotTimeoutRange: {
    code: 'CPC319',
    title: 'applicationTimeoutInMinutes below 30 may be rejected',
    source: 'Graph: "cloudPcAutopilotConfiguration resource type"',
  },
  servicePlanRequired: {
    code: 'CPC321',
    title: 'servicePlanId required for Frontline assignments',
    source: 'Graph: "cloudPcManagementGroupAssignmentTarget resource type"',
  },
  servicePlanForDedicated: {
    code: 'CPC322',
    title: 'servicePlanId must be absent for dedicated',
    source: 'Graph: "cloudPcManagementGroupAssignmentTarget resource type"',
  },
  duplicateGroup: {
    code: 'CPC323',
    title: 'Group assigned twice',
    source: 'Graph: "cloudPcProvisioningPolicy: assign" (the body is the whole assignment set)',
  },
  noDomainJoin: {
    code: 'CPC324',
    title: 'No domainJoinConfigurations: where do Cloud PCs join?',
    source: 'Learn: "Create a provisioning policy" (network: Microsoft-hosted or an Azure network connection)',
  },
  overlappingTargets: {
    code: 'CPC325',
    title: 'Group targeted by two per-user policies: the first assigned wins',
    source: 'Learn: "Create a provisioning policy"',
  },
  reserveRestriction: {
    code: 'CPC326',
    title: 'Windows 365 Reserve: Microsoft Entra join on the Microsoft-hosted network, gallery images, no Autopilot',
    source: 'Learn: "Windows 365 Reserve FAQ"; Learn: "Managing Windows 365 Reserve"',
  },
  autopatchNeedsStarterManaged: {
    code: 'CPC327',
    title: 'Autopatch takes effect only with microsoftManagedDesktop.managedType starterManaged',
    source: 'Graph: "cloudPcProvisioningPolicyAutopatch resource type"; Graph: "microsoftManagedDesktop resource type"',
  },
  // CPC4xx: naming template
  unclosedToken: {
    code: 'CPC401',
    title: 'Naming token not closed with %',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  unknownToken: {
    code: 'CPC402',
    title: 'Unknown naming token',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  badTokenLength: {
    code: 'CPC403',
    title: 'Naming token needs a length ≥ 1',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  nameLength: {
    code: 'CPC404',
    title: 'Generated names too short or too long',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  literalChars: {
    code: 'CPC405',
    title: 'Fixed text has characters not allowed in a device name',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  fixedTextTooLong: {
    code: 'CPC406',
    title: 'Too much fixed text',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  randMissing: {
    code: 'CPC407',
    title: '%RAND:y% is required',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  randTooShort: {
    code: 'CPC408',
    title: '%RAND:y% too short',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  usernameNotAllowed: {
    code: 'CPC409',
    title: '%USERNAME:x% only for Enterprise and Frontline dedicated policies',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  collisionOdds: {
    code: 'CPC410',
    title: 'Random part likely to repeat across the fleet',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
  tokenCase: {
    code: 'CPC411',
    title: 'Naming token not written in upper case',
    source:
      'Learn: "Create a provisioning policy" (device name template); Graph: "cloudPcProvisioningPolicy resource type" (cloudPcNamingTemplate)',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleKey = keyof typeof RULES;

export const ALL_RULES: readonly RuleInfo[] = Object.values(RULES);
