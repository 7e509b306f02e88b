// `healthCheckStatusDetail` of a simulated Azure network connection, in Graph's shape
// (Graph: "cloudPcOnPremisesConnectionStatusDetail resource type", "cloudPcOnPremisesConnectionHealthCheck
// resource type"). Graph returns it only when `$select` names it (docs/simulator.md, "Catalog").
import type { CloudPcOnPremisesConnection } from '../model/catalog';

interface CheckSpec {
  displayName: string;
  /** What fails on a failing connection of this join type, with Graph's errorType and the portal's advice. */
  failure?: { errorType: string; recommendedAction: string; additionalDetail: string };
}

const CHECKS: readonly CheckSpec[] = [
  { displayName: 'Azure tenant readiness' },
  { displayName: 'Azure virtual network readiness' },
  { displayName: 'Azure subnet IP address usage' },
  { displayName: 'DNS can resolve Active Directory domain' },
  {
    displayName: 'Active Directory domain join',
    failure: {
      errorType: 'adJoinCheckIncorrectCredentials',
      recommendedAction:
        "Update the domain join account's password on the Azure network connection, then retry the checks.",
      additionalDetail: 'The user name or password of the domain join account is incorrect.',
    },
  },
  { displayName: 'Endpoint connectivity' },
];

export function healthCheckStatusDetail(c: CloudPcOnPremisesConnection, checkedAt: string): Record<string, unknown> {
  const failing = c.healthCheckStatus === 'failed';
  return {
    startDateTime: checkedAt,
    endDateTime: checkedAt,
    healthChecks: CHECKS.map((check) => {
      const failed = failing && check.failure !== undefined;
      return {
        displayName: check.displayName,
        status: failed ? 'failed' : c.healthCheckStatus === 'failed' ? 'passed' : c.healthCheckStatus,
        startDateTime: checkedAt,
        endDateTime: checkedAt,
        errorType: failed ? check.failure!.errorType : null,
        recommendedAction: failed ? check.failure!.recommendedAction : null,
        additionalDetail: failed ? check.failure!.additionalDetail : null,
        correlationId: null,
      };
    }),
  };
}
