// Keyboard movement in the report's tables by where cells are drawn: the
// three tables have merged headers and different widths, so "down" is the
// nearest cell below that overlaps the current one's columns, "right" the
// nearest cell to the right on the same line.
export interface CellRect {
  field: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export type Dir = 'up' | 'down' | 'left' | 'right';

const cx = (r: CellRect) => (r.left + r.right) / 2;
const cy = (r: CellRect) => (r.top + r.bottom) / 2;

export function move(cells: CellRect[], from: string | null, dir: Dir): string | null {
  if (!cells.length) return null;
  const cur = cells.find((c) => c.field === from);
  if (!cur) return cells[0]!.field;
  let best: CellRect | null = null;
  let score = Infinity;
  for (const c of cells) {
    if (c === cur) continue;
    let s: number;
    if (dir === 'right' || dir === 'left') {
      const sameLine = cy(c) > cur.top && cy(c) < cur.bottom;
      const ahead = dir === 'right' ? c.left >= cur.right - 1 : c.right <= cur.left + 1;
      if (!sameLine || !ahead) continue;
      s = Math.abs(cx(c) - cx(cur));
    } else {
      const ahead = dir === 'down' ? c.top >= cur.bottom - 1 : c.bottom <= cur.top + 1;
      if (!ahead) continue;
      const overlaps = c.left < cur.right && c.right > cur.left;
      // rows first (the nearest line), then the column nearest the current one
      s = Math.abs(cy(c) - cy(cur)) * 1000 + Math.abs(cx(c) - cx(cur)) + (overlaps ? 0 : 1e9);
    }
    if (s < score) (score = s), (best = c);
  }
  return best?.field ?? null;
}
