// Seeds: `empty` (the catalog only) and `demo`, a tenant that feels lived-in: ~50 users, 5 groups (two
// overlapping, one nested), three SKUs, two network connections (one failing), and two assigned policies
// whose Cloud PCs are provisioned, provisioning, failed and in grace. Built by driving the model itself,
// with seeded ids, so it is identical every time.
import type { SimulatorStateData } from './simulatorState';
import { DEFAULT_SETTINGS } from './simulatorState';
import { Simulator } from './simulator';
import { HOUR, MINUTE } from './timeUnits';
import {
  catalogConnections,
  catalogDeviceImages,
  catalogGalleryImages,
  catalogRegions,
  catalogServicePlans,
  catalogSkus,
  ANC_FAILING,
  ANC_HEALTHY,
  DEVICE_IMAGE_READY,
  IMAGE_WIN11_24H2_M365,
  PLAN_FRONTLINE_2VCPU,
  SKU_ENTERPRISE_2VCPU,
  SKU_ENTERPRISE_4VCPU,
} from './catalogSeed';

export type SeedKind = 'demo' | 'empty';

/** Simulated time the seeds start at: fixed, so the demo is the same on every machine. */
export const SEED_START = Date.parse('2026-06-01T08:00:00Z');

export interface SeedOptions {
  /** Seed of the id/random stream (default: the seed kind). */
  randomSeed?: string;
  /** License units per SKU (defaults 45 / 10 / 5). */
  units?: { e2: number; e4: number; frontline: number };
  start?: number;
}

export function createSeedData(kind: SeedKind, options: SeedOptions = {}): SimulatorStateData {
  const start = options.start ?? SEED_START;
  const empty: SimulatorStateData = {
    version: 1,
    seed: options.randomSeed ?? kind,
    idCounter: 0,
    eventSeq: 0,
    now: start,
    settings: { ...DEFAULT_SETTINGS, stageMinutes: [...DEFAULT_SETTINGS.stageMinutes] },
    users: [],
    groups: [],
    skus: catalogSkus(options.units ?? { e2: 45, e4: 10, frontline: 5 }),
    policies: [],
    cloudPcs: [],
    onPremisesConnections: catalogConnections(),
    galleryImages: catalogGalleryImages(),
    deviceImages: catalogDeviceImages(new Date(start).toISOString()),
    servicePlans: catalogServicePlans(),
    supportedRegions: catalogRegions(),
    auditEvents: [],
    faults: [],
    footprints: [],
    schedule: [],
  };
  if (kind === 'empty') return empty;
  const sim = new Simulator(empty);
  buildDemo(sim);
  return sim.toData();
}

const FIRST = [
  'Adele',
  'Alex',
  'Allan',
  'Bianca',
  'Brian',
  'Camille',
  'Christie',
  'Debra',
  'Diego',
  'Emily',
  'Enrico',
  'Fatima',
  'Grady',
  'Hana',
  'Henrietta',
  'Irvin',
  'Isaiah',
  'Johanna',
  'Joni',
  'Kenji',
  'Lee',
  'Lidia',
  'Lynne',
  'Mariam',
  'Megan',
  'Miriam',
  'Nestor',
  'Nia',
  'Omar',
  'Patti',
  'Pradeep',
  'Priya',
  'Raul',
  'Rosa',
  'Sakura',
  'Sam',
  'Sanjay',
  'Sofia',
  'Tomasz',
  'Uma',
  'Valentina',
  'Wei',
  'Willa',
  'Xavier',
  'Yara',
  'Yusuf',
  'Zara',
  'Zoltan',
  'Ingrid',
  'Mateo',
];
const LAST = [
  'Vance',
  'Wilber',
  'Deyoung',
  'Pala',
  'Chen',
  'Laurent',
  'Cline',
  'Berger',
  'Siciliani',
  'Braun',
  'Rossi',
  'Haddad',
  'Archie',
  'Sato',
  'Harris',
  'Bellinger',
  'Okafor',
  'Lind',
  'Sherman',
  'Tanaka',
  'Gu',
  'Holloway',
  'Robbins',
  'Ali',
  'Bowen',
  'Caldwell',
  'Wilke',
  'Mensah',
  'Farouk',
  'Fernandez',
  'Gupta',
  'Raman',
  'Ortega',
  'Alvarez',
  'Yamamoto',
  'Nowak',
  'Iyer',
  'Novak',
  'Kowalski',
  'Shah',
  'Greco',
  'Zhang',
  'Moreau',
  'Dubois',
  'Haddad',
  'Demir',
  'Khan',
  'Szabo',
  'Larsen',
  'Silva',
];
const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'Retail', 'Marketing'];
const TITLES: Record<string, string[]> = {
  Sales: ['Account Executive', 'Sales Manager', 'Inside Sales Rep'],
  Engineering: ['Software Engineer', 'Engineering Lead', 'SRE'],
  Finance: ['Accountant', 'Controller', 'Financial Analyst'],
  Retail: ['Store Associate', 'Shift Lead'],
  Marketing: ['Marketing Manager', 'Content Designer'],
};

