// Every route the simulator answers, in one table: method, path pattern, handler (pattern syntax: router.ts).
// Order matters only where patterns overlap: the first that fits the path decides, so a fixed segment
// (`applyConfig`, `getProvisionedCloudPCs(…)`) comes before the `{id}` it would otherwise be taken for.
import type { Route } from './router';
import * as policies from './policyHandlers';
import * as cloudPcs from './cloudPcHandlers';
import { catalogGet, CATALOG_COLLECTIONS } from './catalogHandlers';
import * as directory from './directoryHandlers';
import * as controls from './simulatorControlHandlers';

const VE = '/{version:beta|v1.0}/deviceManagement/virtualEndpoint';
const DIR = '/{version:beta|v1.0}';

export const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: `${VE}/provisioningPolicies`, handler: policies.listPolicies },
  { method: 'POST', pattern: `${VE}/provisioningPolicies`, handler: policies.createPolicy },
  { method: 'POST', pattern: `${VE}/provisioningPolicies/applyConfig`, handler: policies.applyConfig },
  { method: 'GET', pattern: `${VE}/provisioningPolicies/{id}`, handler: policies.getPolicy },
  { method: 'PATCH', pattern: `${VE}/provisioningPolicies/{id}`, handler: policies.patchPolicy },
  { method: 'DELETE', pattern: `${VE}/provisioningPolicies/{id}`, handler: policies.deletePolicy },
  { method: 'GET', pattern: `${VE}/provisioningPolicies/{id}/assignments`, handler: policies.listAssignments },
  { method: 'POST', pattern: `${VE}/provisioningPolicies/{id}/assign`, handler: policies.assignPolicy },
  { method: 'POST', pattern: `${VE}/provisioningPolicies/{id}/apply`, handler: policies.applyPolicy },
  { method: 'POST', pattern: `${VE}/provisioningPolicies/{id}/retry`, handler: policies.retryPolicy },

  { method: 'GET', pattern: `${VE}/cloudPCs`, handler: cloudPcs.listCloudPcs },
  {
    method: 'GET',
    pattern: `${VE}/cloudPCs/{call:getProvisionedCloudPCs(*}`,
    handler: cloudPcs.getProvisionedCloudPcs,
  },
  { method: 'GET', pattern: `${VE}/cloudPCs/{id}`, handler: cloudPcs.getCloudPc },
  {
    method: 'POST',
    pattern: `${VE}/cloudPCs/{id}/{action:${cloudPcs.CLOUD_PC_ACTIONS}}`,
    handler: cloudPcs.cloudPcAction,
  },

  { method: 'GET', pattern: `${VE}/{collection:${CATALOG_COLLECTIONS}}`, handler: catalogGet },
  { method: 'GET', pattern: `${VE}/{collection:${CATALOG_COLLECTIONS}}/{id}`, handler: catalogGet },

  { method: 'GET', pattern: `${DIR}/users`, handler: directory.listUsers },
  { method: 'POST', pattern: `${DIR}/users`, handler: directory.createUser },
  { method: 'GET', pattern: `${DIR}/users/{id}`, handler: directory.getUser },
  { method: 'DELETE', pattern: `${DIR}/users/{id}`, handler: directory.deleteUser },
  { method: 'POST', pattern: `${DIR}/users/{id}/assignLicense`, handler: directory.assignLicense },
  { method: 'GET', pattern: `${DIR}/users/{id}/licenseDetails`, handler: directory.licenseDetails },
  { method: 'GET', pattern: `${DIR}/groups`, handler: directory.listGroups },
  { method: 'POST', pattern: `${DIR}/groups`, handler: directory.createGroup },
  { method: 'GET', pattern: `${DIR}/groups/{id}`, handler: directory.getGroup },
  { method: 'GET', pattern: `${DIR}/groups/{id}/members`, handler: directory.listMembers },
  { method: 'POST', pattern: `${DIR}/groups/{id}/members/$ref`, handler: directory.addMember },
  { method: 'DELETE', pattern: `${DIR}/groups/{id}/members/{memberId}/$ref`, handler: directory.removeMember },
  { method: 'GET', pattern: `${DIR}/subscribedSkus`, handler: directory.listSkus },

  { method: 'GET', pattern: '/_simulator/clock', handler: controls.getClock },
  { method: 'POST', pattern: '/_simulator/clock/advance', handler: controls.advanceClock },
  { method: 'POST', pattern: '/_simulator/faults', handler: controls.addFault },
  { method: 'GET', pattern: '/_simulator/faults', handler: controls.listFaults },
  { method: 'POST', pattern: '/_simulator/reset', handler: controls.resetTenant },
  { method: 'GET', pattern: '/_simulator/objects', handler: controls.listObjects },
  { method: 'GET', pattern: '/_simulator/settings', handler: controls.getSettings },
  { method: 'PATCH', pattern: '/_simulator/settings', handler: controls.patchSettings },
  { method: 'PATCH', pattern: '/_simulator/onPremisesConnections/{id}', handler: controls.patchConnection },
  { method: 'PATCH', pattern: '/_simulator/galleryImages/{id}', handler: controls.patchGalleryImage },
];
