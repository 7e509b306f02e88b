// scripts/generateSchemaValidator.mjs post-processes Ajv's standalone code (schema literals inlined,
// error objects in a table, eager compile): the result must report exactly what Ajv itself reports.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { schemaValidator } from '../../../src/core/policy/schemaValidator';

const root = path.resolve(__dirname, '../../..');

interface Generator {
  stripAnnotations(schema: unknown): object;
  createAjv(ajvClass: unknown): {
    compile(schema: object): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  };
  shrinkStandaloneCode(code: string): string;
}

async function loadGenerator(): Promise<Generator> {
  // A variable specifier: the script is plain ESM JavaScript, loaded at run time only.
  const file = path.join(root, 'scripts', 'generateSchemaValidator.mjs');
  return (await import(file)) as Generator;
}

/** Deterministic documents around a valid policy: wrong types, unknown keys, bad enums, ranges, fleets. */
function documents(count: number): unknown[] {
  let state = 365;
  const rnd = (): number => (state = (state * 1103515245 + 12345) >>> 0) / 4294967296;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const policy = {
    displayName: 'Finance',
    provisioningType: 'dedicated',
    imageType: 'gallery',
    domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
    microsoftManagedDesktop: { managedType: 'notManaged' },
    autopilotConfiguration: { devicePreparationProfileId: 'x', applicationTimeoutInMinutes: 60 },
    windowsSetting: { locale: 'en-US' },
    assignments: [{ target: { groupId: '6a4d2f1e-8b3c-4e5f-9a7b-1c2d3e4f5a6b' } }],
  };
  const paths: (string | number)[][] = [
    ['displayName'],
    ['id'],
    ['description'],
    ['provisioningType'],
    ['imageType'],
    ['userExperienceType'],
    ['gracePeriodInHours'],
    ['scopeIds'],
    ['scopeIds', 0],
    ['bogus'],
    ['@odata.type'],
    ['domainJoinConfigurations'],
    ['domainJoinConfigurations', 0],
    ['domainJoinConfigurations', 0, 'domainJoinType'],
    ['domainJoinConfigurations', 0, 'type'],
    ['domainJoinConfigurations', 0, 'onPremisesConnectionId'],
    ['domainJoinConfigurations', 0, 'extra'],
    ['domainJoinConfiguration'],
    ['domainJoinConfiguration', 'type'],
    ['microsoftManagedDesktop'],
    ['microsoftManagedDesktop', 'other'],
    ['autopilotConfiguration'],
    ['autopilotConfiguration', 'applicationTimeoutInMinutes'],
    ['autopilotConfiguration', 'devicePreparationProfileId'],
    ['windowsSetting', 'locale'],
    ['windowsSettings', 'language'],
    ['userSettingsPersistenceConfiguration', 'userSettingsPersistenceEnabled'],
    ['autopatch', 'autopatchGroupId'],
    ['assignments'],
    ['assignments', 0],
    ['assignments', 0, 'target'],
    ['assignments', 0, 'target', 'groupId'],
    ['assignments', 0, 'target', '@odata.type'],
    ['assignments', 0, 'target', 'allotmentLicensesCount'],
    ['assignments', 0, 'id'],
  ];
  const values: unknown[] = [
    null,
    true,
    0,
    5,
    400,
    -1,
    1.5,
    '',
    'x',
    'a'.repeat(130),
    'dedicated',
    'shared',
    'azureADJoin',
    '6a4d2f1e-8b3c-4e5f-9a7b-1c2d3e4f5a6b',
    [],
    ['s'],
    [1],
    {},
    { x: 1 },
  ];
  const out: unknown[] = [
    {},
    [],
    'text',
    { policies: [] },
    { policies: {} },
    { policies: [policy, 1] },
    { policies: [], extra: 1 },
  ];
  while (out.length < count) {
    const doc = structuredClone(policy) as Record<string, unknown>;
    for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
      const p = pick(paths);
      let o: Record<string | number, unknown> = doc;
      for (const seg of p.slice(0, -1)) {
        if (o[seg] === null || typeof o[seg] !== 'object') o[seg] = typeof p[p.indexOf(seg) + 1] === 'number' ? [] : {};
        o = o[seg] as Record<string | number, unknown>;
      }
      if (rnd() < 0.15) delete o[p[p.length - 1]!];
      else o[p[p.length - 1]!] = structuredClone(pick(values));
    }
    out.push(rnd() < 0.2 ? { policies: [doc, policy] } : doc);
  }
  return out;
}

describe('generated schema validator', () => {
  it('reports exactly the errors Ajv reports when it compiles the schema itself', async () => {
    const gen = await loadGenerator();
    const { default: Ajv } = await import('ajv');
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas', 'cpcpolicy.schema.json'), 'utf8')) as unknown;
    const reference = gen.createAjv(Ajv).compile(gen.stripAnnotations(schema));
    const generated = schemaValidator();
    let invalid = 0;
    for (const doc of documents(3000)) {
      const ok = generated(doc);
      assert.equal(ok, reference(doc), JSON.stringify(doc));
      assert.deepEqual(generated.errors ?? null, reference.errors ?? null, JSON.stringify(doc));
      if (!ok) invalid++;
    }
    assert.ok(invalid > 2000, `${invalid} invalid documents`);
  });

  it('fails loudly when the code refers to a schema constant it cannot inline', async () => {
    const gen = await loadGenerator();
    const code =
      '"use strict";module.exports = validate10;module.exports.default = validate10;const schema11 = {"properties":{"a":{"type":["string","null"]}}};function validate10(data, {instancePath=""}={}){return schema11.properties.b.type;}';
    assert.throws(() => gen.shrinkStandaloneCode(code), /cannot resolve schema11\.properties\.b\.type/);
    const resolved = gen.shrinkStandaloneCode(code.replace('.b.', '.a.'));
    assert.match(resolved, /return \["string","null"\];/);
    assert.doesNotMatch(resolved, /schema11/);
  });
});
