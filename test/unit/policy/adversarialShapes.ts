// Adversarial documents of a given size: long templates, many tokens, many findings, many keys, deep
// nesting, long strings. The fuzz corpus (adversarialInput.test.ts) checks their findings; the bench times them at 1 MB.

const fill = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));
const NET = '"domainJoinConfigurations": [{ "domainJoinType": "azureADJoin", "regionName": "automatic" }]';
const withTemplate = (template: string, type = 'dedicated'): string =>
  `{ "displayName": "x", "provisioningType": "${type}", ${NET}, "cloudPcNamingTemplate": "${template}" }`;
const fleetOf = (policy: (i: number) => string, bytes: number): string => {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = policy(i);
    parts.push(p);
    size += p.length + 1;
  }
  return `{ "policies": [${parts.join(',')}] }`;
};

/** A fleet of warnings only, and the same number of policies without them. */
function warningsFleet(name: string, warn: (i: number) => string, clean: (i: number) => string): AdversarialShape {
  return {
    name,
    make: (n) => fleetOf(warn, n),
    clean: (n) => {
      const count = (JSON.parse(fleetOf(warn, n)) as { policies: unknown[] }).policies.length;
      return `{ "policies": [${Array.from({ length: count }, (_, i) => clean(i)).join(',')}] }`;
    },
  };
}

export interface AdversarialShape {
  name: string;
  make(bytes: number): string;
  /**
   * A fleet of warnings only is checked to its end (a later error would change the verdict): the same fleet
   * without its warnings, whose validation is the work no findings cap removes (the bench's second floor).
   */
  clean?(bytes: number): string;
}

export const ADVERSARIAL_SHAPES: readonly AdversarialShape[] = [
  { name: 'template: "%x%" repeated (unknown tokens)', make: (n) => withTemplate(fill('%x%', n)) },
  { name: 'template: "%USERNAME:" repeated', make: (n) => withTemplate(fill('%USERNAME:', n)) },
  { name: 'template: "%%" repeated (empty tokens)', make: (n) => withTemplate(fill('%%', n)) },
  { name: 'template: "a_" repeated (bad characters)', make: (n) => withTemplate(fill('a_', n)) },
  { name: 'template: "%rand:1%" repeated (case, too short)', make: (n) => withTemplate(fill('%rand:1%', n)) },
  {
    name: 'template: "%USERNAME:4%" repeated on a shared policy',
    make: (n) => withTemplate(fill('%USERNAME:4%', n), 'sharedByUser'),
  },
  { name: 'template: "%RAND:999%" repeated (one long name)', make: (n) => withTemplate(fill('%RAND:999%', n)) },
  { name: 'template: "5%-" repeated (stray %)', make: (n) => withTemplate(fill('5%-', n)) },
  {
    name: 'fleet: policies with two bad tokens each',
    make: (n) => fleetOf(() => '{"displayName":"x","cloudPcNamingTemplate":"%x%%y%"}', n),
  },
  { name: 'fleet: empty policies', make: (n) => fleetOf(() => '{}', n) },
  {
    name: 'fleet: a distinct bad template each',
    make: (n) => fleetOf((i) => `{"displayName":"x","cloudPcNamingTemplate":"%x${i}%"}`, n),
  },
  {
    name: 'keys: many unknown keys (did-you-mean each)',
    make: (n) => `{ "displayName": "x", ${NET}, ${fleetKeys(n, (i) => `"dispN${i}": 1`)} }`,
  },
  { name: 'keys: one key repeated (duplicates)', make: (n) => `{ ${fleetKeys(n, () => '"displayName": "a"')} }` },
  {
    name: 'nesting: 64 deep, then wide',
    make: (n) => `{ "displayName": "x", "description": ${'['.repeat(60)}${fill('[],', n - 200)}[]${']'.repeat(60)} }`,
  },
  {
    name: 'string: one long display name of forbidden characters',
    make: (n) => `{ "displayName": "${fill('<', n)}", ${NET} }`,
  },
  {
    name: 'lists: many assignments',
    make: (n) => `{ "displayName": "x", ${NET}, "assignments": [${fleetKeys(n, () => '{"target":{"groupId":"x"}}')}] }`,
  },
  // Warnings only: nothing settles the verdict, so every policy is checked to the end of the file.
  warningsFleet(
    'fleet: every policy targets the same group (overlaps, warnings only)',
    (i) =>
      `{"displayName":"p${i}","provisioningType":"dedicated",${NET},"assignments":[{"target":{"groupId":"${GROUP}"}}]}`,
    (i) =>
      `{"displayName":"p${i}","provisioningType":"dedicated",${NET},"assignments":[{"target":{"groupId":"${groupNumber(i)}"}}]}`,
  ),
  warningsFleet(
    'fleet: a read-only id in each policy (warnings only)',
    (i) => `{"id":"${groupNumber(i)}","displayName":"p${i}",${NET}}`,
    (i) => `{"description":"${groupNumber(i)}","displayName":"p${i}",${NET}}`,
  ),
  warningsFleet(
    'fleet: an unknown open-enum value in each policy (warnings only)',
    (i) => `{"displayName":"p${i}","provisioningType":"dedicatd${i}",${NET}}`,
    (i) => `{"displayName":"p${i}","provisioningType":"dedicated",${NET},"description":"${i}"}`,
  ),
  {
    name: 'nesting: deep arrays, 60 deep each, repeated',
    make: (n) => `{ "displayName": "x", ${NET}, "description": [${fill(`${'['.repeat(60)}1${']'.repeat(60)},`, n)}1] }`,
  },
  {
    name: 'keys: an object of 100,000 keys in a value',
    make: (n) => `{ "displayName": "x", ${NET}, "description": { ${fleetKeys(n, (i) => `"k${i}": 1`)} } }`,
  },
  {
    name: 'keys: unknown keys like no property (no did-you-mean)',
    make: (n) => `{ "displayName": "x", ${NET}, ${fleetKeys(n, (i) => `"zq${i}": 1`)} }`,
  },
  { name: 'keys: one unknown key of 1 MB', make: (n) => `{ "displayName": "x", ${NET}, "${fill('k', n)}": 1 }` },
  {
    name: 'template: escaped "%x%" repeated (placed on the whole value)',
    make: (n) => withTemplate(fill('\\u0025x\\u0025', n)),
  },
  {
    name: 'comments: many block comments between members',
    make: (n) => `{ "displayName": "x", ${fill('/* c */ ', n)} ${NET} }`,
  },
  {
    name: 'syntax: many missing commas (the error-tolerant parser)',
    make: (n) => `{ "displayName": "x" ${fill('"a": 1 ', n)} }`,
  },
];

const GROUP = '6a4d2f1e-8b3c-4e5f-9a7b-1c2d3e4f5a6b';
const groupNumber = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function fleetKeys(bytes: number, item: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = item(i);
    parts.push(p);
    size += p.length + 1;
  }
  return parts.join(',');
}
