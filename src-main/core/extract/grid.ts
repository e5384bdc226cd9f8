// Grid first: the three tables read from the real cell grids of Word, HTML
// and spreadsheets (ReportDocument.grids), where merged headers, blank cells
// and column positions survive. Columns are found by their header cells (the
// catalogue's ColumnDef.variants, the 申请人情况 / 法人或其他组织 groups,
// 行政复议 / 未经复议直接起诉 / 复议后起诉 over table 四), rows by their label
// cells (the catalogue's keys, most specific cell first). An empty cell is a
// blank (null as printed); a covered cell (a merge's shadow) where a number
// belongs, or text that is no number, is a doubt. The text reading stays as
// the cross-check (extract/index.ts).
import { REQUEST_COLUMNS, APPEALS_COLUMNS, TEMPLATES, type ColumnDef, type RowDef, type TemplateId } from '../catalogue/index.js';
import type { Grid, GridCell } from '../model.js';
import { compact, normalize } from '../normalize/index.js';
import { labelKey, matchAppealsRow, matchRow, rowOf } from './labels.js';
import { parseValues, type ParsedValue } from './values.js';

export type GridVal = { kind: 'num'; v: ParsedValue; cell: GridCell } | { kind: 'blank'; cell: GridCell } | { kind: 'bad'; cell: GridCell; why: string };

export interface GridRow {
  row: RowDef;
  /** One per column of the row, in catalogue order; null where the grid has no such column. */
  vals: (GridVal | null)[];
}

const KEYS = new Map<string, string>();
/** A cell's text in key form (simplified, compact, no list punctuation). */
function key(s: string): string {
  let k = KEYS.get(s);
  if (k === undefined) {
    k = labelKey(compact(normalize(s).text));
    if (KEYS.size > 5000) KEYS.clear();
    KEYS.set(s, k);
  }
  return k;
}

const TEXT = new Map<string, string>();
/** A cell's text normalised (full-width folded, simplified); ASCII cells (most numbers) skip the normaliser. Cached by text. */
function norm(cell: GridCell): string {
  const s = cell.text;
  let t = TEXT.get(s);
  if (t === undefined) {
    t = (/^[\x00-\x7f]*$/.test(s) ? s : normalize(s).text).replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    if (TEXT.size > 5000) TEXT.clear();
    TEXT.set(s, t);
  }
  return t;
}

const VARIANTS = new WeakMap<ColumnDef, string[]>();
/** The catalogue's header variants of a column, in key form. */
function variantKeys(c: ColumnDef): string[] {
  let v = VARIANTS.get(c);
  if (!v) VARIANTS.set(c, (v = c.variants.map((x) => labelKey(compact(x)))));
  return v;
}

function columnOf(k: string, cols: ColumnDef[]): ColumnDef | null {
  if (!k) return null;
  for (const c of cols) if (variantKeys(c).includes(k)) return c;
  for (const c of cols) if (variantKeys(c).some((v) => v.length >= 4 && k.startsWith(v))) return c;
  return null;
}

function valOf(cell: GridCell): GridVal {
  if (cell.covered) return { kind: 'bad', cell, why: 'a merged cell where a number belongs' };
  if (cell.missing) return { kind: 'bad', cell, why: 'the row has no cell here (fewer cells than the table has columns: one lost?)' };
  const t = norm(cell);
  if (!t) return { kind: 'blank', cell };
  const vs = parseValues(t);
  if (vs && vs.length === 1) return { kind: 'num', v: vs[0]!, cell };
  return { kind: 'bad', cell, why: `"${t.slice(0, 20)}" is not one number` };
}

const NUMERIC = new Map<string, boolean>();
/** A cell holding one or more numbers (a merge's shadow never does). Cached by text. */
function isNumCell(c: GridCell): boolean {
  if (c.covered) return false;
  let b = NUMERIC.get(c.text);
  if (b === undefined) {
    const t = norm(c);
    b = t !== '' && parseValues(t) !== null;
    if (NUMERIC.size > 5000) NUMERIC.clear();
    NUMERIC.set(c.text, b);
  }
  return b;
}

/** A label cell this long that names no row stops the search for the row's label (see labelRow). */
const OWN_LABEL = 6;

