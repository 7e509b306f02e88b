// The tenant lookups the editor already has, as tools: network connections with health, images with end dates,
// regions, Frontline plans, groups by name (core/tenant: the same reads and sentences as hover and completion).
import type { CloudPcGalleryImage } from '../../model/catalog';
import { loadTenantCatalog, lookupGroups, searchGroupsByName } from '../../tenant/loadTenantCatalog';
import type { TenantConnection } from '../../tenant/tenantCatalog';
import { CONNECTION_SELECT } from '../../tenant/loadTenantCatalog';
import { connectionHealthText, connectionSummary, imageProblem } from '../../tenant/tenantFacts';
import type { AgentTool, ToolResult } from '../agentTool';
import { defineTool } from '../agentTool';
import { listText, quote, TENANT_TEXT_NOTE } from '../toolText';

const NO_INPUT = { type: 'object', properties: {}, additionalProperties: false } as const;

export const listConnectionsTool = defineTool<Record<string, never>>({
  name: 'cpcpolicy_list_network_connections',
  title: 'List Azure network connections',
  description:
    "Lists the tenant's Azure network connections (onPremisesConnections): id, name, join type, health check status and, for a failing one, which checks failed and the recommended action. A policy's domainJoinConfigurations name these ids; only a healthy connection provisions.",
  inputSchema: NO_INPUT,
  changes: false,
  async run(_input, env): Promise<ToolResult> {
    const list = (await env.api.listOnPremisesConnections({
      signal: env.signal,
      select: CONNECTION_SELECT,
    })) as TenantConnection[];
    return {
      text: listText(
        `${list.length} Azure network connection(s) on ${env.tenant}. ${TENANT_TEXT_NOTE}`,
        list,
        (c) =>
          `- ${c.id} ${quote(c.displayName)} · ${connectionSummary(c)}${c.healthCheckStatus === 'failed' ? ` · ${quote(connectionHealthText(c), 400)}` : ''}`,
      ),
    };
  },
});

export const listImagesTool = defineTool<{ includeCustom?: boolean }>({
  name: 'cpcpolicy_list_images',
  title: 'List Cloud PC images',
  description:
    "Lists the gallery images (id = a policy's imageId for imageType gallery) with status, end of support and expiration dates, and the custom images (imageType custom). Says which images new Cloud PCs can no longer provision from.",
  inputSchema: {
    type: 'object',
    properties: { includeCustom: { type: 'boolean', description: 'Also list custom images (default true).' } },
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const now = env.now();
    const [gallery, custom] = await Promise.all([
      env.api.listGalleryImages({ signal: env.signal }),
      input.includeCustom === false ? Promise.resolve([]) : env.api.listDeviceImages({ signal: env.signal }),
    ]);
    const row = (i: CloudPcGalleryImage): string => {
      const problem = imageProblem(i, now);
      return `- ${i.id} ${quote(i.displayName)} · ${i.status} · end ${i.endDate ?? '—'} · expires ${i.expirationDate ?? '—'}${problem ? ` · ${problem.message}` : ''}`;
    };
    const customRows = custom.map((i) => {
      const problem = imageProblem(i, now);
      return `- ${i.id} ${quote(i.displayName)} · ${i.status}${problem ? ` · ${problem.message}` : ''}`;
    });
    return {
      text: listText(
        `${gallery.length} gallery image(s), ${custom.length} custom image(s) on ${env.tenant}. ${TENANT_TEXT_NOTE}`,
        gallery,
        row,
        { intro: ['Gallery:'], outro: [...(custom.length ? ['Custom:'] : []), ...customRows] },
      ),
    };
  },
});

export const listRegionsTool = defineTool<Record<string, never>>({
  name: 'cpcpolicy_list_regions',
  title: 'List Cloud PC regions',
  description:
    'Lists the Microsoft-hosted regions a policy can name (regionName, or automatic within a regionGroup): name, region group and whether it is available.',
  inputSchema: NO_INPUT,
  changes: false,
  async run(_input, env): Promise<ToolResult> {
    const list = await env.api.listSupportedRegions({ signal: env.signal });
    return {
      text: listText(
        `${list.length} region(s) on ${env.tenant}.`,
        list,
        (r) => `- ${r.displayName} · group ${r.regionGroup} · ${r.regionStatus}`,
      ),
    };
  },
});

export const listFrontlinePlansTool = defineTool<Record<string, never>>({
  name: 'cpcpolicy_list_frontline_plans',
  title: 'List Frontline service plans',
  description:
    "Lists the Windows 365 Frontline service plans: id (a Frontline assignment's servicePlanId), name, licenses used and owned. Use before assigning a Frontline policy.",
  inputSchema: NO_INPUT,
  changes: false,
  async run(_input, env): Promise<ToolResult> {
    const catalog = await loadTenantCatalog(env.api, env.now(), env.signal);
    const plans = catalog.frontlinePlans ?? [];
    return {
      text: listText(
        `${plans.length} Frontline service plan(s) on ${env.tenant}. ${TENANT_TEXT_NOTE}`,
        plans,
        (p) => `- ${p.id} ${quote(p.displayName)} · ${p.usedCount ?? '?'} of ${p.totalCount ?? '?'} licenses used`,
      ),
    };
  },
});

export const findGroupsTool = defineTool<{ name: string }>({
  name: 'cpcpolicy_find_groups',
  title: 'Find Entra groups by name',
  description:
    'Finds Microsoft Entra groups whose name starts with the given text: id, name, direct members and how many of them hold a Windows 365 license. Use the ids with cpcpolicy_what_if_assignment.',
  inputSchema: {
    type: 'object',
    properties: {
      name: { type: 'string', maxLength: 120, description: 'The start of the group name ("" lists the first groups).' },
    },
    required: ['name'],
    additionalProperties: false,
  },
  changes: false,
  async run(input, env): Promise<ToolResult> {
    const found = await searchGroupsByName(env.api, input.name, env.signal);
    const counts = await lookupGroups(
      env.api,
      found.map((g) => g.id),
      env.signal,
    );
    return {
      text: listText(
        `${found.length} group(s) on ${env.tenant} start with ${quote(input.name)}. ${TENANT_TEXT_NOTE}`,
        found,
        (g) => {
          const c = counts.get(g.id.toLowerCase());
          const members = c
            ? ` · ${c.memberCount ?? '?'} member(s), ${c.licensedMemberCount ?? '?'} with a Windows 365 license`
            : '';
          return `- ${g.id} ${quote(g.displayName)}${members}`;
        },
      ),
    };
  },
});

export const TENANT_TOOLS: readonly AgentTool[] = [
  listConnectionsTool,
  listImagesTool,
  listRegionsTool,
  listFrontlinePlansTool,
  findGroupsTool,
];
