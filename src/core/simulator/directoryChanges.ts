// The directory the policies target: users, groups, direct membership and licences. A change reconciles only
// the users it touches (docs/simulator.md rule 2). An admin's change (an actor given) is an audit event
// (rule 13); building a tenant from seed data names no actor and records none, so a seed's ids stay put.
import { ok, fail, notFound } from './simResult';
import type { SimResult } from './simResult';
import type { GroupRecord, UserRecord } from './simulatorState';
import type { Actor, Tenant } from './tenant';
import { pullFrom, pushTo } from './tenant';
import { reconcileUser } from './reconciliation';

export interface NewUser {
  displayName: string;
  userPrincipalName: string;
  givenName?: string | null;
  surname?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  accountEnabled?: boolean;
  usageLocation?: string | null;
  id?: string;
}

export interface NewGroup {
  displayName: string;
  description?: string | null;
  mailNickname?: string;
  mailEnabled?: boolean;
  securityEnabled?: boolean;
  groupTypes?: string[];
  id?: string;
}

export function createUser(t: Tenant, input: NewUser, actor?: Actor): SimResult<UserRecord> {
  const key = input.userPrincipalName.toLowerCase();
  if (t.upnIndex.has(key))
    return fail(
      400,
      'Request_BadRequest',
      `Another object with the same value for property userPrincipalName already exists.`,
    );
  const user: UserRecord = {
    id: input.id ?? t.ids.guid(),
    displayName: input.displayName,
    userPrincipalName: input.userPrincipalName,
    givenName: input.givenName ?? null,
    surname: input.surname ?? null,
    jobTitle: input.jobTitle ?? null,
    department: input.department ?? null,
    accountEnabled: input.accountEnabled ?? true,
    usageLocation: input.usageLocation ?? null,
    licenses: [],
  };
  t.users.set(user.id, user);
  t.upnIndex.set(key, user.id);
  t.emit('user', user.id, 'created');
  if (actor)
    t.audit(
      'Create user',
      'CreateUser',
      'create',
      { id: user.id, displayName: user.displayName, type: 'user' },
      [],
      actor,
    );
  return ok(user);
}

export function deleteUser(t: Tenant, id: string, actor?: Actor): SimResult<void> {
  const user = t.users.get(id);
  if (!user) return notFound('user', id);
  for (const g of t.userGroups.get(id) ?? []) {
    const group = t.groups.get(g)!;
    group.members = group.members.filter((m) => m !== id);
    t.groupMembers.get(g)?.delete(id);
  }
  t.userGroups.delete(id);
  for (const skuId of user.licenses) {
    const sku = t.skus.get(skuId);
    if (sku) sku.consumedUnits--;
  }
  t.users.delete(id);
  t.upnIndex.delete(user.userPrincipalName.toLowerCase());
  reconcileUser(t, id);
  t.emit('user', id, 'deleted');
  if (actor)
    t.audit('Delete user', 'DeleteUser', 'delete', { id, displayName: user.displayName, type: 'user' }, [], actor);
  return ok(undefined);
}

export function createGroup(t: Tenant, input: NewGroup, actor?: Actor): SimResult<GroupRecord> {
  const group: GroupRecord = {
    id: input.id ?? t.ids.guid(),
    displayName: input.displayName,
    description: input.description ?? null,
    mailNickname: input.mailNickname ?? input.displayName.replace(/[^A-Za-z0-9]/g, ''),
    mailEnabled: input.mailEnabled ?? false,
    securityEnabled: input.securityEnabled ?? true,
    groupTypes: input.groupTypes ?? [],
    createdDateTime: t.now(),
    members: [],
  };
  t.groups.set(group.id, group);
  t.groupMembers.set(group.id, new Set());
  t.emit('group', group.id, 'created');
  if (actor)
    t.audit(
      'Create group',
      'CreateGroup',
      'create',
      { id: group.id, displayName: group.displayName, type: 'group' },
      [],
      actor,
    );
  return ok(group);
}

