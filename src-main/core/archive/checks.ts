// The consistency checks R1–R4 on the archive. Re-check a report after any
// change: rule flags (R1–R4, via validate) are
// recomputed from the current values; extraction flags count as resolved once
// a person corrected every field they concern; any flag an archivist accepted
// as printed (flag_accepts) is resolved while the acceptance matches it; the
// status follows.
import { coversField, fieldById, TEMPLATES, type TemplateId } from '../catalogue/index.js';
import type { Flag } from '../model.js';
import { validate } from '../validate/index.js';
import { CROSS_YEAR_SOFT } from '../validate/cross-year.js';
import { REVIEWER, st, type DB } from './db.js';

/** SQL over flags: the soft cross-year rules (X2), notices never counted in open_flags. */
const SOFT_CROSS_YEAR_SQL = `(kind = 'cross_year' AND rule IN (${Object.entries(CROSS_YEAR_SOFT)
  .filter(([, soft]) => soft)
  .map(([r]) => `'${r}'`)
  .join(', ')}))`;

/** The field ids a report holds: its template's, or (no template) the known ids it has. */
export function reportFieldIds(template: TemplateId | null, present: Iterable<string> = []): string[] {
  if (template) return TEMPLATES[template].fields.map((f) => f.id);
  return [...present].filter((id) => fieldById(id));
}

/** Field ids a flag concerns, expanding row/table prefixes over the report's fields. */
export function flagFieldIds(flag: Pick<Flag, 'fields'>, fields: string[]): string[] {
  const out = new Set<string>();
  for (const f of flag.fields) for (const id of fields) if (coversField(f, id)) out.add(id);
  return [...out];
}

/** The columns that name a flag across recomputations (its row id is no identity: a flag raised again by a re-check may get a new row). */
export interface FlagIdentity {
  source: string;
  kind: string;
  rule?: string | null;
  /** As stored: a JSON array. */
  fields: string;
  expected?: number | null;
  found?: number | null;
  message: string;
}

/**
 * A flag's identity: the same check failing the same way. A re-extraction
 * conflict ('archive') carries its readings only in the message, so there the
 * message counts too; so does a quality finding's (quality/types.ts: its
 * message is kept stable while the finding is the same).
 */
export function flagKey(f: FlagIdentity): string {
  return JSON.stringify([
    f.source,
    f.kind,
    f.rule ?? null,
    f.fields,
    f.expected ?? null,
    f.found ?? null,
    f.source === 'archive' || f.source === 'quality' ? f.message : null,
  ]);
}

export interface AcceptRow extends FlagIdentity {
  rule: string | null;
  expected: number | null;
  found: number | null;
  id: number;
  report_id: number;
  action: 'accept' | 'unaccept';
  target_id: number | null;
  note: string | null;
  at: string;
}

/** A report's acceptances in force (accepted, not since revoked), by flag key. */
export function liveAccepts(db: DB, reportId: number): Map<string, AcceptRow> {
  const rows = st(db, 'SELECT * FROM flag_accepts WHERE report_id = ? ORDER BY id').all(reportId) as AcceptRow[];
  const live = new Map<string, AcceptRow>();
  const byId = new Map<number, AcceptRow>();
  for (const r of rows) {
    byId.set(r.id, r);
    if (r.action === 'accept') live.set(flagKey(r), r);
    else {
      const t = r.target_id === null ? undefined : byId.get(r.target_id);
      if (t && live.get(flagKey(t))?.id === t.id) live.delete(flagKey(t));
    }
  }
  return live;
}

const META_KINDS: Record<string, string> = { unknown_agency: 'agency', unknown_year: 'year', template_mismatch: 'template' };

export function currentValues(db: DB, reportId: number): Record<string, number | null> {
  const rows = st(db, 'SELECT field_id, value FROM cells WHERE report_id = ?').all(reportId) as { field_id: string; value: number | null }[];
  return Object.fromEntries(rows.map((r) => [r.field_id, r.value]));
}

/** The log's note when a change reopens a verified report. */
export const REOPENED_NOTE = '核实后又有修改，报告重新待审 / changed after verification: needs review again';

/**
 * Recompute rule flags, resolution and status. `verified` is kept only when
 * `keepVerified` (nothing changed); any change sends the report back to review.
 */

