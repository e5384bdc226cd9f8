// Types of the field catalogue: the one declarative description of the two
// national templates. Extraction, validation, the archive, export and the UI
// all read the catalogue; nothing else lists rows or columns.

import type { FieldId } from './templates.js';

export type { FieldId };
export type TemplateId = '2019' | '2021';
export const TEMPLATE_IDS: readonly TemplateId[] = ['2019', '2021'];

export type TableId = 'active' | 'requests' | 'review';

/** How a value is written and stored. */
export type Unit =
  | 'count' // a non-negative integer count
  | 'change' // a signed integer (本年增/减)
  | 'wan'; // money, stored in 万元 (up to 4 decimals shown, more kept)

export interface Label {
  zh: string;
  en: string;
}

export interface ColumnDef<C extends string = string> {
  id: C;
  label: Label;
  /** Header texts seen in real reports, after normalisation (simplified, no spaces). */
  variants: string[];
  unit: Unit;
  /** Header of a merged group this column sits under (法人或其他组织 ...). */
  group?: Label;
}

export interface RowDef<R extends string = string, C extends string = string> {
  /** `<table>.<row>`, e.g. `requests.granted`, `active.license`. */
  id: R;
  table: TableId;
  label: Label;
  /**
   * Distinctive label texts (simplified, spaces and punctuation removed) that
   * identify the row. The first is the official wording; the rest are
   * variants and typos seen in real reports.
   */
  keys: string[];
  /** Parent heading in the official layout (不予公开, 第二十条第（五）项 ...). */
  group?: Label;
  columns: ColumnDef<C>[];
  templates: TemplateId[];
  /**
   * Templates where the row is not part of the official layout but shows up
   * in real hybrids (（六）其他处理 as one row in a 2021 report). Its fields
   * exist, stay null when absent, and count as 0 in rules when null.
   */
  optionalIn?: TemplateId[];
  /**
   * Rows that, in a template where this row is optional, stand in its place
   * (（六）其他处理 → its three 2021 sub-rows): a report prints either this row
   * or those, and a report printing this row alone is a hybrid.
   */
  splitInto?: string[];
}

/** The canonical field ids of a list of rows: `<row id>.<column id>`. */
export type FieldIdOf<R> = R extends RowDef<infer I, infer C> ? `${I}.${C}` : never;

export interface FieldDef<F extends string = string> {
  /** Canonical field id, e.g. `requests.granted.person`. Public contract. */
  id: F;
  table: TableId;
  row: RowDef;
  column: ColumnDef;
  unit: Unit;
  /** True where the row is optional in this template (see RowDef.optionalIn). */
  optional: boolean;
}

export interface TableDef {
  id: TableId;
  label: Label;
  /** The section numeral the table is printed under (二, 三, 四). */
  numeral: string;
  /** Section heading keys (normalised) that open the table in a report. */
  headingKeys: string[];
  /** Words every heading of the table holds, however worded (四、行政复议和诉讼情况): all must occur. */
  headingWords?: string[];
}

/**
 * A consistency rule instance, fully expanded over field ids so validation and
 * the UI never re-derive it: `sum(left) == sum(right)`.
 */
export interface RuleCheck {
  rule: 'R1' | 'R2' | 'R3' | 'R4';
  /** Human-readable scope, e.g. `person` column or `reconsideration`. */
  scope: string;
  left: FieldId[];
  right: FieldId[];
  /** Fields of the rule that may be null without making the rule uncheckable (they count as 0). */
  optional: FieldId[];
}

export interface Template {
  id: TemplateId;
  label: Label;
  /** Report years the template is used for (inclusive, open-ended when to is null). */
  years: { from: number; to: number | null };
  rows: RowDef[];
  fields: FieldDef<FieldId>[];
  /** The consistency checks R1–R4 expanded over this template's field ids. */
  checks: RuleCheck[];
}
