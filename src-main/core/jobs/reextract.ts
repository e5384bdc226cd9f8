// Re-extract archived reports from their stored originals (after an extractor
// update, or on demand). Corrections are never overwritten: see
// store.replaceExtraction. Runs in the same worker pool, batched writes.
import { storedPath } from '../archive/files.js';
import { replaceExtraction } from '../archive/store.js';
import { neighbourIds, refreshDerived } from '../archive/derived.js';
import type { FileError, JobOptions, ReextractResult, RunStatus } from '../archive/types.js';
import { endRun, startRun } from '../archive/runs.js';
import { fileError, removeOwnTemp, type JobContext } from './import.js';
import { poolIssue, WorkerPool } from './pool.js';
import { throttledProgress } from './progress.js';
import type { TaskResult } from './task.js';

export interface ReextractOptions extends JobOptions {
  /** Every report; default: only reports extracted by another extractor version. */
  all?: boolean;
  ids?: number[];
}

export async function reextract(ctx: JobContext, opts: ReextractOptions = {}): Promise<ReextractResult> {
  const { db } = ctx;
  const select = opts.ids
    ? db.prepare(`SELECT r.id, f.sha256, f.name FROM reports r JOIN files f ON f.id = r.file_id WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.id`)
    : opts.all
      ? db.prepare('SELECT r.id, f.sha256, f.name FROM reports r JOIN files f ON f.id = r.file_id ORDER BY r.id')
      : db.prepare('SELECT r.id, f.sha256, f.name FROM reports r JOIN files f ON f.id = r.file_id WHERE r.extractor_version <> ? ORDER BY r.id');
  const rows = (opts.ids ? select.all(JSON.stringify(opts.ids)) : opts.all ? select.all() : select.all(ctx.extractorVersion)) as {
    id: number;
    sha256: string;
    name: string;
  }[];
  const run = startRun(db, 'reextract', opts.all ? '(all reports)' : opts.ids ? `(reports ${opts.ids.join(',')})` : '(outdated reports)', ctx.extractorVersion);
  const progress = throttledProgress(opts.onProgress);
  const errors: FileError[] = [];
  let changed = 0;
  let conflicts = 0;
  let done = 0;
  const apply = db.transaction((results: TaskResult[]) => {
    for (const r of results) {
      if (r.kind !== 'reextracted') continue;
      if (r.extraction.error) {
        errors.push({
          file: String(r.reportId),
          code: r.extraction.errorCode ?? 'unknown',
          ...(r.extraction.errorParams ? { params: r.extraction.errorParams } : {}),
          error: r.extraction.error,
        });
        continue;
      }
      const place = db.prepare('SELECT agency_id, year, active FROM reports WHERE id = ?');
      const was = JSON.stringify(place.get(r.reportId));
      const before = neighbourIds(db, r.reportId); // its old years, should the agency or year read differently now
      const out = replaceExtraction(db, r.reportId, r.extraction, ctx.extractorVersion);
      // moved: another agency, year or active version now (reports naming it in a copied_text finding are checked again)
      refreshDerived(db, [r.reportId, ...before], { moved: JSON.stringify(place.get(r.reportId)) !== was });
      if (out.changed) changed++;
      conflicts += out.conflicts;
    }
    db.prepare('UPDATE import_runs SET files = files + ?, imported = imported + ?, failed = ? WHERE id = ?').run(
      results.length,
      results.length,
      errors.length,
      run,
    );
  });
  const pool = new WorkerPool(Math.min(ctx.workers, Math.max(1, rows.length)), ctx.cfg);
  let status: RunStatus = 'completed';
  let batch: TaskResult[] = [];
  try {
    const inFlight = new Set<Promise<void>>();
    for (const row of rows) {
      if (opts.signal?.aborted) break;
      while (inFlight.size >= ctx.workers * 4) await Promise.race(inFlight);
      const p: Promise<void> = pool
        .run<TaskResult>({ kind: 'reextract', reportId: row.id, stored: storedPath(ctx.cfg.filesDir, row.sha256), name: row.name, sha256: row.sha256 })
        .then(
          (r) => {
            if (r.kind === 'failed') errors.push(fileError(row.name, r.error));
            else batch.push(r);
            if (batch.length >= 32) apply.immediate(batch), (batch = []);
          },
          (e: Error) => void errors.push(fileError(row.name, poolIssue(e))),
        )
        .finally(() => {
          inFlight.delete(p);
          progress.update(++done, rows.length, row.name);
        });
      inFlight.add(p);
    }
    if (!opts.signal?.aborted) await Promise.all(inFlight);
    if (opts.signal?.aborted) status = 'cancelled';
  } finally {
    await pool.close();
    removeOwnTemp(ctx.cfg.filesDir);
    apply.immediate(batch);
    endRun(db, run, status);
    progress.end(done, rows.length);
  }
  return { reports: rows.length, changed, conflicts, errors, status };
}
