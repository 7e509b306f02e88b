// The typed Cloud PC API the views, commands and CLI use: same code for Graph and for the simulator.
import { cloudPcApiScopes } from './graphScopes';
import type { GraphScopeName } from './graphScopes';
import { runBulk } from './bulkActions';
import type { BulkItemResult, BulkOptions } from './bulkActions';
import type { GraphReply, GraphRequester, GraphRequestSpec } from './graphRequester';
import { everyWordClause, odataString, seg } from './odataQuery';
import { collectPages, iteratePages } from './paging';
import type { CollectOptions, Page } from './paging';
import type { CloudPcAuditEvent as AuditEvent } from '../model/auditEvent';
import type {
  CloudPcDeviceImage as DeviceImage,
  CloudPcGalleryImage as GalleryImage,
  CloudPcOnPremisesConnection as OnPremisesConnection,
  CloudPcServicePlan as ServicePlan,
  CloudPcSupportedRegion as SupportedRegion,
} from '../model/catalog';
import type { CloudPc, CloudPcReprovisionRequest as ReprovisionBody } from '../model/cloudPc';
import type { DirectoryGroup, LicenseDetails as LicenseDetail, SubscribedSku } from '../model/directory';
import { GROUP_ASSIGNMENT_TARGET_ODATA_TYPE } from '../model/provisioningPolicy';
import type {
  CloudPcManagementGroupAssignmentTarget,
  CloudPcPolicyApplyRequest as ApplyPolicyBody,
  CloudPcProvisioningPolicy as ProvisioningPolicy,
} from '../model/provisioningPolicy';
import type { CloudPcFrontlineServicePlan as FrontlineServicePlan, DirectoryMember } from './resourceShapes';

/** What `assign` takes per group: the target; the service makes the id. */
export interface PolicyAssignmentInput {
  target: CloudPcManagementGroupAssignmentTarget;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListOptions extends CallOptions, CollectOptions {
  filter?: string;
  select?: string[];
  /** Page size ($top); the service may cap it. */
  top?: number;
  orderBy?: string;
}

export interface PolicyListOptions extends ListOptions {
  /** `$expand=assignments` (docs/service-facts.md "Endpoints and paging": assignments only come with it). Default true. */
  expandAssignments?: boolean;
}

export type CloudPcAction = 'reprovision' | 'reboot' | 'endGracePeriod' | 'troubleshoot';

const ve = '/deviceManagement/virtualEndpoint';

export class CloudPcApi {
  constructor(private readonly requester: GraphRequester) {}

  /** The origin this API talks to (for the status bar and logs). */
  get endpoint(): string {
    return this.requester.baseUrl;
  }

  // ---- Provisioning policies (docs/service-facts.md "Endpoints and paging") ----

  iteratePolicies(options: PolicyListOptions = {}): AsyncGenerator<Page<ProvisioningPolicy>> {
    return iteratePages(
      this.requester,
      this.listSpec(`${ve}/provisioningPolicies`, cloudPcApiScopes.listPolicies, options, {
        $expand: options.expandAssignments === false ? undefined : 'assignments',
      }),
    );
  }

  listPolicies(options: PolicyListOptions = {}): Promise<ProvisioningPolicy[]> {
    return collectPages(this.iteratePolicies(options), options);
  }

  async getPolicy(
    id: string,
    options: CallOptions & { expandAssignments?: boolean } = {},
  ): Promise<ProvisioningPolicy> {
    return this.getOne<ProvisioningPolicy>(
      `${ve}/provisioningPolicies/${seg(id)}`,
      cloudPcApiScopes.getPolicy,
      options,
      {
        $expand: options.expandAssignments === false ? undefined : 'assignments',
      },
    );
  }

  /** Exact-name lookup with `eq` (a prefix match finds the wrong policy: docs/service-facts.md "Endpoints and paging"). */
  async findPoliciesByName(displayName: string, options: CallOptions = {}): Promise<ProvisioningPolicy[]> {
    return this.listPolicies({ ...options, filter: `displayName eq ${odataString(displayName)}` });
  }

