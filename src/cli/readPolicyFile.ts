// Reads one policy file for the CLI without trusting what the path names: only a regular file up to
// MAX_POLICY_FILE_BYTES is read (a FIFO would block forever, /dev/zero never ends), a symbolic link loop
// is named as one, and the open never blocks.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Largest policy file `cpcpolicy validate` reads (README, `--help`): a 650-policy fleet is 1 MB. */
export const MAX_POLICY_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { bytes: Uint8Array } | { problem: string };

export function readPolicyFile(file: string, limit = MAX_POLICY_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { problem: describeError(err) };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `not a regular file (${kindOf(stat)})` };
    if (stat.size > limit)
      return {
        problem: `${stat.size.toLocaleString('en-US')} bytes is over the ${megabytes(limit)} limit for a policy file`,
      };
    // Read at most limit + 1 bytes: a file that grows while we read is still caught, never cut short.
    let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stat.size + 65_536));
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > limit) return { problem: `over the ${megabytes(limit)} limit for a policy file` };
        const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, total);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) return { bytes: buffer.subarray(0, total) };
      total += n;
    }
  } catch (err) {
    return { problem: describeError(err) };
  } finally {
    closeSync(fd);
  }
}

function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes.toLocaleString('en-US')} bytes`;
}

/** What went wrong, in words, with the system's code (ELOOP, EACCES, ...) for searching. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'a symbolic link loop (ELOOP)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EISDIR':
      return 'not a regular file (a directory)';
    default:
      return code ?? String(err);
  }
}
