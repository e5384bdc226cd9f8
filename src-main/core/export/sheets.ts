// The data sheets: 汇总 and one sheet per table (and template). Rows are one
// report each; columns come from the catalogue; a totals row of SUM formulas
// (with cached results, so readers that do not recalculate still show them)
// closes each sheet.
import type ExcelJS from 'exceljs';
import { TEMPLATES, fieldLabel, type TemplateId } from '../catalogue/index.js';
import { reportNumber, t, statusLabel } from './labels.js';
import { SUMMARY_COLUMNS, textWidth, type TableLayout } from './layout.js';
import { cellMarks, openFlagCount, type CellMark } from './marks.js';
import { cellText } from './text.js';
import { RawRows, type RawCell } from './rawrow.js';
import { BOLD, BORDER, CENTER_STYLE, FILL, HEADER_STYLE, SUBTITLE_FONT, TEXT_STYLE, TITLE_FONT, colLetter, numStyle } from './style.js';
import type { ExportReport, Lang } from './types.js';

export type Sheet = ExcelJS.Worksheet;
export const HEADER_TOP = 3;

/**
 * Rows are committed synchronously; without a pause the streaming writer
 * cannot hand the XML to the zip compressor and the whole sheet piles up in
 * memory. A pause every few hundred rows keeps memory flat.
 */
export const breathe = (i: number): Promise<void> | undefined => (i % 200 === 199 ? new Promise((r) => setImmediate(r)) : undefined);

export const regionText = (r: ExportReport): string => cellText([r.region.province, r.region.city, r.region.county].filter((x) => x).join(''));

export interface FixedColumn {
  label: string;
  width: number;
  center?: boolean;
  value: (r: ExportReport) => string | number;
}

export function fixedColumns(reports: ExportReport[], lang: Lang, withTemplate: boolean): FixedColumn[] {
  const widest = (f: (r: ExportReport) => string, min: number, max: number) =>
    Math.min(max, Math.max(min, ...reports.slice(0, 5000).map((r) => textWidth(f(r)) + 2)));
  const cols: FixedColumn[] = [
    { label: t('region', lang), width: widest(regionText, 10, 30), value: regionText },
    { label: t('agency', lang), width: widest((r) => r.agency, 12, 40), value: (r) => cellText(r.agency) },
    { label: t('year', lang), width: 7, value: (r) => r.year, center: true },
  ];
  if (withTemplate) cols.push({ label: t('template', lang), width: 7, value: (r) => r.template, center: true });
  cols.push({ label: t('status', lang), width: 9, value: (r) => statusLabel(r.status, lang), center: true });
  cols.push({ label: t('reportId', lang), width: widest((r) => reportNumber(r, lang), 12, 48), value: (r) => cellText(reportNumber(r, lang)) });
  return cols;
}

/** Title, subtitle and the fixed columns' headers (merged down over `levels` header rows). */
export function writeTop(ws: Sheet, title: string, subtitle: string, fixed: FixedColumn[], levels: number): void {
  const r1 = ws.getRow(1);
  r1.getCell(1).value = cellText(title);
  r1.getCell(1).font = TITLE_FONT;
  r1.height = 22;
  r1.commit();
  const r2 = ws.getRow(2);
  r2.getCell(1).value = cellText(subtitle);
  r2.getCell(1).font = SUBTITLE_FONT;
  r2.commit();
  fixed.forEach((c, i) => {
    ws.getRow(HEADER_TOP).getCell(i + 1).value = c.label;
    if (levels > 1) ws.mergeCells(HEADER_TOP, i + 1, HEADER_TOP + levels - 1, i + 1);
  });
}

/**
 * A list sheet's top (校验问题, 年报质量, 来源): column widths, title and note,
 * one header row over the fixed columns and `cols`, and a filter over the
 * `rows` data rows below it.
 */
