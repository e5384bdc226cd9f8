// Crawler pages whose tables lost every separator: the whole report on one
// line, each row's label followed by its cells' digits run together and
// straight into the next label (`1.属于国家秘密00000002.其他法律…`,
// `291000030`, `2600000 26`). Read only when the cell reading found no
// table (see extract/index.ts).
//
// Labels are found in template order (the catalogue's keys, after the table's
// numbered heading); the digits between a label and the next are the row's
// cells, a space being a real cell boundary. A row's digits are split into
// its columns without leading zeros; a split is kept only when it is the only
// one at all, or the only one the rules allow: R3 on each row of table 三,
// then R1 and R2 over the whole table for rows R3 leaves open, R4 per group
// of table 四. Anything else stays null with a flag (never a guess).
import { fieldById, APPEALS_COLUMNS, rowSum, tableDef, TEMPLATES, type RowDef, type RuleCheck, type TableId, type TemplateId } from '../catalogue/index.js';
import { labelKey } from './labels.js';
import type { RowRead, Slot } from './rows.js';
import type { ValueTok } from './tokens.js';

/** A number within a row's run: its text and where it sits in the normalised text. */
interface Chunk {
  text: string;
  start: number;
}
interface Part {
  value: number;
  start: number;
  end: number;
}
type Check = (v: number[]) => boolean;

const W = APPEALS_COLUMNS.length; // table 四: columns per group
/** Longest cell (digits) a split may make: counts are capped at 1e9. */
const MAX_DIGITS = 10;
/** At most this many splits per row are looked at; more is "ambiguous". */
const LIMIT = 64;

/** The text in compact (key) form with a map back to text offsets. */
function squeezeMap(text: string, from: number, to: number): { sq: string; map: number[] } {
  let sq = '';
  const map: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    const k = labelKey(ch);
    if (!k) continue;
    sq += k;
    map.push(i);
  }
  return { sq, map };
}

function heading(sq: string, table: TableId, from: number): number {
  const def = tableDef(table);
  let best = -1;
  for (const key of def.headingKeys) {
    let at = sq.indexOf(key, from);
    while (at >= 0 && sq[at - 1] !== def.numeral) at = sq.indexOf(key, at + 1);
    if (at >= 0 && (best < 0 || at < best)) best = at - 1;
  }
  return best;
}

interface Found {
  row: RowDef;
  at: number; // sq index of the key
  end: number; // sq index after the key
}

/** Each row's label, in template order, between `from` and `to` (sq offsets). */
function findLabels(sq: string, rows: RowDef[], from: number, to: number): Found[] {
  const out: Found[] = [];
  let cur = from;
  for (const row of rows) {
    let at = -1;
    let len = 0;
    for (const raw of row.keys) {
      const key = labelKey(raw);
      const i = sq.indexOf(key, cur);
      if (i < 0 || i + key.length > to) continue;
      if (at < 0 || i < at || (i === at && key.length > len)) {
        at = i;
        len = key.length;
      }
    }
    if (at < 0) continue;
    out.push({ row, at, end: at + len });
    cur = at + len;
  }
  return out;
}

const NUMBERING_END = /(?:[1-9][.．、]|[(（][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．])\s*$/;

/**
 * The cells of one row from the text between its label and the next:
 * numbers separated by spaces, a unit, then words. null when the numbers
 * run on into a percentage or a stray point (prose, not cells).
 */
function cellsOf(text: string, s: number, e: number): { chunks: Chunk[]; unit: 'yuan' | 'wan' | null } | null {
  let run = text.slice(s, e);
  const numbering = NUMBERING_END.exec(run);
  if (numbering) run = run.slice(0, numbering.index);
  const lead = /^[\s)）"”'’]*/.exec(run)![0].length;
  const m = /^(?:\d+(?:\.\d+)?(?:[ \u3000\u00a0]+(?=\d))?)*/.exec(run.slice(lead))![0];
  const rest = run.slice(lead + m.length);
  let unit: 'yuan' | 'wan' | null = null;
  const u = /^[ ]*(万元|元)/.exec(rest);
  if (u) unit = u[1] === '万元' ? 'wan' : 'yuan';
  const after = u ? rest.slice(u[0].length) : rest;
  if (/^[ ]*[%％.．]/.test(after)) return null;
  const chunks: Chunk[] = [];
  const re = /\d+(?:\.\d+)?/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m))) chunks.push({ text: x[0], start: s + lead + x.index });
  return { chunks, unit };
}

