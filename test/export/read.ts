// Reading a written workbook back with SheetJS (a second, independent reader).
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { tableLayout } from '../../src-main/core/export/layout.js';
import type { TableId, TemplateId } from '../../src-main/core/catalogue/index.js';

export function readBook(path: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(path), { cellStyles: true, cellFormula: true, cellNF: true });
}

export function cell(ws: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return ws[XLSX.utils.encode_cell({ r: r - 1, c: c - 1 })] as XLSX.CellObject | undefined;
}

/** Row number (1-based) whose `col` cell holds `value`. */
export function findRow(ws: XLSX.WorkSheet, col: number, value: unknown): number {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = 1; r <= range.e.r + 1; r++) if (cell(ws, r, col)?.v === value) return r;
  return -1;
}

/** 1-based column of each field in a table sheet with `fixed` leading columns. */
export function fieldColumns(table: TableId, template: TemplateId, fixed = 5): Map<string, number> {
  const layout = tableLayout(table, template, 'zh');
  return new Map(layout.fields.map((f, i) => [f.id, fixed + i + 1]));
}

/** The fill colour (RRGGBB) of a cell as SheetJS reports it, if any. */
export function fillOf(c: XLSX.CellObject | undefined): string | undefined {
  const s = (c as { s?: { fgColor?: { rgb?: string }; patternType?: string } } | undefined)?.s;
  return s?.patternType === 'solid' ? s.fgColor?.rgb?.slice(-6).toUpperCase() : undefined;
}

export function noteOf(c: XLSX.CellObject | undefined): string {
  return (c?.c ?? []).map((x) => x.t).join('\n');
}
