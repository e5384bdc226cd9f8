// After a version switch: the review work on the version left carries over to
// the version switched to where it still holds — an acceptance (原文如此 /
// 情况属实) where the new version's flag fails the same way on the same values,
// 已核实 where the new version's values are the old one's, cell for cell. What
// does not hold stays on the old version (listed by `versions`, never lost)
// and the report is simply open for review. Each carried item is logged.
import { REVIEWER, st, type DB } from './db.js';
import { currentValues, flagFieldIds, flagKey, liveAccepts, recheck, type FlagIdentity } from './checks.js';

const now = () => new Date().toISOString();

export interface Carried {
  /** Acceptances carried (by the flag's kind). */
  accepted: string[];
  verified: boolean;
}

export function carryReview(db: DB, fromId: number, toId: number): Carried {
  const out: Carried = { accepted: [], verified: false };
  if (fromId === toId) return out;
  const versionOf = (id: number) => (st(db, 'SELECT COALESCE(version_id, id) AS v FROM reports WHERE id = ?').get(id) as { v: number }).v;
  const fromVersion = versionOf(fromId);
  const carriedNote = (note: string | null) => `${note ? `${note} — ` : ''}沿用第 ${fromVersion} 版的确认 / carried over from version ${fromVersion}`;
  const a = currentValues(db, fromId);
  const b = currentValues(db, toId);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const same = (id: string) => (a[id] ?? null) === (b[id] ?? null);
  const mine = liveAccepts(db, toId);
  const flags = new Map(
    (
      st(db, 'SELECT id, source, kind, rule, fields, expected, found, message FROM flags WHERE report_id = ?').all(toId) as (FlagIdentity & { id: number })[]
    ).map((f) => [flagKey(f), f]),
  );
  const log = st(
    db,
    `INSERT INTO flag_accepts (report_id, action, source, kind, rule, fields, expected, found, message, target_id, note, at, reviewer) VALUES (?, 'accept', ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ${REVIEWER})`,
  );
  for (const [key, acc] of liveAccepts(db, fromId)) {
    if (mine.has(key)) continue; // accepted there already
    const f = flags.get(key);
    if (!f) continue; // the new version does not fail that way
    const on = flagFieldIds({ fields: JSON.parse(f.fields) as string[] }, fields);
    if (!on.every(same)) continue; // the same check, but about other values
    log.run(toId, f.source, f.kind, f.rule ?? null, f.fields, f.expected ?? null, f.found ?? null, f.message, carriedNote(acc.note), now());
    out.accepted.push(f.kind);
  }
  const wasVerified = (st(db, 'SELECT status FROM reports WHERE id = ?').get(fromId) as { status: string }).status === 'verified';
  const toStatus = (st(db, 'SELECT status FROM reports WHERE id = ?').get(toId) as { status: string }).status;
  if (wasVerified && toStatus !== 'verified' && fields.every(same)) {
    st(db, "UPDATE reports SET status = 'verified', verified_at = ? WHERE id = ?").run(now(), toId);
    st(
      db,
      `INSERT INTO corrections (report_id, field_id, kind, old_value, new_value, old_corrected, target_id, note, at, reviewer) VALUES (?, 'meta.status', 'meta', ?, ?, 0, NULL, ?, ?, ${REVIEWER})`,
    ).run(
      toId,
      JSON.stringify(toStatus),
      JSON.stringify('verified'),
      `沿用第 ${fromVersion} 版的核实（数值相同） / verification carried over from version ${fromVersion} (same values)`,
      now(),
    );
    out.verified = true;
  }
  if (out.accepted.length || out.verified) recheck(db, toId, true);
  return out;
}
