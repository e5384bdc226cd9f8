// Reading a file to import through ONE descriptor: opened without following
// a symbolic link and without blocking (O_NOFOLLOW | O_NONBLOCK), checked with
// fstat on that descriptor to be a regular file of an acceptable size, then
// read from it. A FIFO or device swapped in after the folder was listed (or
// after an lstat) is refused instead of blocking the reader forever; what is
// checked is what is read.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { ReadError } from '../model.js';

// Windows has neither flag (no FIFOs or symlink swaps of this kind there): 0 leaves them out.
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const kind = (st: Stats) =>
  st.isFIFO()
    ? 'a named pipe (FIFO)'
    : st.isCharacterDevice() || st.isBlockDevice()
      ? 'a device'
      : st.isSocket()
        ? 'a socket'
        : st.isDirectory()
          ? 'a folder'
          : 'a special file';

/**
 * The bytes of a regular file and its fstat, read through one descriptor.
 * Throws ReadError `symlink`, `not_regular` (a FIFO, device, socket,
 * folder), `empty`, `too_large` (over `maxBytes`); an I/O failure is thrown
 * as the system's error (its errno `code`: ENOENT, EACCES …).
 */
export function readRegularFile(path: string, maxBytes: number): { bytes: Uint8Array; stat: Stats } {
  let fd: number;
  try {
    fd = openSync(path, FLAGS);
  } catch (e) {
    // ELOOP: the last component is a symbolic link (O_NOFOLLOW; EMLINK on FreeBSD); ENXIO: a socket
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new ReadError('symlink', 'a symbolic link (not followed)');
    if (code === 'ENXIO') throw new ReadError('not_regular', 'not a regular file (a socket?)');
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ReadError('not_regular', `not a regular file: ${kind(stat)}`, { kind: kind(stat) });
    if (stat.size === 0) throw new ReadError('empty', 'the file is empty');
    if (stat.size > maxBytes)
      throw new ReadError('too_large', `the file is too large (${(stat.size / 2 ** 20).toFixed(1)} MB; the limit is ${maxBytes / 2 ** 20} MB)`, {
        mb: Number((stat.size / 2 ** 20).toFixed(1)),
        limitMb: maxBytes / 2 ** 20,
      });
    const buf = Buffer.allocUnsafe(stat.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break; // shrank meanwhile: what is there
      off += n;
    }
    if (off === 0) throw new ReadError('empty', 'the file is empty');
    return { bytes: off === buf.length ? buf : buf.subarray(0, off), stat };
  } finally {
    closeSync(fd);
  }
}
