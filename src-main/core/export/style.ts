// Shared look of every sheet: fills of the markers, header and number styles.
// The same objects are reused for every cell so ExcelJS's style table stays small.
import type ExcelJS from 'exceljs';
import type { Unit } from '../catalogue/index.js';
import type { MarkKind } from './marks.js';

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

export const FILL: Record<MarkKind | 'header' | 'total' | 'title', ExcelJS.Fill> = {
  flagged: solid('FFFFC7CE'), // light red: an open check
  corrected: solid('FFFFEB9C'), // light amber: changed by an archivist
  resolved: solid('FFE2EFDA'), // light green: check accepted or fixed
  header: solid('FFDDEBF7'),
  total: solid('FFF2F2F2'),
  title: solid('FFFFFFFF'),
};

const thin: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Number formats. Money is stored in 万元 with more precision than shown; the
 * templates print 4 decimals, so `#,##0.0000` shows the official form in
 * Excel, WPS and LibreOffice alike (a `0.####` format leaves a trailing dot
 * on integers in all three).
 */
export const NUMFMT: Record<Unit, string> = {
  count: '#,##0',
  change: '+#,##0;-#,##0;0',
  wan: '#,##0.0000',
};

/** Named everywhere: a font without a name falls back to a serif face in LibreOffice. */
export const FONT_NAME = 'Calibri';
export const BOLD: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 11, bold: true };

export const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT_NAME, bold: true, size: 10 },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: FILL.header,
  border: BORDER,
};

export const TEXT_STYLE: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'middle', wrapText: false },
  border: BORDER,
};

export const CENTER_STYLE: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'middle', horizontal: 'center' },
  border: BORDER,
};

export const WRAP_STYLE: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'top', wrapText: true },
  border: BORDER,
};

const numStyles = new Map<string, Partial<ExcelJS.Style>>();
/** Style of a number cell: one object per (unit, mark, total) so cells share them. */
export function numStyle(unit: Unit, mark: MarkKind | null, total = false): Partial<ExcelJS.Style> {
  const key = `${unit}|${mark ?? ''}|${total}`;
  let s = numStyles.get(key);
  if (!s) {
    s = {
      numFmt: NUMFMT[unit],
      border: BORDER,
      alignment: { vertical: 'middle' },
      ...(mark ? { fill: FILL[mark] } : total ? { fill: FILL.total } : {}),
      ...(total ? { font: BOLD } : {}),
    };
    numStyles.set(key, s);
  }
  return s;
}

export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, bold: true, size: 14 };
export const SUBTITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, italic: true, size: 10, color: { argb: 'FF595959' } };

/** A4 landscape; the narrow sheets also fit the page width. */
export const pageSetup = (fit: boolean): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  ...(fit ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
});

/** Column letter(s) of a 1-based column number. */
export function colLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
