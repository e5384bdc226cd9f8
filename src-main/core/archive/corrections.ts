// Corrections: an append-only log per report. A `set` changes a cell; undo
// and redo are entries that revert or re-apply an earlier `set`, so the log
// is the full history and nothing is ever rewritten. The cell row caches the
// current value; rules are re-checked after every change.
import { fieldById, TEMPLATES, valueProblem, VALUE_PROBLEM_WORDS, type TemplateId } from '../catalogue/index.js';
import { agencyIdFor } from './agencies.js';
import { REVIEWER, st, type DB } from './db.js';
import { recheck, reportFieldIds } from './checks.js';
import { placeReport, refreshActive } from './versions.js';
import { ArchiveError, type CorrectionEntry, type Landing, type MetaPatch } from './types.js';

const now = () => new Date().toISOString();
const enc = (v: number | string | null) => JSON.stringify(v);
const dec = (s: string | null) => (s === null ? null : (JSON.parse(s) as number | string | null));

interface LogRow {
  id: number;
  report_id: number;
  field_id: string;
  kind: CorrectionEntry['kind'];
  old_value: string | null;
  new_value: string | null;
  old_corrected: number;
  target_id: number | null;
  note: string | null;
  at: string;
  reviewer?: string | null;
}

/** Replay the log: which `set` entries are applied (undo stack) and which can be redone. */
function stacks(db: DB, reportId: number) {
  const rows = st(db, "SELECT id, kind, target_id FROM corrections WHERE report_id = ? AND kind <> 'meta' ORDER BY id").all(reportId) as {
    id: number;
    kind: string;
    target_id: number | null;
  }[];
  const done: number[] = [];
  let redo: number[] = [];
  const undone = new Set<number>();
  for (const e of rows) {
    if (e.kind === 'set') done.push(e.id), (redo = []);
    else if (e.kind === 'undo') done.pop(), redo.push(e.target_id!), undone.add(e.target_id!);
    else if (e.kind === 'redo') redo.pop(), done.push(e.target_id!), undone.delete(e.target_id!);
  }
  return { done, redo, undone };
}

export function undoState(db: DB, reportId: number): { canUndo: boolean; canRedo: boolean } {
  const s = stacks(db, reportId);
  return { canUndo: s.done.length > 0, canRedo: s.redo.length > 0 };
}

function requireReport(db: DB, id: number): { template: TemplateId | null; agency_id: number | null; year: number | null; meta_manual: string } {
  const r = st(db, 'SELECT template, agency_id, year, meta_manual FROM reports WHERE id = ?').get(id) as
    | { template: TemplateId | null; agency_id: number | null; year: number | null; meta_manual: string }
    | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  return r;
}

function checkValue(field: string, value: number | null): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ArchiveError('invalid', `${field}: "${value}" is not a number`, { field: 'value', expect: 'number', max: 1e12 });
  const unit = fieldById(field)?.unit;
  const p = unit ? valueProblem(unit, value) : null; // the catalogue's value rules, as extraction applies them
  if (p)
    throw new ArchiveError(
      'invalid',
      `${field} is ${unit === 'wan' ? 'an amount in 万元' : `a ${unit}`}: ${value} ${VALUE_PROBLEM_WORDS[p].en}（${VALUE_PROBLEM_WORDS[p].zh}）`,
      { field: 'value', expect: unit === 'wan' ? 'amount' : unit === 'change' ? 'change' : 'count' },
    );
}

interface CellState {
  value: number | null;
  extracted: number | null;
  corrected: number;
}
const cellState = (db: DB, id: number, field: string) =>
  st(db, 'SELECT value, extracted, corrected FROM cells WHERE report_id = ? AND field_id = ?').get(id, field) as CellState | undefined;

function applyCell(db: DB, id: number, field: string, value: number | null, corrected: boolean): void {
  st(db, 'UPDATE cells SET value = ?, corrected = ? WHERE report_id = ? AND field_id = ?').run(value, corrected ? 1 : 0, id, field);
  if (corrected) st(db, "UPDATE flags SET resolved = 1 WHERE report_id = ? AND source = 'archive' AND fields = ?").run(id, JSON.stringify([field]));
}

function log(db: DB, e: Omit<LogRow, 'id' | 'at'>): number {
  return Number(
    st(
      db,
      `INSERT INTO corrections (report_id, field_id, kind, old_value, new_value, old_corrected, target_id, note, at, reviewer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ${REVIEWER})`,
    ).run(e.report_id, e.field_id, e.kind, e.old_value, e.new_value, e.old_corrected, e.target_id, e.note, now()).lastInsertRowid,
  );
}