/** The row a data row's label cells name (right to left: the most specific first), in the template. */
function labelRow(cells: GridCell[], template: TemplateId, appeals: boolean): RowDef | null {
  const find = (k: string) => {
    const id = appeals ? matchAppealsRow(k) : matchRow(k);
    return id ? (rowOf(template, id) ?? null) : null;
  };
  for (let i = cells.length - 1; i >= 0; i--) {
    const k = key(cells[i]!.text);
    const r = find(k);
    if (r) return r;
    // a label that names no row (the tail of one wrapped over a page): a group label further left is not this row's
    if (k.length >= OWN_LABEL) return null;
  }
  const joined = [...new Set(cells.map((c) => c.text))].map(key).join('');
  return find(joined);
}

/** Read tables 二, 三 and 四 from the grids; rows seen twice with different numbers are dropped (another table). */
export function readGrids(grids: Grid[], template: TemplateId): Map<string, GridRow> {
  const out = new Map<string, GridRow>();
  const twice = new Set<string>();
  const put = (g: GridRow) => {
    const prev = out.get(g.row.id);
    const sig = (x: GridRow) => x.vals.map((v) => (v?.kind === 'num' ? v.v.value : (v?.kind ?? '-'))).join('|');
    if (prev && sig(prev) !== sig(g)) twice.add(g.row.id);
    if (!prev) out.set(g.row.id, g);
  };
  for (const grid of grids) {
    readRequests(grid, template).forEach(put);
    readActive(grid, template).forEach(put);
    readAppeals(grid).forEach(put);
  }
  for (const id of twice) out.delete(id);
  return out;
}

function readRequests(grid: Grid, template: TemplateId): GridRow[] {
  const out: GridRow[] = [];
  const colAt = new Map<number, ColumnDef>();
  // where each of REQUEST_COLUMNS stands (its first place in colAt), worked out again after colAt changes
  let places: (number | undefined)[] | null = null;
  const placesNow = () =>
    (places ??= REQUEST_COLUMNS.map((c) => {
      for (const [j, d] of colAt) if (d.id === c.id) return j;
      return undefined;
    }));
  let first = -1;
  for (const row of grid.rows) {
    if (row.some(isNumCell)) {
      if (colAt.size < REQUEST_COLUMNS.length) continue;
      if (first < 0) first = Math.min(...colAt.keys());
      const r = labelRow(row.slice(0, first), template, false);
      if (!r || r.table !== 'requests') continue;
      const vals = placesNow().map((j) => {
        const cell = j === undefined ? undefined : row[j];
        return cell ? valOf(cell) : null;
      });
      out.push({ row: r, vals });
      continue;
    }
    // a header row: its cells name columns (the bottom-most name wins, merged ones included)
    const found = new Map<number, ColumnDef>();
    row.forEach((cell, j) => {
      const c = columnOf(key(cell.text), REQUEST_COLUMNS);
      if (c) found.set(j, c);
    });
    if (found.size >= 3) {
      const named = new Set([...found.values()].map((c) => c.id));
      for (const [j, c] of [...colAt]) if (named.has(c.id) && !found.has(j)) colAt.delete(j);
      for (const [j, c] of found) colAt.set(j, c);
      places = null;
      first = -1;
    } else if (found.size === 0 && colAt.size === REQUEST_COLUMNS.length) {
      // a labelled row with every cell empty (（六）其他处理 over its 2021 sub-rows): blanks, as printed
      if (first < 0) first = Math.min(...colAt.keys());
      const cells = placesNow().map((j) => (j === undefined ? undefined : row[j]));
      if (!cells.every((c) => c && !c.covered && !c.missing && norm(c) === '')) continue;
      const r = labelRow(row.slice(0, first), template, false);
      if (r && r.table === 'requests') out.push({ row: r, vals: cells.map((c) => ({ kind: 'blank' as const, cell: c! })) });
    }
  }
  // all seven columns, each at one place, or nothing (the text reading stays)
  const ids = new Set([...colAt.values()].map((c) => c.id));
  if (ids.size !== REQUEST_COLUMNS.length || colAt.size !== REQUEST_COLUMNS.length) return [];
  return out;
}

