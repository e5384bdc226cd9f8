// Tables 二 and 三: every row is found by its label (catalogue keys), never by
// position, and takes the values that follow it up to the next row label.
// Layout quirks handled here: header rows repeated after a page break (their
// labels take no values and are ignored), labels broken over two cells,
// a label printed after its numbers, rows with too few or too many cells, and
// crawler text whose digits are glued together.
import type { RowDef, TemplateId } from '../catalogue/index.js';
import { matchRow, rowOf } from './labels.js';
import type { TextTok, Tok, ValueTok } from './tokens.js';

export interface Slot {
  tok: ValueTok;
  /** Raw parsed value (before unit conversion); for glued digits the split part. */
  value: number | null;
  confidence: number;
}

export type RowStatus = 'ok' | 'incomplete' | 'ambiguous' | 'extra' | 'glued' | 'shifted' | 'absent' | 'blank_total';

export interface RowRead {
  row: RowDef;
  label: TextTok | null;
  slots: Slot[] | null;
  status: RowStatus;
  message?: string;
  found: number;
  /** The values an incomplete row did have (for table-level repairs). */
  partial?: ValueTok[];
}

interface Occ {
  rowId: string;
  label: TextTok;
  vals: ValueTok[];
  shifted: boolean;
  /** A cell among the row's numbers that holds a number we cannot read (`约8`, `8（件）`). */
  unread?: { text: string; at: number };
  /** Text cells between the label and its first number. */
  gap: number;
}

/** A check a row's values must pass to pick between readings (R3/R4 on one row). */
export type RowCheck = (vals: number[]) => boolean;

// short text with a digit: a cell meant as a number (not a running header or a note)
const UNREAD = /^(?=.*\d)(?!.*(?:年|报告|页|月|日)).{1,8}$/;

/** Text cells between a label and its numbers beyond which they are not its numbers (a wrapped label or a note takes one or two). */
const GAP = 3;

export function collectOccurrences(toks: Tok[]): { occs: Occ[]; orphans: ValueTok[] } {
  const occs: Occ[] = [];
  const orphans: ValueTok[] = [];
  let cur: Occ | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'value') {
      (cur ? cur.vals : orphans).push(t);
      continue;
    }
    let id = matchRow(t.key);
    let label = t;
    let glued = false;
    {
      // a label wrapped over two cells/lines (`其他法律行政法规禁` + `止公开`;
      // `（六）其他` + `处理`, whose first half names another row)
      const nx = toks[i + 1];
      if (nx && nx.kind === 'text' && t.key.length > 0 && t.key.length < 40 && !matchRow(nx.key)) {
        const j = matchRow(t.key + nx.key);
        if (j && j !== id) {
          id = j;
          label = { ...t, end: nx.end, text: `${t.text}${nx.text}`, key: t.key + nx.key };
          // the label's second half holds digits (no row label does): the row's number is glued into the text
          // there (`行政事业性` + `收费5949.09(二)主动公开…`), so the numbers after it are not known to be its own
          glued = /\d/.test(nx.key);
          i++;
        }
      }
    }
    if (!id && cur && cur.vals.length > 0 && !cur.unread && t.key && UNREAD.test(t.text)) cur.unread = { text: t.text, at: cur.vals.length };
    if (!id && cur && cur.vals.length === 0 && t.key) cur.gap++;
    if (id) {
      cur = { rowId: id, label, vals: [], shifted: false, gap: 0 };
      if (glued) cur.unread = { text: label.text, at: 0 };
      occs.push(cur);
    }
  }
  return { occs, orphans };
}