/**
 * Every split of the chunks into n numbers (a chunk into one or more; no
 * number with a leading zero; a decimal stays whole) that passes `check`,
 * up to `limit`; `all` counts splits before the check.
 */
export function splitChunks(chunks: Chunk[], n: number, check: Check | null, limit = LIMIT): { sols: Part[][]; all: number } {
  const sols: Part[][] = [];
  const parts: Part[] = [];
  let all = 0;
  let budget = 200_000;
  const rec = (ci: number, pos: number) => {
    if (sols.length >= limit || budget-- <= 0) return;
    if (ci === chunks.length) {
      if (parts.length !== n) return;
      all++;
      if (!check || check(parts.map((p) => p.value))) sols.push([...parts]);
      return;
    }
    const c = chunks[ci]!;
    const left = n - parts.length;
    if (left <= 0) return;
    if (c.text.includes('.')) {
      parts.push({ value: Number(c.text), start: c.start, end: c.start + c.text.length });
      rec(ci + 1, 0);
      parts.pop();
      return;
    }
    const rem = c.text.length - pos;
    for (let len = 1; len <= Math.min(rem, MAX_DIGITS); len++) {
      if (len > 1 && c.text[pos] === '0') break;
      parts.push({ value: Number(c.text.slice(pos, pos + len)), start: c.start + pos, end: c.start + pos + len });
      if (len === rem) rec(ci + 1, 0);
      else rec(ci, pos + len);
      parts.pop();
    }
  };
  rec(0, 0);
  return { sols, all: Math.max(all, sols.length) };
}

const APPEALS_ROWS = TEMPLATES['2021'].rows.filter((r) => r.table === 'review');
/** R4 on each group of table 四's 15 cells (the catalogue's rule per group). */
const R4: Check = (v) => APPEALS_ROWS.every((r, g) => rowSum(r)!.holds(v.slice(g * W, g * W + W)));

function slotsOf(parts: Part[], unit: 'yuan' | 'wan' | null, confidence: number): Slot[] {
  return parts.map((p) => {
    const tok: ValueTok = {
      kind: 'value',
      start: p.start,
      end: p.end,
      line: 0,
      v: { value: p.value, unit, start: 0, end: p.end - p.start, digits: String(p.value) },
    };
    return { tok, value: p.value, confidence };
  });
}

interface RowCands {
  row: RowDef;
  chunks: Chunk[];
  unit: 'yuan' | 'wan' | null;
  sols: Part[][];
  all: number;
}

/**
 * Read tables 二, 三 and 四 of a glued page. Returns null when the page does
 * not look like one (no numbered table heading with row labels after it).
 */
