// The user settings.json of a code-server the harness starts: the harness writes it whole and must be its
// only writer (see updateSettings in codeServer.mjs and docs/testing.md).
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

/** Written beside and renamed over it, as editors save: a rewrite in place can be read half written. */
export function writeSettingsFile(file, settings) {
  writeFileSync(`${file}.partial`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.partial`, file);
}

/** Throws when the settings file no longer holds `expected` (what the harness wrote last), naming what changed. */
export function assertSettingsUnchanged(file, expected) {
  const text = readFileSync(file, 'utf8');
  let actual;
  try {
    actual = JSON.parse(text);
  } catch {
    actual = undefined;
  }
  if (isDeepStrictEqual(actual, expected)) return;
  const changed = Object.keys({ ...expected, ...actual })
    .filter((key) => !isDeepStrictEqual(actual?.[key], expected[key]))
    .map((key) => `${key}: ${JSON.stringify(expected[key])} → ${JSON.stringify(actual?.[key])}`);
  throw new Error(
    `the workbench rewrote the user settings.json the harness writes (a value it migrates?): ${
      actual === undefined ? text.slice(0, 500) : changed.join('; ')
    }`,
  );
}
