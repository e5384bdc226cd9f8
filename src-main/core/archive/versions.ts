// Reports, versions and sources. A report is one agency-year slot; each row of
// `reports` is one source (an archived file) read as that slot. Sources whose
// readings agree form one version (same version_id); the slot shows one active
// row, chosen by one deterministic rule (README "Reports, versions and sources"):
//   0. the version the user chose (use-version / keep) — `pinned`;
//   1. a version with review work (a correction, an acceptance, 已核实) stays
//      active until the user switches;
//   2. the most complete reading: tables found, then fewest missing cells,
//      then fewest flags (cross-year flags left out: only the active version has them);
//   3. the structured format: docx/xlsx/html/txt > doc/wps/et/xls > pdf > OCR;
//   4. the earliest imported (then the file's sha256, so a tie never depends
//      on the order rows were written).
// A new version of a reviewed report never takes over: it is marked `pending`
// (待比较) until the user keeps, switches or takes cells.
import { isFieldId } from '../catalogue/index.js';
import type { TemplateId } from '../catalogue/types.js';
import type { SourceFormat } from '../model.js';
import { encodeIssue } from '../wording/errors.js';
import { REVIEWER, st, type DB } from './db.js';
import { ArchiveError, type CompareCell, type PlaceOutcome, type SourceInfoRow, type TrashEntry, type VersionCompare, type VersionEntry } from './types.js';

export type { PlaceOutcome, SourceInfoRow, VersionEntry, CompareCell, VersionCompare, TrashEntry };

const now = () => new Date().toISOString();

/** Readings of one publication agree when they found the same tables and differ on at most this many cells both read … */
export const MAX_CONFLICTS = 2;
/** … and one read at most this share of the cells the other left blank. */
export const MAX_ONE_SIDED = 0.05;

interface SlotRow {
  id: number;
  version_id: number;
  pinned: number;
  pending: number;
  active: number;
  status: string;
  template: TemplateId | null;
  format: SourceFormat | null;
  name: string;
  size: number;
  imported_at: string;
  sha256: string;
  reviewed: number;
  missing_tables: string;
  missing: number;
  nflags: number;
  ocr: number;
  open_flags: number;
  found: number;
}

const ROW_SQL = `SELECT r.id, COALESCE(r.version_id, r.id) AS version_id, r.pinned, r.pending, r.active, r.status, r.template, r.open_flags, f.format, f.name, f.size, f.imported_at, f.sha256,
  (r.status = 'verified' OR EXISTS (SELECT 1 FROM corrections c WHERE c.report_id = r.id) OR EXISTS (SELECT 1 FROM flag_accepts x WHERE x.report_id = r.id)) AS reviewed,
  (SELECT COALESCE(json_group_array(g.fields), '[]') FROM flags g WHERE g.report_id = r.id AND g.source = 'extract' AND g.kind = 'missing_table') AS missing_tables,
  (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id AND c.extracted IS NULL) AS missing,
  (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id AND c.extracted IS NOT NULL) AS found,
  (SELECT COUNT(*) FROM flags g WHERE g.report_id = r.id AND g.source IN ('extract', 'rules') AND g.kind <> 'cross_year') AS nflags,
  EXISTS (SELECT 1 FROM flags g WHERE g.report_id = r.id AND g.kind = 'ocr') AS ocr
  FROM reports r JOIN files f ON f.id = r.file_id`;

function slotRows(db: DB, agencyId: number, year: number): SlotRow[] {
  return st(db, `${ROW_SQL} WHERE r.agency_id = ? AND r.year = ? AND r.removed_at IS NULL ORDER BY r.id`).all(agencyId, year) as SlotRow[];
}
function oneRow(db: DB, id: number): SlotRow | undefined {
  return st(db, `${ROW_SQL} WHERE r.id = ?`).get(id) as SlotRow | undefined;
}

const tablesMissing = (r: SlotRow) => (JSON.parse(r.missing_tables) as string[]).length;

