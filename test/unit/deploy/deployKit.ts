// The deploy engine's tests share a demo tenant in process, and files made the way Pull writes them.
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import type { CloudPcApi } from '../../../src/core/graph/cloudPcApi';
import type { CloudPcProvisioningPolicy } from '../../../src/core/model/provisioningPolicy';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { policyToFileText } from '../../../src/core/deploy/policyFileShape';
import type { DeployFile } from '../../../src/core/deploy/deployPlan';

export const DEMO = {
  standard: '06e3402d-d34b-4e17-a66f-3bdb2ee7b662',
  finance: '35de54f2-5740-4491-a919-60d9f5b49600',
  frontline: '2a10f0e6-b707-4e01-8e4a-be52b5b1235b',
  sales: '58d3dbd6-02c3-4674-b06c-9d6b757ca979',
  engineering: 'f6691c11-f229-49cf-bb87-c0a701ed8647',
  financeGroup: '01c5c90c-7bd2-4599-adc7-b3e644fa08f7',
  allUsers: '44029c19-bd53-411d-97e5-626a9c2d840b',
};

export interface DemoTenant {
  service: SimulatorService;
  api: CloudPcApi;
  close(): void;
}

export function openDemo(): DemoTenant {
  const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
  return { service, api: createInProcessCloudPcApi(service.handler), close: () => service.close() };
}

/** The policy as Pull writes it (bound by its id), with `change` applied to the file's object. */
export async function pulled(
  api: CloudPcApi,
  id: string,
  change: (o: Record<string, unknown>) => void = () => undefined,
): Promise<DeployFile> {
  const policy = await api.getPolicy(id);
  const text = policyToFileText(policy, 'test');
  const [header, ...rest] = text.split('\n');
  const o = JSON.parse(rest.join('\n')) as Record<string, unknown>;
  change(o);
  return { path: `${policy.displayName}.cpcpolicy.json`, text: `${header}\n${JSON.stringify(o, null, 2)}\n` };
}

export const groups = (o: Record<string, unknown>): { target: { groupId: string } }[] =>
  o.assignments as { target: { groupId: string } }[];

export async function cloudPcsOf(api: CloudPcApi, policy: CloudPcProvisioningPolicy | string): Promise<number> {
  const id = typeof policy === 'string' ? policy : policy.id;
  return (await api.listCloudPcs()).filter(
    (pc) => pc.provisioningPolicyId === id && pc.status !== 'inGracePeriod' && pc.status !== 'deprovisioning',
  ).length;
}
