// What both docx paths share: the cells of a Word table row as read, and
// their expansion into a rectangular grid (gridSpan/vMerge shadows marked).
import { type CellIn, joinFragments } from './builder.js';
import { CellBudget } from './limits.js';

export interface RawCell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

/** A grid count from an attribute's value (gridBefore, gridAfter, gridSpan): a whole number ≥ `min`. */
export const gridCount = (val: string | null, min: number): number => Math.max(min, Math.floor(Number(val ?? min) || min));

// Elements whose text is not document text inside a paragraph: field
// instructions, deleted runs, properties, and the fallback copy of text boxes.
export const SKIP = new Set([
  'instrText',
  'delText',
  'delInstrText',
  'pPr',
  'rPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'Fallback',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

/** Expand spans into a rectangular grid with shadows pointing at their origin (its size counted in `budget` first). */
export function expandTable(raw: RawCell[][], budget = new CellBudget()): CellIn[][] {
  const grid: CellIn[][] = [];
  const width = raw.reduce(
    (w, r) =>
      Math.max(
        w,
        r.reduce((s, c) => s + c.span, 0),
      ),
    0,
  );
  budget.table(raw.length, width);
  for (let r = 0; r < raw.length; r++) {
    const row: CellIn[] = [];
    let col = 0;
    for (const cell of raw[r]!) {
      const above = grid[r - 1]?.[col];
      if (cell.vMerge === 'continue' && above) {
        const o = above.origin ?? [r - 1, col];
        const origin = grid[o[0]]![o[1]]!;
        origin.rowSpan = (origin.rowSpan ?? 1) + (above.origin || o[0] === r - 1 ? 1 : 0);
        for (let i = 0; i < cell.span; i++) row.push({ text: '', origin: [o[0], o[1] + i] as [number, number] });
        // the origin's colSpan already covers the extra columns
        if (cell.text) origin.text = joinFragments(origin.text, cell.text);
      } else {
        row.push({ text: cell.text, colSpan: cell.span, rowSpan: 1 });
        for (let i = 1; i < cell.span; i++) row.push({ text: '', origin: [r, col] });
      }
      col += cell.span;
    }
    while (row.length < width) row.push({ text: '', missing: true });
    grid.push(row);
  }
  // A vMerge chain's shadows must point at the chain's origin, not at a
  // column shadow of it.
  for (const row of grid)
    for (const c of row) {
      if (!c.origin) continue;
      let o = grid[c.origin[0]]![c.origin[1]]!;
      while (o.origin) {
        c.origin = o.origin;
        o = grid[o.origin[0]]![o.origin[1]]!;
      }
    }
  return grid;
}