/** Read every row of the template's tables 二 and 三 from the token stream. */
export function readRows(toks: Tok[], template: TemplateId, check: (row: RowDef) => RowCheck | null): Map<string, RowRead> {
  const { occs, orphans } = collectOccurrences(toks);
  const inT = occs.filter((o) => rowOf(template, o.rowId));
  for (const o of inT) dropPadding(o, rowOf(template, o.rowId)!.columns.length);
  // A label printed after its numbers: a row that took its own numbers and the
  // next row's, followed by a row label with none.
  for (let i = 0; i + 1 < inT.length; i++) {
    const a = inT[i]!;
    const b = inT[i + 1]!;
    const na = rowOf(template, a.rowId)!.columns.length;
    const nb = rowOf(template, b.rowId)!.columns.length;
    if (b.vals.length === 0 && a.vals.length === na + nb && a.rowId !== b.rowId) {
      b.vals = a.vals.splice(na, nb);
      b.shifted = true;
    }
  }
  const out = new Map<string, RowRead>();
  const byRow = new Map<string, Occ[]>();
  for (const o of inT) {
    const l = byRow.get(o.rowId);
    if (l) l.push(o);
    else byRow.set(o.rowId, [o]);
  }
  for (const row of rowsOf(template)) {
    const mine = byRow.get(row.id) ?? [];
    const n = row.columns.length;
    if (mine.length === 0) {
      out.set(row.id, { row, label: null, slots: null, status: 'absent', found: 0 });
      continue;
    }
    const pick =
      mine.find((o) => o.vals.length === n && !o.shifted) ??
      mine.find((o) => o.vals.length === n) ??
      mine.reduce((best, o) => (o.vals.length > best.vals.length ? o : best), mine[0]!);
    // The same label twice with different full rows: a second table with the
    // same labels (last year's figures, a comparison) — which one is this
    // year's is the caption's to say, not ours. A row repeated across a page
    // break has the same numbers and is read.
    const full = mine.filter((o) => o.vals.length === n);
    if (full.length > 1 && full.some((o) => !sameValues(o.vals, pick.vals))) {
      out.set(row.id, {
        row,
        label: pick.label,
        slots: null,
        status: 'ambiguous',
        found: pick.vals.length,
        message: `printed ${full.length} times with different numbers (another table with the same labels?)`,
      });
      continue;
    }
    // A number we cannot read among the row's cells, with cells after it: the
    // count may come out right only because a stray number (a page number)
    // took its place. Leave the row to the reader.
    // A label far from the first number (a caption `行政事业性收费情况表` over
    // another table, a sentence naming the row): the numbers are not its own.
    if (pick.gap >= GAP && pick.vals.length > 0) {
      out.set(row.id, {
        row,
        label: pick.label,
        slots: null,
        status: 'ambiguous',
        found: pick.vals.length,
        message: `its first number comes ${pick.gap} cells after the label (a caption or another table?)`,
      });
      continue;
    }
    if (pick.unread && pick.unread.at < Math.max(pick.vals.length, n)) {
      out.set(row.id, {
        row,
        label: pick.label,
        slots: null,
        status: 'ambiguous',
        found: pick.vals.length,
        message: `"${pick.unread.text}" among its cells is not a number we can read`,
      });
      continue;
    }
    out.set(row.id, resolve(row, pick.label, pick.vals, pick.shifted, check(row)));
  }
  distrustShifted(out, orphans.length);
  blankTotalColumn(out);
  return out;
}

/** The 办理结果 rows R2 sums, from the catalogue. */
const RESULT_IDS: ReadonlySet<string> = new Set(RESULT_ROWS.map((r) => `requests.${r}`));

/**
 * Reports that leave the 总计 column blank on every 办理结果 row: each such
 * row shows six numbers. Read them as the six applicant columns (总计 blank,
 * null) only when every outcome row shows exactly six and the 总计 row's
 * columns equal their sums (R2): then no other reading fits.
 */
function blankTotalColumn(out: Map<string, RowRead>): void {
  const total = out.get('requests.total');
  if (!total?.slots || total.slots.length !== 7) return;
  const results = [...out.values()].filter((r) => RESULT_IDS.has(r.row.id) && r.status !== 'absent');
  if (results.length < 3) return;
  if (!results.every((r) => r.status === 'incomplete' && r.found === 6 && r.partial?.every((t) => t.v.value !== null))) return;
  for (let c = 0; c < 6; c++) {
    const sum = results.reduce((s, r) => s + r.partial![c]!.v.value!, 0);
    if (sum !== total.slots[c]!.value) return;
  }
  for (const r of results) {
    r.slots = r.partial!.map((tok) => ({ tok, value: tok.v.value, confidence: 0.9 }));
    r.status = 'blank_total';
    r.message = 'the 总计 column is blank on every 办理结果 row; the six columns add up to the 总计 row';
  }
}

/**
 * Numbers drifting between rows (labels printed away from their numbers, in
 * runs the local repair above cannot undo) show as a row with too many
 * values followed by a row with none. The rows from one to the other may hold
 * a neighbour's numbers: blank them and say so rather than guess.
 */
function distrustShifted(out: Map<string, RowRead>, orphans: number): void {
  const seen = [...out.values()].filter((r) => r.label).sort((a, b) => a.label!.start - b.label!.start);
  const blank = (from: number, to: number) => {
    for (let k = from; k <= to; k++) {
      const r = seen[k]!;
      if (r.found === 0 && !r.slots) continue;
      r.slots = null;
      r.status = 'ambiguous';
      r.message = 'numbers seem shifted between rows (a label printed away from its numbers)';
    }
  };
  let open = orphans >= 2 ? 0 : -1; // stray numbers before the first label
  for (let i = 0; i < seen.length; i++) {
    const r = seen[i]!;
    const n = r.row.columns.length;
    if (r.found > n && open < 0) open = i;
    else if (r.found === 0 && open >= 0 && r.row.table === seen[open]!.row.table) {
      blank(open, i - 1);
      open = -1;
    }
  }
}

/** Two runs of values with the same numbers (null for a blank), as `join('|')` of them would compare. */
function sameValues(a: ValueTok[], b: ValueTok[]): boolean {
  if (a === b) return true;
  return a.map((t) => t.v.value).join('|') === b.map((t) => t.v.value).join('|');
}

