// A demo tenant in this process and an MCP client talking to the agent server through the SDK's in-memory pair.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { AgentEnv } from '../../../src/core/agent/agentTool';
import type { CloudPcApi } from '../../../src/core/graph/cloudPcApi';
import { createInProcessCloudPcApi } from '../../../src/core/graph/createCloudPcApi';
import { SimulatorService } from '../../../src/core/simulator/hosting/simulatorService';
import { createMcpServer } from '../../../src/cli/mcpServer';

export const SALES = '58d3dbd6-02c3-4674-b06c-9d6b757ca979';
export const FINANCE = '01c5c90c-7bd2-4599-adc7-b3e644fa08f7';
export const RETAIL = '92de0235-7944-4709-ac99-36daeec69886';
export const STANDARD_POLICY = '06e3402d-d34b-4e17-a66f-3bdb2ee7b662';
export const RETAIL_POLICY = '2a10f0e6-b707-4e01-8e4a-be52b5b1235b';

export interface AgentWorld {
  service: SimulatorService;
  api: CloudPcApi;
  env: AgentEnv;
  client: Client;
  /** The text of a tool call's answer, and whether it is a tool error. */
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; isError: boolean }>;
  close(): Promise<void>;
}

export async function openAgentWorld(
  options: { allowChanges?: boolean; files?: Record<string, string> } = {},
): Promise<AgentWorld> {
  const service = SimulatorService.open({ seed: 'demo', timeScale: 0 });
  const api = createInProcessCloudPcApi(service.handler);
  const files = options.files ?? {};
  const env: AgentEnv = {
    api,
    tenant: 'Simulator (demo tenant)',
    readPolicyFile: async (p) => (p in files ? { name: p, text: files[p]! } : { error: `no file ${p}` }),
    now: () => service.now(),
  };
  const server = createMcpServer({ env, allowChanges: options.allowChanges ?? false, version: 'test' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    service,
    api,
    env,
    client,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text: string }[];
      return { text: content.map((c) => c.text).join('\n'), isError: result.isError === true };
    },
    async close() {
      await client.close();
      await server.close();
      service.close();
    },
  };
}
