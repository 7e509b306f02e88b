// The harness is the only writer of an e2e workbench's user settings.json: VS Code 1.139 rewrites values it reads
// in an older form (`extensions.autoUpdate: false` → "off", "Default Light Modern" → "Light Modern"), and such a
// write landing just after the harness's own put the previous colour theme back. A file someone else changed is
// an error that names the change, never silently overwritten.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

describe("the harness's user settings.json", () => {
  const harness = () => import('../../harness/userSettingsFile.mjs');

  it('writes the settings whole, leaving no half-written file beside them', async () => {
    const { writeSettingsFile, assertSettingsUnchanged } = await harness();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-settings-')), 'settings.json');
    const settings = { 'workbench.colorTheme': 'Default High Contrast', 'extensions.autoUpdate': 'off' };
    writeSettingsFile(file, settings);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), settings);
    assert.equal(existsSync(`${file}.partial`), false);
    assertSettingsUnchanged(file, settings);
  });

  it('names what the workbench changed instead of writing over it', async () => {
    const { writeSettingsFile, assertSettingsUnchanged } = await harness();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpcpolicy-settings-')), 'settings.json');
    const settings = { 'workbench.colorTheme': 'Default Dark Modern', 'extensions.autoUpdate': false };
    writeSettingsFile(file, settings);
    // As VS Code 1.139 rewrites them (with its own formatting): the same values read equal.
    writeFileSync(file, JSON.stringify(settings, null, '\t'));
    assertSettingsUnchanged(file, settings);
    writeFileSync(file, JSON.stringify({ 'workbench.colorTheme': 'Dark Modern', 'extensions.autoUpdate': 'off' }));
    assert.throws(
      () => assertSettingsUnchanged(file, settings),
      /workbench\.colorTheme: "Default Dark Modern" → "Dark Modern"; extensions\.autoUpdate: false → "off"/,
    );
    writeFileSync(file, '{"workbench.colorTh');
    assert.throws(
      () => assertSettingsUnchanged(file, settings),
      /rewrote the user settings\.json.*\{"workbench\.colorTh/,
    );
  });
});
