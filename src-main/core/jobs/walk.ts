// Walk a folder lazily (one directory handle open at a time per level), so
// memory stays flat however many files it holds. Symlinks are not followed
// (no cycles, no escaping the folder). Everything not read is named with the
// reason: hidden entries, links (dangling or not), pipes, sockets, devices.
import { opendir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../read/detect.js';
import { encodeIssue } from '../wording/errors.js';

export interface WalkEntry {
  path: string;
  /** null when the file is one to import; else why it is skipped (a stored issue: core/wording encodeIssue). */
  skip: string | null;
}

/** Why an entry is not read: a stored issue (core/wording), one each. */
export const SKIP = {
  hidden: encodeIssue('hidden', 'a hidden file (not imported)'),
  hiddenFolder: encodeIssue('hidden', 'a hidden folder (not imported)'),
  link: encodeIssue('symlink', 'a symbolic link (not followed)'),
  dangling: encodeIssue('dangling_link', 'a dangling symbolic link (its target does not exist)'),
  fifo: encodeIssue('fifo', 'a named pipe (FIFO), not a file'),
  socket: encodeIssue('not_regular', 'a socket, not a file'),
  device: encodeIssue('not_regular', 'a device, not a file'),
  other: encodeIssue('not_regular', 'not a regular file'),
} as const;

export function skipReason(name: string): string | null {
  if (name.startsWith('~$') || name.startsWith('.~')) return encodeIssue('lock_file', 'an Office lock file');
  const ext = extname(name).toLowerCase().replace('.', '');
  if (!ext) return encodeIssue('no_extension', 'no file extension: not a report format');
  if (!SUPPORTED_EXTENSIONS.has(ext)) return encodeIssue('unsupported_extension', `.${ext} files are not a supported report format`, { ext: `.${ext}` });
  return null;
}

export async function* walk(folder: string, signal?: AbortSignal): AsyncGenerator<WalkEntry> {
  let dir;
  try {
    dir = await opendir(folder, { bufferSize: 64 });
  } catch (e) {
    yield { path: folder, skip: encodeIssue('folder_unreadable', `cannot read the folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`) };
    return;
  }
  const subdirs: string[] = [];
  for await (const d of dir) {
    if (signal?.aborted) return;
    const p = join(folder, d.name);
    // Hidden files and folders (.git, .DS_Store) are named, never read.
    if (d.name.startsWith('.')) yield { path: p, skip: d.isDirectory() ? SKIP.hiddenFolder : SKIP.hidden };
    else if (d.isDirectory()) subdirs.push(p);
    else if (d.isFile()) yield { path: p, skip: skipReason(d.name) };
    else if (d.isSymbolicLink())
      yield {
        path: p,
        skip: (await stat(p).then(
          () => true,
          () => false,
        ))
          ? SKIP.link
          : SKIP.dangling,
      };
    else if (d.isFIFO()) yield { path: p, skip: SKIP.fifo };
    else if (d.isSocket()) yield { path: p, skip: SKIP.socket };
    else if (d.isCharacterDevice() || d.isBlockDevice()) yield { path: p, skip: SKIP.device };
    else yield { path: p, skip: SKIP.other };
  }
  // Subfolders after the folder's own files, in name order for a stable run.
  subdirs.sort();
  for (const s of subdirs) yield* walk(s, signal);
}