export function writeListHead(
  ws: Sheet,
  fixed: FixedColumn[],
  cols: { label: string; width: number }[],
  title: string,
  subtitle: string,
  rows: number,
  headHeight = 24,
): void {
  const F = fixed.length;
  ws.columns = [...fixed.map((c) => ({ width: c.width })), ...cols.map((c) => ({ width: c.width }))];
  writeTop(ws, title, subtitle, fixed, 1);
  const head = ws.getRow(HEADER_TOP);
  cols.forEach((c, i) => (head.getCell(F + i + 1).value = c.label));
  for (let c = 1; c <= F + cols.length; c++) head.getCell(c).style = HEADER_STYLE;
  head.height = headHeight;
  head.commit();
  setAutoFilter(ws, HEADER_TOP, F + cols.length, HEADER_TOP + rows);
}

/** Header style on every cell of the header block (merged-over cells too, for their borders). */
function styleHeader(ws: Sheet, levels: number, width: number): void {
  for (let l = 0; l < levels; l++) {
    const row = ws.getRow(HEADER_TOP + l);
    row.height = levels > 2 ? 30 : 32;
    for (let c = 1; c <= width; c++) row.getCell(c).style = HEADER_STYLE;
    row.commit();
  }
}

export function writeFixed(row: ExcelJS.Row, fixed: FixedColumn[], r: ExportReport): void {
  fixed.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.value(r);
    cell.style = c.center ? CENTER_STYLE : TEXT_STYLE;
  });
}

/** A filter button on every column of the header's last row, over the data rows (never the totals row). */
export function setAutoFilter(ws: Sheet, headerRow: number, columns: number, lastRow: number): void {
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: columns } };
}

const round = (x: number) => Math.round(x * 1e8) / 1e8;

/** A column's running total for the totals row. */
interface Total {
  unit: 'count' | 'change' | 'wan';
  sum: number;
  blanks: number;
}
const newTotal = (unit: Total['unit']): Total => ({ unit, sum: 0, blanks: 0 });
function addTo(t: Total, v: number | null): void {
  if (v === null) t.blanks++;
  else t.sum += v;
}

/** The totals row: SUM over the data rows with the cached result; a note where some reports left the cell blank. */
function writeTotals(ws: Sheet, rowNo: number, first: number, fixedCount: number, columns: Total[], lang: Lang): void {
  const row = ws.getRow(rowNo);
  row.getCell(1).value = t('totalRow', lang);
  for (let c = 1; c <= fixedCount; c++) row.getCell(c).style = { font: BOLD, fill: FILL.total, border: BORDER, alignment: { vertical: 'middle' } };
  ws.mergeCells(rowNo, 1, rowNo, fixedCount);
  const last = rowNo - 1;
  columns.forEach((col, i) => {
    const c = fixedCount + i + 1;
    const L = colLetter(c);
    const cell = row.getCell(c);
    const { sum, blanks } = col;
    cell.value = { formula: `SUM(${L}${first}:${L}${last})`, result: round(sum) };
    cell.style = numStyle(col.unit, null, true);
    if (blanks)
      cell.note =
        lang === 'zh'
          ? `${blanks} 个报告此项空白（未填写），合计只含已填写的数值。`
          : `${blanks} report(s) leave this cell blank; the total covers the stated numbers only.`;
  });
  row.commit();
}

