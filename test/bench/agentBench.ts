// Every read tool of the agent on the demo tenant (the simulator in this process), warm: the median answer time
// and the answer's size. Target: ≤ 100 ms and ≤ 8 KB each. The floor is one Graph read of the Cloud PCs through
// the same in-process client (most tools read them once).
import type { AgentEnv } from '../../src/core/agent/agentTool';
import { READ_TOOLS, runAgentTool } from '../../src/core/agent/tools/agentTools';
import { withReadCache } from '../../src/core/agent/readCache';
import { DEFAULT_TEXT_BUDGET } from '../../src/core/agent/toolText';
import { createInProcessCloudPcApi } from '../../src/core/graph/createCloudPcApi';
import { SimulatorService } from '../../src/core/simulator/hosting/simulatorService';
import type { BenchRow } from './benchRow';
import { median } from './benchTiming';

const STANDARD_POLICY = '06e3402d-d34b-4e17-a66f-3bdb2ee7b662';
const FINANCE_GROUP = '01c5c90c-7bd2-4599-adc7-b3e644fa08f7';

/** A realistic call of each read tool (the README's conversations ask these). */
export const BENCH_INPUTS: Record<string, Record<string, unknown>> = {
  cpcpolicy_validate_policy: {
    text: '{ "displayName": "Lisbon", "provisioningType": "dedicated", "imageType": "gallery", "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc", "cloudPcNamingTemplate": "LIS-%RAND:3%" }',
  },
  cpcpolicy_preview_names: { template: 'CPC-%USERNAME:4%-%RAND:5%' },
  cpcpolicy_list_policies: {},
  cpcpolicy_get_policy: { policy: STANDARD_POLICY },
  cpcpolicy_find_cloud_pcs: { policyId: STANDARD_POLICY },
  cpcpolicy_explain_failure: { user: 'camille' },
  cpcpolicy_what_if_assignment: { policy: STANDARD_POLICY, addGroupIds: [FINANCE_GROUP] },
  cpcpolicy_plan_policy_file: {
    text: '{ "displayName": "Lisbon", "provisioningType": "dedicated", "imageType": "gallery", "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc", "cloudPcNamingTemplate": "LIS-%RAND:6%", "domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "europeUnion" }] }',
  },
  cpcpolicy_list_network_connections: {},
  cpcpolicy_list_images: {},
  cpcpolicy_list_regions: {},
  cpcpolicy_list_frontline_plans: {},
  cpcpolicy_find_groups: { name: 'W365' },
};

async function timedAsync(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

export async function runAgentBench(opts: { quick: boolean }): Promise<BenchRow[]> {
  const runs = opts.quick ? 3 : 21;
  const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
  const api = createInProcessCloudPcApi(service.handler);
  // As the shells run them: behind the agent's read cache, warm after the first call.
  const env: AgentEnv = {
    api: withReadCache(api, { ttlMs: 60_000 }).api,
    tenant: 'Simulator',
    readPolicyFile: async () => ({ error: 'no files in the bench' }),
    now: () => service.now(),
  };
  const rows: BenchRow[] = [];
  try {
    const floor = await timedAsync(runs, () => api.listCloudPcs());
    for (const tool of READ_TOOLS) {
      const input = BENCH_INPUTS[tool.name] ?? {};
      const first = await runAgentTool(tool, input, env); // warm: the schema compiled, the simulator's caches filled
      const samples = await timedAsync(runs, () => runAgentTool(tool, input, env));
      const bytes = Buffer.byteLength(first.text);
      rows.push({
        name: `agent tool ${tool.name} on the demo tenant, warm (answer ${(bytes / 1024).toFixed(1)} KB${first.isError ? ', ERROR' : ''}): median`,
        value: `${median(samples).toFixed(2)} ms`,
        target: '≤ 100 ms, ≤ 8 KB',
        ok: median(samples) <= 100 && bytes <= DEFAULT_TEXT_BUDGET && !first.isError,
      });
    }
    const whatIf = READ_TOOLS.find((t) => t.name === 'cpcpolicy_what_if_assignment')!;
    const cold = await timedAsync(runs, () => runAgentTool(whatIf, BENCH_INPUTS[whatIf.name]!, { ...env, api }));
    rows.push({
      name: 'agent tool cpcpolicy_what_if_assignment, cold (no read cache: 46 Graph reads): median',
      value: `${median(cold).toFixed(2)} ms`,
    });
    rows.push({
      name: 'floor: one in-process Graph read of the Cloud PCs: median',
      value: `${median(floor).toFixed(2)} ms`,
    });
  } finally {
    service.close();
  }
  return rows;
}
