// Every setting the manifest declares is read by the extension, and every restricted one is declared: a setting
// that nothing reads promises a choice the extension ignores. Read statically (the readers import vscode).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, unknown> } };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
};

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : /\.ts$/.test(e.name) ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the settings the manifest declares', () => {
  const code = sources(path.join(root, 'src')).join('\n');

  for (const name of Object.keys(manifest.contributes.configuration.properties)) {
    it(`${name} is read by the extension`, () => {
      // Read as userSetting(section, key) or getConfiguration(section)….get(key): the read itself, not the words.
      const key = escape(name.slice(name.lastIndexOf('.') + 1));
      const section = escape(name.slice(0, name.lastIndexOf('.')));
      const reads = [
        new RegExp(`userSetting(<[^>]*>)?\\(\\s*'${section}',\\s*'${key}'`),
        new RegExp(`getConfiguration\\('${section}'\\)\\s*\\.get(<[^>]*>)?\\('${key}'`),
      ];
      assert.ok(
        reads.some((r) => r.test(code)),
        `nothing in src/ reads ${name}`,
      );
    });
  }

  it('lists only declared settings as restricted in Restricted Mode', () => {
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const name of manifest.capabilities.untrustedWorkspaces.restrictedConfigurations)
      assert.ok(declared.includes(name), name);
  });
});
