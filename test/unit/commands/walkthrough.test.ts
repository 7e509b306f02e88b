// The first-run walkthrough: each step completes on an event the extension really raises (its own view,
// command, setting or context key) and shows a markdown file that ships.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('the walkthrough', () => {
  const [walkthrough] = contributes.walkthroughs;

  it('goes from the simulator to signing in to a real tenant', () => {
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['simulator', 'policy', 'deploy', 'fleet', 'register', 'signIn'],
    );
  });

  it('completes each step on an event the extension raises, and shows a file that exists', () => {
    const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
    const views = new Set(Object.values(contributes.views).flatMap((v) => (v as { id: string }[]).map((x) => x.id)));
    const settings = new Set(Object.keys(contributes.configuration.properties ?? {}));
    const contextKeys = fs.readFileSync(path.join(root, 'src/vscode/views/registerViews.ts'), 'utf8');
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents as string[]) {
        const [kind, name] = event.split(/:(.*)/s) as [string, string];
        const known =
          (kind === 'onCommand' && commands.has(name)) ||
          (kind === 'onView' && views.has(name)) ||
          (kind === 'onSettingChanged' && settings.has(name)) ||
          (kind === 'onContext' && contextKeys.includes(`'setContext', '${name}'`));
        assert.ok(known, `${step.id}: ${event} is raised by the extension`);
      }
    }
  });
});
