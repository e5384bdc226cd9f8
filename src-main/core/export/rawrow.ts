// Fast path for plain data rows (no note) in ExcelJS's streaming worksheet
// writer. Building a Row/Cell object graph per cell costs most of the export
// time at 20 000 reports × 200 fields; these rows are written as the same
// `<row><c r s><v>` XML ExcelJS would produce, using its own style table and
// shared strings, so the file is identical in structure. Rows with notes, the
// headers and the totals still go through ExcelJS. If the writer's internals
// are not what this expects (another ExcelJS version), `RawRows.for` returns
// null and everything goes through ExcelJS.
import type ExcelJS from 'exceljs';
import { colLetter } from './style.js';

interface WriterInternals {
  _rows: unknown[];
  _rowZero: number;
  startedData: boolean;
  useSharedStrings: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(s: string): unknown };
  _workbook: { styles: { addStyleModel(m: object, t: number): number }; sharedStrings: { add(s: string): number } };
}

const NUMBER = 2; // ExcelJS Enums.ValueType.Number
const STRING = 3; // ExcelJS Enums.ValueType.String

export type RawCell = { v: number | string | null; style: Partial<ExcelJS.Style> };

export class RawRows {
  private readonly letters: string[] = [];
  private readonly ids = new Map<object, number>();

  private constructor(private readonly w: WriterInternals) {}

  static for(ws: ExcelJS.Worksheet): RawRows | null {
    const w = ws as unknown as Partial<WriterInternals>;
    const ok =
      Array.isArray(w._rows) &&
      typeof w._rowZero === 'number' &&
      typeof w._writeColumns === 'function' &&
      typeof w._writeOpenSheetData === 'function' &&
      w.useSharedStrings === true &&
      typeof w._workbook?.styles?.addStyleModel === 'function' &&
      typeof w._workbook?.sharedStrings?.add === 'function';
    return ok ? new RawRows(w as WriterInternals) : null;
  }

  private letter(c: number): string {
    return (this.letters[c] ??= colLetter(c));
  }

  private styleId(style: Partial<ExcelJS.Style>, type: number): number {
    let id = this.ids.get(style);
    if (id === undefined) {
      id = this.w._workbook.styles.addStyleModel(style, type);
      this.ids.set(style, id);
    }
    return id;
  }

  /** Writes row `n` (cells from column 1); false when rows before it are still pending in ExcelJS. */
  write(n: number, cells: RawCell[]): boolean {
    const w = this.w;
    if (w._rows.length || w._rowZero !== n) return false;
    if (!w.startedData) {
      w._writeColumns();
      w._writeOpenSheetData();
      w.startedData = true;
    }
    let xml = `<row r="${n}">`;
    for (let i = 0; i < cells.length; i++) {
      const { v, style } = cells[i]!;
      const ref = `${this.letter(i + 1)}${n}`;
      if (typeof v === 'number' && Number.isFinite(v)) xml += `<c r="${ref}" s="${this.styleId(style, NUMBER)}"><v>${v}</v></c>`;
      else if (typeof v === 'string' && v !== '')
        xml += `<c r="${ref}" s="${this.styleId(style, STRING)}" t="s"><v>${w._workbook.sharedStrings.add(v)}</v></c>`;
      else xml += `<c r="${ref}" s="${this.styleId(style, NUMBER)}"/>`;
    }
    w.stream.write(`${xml}</row>`);
    w._rowZero = n + 1;
    return true;
  }
}
