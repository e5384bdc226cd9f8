// Builds a ReportDocument's text and grids together so that every grid cell's
// offsets point at its own text. Used by the docx, pdf and sheet readers.
// Layout contract (shared with the text readers): one table row per line,
// cells separated by '\t'; merged-cell shadows are empty in the text.
import type { Grid, GridCell, PagePosition } from '../model.js';

export interface CellIn {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** For a shadow position of a merged cell: the origin's row and column. */
  origin?: [number, number];
  /** A position the row has no cell for (padding of a short row). */
  missing?: boolean;
  position?: PagePosition;
}

/** Collapse whitespace so a cell never breaks the one-row-per-line layout. */
export function cellText(s: string): string {
  return s
    .replace(/[\t\r\n\u000b\f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export class TextBuilder {
  private parts: string[] = [];
  length = 0;
  readonly grids: Grid[] = [];
  readonly positions: { start: number; end: number; position: PagePosition }[] = [];

  private push(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }

  /** Start a new line (no-op at the very beginning). */
  newline(): void {
    if (this.length > 0) this.push('\n');
  }

  /** Append a whole line; returns its start offset. */
  line(s: string, position?: PagePosition): number {
    this.newline();
    const start = this.length;
    this.push(s);
    if (position && s) this.positions.push({ start, end: this.length, position });
    return start;
  }

  /** Append raw text on the current line (for readers that place runs themselves). */
  append(s: string, position?: PagePosition): [number, number] {
    const start = this.length;
    this.push(s);
    if (position && s) this.positions.push({ start, end: this.length, position });
    return [start, this.length];
  }

  /**
   * Emit a table: `rows` is the expanded grid (every row as long as the widest;
   * shadows carry `origin`). Each row becomes one line.
   */
  table(rows: CellIn[][], page?: number): Grid {
    const width = Math.max(0, ...rows.map((r) => r.length));
    const out: GridCell[][] = [];
    for (let r = 0; r < rows.length; r++) {
      this.newline();
      const row: GridCell[] = [];
      for (let c = 0; c < width; c++) {
        if (c > 0) this.push('\t');
        const cell = rows[r]![c];
        if (cell?.origin) {
          const o = out[cell.origin[0]]?.[cell.origin[1]] ?? row[cell.origin[1]];
          row.push({
            text: o?.text ?? '',
            start: o?.start ?? this.length,
            end: o?.end ?? this.length,
            rowSpan: 1,
            colSpan: 1,
            covered: true,
            ...(o?.position ? { position: o.position } : {}),
          });
          continue;
        }
        const text = cellText(cell?.text ?? '');
        const [start, end] = this.append(text, cell?.position);
        row.push({
          text,
          start,
          end,
          rowSpan: cell?.rowSpan ?? 1,
          colSpan: cell?.colSpan ?? 1,
          ...(!cell || cell.missing ? { missing: true } : {}),
          ...(cell?.position ? { position: cell.position } : {}),
        });
      }
      out.push(row);
    }
    const grid: Grid = { rows: out, ...(page ? { page } : {}) };
    if (out.length) this.grids.push(grid);
    return grid;
  }

  text(): string {
    return this.parts.join('');
  }
}

/** Join text fragments: no space between CJK characters, one space otherwise. */
export function joinFragments(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const last = a[a.length - 1]!;
  const first = b[0]!;
  if (/\s/.test(last) || /\s/.test(first)) return a + b;
  const cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
  if (cjk.test(last) || cjk.test(first)) return a + b;
  return a + ' ' + b;
}