export function addMember(t: Tenant, groupId: string, memberId: string, actor?: Actor): SimResult<void> {
  const group = t.groups.get(groupId);
  if (!group) return notFound('group', groupId);
  const isUser = t.users.has(memberId);
  if (!isUser && !t.groups.has(memberId))
    return fail(
      404,
      'Request_ResourceNotFound',
      `Resource '${memberId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  if (memberId === groupId) return fail(400, 'Request_BadRequest', 'A group cannot be a member of itself.');
  const members = t.groupMembers.get(groupId)!;
  if (members.has(memberId))
    return fail(
      400,
      'Request_BadRequest',
      "One or more added object references already exist for the following modified properties: 'members'.",
    );
  members.add(memberId);
  group.members.push(memberId);
  // Nested groups are members but never expanded (docs/simulator.md rule 2): only direct users count.
  if (isUser) {
    pushTo(t.userGroups, memberId, groupId);
    reconcileUser(t, memberId);
  }
  return memberChanged(t, group, memberId, 'added', actor);
}

export function removeMember(t: Tenant, groupId: string, memberId: string, actor?: Actor): SimResult<void> {
  const group = t.groups.get(groupId);
  if (!group) return notFound('group', groupId);
  const members = t.groupMembers.get(groupId)!;
  if (!members.has(memberId))
    return fail(404, 'Request_ResourceNotFound', `Resource '${memberId}' is not a member of group '${groupId}'.`);
  members.delete(memberId);
  const at = group.members.indexOf(memberId);
  if (at >= 0) group.members.splice(at, 1);
  if (t.users.has(memberId)) {
    pullFrom(t.userGroups, memberId, groupId);
    reconcileUser(t, memberId);
  }
  return memberChanged(t, group, memberId, 'removed', actor);
}

/** Tells listeners the group changed and audits who added or removed the member (the Entra audit activity names). */
function memberChanged(
  t: Tenant,
  group: GroupRecord,
  memberId: string,
  change: 'added' | 'removed',
  actor?: Actor,
): SimResult<void> {
  t.emit('group', group.id, 'updated');
  if (!actor) return ok(undefined);
  const target = { id: group.id, displayName: group.displayName, type: 'group' };
  if (change === 'added') {
    t.audit(
      'Add member to group',
      'AddGroupMember',
      'patch',
      target,
      [{ displayName: 'members', oldValue: null, newValue: memberId }],
      actor,
    );
  } else {
    t.audit(
      'Remove member from group',
      'RemoveGroupMember',
      'patch',
      target,
      [{ displayName: 'members', oldValue: memberId, newValue: null }],
      actor,
    );
  }
  return ok(undefined);
}

export function assignLicense(
  t: Tenant,
  userId: string,
  add: string[],
  remove: string[],
  actor?: Actor,
): SimResult<UserRecord> {
  const user = t.users.get(userId);
  if (!user) return notFound('user', userId);
  for (const skuId of [...add, ...remove])
    if (!t.skus.has(skuId))
      return fail(400, 'Request_BadRequest', `License ${skuId} does not correspond to a valid company License.`);
  for (const skuId of add) {
    const sku = t.skus.get(skuId)!;
    if (!user.licenses.includes(skuId) && sku.consumedUnits >= sku.prepaidUnits.enabled) {
      return fail(400, 'Request_BadRequest', `Subscription ${sku.skuPartNumber} does not have any available licenses.`);
    }
  }
  for (const skuId of remove) {
    if (user.licenses.includes(skuId)) {
      user.licenses = user.licenses.filter((s) => s !== skuId);
      t.skus.get(skuId)!.consumedUnits--;
    }
  }
  for (const skuId of add) {
    if (!user.licenses.includes(skuId)) {
      user.licenses.push(skuId);
      t.skus.get(skuId)!.consumedUnits++;
    }
  }
  reconcileUser(t, userId);
  t.emit('license', userId, 'updated');
  t.emit('user', userId, 'updated');
  if (actor)
    t.audit(
      'Change user license',
      'AssignLicense',
      'patch',
      { id: userId, displayName: user.displayName, type: 'user' },
      [{ displayName: 'assignedLicenses', oldValue: null, newValue: JSON.stringify(user.licenses) }],
      actor,
    );
  return ok(user);
}
