// What commands may ask of the sidebar: what it already knows (loaded on demand), and what changed, in the
// words of the change ("the assignments of this policy changed"). The sidebar decides what to reload and
// redraw; commands never touch its models, store or providers (eslint and test/unit/commands/commandTable.test.ts check).
import type { CloudPc } from '../../core/model/cloudPc';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import type { StatusBucket } from './cloudPcStatusBuckets';
import type { TreeNode } from './treeNodes';

/** Which Cloud PCs the Cloud PCs view shows. */
export interface CloudPcFilter {
  policyId?: string;
  policyName?: string;
  bucket?: StatusBucket;
}

export interface SidebarIntents {
  // ---- what the sidebar knows ----
  /** The backend's policies, loaded first if the views have not yet. */
  policies(): Promise<readonly CloudPcProvisioningPolicy[]>;
  /** A policy as last loaded (no request). */
  knownPolicy(policyId: string): CloudPcProvisioningPolicy | undefined;
  /** Every Cloud PC, loaded first if the views have not yet. */
  cloudPcs(): Promise<readonly CloudPc[]>;
  /** A Cloud PC as last loaded (no request). */
  knownCloudPc(cloudPcId: string): CloudPc | undefined;
  /** The loaded Cloud PCs of a policy and/or a status bucket (no request). */
  knownCloudPcs(filter: { policyId?: string; bucket?: StatusBucket }): readonly CloudPc[];
  /** How many loaded Cloud PCs a policy and/or a status bucket has (no request, no list built). */
  countKnownCloudPcs(filter: { policyId?: string; bucket?: StatusBucket }): number;
  /** A Cloud PC's policy as the tenant names it now; a deleted policy by the name it had, marked deleted. */
  policyNameOf(pc: CloudPc): string;
  /** Names of the groups a policy is assigned to, by group id (read when missing). */
  assignedGroupNames(policyId: string): Promise<Map<string, string>>;
  /** The Cloud PCs view's filter now, and how the view describes it. */
  readonly cloudPcFilter: { readonly filter: CloudPcFilter; readonly description: string | undefined };

  // ---- what changed (each resolves when the views show it) ----
  /** Policies were created, renamed, edited or deleted. */
  policiesChanged(): Promise<void>;
  /** These Cloud PCs changed, or (no ids) any may have. */
  cloudPcsChanged(ids?: Iterable<string>): Promise<void>;
  /** Policies' assignments changed: their groups, the policies and the Cloud PCs they provision (one reload for all). */
  assignmentsChanged(policyIds: string | readonly string[]): Promise<void>;
  /** The whole tenant changed (a reset): everything is read again. */
  tenantChanged(): Promise<void>;
  /** Changes the backend announced so far (simulator events) reached the views. */
  settled(): Promise<void>;

  // ---- what the admin asked the views to do ----
  showCloudPcs(filter: CloudPcFilter): void;
  /** Selects a loaded Cloud PC's row in the Cloud PCs view (its group expanded); false when it is not loaded. */
  revealCloudPc(cloudPcId: string): Promise<boolean>;
  /**
   * After an action: while the Cloud PCs view is shown, the acted-on rows' groups open and the first row is
   * selected (a row that changed status may have moved into a collapsed group). The filter and focus stay.
   */
  revealActedOn(cloudPcIds: readonly string[]): Promise<void>;
  /** A "Load more…" row was clicked. */
  loadMore(node: TreeNode & { kind: 'loadMore' }): Promise<void>;
}