/** Rule 3: the more structured the source, the better its reading of a table. */
export function formatRank(format: SourceFormat | null, ocr: boolean): number {
  if (ocr || format === 'image') return 3;
  switch (format) {
    case 'docx':
    case 'xlsx':
    case 'html':
    case 'txt':
    case 'csv':
      return 0;
    case 'doc':
    case 'wps':
    case 'et':
    case 'xls':
      return 1;
    case 'pdf':
      return 2;
    default:
      return 3;
  }
}

/** Rules 2–4 as an order (negative: `a` wins). */
function byRule(a: SlotRow, b: SlotRow): number {
  return (
    tablesMissing(a) - tablesMissing(b) ||
    a.missing - b.missing ||
    a.nflags - b.nflags ||
    formatRank(a.format, !!a.ocr) - formatRank(b.format, !!b.ocr) ||
    (a.imported_at < b.imported_at ? -1 : a.imported_at > b.imported_at ? 1 : 0) ||
    (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0)
  );
}

/** The row the rule makes active among a slot's rows. */
export function chooseActive(rows: SlotRow[]): SlotRow | undefined {
  const pinned = rows.find((r) => r.pinned);
  if (pinned) return pinned;
  const reviewed = rows.filter((r) => r.reviewed);
  if (reviewed.length) return reviewed.find((r) => r.active) ?? [...reviewed].sort(byRule)[0];
  return [...rows].sort(byRule)[0];
}

/** Apply the rule to one agency+year (rows without either are their own report, always active unless removed). */
export function refreshActive(db: DB, agencyId: number | null, year: number | null): void {
  if (agencyId === null || year === null) return;
  const rows = slotRows(db, agencyId, year);
  const pick = chooseActive(rows);
  if (!pick) return;
  const off = st(db, 'UPDATE reports SET active = 0 WHERE id = ?');
  for (const r of rows) if (r.active && r.id !== pick.id) off.run(r.id);
  if (!pick.active) st(db, 'UPDATE reports SET active = 1 WHERE id = ?').run(pick.id);
}

const readingOf = (db: DB, id: number) =>
  new Map(
    (st(db, 'SELECT field_id, extracted FROM cells WHERE report_id = ?').all(id) as { field_id: string; extracted: number | null }[]).map((c) => [
      c.field_id,
      c.extracted,
    ]),
  );

/** Whether two readings are one version, and the cells both read differently. */
export function compareReadings(a: Map<string, number | null>, b: Map<string, number | null>): { agree: boolean; conflicts: string[]; oneSided: number } {
  const conflicts: string[] = [];
  let oneSided = 0;
  const fields = new Set([...a.keys(), ...b.keys()]);
  for (const f of fields) {
    const x = a.get(f) ?? null;
    const y = b.get(f) ?? null;
    if (x === null && y === null) continue;
    if (x === null || y === null) oneSided++;
    else if (x !== y) conflicts.push(f);
  }
  const agree = conflicts.length <= MAX_CONFLICTS && oneSided <= Math.max(1, Math.floor(fields.size * MAX_ONE_SIDED));
  return { agree, conflicts: conflicts.sort(), oneSided };
}

const show = (v: number | null | undefined) => (v === null || v === undefined ? 'blank' : String(v));

