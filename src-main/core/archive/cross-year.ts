// Cross-year checks stored in the archive (X1, X2: validate/cross-year.ts, the
// same function the workbook prints them with). A flag (source 'rules', kind
// 'cross_year', rule X1/X2) sits on the active report of the later year, and
// is recomputed whenever either year's report changes: import, re-extraction,
// correction, set-meta, merge, version switch, removal and restoration (both
// neighbours, year − 1 and year + 1 of the same agency). A flag failing the
// same way keeps its id; an acceptance matches it by its identity (rules.ts
// flagKey), so it survives every recomputation. X2 is soft: a notice, never
// making the report 有疑问 (rules.ts recheck).
import { crossYearChecks, type CrossYearFinding } from '../validate/cross-year.js';
import type { TemplateId } from '../catalogue/types.js';
import { st, type DB } from './db.js';
import { currentValues, flagKey, recheck, type FlagIdentity } from './checks.js';

interface Row {
  id: number;
  agency_id: number | null;
  year: number | null;
  template: TemplateId | null;
  active: number;
  removed_at: string | null;
}

/** Replace a report's cross-year flags by `findings` (ids kept where a flag stays the same), then re-check it when anything changed. */
function save(db: DB, reportId: number, findings: CrossYearFinding[], prevId: number | null): void {
  const old = new Map<string, number[]>();
  for (const f of st(
    db,
    "SELECT id, source, kind, rule, fields, expected, found, message FROM flags WHERE report_id = ? AND source = 'rules' AND kind = 'cross_year'",
  ).all(reportId) as (FlagIdentity & { id: number })[]) {
    const k = flagKey(f);
    old.set(k, [...(old.get(k) ?? []), f.id]);
  }
  let changed = false;
  const ins = st(
    db,
    "INSERT INTO flags (report_id, source, kind, fields, message, rule, expected, found, detail) VALUES (?, 'rules', 'cross_year', ?, ?, ?, ?, ?, ?)",
  );
  const upd = st(db, 'UPDATE flags SET detail = ? WHERE id = ?');
  for (const f of findings) {
    const fields = JSON.stringify([f.field]);
    const detail = JSON.stringify({ prevYear: f.prevYear, prevId });
    const id = old
      .get(flagKey({ source: 'rules', kind: 'cross_year', rule: f.rule, fields, expected: f.expected, found: f.found, message: f.message }))
      ?.shift();
    if (id !== undefined) upd.run(detail, id);
    else ins.run(reportId, fields, f.message, f.rule, f.expected, f.found, detail), (changed = true);
  }
  const del = st(db, 'DELETE FROM flags WHERE id = ?');
  for (const ids of old.values()) for (const id of ids) del.run(id), (changed = true);
  // A neighbour's change is no change of this report's values: a verified report stays verified (its new flag is open).
  if (changed) recheck(db, reportId, true);
}

const activeOf = (db: DB, agencyId: number, year: number) =>
  st(
    db,
    'SELECT id, agency_id, year, template, active, removed_at FROM reports INDEXED BY reports_agency_year WHERE agency_id = ? AND year = ? AND active = 1 AND removed_at IS NULL',
  ).get(agencyId, year) as Row | undefined;

/**
 * Recompute the cross-year flags `ids` can change (in the caller's
 * transaction): of the active report of each one's agency-year and of the
 * year after. Rows that are not an active, identified report lose theirs.
 * Pass the reports of a row's old place too when it moved (set-meta, merge).
 * Returns the reports whose flags were computed.
 */
export function refreshCrossYear(db: DB, ids: Iterable<number>): number {
  const slots = new Map<string, [number, number]>();
  const get = st(db, 'SELECT id, agency_id, year, template, active, removed_at FROM reports WHERE id = ?');
  for (const id of new Set(ids)) {
    const r = get.get(id) as Row | undefined;
    if (!r) continue;
    if (!r.active || r.removed_at !== null || r.agency_id === null || r.year === null) save(db, r.id, [], null);
    if (r.agency_id === null || r.year === null) continue;
    for (const y of [r.year, r.year + 1]) slots.set(`${r.agency_id}:${y}`, [r.agency_id, y]);
  }
  let n = 0;
  for (const [agencyId, year] of slots.values()) {
    // Other versions of the slot hold none (a switch leaves them on the version it left).
    for (const o of st(
      db,
      "SELECT DISTINCT f.report_id AS id FROM reports r INDEXED BY reports_agency_year JOIN flags f ON f.report_id = r.id AND f.source = 'rules' AND f.kind = 'cross_year' WHERE r.agency_id = ? AND r.year = ? AND (r.active = 0 OR r.removed_at IS NOT NULL)",
    ).all(agencyId, year) as { id: number }[])
      save(db, o.id, [], null);
    const cur = activeOf(db, agencyId, year);
    if (!cur) continue;
    const prev = activeOf(db, agencyId, year - 1);
    const findings = prev
      ? crossYearChecks(
          { year: year - 1, template: prev.template, values: currentValues(db, prev.id) },
          { year, template: cur.template, values: currentValues(db, cur.id) },
        )
      : [];
    save(db, cur.id, findings, prev?.id ?? null);
    n++;
  }
  return n;
}

/** The reports of the same agency in the years around `id`'s (any version, in the trash too): what a move or removal of `id` can change. */
export function neighbourIds(db: DB, id: number): number[] {
  const r = st(db, 'SELECT agency_id, year FROM reports WHERE id = ?').get(id) as { agency_id: number | null; year: number | null } | undefined;
  if (!r || r.agency_id === null || r.year === null) return [id];
  return (
    st(db, 'SELECT id FROM reports INDEXED BY reports_agency_year WHERE agency_id = ? AND year BETWEEN ? AND ?').all(r.agency_id, r.year - 1, r.year + 1) as {
      id: number;
    }[]
  ).map((x) => x.id);
}
