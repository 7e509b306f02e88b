// Domain rules for one policy (docs/rules.md CPC3xx): couplings between properties that a schema cannot express.
import { isFrontlineSharedType } from '../model/provisioningKind';
import type { JsonPath } from './finding';
import { insertMemberFix, removeFix, replaceValueFix } from './hit';
import type { Hit } from './hit';
import { asArray, asObject, asString, effectiveProvisioningType, GUID_PATTERN, has, isSet } from './jsonValue';
import type { JsonObject } from './jsonValue';
import { RULES } from './ruleCodes';
import { KNOWN_GALLERY_IMAGE_IDS } from './galleryImages';
import { closestMatch } from './closestMatch';

export interface RuleContext {
  partial: boolean;
}

/** Appends the domain-rule hits of one policy to `hits` (one array per document: a fleet of 1,000 allocates no more). */
export function policyRuleHits(policy: JsonObject, base: JsonPath, ctx: RuleContext, hits: Hit[] = []): Hit[] {
  const add = (found: Hit[] | undefined): void => {
    if (found) for (const h of found) hits.push(h);
  };
  add(displayNameHits(policy, base, ctx));
  add(experienceHits(policy, base, ctx));
  add(imageHits(policy, base));
  add(domainJoinHits(policy, base, ctx));
  add(frontlineSharedHits(policy, base, ctx));
  add(autopilotHits(policy, base));
  return hits;
}

/** Shared by rules that find nothing, so the common clean case allocates no arrays (frozen: a push would throw, not leak). */
const NONE = Object.freeze([]) as unknown as Hit[];

