import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { openAgentWorld } from './agentKit';

interface Step {
  tool: string;
  args: Record<string, unknown>;
  expected: string[];
}

/** The README's "Ask the agent" conversations: each `→ tool {json}` line and the `←` answer lines after it. */
function readmeConversations(): Step[][] {
  const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Ask the agent'), readme.indexOf('### Add the MCP server'));
  return [...section.matchAll(/```text\n([\s\S]*?)```/g)].map((block) => {
    const steps: Step[] = [];
    for (const line of block[1]!.split('\n')) {
      const call = /^→ (\S+) (.*)$/.exec(line);
      if (call) steps.push({ tool: call[1]!, args: JSON.parse(call[2]!) as Record<string, unknown>, expected: [] });
      else if (line.startsWith('← ')) steps[steps.length - 1]!.expected.push(line.slice(2).trim());
    }
    return steps;
  });
}

describe('README\'s "Ask the agent" conversations replay on the demo tenant', () => {
  const conversations = readmeConversations();

  it('the README holds three conversations, each with tool calls and answers', () => {
    assert.equal(conversations.length, 3);
    for (const steps of conversations) {
      assert.ok(steps.length > 0);
      for (const step of steps) assert.ok(step.expected.length > 0, step.tool);
    }
  });

  conversations.forEach((steps, n) => {
    it(`conversation ${n + 1}: ${steps.map((s) => s.tool).join(' → ')}`, async () => {
      const world = await openAgentWorld();
      try {
        for (const step of steps) {
          const answer = await world.call(step.tool, step.args);
          assert.equal(answer.isError, false, answer.text);
          for (const line of step.expected)
            assert.ok(answer.text.includes(line), `${step.tool} answers «${line}»:\n${answer.text}`);
        }
      } finally {
        await world.close();
      }
    });
  });
});
