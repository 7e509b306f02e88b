// The ready-to-copy pipelines in pipelines/ (docs/policy-as-code.md): they parse as YAML, every `cpcpolicy ...`
// line in them is accepted by the CLI's own argument parser (strict: an unknown option fails), the jobs that sign in
// to Graph get their OIDC token, applies run only from main and pass --yes, and no secret is written in them.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseCliArgs } from '../../../src/cli/cliArgs';
import { BACKEND_OPTIONS } from '../../../src/cli/cliBackend';
import type { CliIo } from '../../../src/cli/cliIo';
import { SIGN_IN_METHODS } from '../../../src/cli/graphSignInChoice';
import { COMMANDS, main } from '../../../src/cli/main';

const root = path.resolve(__dirname, '../../..');
const GITHUB = path.join(root, 'pipelines/github/cpcpolicy.yml');
const AZURE_DEVOPS = path.join(root, 'pipelines/azure-devops/azure-pipelines.yml');

/**
 * The options of the commands the pipelines use that this build's CLI does not have yet (their documented
 * contract); a command found in COMMANDS is checked by its real parser instead, so this list only shrinks.
 */
const CONTRACT: Record<string, Parameters<typeof parseCliArgs>[1]> = {
  export: { out: { type: 'string' }, fleet: { type: 'boolean' } },
  plan: { format: { type: 'string' }, out: { type: 'string' } },
  apply: { yes: { type: 'boolean' }, prune: { type: 'boolean' }, 'allow-grace': { type: 'boolean' } },
};
const FORMATS: Record<string, string[]> = { validate: ['text', 'json', 'sarif'], plan: ['text', 'json', 'markdown'] };

interface Step {
  job: string;
  script: string;
  env: Record<string, string>;
}

/** Shell words of one command line, with quotes removed and every expansion replaced by a placeholder value. */
function shellWords(line: string): string[] {
  const text = line
    .replace(/\$\{\{[^}]*\}\}/g, 'X')
    .replace(/\$\([A-Za-z_.]+\)/g, 'X')
    .replace(/"\$\{flags\[@\]\}"/g, '');
  const words: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const word = m[1] ?? m[2] ?? m[3]!;
    words.push(word.replace(/\$\{?[A-Za-z_][A-Za-z_0-9]*\}?/g, 'X'));
  }
  return words;
}

/** Every `cpcpolicy ...` command in a script, continuation lines joined. */
function cpcpolicyCommands(script: string): string[][] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^cpcpolicy\s/.test(l))
    .map((l) => shellWords(l).slice(1));
}

function githubSteps(doc: {
  jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[] }>;
}): Step[] {
  return Object.entries(doc.jobs).flatMap(([job, j]) =>
    j.steps.filter((s) => s.run).map((s) => ({ job, script: s.run!, env: s.env ?? {} })),
  );
}

type AdoStep = { script?: string; env?: Record<string, string> };
type AdoJob = {
  job?: string;
  deployment?: string;
  steps?: AdoStep[];
  strategy?: { runOnce: { deploy: { steps: AdoStep[] } } };
};

function azureDevOpsSteps(doc: { stages: { stage: string; jobs: AdoJob[] }[] }): Step[] {
  return doc.stages.flatMap((stage) =>
    stage.jobs.flatMap((j) =>
      (j.steps ?? j.strategy?.runOnce.deploy.steps ?? [])
        .filter((s) => s.script)
        .map((s) => ({ job: stage.stage, script: s.script!, env: s.env ?? {} })),
    ),
  );
}

const quiet: CliIo = { cwd: root, stdout: () => undefined, stderr: () => undefined };

/** The command line as the CLI would read it: the real parser when the command exists, else its contract. */
async function assertAccepted(args: string[], where: string): Promise<void> {
  const [command, ...rest] = args;
  assert.ok(command, `${where}: cpcpolicy without a command`);
  if (COMMANDS[command]) {
    // --help makes the command parse its arguments strictly and stop there, touching nothing.
    assert.equal(await main([command, ...rest, '--help'], quiet), 0, `${where}: cpcpolicy ${args.join(' ')}`);
  } else {
    const spec = CONTRACT[command];
    assert.ok(spec, `${where}: unknown command '${command}'`);
    const parsed = parseCliArgs(rest, { ...spec, ...BACKEND_OPTIONS });
    assert.equal(typeof parsed, 'object', `${where}: cpcpolicy ${args.join(' ')}: ${String(parsed)}`);
  }
  const value = (name: string) => rest[rest.indexOf(`--${name}`) + 1];
  if (rest.includes('--format')) assert.ok(FORMATS[command]?.includes(value('format')!), `${where}: --format`);
  if (rest.includes('--backend')) assert.ok(['simulator', 'graph'].includes(value('backend')!), `${where}: --backend`);
  if (rest.includes('--auth')) assert.ok((SIGN_IN_METHODS as readonly string[]).includes(value('auth')!), where);
}

