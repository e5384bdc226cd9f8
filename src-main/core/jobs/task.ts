// What a worker does for one file: read it once, hash it, skip it if the
// archive already holds it, extract, and copy the original into the files
// folder (temp file + rename, so the folder never holds a partial copy).
// Everything heavy happens here, off the main thread; the main thread only
// writes the database.
import { createHash, randomBytes } from 'node:crypto';
// Synchronous fs on purpose: this runs in a worker thread of its own, and the
// async calls each took a trip through libuv's shared thread pool — about ten
// per file, which left the workers waiting ~40% of an import.
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { extractWithText } from '../extract/index.js';
import { searchForm } from '../normalize/index.js';
import { ReadError, type Extraction } from '../model.js';
import { encodeIssue } from '../wording/errors.js';
import { readRegularFile } from '../read/file.js';
import { MAX_FILE_BYTES, readDocument } from '../read/index.js';
import type { OcrOptions } from '../read/ocr/index.js';
import { storedPath } from '../archive/files.js';
import type { ExtractedFile, PreparedReport } from '../archive/store.js';
import { notAReport, prepareReport } from '../archive/store.js';

export interface WorkerConfig {
  dbPath: string;
  filesDir: string;
}

export type Task = { kind: 'import'; path: string } | { kind: 'reextract'; reportId: number; stored: string; name: string; sha256: string };

export type TaskResult =
  | { kind: 'duplicate'; path: string; sha256: string }
  | { kind: 'failed'; path: string /** a stored issue (core/wording encodeIssue) */; error: string }
  // Everything the main thread writes, computed here: it only inserts (JSON already serialised, rule flags already checked).
  | { kind: 'extracted'; file: Omit<ExtractedFile, 'extraction'>; prepared: PreparedReport }
  | { kind: 'reextracted'; reportId: number; extraction: Extraction };