/** One table sheet for one template: every field of the table as a column, from the catalogue. */
export async function writeTableSheet(
  ws: Sheet,
  layout: TableLayout,
  reports: ExportReport[],
  fixed: FixedColumn[],
  title: string,
  subtitle: string,
  lang: Lang,
  totals = true,
): Promise<void> {
  const F = fixed.length;
  ws.columns = [...fixed.map((c) => ({ width: c.width })), ...layout.widths.map((w) => ({ width: w }))];
  writeTop(ws, title, subtitle, fixed, layout.levels);
  for (const h of layout.headers) {
    const r = HEADER_TOP + h.level;
    ws.getRow(r).getCell(F + h.from + 1).value = cellText(h.text);
    if (h.rowSpan > 1 || h.to > h.from) ws.mergeCells(r, F + h.from + 1, r + h.rowSpan - 1, F + h.to + 1);
  }
  styleHeader(ws, layout.levels, F + layout.fields.length);
  const first = HEADER_TOP + layout.levels;
  setAutoFilter(ws, first - 1, F + layout.fields.length, first + reports.length - 1);
  const ids = layout.fields.map((f) => f.id);
  const columns = layout.fields.map((f) => newTotal(f.unit));
  const plain = layout.fields.map((f) => numStyle(f.unit, null));
  const n = ids.length;
  const raw = RawRows.for(ws);
  // One reusable row of raw cells: fixed columns, then the fields.
  const cells: RawCell[] = [...fixed.map((c) => ({ v: null, style: c.center ? CENTER_STYLE : TEXT_STYLE })), ...plain.map((style) => ({ v: null, style }))];
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    await breathe(i);
    const values = r.values;
    for (let j = 0; j < n; j++) addTo(columns[j]!, values[ids[j]!] ?? null);
    const marks = cellMarks(r, ids, lang);
    if (raw && marks.size === 0) {
      for (let k = 0; k < F; k++) cells[k]!.v = fixed[k]!.value(r);
      for (let j = 0; j < n; j++) cells[F + j]!.v = values[ids[j]!] ?? null;
      if (raw.write(first + i, cells)) continue;
    }
    const row = ws.getRow(first + i);
    writeFixed(row, fixed, r);
    for (let j = 0; j < n; j++) {
      const v = values[ids[j]!] ?? null;
      const cell = row.getCell(F + j + 1);
      if (v !== null) cell.value = v;
      const mark = marks.size ? marks.get(ids[j]!) : undefined;
      if (mark) {
        cell.style = numStyle(layout.fields[j]!.unit, mark.kind);
        cell.note = cellText(mark.note);
      } else cell.style = plain[j]!;
    }
    row.commit();
  }
  if (reports.length && totals) writeTotals(ws, first + reports.length, first, F, columns, lang);
}

interface SummaryCell {
  value: number | null;
  mark: CellMark | null;
}

function summaryCell(r: ExportReport, ids: string[], optional: Set<string>, marks: Map<string, CellMark>, lang: Lang): SummaryCell {
  const zh = lang === 'zh';
  const present = ids.filter((id) => r.values[id] !== null && r.values[id] !== undefined);
  const missing = ids.filter((id) => !optional.has(id) && (r.values[id] === null || r.values[id] === undefined));
  const value = present.length ? round(present.reduce((s, id) => s + r.values[id]!, 0)) : null;
  if (missing.length) {
    const names =
      missing
        .slice(0, 6)
        .map((id) => fieldLabel(id, lang))
        .join('\n') + (missing.length > 6 ? '\n…' : '');
    return {
      value,
      mark: {
        kind: 'flagged',
        note: zh
          ? `${missing.length} 个组成项空白（未填写），此数只含已填写的项：\n${names}`
          : `${missing.length} part(s) blank; this sums the stated parts only:\n${names}`,
      },
    };
  }
  const partMarks = ids.map((id) => marks.get(id)).filter((m): m is CellMark => !!m);
  if (partMarks.some((m) => m.kind === 'flagged'))
    return {
      value,
      mark: {
        kind: 'flagged',
        note: zh ? '组成项存在待处理的校验问题，见各表中标红的单元格。' : 'A part has an open check; see the red cells in the table sheets.',
      },
    };
  if (partMarks.some((m) => m.kind === 'corrected'))
    return {
      value,
      mark: { kind: 'corrected', note: zh ? '含人工更正后的数值，见各表中的批注。' : 'Includes corrected values; see the notes in the table sheets.' },
    };
  return { value, mark: null };
}