function readActive(grid: Grid, template: TemplateId): GridRow[] {
  const out: GridRow[] = [];
  let header: GridCell[] | null = null;
  for (const row of grid.rows) {
    const nums = row.some(isNumCell);
    if (!nums) {
      if (row.some((c) => columnOf(key(c.text), ACTIVE_COLUMNS[template]) !== null)) header = row;
    }
    // the label: the first cell naming an active row
    let at = -1;
    let r: RowDef | null = null;
    for (let i = 0; i < row.length && !r; i++) {
      if (isNumCell(row[i]!)) break;
      const id = matchRow(key(row[i]!.text));
      const d = id ? rowOf(template, id) : undefined;
      if (d && d.table === 'active') {
        r = d;
        at = i;
      }
    }
    if (!r) continue;
    const vals: (GridVal | null)[] = r.columns.map((c) => {
      if (header) {
        const j = header.findIndex((h, k) => k > at && !h.covered && columnOf(key(h.text), [c]));
        if (j >= 0 && row[j]) return valOf(row[j]!);
      }
      return null;
    });
    if (vals.some((v) => v === null)) {
      // no header naming the columns: the cells after the label, in order (merge shadows skipped)
      const cells = row.slice(at + 1).filter((c) => !c.covered && c !== row[at]);
      if (cells.length < r.columns.length) continue;
      r.columns.forEach((_, k) => (vals[k] = valOf(cells[k]!)));
      // anything but blanks beyond the row's columns: not this row's layout
      if (cells.slice(r.columns.length).some((c) => norm(c) !== '')) continue;
    }
    out.push({ row: r, vals });
  }
  return out;
}

const ACTIVE_COLUMNS: Record<TemplateId, ColumnDef[]> = {
  '2019': [...new Map(TEMPLATES['2019'].rows.filter((r) => r.table === 'active').flatMap((r) => r.columns.map((c) => [c.id, c] as const))).values()],
  '2021': [...new Map(TEMPLATES['2021'].rows.filter((r) => r.table === 'active').flatMap((r) => r.columns.map((c) => [c.id, c] as const))).values()],
};

const APPEALS_ROWS = TEMPLATES['2021'].rows.filter((r) => r.table === 'review');
/** The groups as a column's header names them: 诉讼's two (more specific) before 行政复议. */
const GROUP_ORDER = [...APPEALS_ROWS.filter((r) => r.group), ...APPEALS_ROWS.filter((r) => !r.group)];

/**
 * Table 四: the outcome header row (15 names) and, above it, the group each
 * column sits under. Word and HTML merge a group's cell over its columns; a
 * PDF prints the group's words where its cell began (left-aligned) or in its
 * middle, over one or two of them. So the outcome names are cut into runs (a
 * run ends where a name comes again: 维持 … 总计 | 维持 … 总计 | …), and each
 * run takes the group whose header cell stands over it — one group a run, one
 * run a group, or no reading.
 */
function readAppeals(grid: Grid): GridRow[] {
  const rows = grid.rows;
  for (let h = 0; h < rows.length; h++) {
    if (rows[h]!.length < APPEALS_COLUMNS.length * APPEALS_ROWS.length) continue; // too few cells to name them all
    const outcomes = rows[h]!.map((c) => columnOf(key(c.text), APPEALS_COLUMNS));
    if (outcomes.filter(Boolean).length < APPEALS_COLUMNS.length * APPEALS_ROWS.length) continue;
    const runs: number[][] = [];
    outcomes.forEach((c, j) => {
      if (!c) return;
      const cur = runs[runs.length - 1];
      if (cur && !cur.some((i) => outcomes[i] === c)) cur.push(j);
      else runs.push([j]);
    });
    if (runs.length !== APPEALS_ROWS.length || runs.some((r) => r.length !== APPEALS_COLUMNS.length)) return [];
    // each run's group: the most specific group named by a header cell whose middle column falls in the run
    const above = rows.slice(0, h);
    const groupOf = runs.map((run) => {
      const [lo, hi] = [run[0]!, run[run.length - 1]!];
      const named = new Set<string>();
      for (const r of above)
        r.forEach((cell, j) => {
          if (cell.covered || !cell.text) return;
          const mid = j + Math.floor(((cell.colSpan ?? 1) - 1) / 2);
          if (mid < lo || mid > hi) return;
          const k = key(cell.text);
          const g = GROUP_ORDER.find((gr) => gr.keys.some((x) => k.includes(labelKey(x))));
          if (g) named.add(g.id);
        });
      return GROUP_ORDER.find((g) => named.has(g.id))?.id ?? null;
    });
    if (groupOf.some((g) => !g) || new Set(groupOf).size !== APPEALS_ROWS.length) return [];
    const place = new Map<string, number>();
    runs.forEach((run, k) => run.forEach((j) => place.set(`${groupOf[k]}.${outcomes[j]!.id}`, j)));
    if (place.size !== APPEALS_COLUMNS.length * APPEALS_ROWS.length) return [];
    const data = rows.slice(h + 1).find((r) => r.filter(isNumCell).length >= 10);
    if (!data) return [];
    return APPEALS_ROWS.map((r) => ({ row: r, vals: APPEALS_COLUMNS.map((c) => valOf(data[place.get(`${r.id}.${c.id}`)!]!)) }));
  }
  return [];
}
