// Compare with last year: the same agency's report of the year before (its
// active version) beside this one, cell by cell in the catalogue's order,
// the cells that differ marked. Only the archive's values (corrections win).
import { TEMPLATES, type TemplateId } from '../catalogue/index.js';
import { st, type DB } from './db.js';
import { ArchiveError, type ReportStatus } from './types.js';

export interface LastYearCell {
  field: string;
  current: number | null;
  previous: number | null;
  /** Read in both years and different (a cell only one template has is never "different"). */
  differs: boolean;
  /** The field belongs to one year's template only. */
  oneTemplate: boolean;
}

export interface LastYearCompare {
  /** The report of the year before, or null when the archive has none. */
  previous: { id: number; year: number; template: TemplateId | null; status: ReportStatus } | null;
  cells: LastYearCell[];
  differing: number;
}

type Vals = Map<string, number | null>;
const valuesOf = (db: DB, id: number): Vals =>
  new Map(
    (st(db, 'SELECT field_id, value FROM cells WHERE report_id = ?').all(id) as { field_id: string; value: number | null }[]).map((c) => [c.field_id, c.value]),
  );

export function lastYearCompare(db: DB, id: number): LastYearCompare {
  const r = st(db, 'SELECT agency_id, year, template FROM reports WHERE id = ?').get(id) as
    | { agency_id: number | null; year: number | null; template: TemplateId | null }
    | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  const prev =
    r.agency_id === null || r.year === null
      ? undefined
      : (st(
          db,
          'SELECT id, year, template, status FROM reports WHERE agency_id = ? AND year = ? AND active = 1 AND removed_at IS NULL ORDER BY id LIMIT 1',
        ).get(r.agency_id, r.year - 1) as { id: number; year: number; template: TemplateId | null; status: ReportStatus } | undefined);
  if (!prev) return { previous: null, cells: [], differing: 0 };
  const cur = valuesOf(db, id);
  const old = valuesOf(db, prev.id);
  // The catalogue's order: this year's template, then fields only last year's has.
  const order = [...(TEMPLATES[r.template ?? prev.template ?? '2021']?.fields ?? []), ...(prev.template ? TEMPLATES[prev.template].fields : [])].map(
    (f) => f.id,
  );
  const fields = [...new Set([...order.filter((f) => cur.has(f) || old.has(f)), ...cur.keys(), ...old.keys()])];
  const cells = fields.map((field): LastYearCell => {
    const current = cur.get(field) ?? null;
    const previous = old.get(field) ?? null;
    const oneTemplate = !cur.has(field) || !old.has(field);
    return { field, current, previous, oneTemplate, differs: !oneTemplate && current !== previous };
  });
  return { previous: prev, cells, differing: cells.filter((c) => c.differs).length };
}