for (const [name, file, stepsOf] of [
  ['GitHub Actions', GITHUB, githubSteps],
  ['Azure Pipelines', AZURE_DEVOPS, azureDevOpsSteps],
] as const) {
  describe(`pipelines/: the ${name} pipeline`, () => {
    const text = readFileSync(file, 'utf8');
    const doc = parse(text) as never;
    const steps = (stepsOf as (d: never) => Step[])(doc);
    const commands = steps.flatMap((s) => cpcpolicyCommands(s.script).map((args) => ({ step: s, args })));

    it('calls only commands and options the CLI accepts', async () => {
      assert.ok(commands.length >= 5, `found ${commands.length} cpcpolicy commands`);
      for (const { step, args } of commands) await assertAccepted(args, `${step.job}`);
      const used = new Set(commands.map((c) => c.args[0]));
      for (const command of ['validate', 'plan', 'apply']) assert.ok(used.has(command), `uses ${command}`);
    });

    it('previews on the simulator, plans as markdown for the pull request, and applies only with --yes', () => {
      const plans = commands.filter((c) => c.args[0] === 'plan');
      assert.ok(
        plans.some((c) => c.args.includes('simulator') && c.args.includes('markdown')),
        'a simulator preview',
      );
      assert.ok(
        plans.some((c) => c.args.includes('graph') && c.args.includes('markdown')),
        'a tenant plan',
      );
      const applies = commands.filter((c) => c.args[0] === 'apply');
      assert.ok(applies.length > 0 && applies.every((c) => c.args.includes('--yes') && c.args.includes('graph')));
      // Deleting and grace periods are never the default: only asked for explicitly, per run.
      assert.ok(applies.every((c) => !c.args.includes('--prune') && !c.args.includes('--allow-grace')));
    });

    it('stores no secret: no client secret, no certificate, no token in the file', () => {
      assert.doesNotMatch(text, /AZURE_CLIENT_SECRET|AZURE_CLIENT_CERTIFICATE|secrets\./);
      assert.doesNotMatch(text, /eyJ[\w-]{10,}/);
    });
  });
}

describe('pipelines/: how each provider hands out its OIDC token', () => {
  it('GitHub: jobs that sign in to Graph have id-token: write; apply runs only from main, one at a time', () => {
    const doc = parse(readFileSync(GITHUB, 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { if?: string; permissions?: Record<string, string>; concurrency?: unknown }>;
    };
    assert.ok(doc.on['pull_request'] && doc.on['push'], 'runs on pull requests and pushes');
    const steps = githubSteps(doc as never);
    const graphJobs = new Set(steps.filter((s) => /--backend graph/.test(s.script)).map((s) => s.job));
    assert.deepEqual([...graphJobs].sort(), ['apply', 'plan']);
    for (const job of graphJobs) assert.equal(doc.jobs[job]!.permissions?.['id-token'], 'write', job);
    assert.equal(doc.jobs['preview']!.permissions?.['id-token'], undefined, 'the simulator preview needs no token');
    assert.match(doc.jobs['apply']!.if ?? '', /refs\/heads\/main/);
    assert.ok(doc.jobs['apply']!.concurrency, 'applies are serialized');
    for (const job of ['preview', 'plan']) assert.match(doc.jobs[job]!.if ?? '', /pull_request/);
  });

  it('GitHub: a pull request signs in as the read-only app, never as the app that applies', () => {
    const doc = parse(readFileSync(GITHUB, 'utf8')) as { jobs: Record<string, { env?: Record<string, string> }> };
    assert.match(doc.jobs['plan']!.env?.['AZURE_CLIENT_ID'] ?? '', /vars\.AZURE_PLAN_CLIENT_ID/);
    assert.match(doc.jobs['apply']!.env?.['AZURE_CLIENT_ID'] ?? '', /vars\.AZURE_CLIENT_ID/);
  });

  it('Azure Pipelines: the pull-request plan uses the read-only app and its own service connection', () => {
    const doc = parse(readFileSync(AZURE_DEVOPS, 'utf8'));
    const graphSteps = azureDevOpsSteps(doc as never).filter((s) => /--backend graph/.test(s.script));
    const prPlan = graphSteps.filter((s) => /--out plan\.md/.test(s.script));
    assert.equal(prPlan.length, 1);
    assert.equal(prPlan[0]!.env['AZURE_CLIENT_ID'], '$(AZURE_PLAN_CLIENT_ID)');
    assert.match(prPlan[0]!.script, /CPCPOLICY_PLAN_SERVICE_CONNECTION_ID/);
    for (const s of graphSteps.filter((x) => !prPlan.includes(x)))
      assert.doesNotMatch(s.script, /CPCPOLICY_PLAN_SERVICE_CONNECTION_ID/, 'the apply stage uses the applying app');
  });

  it('Azure Pipelines: every step that signs in maps SYSTEM_ACCESSTOKEN; apply is a main-branch deployment', () => {
    const doc = parse(readFileSync(AZURE_DEVOPS, 'utf8')) as {
      stages: { stage: string; condition?: string; dependsOn?: unknown }[];
    };
    for (const step of azureDevOpsSteps(doc as never).filter((s) => /--backend graph/.test(s.script))) {
      assert.equal(step.env['SYSTEM_ACCESSTOKEN'], '$(System.AccessToken)', step.script);
      assert.match(step.script, /--auth azure-pipelines --service-connection/);
    }
    const apply = doc.stages.find((s) => s.stage === 'apply');
    assert.match(apply?.condition ?? '', /refs\/heads\/main/);
    // The plan stage is skipped on main; depending on it would skip the apply as well.
    assert.deepEqual(apply?.dependsOn, []);
  });
});
