// The files a directory or a glob names for `cpcpolicy validate`, `plan` and `apply`, and every path the walk passed
// over with the reason: a FIFO or device, a link to nothing, a link loop, a folder it cannot read, a file reached
// twice through a link. Nothing is skipped silently (README.md "Command line"); dot entries,
// node_modules and .git are left out by design. Patterns are matched with picomatch, the matcher globs use.
import type { Dirent, Stats } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

export interface SkippedPath {
  /** Absolute. */
  path: string;
  reason: string;
  /** The path the same file was first found under (absolute). */
  sameAs?: string;
}

export interface WalkResult {
  /** Absolute and sorted, each file once. */
  files: string[];
  skipped: SkippedPath[];
}

const LEFT_OUT = new Set(['node_modules', '.git']);

export function hasGlobChars(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Files matching `pattern` (relative to `cwd` unless absolute); dot files, node_modules and .git are left out. */
export function expandGlob(pattern: string, cwd: string): WalkResult {
  // Globs read '\' as an escape; on Windows it is the path separator people type.
  const normalized = path.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  const absolute = path.isAbsolute(normalized);
  const { base } = picomatch.scan(normalized);
  const isMatch = picomatch(normalized, { dot: false });
  const root = path.resolve(cwd, base || '.');
  return walkFiles(root, (file) => isMatch(slashes(absolute ? file : path.relative(cwd, file))));
}

/** Every *.cpcpolicy.json below `dir`. */
export function policyFilesIn(dir: string): WalkResult {
  return walkFiles(dir, (file) => file.endsWith('.cpcpolicy.json'));
}

function walkFiles(root: string, matches: (file: string) => boolean): WalkResult {
  const result: WalkResult = { files: [], skipped: [] };
  const walkedFolders = new Set<string>();
  const seenFiles = new Map<string, string>();
  const visit = (dir: string): void => {
    const entries = readFolder(dir, result);
    for (const entry of entries) {
      if (entry.name.startsWith('.') || LEFT_OUT.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const stats = entry.isSymbolicLink() ? followLink(full, matches, result) : entry;
      if (!stats) continue;
      if (stats.isDirectory()) {
        const real = realpathSync(full);
        if (walkedFolders.has(real))
          result.skipped.push({ path: full, reason: 'a link back to a folder already walked' });
        else {
          walkedFolders.add(real);
          visit(full);
        }
      } else if (matches(full)) addFile(full, stats, seenFiles, result);
    }
  };
  try {
    walkedFolders.add(realpathSync(root));
  } catch {
    return result;
  }
  visit(root);
  result.files.sort();
  return result;
}

function readFolder(dir: string, result: WalkResult): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    result.skipped.push({ path: dir, reason: `cannot read the folder (${(err as NodeJS.ErrnoException).code})` });
    return [];
  }
}

/** What a link points at, or undefined when it points nowhere (said, if the link's name matches). */
function followLink(file: string, matches: (file: string) => boolean, result: WalkResult): Stats | undefined {
  try {
    return statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (matches(file))
      result.skipped.push({
        path: file,
        reason:
          code === 'ELOOP' ? 'a symbolic link loop' : code === 'ENOENT' ? 'a symbolic link to nothing' : `${code}`,
      });
    return undefined;
  }
}

function addFile(file: string, stats: Dirent | Stats, seen: Map<string, string>, result: WalkResult): void {
  if (!stats.isFile()) {
    result.skipped.push({ path: file, reason: `not a regular file (${kindOf(stats)})` });
    return;
  }
  const real = realpathSync(file);
  const first = seen.get(real);
  if (first !== undefined) result.skipped.push({ path: file, reason: 'the same file as', sameAs: first });
  else {
    seen.set(real, file);
    result.files.push(file);
  }
}

function kindOf(stats: Dirent | Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a file';
}

function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}
