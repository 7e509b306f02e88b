// README's settings table and the manifest's contributes.configuration list the same settings, in the same
// order, with the same defaults; a setting the manifest deprecates says so in its row.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface SettingSchema {
  default?: unknown;
  deprecationMessage?: string;
  markdownDeprecationMessage?: string;
}

function manifestSettings(): [string, SettingSchema][] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: {
      configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[];
    };
  };
  const sections = [manifest.contributes.configuration].flat();
  return sections.flatMap((s) => Object.entries(s.properties));
}

/** The rows of the table under "## Settings": [setting, default, meaning], backticks removed from the first two. */
function readmeRows(): [string, string, string][] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Settings\n'));
  const table = section.slice(section.indexOf('| setting |')).split('\n\n')[0]!;
  return table
    .split('\n')
    .slice(2)
    .map((line) => {
      const cells = line.split(' | ').map((c) => c.replace(/^\| /, '').replace(/ \|$/, ''));
      assert.equal(cells.length, 3, `three cells in ${line}`);
      const code = (c: string): string => /^`(.*)`$/.exec(c)?.[1] ?? `(not code) ${c}`;
      return [code(cells[0]!), code(cells[1]!), cells[2]!];
    });
}

describe('README settings table', () => {
  it('lists every contributed setting, in the manifest order, and nothing else', () => {
    assert.deepEqual(
      readmeRows().map(([key]) => key),
      manifestSettings().map(([key]) => key),
    );
  });

  it("shows each setting's default exactly as the manifest gives it (JSON)", () => {
    const defaults = new Map(manifestSettings().map(([key, s]) => [key, JSON.stringify(s.default)]));
    for (const [key, shown] of readmeRows()) assert.equal(shown, defaults.get(key), key);
  });

  it('says "no longer used" exactly for the settings the manifest deprecates', () => {
    const deprecated = new Set(
      manifestSettings()
        .filter(([, s]) => s.deprecationMessage !== undefined || s.markdownDeprecationMessage !== undefined)
        .map(([key]) => key),
    );
    for (const [key, , meaning] of readmeRows())
      assert.equal(/^no longer used/.test(meaning), deprecated.has(key), `${key}: ${meaning}`);
  });
});