export function readGlued(text: string, template: TemplateId): Map<string, RowRead> | null {
  const { sq, map } = squeezeMap(text, 0, text.length);
  const toText = (i: number) => (i < map.length ? map[i]! : text.length);
  const hActive = heading(sq, 'active', 0);
  const hRequests = heading(sq, 'requests', Math.max(hActive, 0));
  if (hRequests < 0) return null;
  const hAppeals = heading(sq, 'review', hRequests);
  let hEnd = sq.indexOf('五存在的主要问题', Math.max(hAppeals, hRequests));
  if (hEnd < 0) hEnd = sq.indexOf('存在的主要问题', Math.max(hAppeals, hRequests));
  const endOfAppeals = hEnd >= 0 ? hEnd : sq.length;
  const endOfRequests = hAppeals >= 0 ? hAppeals : endOfAppeals;
  const rows = TEMPLATES[template].rows;
  const labels = [
    ...(hActive >= 0
      ? findLabels(
          sq,
          rows.filter((r) => r.table === 'active'),
          hActive,
          hRequests,
        )
      : []),
    ...findLabels(
      sq,
      rows.filter((r) => r.table === 'requests'),
      hRequests,
      endOfRequests,
    ),
  ];
  if (labels.length < 3) return null;
  const out = new Map<string, RowRead>();
  const cands: RowCands[] = [];
  labels.forEach((f, i) => {
    const stop = i + 1 < labels.length && labels[i + 1]!.row.table === f.row.table ? labels[i + 1]!.at : f.row.table === 'active' ? hRequests : endOfRequests;
    const s = toText(f.end - 1) + 1;
    const e = toText(stop);
    const label = { kind: 'text' as const, start: toText(f.at), end: s, text: text.slice(toText(f.at), s), key: sq.slice(f.at, f.end), line: 0 };
    const base = { row: f.row, label, found: 0 };
    const cells = cellsOf(text, s, e);
    if (!cells) {
      out.set(f.row.id, { ...base, slots: null, status: 'ambiguous', message: 'numbers among the words after its label (not a glued row)' });
      return;
    }
    const n = f.row.columns.length;
    const digits = cells.chunks.map((c) => c.text).join(' ');
    if (cells.chunks.length === 0) {
      // a doubt about the layout, not only a short row: where labels follow their numbers (`447228行政许可`,
      // text from a PDF turned into Word), each label but the last finds none, and two such rows taint the table
      out.set(f.row.id, { ...base, slots: null, status: 'ambiguous', message: 'no cells after its label (its numbers may be printed before it)' });
      return;
    }
    const found = cells.chunks.length;
    const any = splitChunks(cells.chunks, n, null, 2);
    if (any.sols.length === 1) {
      // the only split there is (one digit a cell, or forced by leading zeros): read as printed, the rules judge it
      out.set(f.row.id, { ...base, found, slots: slotsOf(any.sols[0]!, cells.unit, 1), status: 'ok' });
      return;
    }
    const { sols, all } = splitChunks(cells.chunks, n, rowSum(f.row)?.holds ?? null);
    if (sols.length === 0) {
      out.set(f.row.id, {
        ...base,
        found,
        slots: null,
        status: all === 0 ? 'incomplete' : 'ambiguous',
        message: `cells glued together as "${digits}": ${all === 0 ? `too few digits for ${n} cells` : 'no split adds up'}`,
      });
    } else {
      cands.push({ row: f.row, chunks: cells.chunks, unit: cells.unit, sols, all });
      out.set(f.row.id, {
        ...base,
        found,
        slots: null,
        status: 'ambiguous',
        message: `cells glued together as "${digits}": ${sols.length} splits${f.row.table === 'requests' ? ' add up' : ' and no rule to choose'}`,
      });
    }
  });
  for (const c of cands) {
    const r = out.get(c.row.id)!;
    if (r.status !== 'ambiguous' || c.sols.length !== 1) continue;
    r.slots = slotsOf(c.sols[0]!, c.unit, 0.6);
    r.status = 'glued';
    r.message = `cells glued together as "${c.chunks.map((x) => x.text).join(' ')}"; split the only way R3 allows`;
  }
  settleByTable(out, cands, template);
  readAppealsGlued(text, sq, toText, hAppeals, endOfAppeals, out);
  return out;
}

/** The template's rules across rows of table 三 (R1, R2), with each field as row id and column position. */
interface TableRule {
  check: RuleCheck;
  left: { row: string; col: number }[];
  right: { row: string; col: number }[];
}
const TABLE_RULES = Object.fromEntries(
  Object.values(TEMPLATES).map((t) => {
    const at = (id: string) => {
      const f = fieldById(id)!;
      return { row: f.row.id, col: f.row.columns.indexOf(f.column) };
    };
    const rules = t.checks.filter((c) => !rowSum(fieldById(c.left[0]!)!.row.id) || c.right.some((id) => at(id).row !== at(c.left[0]!).row));
    return [t.id, rules.filter((c) => fieldById(c.left[0]!)!.table === 'requests').map((c) => ({ check: c, left: c.left.map(at), right: c.right.map(at) }))];
  }),
) as Record<TemplateId, TableRule[]>;