  /** 201 + the created policy. */
  async createPolicy(policy: Partial<ProvisioningPolicy>, options: CallOptions = {}): Promise<ProvisioningPolicy> {
    const reply = await this.call<ProvisioningPolicy>(
      'POST',
      `${ve}/provisioningPolicies`,
      cloudPcApiScopes.createPolicy,
      options,
      policy,
    );
    return reply.body ?? ({ ...policy } as ProvisioningPolicy);
  }

  /** 204 without body documented; a body, if any, is ignored (docs/service-facts.md "Endpoints and paging"). */
  async updatePolicy(id: string, patch: Partial<ProvisioningPolicy>, options: CallOptions = {}): Promise<void> {
    await this.call('PATCH', `${ve}/provisioningPolicies/${seg(id)}`, cloudPcApiScopes.updatePolicy, options, patch);
  }

  /** Fails (400) while the policy still has assignments (docs/service-facts.md "Provisioning lifecycle"); callers unassign first. */
  async deletePolicy(id: string, options: CallOptions = {}): Promise<void> {
    await this.call('DELETE', `${ve}/provisioningPolicies/${seg(id)}`, cloudPcApiScopes.deletePolicy, options);
  }

  /** Replaces the whole assignment set; `[]` removes all (docs/service-facts.md "Assignments"). */
  async assignPolicy(id: string, assignments: PolicyAssignmentInput[], options: CallOptions = {}): Promise<void> {
    const body = {
      assignments: assignments.map((a) => ({
        ...a,
        target: { '@odata.type': GROUP_ASSIGNMENT_TARGET_ODATA_TYPE, ...a.target },
      })),
    };
    await this.call(
      'POST',
      `${ve}/provisioningPolicies/${seg(id)}/assign`,
      cloudPcApiScopes.assignPolicy,
      options,
      body,
    );
  }

  /** Push region/SSO changes to existing Cloud PCs; service defaults policySettings to `region`. */
  async applyPolicy(id: string, body: ApplyPolicyBody = {}, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/provisioningPolicies/${seg(id)}/apply`, cloudPcApiScopes.applyPolicy, options, body);
  }

  /** Collection-bound: no policy id in the path (docs/service-facts.md "Endpoints and paging"). */
  async applyConfig(
    cloudPcIds: string[],
    policySettings?: ApplyPolicyBody['policySettings'],
    options: CallOptions = {},
  ): Promise<void> {
    await this.call('POST', `${ve}/provisioningPolicies/applyConfig`, cloudPcApiScopes.applyConfig, options, {
      cloudPcIds,
      ...(policySettings ? { policySettings } : {}),
    });
  }

  /** The page disagrees with itself (202 vs 204): any 2xx counts as accepted (docs/service-facts.md "Endpoints and paging"). */
  async retryPolicy(id: string, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/provisioningPolicies/${seg(id)}/retry`, cloudPcApiScopes.retryPolicy, options, {});
  }

  // ---- Cloud PCs (docs/service-facts.md "Cloud PC states and actions") ----

  iterateCloudPcs(options: ListOptions = {}): AsyncGenerator<Page<CloudPc>> {
    return iteratePages(this.requester, this.listSpec(`${ve}/cloudPCs`, cloudPcApiScopes.listCloudPcs, options));
  }

  listCloudPcs(options: ListOptions = {}): Promise<CloudPc[]> {
    return collectPages(this.iterateCloudPcs(options), options);
  }

  getCloudPc(id: string, options: CallOptions = {}): Promise<CloudPc> {
    return this.getOne<CloudPc>(`${ve}/cloudPCs/${seg(id)}`, cloudPcApiScopes.getCloudPc, options);
  }