/** Put a report row into its slot: join an agreeing version or start a new one; apply the rule. */
export function placeReport(db: DB, id: number): { outcome: PlaceOutcome; reason: string; activeId: number; versionId: number } {
  const me = st(db, 'SELECT agency_id, year, removed_at FROM reports WHERE id = ?').get(id) as
    | { agency_id: number | null; year: number | null; removed_at: string | null }
    | undefined;
  if (!me) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  if (me.agency_id === null || me.year === null) {
    st(db, 'UPDATE reports SET version_id = ?, active = CASE WHEN removed_at IS NULL THEN 1 ELSE 0 END WHERE id = ?').run(id, id);
    return { outcome: 'new', reason: encodeIssue('new_report', 'a new report (agency or year not recognised)'), activeId: id, versionId: id };
  }
  const rows = slotRows(db, me.agency_id, me.year);
  const self = rows.find((r) => r.id === id)!;
  const others = rows.filter((r) => r.id !== id);
  if (others.length === 0) {
    st(db, 'UPDATE reports SET version_id = ?, active = 1, pending = 0 WHERE id = ?').run(id, id);
    return { outcome: 'new', reason: encodeIssue('new_report', 'a new report'), activeId: id, versionId: id };
  }
  const mine = readingOf(db, id);
  const before = chooseActive(others)!;
  // Versions in order of their first source; a reading joins the first that agrees (same template and tables).
  const versions = new Map<number, SlotRow[]>();
  for (const r of others) versions.set(r.version_id, [...(versions.get(r.version_id) ?? []), r]);
  let joined: { versionId: number; with: SlotRow; conflicts: string[] } | null = null;
  for (const [vid, srcs] of [...versions].sort((x, y) => x[0] - y[0])) {
    const rep = srcs.find((s) => s.active) ?? [...srcs].sort(byRule)[0]!;
    if (rep.template !== self.template || rep.missing_tables !== self.missing_tables) continue;
    const c = compareReadings(readingOf(db, rep.id), mine);
    if (c.agree) {
      joined = { versionId: vid, with: rep, conflicts: c.conflicts };
      break;
    }
  }
  let outcome: PlaceOutcome;
  let reason: string;
  let versionId = id;
  if (joined) {
    versionId = joined.versionId;
    st(db, 'UPDATE reports SET version_id = ?, pending = 0 WHERE id = ?').run(versionId, id);
    const theirs = readingOf(db, joined.with.id);
    // Each source's flag names both readings: the other source's as `expected`, its own as `found`, the files in the message.
    const flag = st(db, "INSERT INTO flags (report_id, source, kind, fields, message, expected, found) VALUES (?, 'archive', 'source_conflict', ?, ?, ?, ?)");
    for (const f of joined.conflicts) {
      const msg = `${joined.with.name} (${joined.with.format ?? '?'}) reads ${show(theirs.get(f))}; ${self.name} (${self.format ?? '?'}) reads ${show(mine.get(f))}`;
      flag.run(joined.with.id, JSON.stringify([f]), msg, mine.get(f) ?? null, theirs.get(f) ?? null);
      flag.run(id, JSON.stringify([f]), msg, theirs.get(f) ?? null, mine.get(f) ?? null);
    }
    outcome = 'same_report_other_format';
    reason = encodeIssue(
      'same_report',
      `reads as version ${versionId} (another file of the same report)` +
        (joined.conflicts.length ? `; cells where the sources disagree: ${joined.conflicts.join(', ')}` : ''),
      { version: versionId },
    );
  } else {
    st(db, 'UPDATE reports SET version_id = ? WHERE id = ?').run(id, id);
    if (before.reviewed) {
      st(db, 'UPDATE reports SET pending = 1 WHERE id = ?').run(id);
      outcome = 'needs_compare';
      reason = encodeIssue('needs_compare', `a new version reading differently; report #${before.id} has review work and stays active until you compare`, {
        active: before.id,
      });
    } else {
      outcome = 'new_version';
      reason = '';
    }
  }
  refreshActive(db, me.agency_id, me.year);
  const activeId = (
    st(db, 'SELECT id FROM reports WHERE agency_id = ? AND year = ? AND active = 1 AND removed_at IS NULL').get(me.agency_id, me.year) as { id: number }
  ).id;
  if (outcome === 'new_version')
    reason = encodeIssue(
      'new_version',
      `a new version reading differently; ${activeId === id ? 'it is now the active version' : `#${activeId} stays active`} by the version rule`,
      { active: activeId },
    );
  return { outcome, reason, activeId, versionId };
}

// ---- what the user sees and does

