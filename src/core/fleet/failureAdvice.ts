// What a provisioning failure means and what fixes it, per `statusDetail.code`: the explain-failure tool reads
// it beside the facts the Fleet Overview shows (code, message, retriable). Sources: Learn "Troubleshoot
// Windows 365 provisioning errors" and "Azure network connection health checks" (docs/service-facts.md).
import type { CloudPc } from '../model/cloudPc';

export interface FailureAdvice {
  /** What the failure usually means, in words. */
  meaning: string;
  /** The documented fix. */
  fix: string;
  /** Whether Retry (provision again) can help: at once, only after the fix, or not at all. */
  retry: 'helps' | 'afterFix' | 'no';
}

const ADVICE: Record<string, FailureAdvice> = {
  azureNetworkConnectionUnhealthy: {
    meaning:
      "None of the policy's Azure network connections passed its health checks when the Cloud PC was built (a failed check fails provisioning; each attempt also takes a new IP address in the subnet).",
    fix: 'Open the connection in the Windows 365 admin center, fix the failed health checks (DNS, domain join credentials, subnet IP addresses, endpoint connectivity), wait for the checks to pass, then retry.',
    retry: 'afterFix',
  },
  imageExpired: {
    meaning: "The policy's gallery image is past its expiration date: nothing new provisions from it.",
    fix: 'Edit the policy to use a supported image (see the images tool), then reprovision or retry.',
    retry: 'no',
  },
  imageNotFound: {
    meaning: 'The image the policy names does not exist in the tenant (a deleted custom image or a mistyped id).',
    fix: 'Edit the policy to name an image the tenant has (see the images tool), then retry.',
    retry: 'afterFix',
  },
  imageNotReady: {
    meaning: 'The custom image the policy names is not ready (still uploading or its upload failed).',
    fix: 'Wait until the custom image is ready, or choose another image, then retry.',
    retry: 'afterFix',
  },
  intuneEnrollFailed: {
    meaning:
      'The Cloud PC was built but could not enroll in Intune: usually an enrollment restriction, a device limit, or the user lacking an Intune license.',
    fix: 'Check the Intune enrollment restrictions and device limits for the user and that the user has an Intune license, then retry.',
    retry: 'helps',
  },
  provisioningFailed: {
    meaning: 'Provisioning failed for an internal service reason, not a setting of the policy.',
    fix: 'Retry; if it fails again, open a support case with the Cloud PC id.',
    retry: 'helps',
  },
};

const UNKNOWN: FailureAdvice = {
  meaning: 'The service reported a failure code this version does not describe.',
  fix: 'Read the service\'s message below; Learn "Troubleshoot Windows 365 provisioning errors" lists the codes and fixes.',
  retry: 'afterFix',
};

export function failureAdvice(code: string | null | undefined): FailureAdvice {
  return (code && ADVICE[code]) || UNKNOWN;
}

/** The service's own word (`additionalInformation` retriable), as the Fleet Overview reads it; undefined when absent. */
export function serviceSaysRetriable(pc: Pick<CloudPc, 'statusDetail'>): boolean | undefined {
  const entry = pc.statusDetail?.additionalInformation?.find((kv) => kv.name === 'retriable');
  return entry ? entry.value === 'true' : undefined;
}