/** Set a cell's value (null = blank in the original). Returns false when the value is already that, as a correction. */
export function correct(db: DB, id: number, field: string, value: number | null, note: string | null = null): boolean {
  const r = requireReport(db, id);
  if (!fieldById(field)) throw new ArchiveError('invalid', `unknown field "${field}"`, { field: 'field', expect: 'field' });
  checkValue(field, value);
  let cell = cellState(db, id, field);
  if (!cell) {
    if (r.template && !TEMPLATES[r.template].fields.some((f) => f.id === field))
      throw new ArchiveError('invalid', `field "${field}" is not part of template ${r.template}`, { field: 'field', expect: 'field' });
    st(db, 'INSERT INTO cells (report_id, field_id, value, extracted) VALUES (?, ?, NULL, NULL)').run(id, field);
    cell = { value: null, extracted: null, corrected: 0 };
  }
  if (cell.corrected && cell.value === value && !note) return false;
  log(db, {
    report_id: id,
    field_id: field,
    kind: 'set',
    old_value: enc(cell.value),
    new_value: enc(value),
    old_corrected: cell.corrected,
    target_id: null,
    note,
  });
  applyCell(db, id, field, value, true);
  recheck(db, id);
  return true;
}

export function undo(db: DB, id: number): CorrectionEntry | null {
  requireReport(db, id);
  const target = stacks(db, id).done.at(-1);
  if (target === undefined) return null;
  const t = st(db, 'SELECT * FROM corrections WHERE id = ?').get(target) as LogRow;
  const cell = cellState(db, id, t.field_id)!;
  const restored = t.old_corrected ? (dec(t.old_value) as number | null) : cell.extracted;
  const entry = log(db, {
    report_id: id,
    field_id: t.field_id,
    kind: 'undo',
    old_value: enc(cell.value),
    new_value: enc(restored),
    old_corrected: cell.corrected,
    target_id: target,
    note: null,
  });
  applyCell(db, id, t.field_id, restored, t.old_corrected === 1);
  recheck(db, id);
  return history(db, id).find((e) => e.id === entry) ?? null;
}

export function redo(db: DB, id: number): CorrectionEntry | null {
  requireReport(db, id);
  const target = stacks(db, id).redo.at(-1);
  if (target === undefined) return null;
  const t = st(db, 'SELECT * FROM corrections WHERE id = ?').get(target) as LogRow;
  const cell = cellState(db, id, t.field_id)!;
  const value = dec(t.new_value) as number | null;
  const entry = log(db, {
    report_id: id,
    field_id: t.field_id,
    kind: 'redo',
    old_value: enc(cell.value),
    new_value: enc(value),
    old_corrected: cell.corrected,
    target_id: target,
    note: null,
  });
  applyCell(db, id, t.field_id, value, true);
  recheck(db, id);
  return history(db, id).find((e) => e.id === entry) ?? null;
}

export function history(db: DB, id: number, field?: string): CorrectionEntry[] {
  requireReport(db, id);
  const { undone } = stacks(db, id);
  const rows = (
    field
      ? st(db, 'SELECT * FROM corrections WHERE report_id = ? AND field_id = ? ORDER BY id').all(id, field)
      : st(db, 'SELECT * FROM corrections WHERE report_id = ? ORDER BY id').all(id)
  ) as LogRow[];
  return rows.map((r) => ({
    id: r.id,
    reportId: r.report_id,
    field: r.field_id,
    kind: r.kind,
    from: dec(r.old_value),
    to: dec(r.new_value),
    note: r.note,
    at: r.at,
    target: r.target_id,
    undone: r.kind === 'set' && undone.has(r.id),
    reviewer: r.reviewer ?? null,
  }));
}

export function verify(db: DB, id: number, verified = true, note: string | null = null): void {
  requireReport(db, id);
  const cur = (st(db, 'SELECT status FROM reports WHERE id = ?').get(id) as { status: string }).status;
  if (verified) st(db, "UPDATE reports SET status = 'verified', verified_at = ? WHERE id = ?").run(now(), id);
  else {
    st(db, "UPDATE reports SET status = 'unreviewed', verified_at = NULL WHERE id = ?").run(id);
    recheck(db, id);
  }
  const next = (st(db, 'SELECT status FROM reports WHERE id = ?').get(id) as { status: string }).status;
  if (next !== cur)
    log(db, { report_id: id, field_id: 'meta.status', kind: 'meta', old_value: enc(cur), new_value: enc(next), old_corrected: 0, target_id: null, note });
}