/** The slot's rows: of an identified report every row of its agency+year, else the row alone. */
function slotOf(db: DB, id: number, withRemoved = false): SlotRow[] {
  const r = st(db, 'SELECT agency_id, year, removed_at FROM reports WHERE id = ?').get(id) as
    | { agency_id: number | null; year: number | null; removed_at: string | null }
    | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  if (r.agency_id === null || r.year === null) return [oneRow(db, id)!];
  const rem = withRemoved || r.removed_at !== null ? '' : 'AND r.removed_at IS NULL';
  return st(db, `${ROW_SQL} WHERE r.agency_id = ? AND r.year = ? ${rem} ORDER BY r.id`).all(r.agency_id, r.year) as SlotRow[];
}

export function listVersions(db: DB, id: number): VersionEntry[] {
  const rows = slotOf(db, id);
  const groups = new Map<number, SlotRow[]>();
  for (const r of rows) groups.set(r.version_id, [...(groups.get(r.version_id) ?? []), r]);
  return [...groups].map(([vid, srcs]) => {
    const rep = srcs.find((s) => s.active) ?? [...srcs].sort(byRule)[0]!;
    return {
      id: vid,
      active: srcs.some((s) => s.active),
      pending: srcs.some((s) => s.pending),
      reviewed: srcs.some((s) => s.reviewed),
      status: rep.status,
      file: rep.name,
      format: rep.format,
      importedAt: rep.imported_at,
      valuesFound: rep.found,
      missingTables: tablesMissing(rep),
      flags: rep.open_flags,
      sources: srcs.map((s) => ({
        reportId: s.id,
        file: s.name,
        format: s.format,
        size: s.size,
        importedAt: s.imported_at,
        valuesFound: s.found,
        missingTables: tablesMissing(s),
        flags: s.open_flags,
        status: s.status,
        active: !!s.active,
      })),
    };
  });
}

/** The row standing for version `versionId` of the slot of `id` (a source's own id names its version too). */
function versionRow(db: DB, id: number, versionId: number): SlotRow {
  const rows = slotOf(db, id);
  const byVersion = rows.filter((r) => r.version_id === versionId);
  const src = rows.find((r) => r.id === versionId);
  const srcs = byVersion.length ? byVersion : src ? rows.filter((r) => r.version_id === src.version_id) : [];
  if (!srcs.length) throw new ArchiveError('not_found', `report ${id} has no version ${versionId}`, { problem: 'no_version', id, version: versionId });
  return srcs.find((s) => s.active) ?? chooseActive(srcs)!;
}

function activeRow(db: DB, id: number): SlotRow {
  const rows = slotOf(db, id);
  const a = rows.find((r) => r.active);
  if (!a) throw new ArchiveError('invalid', `report ${id} is in the trash; restore it first`, { problem: 'in_trash', id });
  return a;
}

export function compareVersions(db: DB, id: number, versionId: number): VersionCompare {
  const cur = activeRow(db, id);
  const oth = versionRow(db, id, versionId);
  const vs = listVersions(db, id);
  const a = new Map(
    (
      st(db, 'SELECT field_id, value, corrected FROM cells WHERE report_id = ?').all(cur.id) as { field_id: string; value: number | null; corrected: number }[]
    ).map((c) => [c.field_id, c]),
  );
  const b = new Map(
    (st(db, 'SELECT field_id, value FROM cells WHERE report_id = ?').all(oth.id) as { field_id: string; value: number | null }[]).map((c) => [
      c.field_id,
      c.value,
    ]),
  );
  const fields = [...new Set([...a.keys(), ...b.keys()])].filter(isFieldId).sort();
  const cells = fields.map((f) => {
    const current = a.get(f)?.value ?? null;
    const other = b.get(f) ?? null;
    return { field: f, current, other, corrected: a.get(f)?.corrected === 1, differs: current !== other };
  });
  return {
    current: vs.find((v) => v.id === cur.version_id)!,
    other: vs.find((v) => v.id === oth.version_id)!,
    cells,
    differing: cells.filter((c) => c.differs).length,
  };
}

