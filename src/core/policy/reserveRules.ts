// Windows 365 Reserve (provisioningType `reserve`, docs/rules.md CPC326): Reserve Cloud PCs are always
// Microsoft Entra joined on the Microsoft-hosted network, from gallery images; hybrid join, Azure network
// connections, custom images and Autopilot are listed as unsupported (Learn "Windows 365 Reserve FAQ",
// "Managing Windows 365 Reserve"). ⚠ Graph does not say whether it refuses or ignores each: what cannot be
// built as asked (the join, the network, the image) is an error (400), Autopilot, which Reserve skips, a warning.
import type { JsonPath } from './finding';
import { removeFix, replaceValueFix } from './hit';
import type { Hit } from './hit';
import { asArray, asObject, effectiveProvisioningType, isSet } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { RULES } from './ruleCodes';

export function reserveHits(policy: JsonObject, base: JsonPath, partial: boolean): Hit[] {
  if (effectiveProvisioningType(policy, partial) !== 'reserve') return [];
  const hits: Hit[] = [];
  const reserve = (severity: Hit['severity'], message: string, path: JsonPath, fixes?: Hit['fixes']): void => {
    hits.push({ rule: RULES.reserveRestriction, severity, message, path, part: 'value', ...(fixes ? { fixes } : {}) });
  };
  asArray(policy['domainJoinConfigurations'])?.forEach((raw, i) => {
    const dj = asObject(raw);
    if (!dj) return;
    const at = [...base, 'domainJoinConfigurations', i];
    const joinKey = isSet(dj, 'domainJoinType') ? 'domainJoinType' : 'type';
    if (dj[joinKey] === 'hybridAzureADJoin')
      reserve(
        'error',
        'Reserve Cloud PCs are always Microsoft Entra joined: use azureADJoin on the Microsoft-hosted network.',
        [...at, joinKey],
        [replaceValueFix("Use domainJoinType 'azureADJoin'", [...at, joinKey], 'azureADJoin')],
      );
    else if (isSet(dj, 'onPremisesConnectionId') && dj['onPremisesConnectionId'] !== '')
      reserve(
        'error',
        'Reserve Cloud PCs use the Microsoft-hosted network, not an Azure network connection: give regionName instead.',
        [...at, 'onPremisesConnectionId'],
        [removeFix('Remove onPremisesConnectionId', [...at, 'onPremisesConnectionId'])],
      );
  });
  if (policy['imageType'] === 'custom')
    reserve('error', 'Reserve Cloud PCs use a gallery image, not a custom one.', [...base, 'imageType']);
  if (isSet(policy, 'autopilotConfiguration'))
    reserve(
      'warning',
      'Reserve Cloud PCs do not run Windows Autopilot device preparation: remove autopilotConfiguration.',
      [...base, 'autopilotConfiguration'],
      [removeFix('Remove autopilotConfiguration', [...base, 'autopilotConfiguration'])],
    );
  return hits;
}
