// Table 四 (行政复议、行政诉讼). Usually one data row of 15 numbers under a
// two-level header (复议 | 诉讼: 未经复议直接起诉, 复议后起诉; each 维持 纠正
// 其他 尚未审结 总计); sometimes one row per group with its label. Extra
// cells are resolved by R4, glued digits likewise.
import { APPEALS_COLUMNS, rowSum, TEMPLATES, type RowDef } from '../catalogue/index.js';
import { labelKey, matchAppealsRow } from './labels.js';
import { dropPadding, resolve, splitDigits, type RowRead, type Slot } from './rows.js';
import type { Tok, ValueTok } from './tokens.js';

const ROWS: RowDef[] = TEMPLATES['2019'].rows.filter((r) => r.table === 'review');
const W = APPEALS_COLUMNS.length; // columns per group

/** R4 on one group, from the catalogue (the three groups share their columns and rule). */
const groupOk = (v: number[]) => rowSum(ROWS[0]!)!.holds(v);

export function readAppeals(toks: Tok[]): Map<string, RowRead> {
  const out = new Map<string, RowRead>();
  // Row mode: each group's label directly followed by its 5 values.
  const byRow = new Map<string, { label: Tok & { kind: 'text' }; vals: ValueTok[] }>();
  const every = new Map<string, ValueTok[][]>();
  let cur: { label: Tok & { kind: 'text' }; vals: ValueTok[] } | null = null;
  for (const t of toks) {
    if (t.kind === 'text') {
      const id = matchAppealsRow(t.key);
      cur = id ? { label: t, vals: [] } : null;
      if (id && cur) {
        const prev = byRow.get(id);
        if (!prev || prev.vals.length !== W) byRow.set(id, cur);
        every.set(id, [...(every.get(id) ?? []), cur.vals]);
      }
    } else if (cur) cur.vals.push(t);
  }
  for (const g of byRow.values()) dropPadding(g, W);
  if (ROWS.every((r) => byRow.get(r.id)?.vals.length === W)) {
    // a group printed twice with different numbers: another table (last year's)
    const key = (v: ValueTok[]) => v.map((t) => t.v.value).join('|');
    const twice = ROWS.some((r) => (every.get(r.id) ?? []).some((v) => v.length === W && key(v) !== key(byRow.get(r.id)!.vals)));
    if (twice) {
      for (const r of ROWS)
        out.set(r.id, {
          row: r,
          label: byRow.get(r.id)!.label,
          slots: null,
          status: 'ambiguous',
          found: W,
          message: 'printed twice with different numbers (another table with the same labels?)',
        });
      return out;
    }
    for (const r of ROWS) {
      const g = byRow.get(r.id)!;
      out.set(r.id, resolve(r, g.label, g.vals, false, groupOk));
    }
    return out;
  }
  // Flat mode: every value of the section in reading order.
  const n = W * ROWS.length;
  let vals = toks.filter((t): t is ValueTok => t.kind === 'value');
  if (vals.length > n) vals = vals.filter((t) => !t.v.pad);
  const tr = transposed(toks);
  const set = (slots: Slot[] | null, status: RowRead['status'], message?: string) => {
    ROWS.forEach((r, i) => {
      out.set(r.id, {
        row: r,
        label: null,
        slots: slots ? slots.slice(i * W, i * W + W) : null,
        status,
        found: vals.length,
        ...(message ? { message } : {}),
      });
    });
  };
  if (tr === 'ambiguous') {
    set(null, 'ambiguous', 'outcomes given as rows (transposed) but not all five with three numbers, or the groups not named in the header');
    return out;
  }
  if (tr) {
    ROWS.forEach((r, i) => {
      const slots = tr[i]!.map((tok) => ({ tok, value: tok.v.value, confidence: 1 }));
      out.set(r.id, { row: r, label: null, slots, status: 'ok', found: W });
    });
    return out;
  }
  if (vals.length === 0) {
    for (const r of ROWS) out.set(r.id, { row: r, label: null, slots: null, status: 'absent', found: 0 });
    return out;
  }
  if (vals.length === n) {
    set(
      vals.map((tok) => ({ tok, value: tok.v.value, confidence: 1 })),
      'ok',
    );
    return out;
  }
  const allOk = (v: (number | null)[]) => v.every((x) => x !== null) && [0, 1, 2].every((g) => groupOk(v.slice(g * W, g * W + W) as number[]));
  if (vals.length > n) {
    const distinct = new Map<string, ValueTok[]>();
    for (let s = 0; s + n <= vals.length; s++) {
      const r = vals.slice(s, s + n);
      const k = r.map((t) => t.v.value).join('|');
      if (!distinct.has(k)) distinct.set(k, r);
    }
    let cands = [...distinct.values()];
    if (cands.length > 1) cands = cands.filter((r) => allOk(r.map((t) => t.v.value)));
    if (cands.length === 1) {
      const conf = distinct.size === 1 ? 0.95 : 0.7;
      set(
        cands[0]!.map((tok) => ({ tok, value: tok.v.value, confidence: conf })),
        'extra',
        `${vals.length} cells for ${n} columns; ${distinct.size === 1 ? 'every reading gives the same values' : 'the only reading that adds up was kept'}`,
      );
    } else set(null, 'ambiguous', `${vals.length} cells for ${n} columns and no single reading`);
    return out;
  }
  if (vals.length === 1) {
    const tok = vals[0]!;
    const d = tok.v.digits ?? '';
    if (d.length >= n && !tok.v.unit) {
      const sols = splitDigits(d, n, allOk as (v: number[]) => boolean, 3, (parts) => parts.length % W !== 0 || groupOk(parts.slice(parts.length - W)));
      if (sols.length === 1) {
        set(
          sols[0]!.map((value) => ({ tok, value, confidence: 0.6 })),
          'glued',
          `cells glued together as "${d}"; split where the totals leave one reading`,
        );
      } else set(null, 'ambiguous', `cells glued together as "${d}": ${sols.length === 0 ? 'no' : 'several'} readings add up`);
      return out;
    }
  }
  set(null, 'incomplete', `${vals.length} of ${n} cells`);
  return out;
}