function logMeta(db: DB, reportId: number, field: string, from: unknown, to: unknown, note: string | null): void {
  st(
    db,
    `INSERT INTO corrections (report_id, field_id, kind, old_value, new_value, old_corrected, target_id, note, at, reviewer) VALUES (?, ?, 'meta', ?, ?, 0, NULL, ?, ?, ${REVIEWER})`,
  ).run(reportId, field, JSON.stringify(from ?? null), JSON.stringify(to ?? null), note, now());
}

/**
 * Make version `versionId` the active one (the user's choice, kept until they
 * switch again). Corrections of the version left carry over where the value
 * they corrected reads the same in the new one; where it reads differently
 * the correction stays on the old version and the new cell is flagged.
 * Returns the new active report id.
 */
export function useVersion(
  db: DB,
  id: number,
  versionId: number,
  note: string | null = null,
): { activeId: number; fromId: number; carried: string[]; flagged: string[] } {
  const from = activeRow(db, id);
  const to = versionRow(db, id, versionId);
  const carried: string[] = [];
  const flagged: string[] = [];
  if (to.id !== from.id) {
    const old = st(db, 'SELECT field_id, value, extracted FROM cells WHERE report_id = ? AND corrected = 1').all(from.id) as {
      field_id: string;
      value: number | null;
      extracted: number | null;
    }[];
    const target = new Map(
      (
        st(db, 'SELECT field_id, extracted, corrected FROM cells WHERE report_id = ?').all(to.id) as {
          field_id: string;
          extracted: number | null;
          corrected: number;
        }[]
      ).map((c) => [c.field_id, c]),
    );
    const ins = st(
      db,
      `INSERT INTO corrections (report_id, field_id, kind, old_value, new_value, old_corrected, target_id, note, at, reviewer) VALUES (?, ?, 'set', ?, ?, 0, NULL, ?, ?, ${REVIEWER})`,
    );
    const flag = st(db, "INSERT INTO flags (report_id, source, kind, fields, message, expected, found) VALUES (?, 'archive', 'version_changed', ?, ?, ?, ?)");
    for (const c of old) {
      const t = target.get(c.field_id);
      if (t?.corrected) continue; // this version has its own correction
      if (t && t.extracted === c.extracted) {
        st(db, 'UPDATE cells SET value = ?, corrected = 1 WHERE report_id = ? AND field_id = ?').run(c.value, to.id, c.field_id);
        ins.run(
          to.id,
          c.field_id,
          JSON.stringify(t.extracted),
          JSON.stringify(c.value),
          `沿用第 ${from.version_id} 版的更正 / carried over from version ${from.version_id}`,
          now(),
        );
        carried.push(c.field_id);
      } else {
        flag.run(
          to.id,
          JSON.stringify([c.field_id]),
          `this version reads ${show(t?.extracted)}; version ${from.version_id} read ${show(c.extracted)}, corrected to ${show(c.value)} (the correction stays there)`,
          c.value,
          t?.extracted ?? null,
        );
        flagged.push(c.field_id);
      }
    }
  }
  const rows = slotOf(db, id);
  st(db, `UPDATE reports SET pinned = CASE WHEN id = ? THEN 1 ELSE 0 END, pending = 0 WHERE id IN (${rows.map(() => '?').join(',')})`).run(
    to.id,
    ...rows.map((r) => r.id),
  );
  logMeta(db, to.id, 'meta.version', from.version_id, to.version_id, note);
  const ids = st(db, 'SELECT agency_id, year FROM reports WHERE id = ?').get(to.id) as { agency_id: number | null; year: number | null };
  if (ids.agency_id !== null && ids.year !== null) refreshActive(db, ids.agency_id, ids.year);
  return { activeId: to.id, fromId: from.id, carried, flagged };
}

/** Keep the active version: pending versions stop asking for a comparison. */
export function keepVersion(db: DB, id: number, note: string | null = null): number {
  const a = activeRow(db, id);
  return useVersion(db, id, a.version_id, note ?? '保留当前版本 / kept the current version').activeId;
}

