// The folder-level circle check of `npm run check:structure` (docs/architecture.md): a folder pair or a longer
// loop of folders whose files import each other fails, one-way arrows pass.
import * as assert from 'node:assert/strict';
import path from 'node:path';

interface FolderCircle {
  key: string;
  text: string;
}
type FolderCircles = (edges: [string, string][]) => FolderCircle[];

async function loadCheck(): Promise<FolderCircles> {
  // A variable specifier: the script is plain ESM JavaScript, loaded at run time only.
  const file = path.join(__dirname, '..', '..', '..', 'scripts', 'folderCircles.mjs');
  return ((await import(file)) as { folderCircles: FolderCircles }).folderCircles;
}

describe('check:structure folder circles', () => {
  it('passes arrows that point one way, and file imports inside one folder', async () => {
    const folderCircles = await loadCheck();
    const found = folderCircles([
      ['src/vscode/commands/a.ts', 'src/vscode/language/b.ts'],
      ['src/vscode/language/b.ts', 'src/core/policy/c.ts'],
      ['src/vscode/language/b.ts', 'src/vscode/language/d.ts'],
      ['src/vscode/language/d.ts', 'src/vscode/language/b.ts'],
    ]);
    assert.deepEqual(found, []);
  });

  it('fails on two folders that import each other, naming one file edge per arrow', async () => {
    const folderCircles = await loadCheck();
    const found = folderCircles([
      ['src/vscode/commands/a.ts', 'src/vscode/language/b.ts'],
      ['src/vscode/language/c.ts', 'src/vscode/commands/d.ts'],
    ]);
    assert.equal(found.length, 1);
    assert.equal(found[0]!.key, 'src/vscode/commands src/vscode/language');
    assert.match(found[0]!.text, /src\/vscode\/commands\/a\.ts → src\/vscode\/language\/b\.ts/);
    assert.match(found[0]!.text, /src\/vscode\/language\/c\.ts → src\/vscode\/commands\/d\.ts/);
  });

  it('fails on a longer loop (a parent folder, its subfolder and a third) once', async () => {
    const folderCircles = await loadCheck();
    const found = folderCircles([
      ['src/vscode/extensionApi.ts', 'src/vscode/views/registerViews.ts'],
      ['src/vscode/views/sidebar.ts', 'src/vscode/backend/backendManager.ts'],
      ['src/vscode/backend/backendManager.ts', 'src/vscode/userSettings.ts'],
      ['src/core/model/x.ts', 'src/core/policy/y.ts'],
    ]);
    assert.deepEqual(
      found.map((c) => c.key),
      ['src/vscode src/vscode/backend src/vscode/views'],
    );
  });
});
