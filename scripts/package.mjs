// `npm run package`: a production build and cpcpolicy-<version>.vsix, offline, with @vscode/vsce.
import { createVSIX } from '@vscode/vsce';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function packageExtension() {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const packagePath = path.join(root, `cpcpolicy-${version}.vsix`);
  // vsce runs `vscode:prepublish` (the minified build); dependencies are bundled, so none are listed.
  await createVSIX({ cwd: root, packagePath, dependencies: false, allowMissingRepository: true });
  return packagePath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await packageExtension();
  console.log(`packaged ${path.relative(process.cwd(), file)}`);
}
