// Import a folder: walk it lazily, extract in the worker pool (bounded number
// of files in flight), write results in batched transactions. Each report
// lands whole (file row, text, cells, flags, outcome) or not at all; the
// originals are copied before the transaction that refers to them. A run is
// recorded from its start, so a cancel or a crash leaves a trace, and a later
// run over the same folder picks up what is missing.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DB } from '../archive/db.js';
import { indexBacklog } from '../archive/search-index.js';
import { crashedBefore, endRun, fileError, markInProgress, recordOutcome, startRun, summary } from '../archive/runs.js';
import { queueCounts } from '../archive/queue.js';
import { insertFile, insertReport } from '../archive/store.js';
import { ArchiveError, type ImportResult, type JobOptions, type RunStatus } from '../archive/types.js';
import { refreshDerived } from '../archive/derived.js';
import { poolIssue, WorkerPool } from './pool.js';
import { throttledProgress } from './progress.js';
import type { TaskResult, WorkerConfig } from './task.js';
import { walk } from './walk.js';
import { encodeIssue } from '../wording/errors.js';

export { fileError };

export interface JobContext {
  db: DB;
  cfg: WorkerConfig;
  workers: number;
  extractorVersion: string;
}

const BATCH = 128;
// The search index catches up every this many imported reports (bulk indexing is cheaper; searches find the backlog by LIKE meanwhile).
const INDEX_EVERY = 4096;
const BATCH_MS = 250;
const DUP_PATH = encodeIssue('duplicate_path', 'already imported (same path, size and modification time)');
const DUP_SHA = encodeIssue('duplicate_content', 'already in the archive (same content)');

async function countFiles(folder: string, signal?: AbortSignal): Promise<number> {
  let n = 0;
  for await (const e of walk(folder, signal)) if (!e.skip) n++;
  return n;
}

export interface ImportOptions extends JobOptions {
  /** Read again files that crashed an earlier import (skipped as failed otherwise). */
  retry?: boolean;
}

