// A file's policy against the deployed one, by meaning: which settings change (with both values) and which
// assignment targets come and go. The comparison is the one the CodeLens and Deploy have always used.
import type { CloudPcManagementGroupAssignmentTarget, CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { AssignmentChange, PropertyChange } from './deployPlan';
import { changedProperties, cleanTarget, sameAssignments } from './policyFileShape';
import type { PolicyFile } from './policyFileShape';

/** The settings apply changes, in the file's order (displayName is a rename; assignments are their own change). */
export function propertyChanges(file: PolicyFile, deployed: CloudPcProvisioningPolicy): PropertyChange[] {
  const record = deployed as unknown as Record<string, unknown>;
  const fields = file.fields as Record<string, unknown>;
  return changedProperties(file, deployed)
    .filter((k) => k !== 'assignments')
    .map((property) => ({ property, deployed: record[property], file: fields[property] }));
}

const keyOf = (t: CloudPcManagementGroupAssignmentTarget): string => JSON.stringify(cleanTarget(t));

/** Undefined when the file lists no assignments (they are left as deployed) or lists the deployed set. */
export function assignmentChange(
  file: PolicyFile,
  deployed: CloudPcProvisioningPolicy | undefined,
): AssignmentChange | undefined {
  if (!file.assignments) return undefined;
  const current = deployed?.assignments?.map((a) => a.target) ?? [];
  if (sameAssignments(current, file.assignments)) return undefined;
  const before = new Set(current.map(keyOf));
  const after = new Set(file.assignments.map(keyOf));
  return {
    added: file.assignments.filter((t) => !before.has(keyOf(t))).map(cleanTarget),
    removed: current.filter((t) => !after.has(keyOf(t))).map(cleanTarget),
  };
}
