// Accepting one flag as printed (原文如此): the published report itself does
// not add up, or reads oddly, and the archivist keeps it so, with a note. The
// acceptance names the flag by its identity (checks.ts flagKey), not its row
// id, so it survives re-checks and re-extraction and lapses when the values
// change and the check fails differently. Append-only: revoking adds an
// 'unaccept' entry.
import { flagCoversField } from '../catalogue/index.js';
import { REVIEWER, st, type DB } from './db.js';
import { flagKey, liveAccepts, recheck, type AcceptRow, type FlagIdentity } from './checks.js';
import { ArchiveError, type AcceptedFlag, type CorrectionEntry } from './types.js';

const now = () => new Date().toISOString();

type FlagRow = FlagIdentity & { id: number; resolved: number };

function flagOf(db: DB, reportId: number, flagId: number): FlagRow {
  const f = st(db, 'SELECT id, source, kind, rule, fields, expected, found, message, resolved FROM flags WHERE id = ? AND report_id = ?').get(
    flagId,
    reportId,
  ) as FlagRow | undefined;
  if (f) return f;
  if (!st(db, 'SELECT 1 FROM reports WHERE id = ?').get(reportId))
    throw new ArchiveError('not_found', `no report ${reportId}`, { problem: 'no_report', id: reportId });
  // A flag that failed differently after a change got a new id (ids are never reused): an id from an older listing is gone.
  throw new ArchiveError('not_found', `report ${reportId} has no flag ${flagId} (it changed or was resolved since it was listed; show the report again)`, {
    problem: 'no_flag',
    id: reportId,
    flag: flagId,
  });
}

function log(db: DB, reportId: number, action: AcceptRow['action'], f: FlagIdentity, target: number | null, note: string | null): void {
  st(
    db,
    `INSERT INTO flag_accepts (report_id, action, source, kind, rule, fields, expected, found, message, target_id, note, at, reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${REVIEWER})`,
  ).run(reportId, action, f.source, f.kind, f.rule, f.fields, f.expected, f.found, f.message, target, note, now());
}

/**
 * Accept a flag as in the original. Accepting an accepted flag again replaces
 * its note; a flag already fixed by a correction has nothing to accept.
 */
export function acceptFlag(db: DB, reportId: number, flagId: number, note: string | null = null): void {
  const f = flagOf(db, reportId, flagId);
  if (f.resolved && !liveAccepts(db, reportId).has(flagKey(f)))
    throw new ArchiveError('invalid', `flag ${flagId} is already resolved by a correction`, { problem: 'flag_resolved', flag: flagId });
  log(db, reportId, 'accept', f, null, note);
  // Accepting is a review, not a change of values: a verified report stays verified.
  recheck(db, reportId, true);
}

/** Revoke the acceptance of a flag: it is open again (unless a correction fixed it meanwhile). */
export function unacceptFlag(db: DB, reportId: number, flagId: number, note: string | null = null): void {
  const f = flagOf(db, reportId, flagId);
  const a = liveAccepts(db, reportId).get(flagKey(f));
  if (!a) throw new ArchiveError('invalid', `flag ${flagId} is not accepted`, { problem: 'flag_not_accepted', flag: flagId });
  log(db, reportId, 'unaccept', f, a.id, note);
  if (f.source === 'archive') {
    // recheck leaves re-extraction conflicts alone (a correction of the cell resolves them): reopen unless the cell was corrected since the acceptance.
    const fields = JSON.parse(f.fields) as string[];
    const since = fields.some(
      (field) => !!st(db, "SELECT 1 FROM corrections WHERE report_id = ? AND field_id = ? AND kind IN ('set', 'redo') AND at >= ?").get(reportId, field, a.at),
    );
    if (!since) st(db, 'UPDATE flags SET resolved = 0 WHERE id = ?').run(f.id);
  }
  recheck(db, reportId, true);
}

/** Acceptance entries of a report (with `field`: those whose flag concerns it), oldest first. */
export function acceptHistory(db: DB, reportId: number, field?: string): CorrectionEntry[] {
  const rows = st(db, 'SELECT * FROM flag_accepts WHERE report_id = ? ORDER BY id').all(reportId) as AcceptRow[];
  const out: CorrectionEntry[] = [];
  for (const r of rows) {
    const flag: AcceptedFlag = {
      source: r.source as AcceptedFlag['source'],
      kind: r.kind,
      rule: r.rule,
      fields: JSON.parse(r.fields) as string[],
      expected: r.expected,
      found: r.found,
      message: r.message,
    };
    if (field && !flagCoversField(flag.fields, field)) continue;
    const reviewer = (r as { reviewer?: string | null }).reviewer ?? null;
    out.push({
      id: r.id,
      reportId,
      field: `flag.${r.rule ?? r.kind}`,
      kind: r.action,
      from: null,
      to: null,
      note: r.note,
      at: r.at,
      target: r.target_id,
      undone: false,
      flag,
      reviewer,
    });
  }
  return out;
}
