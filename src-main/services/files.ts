// Files the services hand to the system's programs. Never a path from the
// page: 打开原文件 opens a temporary copy of the archived original (named with
// its detected format's extension, so the PDF reader opens a PDF — and a
// Windows program never runs an archived file in place), and an export's
// folder is shown only through the file that export actually wrote.
import { chmodSync, copyFileSync, existsSync, mkdirSync, openSync, readSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { removeDeadPidFolders } from '../core/archive/files.js';
import { archiveMessage, ArchiveError } from '../core/archive/types.js';
import type { SourceFormat } from '../core/model.js';

const EXT: Record<Exclude<SourceFormat, 'image'>, string> = {
  txt: '.txt',
  html: '.html',
  docx: '.docx',
  doc: '.doc',
  wps: '.wps',
  pdf: '.pdf',
  xlsx: '.xlsx',
  xls: '.xls',
  et: '.et',
  csv: '.csv',
};

/** A page image's extension from its first bytes. */
function imageExt(file: string): string {
  const b = Buffer.alloc(12);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, b, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  if (b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG') return '.png';
  if (b[0] === 0xff && b[1] === 0xd8) return '.jpg';
  if (b.toString('latin1', 0, 4) === 'II*\u0000' || b.toString('latin1', 0, 4) === 'MM\u0000*') return '.tif';
  if (b.toString('latin1', 0, 4) === 'GIF8') return '.gif';
  if (b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return '.webp';
  return '.bin';
}

/** The extension a copy gets: from the format detected at import (by content), never from the original's name. */
export function extensionFor(format: SourceFormat | null, stored: string): string {
  if (format === 'image') return imageExt(stored);
  return (format && EXT[format]) ?? '.bin';
}

const OPEN_ROOT = () => join(tmpdir(), 'nianbao-open');

/**
 * A read-only temporary copy of an archived original, `<tmp>/nianbao-open/<pid>/<report id>-<name><ext>`.
 * `stored` must already be a checked stored path (Archive.originalPath).
 */
export function openableCopy(stored: string, id: number, sourceName: string, format: SourceFormat | null, root = OPEN_ROOT()): string {
  if (!existsSync(stored))
    throw new ArchiveError('not_found', archiveMessage('not_found', `the archived copy of the original is missing: ${basename(stored)}`), {
      problem: 'no_original',
      name: basename(stored),
    });
  removeDeadPidFolders(root); // a live process's copies may be open in a program
  const dir = join(root, String(process.pid));
  mkdirSync(dir, { recursive: true });
  const stem =
    basename(sourceName, extname(sourceName))
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
      .slice(0, 80) || 'original';
  const file = join(dir, `${id}-${stem}${extensionFor(format, stored)}`);
  if (!resolve(file).startsWith(resolve(dir))) throw new ArchiveError('refused', archiveMessage('refused', 'the copy would leave its folder'));
  if (existsSync(file)) {
    chmodSync(file, 0o644);
    rmSync(file, { force: true });
  }
  copyFileSync(stored, file);
  chmodSync(file, 0o444); // a copy: edits would not reach the archive, so it opens read-only
  return file;
}