export function recheck(db: DB, reportId: number, keepVerified = false, knownValues?: Record<string, number | null>): { open: number; status: string } {
  const r = st(db, 'SELECT template, status, meta_manual, error FROM reports WHERE id = ?').get(reportId) as
    | { template: TemplateId | null; status: string; meta_manual: string; error: string | null }
    | undefined;
  if (!r) return { open: 0, status: 'unreviewed' };
  const values = knownValues ?? currentValues(db, reportId);
  // A rule flag that fails the same way keeps its row (and id, which `acceptFlag` takes); the rest are replaced.
  const old = new Map<string, number[]>();
  // Cross-year flags (also source 'rules') are computed against the neighbour years, not here (cross-year.ts).
  for (const f of st(
    db,
    "SELECT id, source, kind, rule, fields, expected, found, message FROM flags WHERE report_id = ? AND source = 'rules' AND kind <> 'cross_year'",
  ).all(reportId) as (FlagIdentity & { id: number })[]) {
    const k = flagKey(f);
    old.set(k, [...(old.get(k) ?? []), f.id]);
  }
  if (r.template) {
    const ins = st(db, 'INSERT INTO flags (report_id, source, kind, fields, message, rule, expected, found) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const keep = st(db, 'UPDATE flags SET message = ?, resolved = 0 WHERE id = ?');
    for (const f of validate(values, r.template)) {
      const fields = JSON.stringify(f.fields);
      const id = old.get(flagKey({ source: 'rules', kind: f.kind, rule: f.rule, fields, expected: f.expected, found: f.found, message: f.message }))?.shift();
      if (id !== undefined) keep.run(f.message, id);
      else ins.run(reportId, 'rules', f.kind, fields, f.message, f.rule ?? null, f.expected ?? null, f.found ?? null);
    }
  }
  // Deleted after the inserts, so a new flag never takes the id of one that just went.
  const del = st(db, 'DELETE FROM flags WHERE id = ?');
  for (const ids of old.values()) for (const id of ids) del.run(id);
  const corrected = new Set(
    (st(db, 'SELECT field_id FROM cells WHERE report_id = ? AND corrected = 1').all(reportId) as { field_id: string }[]).map((c) => c.field_id),
  );
  const manual = new Set(JSON.parse(r.meta_manual) as string[]);
  const fields = Object.keys(values);
  // 'archive' flags (re-extraction disagrees with a correction) stay open until a person corrects the cell again or verifies.
  const setResolved = st(db, 'UPDATE flags SET resolved = ? WHERE id = ?');
  for (const f of st(db, "SELECT id, kind, fields FROM flags WHERE report_id = ? AND source = 'extract'").all(reportId) as {
    id: number;
    kind: string;
    fields: string;
  }[]) {
    const meta = META_KINDS[f.kind];
    let resolved: boolean;
    if (meta) resolved = manual.has(meta);
    else {
      const ids = flagFieldIds({ fields: JSON.parse(f.fields) as string[] }, fields);
      resolved = ids.length > 0 && ids.every((id) => corrected.has(id));
    }
    setResolved.run(resolved ? 1 : 0, f.id);
  }
  // Cross-year flags are resolved only by an acceptance (a correction that mends one removes it when recomputed).
  st(db, "UPDATE flags SET resolved = 0 WHERE report_id = ? AND source = 'rules' AND kind = 'cross_year' AND resolved = 1").run(reportId);
  const live = liveAccepts(db, reportId);
  // Quality findings (质量问题) are resolved only by an acceptance, and never count towards 'flagged'.
  for (const f of st(db, "SELECT id, source, kind, rule, fields, expected, found, message, resolved FROM flags WHERE report_id = ? AND source = 'quality'").all(
    reportId,
  ) as (FlagIdentity & { id: number; resolved: number })[]) {
    const accepted = live.has(flagKey(f)) ? 1 : 0;
    if (accepted !== f.resolved) setResolved.run(accepted, f.id);
  }
  st(db, "UPDATE reports SET quality_open = (SELECT COUNT(*) FROM flags WHERE report_id = ? AND source = 'quality' AND resolved = 0) WHERE id = ?").run(
    reportId,
    reportId,
  );
  if (live.size > 0)
    for (const f of st(db, 'SELECT id, source, kind, rule, fields, expected, found, message FROM flags WHERE report_id = ? AND resolved = 0').all(
      reportId,
    ) as (FlagIdentity & { id: number })[])
      if (live.has(flagKey(f))) setResolved.run(1, f.id);
  // Soft cross-year notices (X2) and quality findings never make a report 有疑问.
  const open = (
    st(db, `SELECT COUNT(*) AS n FROM flags WHERE report_id = ? AND resolved = 0 AND source <> 'quality' AND NOT ${SOFT_CROSS_YEAR_SQL}`).get(reportId) as {
      n: number;
    }
  ).n;
  const status = keepVerified && r.status === 'verified' ? 'verified' : open > 0 || r.error ? 'flagged' : 'unreviewed';
  if (r.status === 'verified' && status !== 'verified')
    // A change after 已核实 sends the report back to review: said in the log, never silently.
    st(
      db,
      `INSERT INTO corrections (report_id, field_id, kind, old_value, new_value, old_corrected, target_id, note, at, reviewer) VALUES (?, 'meta.status', 'meta', ?, ?, 0, NULL, ?, ?, ${REVIEWER})`,
    ).run(reportId, JSON.stringify('verified'), JSON.stringify(status), REOPENED_NOTE, new Date().toISOString());
  st(db, "UPDATE reports SET open_flags = ?, status = ?, verified_at = CASE WHEN ? = 'verified' THEN verified_at ELSE NULL END WHERE id = ?").run(
    open,
    status,
    status,
    reportId,
  );
  return { open, status };
}

export { refreshActive } from './versions.js';
