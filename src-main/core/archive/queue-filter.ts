// The review queue as a list filter: plain data, shared by the archive (counts,
// next report) and the renderer (the queue's list is the library list with it).
import type { ReportFilter } from './types.js';

/** The part of a report filter a queue sets (fits both the archive's and the contract's filter). */
export type QueueFilter = Pick<ReportFilter, 'unverified' | 'sort' | 'runId' | 'flaggedOnly' | 'needsCompare' | 'flagKinds'>;

/** Flag kinds or rules the queue's cross-year filter asks for (the archive's cross-year checks X1, X2). */
export const CROSS_YEAR_KINDS: readonly string[] = ['X1', 'X2', 'cross_year'];

export type QueueKind = 'todo' | 'flagged' | 'needs_compare' | 'kinds';

export interface QueueScope {
  runId?: number;
  kind?: QueueKind;
  /** For kind 'kinds': the flag kinds or rules (e.g. X1, X2). */
  kinds?: string[];
}

/** The list filter a queue is (shared by the list view, the counts and the next report). */
export function queueFilter(q: QueueScope): QueueFilter {
  const f: QueueFilter = { unverified: true, sort: 'agency' };
  if (q.runId !== undefined) f.runId = q.runId;
  if (q.kind === 'flagged') f.flaggedOnly = true;
  else if (q.kind === 'needs_compare') f.needsCompare = true;
  else if (q.kind === 'kinds') f.flagKinds = q.kinds?.length ? q.kinds : ['-'];
  return f;
}
