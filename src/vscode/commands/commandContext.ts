// What every command is built with: the extension's context plus the backend at hand (read when the command
// runs, so a backend switch is followed), the sidebar's intents, the policy documents and the Fleet Overview.
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';
import type { CloudPcApi } from '../../core/graph/cloudPcApi';
import type { ActiveBackend } from '../backend/backendManager';
import type { ExtensionContext } from '../extensionContext';
import type { SidebarIntents } from '../views/sidebarIntents';
import type { RemotePolicyDocuments } from './remotePolicyDocuments';

export interface CommandContext extends ExtensionContext {
  /** The backend in use now (created on first use). */
  readonly backend: ActiveBackend;
  /** The current backend's API: simulator or Microsoft Graph. */
  readonly api: CloudPcApi;
  /** Aborted when the backend changes: requests of the old backend stop. */
  readonly signal: AbortSignal;
  /** What the sidebar knows, and how to tell it what changed. */
  readonly sidebar: SidebarIntents;
  /** Read-only documents of deployed policies and of Deploy's diffs. */
  readonly documents: RemotePolicyDocuments;
  /** The Fleet Overview: open it, or read what it shows now (its export reads this). */
  readonly fleet: { show(): void; snapshot(): Promise<FleetSnapshot> };
}

/** A command's handler: VS Code passes the node (and the multi-selection) or a test's arguments. */
export type Command = (...args: unknown[]) => unknown;

/** Builds a command's handler from the context (rust-analyzer's `editors/code` command factories). */
export type CommandFactory = (ctx: CommandContext) => Command;

export function createCommandContext(
  ext: ExtensionContext,
  parts: Pick<CommandContext, 'sidebar' | 'documents' | 'fleet'>,
): CommandContext {
  return {
    ...ext,
    ...parts,
    get backend() {
      return ext.backends.current;
    },
    get api() {
      return ext.backends.current.api;
    },
    get signal() {
      return ext.backends.current.signal;
    },
  };
}
