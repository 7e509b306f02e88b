// Sign-in for the Graph backend through VS Code's own Microsoft authentication provider.
// Least privilege (docs/service-facts.md "Permissions and scopes"): read scopes to browse; write scope asked for only when an action needs it.
import * as vscode from 'vscode';
import type { GraphCloud } from '../../core/graph/graphClouds';
import { graphCloudBaseUrl } from '../../core/graph/graphClouds';
import { isRestricted, RestrictedModeError } from '../trust/restrictedMode';
import { userSetting } from '../trust/userSettings';

export interface GraphSignInSettings {
  cloud: GraphCloud;
  /** App registration id; VS Code's own client id may lack consent for CloudPC.* (README: register an app). */
  clientId: string;
  /** Tenant id or domain; empty means `organizations`. */
  tenant: string;
}

export function readGraphSignInSettings(): GraphSignInSettings {
  // Where tokens and data go: only the user's own settings count (userSettings.ts).
  return {
    cloud: userSetting<GraphCloud>('cpcpolicy.graph', 'cloud', 'global'),
    clientId: userSetting('cpcpolicy.graph', 'clientId', '').trim(),
    tenant: userSetting('cpcpolicy.graph', 'tenant', '').trim(),
  };
}

/** US Government uses the sovereign-cloud provider; everything else the global one. */
export function authProviderId(cloud: GraphCloud): string {
  return cloud === 'usGovL4' ? 'microsoft-sovereign-cloud' : 'microsoft';
}

/** The scope strings VS Code's provider takes: resource-qualified scopes plus its VSCODE_* pseudo-scopes. */
export function sessionScopes(settings: GraphSignInSettings, scopes: readonly string[]): string[] {
  const resource = graphCloudBaseUrl[settings.cloud];
  const out = scopes.map((s) => (s.includes('/') ? s : `${resource}/${s}`));
  if (settings.clientId) out.push(`VSCODE_CLIENT_ID:${settings.clientId}`);
  if (settings.tenant) out.push(`VSCODE_TENANT:${settings.tenant}`);
  return out.sort();
}

/** VS Code's `authentication.getSession`, as GraphSignIn calls it. */
export type SessionProvider = (
  providerId: string,
  scopes: string[],
  options: vscode.AuthenticationGetSessionOptions,
) => Thenable<vscode.AuthenticationSession | undefined>;

/**
 * A silent look-up answers at once when VS Code has a session. After a cancelled or failed interactive sign-in
 * it was seen never to answer, and the views waited under an endless progress bar: past this, we are signed out.
 */
export const SILENT_SIGN_IN_MS = 10_000;

let testSessions: SessionProvider | undefined;

/** Test-only (the test API of an extension host in test mode): stands in for VS Code's Microsoft provider. */
export function authenticateWith(provider: SessionProvider): vscode.Disposable {
  testSessions = provider;
  return new vscode.Disposable(() => {
    if (testSessions === provider) testSessions = undefined;
  });
}

function getSession(
  providerId: string,
  scopes: string[],
  options: vscode.AuthenticationGetSessionOptions,
): Thenable<vscode.AuthenticationSession | undefined> {
  return (testSessions ?? vscode.authentication.getSession)(providerId, scopes, options);
}

/** The silent look-up, or undefined (signed out) when it has not answered by the deadline. */
async function silentSession(providerId: string, scopes: string[]): Promise<vscode.AuthenticationSession | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), SILENT_SIGN_IN_MS)),
  );
  try {
    return await Promise.race([Promise.resolve(getSession(providerId, scopes, { silent: true })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export class GraphSignIn {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private account: vscode.AuthenticationSessionAccountInformation | undefined;

  constructor(private currentSettings: GraphSignInSettings = readGraphSignInSettings()) {}

  get settings(): GraphSignInSettings {
    return this.currentSettings;
  }

  get accountLabel(): string | undefined {
    return this.account?.label;
  }

  updateSettings(settings: GraphSignInSettings): void {
    this.currentSettings = settings;
    this.account = undefined;
    this.changed.fire();
  }

  /**
   * A token for these scopes. `interactive` lets VS Code ask the user to sign in or consent; without it
   * we only use a session that already exists. The token is returned to the transport and nowhere else.
   */
  async getToken(scopes: readonly string[], interactive: boolean): Promise<string> {
    // No token, so no request to a tenant, from a folder the user has not trusted.
    if (isRestricted()) throw new RestrictedModeError();
    const providerId = authProviderId(this.currentSettings.cloud);
    const wanted = sessionScopes(this.currentSettings, scopes);
    const session = interactive
      ? await getSession(providerId, wanted, { createIfNone: true })
      : await silentSession(providerId, wanted);
    if (!session) throw new SignInRequiredError();
    if (this.account?.id !== session.account.id) {
      this.account = session.account;
      this.changed.fire();
    }
    return session.accessToken;
  }

  /** Forgets the account in this extension; VS Code keeps the session for other extensions. */
  signOut(): void {
    this.account = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class SignInRequiredError extends Error {
  constructor() {
    super(vscode.l10n.t('Sign in to Microsoft Graph to see your tenant (Cloud PC: Sign In).'));
    this.name = 'SignInRequiredError';
  }
}
