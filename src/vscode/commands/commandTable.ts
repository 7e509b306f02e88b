// Every command of the extension, in one table: its id (as package.json `contributes.commands` declares it)
// and the factory that builds its handler from the command context; one loop registers them all.
// test/unit/commands/commandTable.test.ts keeps this table and package.json the same list.
import * as vscode from 'vscode';
import { assign, removeAssignment } from './assignCommand';
import type { AssignOptions } from './assignCommand';
import { selectBackend, setBackend, signIn, signOut, switchTenant } from './backendCommands';
import { endGracePeriod, rename, reprovision } from './cloudPcCommands';
import type { CommandContext, CommandFactory } from './commandContext';
import { deployPolicyFile } from './deployPolicyFile';
import { diffPolicyFile } from './diffPolicyFile';
import { applySettings, deletePolicy, filterCloudPcs, loadMore, retry, showPolicyCloudPcs } from './policyCommands';
import { openPolicy, pullPolicy } from './policyDocumentCommands';
import { newPolicyFile } from './policyFileCommands';
import { findCloudPc } from './findCloudPc';
import { exportCloudPcs } from './exportCloudPcs';
import { exportFleetTable } from './exportFleetTable';
import { manageTrust } from '../trust/restrictedMode';
import {
  addGroup,
  addUser,
  addUserToGroup,
  advanceTime,
  assignLicense,
  injectFailure,
  resetTenant,
  simulatorControl,
} from './simulatorCommands';

const t = (message: string): string => vscode.l10n.t(message);

export function createCommands(): Record<string, CommandFactory> {
  return {
    // Where data comes from, and signing in.
    'cpcpolicy.refresh': (ctx) => () => ctx.requestRefresh(),
    'cpcpolicy.showLog': (ctx) => () => ctx.log.show(),
    'cpcpolicy.useSimulator': () => () => setBackend('simulator'),
    'cpcpolicy.useGraph': (ctx) => () => signIn(ctx),
    'cpcpolicy.signIn': (ctx) => () => signIn(ctx),
    'cpcpolicy.signOut': (ctx) => () => signOut(ctx),
    'cpcpolicy.switchTenant': (ctx) => () => switchTenant(ctx),
    'cpcpolicy.selectBackend': (ctx) => () => selectBackend(ctx),
    'cpcpolicy.trustFolder': () => () => manageTrust(),

    // Provisioning policies.
    'cpcpolicy.assign': (ctx) => (arg, groups, options) =>
      assign(ctx, arg, groups, typeof options === 'object' && options !== null ? (options as AssignOptions) : {}),
    'cpcpolicy.removeAssignment': (ctx) => (arg, groupId) => removeAssignment(ctx, arg, groupId),
    'cpcpolicy.retry': (ctx) => (arg, selection) => retry(ctx, arg, selection),
    'cpcpolicy.applySettings': (ctx) => (arg, setting) => applySettings(ctx, arg, setting),
    'cpcpolicy.deletePolicy': (ctx) => (arg) => deletePolicy(ctx, arg),

    // Cloud PCs.
    'cpcpolicy.reprovision': (ctx) => (arg, selection) => reprovision(ctx, arg, selection),
    'cpcpolicy.endGracePeriod': (ctx) => (arg, selection) => endGracePeriod(ctx, arg, selection),
    'cpcpolicy.rename': (ctx) => (arg, name) => rename(ctx, arg, name),

    // The views.
    'cpcpolicy.filterCloudPcs': (ctx) => (arg) => filterCloudPcs(ctx, arg),
    'cpcpolicy.clearCloudPcFilter': (ctx) => () => ctx.sidebar.showCloudPcs({}),
    'cpcpolicy.findCloudPc': (ctx) => () => findCloudPc(ctx),
    'cpcpolicy.exportCloudPcs': (ctx) => (arg) => exportCloudPcs(ctx, arg),
    'cpcpolicy.loadMore': (ctx) => (node) => loadMore(ctx, node),
    'cpcpolicy.showFleetOverview': (ctx) => () => ctx.fleet.show(),
    'cpcpolicy.exportFleetTable': (ctx) => (arg) => exportFleetTable(ctx, arg),
    'cpcpolicy.showPolicyCloudPcs': (ctx) => (policyId) => showPolicyCloudPcs(ctx, policyId),

    // Policy files and documents.
    'cpcpolicy.newPolicyFile': () => () => newPolicyFile(),
    'cpcpolicy.openPolicy': (ctx) => (arg) => openPolicy(ctx, arg),
    'cpcpolicy.deployPolicy': (ctx) => (arg) => deployPolicyFile(ctx, arg),
    'cpcpolicy.diffPolicyFile': (ctx) => (uri, index) => diffPolicyFile(ctx, uri, index),
    'cpcpolicy.pullPolicy': (ctx) => (arg) => pullPolicy(ctx, arg),

    // The simulator's controls (refused on Graph).
    'cpcpolicy.simulator.advanceTime': simulatorControl(() => t('Advance time failed'), advanceTime),
    'cpcpolicy.simulator.addUser': simulatorControl(() => t('Add user failed'), addUser),
    'cpcpolicy.simulator.addGroup': simulatorControl(() => t('Add group failed'), addGroup),
    'cpcpolicy.simulator.addUserToGroup': simulatorControl(() => t('Add user to group failed'), addUserToGroup),
    'cpcpolicy.simulator.assignLicense': simulatorControl(() => t('Assign license failed'), assignLicense),
    'cpcpolicy.simulator.injectFailure': simulatorControl(() => t('Inject failure failed'), injectFailure),
    'cpcpolicy.simulator.resetTenant': simulatorControl(() => t('Reset failed'), resetTenant),
  };
}

/** Registers every command of the table (disposed with the extension). */
export function registerCommands(
  ctx: CommandContext,
  commands: Record<string, CommandFactory> = createCommands(),
): void {
  for (const [id, factory] of Object.entries(commands))
    ctx.subscribe(vscode.commands.registerCommand(id, factory(ctx)));
}
