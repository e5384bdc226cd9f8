// Where an export is written and how: never over an existing file unless the
// caller said so (a default name gets " (2)"), through `<file>.part-<pid>`
// renamed into place at the end, with every write error — a full disk, a
// stream error ExcelJS would swallow — ending the export with the reason and
// no .part left. Stale .part files of processes that no longer run are removed.
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { alive } from '../archive/files.js';
import { ArchiveError, archiveMessage } from '../archive/types.js';

/** The export was cancelled between two steps; nothing was left behind. */
export class ExportCancelled extends Error {
  constructor() {
    super('导出已取消（export cancelled）');
    this.name = 'ExportCancelled';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ExportCancelled();
}

/** A written file that already exists and may not be replaced. */
export class ExportExists extends ArchiveError {
  constructor(readonly path: string) {
    super('export_exists', archiveMessage('export_exists', `${path} exists; the command line replaces it with --overwrite`, { file: basename(path) }), {
      file: basename(path),
    });
  }
}

/** `name.xlsx`, or when taken `name (2).xlsx`, `name (3).xlsx` … (the first free one). */
export function freeName(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const p = join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    if (!existsSync(p)) return p;
  }
}

const PART = /\.part-(\d+)$/;

/** Remove `*.part-<pid>` files in `dir` whose process no longer runs (an export killed midway); returns how many. */
export function removeStaleParts(dir: string): number {
  let n = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const f of names) {
    const m = PART.exec(f);
    if (!m || !/\.(xlsx|csv|json)\.part-\d+$/.test(f)) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, f), { force: true });
    n++;
  }
  return n;
}

/**
 * The file to write: `out` itself when it names a file of this format (refused
 * if it exists, unless `overwrite`), else a free default name inside the folder `out`.
 */
export function outputFile(out: string, defaultName: string, ext: string, overwrite = false): string {
  if (out.toLowerCase().endsWith(`.${ext}`)) {
    if (existsSync(out) && !overwrite) throw new ExportExists(out);
    mkdirSync(dirname(out), { recursive: true });
    return out;
  }
  mkdirSync(out, { recursive: true });
  return freeName(out, defaultName);
}

/** The temporary name an export is written under. */
export const partOf = (file: string) => `${file}.part-${process.pid}`;

/** A write error in words: the file, and a full disk said as such. */
export function writeFailure(e: unknown, file: string): Error {
  if (e instanceof ExportCancelled || e instanceof ExportExists) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const msg = (e as Error)?.message ?? String(e);
  const params = { file: basename(file), reason: code ?? 'error' };
  return new ArchiveError('export_failed', archiveMessage('export_failed', `${file}: ${msg}`, params), params);
}

/**
 * A write stream whose first error is kept and turned into a rejected promise:
 * `guard(p)` races any step against it, so a stream error ends the export
 * instead of leaving ExcelJS waiting forever for a stream that stopped.
 */
export function guardedStream(
  file: string,
  open: (file: string) => Writable = (f) => createWriteStream(f),
): {
  stream: Writable;
  guard<T>(p: Promise<T>): Promise<T>;
  closed(): Promise<void>;
} {
  const stream = open(file);
  let reject: (e: Error) => void = () => {};
  const failed = new Promise<never>((_, r) => (reject = r));
  failed.catch(() => {}); // observed through guard()
  stream.on('error', (e) => reject(e));
  return {
    stream,
    guard: (p) => Promise.race([p, failed]),
    closed: () =>
      Promise.race([new Promise<void>((r) => ((stream as WriteStream).closed || stream.destroyed ? r() : stream.once('close', () => r()))), failed]),
  };
}
