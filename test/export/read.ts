// Reading a written workbook back with SheetJS (a second, independent
// reader), as raw sheet XML, and through LibreOffice (a third).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
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

/** The XML of the sheet named `name` as stored in the workbook at `path`. */
export function sheetXml(path: string, name: string): string {
  const i = readBook(path).SheetNames.indexOf(name) + 1;
  return strFromU8(unzipSync(readFileSync(path))[`xl/worksheets/sheet${i}.xml`]!);
}

/** Whether LibreOffice (`soffice`) is installed, for the tests that open a workbook in it. */
export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The workbook converted by LibreOffice into one UTF-8 CSV per sheet (in
 * `out`, with a profile of its own under `profileDir`): the files, and the CSV
 * text of the sheet whose file name contains `part`.
 */
export function libreOfficeCsv(path: string, out: string, profileDir: string): { files: string[]; csv(part: string): string } {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profileDir}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      out,
      path,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const files = readdirSync(out);
  return { files, csv: (part) => readFileSync(join(out, files.find((f) => f.includes(part))!), 'utf8') };
}
