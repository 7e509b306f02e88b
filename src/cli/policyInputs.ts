// The policy files a command's arguments name: files, directories (every *.cpcpolicy.json below them) or
// globs; read as regular files within the size limit, decoded as UTF-8 (validate, plan and apply share it).
import { statSync } from 'node:fs';
import path from 'node:path';
import { expandGlob, hasGlobChars, policyFilesIn } from './expandGlobs';
import type { WalkResult } from './expandGlobs';
import { describeError, readPolicyFile } from './readPolicyFile';
import { escapeControl } from './textEscape';
import type { Finding } from '../core/policy/finding';
import { RULES } from '../core/policy/ruleCodes';

/** Files for one argument (a file, a directory: all *.cpcpolicy.json below it, or a glob) and the paths passed over. */
export function filesFor(input: string, cwd: string): { files: string[]; skipped: string[] } | string {
  if (hasGlobChars(input)) {
    const walk = expandGlob(input, cwd);
    return walk.files.length > 0 ? named(walk, cwd) : `no files match '${escapeControl(input)}'${why(walk, cwd)}`;
  }
  const full = path.resolve(cwd, input);
  try {
    if (statSync(full).isDirectory()) {
      const walk = policyFilesIn(full);
      return walk.files.length > 0
        ? named(walk, cwd)
        : `no *.cpcpolicy.json files in '${escapeControl(input)}'${why(walk, cwd)}`;
    }
  } catch (err) {
    return `cannot read '${escapeControl(input)}': ${describeError(err)}`;
  }
  return { files: [full], skipped: [] };
}

/** One line per path the walk passed over: "skipped 'sub/pipe.cpcpolicy.json': not a regular file (a FIFO)". */
function named(walk: WalkResult, cwd: string): { files: string[]; skipped: string[] } {
  const skipped = walk.skipped.map(
    (s) =>
      `skipped '${escapeControl(display(s.path, cwd))}': ${s.reason}` +
      (s.sameAs !== undefined ? ` '${escapeControl(display(s.sameAs, cwd))}', checked once` : ''),
  );
  return { files: walk.files, skipped };
}

function why(walk: WalkResult, cwd: string): string {
  const lines = named(walk, cwd).skipped;
  return lines.length > 0 ? `\n${lines.join('\n')}` : '';
}

export function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.replace(/\\/g, '/') : file;
}

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD and one finding says where (CPC106). */
export function decodeText(bytes: Uint8Array): { text: string; encodingFinding?: Finding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = Math.max(0, text.indexOf('\uFFFD'));
    return {
      text,
      encodingFinding: {
        code: RULES.invalidEncoding.code,
        severity: 'error',
        message: 'The file is not valid UTF-8: save it as UTF-8.',
        range: { offset: at, length: 1 },
      },
    };
  }
}

/** A policy file as read: its absolute path, how output names it, and its text. */
export interface InputFile {
  file: string;
  display: string;
  text: string;
}

/**
 * Every file the arguments name, once each; problems (a glob matching nothing, an unreadable file) and the paths a
 * walk passed over (`skipped`) as lines.
 */
export function readInputs(
  inputs: readonly string[],
  cwd: string,
): { files: InputFile[]; problems: string[]; skipped: string[] } {
  const problems: string[] = [];
  const skipped: string[] = [];
  const paths: string[] = [];
  for (const input of inputs) {
    const found = filesFor(input, cwd);
    if (typeof found === 'string') problems.push(found);
    else {
      skipped.push(...found.skipped);
      for (const f of found.files) if (!paths.includes(f)) paths.push(f);
    }
  }
  const files: InputFile[] = [];
  for (const file of paths) {
    const read = readPolicyFile(file);
    const name = display(file, cwd);
    if ('problem' in read) problems.push(`cannot read '${escapeControl(name)}': ${read.problem}`);
    else files.push({ file, display: name, text: decodeText(read.bytes).text });
  }
  return { files, problems, skipped };
}