function buildDemo(sim: Simulator): void {
  const users = FIRST.map((first, i) => {
    const last = LAST[i];
    const department = DEPARTMENTS[i < 16 ? 0 : i < 32 ? 1 : i < 40 ? 2 : i < 46 ? 3 : 4];
    const titles = TITLES[department];
    const r = sim.createUser({
      displayName: `${first} ${last}`,
      userPrincipalName: `${first}.${last}@contoso.onmicrosoft.com`.toLowerCase(),
      givenName: first,
      surname: last,
      department,
      jobTitle: titles[i % titles.length],
      usageLocation: 'US',
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  });
  const group = (displayName: string, description: string) => {
    const r = sim.createGroup({ displayName, description, securityEnabled: true, mailEnabled: false });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const sales = group('W365 Sales', 'Sales team Cloud PCs');
  const engineering = group('W365 Engineering', 'Engineering Cloud PCs');
  const finance = group('W365 Finance', 'Finance Cloud PCs (hybrid joined)');
  const retail = group('Frontline Retail', 'Store staff on Frontline Cloud PCs');
  const everyone = group('All Cloud PC Users', 'Nests W365 Finance: nested groups are not expanded by Windows 365');
  const add = (g: { id: string }, u: { id: string }) => {
    const r = sim.addMember(g.id, u.id);
    if (!r.ok) throw new Error(r.error.message);
  };
  users.slice(0, 16).forEach((u) => add(sales, u));
  users.slice(16, 32).forEach((u) => add(engineering, u));
  users.slice(32, 40).forEach((u) => add(finance, u));
  users.slice(40, 46).forEach((u) => add(retail, u));
  // Overlap: three sales people also sit in Engineering (first assigned policy wins for them).
  users.slice(13, 16).forEach((u) => add(engineering, u));
  add(everyone, finance);
  users.slice(46, 50).forEach((u) => add(everyone, u));

  const license = (u: { id: string }, skus: string[]) => {
    const r = sim.assignLicense(u.id, skus, []);
    if (!r.ok) throw new Error(r.error.message);
  };
  // Two sales people have no license: no Cloud PC for them.
  users.slice(0, 14).forEach((u) => license(u, [SKU_ENTERPRISE_2VCPU]));
  users
    .slice(16, 40)
    .forEach((u, i) => license(u, i < 3 ? [SKU_ENTERPRISE_2VCPU, SKU_ENTERPRISE_4VCPU] : [SKU_ENTERPRISE_2VCPU]));
  users.slice(46, 50).forEach((u) => license(u, [SKU_ENTERPRISE_2VCPU]));

  const policy = (fields: Parameters<Simulator['createPolicy']>[0]) => {
    const r = sim.createPolicy(fields);
    if (!r.ok) throw new Error(r.error.message);
    return r.value.policy;
  };
  const standard = policy({
    displayName: 'Contoso Standard (East US 2)',
    description: 'Microsoft-hosted network, Entra joined, Microsoft 365 Apps',
    cloudPcNamingTemplate: 'CPC-%USERNAME:4%-%RAND:5%',
    imageType: 'gallery',
    imageId: IMAGE_WIN11_24H2_M365,
    imageDisplayName: 'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
    enableSingleSignOn: true,
    domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'eastus2', regionGroup: 'usEast' }],
    windowsSetting: { locale: 'en-US' },
  });
  const financePolicy = policy({
    displayName: 'Contoso Finance (hybrid)',
    description: 'Hybrid joined through Azure network connections in priority order',
    cloudPcNamingTemplate: 'FIN-%RAND:6%',
    imageType: 'custom',
    imageId: DEVICE_IMAGE_READY,
    imageDisplayName: 'Contoso Finance Win11',
    domainJoinConfigurations: [
      { domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_FAILING },
      { domainJoinType: 'hybridAzureADJoin', onPremisesConnectionId: ANC_HEALTHY },
    ],
    windowsSetting: { locale: 'en-GB' },
  });
  policy({
    displayName: 'Frontline Retail (draft)',
    description: 'Not assigned yet: Frontline dedicated for store staff',
    provisioningType: 'sharedByUser',
    cloudPcNamingTemplate: 'RTL-%RAND:6%',
    imageType: 'gallery',
    imageId: IMAGE_WIN11_24H2_M365,
    imageDisplayName: 'Windows 11 Enterprise + Microsoft 365 Apps 24H2',
    domainJoinConfigurations: [{ domainJoinType: 'azureADJoin', regionName: 'automatic', regionGroup: 'usEast' }],
  });
  void PLAN_FRONTLINE_2VCPU;

  // One sales user's provisioning keeps failing: three attempts, then `failed`.
  sim.addFault({ userPrincipalName: users[5].userPrincipalName, count: 3 });
  const assign = (p: { id: string }, groups: { id: string }[]) => {
    const r = sim.assignPolicy(
      p.id,
      groups.map((g) => ({
        groupId: g.id,
        servicePlanId: null,
        allotmentDisplayName: null,
        allotmentLicensesCount: null,
      })),
    );
    if (!r.ok) throw new Error(r.error.message);
  };
  assign(standard, [sales, engineering]);
  assign(financePolicy, [finance]);
  sim.advanceBy(6 * HOUR);
  // A leaver: removed from Sales, the Cloud PC waits out its grace period.
  sim.removeMember(sales.id, users[2].id);
  sim.advanceBy(2 * HOUR);
  // A joiner just got a license: provisioning right now.
  license(users[15], [SKU_ENTERPRISE_2VCPU]);
  sim.advanceBy(30 * MINUTE);
}
