// cloudPcAuditEvent (docs/service-facts.md "Audit events"): every change made through the service is recorded as one.

export const CLOUD_PC_AUDIT_OPERATION_TYPES = ['create', 'delete', 'patch', 'unknownFutureValue'] as const;
export type CloudPcAuditActivityOperationType = (typeof CLOUD_PC_AUDIT_OPERATION_TYPES)[number];

export const CLOUD_PC_AUDIT_RESULTS = ['success', 'clientError', 'failure', 'timeout', 'unknownFutureValue'] as const;
export type CloudPcAuditActivityResult = (typeof CLOUD_PC_AUDIT_RESULTS)[number];

export const CLOUD_PC_AUDIT_ACTOR_TYPES = ['itPro', 'application', 'partner', 'unknownFutureValue'] as const;
export type CloudPcAuditActorType = (typeof CLOUD_PC_AUDIT_ACTOR_TYPES)[number];

export interface CloudPcAuditProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface CloudPcAuditResource {
  displayName: string | null;
  type: string;
  resourceId: string;
  modifiedProperties: CloudPcAuditProperty[];
}

export interface CloudPcAuditActor {
  type: CloudPcAuditActorType;
  userPrincipalName: string | null;
  userId: string | null;
  applicationId: string | null;
  applicationDisplayName: string | null;
  ipAddress: string | null;
  userPermissions: string[];
  userRoleScopeTags: { displayName: string; roleScopeTagId: string }[];
}

export interface CloudPcAuditEvent {
  id: string;
  displayName: string;
  componentName: string;
  activity: string;
  activityDateTime: string;
  activityType: string;
  activityOperationType: CloudPcAuditActivityOperationType;
  activityResult: CloudPcAuditActivityResult;
  actor: CloudPcAuditActor;
  category: 'cloudPC';
  correlationId: string;
  resources: CloudPcAuditResource[];
}