/** 汇总: one row per report with the key totals of tables 三 and 四 and the data-quality counts. */
export async function writeSummarySheet(
  ws: Sheet,
  reports: ExportReport[],
  fixed: FixedColumn[],
  title: string,
  subtitle: string,
  lang: Lang,
  totals = true,
): Promise<void> {
  const F = fixed.length;
  const S = SUMMARY_COLUMNS.length;
  ws.columns = [
    ...fixed.map((c) => ({ width: c.width })),
    ...SUMMARY_COLUMNS.map((c) => ({ width: Math.max(10, textWidth(c.label[lang]) + 3) })),
    { width: 11 },
    { width: 12 },
  ];
  writeTop(ws, title, subtitle, fixed, 2);
  const groups: { label: string; from: number; to: number }[] = [];
  SUMMARY_COLUMNS.forEach((c, i) => {
    const label = t(c.group === 'requests' ? 'summaryRequests' : 'summaryAppeals', lang);
    const g = groups[groups.length - 1];
    if (g && g.label === label) g.to = i;
    else groups.push({ label, from: i, to: i });
  });
  groups.push({ label: t('summaryChecks', lang), from: S, to: S + 1 });
  const top = ws.getRow(HEADER_TOP);
  const sub = ws.getRow(HEADER_TOP + 1);
  for (const g of groups) {
    top.getCell(F + g.from + 1).value = g.label;
    if (g.to > g.from) ws.mergeCells(HEADER_TOP, F + g.from + 1, HEADER_TOP, F + g.to + 1);
  }
  SUMMARY_COLUMNS.forEach((c, i) => (sub.getCell(F + i + 1).value = c.label[lang]));
  sub.getCell(F + S + 1).value = t('flagsCount', lang);
  sub.getCell(F + S + 2).value = t('correctedCount', lang);
  styleHeader(ws, 2, F + S + 2);
  const optional: Record<TemplateId, Set<string>> = {
    '2019': new Set(TEMPLATES['2019'].fields.filter((f) => f.optional).map((f) => f.id)),
    '2021': new Set(TEMPLATES['2021'].fields.filter((f) => f.optional).map((f) => f.id)),
  };
  const first = HEADER_TOP + 2;
  setAutoFilter(ws, first - 1, F + S + 2, first + reports.length - 1);
  const columns = [...SUMMARY_COLUMNS.map(() => newTotal('count')), newTotal('count'), newTotal('count')];
  const raw = RawRows.for(ws);
  const allIds = { '2019': SUMMARY_COLUMNS.flatMap((c) => c.fields['2019']), '2021': SUMMARY_COLUMNS.flatMap((c) => c.fields['2021']) };
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    await breathe(i);
    const marks = cellMarks(r, allIds[r.template], lang);
    const scs = SUMMARY_COLUMNS.map((c) => summaryCell(r, c.fields[r.template], optional[r.template], marks, lang));
    const flags = openFlagCount(r);
    const corrected = Object.keys(r.corrected).length;
    scs.forEach((sc, j) => addTo(columns[j]!, sc.value));
    addTo(columns[S]!, flags);
    addTo(columns[S + 1]!, corrected);
    const counts: RawCell[] = [
      { v: flags, style: numStyle('count', flags ? 'flagged' : null) },
      { v: corrected, style: numStyle('count', corrected ? 'corrected' : null) },
    ];
    if (raw && scs.every((sc) => !sc.mark)) {
      const cells: RawCell[] = [
        ...fixed.map((c) => ({ v: c.value(r), style: c.center ? CENTER_STYLE : TEXT_STYLE })),
        ...scs.map((sc) => ({ v: sc.value, style: numStyle('count', null) })),
        ...counts,
      ];
      if (raw.write(first + i, cells)) continue;
    }
    const row = ws.getRow(first + i);
    writeFixed(row, fixed, r);
    scs.forEach((sc, j) => {
      const cell = row.getCell(F + j + 1);
      if (sc.value !== null) cell.value = sc.value;
      cell.style = numStyle('count', sc.mark?.kind ?? null);
      if (sc.mark) cell.note = sc.mark.note;
    });
    counts.forEach((c, k) => {
      const cell = row.getCell(F + S + 1 + k);
      cell.value = c.v;
      cell.style = c.style;
    });
    row.commit();
  }
  if (reports.length && totals) writeTotals(ws, first + reports.length, first, F, columns, lang);
}
