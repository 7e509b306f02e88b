// Simulator controls (shown only with the simulator backend): time, directory, licenses, faults, reset; each says what it did.
import * as vscode from 'vscode';
import type { DirectoryGroup, DirectoryUser, SubscribedSku } from '../../core/model/directory';
import type { CommandContext, CommandFactory } from './commandContext';
import { reportError } from './actionProgress';
import { pickPolicyId } from './commandArgs';
import { reportResult } from './reportResult';
import { simulatorRequest } from './simulatorControl';
import { confirm } from './questions';
import { shortDateTime } from '../../core/model/timeWords';

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

/** `2h`, `30m`, `7d`, or a bare number of hours. */
export function parseDuration(text: string): { hours: number } | { minutes: number } | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([dhm]?)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  if (unit === 'm') return { minutes: n };
  return { hours: unit === 'd' ? n * 24 : n };
}

async function listUsers(ctx: CommandContext): Promise<DirectoryUser[]> {
  return (await simulatorRequest<{ value: DirectoryUser[] }>(ctx, 'GET', '/v1.0/users?$top=999')).value;
}

async function pickUser(ctx: CommandContext, title: string): Promise<DirectoryUser | undefined> {
  const users = await listUsers(ctx);
  return (
    await vscode.window.showQuickPick(
      users.map((u) => ({ label: u.displayName, description: u.userPrincipalName, user: u })),
      { title, matchOnDescription: true },
    )
  )?.user;
}

async function pickGroup(ctx: CommandContext, title: string): Promise<DirectoryGroup | undefined> {
  const groups = await ctx.api.searchGroups('', { signal: ctx.signal });
  return (
    await vscode.window.showQuickPick(
      groups.map((g) => ({ label: g.displayName, description: g.description ?? '', group: g })),
      { title },
    )
  )?.group;
}

function argObject<T>(arg: unknown): Partial<T> {
  return typeof arg === 'object' && arg !== null && !Array.isArray(arg) ? (arg as Partial<T>) : {};
}

/**
 * A simulator control as a command: refused on Graph, errors shown, and the views caught up before it
 * returns (tests await the command).
 */
export function simulatorControl(
  what: () => string,
  fn: (ctx: CommandContext, ...args: unknown[]) => Promise<unknown>,
): CommandFactory {
  return (ctx) =>
    async (...args: unknown[]): Promise<unknown> => {
      if (ctx.backends.kind !== 'simulator') {
        void vscode.window.showInformationMessage(t('Simulator controls work only with the simulator backend.'));
        return undefined;
      }
      try {
        const result = await fn(ctx, ...args);
        await ctx.sidebar.settled();
        return result;
      } catch (err) {
        reportError(ctx, what(), err);
        return undefined;
      }
    };
}

export async function advanceTime(ctx: CommandContext, arg: unknown): Promise<unknown> {
  let body =
    typeof arg === 'number'
      ? { hours: arg }
      : typeof arg === 'string'
        ? parseDuration(arg)
        : argObject<{ hours: number; minutes: number }>(arg);
  if (!body || Object.keys(body).length === 0) {
    const text = await vscode.window.showInputBox({
      title: t('Advance simulated time'),
      prompt: t('How far: 30m, 2h (a provisioning takes about 2 h), 7d (a grace period)'),
      value: '2h',
      validateInput: (v) => (parseDuration(v) ? undefined : t('A number with m, h or d, e.g. 2h')),
    });
    body = text === undefined ? undefined : parseDuration(text);
  }
  if (!body) return undefined;
  const result = await simulatorRequest<{ now: string }>(ctx, 'POST', '/_simulator/clock/advance', body);
  const by =
    'minutes' in body && body.minutes !== undefined
      ? t('{0} min', body.minutes)
      : t('{0} h', (body as { hours: number }).hours);
  reportResult(ctx, t('Simulated time moved on {0}: it is now {1} UTC.', by, shortDateTime(Date.parse(result.now))));
  return result;
}

