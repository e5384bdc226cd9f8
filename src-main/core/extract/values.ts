// Reading one cell's text as a value. Works on normalised text (full-width
// folded, simplified). Recognised: integers and decimals (`1,234`), signed
// changes (`+1`, `-6`, `减 6`, `增加2`), money (`476.32万元`, `5600元`), a
// trailing note in brackets (`15(子项)`), and the blank marks `-`, `/`, `无`.

import { BLANK_MARKS } from '../catalogue/values.js';

export interface ParsedValue {
  /** null for a blank mark (`-`, `/`, `无`). */
  value: number | null;
  unit: 'yuan' | 'wan' | null;
  note?: string;
  /** An empty cell at the end of its line (maybe the grid's padding, see tokens.ts). */
  pad?: boolean;
  /** Digits only, no sign/unit/separator (for glued-digit repair). */
  digits?: string;
  /** Start/end inside the parsed string. */
  start: number;
  end: number;
}

const NUM =
  /(?:(增加|减少|增|减)[ ]*|([+-]))?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[ ]*(万元|元)|[ ]?[件条个项次篇家份])?(?:[ ]*\(([^()\d]{1,12})\))?/y;
// the catalogue's blank marks, longest first
const BLANK = new RegExp(
  `(?:${[...BLANK_MARKS]
    .sort((a, b) => b.length - a.length)
    .map((m) => m.replace(/[/\-]/g, '\\$&'))
    .join('|')})`,
  'y',
);

/** One value starting at `pos` (sticky), or null. */
function valueAt(s: string, pos: number): ParsedValue | null {
  NUM.lastIndex = pos;
  const m = NUM.exec(s);
  if (m) {
    const sign = m[1] ?? m[2];
    let v = Number(m[3]!.replace(/,/g, ''));
    if (sign === '-' || sign === '减' || sign === '减少') v = -v;
    const unit = m[4] === '万元' ? 'wan' : m[4] === '元' ? 'yuan' : null;
    const p: ParsedValue = { value: v, unit, start: pos, end: pos + m[0].length, digits: m[3]!.replace(/,/g, '') };
    if (m[5]) p.note = m[5];
    return p;
  }
  BLANK.lastIndex = pos;
  const b = BLANK.exec(s);
  if (b) return { value: null, unit: null, start: pos, end: pos + b[0].length };
  return null;
}

/**
 * All values of a cell that holds nothing but values separated by spaces
 * (`0`, `减 6`, `0 0 0` in crawler text), or null when it holds other text.
 */
export function parseValues(s: string): ParsedValue[] | null {
  const n = s.length;
  // the common cell, digits alone (`0`, `73`): what valueAt's pattern reads from it, without the pattern
  let d = 0;
  while (d < n && s.charCodeAt(d) >= 0x30 && s.charCodeAt(d) <= 0x39) d++;
  if (d === n && n > 0) return [{ value: Number(s), unit: null, start: 0, end: n, digits: s }];
  const out: ParsedValue[] = [];
  let i = 0;
  while (i < n && s.charCodeAt(i) === 0x20) i++;
  if (i >= n) return null;
  while (i < n) {
    const v = valueAt(s, i);
    if (!v) return null;
    // a value must end at a space or the end of the cell
    if (v.end < n && s.charCodeAt(v.end) !== 0x20) return null;
    out.push(v);
    i = v.end;
    while (i < n && s.charCodeAt(i) === 0x20) i++;
  }
  return out;
}

/**
 * A label followed by values in one cell (`规章 0 0 0`): the split point, or
 * -1. The label must not end in a digit (`第2项` stays a label).
 */
export function splitTrailingValues(s: string): { labelEnd: number; values: ParsedValue[] } | null {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x20) end--;
  let best: ParsedValue[] | null = null;
  let bestCut = -1;
  let sp = end;
  // Try every space from the right (a few dozen at most); keep the leftmost
  // split whose tail is all values (`1898468.07 元` needs the second try).
  for (let k = 0; k < 40; k++) {
    sp = s.lastIndexOf(' ', sp - 1);
    if (sp <= 0) break;
    const vals = parseValues(s.slice(sp + 1, end));
    if (vals) {
      best = vals;
      bestCut = sp;
    }
  }
  if (!best || bestCut <= 0) return null;
  const label = s.slice(0, bestCut).trimEnd();
  if (!label || /[\d.+\-]$/.test(label) || /(增加|减少|增|减)$/.test(label)) return null;
  const off = bestCut + 1;
  return { labelEnd: label.length, values: best.map((v) => ({ ...v, start: v.start + off, end: v.end + off })) };
}

/** Round away binary noise from unit conversion (1898468.07 / 10000). */
export function round(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}
