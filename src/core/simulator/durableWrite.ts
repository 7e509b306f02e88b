// Writes that either reach the disk whole or report failure. write(2) may write fewer bytes than asked (a
// full disk writes what fits, then fails ENOSPC), so every write loops on the count it returns; a file is
// replaced only by a whole, fsynced temporary one (rename is atomic on POSIX), and the directory is fsynced
// so the rename itself survives a power loss (docs/simulator.md, "Durable state").
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file system calls durable state makes (tests inject short-writing and crashing ones). */
export type StateIo = Pick<
  typeof fs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'ftruncateSync' | 'fstatSync' | 'renameSync' | 'unlinkSync'
>;

/** Writes all of `bytes` or throws: a call that writes nothing counts as a full disk. */
export function writeAll(io: StateIo, fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.byteLength) {
    const n = io.writeSync(fd, bytes, done, bytes.byteLength - done);
    if (!(n > 0)) throw Object.assign(new Error('ENOSPC: nothing written'), { code: 'ENOSPC' });
    done += n;
  }
}

/** Replaces `file` with `text` only once the whole text is durable; on failure the old file is untouched. */
export function replaceFileDurably(io: StateIo, file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = io.openSync(tmp, 'w');
  try {
    try {
      writeAll(io, fd, Buffer.from(text, 'utf8'));
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(tmp, file);
  } catch (err) {
    removeQuietly(io, tmp);
    throw err;
  }
  fsyncDir(io, dir);
}

function removeQuietly(io: StateIo, file: string): void {
  try {
    io.unlinkSync(file);
  } catch {
    // Already gone, or the file system is gone: the next snapshot overwrites it.
  }
}

export function fsyncDir(io: StateIo, dir: string): void {
  let fd: number;
  try {
    fd = io.openSync(dir, 'r');
  } catch {
    return; // Some platforms cannot open a directory; the rename is still atomic.
  }
  try {
    io.fsyncSync(fd);
  } catch (err) {
    // EINVAL/EISDIR: this file system cannot fsync a directory. Anything else is a real failure.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw err;
  } finally {
    io.closeSync(fd);
  }
}
