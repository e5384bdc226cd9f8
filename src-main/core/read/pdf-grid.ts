// PDF tables as grids: a PDF has no table structure, but a table's numbers
// stand in columns. Within a block of table lines (between headings or
// prose), the x-ranges of the numbers, merged where they overlap, are the
// columns; every cell of the block's lines is placed by where it stands —
// a header cell over several columns is a merged cell (its origin, then
// covered positions), text left of the numbers is the row's label (right-
// aligned: the most specific label next to the numbers), a column a row
// prints nothing in is an empty cell. Header words wrapped over lines
// (商业 / 企业) are joined per column into one more header row. The grid
// reader (extract/grid.ts) then reads the tables by header and label; the
// text reading stays as its cross-check. Nothing is guessed: a block whose
// numbers do not fall into clear columns, or a row with two cells in one
// column, gives no grid (row).
import type { Grid, GridCell } from '../model.js';
import type { OutLine, Run } from './pdf-layout.js';

/** A laid-out line with each cell's text and its offsets in the document's text. */
export interface PlacedLine {
  line: OutLine;
  cells: { text: string; start: number; end: number }[];
}

const NUMERIC = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** A single-cell line this long (or any cell longer) is a heading or prose: it ends a table block. */
const HEADING_LEN = 12;
const PROSE_LEN = 40;
/** Label cells kept per row, right-aligned before the numbers. */
const MAX_LABELS = 3;

interface Box {
  text: string;
  start: number;
  end: number;
  x0: number;
  x1: number;
  numeric: boolean;
}

function boxes(p: PlacedLine): Box[] {
  // an empty cell (a blank alignColumns kept in its column) has no place of its own: its column prints nothing
  return p.line.cells.flatMap((runs: Run[], i) => {
    if (!runs.length) return [];
    const c = p.cells[i]!;
    const x0 = Math.min(...runs.map((r) => r.x));
    const x1 = Math.max(...runs.map((r) => r.x + r.width));
    return [{ text: c.text, start: c.start, end: c.end, x0, x1, numeric: NUMERIC.test(c.text.trim()) }];
  });
}

function isBoundary(b: Box[]): boolean {
  if (b.some((c) => c.text.length > PROSE_LEN)) return true;
  return b.length === 1 && !b[0]!.numeric && b[0]!.text.replace(/\s/g, '').length >= HEADING_LEN;
}

/** A table block's grid, with its columns and header rows (to carry over a page break). */
interface Block {
  grid: Grid;
  cols: Col[];
  nL: number;
  head: GridCell[][];
}

/**
 * The grids of a document's pages. A table broken over a page goes on
 * without its header: a page's first block with no header of its own and
 * the same columns (same number, same places) as the previous page's last
 * block gets that block's header rows.
 */
export function pdfGrids(pages: { page: number; lines: PlacedLine[] }[]): Grid[] {
  const out: Grid[] = [];
  let last: Block | null = null;
  for (const p of pages) {
    const blocks = pageBlocks(p.lines, p.page);
    const first = blocks[0];
    if (first && last && first.head.length === 0 && sameColumns(first, last)) first.grid.rows.unshift(...last.head);
    out.push(...blocks.map((b) => b.grid));
    if (blocks.length) last = blocks[blocks.length - 1]!;
  }
  return out;
}

function sameColumns(a: Block, b: Block): boolean {
  const meet = (x: Col, y: Col | undefined) => !!y && x.x0 <= y.x1 && y.x0 <= x.x1;
  return a.nL === b.nL && a.cols.length === b.cols.length && a.cols.every((c, j) => meet(c, b.cols[j]) && !meet(c, b.cols[j - 1]) && !meet(c, b.cols[j + 1]));
}

/** The grids of one page's laid-out lines. */
export function pageGrids(lines: PlacedLine[], page: number): Grid[] {
  return pageBlocks(lines, page).map((b) => b.grid);
}

function pageBlocks(lines: PlacedLine[], page: number): Block[] {
  const out: Block[] = [];
  let block: Box[][] = [];
  let prevLines: Box[][] | null = null;
  const flush = () => {
    const g = blockGrid(block, page);
    const prev = out[out.length - 1];
    if (g && prev && prevLines && g.head.length === 0 && sameColumns(g, prev)) {
      // a line of a wrapped label long enough to look like a heading split one table: join the two
      const joined = blockGrid([...prevLines, ...block], page);
      if (joined) {
        out[out.length - 1] = joined;
        prevLines = [...prevLines, ...block];
        block = [];
        return;
      }
    }
    if (g) out.push(g);
    prevLines = g ? block : null;
    block = [];
  };
  for (const l of lines) {
    const b = boxes(l);
    if (isBoundary(b)) flush();
    else block.push(b);
  }
  flush();
  return out;
}

interface Col {
  x0: number;
  x1: number;
  c: number;
}