/** Rows of table 三 with several R3 splits: the combination R1 and R2 allow, when it is one. */
function settleByTable(out: Map<string, RowRead>, cands: RowCands[], template: TemplateId): void {
  const open = cands.filter((c) => c.row.table === 'requests' && c.sols.length > 1);
  if (open.length === 0) return;
  let combos = 1;
  for (const c of open) combos *= c.sols.length;
  if (combos > 20_000) return;
  // null: a row the page does not have (or a heading with no cells); undefined: a row whose numbers are unknown
  const value = (rowId: string, col: number, pick: number[]): number | null | undefined => {
    const k = open.findIndex((c) => c.row.id === rowId);
    if (k >= 0) return open[k]!.sols[pick[k]!]![col]!.value;
    const r = out.get(rowId);
    if (!r || (!r.slots && r.found === 0)) return null;
    if (!r.slots) return undefined;
    return r.slots[col]!.value;
  };
  // A rule with one total on its left (R2: total = the outcome rows) counts a row the page lacks as 0;
  // one with several (R1) needs every cell. A cell whose numbers are unknown leaves the rule open.
  const holds = (pick: number[]): boolean => {
    for (const r of TABLE_RULES[template]) {
      const sum = (side: { row: string; col: number }[], absentIsZero: boolean): number | null | undefined => {
        let s = 0;
        for (const x of side) {
          const v = value(x.row, x.col, pick);
          if (v === undefined) return undefined;
          if (v === null) {
            if (!absentIsZero) return null;
          } else s += v;
        }
        return s;
      };
      const sum1 = r.left.length === 1;
      const a = sum(r.left, false);
      const b = sum(r.right, sum1);
      if (a == null || b == null) continue;
      if (a !== b) return false;
    }
    return true;
  };
  const ok: number[][] = [];
  const pick = open.map(() => 0);
  const walk = (k: number) => {
    if (k === open.length) {
      if (holds(pick)) ok.push([...pick]);
      return;
    }
    for (let s = 0; s < open[k]!.sols.length; s++) {
      pick[k] = s;
      walk(k + 1);
    }
  };
  walk(0);
  if (ok.length === 0) return;
  open.forEach((c, k) => {
    const choice = new Set(ok.map((p) => p[k]));
    if (choice.size !== 1) return;
    const r = out.get(c.row.id)!;
    r.slots = slotsOf(c.sols[[...choice][0]!]!, c.unit, 0.6);
    r.status = 'glued';
    r.message = `cells glued together as "${c.chunks.map((x) => x.text).join(' ')}"; split the only way R1–R3 allow`;
  });
}

/** Table 四 on a glued page: the one run of numbers after its header, 15 cells split as R4 allows. */
function readAppealsGlued(text: string, sq: string, toText: (i: number) => number, from: number, to: number, out: Map<string, RowRead>): void {
  const rows = TEMPLATES['2021'].rows.filter((r) => r.table === 'review');
  const set = (slots: Slot[] | null, status: RowRead['status'], found: number, message?: string) =>
    rows.forEach((r, i) =>
      out.set(r.id, { row: r, label: null, slots: slots ? slots.slice(i * W, i * W + W) : null, status, found, ...(message ? { message } : {}) }),
    );
  if (from < 0) {
    for (const r of rows) out.set(r.id, { row: r, label: null, slots: null, status: 'absent', found: 0 });
    return;
  }
  const s = toText(from);
  const e = toText(to);
  const zone = text.slice(s, e);
  const runs = [...zone.matchAll(/\d[\d \u3000\u00a0]*/g)].filter((m) => m[0].trim());
  if (runs.length === 0) return set(null, 'absent', 0);
  if (runs.length > 1) return set(null, 'ambiguous', runs.length, 'numbers in more than one place under its header');
  const run = runs[0]!;
  const chunks: Chunk[] = [...run[0].matchAll(/\d+/g)].map((m) => ({ text: m[0], start: s + run.index! + m.index! }));
  const n = W * rows.length;
  const any = splitChunks(chunks, n, null, 2);
  const forced = any.sols.length === 1;
  const { sols, all } = forced ? any : splitChunks(chunks, n, R4);
  const digits = chunks.map((c) => c.text).join(' ');
  if (sols.length === 1) {
    set(
      slotsOf(sols[0]!, null, forced ? 1 : 0.6),
      forced ? 'ok' : 'glued',
      chunks.length,
      forced ? undefined : `cells glued together as "${digits}"; split the only way R4 allows`,
    );
  } else
    set(
      null,
      all === 0 ? 'incomplete' : 'ambiguous',
      chunks.length,
      `cells glued together as "${digits}": ${sols.length === 0 ? 'no split adds up' : 'several splits add up'}`,
    );
  void sq;
}
