// Rebuild reading order, table rows and cells from positioned PDF text runs.
//
// A PDF has no table structure, only glyphs at positions. What real reports
// (WPS/Word exports) do, and what this module undoes:
// - numbers sit 1–2 pt off their label's baseline → runs within ~0.4 em of a
//   line's baseline are one line;
// - cells are far apart → a gap wider than ~0.8 em is a '\t' cell break;
// - a label wrapped inside its cell puts its lines above/below the row's
//   numbers (numbers at the cell's mid-line), group labels (三、本年度办理结果,
//   （三）不予公开) stand as vertical stacks beside many rows → text-only
//   fragments are gathered into blocks and attached to the numbers row they
//   belong to, so each table row is one line again.
import { cellText, joinFragments, type TextBuilder } from './builder.js';

export interface Run {
  str: string;
  x: number; // left, points
  y: number; // baseline, points from the top of the page
  width: number;
  size: number; // font size (em)
  page?: number;
  /** OCR only: the recogniser's confidence in this run's text, 0..1. */
  conf?: number;
}

export interface Cell {
  runs: Run[];
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  numeric: boolean;
  /** An amount with its money unit (12.5万元, 5600元), or cut where its cell wrapped (673.728479万 / 元). */
  money: boolean;
}

interface Line {
  y: number;
  size: number;
  cells: Cell[];
  data: boolean;
}

/** Output line: cells in x order, each made of runs (for positions). */
export interface OutLine {
  y: number;
  size: number;
  cells: Run[][];
}

const UNIT = /^[年月日号件个项条万元%％次人家名余宗期场]/;
const NUMERIC = /^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const MONEY = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\s*(万元?|元)$/;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/** Letter-spaced CJK ("商 业 企") loses its spaces; wide inner gaps split the run. */
export function splitRun(r: Run): Run[] {
  let s = r.str.replace(/\u00a0/g, ' ');
  s = s.replace(new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'g'), '$1');
  // numbers one space apart in one run (`208 0`: pdf.js joins narrow cells standing close) are cells of their own
  const numbers = /^\d+(?:\.\d+)?(?: \d+(?:\.\d+)?)+$/.test(s.trim());
  if (!numbers && !/\S\s{2,}\S/.test(s)) return [{ ...r, str: s.trim() }].filter((x) => x.str);
  const total = s.length || 1;
  const out: Run[] = [];
  const re = numbers ? /\S+/g : /\S+(?: \S+)*/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    out.push({ ...r, str: m[0], x: r.x + (r.width * m.index) / total, width: (r.width * m[0].length) / total });
  }
  return out;
}

function makeCell(runs: Run[]): Cell {
  let text = '';
  let prevEnd = -Infinity;
  for (const r of runs) {
    const gap = r.x - prevEnd;
    text = gap > 0.25 * r.size && text && !CJK.test(text[text.length - 1]!) && !CJK.test(r.str[0]!) ? text + ' ' + r.str : text + r.str;
    prevEnd = r.x + r.width;
  }
  const x0 = Math.min(...runs.map((r) => r.x));
  const x1 = Math.max(...runs.map((r) => r.x + r.width));
  const size = Math.max(...runs.map((r) => r.size));
  const y = runs.reduce((s, r) => s + r.y, 0) / runs.length;
  return { runs, x0, x1, y, size, text, numeric: NUMERIC.test(text), money: MONEY.test(text) };
}

