import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AGENT_TOOLS } from '../../../src/core/agent/tools/agentTools';
import { toolContribution } from '../../../src/core/agent/toolContribution';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
  contributes: { languageModelTools: unknown[]; mcpServerDefinitionProviders: { id: string }[] };
};

describe('agent tools in package.json', () => {
  it('contributes.languageModelTools says exactly what core/agent defines (names, descriptions, schemas)', () => {
    assert.deepEqual(manifest.contributes.languageModelTools, AGENT_TOOLS.map(toolContribution));
  });

  it('offers the MCP server definition provider the extension registers', () => {
    assert.deepEqual(
      manifest.contributes.mcpServerDefinitionProviders.map((p) => p.id),
      ['cpcpolicy.mcpServers'],
    );
  });
});
