// A sample device name for a policy and user, seeded by both so it never changes between two looks: the
// sidebar, the assign what-if and the agent tools show the same name for the same user.
import { DEFAULT_NAMING_TEMPLATE } from '../model/defaultNamingTemplate';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { expandNamingTemplate } from './namingTemplate';
import { createSeededRandom } from './seededRandom';

export function sampleCloudPcName(
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'cloudPcNamingTemplate'>,
  upn: string,
): string {
  try {
    return expandNamingTemplate(
      policy.cloudPcNamingTemplate || DEFAULT_NAMING_TEMPLATE,
      upn,
      createSeededRandom(`${policy.id}|${upn}`),
    );
  } catch {
    return '';
  }
}