/** Group runs into lines (top to bottom) and each line into cells. */
export function buildLines(input: Run[]): Line[] {
  const runs = input.flatMap(splitRun).sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Run[][] = [];
  let cur: Run[] = [];
  let ref = 0;
  let refSize = 0;
  for (const r of runs) {
    if (cur.length && Math.abs(r.y - ref) <= Math.max(1.5, 0.42 * Math.max(refSize, r.size))) {
      cur.push(r);
      refSize = Math.max(refSize, r.size);
    } else {
      if (cur.length) groups.push(cur);
      cur = [r];
      ref = r.y;
      refSize = r.size;
    }
  }
  if (cur.length) groups.push(cur);
  const lines = groups.map((g): Line => {
    g.sort((a, b) => a.x - b.x);
    const cells: Cell[] = [];
    let part: Run[] = [];
    let end = -Infinity;
    for (const r of g) {
      const prev = part[part.length - 1];
      const em = prev ? Math.min(r.size, prev.size) : r.size;
      // a number never shares a cell with the text before/after it once there is a visible gap
      // (but a number and its unit, "2024 年", "5 件", stay together)
      const numberEdge = prev && NUMERIC.test(r.str.trim()) !== NUMERIC.test(prev.str.trim()) && !(NUMERIC.test(prev.str.trim()) && UNIT.test(r.str.trim()));
      if (prev && r.x - end > (numberEdge ? 0.3 * em : Math.max(3, 0.3 * em))) {
        cells.push(makeCell(part));
        part = [];
      }
      part.push(r);
      end = Math.max(end, r.x + r.width);
    }
    if (part.length) cells.push(makeCell(part));
    const size = Math.max(...g.map((r) => r.size));
    const y = Math.min(...g.map((r) => r.y));
    const data = cells.some((c, i) => c.numeric && (i > 0 || cells.every((d) => d.numeric)));
    return { y, size, cells, data };
  });
  // An amount with its unit (673.728479万 / 元 wrapped in its cell) is a row of its own when no row of
  // numbers stands beside it (its label and unit are then attached to it); beside one, it is that row's fragment.
  const numbered = lines.filter((l) => l.data).map((l) => l.y);
  for (const l of lines) {
    if (l.data || !l.cells.some((c) => c.money) || !l.cells.every((c) => c.money || !CJK.test(c.text) || c === l.cells[0])) continue;
    if (!numbered.some((y) => Math.abs(y - l.y) <= 1.6 * l.size)) l.data = true;
  }
  return lines;
}

const overlaps = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5;

/** Rebuild a page: returns lines in reading order, table rows re-joined. */
export function layoutPage(runs: Run[]): OutLine[] {
  const lines = buildLines(runs);
  const dataLines = lines.filter((l) => l.data);
  // Text-only lines near a numbers row are candidate fragments of wrapped cells.
  const near = (l: Line) => dataLines.some((d) => Math.abs(d.y - l.y) <= 3.2 * Math.max(d.size, l.size));
  // Row pitch: the usual distance between single-line rows (rows with their
  // own label on the numbers' line). Lines of one wrapped cell sit closer
  // together than that; a label a full pitch away is a row of its own.
  const labelled = (d: Line) => d.cells.some((c) => !c.numeric);
  const gaps = dataLines
    .slice(1)
    .map((d, i) => ({ g: d.y - dataLines[i]!.y, ok: labelled(d) && labelled(dataLines[i]!) && d.y - dataLines[i]!.y < 4 * d.size }))
    .filter((x) => x.ok && x.g > 0)
    .map((x) => x.g)
    .sort((a, b) => a - b);
  const pitch = gaps.length >= 2 ? gaps[Math.floor(gaps.length / 4)]! : Infinity;
  const wrapMax = (size: number) => (Number.isFinite(pitch) ? Math.min(2.3 * size, 0.9 * pitch) : 1.6 * size);
  // Header lines reach into the numbers' columns: they are never fragments.
  const deep = (a: Cell, b: Cell) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.3 * Math.min(a.size, b.size);
  const hard = (l: Line) => {
    const around = dataLines.filter((d) => Math.abs(d.y - l.y) <= 3.2 * Math.max(d.size, l.size));
    return l.cells.some((c) => around.some((d) => d.cells.some((n) => n.numeric && deep(c, n))));
  };
  const similar = (a: number, b: number) => Math.abs(a - b) <= 0.2 * Math.max(a, b);
  // Each fragment (a text cell on a line without numbers) goes to the nearer
  // of the numbers rows just above and below it: to one whose label column is
  // free (numbers at the mid-line of a wrapped cell, group labels), or whose
  // own label it continues (closer than a row pitch).
  const attached = new Map<Line, Cell[]>();
  const used = new Set<Cell>();
  const isHard = lines.map((l) => !l.data && hard(l));
  lines.forEach((l, li) => {
    if (l.data || !near(l) || isHard[li]) return;
    for (const c of l.cells) {
      let best: Line | null = null;
      let bestDist = Infinity;
      for (const dir of [-1, 1]) {
        for (let j = li + dir; j >= 0 && j < lines.length; j += dir) {
          const d = lines[j]!;
          if (isHard[j]) break;
          if (!d.data) continue;
          const dist = Math.abs(d.y - c.y);
          const own = d.cells.filter((o) => !o.numeric && overlaps(o, c));
          const ok = own.length
            ? // above its row's own label only inside a table whose row pitch is known
              (dir === -1 || Number.isFinite(pitch)) && own.some((o) => similar(o.size, c.size) && Math.abs(o.y - c.y) <= wrapMax(c.size))
            : similar(c.size, Math.min(...d.cells.map((o) => o.size))) && dist <= Math.max(1.6 * c.size, wrapMax(c.size));
          if (ok && dist < bestDist) {
            best = d;
            bestDist = dist;
          }
          break; // only the nearest numbers row on each side
        }
      }
      if (best) {
        attached.set(best, [...(attached.get(best) ?? []), c]);
        used.add(c);
      }
    }
  });
  // only inside a table whose row pitch is known (a title above a lone row is no wrapped label)
  if (Number.isFinite(pitch)) chainFragments(lines, isHard, attached, used, wrapMax, near);
  const out: OutLine[] = [];
  emit(lines, attached, used, out);
  return alignColumns(out);
}

