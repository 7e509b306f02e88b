// export, plan and apply against a real `cpcpolicy simulator serve` process (demo tenant): export → plan
// says nothing changes (exit 0) → edit (rename, a new group, a removed group) → plan names each change and
// the grace count (exit 2) → apply --yes --allow-grace → plan (exit 0); a portal edit through REST is drift.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runApply } from '../../../src/cli/applyCommand';
import type { CliIo } from '../../../src/cli/cliIo';
import { runExport } from '../../../src/cli/exportCommand';
import { runPlan } from '../../../src/cli/planCommand';
import { mustServe, stop } from '../simulator/serveProcess';
import type { Served } from '../simulator/serveProcess';
import { DEMO } from '../deploy/deployKit';

function capture(cwd: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    interactive: false,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  };
  return io;
}

const STANDARD = 'Contoso Standard (East US 2).cpcpolicy.json';
const FINANCE = 'Contoso Finance (hybrid).cpcpolicy.json';

describe('cpcpolicy export, plan and apply (a simulator server process)', function () {
  this.timeout(120_000);
  let server: Served;
  let dir: string;
  const run = async (command: typeof runPlan, args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const io = capture(dir);
    const code = await command([...args, '--backend', server.url], io);
    return { code, out: io.out, err: io.err };
  };
  const editFile = (name: string, change: (o: Record<string, unknown>) => void): void => {
    const file = path.join(dir, 'policies', name);
    const [header, ...rest] = readFileSync(file, 'utf8').split('\n');
    const o = JSON.parse(rest.join('\n')) as Record<string, unknown>;
    change(o);
    writeFileSync(file, `${header}\n${JSON.stringify(o, null, 2)}\n`);
  };

  before(async () => {
    server = await mustServe(['--seed', 'demo']);
    dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-deploy-cli-'));
  });
  after(async () => stop(server));

  it('export writes one file per policy, and a plan of them says no changes (exit 0)', async () => {
    const exported = await run(runExport, ['--out', 'policies']);
    assert.equal(exported.code, 0, exported.err);
    assert.deepEqual(readdirSync(path.join(dir, 'policies')).sort(), [
      FINANCE,
      STANDARD,
      'Frontline Retail (draft).cpcpolicy.json',
    ]);
    const plan = await run(runPlan, ['policies']);
    assert.equal(plan.err, '');
    assert.match(plan.out, /0 to create, 0 to update, 0 to delete, 3 unchanged/);
    assert.equal(plan.code, 0);
  });

  it('a rename, a new group and a removed group plan as changes (exit 2): the markdown names each and the grace count', async () => {
    editFile(STANDARD, (o) => {
      o.displayName = 'Contoso Standard v2';
      const groups = (o.assignments as { target: { groupId: string } }[]).filter(
        (a) => a.target.groupId !== DEMO.sales,
      );
      o.assignments = [...groups, { target: { groupId: DEMO.allUsers } }];
    });
    const plan = await run(runPlan, ['policies', '--format', 'markdown']);
    assert.equal(plan.code, 2, plan.err);
    assert.match(plan.out, /^### cpcpolicy plan for /);
    assert.match(plan.out, /0 to create, 1 to update, 0 to delete, 2 unchanged/);
    assert.match(plan.out, /#### ~ update: Contoso Standard v2/);
    assert.match(plan.out, /rename: "Contoso Standard \(East US 2\)" → "Contoso Standard v2"/);
    assert.ok(plan.out.includes(`assignment added: group ${DEMO.allUsers}`), plan.out);
    assert.ok(plan.out.includes(`assignment removed: group ${DEMO.sales}`), plan.out);
    const grace = /what-if: \d+ user\(s\) get a Cloud PC.*; (\d+) Cloud PC\(s\) enter the 7-day grace period/.exec(
      plan.out,
    );
    assert.ok(grace && Number(grace[1]) > 0, plan.out);
    assert.match(plan.out, new RegExp(`> ⚠️ ${grace[1]} Cloud PC\\(s\\) enter the 7-day grace period`));
  });

  it('apply refuses without --yes when no one is at a terminal, and without --allow-grace; changes nothing', async () => {
    const noYes = await run(runApply, ['policies']);
    assert.equal(noYes.code, 1);
    assert.match(noYes.err, /grace period; pass --allow-grace/);
    const noTerminal = await run(runApply, ['policies', '--allow-grace']);
    assert.equal(noTerminal.code, 1);
    assert.match(noTerminal.err, /no one is at a terminal to answer; pass --yes/);
    assert.equal((await run(runPlan, ['policies'])).code, 2, 'still to do');
  });

  it('apply --yes --allow-grace makes the change and says what it did; then plan says no changes (exit 0)', async () => {
    const applied = await run(runApply, ['policies', '--yes', '--allow-grace']);
    assert.equal(applied.code, 0, applied.err);
    assert.match(applied.out, /Applied to .*: 1 changed, 0 changed in part, 0 failed, 0 not tried, 2 unchanged\./);
    assert.match(applied.out, /✓ "Contoso Standard v2": renamed, assignments replaced/);
    const plan = await run(runPlan, ['policies']);
    assert.equal(plan.code, 0, plan.out);
    assert.equal((await run(runApply, ['policies', '--yes'])).code, 0, 'a second apply changes nothing');
  });

  it('a portal edit through REST shows as drift: a change back to the file (exit 2)', async () => {
    const res = await fetch(
      `${server.url}/beta/deviceManagement/virtualEndpoint/provisioningPolicies/${DEMO.finance}`,
      {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: 'Bearer portal' },
        body: JSON.stringify({ description: 'Edited in the portal' }),
      },
    );
    assert.ok(res.ok, `PATCH ${res.status}`);
    const plan = await run(runPlan, ['policies', '--format', 'json']);
    assert.equal(plan.code, 2);
    const json = JSON.parse(plan.out) as {
      policies: { name: string; action: string; changes: { property: string; deployed: unknown }[] }[];
    };
    const finance = json.policies.find((p) => p.name === 'Contoso Finance (hybrid)')!;
    assert.equal(finance.action, 'update');
    assert.deepEqual(
      finance.changes.map((c) => [c.property, c.deployed]),
      [['description', 'Edited in the portal']],
    );
  });

  it("each tenant's bindings file section binds a file whose comment names another tenant's policy", async () => {
    const file = path.join(dir, 'policies', FINANCE);
    const text = readFileSync(file, 'utf8').replace(DEMO.finance, '11111111-2222-4333-8444-555555555555');
    writeFileSync(file, text);
    const alone = await run(runPlan, [`policies/${FINANCE}`]);
    assert.equal(alone.code, 1, 'a comment bound to a policy this tenant does not have is refused');
    assert.match(alone.out, /does not have .*remove the id/);
    writeFileSync(
      path.join(dir, 'cpcpolicy.bindings.json'),
      JSON.stringify({ tenants: { simulator: { [`policies/${FINANCE}`]: DEMO.finance } } }),
    );
    const bound = await run(runPlan, [`policies/${FINANCE}`]);
    assert.match(bound.out, /1 to update/, bound.out);
    assert.equal(bound.code, 2, 'bound by the bindings file: the portal edit is the only change');
  });

  it('an unknown option is a usage problem: exit 1 for plan (2 means changes there), and --help says the exit codes', async () => {
    const bad = await run(runPlan, ['policies', '--tenant-everything']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Unknown option|unknown option/i);
    const io = capture(dir);
    assert.equal(await runPlan(['--help'], io), 0);
    assert.match(io.out, /0 no changes, 2 changes, 1 problems/);
  });
});
