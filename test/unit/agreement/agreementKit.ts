// Helpers shared by the tests that hold the validator, the CLI and the simulator to the service's documented
// behaviour: one document, three answers (validateDocument, `cpcpolicy validate`, the simulator's REST create).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliIo } from '../../../src/cli/cliIo';
import { runValidate } from '../../../src/cli/validateCommand';
import type { Finding } from '../../../src/core/policy/finding';
import { validateDocument } from '../../../src/core/policy/validator';
import { createSeedData } from '../../../src/core/simulator/demoSeed';
import { Simulator } from '../../../src/core/simulator/simulator';
import { createSimulatorHandler } from '../../../src/core/simulator/rest/simulatorHandler';
import { handlerTransport, TenantClient, VE } from '../simulator/tenantClient';
import type { Reply } from '../simulator/tenantClient';

export { VE };

/** A policy with the network the simulator's seed knows, so only the property under test matters. */
export function policyText(fields: Record<string, unknown>): string {
  return JSON.stringify(
    {
      displayName: 'Agreement',
      domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2' }],
      ...fields,
    },
    null,
    2,
  );
}

export function findings(text: string): Finding[] {
  return validateDocument(text);
}

export function codesOf(text: string, severity?: Finding['severity']): string[] {
  return validateDocument(text)
    .filter((f) => !severity || f.severity === severity)
    .map((f) => f.code);
}

/** `cpcpolicy validate --format json` on one file: exit code and the codes it printed. */
export async function cliCodes(text: string): Promise<{ exit: number; codes: string[]; out: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpcpolicy-agree-'));
  writeFileSync(path.join(dir, 'p.cpcpolicy.json'), text);
  const io = {
    out: '',
    err: '',
    cwd: dir,
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
  } satisfies CliIo & { out: string; err: string };
  const exit = await runValidate(['--format', 'json', 'p.cpcpolicy.json'], io);
  const [file] = JSON.parse(io.out) as { diagnostics: { code: string }[] }[];
  return { exit, codes: file!.diagnostics.map((d) => d.code), out: io.out };
}

/** A fresh simulator (empty seed: catalog, regions and network connections, no policies) behind its RestHandler. */
export function tenant(): TenantClient {
  return new TenantClient(handlerTransport(createSimulatorHandler(new Simulator(createSeedData('empty')))));
}

export async function createPolicy(t: TenantClient, text: string): Promise<Reply> {
  return t.call('POST', `${VE}/provisioningPolicies`, text);
}

/** The service-specific message of a 400 (inside innerError, as the Cloud PC service sends it). */
export function innerMessage(r: Reply): string {
  return String(r.json?.error?.innerError?.message ?? r.json?.error?.message ?? '');
}
