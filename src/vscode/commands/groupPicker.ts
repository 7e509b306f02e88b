// The group picker of Assign to Groups…: multi-select with search as you type (current assignments
// pre-selected, because assign replaces the whole set), then the Frontline service plan and allotment.
import * as vscode from 'vscode';
import type { CloudPcApi, PolicyAssignmentInput } from '../../core/graph/cloudPcApi';
import type { CloudPcProvisioningPolicy } from '../../core/model/provisioningPolicy';
import { errorText } from '../../core/model/errorText';

export type AssignTarget = PolicyAssignmentInput['target'];

const SEARCH_DEBOUNCE_MS = 250;

const t = (message: string, ...args: (string | number)[]): string => vscode.l10n.t(message, ...args);

export type GroupItem = vscode.QuickPickItem & { groupId: string };

/** Multi-select with search as you type; resolves to the picked groups, or undefined when dismissed. */
export async function pickGroups(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  currentNames: Map<string, string>,
  signal: AbortSignal,
): Promise<GroupItem[] | undefined> {
  const pick = vscode.window.createQuickPick<GroupItem>();
  pick.title = t('Assign "{0}" to groups', policy.displayName);
  pick.placeholder = t("Type to search groups; the checked groups become the policy's whole assignment set");
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  const known = new Map<string, GroupItem>();
  const itemFor = (id: string, label: string, description?: string): GroupItem => {
    let item = known.get(id);
    if (!item) known.set(id, (item = { label, description, groupId: id }));
    return item;
  };
  const current = (policy.assignments ?? []).map((a) =>
    itemFor(a.target.groupId, currentNames.get(a.target.groupId) ?? a.target.groupId, t('assigned now')),
  );
  let selected: GroupItem[] = current;
  let searchSeq = 0;
  const search = async (text: string): Promise<void> => {
    const seq = ++searchSeq;
    pick.busy = true;
    try {
      const found = await api.searchGroups(text, { top: 50, signal });
      if (seq !== searchSeq) return;
      const results = found.map((g) => itemFor(g.id, g.displayName, g.description ?? undefined));
      pick.items = [...selected, ...results.filter((r) => !selected.includes(r))];
      pick.selectedItems = selected;
    } catch (err) {
      if (seq === searchSeq) pick.placeholder = t('Search failed: {0}', errorText(err));
    } finally {
      if (seq === searchSeq) pick.busy = false;
    }
  };
  pick.items = current;
  pick.selectedItems = current;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise((resolve) => {
    const subs = [
      pick.onDidChangeSelection((items) => (selected = [...items])),
      pick.onDidChangeValue((value) => {
        clearTimeout(timer);
        timer = setTimeout(() => void search(value), SEARCH_DEBOUNCE_MS);
      }),
      pick.onDidAccept(() => {
        resolve(selected);
        pick.hide();
      }),
      pick.onDidHide(() => {
        clearTimeout(timer);
        resolve(undefined);
        for (const s of subs) s.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
    void search('');
  });
}

/** Frontline assignments name a service plan and an allotment (docs/rules.md CPC321). */
export async function frontlineTargets(
  api: CloudPcApi,
  policy: CloudPcProvisioningPolicy,
  groups: GroupItem[],
  signal: AbortSignal,
): Promise<AssignTarget[] | undefined> {
  const existing = new Map((policy.assignments ?? []).map((a) => [a.target.groupId, a.target]));
  const fresh = groups.filter((g) => !existing.get(g.groupId)?.servicePlanId);
  let servicePlanId: string | undefined;
  if (fresh.length > 0) {
    const plans = await api
      .listFrontlineServicePlans({ signal })
      .catch(async () => (await api.listServicePlans({ signal })).filter((p) => p.provisioningType !== 'dedicated'));
    const picked = await vscode.window.showQuickPick(
      plans.map((p) => ({ label: p.displayName, description: p.id, id: p.id })),
      {
        title: t('Frontline service plan for the new assignments'),
      },
    );
    if (!picked) return undefined;
    servicePlanId = picked.id;
  }
  const targets: AssignTarget[] = [];
  for (const g of groups) {
    const old = existing.get(g.groupId);
    if (old?.servicePlanId) {
      targets.push({
        groupId: g.groupId,
        servicePlanId: old.servicePlanId,
        allotmentDisplayName: old.allotmentDisplayName,
        allotmentLicensesCount: old.allotmentLicensesCount,
      });
      continue;
    }
    const count = await vscode.window.showInputBox({
      title: t('Allotment for {0}', g.label),
      prompt: t('How many Frontline Cloud PCs this group may use'),
      value: '1',
      validateInput: (v) => (/^[1-9]\d{0,4}$/.test(v.trim()) ? undefined : t('A whole number from 1')),
    });
    if (count === undefined) return undefined;
    targets.push({
      groupId: g.groupId,
      servicePlanId,
      allotmentDisplayName: g.label,
      allotmentLicensesCount: Number(count.trim()),
    });
  }
  return targets;
}