function blockGrid(lines: Box[][], page: number): Block | null {
  const data = lines.filter((l) => l.filter((c) => c.numeric).length >= 2);
  if (data.length < 2 && !(data.length === 1 && data[0]!.filter((c) => c.numeric).length >= 10)) return null;
  // columns: the numbers' x-ranges, merged where they overlap
  const spans = data.flatMap((l) => l.filter((c) => c.numeric)).sort((a, b) => a.x0 - b.x0);
  const cols: Col[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ x0: s.x0, x1: s.x1, c: 0 });
  }
  if (cols.length < 3) return null;
  for (const col of cols) col.c = (col.x0 + col.x1) / 2;
  const k = cols.length;
  const left = cols[0]!.c - (cols[1]!.c - cols[0]!.c) / 2;
  const right = cols[k - 1]!.c + (cols[k - 1]!.c - cols[k - 2]!.c) / 2;
  const colAt = (x: number) => {
    for (let j = 0; j < k - 1; j++) if (x < (cols[j]!.c + cols[j + 1]!.c) / 2) return j;
    return k - 1;
  };
  // every data line's numbers in distinct columns, or the block has no clear grid
  for (const l of data) {
    const at = l.filter((c) => c.numeric).map((c) => colAt((c.x0 + c.x1) / 2));
    if (new Set(at).size !== at.length) return null;
  }
  // before the numbers: its middle left of the first column's reach, or the whole cell left of its numbers
  const isLabel = (b: Box) => (b.x0 + b.x1) / 2 < left || b.x1 < cols[0]!.x0 - 0.5;
  const nL = Math.min(MAX_LABELS, Math.max(1, ...lines.map((l) => l.filter(isLabel).length)));
  const width = nL + k;
  const rows: GridCell[][] = [];
  const blank = (at: number): GridCell => ({ text: '', start: at, end: at, rowSpan: 1, colSpan: 1 });
  const firstData = lines.findIndex((l) => data.includes(l));
  // header words per line and column (single-column cells), for the joined rows below
  const heads: string[][][] = [];
  let headRows = 0;
  lines.forEach((l, li) => {
    const anchor = l[0]?.start ?? 0;
    const row: (GridCell | null)[] = Array.from({ length: width }, () => null);
    const isData = data.includes(l);
    const labels = l.filter(isLabel).slice(-nL);
    labels.forEach((b, i) => {
      row[nL - labels.length + i] = { text: b.text, start: b.start, end: b.end, rowSpan: 1, colSpan: 1 };
    });
    let ok = true;
    for (const b of l) {
      if (isLabel(b)) continue;
      const mid = (b.x0 + b.x1) / 2;
      if (mid > right + (right - cols[k - 1]!.c)) {
        if (isData) ok = false;
        continue;
      }
      // the columns whose middle the cell spans (a merged header), else the one it stands in
      const over = cols.map((col, j) => (col.c >= b.x0 - 1 && col.c <= b.x1 + 1 ? j : -1)).filter((j) => j >= 0);
      const js = over.length ? over : [colAt(mid)];
      if (isData && (js.length > 1 || row[nL + js[0]!])) {
        ok = false;
        continue;
      }
      const j0 = js[0]!;
      const prev = row[nL + j0];
      if (prev) {
        // two header words in one column on one line: one cell
        prev.text += b.text;
        prev.end = b.end;
        continue;
      }
      row[nL + j0] = { text: b.text, start: b.start, end: b.end, rowSpan: 1, colSpan: js.length };
      for (const j of js.slice(1)) row[nL + j] = { text: b.text, start: b.start, end: b.end, rowSpan: 1, colSpan: 1, covered: true };
      if (!isData && li < firstData && js.length === 1) {
        heads[li] ??= Array.from({ length: k }, () => []);
        heads[li]![j0]!.push(b.text);
      }
    }
    if (!ok) return; // a data row whose cells do not fall one to a column: left to the text reading
    rows.push(row.map((c) => c ?? blank(anchor)));
    if (li === firstData - 1) rows.push(...joinedHeads(heads, firstData, k, nL, blank(anchor)));
    if (li === firstData - 1 && heads.some(Boolean)) headRows = rows.length;
  });
  return { grid: { rows, page }, cols, nL, head: rows.slice(0, headRows) };
}

/** Header lines looked at for words wrapped over lines. */
const MAX_HEAD_LINES = 8;

/**
 * Header words wrapped over lines (商业 / 企业): for each header line from the
 * top, one row with each column's words from that line down to the data
 * joined — from the longest join to the shortest, so a name the reader finds
 * in a later row (the wrapped cell alone, without a group word above it) wins.
 */
function joinedHeads(heads: string[][][], firstData: number, k: number, nL: number, blank: GridCell): GridCell[][] {
  const out: GridCell[][] = [];
  for (let h = Math.max(0, firstData - MAX_HEAD_LINES); h < firstData - 1; h++) {
    const cols = Array.from({ length: k }, (_, j) => heads.slice(h, firstData).flatMap((l) => l?.[j] ?? []));
    if (!cols.some((w) => w.length > 1)) continue;
    out.push([...Array.from({ length: nL }, () => ({ ...blank })), ...cols.map((w) => ({ ...blank, text: w.join('') }))]);
  }
  return out;
}
