// Wires the deployed-state CodeLens to the sidebar's live data: the policies list and the Cloud PC store,
// both of which already follow the tenant (simulator change events, or polling on Graph).
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';
import type { Views } from '../views/registerViews';
import { DeployedStateLens } from './deployedStateLens';
import type { DeployedStateSource } from './deployedStateLens';
import { LANGUAGE_ID } from './policyDiagnostics';
import { TRUST_FOLDER_COMMAND, isRestricted, restrictedModeMessage } from '../trust/restrictedMode';

function sidebarSource(views: Views): DeployedStateSource & vscode.Disposable {
  const { sidebar } = views;
  const changed = new vscode.EventEmitter<void>();
  const store = sidebar.store.onDidChange(() => changed.fire());
  const updated = sidebar.onDidUpdate(() => changed.fire());
  return {
    onDidChange: changed.event,
    policies: () =>
      sidebar.policyModel.loaded && sidebar.policyModel.error === undefined
        ? sidebar.policyModel.allPolicies()
        : undefined,
    cloudPcCounts: (policyId) => ({
      total: sidebar.store.countPolicy(policyId),
      failed: sidebar.store.count('failed', policyId),
    }),
    ensureLoaded: () => {
      void sidebar.ensurePolicies();
      void sidebar.ensureCloudPcs();
    },
    dispose: () => {
      store.dispose();
      updated.dispose();
      changed.dispose();
    },
  };
}

export function registerDeployedStateLens(ctx: ExtensionContext, views: Views): void {
  const source = sidebarSource(views);
  const lens = new DeployedStateLens(
    source,
    {
      deploy: 'cpcpolicy.deployPolicy',
      diff: 'cpcpolicy.diffPolicyFile',
      show: 'cpcpolicy.showPolicyCloudPcs',
      trust: TRUST_FOLDER_COMMAND,
    },
    {
      restricted: isRestricted,
      reason: restrictedModeMessage,
      onDidChange: (listener) => vscode.workspace.onDidGrantWorkspaceTrust(listener),
    },
  );
  ctx.subscribe(source, lens, vscode.languages.registerCodeLensProvider({ language: LANGUAGE_ID }, lens));
}
