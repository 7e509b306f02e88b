// The sidebar: "Provisioning Policies" and "Cloud PCs", live while Cloud PCs move, and what commands may ask of it.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';
import { LiveRefresh } from './liveRefresh';
import { Sidebar } from './sidebar';
import type { SidebarIntents } from './sidebarIntents';

export interface Views {
  readonly sidebar: Sidebar;
  readonly live: LiveRefresh;
  /** The sidebar as commands see it: what it knows and what changed, never its models. */
  readonly intents: SidebarIntents;
}

export function registerViews(ctx: ExtensionContext): Views {
  const sidebar = new Sidebar(ctx);
  const live = new LiveRefresh(ctx, sidebar);
  let attached = false;
  const setBackendContext = (): void => {
    // Reading the kind does not create the backend: activation stays free of work.
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.backend', ctx.backends.kind);
    // The welcome content with Sign In shows on Graph while no account is signed in.
    void vscode.commands.executeCommand('setContext', 'cpcpolicy.signedIn', !!ctx.signIn.accountLabel);
  };
  setBackendContext();
  ctx.subscribe(
    sidebar,
    live,
    // Subscribe to simulator events only once the views loaded something (the backend exists by then).
    sidebar.onDidUpdate(() => {
      if (attached) return;
      attached = true;
      live.attach();
    }),
    ctx.backends.onDidChangeBackend(() => {
      setBackendContext();
      live.detach();
      attached = false;
      sidebar.reset();
    }),
    ctx.onDidRequestRefresh(() => void sidebar.refresh()),
    ctx.signIn.onDidChange(setBackendContext),
  );
  return { sidebar, live, intents: sidebarIntents(sidebar, live) };
}

/** Each intent names what changed; the sidebar decides what to read again and what to redraw. */
function sidebarIntents(sidebar: Sidebar, live: LiveRefresh): SidebarIntents {
  const { store, policyModel, cloudPcModel } = sidebar;
  return {
    policies: async () => {
      await sidebar.ensurePolicies();
      return policyModel.allPolicies();
    },
    knownPolicy: (id) => policyModel.policy(id),
    cloudPcs: async () => {
      await sidebar.ensureCloudPcs();
      return store.all();
    },
    knownCloudPc: (id) => store.get(id),
    knownCloudPcs: ({ policyId, bucket }) =>
      bucket
        ? store.list(bucket, policyId)
        : store.all().filter((pc) => !policyId || pc.provisioningPolicyId === policyId),
    countKnownCloudPcs: ({ policyId, bucket }) =>
      bucket ? store.count(bucket, policyId) : policyId ? store.countPolicy(policyId) : store.size,
    policyNameOf: (pc) => cloudPcModel.policyText(pc.provisioningPolicyId, pc.provisioningPolicyName),
    assignedGroupNames: async (policyId) => {
      await sidebar.loadGroupInfo(policyId);
      const names = new Map<string, string>();
      for (const [id, info] of policyModel.groupInfo) if (!('error' in info)) names.set(id, info.displayName);
      return names;
    },
    get cloudPcFilter() {
      return { filter: cloudPcModel.filter, description: cloudPcModel.filterDescription() };
    },
    policiesChanged: () => sidebar.reloadPolicies(),
    cloudPcsChanged: (ids) => (ids ? sidebar.syncCloudPcs(ids) : sidebar.reloadCloudPcs()),
    assignmentsChanged: async (policyIds) => {
      for (const id of typeof policyIds === 'string' ? [policyIds] : policyIds) sidebar.forgetGroupInfo(id);
      await Promise.all([sidebar.reloadPolicies(), sidebar.reloadCloudPcs()]);
    },
    tenantChanged: () => sidebar.refresh(),
    settled: () => live.settled(),
    showCloudPcs: (filter) => sidebar.setCloudPcFilter(filter),
    revealCloudPc: (id) => sidebar.revealCloudPc(id),
    revealActedOn: (ids) => sidebar.revealActedOn(ids),
    loadMore: (node) => sidebar.loadMore(node),
  };
}
