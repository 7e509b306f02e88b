// One policy of a file on its way to the backend: what Deploy, its diff and its question look at.
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { PolicyFile } from './policyFileShape';

/** One policy of the file and what it is deployed as. */
export interface DeployStep {
  index: number;
  file: PolicyFile;
  boundId: string | undefined;
  existing: CloudPcProvisioningPolicy | undefined;
  /** Bound to a policy that no longer exists. */
  missingId: string | undefined;
  changes: string[];
  /** Groups the deployed policy has and the file no longer assigns, and how many Cloud PCs that sends into grace (undefined: unknown). */
  dropped?: { groups: string[]; cloudPcs: number | undefined };
}
