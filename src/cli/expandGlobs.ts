// Minimal glob expansion (`*`, `?`, `**`) without dependencies: Node 20 has no fs.globSync.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SKIP_DIRS = new Set(['node_modules', '.git']);

export function hasGlobChars(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

function segmentRegex(seg: string): RegExp {
  const body = seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

function listDir(dir: string): { name: string; isDir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, isDir: d.isDirectory() }));
  } catch {
    return [];
  }
}

/** Files matching `pattern` (relative to `cwd` unless absolute), sorted. Directories are not returned. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const absolute = path.isAbsolute(normalized);
  const base = absolute ? path.parse(path.resolve(normalized)).root : cwd;
  const segments = (absolute ? path.resolve(normalized).replace(/\\/g, '/').slice(base.replace(/\\/g, '/').length) : normalized).split('/').filter((s) => s !== '' && s !== '.');
  const out = new Set<string>();
  walk(base, segments, out);
  return [...out].sort();
}

function walk(dir: string, segments: string[], out: Set<string>): void {
  if (segments.length === 0) {
    if (isFile(dir)) out.add(dir);
    return;
  }
  const [seg, ...rest] = segments as [string, ...string[]];
  if (seg === '**') {
    walk(dir, rest, out);
    for (const e of listDir(dir)) if (e.isDir && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name), segments, out);
    return;
  }
  if (!hasGlobChars(seg)) {
    walk(path.join(dir, seg), rest, out);
    return;
  }
  const re = segmentRegex(seg);
  for (const e of listDir(dir)) {
    if (!re.test(e.name) || (e.name.startsWith('.') && !seg.startsWith('.'))) continue;
    walk(path.join(dir, e.name), rest, out);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
