// Deprecated properties and members (docs/service-facts.md "Deprecations"), each with a quick fix that
// migrates it to its replacement. Real tenants still return them, so they warn, never error.
import type { Fix, JsonPath } from './finding';
import { appendElementEdit, json, removeFix, renameKeyFix, replaceMemberFix, replaceValueFix, valueText } from './hit';
import type { FixBuilder, Hit } from './hit';
import { asArray, asObject, has } from './jsonValue';
import type { JsonObject } from './jsonValue';
import type { DocLocator } from './locator';
import { RULES } from './ruleCodes';
import type { RuleInfo } from './ruleCodes';

function deprecated(
  rule: RuleInfo,
  message: string,
  path: JsonPath,
  fixes: FixBuilder[],
  part: Hit['part'] = 'key',
): Hit {
  return { rule, severity: 'warning', message, path, part, tags: ['deprecated'], fixes };
}

export function deprecationHits(policy: JsonObject, base: JsonPath): Hit[] {
  const hits: Hit[] = [];
  const at = (...segs: (string | number)[]): JsonPath => [...base, ...segs];
  if (has(policy, 'onPremisesConnectionId')) hits.push(onPremisesConnectionIdHit(policy, base));
  if (has(policy, 'domainJoinConfiguration')) hits.push(domainJoinConfigurationHit(policy, base));
  if (has(policy, 'windowsSettings')) hits.push(windowsSettingsHit(policy, base));
  if (has(policy, 'userSettingsPersistenceEnabled')) hits.push(persistenceFlagHit(policy, base));
  // provisioningType 'shared' stops being returned 2027-04-30 (docs/service-facts.md "Deprecations").
  if (policy['provisioningType'] === 'shared') {
    hits.push(
      deprecated(
        RULES.deprecatedSharedType,
        "provisioningType 'shared' is deprecated and stops being returned on 2027-04-30: use 'sharedByUser'.",
        at('provisioningType'),
        [replaceValueFix("Change to 'sharedByUser'", at('provisioningType'), 'sharedByUser')],
        'value',
      ),
    );
  }
  asArray(policy['domainJoinConfigurations'])?.forEach((item, i) => {
    const dj = asObject(item);
    if (dj && has(dj, 'type'))
      hits.push(
        renamedKeyHit(
          RULES.deprecatedDomainJoinTypeKey,
          dj,
          at('domainJoinConfigurations', i),
          'type',
          'domainJoinType',
          '2024-01-31',
        ),
      );
  });
  const single = asObject(policy['domainJoinConfiguration']);
  if (single && has(single, 'type'))
    hits.push(
      renamedKeyHit(
        RULES.deprecatedDomainJoinTypeKey,
        single,
        at('domainJoinConfiguration'),
        'type',
        'domainJoinType',
        '2024-01-31',
      ),
    );
  const mmd = asObject(policy['microsoftManagedDesktop']);
  if (mmd && has(mmd, 'type'))
    hits.push(
      renamedKeyHit(
        RULES.deprecatedManagedDesktopType,
        mmd,
        at('microsoftManagedDesktop'),
        'type',
        'managedType',
        '2024-01-31',
      ),
    );
  return hits;
}

/** `type` → `domainJoinType` / `managedType`: rename, or drop the old key when the new one is already there. */
function renamedKeyHit(
  rule: RuleInfo,
  obj: JsonObject,
  objPath: JsonPath,
  oldKey: string,
  newKey: string,
  date: string,
): Hit {
  const path = [...objPath, oldKey];
  if (has(obj, newKey)) {
    const agree = obj[newKey] === obj[oldKey];
    return deprecated(
      rule,
      `'${oldKey}' stopped ${date}; '${newKey}' is already set${agree ? '' : ` to ${json(obj[newKey])}, which wins`}: remove '${oldKey}'.`,
      path,
      [removeFix(`Remove deprecated '${oldKey}'`, path)],
    );
  }
  return deprecated(rule, `'${oldKey}' stopped ${date}: rename it to '${newKey}'.`, path, [
    renameKeyFix(`Rename to '${newKey}'`, path, newKey),
  ]);
}

