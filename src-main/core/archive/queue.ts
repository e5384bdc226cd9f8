// The review queue across reports: the active reports not yet verified, in
// one import run or all, narrowed to one kind of work (open flags, 待比较,
// flags of given kinds such as the cross-year X1/X2), with the count of each
// kind beside it, and the next report after the one just reviewed.
import { st, type DB } from './db.js';
import { filterWhere } from './queries.js';
import { queueFilter, type QueueScope } from './queue-filter.js';
import type { ReportFilter, RunStatus } from './types.js';

export { queueFilter, type QueueKind, type QueueScope } from './queue-filter.js';

export interface QueueRun {
  id: number;
  folder: string;
  startedAt: string;
  status: RunStatus;
  imported: number;
}

export interface QueueCounts {
  /** Not yet verified. */
  todo: number;
  flagged: number;
  needsCompare: number;
  /** With an open flag of `kinds` (0 when none were given). */
  kinds: number;
  /** Verified already (in the run, or in the archive). */
  verified: number;
}

function count(db: DB, f: ReportFilter): number {
  const { where, args } = filterWhere(db, f);
  return (st(db, `SELECT COUNT(*) AS n FROM reports r WHERE ${where.join(' AND ')}`).get(...args) as { n: number }).n;
}

export function queueCounts(db: DB, q: QueueScope): QueueCounts {
  const base: QueueScope = q.runId !== undefined ? { runId: q.runId } : {};
  const { unverified: _u, ...all } = queueFilter(base);
  return {
    todo: count(db, queueFilter({ ...base, kind: 'todo' })),
    flagged: count(db, queueFilter({ ...base, kind: 'flagged' })),
    needsCompare: count(db, queueFilter({ ...base, kind: 'needs_compare' })),
    kinds: q.kinds?.length ? count(db, queueFilter({ ...base, kind: 'kinds', kinds: q.kinds })) : 0,
    verified: count(db, { ...all, status: 'verified' }),
  };
}

/**
 * The report to review after `after`: the next in the queue's order (agency,
 * then year) that is still in the queue, wrapping round; `after` itself never
 * (it may have just left the queue by being verified). Null when none is left.
 */
export function nextInQueue(db: DB, q: QueueScope, after: number | null): { id: number | null; remaining: number } {
  const { where, args } = filterWhere(db, queueFilter(q));
  // The queue in its order, with `after` placed where it sorts (it may have just left the queue).
  const rows = st(
    db,
    `SELECT r.id, (${where.join(' AND ')}) AS queued FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
     WHERE (${where.join(' AND ')}) OR r.id = ? ORDER BY a.name, r.year, r.id`,
  ).all(...args, ...args, after ?? 0) as { id: number; queued: number }[];
  const queued = rows.filter((r) => r.queued && r.id !== after);
  if (!queued.length) return { id: null, remaining: 0 };
  const at = rows.findIndex((r) => r.id === after);
  const next = at < 0 ? queued[0]! : ([...rows.slice(at + 1), ...rows.slice(0, at)].find((r) => r.queued && r.id !== after) ?? queued[0]!);
  return { id: next.id, remaining: queued.length };
}

/** Import runs, newest first (the queue's run chooser). */
export function queueRuns(db: DB, limit = 50): QueueRun[] {
  return st(db, "SELECT id, folder, started_at AS startedAt, status, imported FROM import_runs WHERE kind = 'import' ORDER BY id DESC LIMIT ?").all(
    limit,
  ) as QueueRun[];
}
