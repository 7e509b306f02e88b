// Which deployed policy each file policy is on each tenant: a committed bindings file keyed by a stable
// tenant key, so one repository deploys to a test tenant and to production (docs/deploy.md, "Bindings").
// Without a bindings file (or without a section for the tenant) the `policy id` comments bind, as in the editor.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { errorText } from '../core/model/errorText';

export const DEFAULT_BINDINGS_FILE = 'cpcpolicy.bindings.json';

interface BindingsJson {
  $comment?: string;
  tenants: Record<string, Record<string, string>>;
}

export interface Bindings {
  /** Where the file is (it may not exist yet). */
  path: string;
  json: BindingsJson;
}

const COMMENT =
  'Written by cpcpolicy apply and export: for each tenant key, the deployed policy id of each file policy ("file", or "file[index]" for a { "policies": [...] } file, relative to this file). Commit it.';

/** The bindings file in use: the one named, else cpcpolicy.bindings.json in the directory, else none. */
export function openBindings(named: string | undefined, cwd: string): Bindings | string | undefined {
  const file = path.resolve(cwd, named ?? DEFAULT_BINDINGS_FILE);
  if (!existsSync(file)) return named ? { path: file, json: { $comment: COMMENT, tenants: {} } } : undefined;
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as BindingsJson;
    if (!json || typeof json !== 'object' || typeof json.tenants !== 'object' || json.tenants === null)
      return `${file}: not a bindings file (no "tenants" object)`;
    return { path: file, json };
  } catch (err) {
    return `cannot read the bindings file ${file}: ${errorText(err)}`;
  }
}

/** The key of one policy of a file: its path relative to the bindings file, `[index]` inside a fleet file. */
export function bindingKey(bindings: Bindings, file: string, index: number, isFleet: boolean): string {
  const rel = path.relative(path.dirname(bindings.path), file).replace(/\\/g, '/');
  return isFleet ? `${rel}[${index}]` : rel;
}

/** The ids a tenant's section gives each policy of a file; undefined when the tenant has no section (comments bind). */
export function boundIdsFor(
  bindings: Bindings | undefined,
  tenantKey: string,
  file: string,
  count: number,
  isFleet: boolean,
): (string | undefined)[] | undefined {
  const section = bindings?.json.tenants[tenantKey];
  if (!bindings || !section) return undefined;
  return Array.from({ length: count }, (_, i) => section[bindingKey(bindings, file, i, isFleet)]);
}

/** Records ids for a tenant (undefined removes an entry) and writes the file whole (a rename over a temp file). */
export function recordBindings(
  bindings: Bindings,
  tenantKey: string,
  entries: readonly { file: string; index: number; isFleet: boolean; id: string | undefined }[],
): void {
  const section = (bindings.json.tenants[tenantKey] ??= {});
  for (const e of entries) {
    const key = bindingKey(bindings, e.file, e.index, e.isFleet);
    if (e.id) section[key] = e.id;
    else delete section[key];
  }
  bindings.json.tenants[tenantKey] = Object.fromEntries(Object.entries(section).sort(([a], [b]) => a.localeCompare(b)));
  const temp = `${bindings.path}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ $comment: COMMENT, ...bindings.json }, null, 2)}\n`);
  renameSync(temp, bindings.path);
}