/**
 * A label wrapped over four lines beside a one-line row of numbers (or a group
 * label wrapped beside it: （六） / 其他处 / 理) has lines too far from the
 * numbers to be attached by distance. A fragment standing in the same column
 * (same left edge) one wrapped line's distance from a cell already in a row —
 * its own label or an attached fragment — with no row of numbers between
 * them, continues that cell: it joins the row too, the nearest first, until
 * no fragment is left that continues one.
 */
function chainFragments(
  lines: Line[],
  isHard: boolean[],
  attached: Map<Line, Cell[]>,
  used: Set<Cell>,
  wrapMax: (size: number) => number,
  near: (l: Line) => boolean,
): void {
  // each fragment line's nearest rows of numbers above and below (a fragment never reaches past them)
  const rowsBeside = lines.map((_, li) => {
    const out: Line[] = [];
    for (const dir of [-1, 1]) {
      for (let j = li + dir; j >= 0 && j < lines.length; j += dir) {
        if (isHard[j]) break;
        if (lines[j]!.data) {
          out.push(lines[j]!);
          break;
        }
      }
    }
    return out;
  });
  for (let pass = 0; pass < MAX_CHAIN; pass++) {
    const add: [Line, Cell][] = [];
    lines.forEach((l, li) => {
      if (l.data || isHard[li] || !near(l)) return;
      for (const c of l.cells) {
        if (used.has(c)) continue;
        let best: Line | null = null;
        let bestDist = Infinity;
        for (const row of rowsBeside[li]!) {
          for (const o of [...row.cells.filter((x) => !x.numeric && !x.money), ...(attached.get(row) ?? [])]) {
            const dist = Math.abs(o.y - c.y);
            if (Math.abs(o.x0 - c.x0) > 0.5 * c.size || Math.abs(o.size - c.size) > 0.2 * c.size || dist > wrapMax(c.size)) continue;
            if (dist < bestDist) {
              best = row;
              bestDist = dist;
            }
          }
        }
        if (best) add.push([best, c]);
      }
    });
    if (!add.length) return;
    for (const [row, c] of add) {
      attached.set(row, [...(attached.get(row) ?? []), c]);
      used.add(c);
    }
  }
}
/** Lines of one wrapped cell followed from the row outwards. */
const MAX_CHAIN = 6;

