// A sample device name for a policy, as the service would make it: its naming template, or the default the
// simulator uses for its provisioning type (docs/service-facts.md "Naming template"), seeded by the policy id
// and the user so it does not change on every redraw. The views' tooltip and the assign what-if show it.
import { defaultNamingTemplate } from '../model/defaultNamingTemplate';
import type { CloudPcProvisioningPolicy } from '../model/provisioningPolicy';
import { expandNamingTemplate } from './namingTemplate';
import { createSeededRandom } from './seededRandom';

/** The template the policy names its Cloud PCs with: its own, or the default for its type. */
export function effectiveNamingTemplate(
  policy: Pick<CloudPcProvisioningPolicy, 'cloudPcNamingTemplate' | 'provisioningType'>,
): string {
  return policy.cloudPcNamingTemplate || defaultNamingTemplate(policy.provisioningType);
}

export function sampleName(
  policy: Pick<CloudPcProvisioningPolicy, 'id' | 'cloudPcNamingTemplate' | 'provisioningType'>,
  upn: string,
): string {
  try {
    return expandNamingTemplate(effectiveNamingTemplate(policy), upn, createSeededRandom(`${policy.id}|${upn}`));
  } catch {
    return '';
  }
}
