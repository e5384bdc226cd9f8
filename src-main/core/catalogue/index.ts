// The field catalogue: both templates expanded to fields and rule checks.
// Everything downstream (extract, validate, archive columns, export, UI)
// iterates these lists; field ids are the public contract.
import {
  ACTIVE_2019,
  ACTIVE_2021,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  RESULT_ROWS,
  APPEALS_COLUMNS,
  APPEALS_ROWS,
  TABLES,
  tableDef,
  TEMPLATE_EVIDENCE,
} from './templates.js';
import { sectionById } from './sections.js';
import type { FieldDef, Label, RowDef, RuleCheck, TableId, Template, TemplateId } from './types.js';
import type { FieldId } from './templates.js';

export * from './types.js';
export type { FieldId };
export * from './values.js';
export * from './agencies.js';
export { TABLES, tableDef, TEMPLATE_EVIDENCE, REQUEST_COLUMNS, APPEALS_COLUMNS, RESULT_ROWS };
export { SECTIONS, sectionById, FEE_STATEMENT_KEYS, TEMPLATE_PHRASES, type SectionDef } from './sections.js';

function rowsFor(t: TemplateId): RowDef[] {
  const active = t === '2019' ? ACTIVE_2019 : ACTIVE_2021;
  const requests = REQUEST_ROWS.filter((r) => r.templates.includes(t));
  return [...active, ...requests, ...APPEALS_ROWS];
}

function fieldsFor(t: TemplateId, rows: RowDef[]): FieldDef<FieldId>[] {
  return rows.flatMap((row) =>
    row.columns.map((column) => ({
      id: `${row.id}.${column.id}` as FieldId,
      table: row.table,
      row,
      column,
      unit: column.unit,
      optional: row.optionalIn?.includes(t) ?? false,
    })),
  );
}

function checksFor(rows: RowDef[], fields: FieldDef<FieldId>[]): RuleCheck[] {
  const has = new Set<string>(fields.map((f) => f.id));
  const optional = new Set<string>(fields.filter((f) => f.optional).map((f) => f.id));
  const reqIds = new Set(rows.filter((r) => r.table === 'requests').map((r) => r.id.split('.')[1]));
  const checks: RuleCheck[] = [];
  const mk = (rule: RuleCheck['rule'], scope: string, left: string[], right: string[]): RuleCheck => ({
    rule,
    scope,
    left: left as FieldId[],
    right: right as FieldId[],
    optional: [...left, ...right].filter((id) => optional.has(id)) as FieldId[],
  });
  for (const c of REQUEST_COLUMNS) {
    const f = (row: string) => `requests.${row}.${c.id}`;
    checks.push(mk('R1', c.id, [f('new'), f('carried_over')], [f('total'), f('carried_forward')]));
  }
  for (const c of REQUEST_COLUMNS) {
    const parts = RESULT_ROWS.filter((r) => reqIds.has(r)).map((r) => `requests.${r}.${c.id}`);
    checks.push(
      mk(
        'R2',
        c.id,
        [`requests.total.${c.id}`],
        parts.filter((id) => has.has(id)),
      ),
    );
  }
  for (const r of rows.filter((x) => x.table === 'requests')) {
    const parts = REQUEST_COLUMNS.filter((c) => c.id !== 'total').map((c) => `${r.id}.${c.id}`);
    checks.push(mk('R3', r.id.split('.')[1]!, [`${r.id}.total`], parts));
  }
  for (const r of APPEALS_ROWS) {
    const parts = APPEALS_COLUMNS.filter((c) => c.id !== 'total').map((c) => `${r.id}.${c.id}`);
    checks.push(mk('R4', r.id.split('.')[1]!, [`${r.id}.total`], parts));
  }
  return checks;
}

function build(id: TemplateId, label: Label, years: Template['years']): Template {
  const rows = rowsFor(id);
  const fields = fieldsFor(id, rows);
  return { id, label, years, rows, fields, checks: checksFor(rows, fields) };
}

export const TEMPLATES: Record<TemplateId, Template> = {
  '2019': build('2019', { zh: '2019年版（国办公开办函〔2019〕60号）', en: '2019 template' }, { from: 2019, to: 2020 }),
  '2021': build('2021', { zh: '2021年版（国办公开办函〔2021〕30号）', en: '2021 template' }, { from: 2021, to: null }),
};

export function template(id: TemplateId): Template {
  return TEMPLATES[id];
}