function emit(lines: Line[], attached: Map<Line, Cell[]>, used: Set<Cell>, out: OutLine[]): void {
  for (const l of lines) {
    if (l.data) {
      // own cells plus attached blocks; overlapping ones form one cell, top to bottom
      const groups: Cell[][] = l.cells.map((c) => [c]);
      for (const f of attached.get(l) ?? []) {
        const g = groups.find((gr) => gr.some((c) => !c.numeric && overlaps(c, f)));
        if (g) g.push(f);
        else groups.push([f]);
      }
      const cells = groups
        .map((g) => g.sort((a, b) => a.y - b.y || a.x0 - b.x0))
        .sort((a, b) => Math.min(...a.map((c) => c.x0)) - Math.min(...b.map((c) => c.x0)))
        .map((g) => g.flatMap((c) => c.runs));
      out.push({ y: l.y, size: l.size, cells });
    } else {
      const cells = l.cells.filter((c) => !used.has(c)).map((c) => c.runs);
      if (cells.length) out.push({ y: l.y, size: l.size, cells });
    }
  }
}

const span = (cell: Run[]) => ({ x0: Math.min(...cell.map((r) => r.x)), x1: Math.max(...cell.map((r) => r.x + r.width)) });

/**
 * A blank cell leaves no glyph, so a row with a blank prints fewer numbers
 * than its neighbours. Within a run of number rows, find the number columns
 * (x-ranges shared by most rows) and give a row that misses one an empty
 * cell there — blank stays blank instead of shifting the numbers after it.
 * Rows whose numbers do not map one-to-one onto the columns are left alone.
 */
export function alignColumns(lines: OutLine[]): OutLine[] {
  const isNum = (c: Run[]) => c.length > 0 && NUMERIC.test(cellString(c));
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.cells.some(isNum)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.cells.some(isNum)) j++;
    const seg = lines.slice(i, j);
    i = j;
    if (seg.length < 3) continue;
    // columns: from the rows with the most numbers
    const counts = seg.map((l) => l.cells.filter(isNum).length);
    const k = Math.max(...counts);
    const full = seg.filter((_, n) => counts[n] === k);
    if (k < 2 || full.length < Math.max(2, seg.length / 2)) continue;
    const cols = Array.from({ length: k }, (_, c) => {
      const spans = full.map((l) => span(l.cells.filter(isNum)[c]!));
      return { x0: Math.min(...spans.map((s) => s.x0)), x1: Math.max(...spans.map((s) => s.x1)) };
    });
    if (cols.some((c, n) => n > 0 && c.x0 < cols[n - 1]!.x1)) continue; // columns overlap: no clear grid
    for (const l of seg) {
      const nums = l.cells.filter(isNum);
      if (nums.length === k || nums.length === 0) continue;
      const at = nums.map((c) => {
        const s = span(c);
        const hit = cols.map((col, n) => (Math.min(s.x1, col.x1) - Math.max(s.x0, col.x0) > 0 ? n : -1)).filter((n) => n >= 0);
        return hit.length === 1 ? hit[0]! : -1;
      });
      if (at.some((n) => n < 0) || at.some((n, m) => m > 0 && n <= at[m - 1]!)) continue;
      const firstNum = l.cells.findIndex(isNum);
      const lead = l.cells.slice(0, firstNum);
      const after = l.cells.slice(firstNum).filter((c) => !isNum(c));
      if (after.length) continue; // text among the numbers: leave the row as printed
      const row: Run[][] = cols.map(() => []);
      nums.forEach((c, m) => {
        row[at[m]!] = c;
      });
      l.cells = [...lead, ...row];
    }
  }
  return lines;
}

/** Text of a cell's runs, CJK fragments glued, others spaced. */
export function cellString(runs: Run[]): string {
  let s = '';
  let prev: Run | null = null;
  for (const r of runs) {
    if (!prev) s = r.str;
    else if (Math.abs(r.y - prev.y) > 0.5 * r.size) s = joinFragments(s, r.str);
    else s = r.x - (prev.x + prev.width) > 0.25 * r.size && !CJK.test(s[s.length - 1]!) && !CJK.test(r.str[0]!) ? s + ' ' + r.str : s + r.str;
    prev = r;
  }
  return s;
}

/**
 * A report title set in large type over two or three lines (淮安市人民政府 /
 * 2024年政府信息公开工作年度报告) is one title: join the leading lines of the
 * first page that are clearly larger than the body text and close together.
 */