export async function addUser(ctx: CommandContext, arg: unknown): Promise<unknown> {
  const input = argObject<{ displayName: string; userPrincipalName: string }>(arg);
  const displayName =
    input.displayName ??
    (await vscode.window.showInputBox({ title: t('Add user'), prompt: t('Display name'), value: 'Nestor Wilke' }));
  if (!displayName) return undefined;
  const suggested = `${displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')}@contoso.onmicrosoft.com`;
  const upn =
    input.userPrincipalName ??
    (await vscode.window.showInputBox({
      title: t('Add user'),
      prompt: t('User principal name'),
      value: suggested,
      validateInput: (v) => (/^[^@\s]+@[^@\s]+$/.test(v) ? undefined : t('name@domain')),
    }));
  if (!upn) return undefined;
  const user = await simulatorRequest<DirectoryUser>(ctx, 'POST', '/v1.0/users', {
    accountEnabled: true,
    displayName,
    userPrincipalName: upn,
    mailNickname: upn.split('@')[0],
    usageLocation: 'US',
    passwordProfile: { forceChangePasswordNextSignIn: true, password: 'simulator-only' },
  });
  reportResult(
    ctx,
    t('Added the user {0} ({1}). Add them to a group and assign a license to give them a Cloud PC.', displayName, upn),
  );
  return user;
}

export async function addGroup(ctx: CommandContext, arg: unknown): Promise<unknown> {
  const input = argObject<{ displayName: string; description: string }>(arg);
  const displayName =
    input.displayName ??
    (await vscode.window.showInputBox({ title: t('Add group'), prompt: t('Group name'), value: 'Cloud PC Pilot' }));
  if (!displayName) return undefined;
  const group = await simulatorRequest<DirectoryGroup>(ctx, 'POST', '/v1.0/groups', {
    displayName,
    ...(input.description ? { description: input.description } : {}),
    mailEnabled: false,
    securityEnabled: true,
    mailNickname: displayName.replace(/[^A-Za-z0-9]/g, ''),
  });
  reportResult(ctx, t('Added the group "{0}".', displayName));
  return group;
}

export async function addUserToGroup(ctx: CommandContext, userArg: unknown, groupArg: unknown): Promise<unknown> {
  const userId = typeof userArg === 'string' ? userArg : (await pickUser(ctx, t('Add which user?')))?.id;
  if (!userId) return undefined;
  const groupId = typeof groupArg === 'string' ? groupArg : (await pickGroup(ctx, t('To which group?')))?.id;
  if (!groupId) return undefined;
  await simulatorRequest(ctx, 'POST', `/v1.0/groups/${encodeURIComponent(groupId)}/members/$ref`, {
    '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userId}`,
  });
  const [user, group] = await Promise.all([
    simulatorRequest<DirectoryUser>(ctx, 'GET', `/v1.0/users/${encodeURIComponent(userId)}`).catch(() => undefined),
    ctx.api.getGroup(groupId).catch(() => undefined),
  ]);
  reportResult(ctx, t('Added {0} to the group "{1}".', user?.displayName ?? userId, group?.displayName ?? groupId));
  return true;
}

export async function assignLicense(ctx: CommandContext, userArg: unknown, skuArg: unknown): Promise<unknown> {
  const userId = typeof userArg === 'string' ? userArg : (await pickUser(ctx, t('License which user?')))?.id;
  if (!userId) return undefined;
  let skuId = typeof skuArg === 'string' ? skuArg : undefined;
  if (!skuId) {
    const skus = await ctx.api.listSubscribedSkus({ signal: ctx.signal });
    skuId = (
      await vscode.window.showQuickPick(
        skus.map((s: SubscribedSku) => ({
          label: s.skuPartNumber,
          description: t('{0} of {1} used', s.consumedUnits, s.prepaidUnits.enabled),
          skuId: s.skuId,
        })),
        { title: t('Which license?') },
      )
    )?.skuId;
  }
  if (!skuId) return undefined;
  const result = await simulatorRequest<DirectoryUser>(
    ctx,
    'POST',
    `/v1.0/users/${encodeURIComponent(userId)}/assignLicense`,
    { addLicenses: [{ skuId, disabledPlans: [] }], removeLicenses: [] },
  );
  const sku = (await ctx.api.listSubscribedSkus({ signal: ctx.signal }).catch(() => [])).find((s) => s.skuId === skuId);
  reportResult(ctx, t('Assigned the license {0} to {1}.', sku?.skuPartNumber ?? skuId, result?.displayName ?? userId));
  return result;
}

