// Glob expansion for `cpcpolicy validate` through tinyglobby (Node 20 has no fs.globSync).
import path from 'node:path';
import { globSync } from 'tinyglobby';

export function hasGlobChars(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Files matching `pattern` (relative to `cwd` unless absolute), absolute and sorted; dot files, node_modules and .git are skipped. */
export function expandGlob(pattern: string, cwd: string): string[] {
  // tinyglobby reads '\' as an escape; on Windows it is the path separator people type.
  const normalized = path.sep === '\\' ? pattern.replace(/\\/g, '/') : pattern;
  const files = globSync([normalized], {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  return files.map((f) => path.normalize(f)).sort();
}