/** Old-style connections were hybrid joins unless a join type says otherwise (connectionType default: docs/service-facts.md "Catalog: images, regions, connections, service plans"). */
function onPremisesConnectionIdHit(policy: JsonObject, base: JsonPath): Hit {
  const path = [...base, 'onPremisesConnectionId'];
  const id = policy['onPremisesConnectionId'];
  const message =
    'onPremisesConnectionId stopped 2024-05-31: put the connection in domainJoinConfigurations (a list in priority order).';
  if (typeof id !== 'string' || id === '')
    return deprecated(RULES.deprecatedOnPremisesConnectionId, message, path, [
      removeFix('Remove onPremisesConnectionId', path),
    ]);
  const old = asObject(policy['domainJoinConfiguration']);
  const joinType = (old?.['domainJoinType'] ?? old?.['type'] ?? 'hybridAzureADJoin') as string;
  const element = `{ "domainJoinType": ${json(joinType)}, "onPremisesConnectionId": ${json(id)} }`;
  const list = asArray(policy['domainJoinConfigurations']);
  const listPath = [...base, 'domainJoinConfigurations'];
  let fix: FixBuilder;
  if (list) {
    const already = list.some((d) => asObject(d)?.['onPremisesConnectionId'] === id);
    fix = already
      ? removeFix('Remove onPremisesConnectionId (already in domainJoinConfigurations)', path)
      : (loc) =>
          combine('Move the connection into domainJoinConfigurations', loc, [
            removeFix('', path),
            (l) => edit(appendElementEdit(l, listPath, element)),
          ]);
  } else {
    fix = replaceMemberFix(
      'Migrate to domainJoinConfigurations',
      path,
      () => `"domainJoinConfigurations": [${element}]`,
    );
  }
  return deprecated(RULES.deprecatedOnPremisesConnectionId, message, path, [fix]);
}

function domainJoinConfigurationHit(policy: JsonObject, base: JsonPath): Hit {
  const path = [...base, 'domainJoinConfiguration'];
  const message = 'domainJoinConfiguration stopped 2024-05-31: use domainJoinConfigurations, a list in priority order.';
  if (has(policy, 'domainJoinConfigurations') || !asObject(policy['domainJoinConfiguration'])) {
    return deprecated(RULES.deprecatedDomainJoinConfiguration, message, path, [
      removeFix('Remove domainJoinConfiguration', path),
    ]);
  }
  return deprecated(RULES.deprecatedDomainJoinConfiguration, message, path, [
    replaceMemberFix('Migrate to domainJoinConfigurations', path, (loc) => {
      const text = valueText(loc, path);
      return text === undefined ? undefined : `"domainJoinConfigurations": [${text}]`;
    }),
  ]);
}

function windowsSettingsHit(policy: JsonObject, base: JsonPath): Hit {
  const path = [...base, 'windowsSettings'];
  const message = 'windowsSettings stopped 2024-01-31: use windowsSetting with locale.';
  const language = asObject(policy['windowsSettings'])?.['language'];
  if (has(policy, 'windowsSetting') || typeof language !== 'string') {
    return deprecated(RULES.deprecatedWindowsSettings, message, path, [removeFix('Remove windowsSettings', path)]);
  }
  return deprecated(RULES.deprecatedWindowsSettings, message, path, [
    replaceMemberFix(
      `Migrate to windowsSetting.locale '${language}'`,
      path,
      () => `"windowsSetting": { "locale": ${json(language)} }`,
    ),
  ]);
}

function persistenceFlagHit(policy: JsonObject, base: JsonPath): Hit {
  const path = [...base, 'userSettingsPersistenceEnabled'];
  const message =
    'The top-level userSettingsPersistenceEnabled is deprecated (sunset 2025-10-11): use userSettingsPersistenceConfiguration.';
  const flag = policy['userSettingsPersistenceEnabled'];
  if (has(policy, 'userSettingsPersistenceConfiguration') || flag !== true) {
    return deprecated(RULES.deprecatedPersistenceFlag, message, path, [
      removeFix('Remove userSettingsPersistenceEnabled', path),
    ]);
  }
  return deprecated(RULES.deprecatedPersistenceFlag, message, path, [
    replaceMemberFix(
      'Migrate to userSettingsPersistenceConfiguration',
      path,
      () => '"userSettingsPersistenceConfiguration": { "userSettingsPersistenceEnabled": true }',
    ),
  ]);
}

function edit(e: Fix['edits'][number] | undefined): Fix | undefined {
  return e ? { title: '', edits: [e] } : undefined;
}

/** One fix from several builders' edits (they must not overlap). */
function combine(title: string, loc: DocLocator, parts: FixBuilder[]): Fix | undefined {
  const edits = [];
  for (const p of parts) {
    const f = p(loc);
    if (!f) return undefined;
    edits.push(...f.edits);
  }
  return { title, edits: edits.sort((a, b) => a.offset - b.offset), isPreferred: true };
}
