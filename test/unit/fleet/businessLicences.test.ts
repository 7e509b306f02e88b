// Windows 365 Business SKUs (CPC_B_…) are not provisioned by policies: the licence table counts them apart,
// and a Business licence does not let a dedicated (Enterprise) policy give a user a Cloud PC (docs/fleet-overview.md
// "Licences per SKU": Learn "Product names and service plan identifiers for licensing", Learn "Windows 365 Business").
import * as assert from 'node:assert/strict';
import { computeLeftOut } from '../../../src/core/fleet/leftOutUsers';
import { enterpriseSkuIds, licenceRows } from '../../../src/core/fleet/licenceUse';
import type { SubscribedSku } from '../../../src/core/model/directory';

const sku = (skuId: string, part: string, consumed: number, enabled: number): SubscribedSku => ({
  id: skuId,
  skuId,
  skuPartNumber: part,
  appliesTo: 'User',
  capabilityStatus: 'Enabled',
  consumedUnits: consumed,
  prepaidUnits: { enabled, suspended: 0, warning: 0, lockedOut: 0 },
  servicePlans: [],
});

describe('Windows 365 Business licences in the Fleet Overview', () => {
  it('the licence table names CPC_B_ SKUs Business, not Enterprise', () => {
    const rows = licenceRows([sku('e', 'CPC_E_2C_8GB_128GB', 3, 5), sku('b', 'CPC_B_2C_8RAM_128GB', 2, 4)], []);
    assert.deepEqual(
      rows.map((r) => [r.name, r.kind]),
      [
        ['CPC_B_2C_8RAM_128GB', 'business'],
        ['CPC_E_2C_8GB_128GB', 'enterprise'],
      ],
    );
  });

  it('a user with only a Business licence is left out of a dedicated policy for want of a licence', () => {
    const skus = [sku('e', 'CPC_E_2C_8GB_128GB', 1, 5), sku('b', 'CPC_B_2C_8RAM_128GB', 1, 4)];
    const out = computeLeftOut({
      policies: [{ id: 'p', displayName: 'Standard', provisioningType: 'dedicated', assignments: [{ groupId: 'g' }] }],
      groups: new Map([
        [
          'g',
          {
            displayName: 'Sales',
            members: [
              { id: '1', displayName: 'Ena', userPrincipalName: 'ena@contoso.com', skuIds: ['e'] },
              { id: '2', displayName: 'Bea', userPrincipalName: 'bea@contoso.com', skuIds: ['b'] },
            ],
          },
        ],
      ]),
      enterpriseSkuIds: enterpriseSkuIds(skus),
      holders: [],
    });
    assert.deepEqual(
      out.map((u) => [u.name, u.reason]),
      [['Bea', 'noLicence']],
    );
  });
});
