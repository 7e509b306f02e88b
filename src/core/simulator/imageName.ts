// The name a Cloud PC reports for its image: the policy's imageDisplayName, else the catalog's name of the image
// it names (Graph "cloudPC resource type": imageDisplayName is the image's name; tools often omit the policy's).
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import type { Tenant } from './tenant';

export function imageNameFor(
  sim: Tenant,
  policy: Pick<CloudPcProvisioningPolicy, 'imageId' | 'imageType' | 'imageDisplayName'>,
): string | null {
  if (policy.imageDisplayName) return policy.imageDisplayName;
  const id = policy.imageId;
  if (!id) return null;
  if ((policy.imageType ?? 'gallery') === 'custom')
    return sim.catalog.deviceImages.find((d) => d.id === id)?.displayName ?? null;
  return sim.galleryImage(id)?.displayName ?? null;
}