/** The template a report on `year` should use (reports before 2019 use none). */
export function templateForYear(year: number): TemplateId | null {
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

/** The template of a report: the one it was read or set with, else its year's (null: neither known, or a year before 2019). */
export function reportTemplate(template: TemplateId | null | undefined, year: number | null | undefined): TemplateId | null {
  return template ?? (year !== null && year !== undefined ? templateForYear(year) : null);
}

/** When nothing tells the template (no table labels, no year): the extractor reads, and the report view lays out, the 2019 one. */
export const FALLBACK_TEMPLATE: TemplateId = '2019';

const FIELD_INDEX = new Map<string, FieldDef<FieldId>>();
for (const t of Object.values(TEMPLATES)) for (const f of t.fields) if (!FIELD_INDEX.has(f.id)) FIELD_INDEX.set(f.id, f);

/**
 * Whether a flag's field entry covers the cell `field`: the entry names the cell,
 * or a row or table prefix of it (`requests.granted`, `review`). The one rule for
 * "does this flag concern this field", in the core, the CLI and the renderer.
 */
export function coversField(entry: string, field: string): boolean {
  return field === entry || field.startsWith(`${entry}.`);
}

/** Whether any of a flag's field entries covers the cell `field` (see coversField). */
export function flagCoversField(entries: readonly string[], field: string): boolean {
  return entries.some((e) => coversField(e, field));
}

/** Any field of either template by id (the two templates share most ids). */
export function fieldById(id: string): FieldDef<FieldId> | undefined {
  return FIELD_INDEX.get(id);
}

/** Whether `id` is a canonical field id of either template. */
export function isFieldId(id: string): id is FieldId {
  return FIELD_INDEX.has(id);
}

/** Every field id known to any template, in catalogue order, without repeats. */
export const ALL_FIELD_IDS: FieldId[] = [...FIELD_INDEX.values()].map((f) => f.id);

/**
 * A rule that stays inside one row (R3 on a row of table 三, R4 on a group of
 * table 四) as positions in the row's columns: the row's values hold when
 * `vals[total]` is the sum of `vals[parts]`. Derived from the templates' rules.
 */
export interface RowSum {
  rule: RuleCheck['rule'];
  total: number;
  parts: number[];
  /** The check itself, on a row's values in column order. */
  holds: (vals: readonly number[]) => boolean;
}

const ROW_SUMS = new Map<string, RowSum | null>();
for (const t of Object.values(TEMPLATES)) {
  for (const row of t.rows) {
    if (ROW_SUMS.has(row.id)) continue;
    const inRow = (id: string) => id.startsWith(`${row.id}.`) && id.split('.').length === 3;
    const check = t.checks.find((c) => c.left.length === 1 && [...c.left, ...c.right].every(inRow));
    if (!check) {
      ROW_SUMS.set(row.id, null);
      continue;
    }
    const pos = (id: string) => row.columns.findIndex((c) => `${row.id}.${c.id}` === id);
    const total = pos(check.left[0]!);
    const parts = check.right.map(pos);
    const n = row.columns.length;
    ROW_SUMS.set(row.id, {
      rule: check.rule,
      total,
      parts,
      holds: (v) => {
        if (v.length !== n) return false;
        let s = 0;
        for (const p of parts) s += v[p]!;
        return v[total] === s;
      },
    });
  }
}

/** The rule inside `row` (R3 on table 三, R4 on table 四), or null where its cells are not summed (table 二). */
export function rowSum(row: RowDef | string): RowSum | null {
  return ROW_SUMS.get(typeof row === 'string' ? row : row.id) ?? null;
}

/**
 * A row printed in place of several (（六）其他处理 for its three 2021 sub-rows),
 * by field: `partsOf` the whole's field → its parts' fields in the same column,
 * `wholeOf` a part's field → the whole's.
 */
export const SPLIT_FIELDS: { partsOf: ReadonlyMap<string, FieldId[]>; wholeOf: ReadonlyMap<string, FieldId> } = (() => {
  const partsOf = new Map<string, FieldId[]>();
  const wholeOf = new Map<string, FieldId>();
  for (const t of Object.values(TEMPLATES))
    for (const row of t.rows) {
      if (!row.splitInto) continue;
      for (const c of row.columns) {
        const whole = `${row.id}.${c.id}` as FieldId;
        const parts = row.splitInto.map((p) => `${p}.${c.id}` as FieldId);
        partsOf.set(whole, parts);
        for (const p of parts) wholeOf.set(p, whole);
      }
    }
  return { partsOf, wholeOf };
})();

/** Chinese label of a field, as a reader of the official table would say it. */
export function fieldLabel(id: string, lang: 'zh' | 'en' = 'zh'): string {
  const f = fieldById(id);
  if (!f) return id;
  const row = f.row.group && f.table === 'requests' && f.row.group.zh.startsWith('（') ? `${f.row.group[lang]} ` : '';
  return `${row}${f.row.label[lang]} · ${f.column.label[lang]}`;
}

/** Label of a flag target: a field, a row (`requests.granted`) or a table (`review`). */
export function targetLabel(id: string, lang: 'zh' | 'en' = 'zh'): string {
  if (fieldById(id)) return fieldLabel(id, lang);
  const section = sectionById(id);
  if (section) return section.label[lang];
  const table = TABLES.find((x) => x.id === id);
  if (table) return table.label[lang];
  for (const tp of Object.values(TEMPLATES)) {
    const row = tp.rows.find((r) => r.id === id);
    if (row) return row.group && row.table === 'requests' && row.group.zh.startsWith('（') ? `${row.group[lang]} ${row.label[lang]}` : row.label[lang];
  }
  return id;
}

export function rowsOfTable(t: TemplateId, table: TableId): RowDef[] {
  return TEMPLATES[t].rows.filter((r) => r.table === table);
}