/** Empty cells ending a line are padding when the row has more cells than columns (`行政许可 | 0 |  |  |`). */
export function dropPadding(o: { vals: ValueTok[] }, n: number): void {
  if (o.vals.length > n && o.vals.some((t) => t.v.pad)) {
    const kept = o.vals.filter((t) => !t.v.pad);
    o.vals.splice(0, o.vals.length, ...kept);
  }
}

function rowsOf(template: TemplateId): RowDef[] {
  return ROWS[template];
}
import { RESULT_ROWS, TEMPLATES } from '../catalogue/index.js';
const ROWS: Record<TemplateId, RowDef[]> = {
  '2019': TEMPLATES['2019'].rows.filter((r) => r.table !== 'review'),
  '2021': TEMPLATES['2021'].rows.filter((r) => r.table !== 'review'),
};

/** Turn a row's values into slots, or say why not. */
export function resolve(row: RowDef, label: TextTok | null, vals: ValueTok[], shifted: boolean, check: RowCheck | null): RowRead {
  const n = row.columns.length;
  const found = vals.length;
  if (vals.length === n) {
    const conf = shifted ? 0.9 : 1;
    const slots: Slot[] = [];
    for (const tok of vals) slots.push({ tok, value: tok.v.value, confidence: conf });
    return { row, label, found, slots, status: shifted ? 'shifted' : 'ok' };
  }
  if (vals.length > n) {
    // Extra cells: every window of n consecutive values is a reading.
    const readings: ValueTok[][] = [];
    for (let s = 0; s + n <= vals.length; s++) readings.push(vals.slice(s, s + n));
    const key = (r: ValueTok[]) => r.map((t) => t.v.value).join('|');
    const distinct = new Map<string, ValueTok[]>();
    for (const r of readings) if (!distinct.has(key(r))) distinct.set(key(r), r);
    let cands = [...distinct.values()];
    if (cands.length > 1 && check) cands = cands.filter((r) => r.every((t) => t.v.value !== null) && check(r.map((t) => t.v.value!)));
    // Every reading the same is safe for extra blank or zero cells; equal
    // non-zero numbers (`5 5 5 5` for three columns) may hide a number split
    // in two (`5 5` for 55).
    const splitRisk = distinct.size === 1 && vals.some((t) => t.v.value !== null && t.v.value !== 0);
    if (cands.length === 1 && !splitRisk) {
      const conf = distinct.size === 1 ? 0.95 : 0.7;
      return {
        row,
        label,
        found,
        slots: cands[0]!.map((tok) => ({ tok, value: tok.v.value, confidence: conf })),
        status: 'extra',
        message: `${vals.length} cells for ${n} columns; ${distinct.size === 1 ? 'every reading gives the same values' : 'the only reading that adds up was kept'}`,
      };
    }
    return { row, label, found, slots: null, status: 'ambiguous', message: `${vals.length} cells for ${n} columns and no single reading` };
  }
  if (vals.length === 1 && n > 1) {
    const g = glued(vals[0]!, n, check);
    if (g) return { row, label, found, ...g };
  }
  return { row, label, found, slots: null, status: 'incomplete', message: `${vals.length} of ${n} cells`, partial: vals };
}

/** Split a run of glued digits (`640020470`) when exactly one split passes the row check. */
function glued(tok: ValueTok, n: number, check: RowCheck | null): Pick<RowRead, 'slots' | 'status' | 'message'> | null {
  const d = tok.v.digits;
  if (!d || tok.v.unit || tok.v.note || d.length < n || d.length > 40 || /\D/.test(d)) return null;
  const sols = splitDigits(d, n, check, 3);
  if (sols.length === 1) {
    return {
      slots: sols[0]!.map((value) => ({ tok, value, confidence: 0.6 })),
      status: 'glued',
      message: `cells glued together as "${d}"; split where the totals leave one reading`,
    };
  }
  return { slots: null, status: 'ambiguous', message: `cells glued together as "${d}": ${sols.length === 0 ? 'no' : 'several'} readings add up` };
}

/** Splits of `d` into n numbers without leading zeros that pass `check` (at most `limit`). */
export function splitDigits(d: string, n: number, check: RowCheck | null, limit: number, groupCheck?: (parts: number[]) => boolean): number[][] {
  const out: number[][] = [];
  const parts: number[] = [];
  let budget = 200_000;
  const rec = (pos: number) => {
    if (out.length >= limit || budget-- <= 0) return;
    if (parts.length === n) {
      if (pos === d.length && (!check || check(parts))) out.push([...parts]);
      return;
    }
    const left = n - parts.length;
    if (d.length - pos < left) return;
    const maxLen = Math.min(d.length - pos - (left - 1), 7);
    for (let len = 1; len <= maxLen; len++) {
      if (len > 1 && d[pos] === '0') break;
      parts.push(Number(d.slice(pos, pos + len)));
      if (!groupCheck || groupCheck(parts)) rec(pos + len);
      parts.pop();
    }
  };
  rec(0);
  return out;
}