/** What taking one cell from another version means: the active row, and the other version's reading of the cell. */
export function cellFromVersion(db: DB, id: number, versionId: number, field: string): { activeId: number; value: number | null; note: string } {
  const a = activeRow(db, id);
  const o = versionRow(db, id, versionId);
  if (o.id === a.id) throw new ArchiveError('invalid', `version ${versionId} is already the active one`, { problem: 'version_active', version: versionId });
  const c = st(db, 'SELECT value FROM cells WHERE report_id = ? AND field_id = ?').get(o.id, field) as { value: number | null } | undefined;
  if (!c) throw new ArchiveError('invalid', `version ${versionId} has no field "${field}"`, { problem: 'version_no_field', version: versionId, field });
  return { activeId: a.id, value: c.value, note: `取自第 ${o.version_id} 版（${o.name}） / taken from version ${o.version_id} (${o.name})` };
}

// ---- trash

/** Move a report (every version and source of its slot) to the trash. Files and logs stay. */
export function removeReport(db: DB, id: number, reason: string | null, kind: 'removed' | 'not_report' = 'removed'): number {
  const me = st(db, 'SELECT removed_at FROM reports WHERE id = ?').get(id) as { removed_at: string | null } | undefined;
  if (me?.removed_at) throw new ArchiveError('invalid', `report ${id} is already in the trash`, { problem: 'already_in_trash', id });
  const rows = slotOf(db, id);
  const t = now();
  const upd = st(db, 'UPDATE reports SET removed_at = ?, removed_reason = ?, removed_kind = ?, active = 0 WHERE id = ?');
  for (const r of rows) upd.run(t, reason, kind, r.id);
  const head = rows.find((r) => r.active) ?? rows[0]!;
  logMeta(db, head.id, 'meta.removed', null, kind === 'not_report' ? '非年报 not a report' : '移出档案库 removed', reason);
  return rows.length;
}

/** Bring a removed report back (every row removed with it). Returns its active id. */
export function restoreReport(db: DB, id: number): number {
  const r = st(db, 'SELECT agency_id, year, removed_at FROM reports WHERE id = ?').get(id) as
    | { agency_id: number | null; year: number | null; removed_at: string | null }
    | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  if (!r.removed_at) throw new ArchiveError('invalid', `report ${id} is not in the trash`, { problem: 'not_in_trash', id });
  const rows =
    r.agency_id === null || r.year === null
      ? [{ id }]
      : (st(db, 'SELECT id FROM reports WHERE agency_id = ? AND year = ? AND removed_at = ?').all(r.agency_id, r.year, r.removed_at) as { id: number }[]);
  const upd = st(db, 'UPDATE reports SET removed_at = NULL, removed_reason = NULL, removed_kind = NULL WHERE id = ?');
  for (const x of rows) upd.run(x.id);
  logMeta(db, id, 'meta.removed', r.removed_at, null, '恢复 restored');
  if (r.agency_id === null || r.year === null) {
    st(db, 'UPDATE reports SET active = 1 WHERE id = ?').run(id);
    return id;
  }
  refreshActive(db, r.agency_id, r.year);
  return (st(db, 'SELECT id FROM reports WHERE agency_id = ? AND year = ? AND active = 1').get(r.agency_id, r.year) as { id: number }).id;
}

export function listTrash(db: DB): TrashEntry[] {
  const rows = st(
    db,
    `SELECT MIN(r.id) AS id, a.name AS agency, r.year, r.removed_reason AS reason, r.removed_kind AS kind, r.removed_at AS removedAt, COUNT(*) AS sources
     FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.removed_at IS NOT NULL
     GROUP BY CASE WHEN r.agency_id IS NULL OR r.year IS NULL THEN -r.id ELSE r.agency_id END, r.year, r.removed_at ORDER BY r.removed_at DESC`,
  ).all() as TrashEntry[];
  return rows;
}
