// Run bookkeeping: a run (import or re-extraction) is recorded from its start,
// each file's outcome as it is decided. A file is marked 'in_progress' before
// it goes to a worker; when a run dies with a file in a worker (the program
// was killed, or the file crashed it), the next open marks that file failed
// with crashed = 1, and later imports skip it (listed as failed) unless the
// user retries it. Lives in the archive: the jobs only call it.
import { decodeIssue, encodeIssue } from '../wording/errors.js';
import { st, type DB } from './db.js';
import type { FileError, FileOutcome, ImportFileOutcome, ImportResult, RunStatus } from './types.js';

const now = () => new Date().toISOString();

export const CRASH_REASON = encodeIssue(
  'crashed',
  'the import stopped while this file was being read (the program was killed or crashed); later imports skip it unless you retry it',
);

/** A stored issue as the FileError a summary lists. */
export function fileError(file: string, stored: string): FileError {
  const i = decodeIssue(stored);
  return { file, code: i.code, ...(i.params ? { params: i.params } : {}), error: i.message };
}

export function startRun(db: DB, kind: 'import' | 'reextract', folder: string, extractorVersion: string): number {
  return Number(
    st(db, "INSERT INTO import_runs (kind, folder, status, pid, extractor_version, started_at) VALUES (?, ?, 'running', ?, ?, ?)").run(
      kind,
      folder,
      process.pid,
      extractorVersion,
      now(),
    ).lastInsertRowid,
  );
}

export function endRun(db: DB, run: number, status: RunStatus, error: string | null = null): void {
  st(db, 'UPDATE import_runs SET status = ?, ended_at = ?, error = ? WHERE id = ?').run(status, now(), error, run);
}

/** Runs whose process is gone are interrupted; the files they had in a worker failed with the crash reason. */
export function recoverInterrupted(db: DB, alive: (pid: number) => boolean): number {
  const running = st(db, "SELECT id, pid FROM import_runs WHERE status = 'running'").all() as { id: number; pid: number | null }[];
  let files = 0;
  for (const r of running)
    if (r.pid === null || !alive(r.pid))
      db.transaction(() => {
        st(
          db,
          "UPDATE import_runs SET status = 'interrupted', ended_at = COALESCE(ended_at, ?), error = 'the import was interrupted (the program stopped)' WHERE id = ?",
        ).run(now(), r.id);
        const n = st(db, "UPDATE import_outcomes SET outcome = 'failed', crashed = 1, error = ? WHERE run_id = ? AND outcome = 'in_progress'").run(
          CRASH_REASON,
          r.id,
        ).changes;
        st(db, 'UPDATE import_runs SET failed = failed + ?, files = files + ? WHERE id = ?').run(n, n, r.id);
        files += n;
      }).immediate();
  return files;
}

/** Mark a file as handed to a worker (committed at once: a crash from here on leaves it named). */
export function markInProgress(db: DB, run: number, path: string): number {
  return Number(st(db, "INSERT INTO import_outcomes (run_id, path, outcome) VALUES (?, ?, 'in_progress')").run(run, path).lastInsertRowid);
}

/** Record a file's outcome: completes its in-progress row, or adds one. */
export function recordOutcome(
  db: DB,
  run: number,
  o: { path: string; outcome: FileOutcome; fileId?: number | null; reportId?: number | null; reason?: string | null; crashed?: boolean },
  rowId?: number,
): void {
  if (rowId !== undefined)
    st(db, 'UPDATE import_outcomes SET outcome = ?, file_id = ?, report_id = ?, error = ?, crashed = ? WHERE id = ?').run(
      o.outcome,
      o.fileId ?? null,
      o.reportId ?? null,
      o.reason ?? null,
      o.crashed ? 1 : 0,
      rowId,
    );
  else
    st(db, 'INSERT INTO import_outcomes (run_id, path, outcome, file_id, report_id, error, crashed) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      run,
      o.path,
      o.outcome,
      o.fileId ?? null,
      o.reportId ?? null,
      o.reason ?? null,
      o.crashed ? 1 : 0,
    );
}

/** A file that crashed an earlier run and was never imported since: its reason, else null. */
export function crashedBefore(db: DB, path: string): string | null {
  const r = st(db, 'SELECT error FROM import_outcomes WHERE path = ? AND crashed = 1 ORDER BY id DESC LIMIT 1').get(path) as { error: string } | undefined;
  if (!r) return null;
  const ok = st(
    db,
    "SELECT 1 FROM import_outcomes WHERE path = ? AND outcome IN ('new', 'same_report_other_format', 'new_version', 'needs_compare', 'duplicate') LIMIT 1",
  ).get(path);
  return ok ? null : r.error;
}

/** Listed per file in a summary (the rest are counted). */
export const OUTCOMES_LISTED = 10_000;

export function summary(db: DB, run: number, extra: { reports: number; flagged: number; versions: number }): ImportResult {
  const r = st(db, 'SELECT * FROM import_runs WHERE id = ?').get(run) as {
    status: RunStatus;
    files: number;
    imported: number;
    duplicates: number;
    skipped: number;
  };
  const list = (o: string): FileError[] =>
    (
      st(db, 'SELECT path AS file, error FROM import_outcomes WHERE run_id = ? AND outcome = ? ORDER BY id LIMIT 1000').all(run, o) as {
        file: string;
        error: string | null;
      }[]
    ).map((x) => fileError(x.file, x.error ?? ''));
  const counts = Object.fromEntries(
    (st(db, 'SELECT outcome, COUNT(*) AS n FROM import_outcomes WHERE run_id = ? GROUP BY outcome').all(run) as { outcome: FileOutcome; n: number }[]).map(
      (x) => [x.outcome, x.n],
    ),
  ) as Partial<Record<FileOutcome, number>>;
  const outcomes = (
    st(db, 'SELECT path, outcome, error, report_id FROM import_outcomes WHERE run_id = ? ORDER BY id LIMIT ?').all(run, OUTCOMES_LISTED) as {
      path: string;
      outcome: FileOutcome;
      error: string | null;
      report_id: number | null;
    }[]
  ).map((o): ImportFileOutcome => {
    const i = o.error ? decodeIssue(o.error) : null;
    return {
      file: o.path,
      outcome: o.outcome,
      code: i?.code ?? null,
      ...(i?.params ? { params: i.params } : {}),
      reason: i?.message ?? null,
      reportId: o.report_id,
    };
  });
  return {
    run,
    status: r.status,
    files: r.files,
    imported: r.imported,
    duplicates: r.duplicates,
    skipped: r.skipped,
    skippedFiles: list('skipped'),
    failed: list('failed'),
    counts,
    outcomes,
    ...extra,
  };
}