/** `< > & | " ^` are not allowed in a policy name: docs/rules.md CPC307. */
const FORBIDDEN_NAME_CHARS = /[<>&|"^]+/g;
const HAS_FORBIDDEN_NAME_CHAR = /[<>&|"^]/;

function displayNameHits(policy: JsonObject, base: JsonPath, ctx: RuleContext): Hit[] {
  const name = policy['displayName'];
  if (typeof name !== 'string') return NONE;
  if (name.length > 0 && name.trim() === '' && !ctx.partial) {
    return [
      {
        rule: RULES.displayNameMissing,
        severity: 'error',
        message: 'displayName is only spaces: give the policy a name admins will recognise.',
        path: [...base, 'displayName'],
        part: 'value',
      },
    ];
  }
  if (!HAS_FORBIDDEN_NAME_CHAR.test(name)) return NONE;
  const path = [...base, 'displayName'];
  const { distinct, count } = forbiddenIn(name);
  const cleaned = name
    .replace(FORBIDDEN_NAME_CHARS, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return [
    {
      rule: RULES.displayNameForbiddenChars,
      severity: 'error',
      message: `displayName cannot contain ${distinct}: remove ${count === 1 ? 'it' : 'them'}.`,
      path,
      part: 'value',
      fixes: cleaned ? [replaceValueFix(`Remove ${distinct} from the name`, path, cleaned)] : [],
    },
  ];
}

const FORBIDDEN = '<>&|"^';

/** The forbidden characters in order of first appearance, and how many (capped at 2: the message needs "it" or "them"): one indexOf each, never a loop over a 1 MB name. */
function forbiddenIn(name: string): { distinct: string; count: number } {
  const firsts: { ch: string; at: number }[] = [];
  for (const ch of FORBIDDEN) {
    const at = name.indexOf(ch);
    if (at >= 0) firsts.push({ ch, at });
  }
  firsts.sort((a, b) => a.at - b.at);
  const repeated = firsts.length === 1 && name.indexOf(firsts[0]!.ch, firsts[0]!.at + 1) >= 0;
  return { distinct: firsts.map((f) => f.ch).join(' '), count: firsts.length > 1 || repeated ? 2 : firsts.length };
}

function experienceHits(policy: JsonObject, base: JsonPath, ctx: RuleContext): Hit[] {
  const type = effectiveProvisioningType(policy, ctx.partial);
  if (type === undefined || isFrontlineSharedType(type)) return NONE;
  const hits: Hit[] = [];
  // cloudApp only for Frontline shared, i.e. sharedByEntraGroup: docs/rules.md CPC301.
  if (policy['userExperienceType'] === 'cloudApp') {
    const path = [...base, 'userExperienceType'];
    hits.push({
      rule: RULES.cloudAppNeedsSharedByEntraGroup,
      severity: 'error',
      message: `userExperienceType 'cloudApp' needs provisioningType 'sharedByEntraGroup' (this policy is '${type}'): change one of them.`,
      path,
      part: 'value',
      fixes: [
        replaceValueFix("Use userExperienceType 'cloudPc'", path, 'cloudPc'),
        has(policy, 'provisioningType')
          ? replaceValueFix(
              "Use provisioningType 'sharedByEntraGroup'",
              [...base, 'provisioningType'],
              'sharedByEntraGroup',
              false,
            )
          : insertMemberFix(
              "Add provisioningType 'sharedByEntraGroup'",
              base,
              'provisioningType',
              '"sharedByEntraGroup"',
              false,
            ),
      ],
    });
  }
  // User settings persistence only for Frontline shared (sharedByEntraGroup): docs/rules.md CPC302 (a docs snippet disagrees; we follow the SDK).
  // Switched off it does nothing and harms nothing: Graph's own update example sends it so on a dedicated policy.
  if (isSet(policy, 'userSettingsPersistenceConfiguration')) {
    const path = [...base, 'userSettingsPersistenceConfiguration'];
    const on = asObject(policy['userSettingsPersistenceConfiguration'])?.['userSettingsPersistenceEnabled'] === true;
    hits.push({
      rule: RULES.persistenceNeedsSharedByEntraGroup,
      severity: on ? 'error' : 'hint',
      message: on
        ? `userSettingsPersistenceConfiguration only works with provisioningType 'sharedByEntraGroup' (this policy is '${type}'): remove it or change the type.`
        : `userSettingsPersistenceConfiguration is switched off and only works with 'sharedByEntraGroup' (this policy is '${type}'): it does nothing here.`,
      path,
      part: 'key',
      fixes: [removeFix('Remove userSettingsPersistenceConfiguration', path)],
    });
  }
  return hits;
}

const GALLERY_ID = /^[A-Za-z0-9.-]+_[A-Za-z0-9.-]+_[A-Za-z0-9.-]+$/;

function imageHits(policy: JsonObject, base: JsonPath): Hit[] {
  const imageId = asString(policy['imageId']);
  if (imageId === undefined || imageId === '') return NONE;
  const imageType = policy['imageType'] ?? 'gallery';
  // The common case, a gallery image spelled as the gallery spells it, needs no pattern.
  if (imageType === 'gallery' && KNOWN_EXACT.has(imageId)) return NONE;
  const path = [...base, 'imageId'];
  const setType = (t: string) =>
    has(policy, 'imageType')
      ? replaceValueFix(`Set imageType to '${t}'`, [...base, 'imageType'], t)
      : insertMemberFix(`Add imageType '${t}'`, base, 'imageType', JSON.stringify(t));
  // Gallery: {publisher}_{offer}_{sku}; custom: a device image GUID (docs/rules.md CPC303).
  if (imageType === 'gallery') {
    if (GUID_PATTERN.test(imageId)) {
      return [
        {
          rule: RULES.imageIdFormat,
          severity: 'error',
          message:
            "imageId is a GUID, which names a custom image, but imageType is 'gallery': set imageType to 'custom' or use a gallery id such as microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc.",
          path,
          part: 'value',
          fixes: [setType('custom')],
        },
      ];
    }
    if (!GALLERY_ID.test(imageId)) {
      return [
        {
          rule: RULES.imageIdFormat,
          severity: 'error',
          message: `A gallery imageId is {publisher}_{offer}_{sku}, e.g. microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc; '${imageId}' is not.`,
          path,
          part: 'value',
        },
      ];
    }
    return gallerySpellingHits(imageId, path);
  }
  if (imageType === 'custom' && !GUID_PATTERN.test(imageId)) {
    const looksGallery = GALLERY_ID.test(imageId);
    return [
      {
        rule: RULES.imageIdFormat,
        severity: 'error',
        message: looksGallery
          ? "imageId looks like a gallery image, but imageType is 'custom': set imageType to 'gallery'."
          : `A custom imageId is the GUID of a device image; '${imageId}' is not a GUID.`,
        path,
        part: 'value',
        fixes: looksGallery ? [setType('gallery')] : [],
      },
    ];
  }
  return NONE;
}

const KNOWN_BY_LOWER = new Map(KNOWN_GALLERY_IMAGE_IDS.map((id) => [id.toLowerCase(), id]));
const KNOWN_EXACT = new Set(KNOWN_GALLERY_IMAGE_IDS);

/** Gallery ids compare case-insensitively (docs/rules.md CPC304); we suggest the spelling tools use. */
function gallerySpellingHits(imageId: string, path: JsonPath): Hit[] {
  const lower = imageId.toLowerCase();
  const known = KNOWN_BY_LOWER.get(lower);
  if (known) {
    if (known === imageId) return NONE;
    return [
      {
        rule: RULES.galleryImageSpelling,
        severity: 'hint',
        message: `The gallery spells this image '${known}' (ids compare case-insensitively, so this works).`,
        path,
        part: 'value',
        fixes: [replaceValueFix(`Write '${known}'`, path, known)],
      },
    ];
  }
  if (!lower.startsWith('microsoftwindowsdesktop_windows-ent-cpc_')) return NONE;
  const guess = closestMatch(imageId, KNOWN_GALLERY_IMAGE_IDS);
  return [
    {
      rule: RULES.galleryImageSpelling,
      severity: 'information',
      message: `'${imageId}' is not a current Windows 365 gallery image${guess ? `: did you mean '${guess}'?` : '; check the gallery images list.'}`,
      path,
      part: 'value',
      fixes: guess ? [replaceValueFix(`Use '${guess}'`, path, guess)] : [],
    },
  ];
}

function domainJoinHits(policy: JsonObject, base: JsonPath, ctx: RuleContext): Hit[] {
  const list = asArray(policy['domainJoinConfigurations']);
  const hits: Hit[] = [];
  list?.forEach((item, i) => {
    const dj = asObject(item);
    if (dj) hits.push(...joinConfigHits(dj, [...base, 'domainJoinConfigurations', i]));
  });
  const single = asObject(policy['domainJoinConfiguration']);
  if (single) hits.push(...joinConfigHits(single, [...base, 'domainJoinConfiguration']));
  const anyNetwork = (list && list.length > 0) || single || isSet(policy, 'onPremisesConnectionId');
  if (!anyNetwork && !ctx.partial) {
    hits.push({
      rule: RULES.noDomainJoin,
      severity: 'information',
      message:
        'No domainJoinConfigurations: add one to say how Cloud PCs join and which network they use, e.g. Microsoft Entra join on a Microsoft-hosted network.',
      path: [...base, ...(has(policy, 'domainJoinConfigurations') ? ['domainJoinConfigurations'] : ['displayName'])],
      part: 'key',
      fixes: has(policy, 'domainJoinConfigurations')
        ? []
        : [
            insertMemberFix(
              'Add a Microsoft Entra join on a Microsoft-hosted network',
              base,
              'domainJoinConfigurations',
              '[{ "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }]',
            ),
          ],
    });
  }
  return hits;
}

/** hybridAzureADJoin: connection only; azureADJoin: connection xor region (docs/rules.md CPC305, CPC306). */
function joinConfigHits(dj: JsonObject, path: JsonPath): Hit[] {
  const joinType = dj['domainJoinType'] ?? dj['type'];
  const hasConnection = isSet(dj, 'onPremisesConnectionId') && dj['onPremisesConnectionId'] !== '';
  const hasRegion = isSet(dj, 'regionName') && dj['regionName'] !== '';
  const typeKey = has(dj, 'domainJoinType') ? 'domainJoinType' : has(dj, 'type') ? 'type' : undefined;
  const anchor: JsonPath = typeKey ? [...path, typeKey] : path;
  if (joinType === 'hybridAzureADJoin') {
    if (!hasConnection) {
      return [
        {
          rule: RULES.hybridJoinNeedsConnection,
          severity: 'error',
          message:
            'hybridAzureADJoin needs onPremisesConnectionId: the id of the Azure network connection to your domain.',
          path: anchor,
          part: typeKey ? 'value' : 'start',
          fixes: [
            insertMemberFix(
              'Add onPremisesConnectionId',
              path,
              'onPremisesConnectionId',
              '"00000000-0000-0000-0000-000000000000"',
            ),
          ],
        },
      ];
    }
    if (hasRegion) {
      return [
        {
          rule: RULES.hybridJoinNeedsConnection,
          severity: 'error',
          message: 'hybridAzureADJoin uses the network of its connection: remove regionName.',
          path: [...path, 'regionName'],
          part: 'member',
          fixes: [removeFix('Remove regionName', [...path, 'regionName'])],
        },
      ];
    }
  }
  // Without a join type the pair is wrong either way: hybrid takes no region, Entra join not both.
  if (joinType === 'azureADJoin' || (joinType !== 'hybridAzureADJoin' && hasConnection && hasRegion)) {
    if (hasConnection && hasRegion) {
      return [
        {
          rule: RULES.azureJoinConnectionXorRegion,
          severity: 'error',
          message:
            'azureADJoin takes onPremisesConnectionId (your network) or regionName (Microsoft-hosted network), not both: remove one.',
          path: [...path, 'regionName'],
          part: 'member',
          fixes: [
            removeFix('Remove regionName (use the network connection)', [...path, 'regionName']),
            removeFix(
              'Remove onPremisesConnectionId (use the Microsoft-hosted network)',
              [...path, 'onPremisesConnectionId'],
              false,
            ),
          ],
        },
      ];
    }
    if (!hasConnection && !hasRegion) {
      return [
        {
          rule: RULES.azureJoinConnectionXorRegion,
          severity: 'error',
          message:
            "azureADJoin needs regionName (Microsoft-hosted network, e.g. 'automatic') or onPremisesConnectionId (your network).",
          path: anchor,
          part: typeKey ? 'value' : 'start',
          fixes: [insertMemberFix("Add regionName 'automatic'", path, 'regionName', '"automatic"')],
        },
      ];
    }
  }
  return NONE;
}

/** Autopatch and the 'automatic' region are not available for Frontline shared (docs/rules.md CPC309, CPC318); Frontline dedicated has both. */
function frontlineSharedHits(policy: JsonObject, base: JsonPath, ctx: RuleContext): Hit[] {
  const type = effectiveProvisioningType(policy, ctx.partial);
  if (type === undefined || !isFrontlineSharedType(type)) return NONE;
  const hits: Hit[] = [];
  const autopatch = asObject(policy['autopatch']);
  if (autopatch && isSet(autopatch, 'autopatchGroupId')) {
    const path = [...base, 'autopatch'];
    hits.push({
      rule: RULES.autopatchNotForShared,
      severity: 'warning',
      message: `Autopatch is not available for Frontline shared policies ('${type}'): remove autopatch.`,
      path,
      part: 'key',
      fixes: [removeFix('Remove autopatch', path)],
    });
  }
  asArray(policy['domainJoinConfigurations'])?.forEach((item, i) => {
    const dj = asObject(item);
    if (dj?.['regionName'] === 'automatic') {
      const path = [...base, 'domainJoinConfigurations', i, 'regionName'];
      hits.push({
        rule: RULES.automaticRegionNotForShared,
        severity: 'warning',
        message:
          "The 'automatic' region is not supported for Frontline shared policies: name a region, e.g. 'westeurope'.",
        path,
        part: 'value',
      });
    }
  });
  return hits;
}

/** The SDK says 30–360, Learn 10–360 (docs/rules.md CPC319): the schema allows 10, we warn below 30. */
function autopilotHits(policy: JsonObject, base: JsonPath): Hit[] {
  const minutes = asObject(policy['autopilotConfiguration'])?.['applicationTimeoutInMinutes'];
  if (typeof minutes !== 'number' || minutes < 10 || minutes >= 30) return NONE;
  const path = [...base, 'autopilotConfiguration', 'applicationTimeoutInMinutes'];
  return [
    {
      rule: RULES.autopilotTimeoutRange,
      severity: 'warning',
      message: `The current Graph SDK accepts 30–360 minutes; ${minutes} may be rejected: use 30 or more.`,
      path,
      part: 'value',
      fixes: [replaceValueFix('Use 30 minutes', path, 30)],
    },
  ];
}