  /** Server-side filter instead of listing everything (Graph "cloudPC: getProvisionedCloudPCs", docs/service-facts.md "Endpoints and paging"). */
  getProvisionedCloudPcs(groupId: string, servicePlanId: string, options: ListOptions = {}): Promise<CloudPc[]> {
    const path = `${ve}/cloudPCs/getProvisionedCloudPCs(groupId=${encodeURIComponent(odataString(groupId))},servicePlanId=${encodeURIComponent(odataString(servicePlanId))})`;
    return collectPages(
      iteratePages<CloudPc>(this.requester, this.listSpec(path, cloudPcApiScopes.getProvisionedCloudPcs, options)),
      options,
    );
  }

  async reprovisionCloudPc(id: string, body: ReprovisionBody = {}, options: CallOptions = {}): Promise<void> {
    await this.call(
      'POST',
      `${ve}/cloudPCs/${seg(id)}/reprovision`,
      cloudPcApiScopes.reprovisionCloudPc,
      options,
      body,
    );
  }

  async endGracePeriod(id: string, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/cloudPCs/${seg(id)}/endGracePeriod`, cloudPcApiScopes.endGracePeriod, options);
  }

  async renameCloudPc(id: string, displayName: string, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/cloudPCs/${seg(id)}/rename`, cloudPcApiScopes.renameCloudPc, options, {
      displayName,
    });
  }

  async rebootCloudPc(id: string, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/cloudPCs/${seg(id)}/reboot`, cloudPcApiScopes.rebootCloudPc, options);
  }

  async troubleshootCloudPc(id: string, options: CallOptions = {}): Promise<void> {
    await this.call('POST', `${ve}/cloudPCs/${seg(id)}/troubleshoot`, cloudPcApiScopes.troubleshootCloudPc, options);
  }

  /** One action on many Cloud PCs, ≤ 4 in flight, each exactly once; per-item results in input order. */
  bulkCloudPcAction(
    ids: readonly string[],
    action: CloudPcAction,
    options: BulkOptions & { reprovision?: ReprovisionBody } = {},
  ): Promise<BulkItemResult[]> {
    return runBulk(
      ids,
      (id, signal) => {
        switch (action) {
          case 'reprovision':
            return this.reprovisionCloudPc(id, options.reprovision, { signal });
          case 'reboot':
            return this.rebootCloudPc(id, { signal });
          case 'endGracePeriod':
            return this.endGracePeriod(id, { signal });
          case 'troubleshoot':
            return this.troubleshootCloudPc(id, { signal });
        }
      },
      options,
    );
  }

  bulkReprovision(
    ids: readonly string[],
    body: ReprovisionBody = {},
    options: BulkOptions = {},
  ): Promise<BulkItemResult[]> {
    return this.bulkCloudPcAction(ids, 'reprovision', { ...options, reprovision: body });
  }

  // ---- Lookups (docs/service-facts.md "Catalog: images, regions, connections, service plans") ----

  listGalleryImages(options: ListOptions = {}): Promise<GalleryImage[]> {
    return this.listAll(`${ve}/galleryImages`, cloudPcApiScopes.listGalleryImages, options);
  }

  listDeviceImages(options: ListOptions = {}): Promise<DeviceImage[]> {
    return this.listAll(`${ve}/deviceImages`, cloudPcApiScopes.listDeviceImages, options);
  }

  listOnPremisesConnections(options: ListOptions = {}): Promise<OnPremisesConnection[]> {
    return this.listAll(`${ve}/onPremisesConnections`, cloudPcApiScopes.listOnPremisesConnections, options);
  }

  listServicePlans(options: ListOptions = {}): Promise<ServicePlan[]> {
    return this.listAll(`${ve}/servicePlans`, cloudPcApiScopes.listServicePlans, options);
  }

  listFrontlineServicePlans(options: ListOptions = {}): Promise<FrontlineServicePlan[]> {
    return this.listAll(`${ve}/frontLineServicePlans`, cloudPcApiScopes.listFrontlineServicePlans, options);
  }

  listSupportedRegions(options: ListOptions = {}): Promise<SupportedRegion[]> {
    return this.listAll(`${ve}/supportedRegions`, cloudPcApiScopes.listSupportedRegions, options);
  }

  iterateAuditEvents(options: ListOptions = {}): AsyncGenerator<Page<AuditEvent>> {
    return iteratePages(this.requester, this.listSpec(`${ve}/auditEvents`, cloudPcApiScopes.listAuditEvents, options));
  }

  listAuditEvents(options: ListOptions = {}): Promise<AuditEvent[]> {
    return collectPages(this.iterateAuditEvents(options), options);
  }

  // ---- Directory reads for the assign picker (v1.0) ----

  /** `$search` on groups needs `ConsistencyLevel: eventual` (advanced query). */
  searchGroups(name: string, options: ListOptions = {}): Promise<DirectoryGroup[]> {
    const spec = this.listSpec(
      '/groups',
      cloudPcApiScopes.searchGroups,
      { select: ['id', 'displayName', 'description', 'mail', 'securityEnabled', 'groupTypes'], ...options },
      {
        $search: name.trim() ? everyWordClause('displayName', name) : undefined,
      },
      'v1.0',
    );
    spec.headers = { ConsistencyLevel: 'eventual' };
    return collectPages(iteratePages<DirectoryGroup>(this.requester, spec), options);
  }

  getGroup(id: string, options: CallOptions = {}): Promise<DirectoryGroup> {
    return this.getOne<DirectoryGroup>(`/groups/${seg(id)}`, cloudPcApiScopes.getGroup, options, undefined, 'v1.0');
  }

  /** Direct members only: Cloud PC assignment doesn't follow nested groups (docs/service-facts.md "Assignments"). */
  listGroupMembers(groupId: string, options: ListOptions = {}): Promise<DirectoryMember[]> {
    return this.listAll(
      `/groups/${seg(groupId)}/members`,
      cloudPcApiScopes.listGroupMembers,
      { select: ['id', 'displayName', 'userPrincipalName'], ...options },
      'v1.0',
    );
  }

  listUserLicenseDetails(userId: string, options: ListOptions = {}): Promise<LicenseDetail[]> {
    return this.listAll(
      `/users/${seg(userId)}/licenseDetails`,
      cloudPcApiScopes.listUserLicenseDetails,
      options,
      'v1.0',
    );
  }

  listSubscribedSkus(options: ListOptions = {}): Promise<SubscribedSku[]> {
    return this.listAll('/subscribedSkus', cloudPcApiScopes.listSubscribedSkus, options, 'v1.0');
  }

  // ---- plumbing ----

  private listAll<T>(
    path: string,
    scope: GraphScopeName,
    options: ListOptions,
    version: 'beta' | 'v1.0' = 'beta',
  ): Promise<T[]> {
    return collectPages(iteratePages<T>(this.requester, this.listSpec(path, scope, options, {}, version)), options);
  }

  private listSpec(
    path: string,
    scope: GraphScopeName,
    options: ListOptions,
    extra: Record<string, string | undefined> = {},
    version: 'beta' | 'v1.0' = 'beta',
  ): GraphRequestSpec {
    return {
      method: 'GET',
      version,
      path,
      scope,
      signal: options.signal,
      query: {
        ...extra,
        $filter: options.filter,
        $select: options.select?.join(','),
        $top: options.top,
        $orderby: options.orderBy,
      },
    };
  }

  private async getOne<T>(
    path: string,
    scope: GraphScopeName,
    options: CallOptions,
    query?: Record<string, string | undefined>,
    version: 'beta' | 'v1.0' = 'beta',
  ): Promise<T> {
    const reply = await this.requester.send<T>({ method: 'GET', version, path, scope, signal: options.signal, query });
    return reply.body as T;
  }

  private call<T = unknown>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    scope: GraphScopeName,
    options: CallOptions,
    body?: unknown,
  ): Promise<GraphReply<T>> {
    return this.requester.send<T>({ method, version: 'beta', path, scope, signal: options.signal, body });
  }
}