export async function importFolder(ctx: JobContext, folderIn: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const folder = resolve(folderIn);
  let st;
  try {
    st = statSync(folder);
  } catch {
    throw new ArchiveError('not_found', `no folder at ${folder}`, { problem: 'no_folder', path: folder });
  }
  if (!st.isDirectory()) throw new ArchiveError('invalid', `${folder} is not a folder`, { problem: 'not_folder', path: folder });
  const { db } = ctx;
  const signal = opts.signal;
  const run = startRun(db, 'import', folder, ctx.extractorVersion);
  const progress = throttledProgress(opts.onProgress);
  const total = await countFiles(folder, signal);

  const fileBySha = db.prepare('SELECT id FROM files WHERE sha256 = ?');
  const fileByPath = db.prepare('SELECT id, size, mtime FROM files WHERE original_path = ?');
  const bump = db.prepare(
    'UPDATE import_runs SET files = files + ?, imported = imported + ?, duplicates = duplicates + ?, skipped = skipped + ?, failed = failed + ? WHERE id = ?',
  );
  let reports = 0;
  let versions = 0;

  // `row`: the file's in-progress outcome row, written before it went to a worker.
  type Item = (
    | TaskResult
    | { kind: 'skipped'; path: string; reason: string }
    | { kind: 'known'; path: string; fileId: number }
    | { kind: 'crashed'; path: string; reason: string }
  ) & { row?: number };
  let batch: Item[] = [];
  let lastFlush = Date.now();
  const flush = db.transaction((items: Item[]) => {
    const c = { files: 0, imported: 0, duplicates: 0, skipped: 0, failed: 0 };
    for (const it of items) {
      if (it.kind === 'skipped') c.skipped++, recordOutcome(db, run, { path: it.path, outcome: 'skipped', reason: it.reason }, it.row);
      else if (it.kind === 'known')
        c.files++, c.duplicates++, recordOutcome(db, run, { path: it.path, outcome: 'duplicate', fileId: it.fileId, reason: DUP_PATH }, it.row);
      else if (it.kind === 'crashed')
        c.files++, c.failed++, recordOutcome(db, run, { path: it.path, outcome: 'failed', reason: it.reason, crashed: true }, it.row);
      else if (it.kind === 'failed') c.files++, c.failed++, recordOutcome(db, run, { path: it.path, outcome: 'failed', reason: it.error }, it.row);
      else if (it.kind === 'duplicate') {
        const f = fileBySha.get(it.sha256) as { id: number } | undefined;
        c.files++, c.duplicates++, recordOutcome(db, run, { path: it.path, outcome: 'duplicate', fileId: f?.id ?? null, reason: DUP_SHA }, it.row);
      } else if (it.kind === 'extracted') {
        c.files++;
        const dup = fileBySha.get(it.file.sha256) as { id: number } | undefined;
        if (dup) {
          // The same bytes twice in one folder: the first one won.
          c.duplicates++, recordOutcome(db, run, { path: it.file.originalPath, outcome: 'duplicate', fileId: dup.id, reason: DUP_SHA }, it.row);
          continue;
        }
        const fileId = insertFile(db, it.file, run);
        const r = insertReport(db, fileId, it.prepared, ctx.extractorVersion);
        c.imported++, reports++;
        if (r.isVersion) versions++;
        recordOutcome(db, run, { path: it.file.originalPath, outcome: r.outcome, fileId, reportId: r.reportId, reason: r.reason }, it.row);
      }
    }
    bump.run(c.files, c.imported, c.duplicates, c.skipped, c.failed, run);
  });
  let unindexed = 0;
  const quality = db.transaction((ids: number[]) => refreshDerived(db, ids));
  const flushNow = () => {
    if (batch.length) {
      const from = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM reports').get() as { id: number }).id;
      flush.immediate(batch);
      // Quality and cross-year checks of the reports just stored (after them: boilerplate is learned from the archive, this batch included).
      quality.immediate((db.prepare('SELECT id FROM reports WHERE id > ? ORDER BY id').all(from) as { id: number }[]).map((r) => r.id));
      unindexed += batch.length;
      if (unindexed >= INDEX_EVERY) indexBacklog(db), (unindexed = 0);
    }
    batch = [];
    lastFlush = Date.now();
  };
  const push = (it: Item) => {
    batch.push(it);
    if (batch.length >= BATCH || Date.now() - lastFlush > BATCH_MS) flushNow();
  };

  const pool = new WorkerPool(ctx.workers, ctx.cfg);
  const inFlight = new Set<Promise<void>>();
  const limit = ctx.workers * 8;
  let done = 0;
  let status: RunStatus = 'completed';
  let fatal: string | null = null;
  try {
    for await (const e of walk(folder, signal)) {
      if (signal?.aborted) break;
      if (e.skip) {
        push({ kind: 'skipped', path: e.path, reason: e.skip });
        continue;
      }
      // Same path, size and mtime as an archived file: already imported (saves reading it again on a re-run).
      const prev = fileByPath.get(e.path) as { id: number; size: number; mtime: string | null } | undefined;
      if (prev) {
        try {
          const s = statSync(e.path);
          if (s.size === prev.size && s.mtime.toISOString() === prev.mtime) {
            push({ kind: 'known', path: e.path, fileId: prev.id });
            done++;
            progress.update(done, total, e.path);
            continue;
          }
        } catch {
          // vanished: the worker reports it
        }
      }
      // A file that crashed an earlier import is not read again unless the user asks (retry).
      const crashed = opts.retry ? null : crashedBefore(db, e.path);
      if (crashed) {
        push({ kind: 'crashed', path: e.path, reason: crashed });
        done++;
        progress.update(done, total, e.path);
        continue;
      }
      while (inFlight.size >= limit) await Promise.race(inFlight);
      if (signal?.aborted) break;
      // Named as it is handed to a worker, before the worker can touch it: if it takes the process down, the
      // next open marks it failed. Files still waiting in the pool's queue are not named (a kill leaves them for the next run).
      let row: number | undefined;
      const p: Promise<void> = pool
        .run<TaskResult>({ kind: 'import', path: e.path }, () => {
          row = markInProgress(db, run, e.path);
        })
        .then(
          (r) => {
            if (!signal?.aborted) push({ ...r, row });
          },
          (err: Error) => {
            if (!signal?.aborted) push({ kind: 'failed', path: e.path, error: poolIssue(err), row });
          },
        )
        .finally(() => {
          inFlight.delete(p);
          done++;
          progress.update(done, total, e.path);
        });
      inFlight.add(p);
    }
    if (!signal?.aborted) await Promise.all(inFlight);
    if (signal?.aborted) status = 'cancelled';
  } catch (e) {
    status = 'failed';
    fatal = (e as Error).message;
  } finally {
    // On cancel, files still in the workers are dropped (their in-progress rows too): a later run imports them.
    await pool.close();
    if (signal?.aborted) db.prepare("DELETE FROM import_outcomes WHERE run_id = ? AND outcome = 'in_progress'").run(run);
    removeOwnTemp(ctx.cfg.filesDir);
    try {
      flushNow();
      indexBacklog(db);
    } catch (e) {
      status = 'failed';
      fatal ??= (e as Error).message;
    }
    endRun(db, run, status, fatal);
    progress.end(done, total);
  }
  if (status === 'failed') throw new ArchiveError('io', `import failed: ${fatal}`);
  // 有疑问 N counts what the run's review queue lists (checks made after the files were stored, such as cross-year ones, included).
  return summary(db, run, { reports, flagged: queueCounts(db, { runId: run }).flagged, versions });
}

/** Temp copies this process left (a worker stopped mid-copy on cancel); other processes' are theirs. */
export function removeOwnTemp(filesDir: string): void {
  const dir = join(filesDir, 'tmp');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) if (f.includes(`.${process.pid}.`)) rmSync(join(dir, f), { force: true });
}

export { summary };
