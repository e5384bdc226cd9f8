// A report's 修改记录: every entry of its two append-only logs (corrections
// with their meta entries — verification, reopening, version switches, the
// trash, report details — and flag acceptances), over every version and
// source of its agency+year, as one list, oldest first. Nothing new is
// recorded here: both logs already hold who (reviewer), when and the note.
import { acceptHistory } from './accepts.js';
import { history } from './corrections.js';
import { st, type DB } from './db.js';
import { REOPENED_NOTE } from './checks.js';
import type { LogAction, LogEntryLike } from '../wording/log.js';
import { ArchiveError, type CorrectionEntry } from './types.js';

export interface LogEntry extends LogEntryLike {
  /** Unique in the list: c<id> for the corrections log, a<id> for acceptances. */
  key: string;
}

function actionOf(e: CorrectionEntry): LogAction {
  if (e.kind === 'set') return 'correct';
  if (e.kind === 'undo' || e.kind === 'redo' || e.kind === 'accept' || e.kind === 'unaccept') return e.kind;
  if (e.field === 'meta.status') return e.to === 'verified' ? 'verify' : e.note === REOPENED_NOTE ? 'reopen' : 'unverify';
  if (e.field === 'meta.version') return 'version';
  if (e.field === 'meta.removed') return e.to === null ? 'restore' : 'remove';
  return 'meta';
}

/** The report ids whose logs belong to this report: every row of its agency+year (versions, sources, removed ones), or itself alone. */
function slotIds(db: DB, id: number): { id: number; version: number | null }[] {
  const r = st(db, 'SELECT agency_id, year FROM reports WHERE id = ?').get(id) as { agency_id: number | null; year: number | null } | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  const rows =
    r.agency_id === null || r.year === null
      ? st(db, 'SELECT id, version_id FROM reports WHERE id = ?').all(id)
      : st(db, 'SELECT id, version_id FROM reports WHERE agency_id = ? AND year = ? ORDER BY id').all(r.agency_id, r.year);
  return (rows as { id: number; version_id: number | null }[]).map((x) => ({ id: x.id, version: x.version_id }));
}

export function reportLog(db: DB, id: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (const s of slotIds(db, id)) {
    const version = s.version ?? s.id;
    for (const e of history(db, s.id)) {
      out.push({
        key: `c${e.id}`,
        action: actionOf(e),
        field: e.field,
        from: e.from,
        to: e.to,
        note: e.note,
        at: e.at,
        reviewer: e.reviewer ?? null,
        versionId: version,
        reportId: s.id,
        undone: e.undone,
      });
    }
    for (const e of acceptHistory(db, s.id))
      out.push({
        key: `a${e.id}`,
        action: actionOf(e),
        field: e.field,
        from: null,
        to: null,
        note: e.note,
        at: e.at,
        reviewer: e.reviewer ?? null,
        versionId: version,
        reportId: s.id,
        ...(e.flag ? { flag: e.flag } : {}),
      });
  }
  // Oldest first; entries written in one moment keep their log order (corrections before the acceptances that followed them).
  return out.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
}