export function joinTitle(lines: OutLine[]): OutLine[] {
  if (lines.length < 3) return lines;
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  let n = 0;
  while (
    n < Math.min(3, lines.length) &&
    lines[n]!.cells.length === 1 &&
    lines[n]!.size >= 1.15 * body &&
    (n === 0 || (lines[n]!.y - lines[n - 1]!.y <= 2.2 * lines[n]!.size && Math.abs(lines[n]!.size - lines[n - 1]!.size) <= 0.15 * lines[n]!.size))
  )
    n++;
  if (n < 2) return lines;
  const merged: OutLine = { y: lines[0]!.y, size: lines[0]!.size, cells: [lines.slice(0, n).flatMap((l) => l.cells[0]!)] };
  return [merged, ...lines.slice(n)];
}

const CHROME = /^[-–—\s]*(第\s*)?\d{1,3}(\s*页)?(\s*[/共]\s*\d+\s*页?)?[-–—\s]*$/;
const lineText = (l: OutLine) => l.cells.map(cellString).join('');
const isNumber = (cell: Run[]) => NUMERIC.test(cellString(cell));

/**
 * A table row broken over a page: the tail of its wrapped label (禁止公开)
 * opens the next page above the next row. Move such lines back into the
 * label cell of the previous page's last row.
 */
export function joinAcrossPages(pages: { lines: OutLine[] }[]): void {
  for (let i = 1; i < pages.length; i++) {
    const prev = pages[i - 1]!.lines.filter((l) => !CHROME.test(lineText(l)));
    const last = prev[prev.length - 1];
    if (!last || !last.cells.some(isNumber)) continue;
    // the row's own label: the text cell right before its numbers (group labels sit further left)
    const firstNum = last.cells.findIndex(isNumber);
    const label = firstNum > 0 ? last.cells[firstNum - 1] : undefined;
    if (!label) continue;
    const lx0 = Math.min(...label.map((r) => r.x));
    const lx1 = Math.max(...label.map((r) => r.x + r.width));
    const lines = pages[i]!.lines;
    let k = 0;
    while (k < lines.length && CHROME.test(lineText(lines[k]!))) k++;
    const take: number[] = [];
    for (let j = k; j < lines.length && take.length < 2; j++) {
      const l = lines[j]!;
      const runs = l.cells[0]!;
      const x0 = Math.min(...runs.map((r) => r.x));
      const x1 = Math.max(...runs.map((r) => r.x + r.width));
      if (l.cells.length !== 1 || isNumber(runs) || x0 < lx0 - 2 || x1 > lx1 + 2 || Math.abs(l.size - last.size) > 0.2 * last.size) break;
      take.push(j);
    }
    // only when the table goes on right after them
    const next = lines[(take[take.length - 1] ?? -1) + 1];
    if (!take.length || !next || !next.cells.some(isNumber)) continue;
    for (const j of take) label.push(...lines[j]!.cells[0]!);
    pages[i]!.lines = lines.filter((_, j) => !take.includes(j));
  }
}

/**
 * Write laid-out lines to the builder: one line per row, '\t' between cells,
 * each run's span mapped to its spot on the page (and reported to `onRun`,
 * which OCR uses to keep each span's confidence).
 */
export function writeLines(
  b: TextBuilder,
  lines: OutLine[],
  page: number,
  onRun?: (r: Run, start: number, end: number) => void,
  onCell?: (line: OutLine, index: number, start: number, end: number) => void,
): void {
  for (const line of lines) {
    b.newline();
    line.cells.forEach((cell, i) => {
      if (i > 0) b.append('\t');
      const text = cellText(cellString(cell));
      const pos0 = b.length;
      b.append(text);
      onCell?.(line, i, pos0, b.length);
      let o = pos0;
      for (const r of cell) {
        const str = r.str.replace(/\s+/g, ' ').trim();
        const k = text.indexOf(str, o - pos0);
        if (k < 0) continue;
        const s = pos0 + k;
        b.positions.push({ start: s, end: s + str.length, position: { page: r.page ?? page, x: r.x, y: r.y - r.size, width: r.width, height: r.size } });
        onRun?.(r, s, s + str.length);
        o = s + str.length;
      }
    });
  }
}
