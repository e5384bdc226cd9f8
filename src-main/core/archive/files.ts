// The content-addressed folder beside the database: `<archive>.files/ab/cdef…`.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { archiveMessage, ArchiveError } from './types.js';

export const filesDirOf = (dbPath: string) => `${dbPath}.files`;

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Where the archived copy of a file lives. Only a SHA-256 (64 lowercase hex
 * characters) is accepted, and the result must stay inside the files folder:
 * a crafted archive whose sha256 column holds `../../x.bat` is refused here.
 */
export function storedPath(filesDir: string, sha256: string): string {
  if (typeof sha256 !== 'string' || !SHA256.test(sha256))
    throw new ArchiveError('refused', archiveMessage('refused', "the archive's record of this original is not a SHA-256: the archive is damaged or crafted"));
  const p = join(filesDir, sha256.slice(0, 2), sha256.slice(2));
  const rel = relative(resolve(filesDir), resolve(p));
  if (rel.startsWith('..') || rel.includes(`..${sep}`) || resolve(p) === resolve(filesDir))
    throw new ArchiveError('refused', archiveMessage('refused', "the archive's record of this original is not a SHA-256: the archive is damaged or crafted"));
  return p;
}

/** A temporary copy's owner: `tmp/<sha256>.<pid>.<random>` (written by storeCopy); null for a name we did not make. */
export function tempOwner(name: string): number | null {
  const m = /^[0-9a-f]{64}\.(\d+)\./.exec(name);
  return m ? Number(m[1]) : null;
}

/** Whether a process with this id runs on this machine (EPERM: it does, as another user). */
export function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the `<root>/<pid>` folders of processes that no longer run (a live one's files may still be in use). */
export function removeDeadPidFolders(root: string): void {
  if (!existsSync(root)) return;
  for (const d of readdirSync(root)) {
    const pid = /^\d+$/.test(d) ? Number(d) : Number.NaN;
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(root, d), { recursive: true, force: true });
  }
}