export async function injectFailure(ctx: CommandContext, arg: unknown): Promise<unknown> {
  const input = argObject<{ userPrincipalName: string; policyId: string; count: number }>(arg);
  let { userPrincipalName, policyId, count } = input;
  if (!arg) {
    const scope = await vscode.window.showQuickPick(
      [
        { label: t('The next provisioning of any Cloud PC'), value: 'any' as const },
        { label: t('Cloud PCs of one user…'), value: 'user' as const },
        { label: t('Cloud PCs of one policy…'), value: 'policy' as const },
      ],
      { title: t('Inject a provisioning failure') },
    );
    if (!scope) return undefined;
    if (scope.value === 'user') userPrincipalName = (await pickUser(ctx, t('Which user?')))?.userPrincipalName;
    if (scope.value === 'policy') policyId = await pickPolicyId(ctx.sidebar, t('Which policy?'));
    if (scope.value !== 'any' && !userPrincipalName && !policyId) return undefined;
    const howMany = await vscode.window.showQuickPick(
      [
        { label: '1', description: t('fails once; the automatic retry succeeds'), n: 1 },
        { label: '3', description: t('fails for good after the two automatic retries'), n: 3 },
      ],
      { title: t('How many attempts fail?') },
    );
    if (!howMany) return undefined;
    count = howMany.n;
  }
  const result = await simulatorRequest(ctx, 'POST', '/_simulator/faults', {
    kind: 'provisioningFailure',
    userPrincipalName,
    policyId,
    count: count ?? 1,
  });
  const policyName = policyId ? (ctx.sidebar.knownPolicy(policyId)?.displayName ?? policyId) : undefined;
  const whom = userPrincipalName
    ? t('a Cloud PC of {0}', userPrincipalName)
    : policyName
      ? t('a Cloud PC of the policy "{0}"', policyName)
      : t('any Cloud PC');
  const n = count ?? 1;
  reportResult(
    ctx,
    n === 1
      ? t(
          'The next provisioning attempt of {0} will fail once (the automatic retry then succeeds). Existing Cloud PCs are not touched.',
          whom,
        )
      : t(
          'The next {0} provisioning attempts of {1} will fail (after 3, the Cloud PC ends failed). Existing Cloud PCs are not touched.',
          n,
          whom,
        ),
  );
  return result;
}

/** Always asks (an argument only picks the seed): no command argument skips a question (questions.ts). */
export async function resetTenant(ctx: CommandContext, seedArg: unknown): Promise<unknown> {
  const seed = seedArg === 'empty' ? 'empty' : 'demo';
  const go = await confirm('simulator', {
    message:
      seed === 'demo'
        ? t('Reset the simulated tenant to the demo tenant?')
        : t('Reset the simulated tenant to an empty tenant?'),
    detail: t('Every simulated policy, Cloud PC, user and group is replaced. Nothing real is touched.'),
    proceed: t('Reset'),
    keep: t('Keep'),
  });
  if (!go) return undefined;
  const result = await simulatorRequest(ctx, 'POST', '/_simulator/reset', { seed });
  await ctx.sidebar.tenantChanged();
  reportResult(
    ctx,
    seed === 'demo' ? t('The simulated tenant is the demo tenant again.') : t('The simulated tenant is empty.'),
  );
  return result;
}
