// Column layouts of the workbook, derived from the catalogue: one column per
// field of a table, with the official headers as stacked, merged bands
// (row group over row label over column group over column label).
import { TEMPLATES, type FieldDef, type TableId, type TemplateId } from '../catalogue/index.js';
import type { Lang } from './types.js';

/** One header band cell: `text` spans columns [from, to] (0-based within the field block) over `rows` levels. */
export interface HeaderCell {
  level: number;
  rowSpan: number;
  from: number;
  to: number;
  text: string;
}

export interface TableLayout {
  table: TableId;
  template: TemplateId;
  fields: FieldDef[];
  levels: number;
  headers: HeaderCell[];
  widths: number[];
}

/** Display width in Excel column units: CJK and full-width characters count double. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

export function tableLayout(table: TableId, template: TemplateId, lang: Lang): TableLayout {
  const fields = TEMPLATES[template].fields.filter((f) => f.table === table);
  // Four candidate levels; a level nobody uses is dropped.
  const cells = fields.map((f) => [
    f.row.group ? { key: `g:${f.row.group.zh}`, text: f.row.group[lang] } : null,
    { key: `r:${f.row.id}`, text: f.row.label[lang] },
    f.column.group ? { key: `${f.row.id}|c:${f.column.group.zh}`, text: f.column.group[lang] } : null,
    { key: f.id, text: f.column.label[lang] },
  ]);
  const used = [0, 1, 2, 3].filter((l) => cells.some((c) => c[l] !== null));
  const grid = cells.map((c) => used.map((l) => c[l]!));
  const levels = used.length;
  const headers: HeaderCell[] = [];
  for (let level = 0; level < levels; level++) {
    let i = 0;
    while (i < grid.length) {
      const cell = grid[i]![level];
      if (!cell) {
        i++;
        continue;
      }
      // Spans right while the key (and so every band above) is the same.
      let j = i;
      while (j + 1 < grid.length && grid[j + 1]![level]?.key === cell.key) j++;
      // Spans down over the empty levels below it (a row without a group ...).
      let rowSpan = 1;
      while (level + rowSpan < levels && grid.slice(i, j + 1).every((c) => c[level + rowSpan] === null || c[level + rowSpan] === undefined)) rowSpan++;
      headers.push({ level, rowSpan, from: i, to: j, text: cell.text });
      i = j + 1;
    }
  }
  // Empty upper levels (a row with no group) are covered by the level below spanning up.
  const fixed: HeaderCell[] = [];
  for (const h of headers) {
    let level = h.level;
    while (level > 0 && grid.slice(h.from, h.to + 1).every((c) => c[level - 1] === null || c[level - 1] === undefined)) level--;
    fixed.push({ ...h, level, rowSpan: h.rowSpan + (h.level - level) });
  }
  // Money needs room for 4 decimals; a column label fits on one line up to
  // 8 characters, longer ones wrap over two; a merged band shares its width.
  const widths: number[] = fields.map((f) => (f.unit === 'wan' ? 13 : 8));
  for (const h of fixed) {
    const span = h.to - h.from + 1;
    const w = textWidth(h.text);
    const need = span === 1 ? (w <= 16 ? w + 3 : Math.ceil(w / 2) + 3) : Math.ceil((w + 2) / (span * 2));
    for (let k = h.from; k <= h.to; k++) widths[k] = Math.min(22, Math.max(widths[k]!, need));
  }
  return { table, template, fields, levels, headers: fixed, widths };
}

/** A column of the 汇总 sheet: the sum of the listed fields that exist in the report's template. */
export interface SummaryColumn {
  label: { zh: string; en: string };
  group: 'requests' | 'review';
  fields: Record<TemplateId, string[]>;
}

const byRows = (t: TemplateId, pred: (rowId: string, groupZh: string | undefined) => boolean, col = 'total') =>
  TEMPLATES[t].rows.filter((r) => pred(r.id, r.group?.zh)).map((r) => `${r.id}.${col}`);

function summaryColumn(zh: string, en: string, group: SummaryColumn['group'], pred: (rowId: string, groupZh: string | undefined) => boolean): SummaryColumn {
  return { label: { zh, en }, group, fields: { '2019': byRows('2019', pred), '2021': byRows('2021', pred) } };
}

const row = (id: string) => (r: string) => r === id;
const group = (zh: string) => (_: string, g: string | undefined) => g === zh;

export const SUMMARY_COLUMNS: SummaryColumn[] = [
  summaryColumn('新收', 'New', 'requests', row('requests.new')),
  summaryColumn('上年结转', 'Carried over', 'requests', row('requests.carried_over')),
  summaryColumn('予以公开', 'Disclosed', 'requests', row('requests.granted')),
  summaryColumn('部分公开', 'Partly disclosed', 'requests', row('requests.partial')),
  summaryColumn('不予公开', 'Not disclosed', 'requests', group('（三）不予公开')),
  summaryColumn('无法提供', 'Unable to provide', 'requests', group('（四）无法提供')),
  summaryColumn('不予处理', 'Not processed', 'requests', group('（五）不予处理')),
  summaryColumn('其他处理', 'Other handling', 'requests', (r, g) => r === 'requests.other' || g === '（六）其他处理'),
  summaryColumn('总计', 'Total', 'requests', row('requests.total')),
  summaryColumn('结转下年度', 'Carried forward', 'requests', row('requests.carried_forward')),
  summaryColumn('复议总计', 'Reconsideration total', 'review', row('review.reconsideration')),
  summaryColumn('诉讼总计', 'Litigation total', 'review', (r) => r.startsWith('review.litigation')),
];

const BASE_VALUES = {} as Record<TemplateId, Record<string, number | null>>;
const FIELD_IDS: Record<TemplateId, string[]> = {
  '2019': TEMPLATES['2019'].fields.map((f) => f.id),
  '2021': TEMPLATES['2021'].fields.map((f) => f.id),
};
for (const tp of ['2019', '2021'] as const) {
  const o: Record<string, number | null> = {};
  for (const f of TEMPLATES[tp].fields) o[f.id] = null;
  BASE_VALUES[tp] = o;
}

/**
 * A values record with every field of the template, copied from `src`.
 * Spreading one shared object keeps V8's compact object layout: 20 000
 * reports take ~50 MB instead of ~250 MB with records built key by key.
 */
export function valuesRecord(template: TemplateId, src: Record<string, number | null | undefined>): Record<string, number | null> {
  const v = { ...BASE_VALUES[template] };
  for (const id of FIELD_IDS[template]) {
    const x = src[id];
    if (x !== undefined) v[id] = x === null || Number.isFinite(x) ? x : null; // NaN or ±Infinity cannot be written to a workbook
  }
  return v;
}
