// How the tenant's objects read to an admin: one sentence each for health, image dates and sizes, shared by
// the tenant checks, hover and completion so they never say the same thing two ways.
import type {
  CloudPcDeviceImage,
  CloudPcGalleryImage,
  CloudPcServicePlan,
  CloudPcSupportedRegion,
} from '../model/catalog';
import type { Severity } from '../policy/finding';
import type { TenantConnection, TenantFrontlinePlan, TenantGroup } from './tenantCatalog';

/** The health status, and for a failing connection the checks that failed with what to do. */
export function connectionHealthText(c: TenantConnection): string {
  const failed = (c.healthCheckStatusDetail?.healthChecks ?? []).filter((h) => h.status === 'failed');
  if (failed.length === 0) return c.healthCheckStatus;
  return failed
    .map((h) => `${h.displayName} failed${h.recommendedAction ? `: ${h.recommendedAction}` : ''}`)
    .join('; ');
}

export function connectionSummary(c: TenantConnection): string {
  return `${c.connectionType === 'hybridAzureADJoin' ? 'Hybrid join' : 'Microsoft Entra join'} · health ${c.healthCheckStatus}${c.inUse ? ' · in use' : ''}`;
}

export function connectionMarkdown(c: TenantConnection): string {
  return [
    `**${c.displayName}** — Azure network connection`,
    '',
    `- Join: ${c.connectionType}`,
    `- Health: ${c.healthCheckStatus === 'failed' ? `failed (${connectionHealthText(c)})` : c.healthCheckStatus}${c.healthCheckPaused ? ' (checks paused)' : ''}`,
    `- Network: ${c.virtualNetworkLocation} · ${c.subscriptionName}`,
    ...(c.adDomainName ? [`- Domain: ${c.adDomainName}`] : []),
    `- ${c.inUse ? 'In use by a policy' : 'Not in use'}`,
    '',
    `\`${c.id}\``,
  ].join('\n');
}

function isGallery(image: CloudPcGalleryImage | CloudPcDeviceImage): image is CloudPcGalleryImage {
  return 'publisherName' in image;
}

/** Whether new Cloud PCs can provision from the image now (`now`: the backend's clock, ms). */
export function imageProblem(
  image: CloudPcGalleryImage | CloudPcDeviceImage,
  now: number,
): { severity: Severity; message: string } | undefined {
  const name = image.displayName;
  if (isGallery(image)) {
    // After expirationDate nothing new provisions; between endDate and it, support has ended (Graph: cloudPcGalleryImage).
    if (image.status === 'notSupported' || passed(image.expirationDate, now)) {
      const why = passed(image.expirationDate, now) ? `expired on ${image.expirationDate}` : 'is not supported';
      return {
        severity: 'warning',
        message: `Provisioning will fail: the gallery image '${name}' ${why}; choose a supported image.`,
      };
    }
    if (passed(image.endDate, now)) {
      return {
        severity: 'warning',
        message: `Support for the gallery image '${name}' ended on ${image.endDate}${image.expirationDate ? `; new Cloud PCs stop provisioning from it on ${image.expirationDate}` : ''}.`,
      };
    }
    return undefined;
  }
  if (image.status === 'failed')
    return {
      severity: 'warning',
      message: `Provisioning will fail: the custom image '${name}' failed to upload; upload it again or choose another image.`,
    };
  if (passed(image.expirationDate, now))
    return {
      severity: 'warning',
      message: `Provisioning will fail: the custom image '${name}' expired on ${image.expirationDate}.`,
    };
  if (image.status === 'pending')
    return {
      severity: 'information',
      message: `The custom image '${name}' is still being uploaded: Cloud PCs provision from it once it is ready.`,
    };
  return undefined;
}

function passed(date: string | null | undefined, now: number): boolean {
  if (!date) return false;
  const at = Date.parse(date);
  return Number.isFinite(at) && at <= now;
}

export function imageSummary(image: CloudPcGalleryImage | CloudPcDeviceImage): string {
  return isGallery(image)
    ? `${image.osVersionNumber ?? ''} · ${image.status}${image.endDate ? ` · support ends ${image.endDate}` : ''}`
    : `${image.operatingSystem ?? 'custom'} ${image.osBuildNumber ?? ''} · ${image.status}`;
}

export function imageMarkdown(image: CloudPcGalleryImage | CloudPcDeviceImage): string {
  if (isGallery(image)) {
    return [
      `**${image.displayName}** — gallery image`,
      '',
      `- OS version: ${image.osVersionNumber ?? 'unknown'}`,
      `- Status: ${image.status}`,
      `- Support ends: ${image.endDate ?? 'not announced'} · expires: ${image.expirationDate ?? 'not announced'}`,
      '',
      `\`${image.id}\``,
    ].join('\n');
  }
  return [
    `**${image.displayName}** — custom image`,
    '',
    `- OS: ${image.operatingSystem ?? 'unknown'} ${image.osBuildNumber ?? ''}`.trimEnd(),
    `- Status: ${image.status}${image.osStatus ? ` · OS ${image.osStatus}` : ''}`,
    ...(image.version ? [`- Version: ${image.version}`] : []),
    '',
    `\`${image.id}\``,
  ].join('\n');
}

export function regionSummary(r: CloudPcSupportedRegion): string {
  return `${r.regionGroup} · ${r.regionStatus}`;
}

export function regionMarkdown(r: CloudPcSupportedRegion): string {
  return `**${r.displayName}** (\`${r.id}\`) — region group ${r.regionGroup}, ${r.regionStatus}`;
}

export function planSize(plan: Pick<CloudPcServicePlan, 'vCpuCount' | 'ramInGB' | 'storageInGB'>): string {
  return `${plan.vCpuCount} vCPU · ${plan.ramInGB} GB RAM · ${plan.storageInGB} GB`;
}

export function frontlinePlanMarkdown(
  frontline: TenantFrontlinePlan,
  plan: CloudPcServicePlan | null | undefined,
): string {
  return [
    `**${frontline.displayName}** — Frontline service plan`,
    '',
    ...(plan ? [`- Size: ${planSize(plan)}`, `- Type: ${plan.type}`] : []),
    ...(frontline.totalCount !== undefined
      ? [`- Licenses: ${frontline.usedCount ?? 0} used of ${frontline.totalCount}`]
      : []),
    '',
    `\`${frontline.id}\``,
  ].join('\n');
}

export function groupMarkdown(g: TenantGroup): string {
  const members = g.memberCount === undefined ? '' : `${g.memberCount} direct member${g.memberCount === 1 ? '' : 's'}`;
  const licensed = g.licensedMemberCount === undefined ? '' : `${g.licensedMemberCount} with a Windows 365 license`;
  return [
    `**${g.displayName}** — Microsoft Entra group`,
    '',
    ...(members ? [`- ${[members, licensed].filter(Boolean).join(', ')}`] : []),
    '',
    `\`${g.id}\``,
  ].join('\n');
}
