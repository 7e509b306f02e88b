// A small test client over the REST contract: the same calls work against the in-process RestHandler and
// against the HTTP server through fetch, so scenarios can run through both.
import * as assert from 'node:assert/strict';
import type { RestHandler } from '../../../src/core/model/rest';
import { SKU_ENTERPRISE_2VCPU, IMAGE_WIN11_24H2_M365 } from '../../../src/core/simulator/catalogSeed';

export const VE = '/beta/deviceManagement/virtualEndpoint';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  text: string | undefined;
}

export type Transport = (
  method: string,
  url: string,
  body?: string,
  headers?: Record<string, string>,
) => Promise<Reply>;

export function handlerTransport(handler: RestHandler): Transport {
  return async (method, url, body, headers = {}) => {
    const r = await handler({ method, url, headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: r.status, headers: r.headers, text: r.body, json: r.body ? JSON.parse(r.body) : undefined };
  };
}

export function fetchTransport(baseUrl: string): Transport {
  return async (method, url, body, headers = {}) => {
    const target = /^https?:/.test(url) ? url : `${baseUrl}${url}`;
    const r = await fetch(target, {
      method,
      body,
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything', ...headers },
    });
    const text = await r.text();
    const h: Record<string, string> = {};
    r.headers.forEach((v, k) => (h[k] = v));
    return { status: r.status, headers: h, text: text || undefined, json: text ? JSON.parse(text) : undefined };
  };
}

export class TenantClient {
  private n = 0;
  constructor(readonly call: Transport) {}

  async ok(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply> {
    const r = await this.call(method, url, body === undefined ? undefined : JSON.stringify(body), headers);
    assert.ok(r.status < 400, `${method} ${url} → ${r.status} ${r.text}`);
    return r;
  }

  async user(name: string, licenses: string[] = [SKU_ENTERPRISE_2VCPU]): Promise<{ id: string; upn: string }> {
    const upn = `${name.toLowerCase().replace(/[^a-z0-9.]/g, '')}@contoso.onmicrosoft.com`;
    const r = await this.ok('POST', '/v1.0/users', {
      displayName: name,
      userPrincipalName: upn,
      accountEnabled: true,
      mailNickname: name.replace(/\W/g, ''),
    });
    if (licenses.length)
      await this.ok('POST', `/v1.0/users/${r.json.id}/assignLicense`, {
        addLicenses: licenses.map((skuId) => ({ skuId, disabledPlans: [] })),
        removeLicenses: [],
      });
    return { id: r.json.id, upn };
  }

  async group(name: string, memberIds: string[] = []): Promise<string> {
    const r = await this.ok('POST', '/v1.0/groups', {
      displayName: name,
      mailEnabled: false,
      mailNickname: name.replace(/\W/g, ''),
      securityEnabled: true,
    });
    for (const m of memberIds) await this.addMember(r.json.id, m);
    return r.json.id;
  }

  async addMember(groupId: string, memberId: string): Promise<void> {
    await this.ok('POST', `/v1.0/groups/${groupId}/members/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${memberId}`,
    });
  }

  async removeMember(groupId: string, memberId: string): Promise<void> {
    await this.ok('DELETE', `/v1.0/groups/${groupId}/members/${memberId}/$ref`);
  }

  async policy(fields: Record<string, unknown> = {}): Promise<string> {
    const r = await this.ok('POST', `${VE}/provisioningPolicies`, {
      displayName: `Policy ${++this.n}`,
      description: 'test',
      provisioningType: 'dedicated',
      imageType: 'gallery',
      imageId: IMAGE_WIN11_24H2_M365,
      imageDisplayName: 'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
      cloudPcNamingTemplate: 'CPC-%USERNAME:4%-%RAND:5%',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2', regionGroup: 'usEast' }],
      ...fields,
    });
    assert.equal(r.status, 201);
    return r.json.id;
  }

  async assign(policyId: string, groupIds: string[], extra: Record<string, unknown> = {}): Promise<void> {
    const r = await this.ok('POST', `${VE}/provisioningPolicies/${policyId}/assign`, {
      assignments: groupIds.map((groupId) => ({
        target: { '@odata.type': '#microsoft.graph.cloudPcManagementGroupAssignmentTarget', groupId, ...extra },
      })),
    });
    assert.equal(r.status, 204);
  }

  async advance(by: { days?: number; hours?: number; minutes?: number }): Promise<string> {
    return (await this.ok('POST', '/_simulator/clock/advance', by)).json.now;
  }

  async now(): Promise<number> {
    return Date.parse((await this.ok('GET', '/_simulator/clock')).json.now);
  }

  /** Every Cloud PC, following @odata.nextLink verbatim. */
  async cloudPcs(
    query = '',
    headers: Record<string, string> = { prefer: 'include-unknown-enum-members' },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<any[]> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out: any[] = [];
    let url: string | undefined = `${VE}/cloudPCs${query}`;
    while (url) {
      const r = await this.ok('GET', url, undefined, headers);
      out.push(...r.json.value);
      url = r.json['@odata.nextLink'];
    }
    return out;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async cloudPcsOf(upn: string): Promise<any[]> {
    return (await this.cloudPcs()).filter((c) => c.userPrincipalName === upn);
  }
}

/** One user in one group assigned to one policy (`displayName` 'Desk' unless `fields` names another). */
export async function onePc(
  t: TenantClient,
  fields: Record<string, unknown> = {},
  name = 'Ana Diaz',
): Promise<{ u: { id: string; upn: string }; p: string; g: string }> {
  const u = await t.user(name);
  const g = await t.group(`G ${name}`, [u.id]);
  const p = await t.policy({ displayName: 'Desk', ...fields });
  await t.assign(p, [g]);
  return { u, p, g };
}