let known: Database.Statement | null = null;
function alreadyArchived(cfg: WorkerConfig, sha: string): boolean {
  if (!known) {
    // A read-only connection of our own: WAL lets it read while the main thread writes.
    const db = new Database(cfg.dbPath, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 10000');
    known = db.prepare('SELECT 1 FROM files WHERE sha256 = ?');
  }
  return !!known.get(sha);
}

const ioError = (e: unknown, what: string, prefix = '') => {
  if (e instanceof ReadError) return encodeIssue(prefix ? 'original_missing' : e.code, `${prefix}${e.message}`, e.params);
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return encodeIssue(prefix ? 'original_missing' : 'vanished', `${prefix}the file disappeared before it could be ${what}`);
  if (code === 'EACCES' || code === 'EPERM') return encodeIssue('no_permission', `${prefix}no permission to read the file (${code})`);
  if (code === 'EISDIR') return encodeIssue('not_regular', `${prefix}a folder, not a file`);
  return encodeIssue(prefix ? 'original_missing' : 'io', `${prefix}cannot read the file: ${code ?? (e as Error).message}`);
};

// Each folder made once per worker: a mkdir per file was ~10% of a worker's time.
const madeDirs = new Set<string>();
function makeDirs(dirs: string[]): void {
  for (const d of dirs) if (!madeDirs.has(d)) mkdirSync(d, { recursive: true }), madeDirs.add(d);
}

/** Copy into the content-addressed folder; a copy that is already there is kept (same bytes by construction). */
export async function storeCopy(filesDir: string, sha: string, bytes: Uint8Array): Promise<void> {
  const target = storedPath(filesDir, sha);
  if (existsSync(target)) return;
  const dirs = [join(filesDir, sha.slice(0, 2)), join(filesDir, 'tmp')];
  makeDirs(dirs);
  const tmp = join(filesDir, 'tmp', `${sha}.${process.pid}.${randomBytes(4).toString('hex')}`);
  try {
    // No fsync per file (it cost ~10 ms each): a kill -9 loses nothing written; after a power cut, reextract's checksum test finds a damaged copy.
    try {
      writeFileSync(tmp, bytes);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      // Our folder was removed under us (another process opening the archive clears tmp/): make it again.
      madeDirs.clear();
      makeDirs(dirs);
      writeFileSync(tmp, bytes);
    }
    renameSync(tmp, target);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    throw e;
  }
}

/**
 * Scans are read by OCR here, off the main thread: up to 20 pages, 5 minutes
 * per file; each page done beats the pool's no-progress timer.
 */
const ocrOptions = (beat?: () => void): OcrOptions => ({ maxPages: 20, budgetMs: 300_000, onPage: beat });

async function extractBytes(
  bytes: Uint8Array,
  path: string,
  beat?: () => void,
): Promise<{ extraction: Extraction; text: string | null; search?: string; doc?: Awaited<ReturnType<typeof readDocument>> }> {
  let doc;
  try {
    doc = await readDocument(bytes, path, { ocr: ocrOptions(beat) });
  } catch (e) {
    const msg = e instanceof ReadError ? e.message : `the file could not be read: ${(e as Error).message}`;
    const code = e instanceof ReadError ? e.code : 'extract_failed';
    const params = e instanceof ReadError && e.params ? { errorParams: e.params } : {};
    return {
      extraction: { file: path, agency: null, year: null, template: null, values: {}, flags: [], cells: {}, error: msg, errorCode: code, ...params },
      text: null,
    };
  }
  try {
    const { extraction, normalized } = extractWithText(doc, path);
    return { extraction, text: doc.text, search: searchForm(normalized), doc };
  } catch (e) {
    return {
      extraction: {
        file: path,
        agency: null,
        year: null,
        template: null,
        values: {},
        flags: [],
        cells: {},
        error: `extraction failed: ${(e as Error).message}`,
        errorCode: 'extract_failed',
      },
      text: doc.text,
    };
  }
}

export async function runTask(task: Task, cfg: WorkerConfig, beat?: () => void): Promise<TaskResult> {
  if (task.kind === 'reextract') {
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(task.stored, Infinity).bytes;
    } catch (e) {
      return { kind: 'failed', path: task.name, error: ioError(e, 'read', 'the archived original is missing: ') };
    }
    if (createHash('sha256').update(bytes).digest('hex') !== task.sha256)
      return {
        kind: 'failed',
        path: task.name,
        error: encodeIssue('original_damaged', 'the archived original is damaged (its checksum changed); restore it from a backup'),
      };
    const { extraction } = await extractBytes(bytes, task.name, beat);
    return { kind: 'reextracted', reportId: task.reportId, extraction };
  }

  const path = task.path;
  // One descriptor (O_NOFOLLOW|O_NONBLOCK): what fstat checked — a regular
  // file, its size — is what is read, and a FIFO swapped in never blocks.
  let bytes: Uint8Array;
  let st;
  try {
    ({ bytes, stat: st } = readRegularFile(path, MAX_FILE_BYTES));
  } catch (e) {
    return { kind: 'failed', path, error: ioError(e, 'read') };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (alreadyArchived(cfg, sha256)) return { kind: 'duplicate', path, sha256 };
  const { extraction, text, search, doc } = await extractBytes(bytes, path, beat);
  const bad = notAReport(extraction);
  if (bad) return { kind: 'failed', path, error: bad };
  try {
    await storeCopy(cfg.filesDir, sha256, bytes);
  } catch (e) {
    return { kind: 'failed', path, error: encodeIssue('copy_failed', `could not copy the file into the archive: ${(e as Error).message}`) };
  }
  return {
    kind: 'extracted',
    file: {
      sha256,
      name: basename(path),
      originalPath: path,
      size: bytes.length,
      mtime: st.mtime.toISOString(),
      format: extraction.format ?? doc?.format ?? null,
      text,
      search: search ?? null,
      pages: doc?.pages ? JSON.stringify(doc.pages) : null,
      positions: doc?.positions ? JSON.stringify(doc.positions) : null,
      encoding: doc?.encoding ?? null,
    },
    prepared: prepareReport(extraction, true), // straight from extract: its R1–R4 flags hold for these values
  };
}