export type { Landing };

export function setMeta(db: DB, id: number, patch: MetaPatch, note: string | null = null): Landing {
  const r = requireReport(db, id);
  const manual = new Set(JSON.parse(r.meta_manual) as string[]);
  const cur = st(db, 'SELECT a.name AS agency, r.year, r.template FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.id = ?').get(id) as {
    agency: string | null;
    year: number | null;
    template: TemplateId | null;
  };
  const entry = (key: string, from: string | number | null, to: string | number | null) =>
    log(db, { report_id: id, field_id: `meta.${key}`, kind: 'meta', old_value: enc(from), new_value: enc(to), old_corrected: 0, target_id: null, note });
  let agencyId = r.agency_id;
  let year = r.year;
  if (patch.publishedAt !== undefined) {
    const d = patch.publishedAt.trim();
    if (d && (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d))
      throw new ArchiveError('invalid', `"${patch.publishedAt}" is not a date (YYYY-MM-DD)`, { field: 'publishedAt', expect: 'date' });
    const was = (st(db, 'SELECT published_at FROM reports WHERE id = ?').get(id) as { published_at: string | null }).published_at;
    entry('publishedAt', was, d || null);
    st(db, 'UPDATE reports SET published_at = ? WHERE id = ?').run(d || null, id);
    if (d) manual.add('publishedAt');
    else manual.delete('publishedAt');
  }
  if (patch.agency !== undefined) {
    if (!patch.agency.trim()) throw new ArchiveError('invalid', 'the agency name cannot be empty', { field: 'agency', expect: 'non_empty' });
    agencyId = agencyIdFor(db, patch.agency);
    entry('agency', cur.agency, patch.agency.trim());
    manual.add('agency');
  }
  if (patch.year !== undefined) {
    if (!Number.isInteger(patch.year) || patch.year < 1990 || patch.year > 2100)
      throw new ArchiveError('invalid', `"${patch.year}" is not a report year`, { field: 'year', expect: 'int', min: 1990, max: 2100 });
    year = patch.year;
    entry('year', cur.year, year);
    manual.add('year');
  }
  if (patch.template !== undefined) {
    if (!(patch.template in TEMPLATES))
      throw new ArchiveError('invalid', `unknown template "${patch.template}" (2019 or 2021)`, { field: 'template', expect: 'one_of', values: '2019,2021' });
    entry('template', cur.template, patch.template);
    manual.add('template');
    const want = new Set(reportFieldIds(patch.template));
    const have = st(db, 'SELECT field_id, corrected, value FROM cells WHERE report_id = ?').all(id) as {
      field_id: string;
      corrected: number;
      value: number | null;
    }[];
    // Cells outside the new template go unless they hold a correction or a value (then they are kept, visible, and not in any rule).
    const drop = st(db, 'DELETE FROM cells WHERE report_id = ? AND field_id = ?');
    for (const c of have) if (!want.has(c.field_id) && !c.corrected && c.value === null) drop.run(id, c.field_id);
    const add = st(db, 'INSERT OR IGNORE INTO cells (report_id, field_id, value, extracted) VALUES (?, ?, NULL, NULL)');
    for (const f of want) add.run(id, f);
  }
  st(db, 'UPDATE reports SET agency_id = ?, year = ?, template = COALESCE(?, template), meta_manual = ? WHERE id = ?').run(
    agencyId,
    year,
    patch.template ?? null,
    JSON.stringify([...manual].sort()),
    id,
  );
  // A publication date alone changes no value: a verified report stays verified.
  const onlyDate = Object.keys(patch).every((k) => k === 'publishedAt' || (patch as Record<string, unknown>)[k] === undefined);
  recheck(db, id, onlyDate);
  if (agencyId === r.agency_id && year === r.year) return null;
  // The report leaves its slot (a choice made there does not follow it) and lands on the new one under the version rule: never over a report silently.
  st(db, 'UPDATE reports SET pinned = 0, pending = 0 WHERE id = ?').run(id);
  refreshActive(db, r.agency_id, r.year);
  return placeReport(db, id);
}