/** An outcome's header word (结果维持, 维持 …) → its column, from the catalogue's variants. */
const OUTCOME: Record<string, number> = Object.fromEntries(APPEALS_COLUMNS.flatMap((c, i) => c.variants.map((v) => [labelKey(v), i])));

/**
 * Table 四 transposed: one row per outcome (结果维持 … 总计) with three
 * numbers, one column per group in the order the header names them. Read in
 * reading order it would mix the groups, and R4 does not always notice.
 * Returns each group's five values, 'ambiguous' when only part of the table
 * has that shape, or null when it does not.
 */
function transposed(toks: Tok[]): ValueTok[][] | 'ambiguous' | null {
  const runs = new Map<number, ValueTok[]>();
  let first = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind !== 'text') continue;
    const o = OUTCOME[t.key];
    if (o === undefined) continue;
    const vs: ValueTok[] = [];
    for (let j = i + 1; j < toks.length && toks[j]!.kind === 'value'; j++) vs.push(toks[j] as ValueTok);
    if (vs.length !== 3) continue;
    const prev = runs.get(o);
    if (prev) {
      // printed twice: the same numbers (a page break) or another table (last year's)
      if (prev.some((p, k) => p.v.value !== vs[k]!.v.value)) return 'ambiguous';
      continue;
    }
    runs.set(o, vs);
    if (first < 0) first = i;
  }
  if (runs.size < 2) return null;
  if (runs.size < W) return 'ambiguous';
  // the groups' order, from the header above the first outcome row
  // (header cells may be joined: `行政复议行政诉讼` in crawler text; the section heading is skipped)
  const head = toks
    .slice(0, first)
    .map((t) => (t.kind === 'text' && !t.key.includes('情况') ? t.key : ''))
    .join('|');
  // a group by its keys; the ungrouped 行政复议 only at the start of a cell (复议后起诉 … hold 复议 too)
  const at = ROWS.map((r) => {
    const hits = r.keys.map((k) => (r.group ? head.indexOf(labelKey(k)) : head.search(new RegExp(`(?:^|\\|)${labelKey(k)}`)))).filter((x) => x >= 0);
    return hits.length ? Math.min(...hits) : -1;
  });
  if (at.some((x) => x < 0)) return 'ambiguous';
  const order = [0, 1, 2].sort((a, b) => at[a]! - at[b]!); // order[k] = group in column k
  const out: ValueTok[][] = [[], [], []];
  for (let o = 0; o < W; o++) runs.get(o)!.forEach((tok, k) => (out[order[k]!]![o] = tok));
  return out;
}
