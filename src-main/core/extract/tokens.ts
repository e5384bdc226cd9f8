// The normalised text as a stream of cells: every layout (tab rows, one cell
// per line, markdown, HTML grid text, crawler text with spaces) comes down to
// the same sequence of labels and values, so the table logic never looks at
// line structure.
import { compact } from '../normalize/index.js';
import { parseValues, splitTrailingValues, type ParsedValue } from './values.js';

export interface TextTok {
  kind: 'text';
  start: number; // offsets in the normalised text
  end: number;
  text: string;
  key: string; // compact() form
  line: number;
}
export interface ValueTok {
  kind: 'value';
  start: number;
  end: number;
  v: ParsedValue;
  line: number;
}
export type Tok = TextTok | ValueTok;

/**
 * Whether the text holds ideographic / no-break spaces, which a cell reads as
 * plain ones (normalize() folds them already, so a cell rarely needs it).
 */
export function hasWideSpaces(text: string): boolean {
  return text.includes('\u3000') || text.includes('\u00a0');
}

/** Tokens of text[from, to). Blank cells produce nothing; `wide`: hasWideSpaces(text), if known. */
export function tokenize(text: string, from: number, to: number, wide = hasWideSpaces(text)): Tok[] {
  const toks: Tok[] = [];
  let line = 0;
  let i = from;
  while (i < to) {
    let nl = text.indexOf('\n', i);
    if (nl < 0 || nl > to) nl = to;
    // Cells end at a tab or at a run of 2+ spaces (pdftotext -layout,
    // crawler text); a single space stays inside the cell (`减 6`, `1898468.07 元`).
    let c = i;
    let k = i;
    const lineStart = toks.length;
    while (k < nl) {
      const ch = text.charCodeAt(k);
      if (ch === 0x09) {
        // An empty cell between two tabs (markdown pipes become tabs) after
        // the line's first number is a blank at that column, not a lost cell:
        // `| 0 | 0 | 0 | 0 | 0 | 0 |  |` is six zeros and a blank 总计.
        if (blankSeg(text, c, k) && hasValue(toks, lineStart))
          toks.push({ kind: 'value', start: c, end: c, v: { value: null, unit: null, start: 0, end: 0 }, line });
        else cell(text, c, k, line, toks, wide);
        c = k + 1;
      } else if (ch === 0x20 && text.charCodeAt(k + 1) === 0x20) {
        let e = k;
        while (e < nl && text.charCodeAt(e) === 0x20) e++;
        cell(text, c, k, line, toks, wide);
        c = e;
        k = e - 1;
      }
      k++;
    }
    cell(text, c, nl, line, toks, wide);
    // blanks with no number after them on the line may be the grid's padding
    // (a one-column row in a four-column table), as may blanks before a text
    // cell (a label printed after its numbers): the row reader drops them
    // when its row has more cells than columns
    let next: Tok | null = null;
    for (let k = toks.length - 1; k >= lineStart; k--) {
      const t = toks[k]!;
      const blank = t.kind === 'value' && t.end === t.start;
      if (blank && (!next || next.kind === 'text')) t.v.pad = true;
      if (!blank) next = t;
    }
    line++;
    i = nl + 1;
  }
  return toks;
}

const COMPACT = new Map<string, string>();
function compactCached(s: string): string {
  let c = COMPACT.get(s);
  if (c === undefined) {
    c = compact(s);
    if (COMPACT.size > 20000) COMPACT.clear();
    COMPACT.set(s, c);
  }
  return c;
}

function cell(text: string, s: number, e: number, line: number, out: Tok[], wide: boolean): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return;
  let raw = text.slice(s, e);
  if (wide) raw = raw.replace(/[\u3000\u00a0]/g, ' ');
  const c0 = raw.charCodeAt(0);
  // the common cell, digits alone (`0`, `73`): one value, as parseValues reads it (never a page number: those hold `-`, `/` or 第)
  if (c0 >= 0x30 && c0 <= 0x39 && allDigits(raw)) {
    out.push({ kind: 'value', start: s, end: e, v: { value: Number(raw), unit: null, start: 0, end: raw.length, digits: raw }, line });
    return;
  }
  // a page number inside a table row (`— 6 —`, `4/8` in a markdown cell): chrome, not cells
  if ((c0 === 0x2d || c0 === 0x2014 || c0 === 0x7b2c || (c0 >= 0x30 && c0 <= 0x39)) && PAGE_CELL.test(raw)) {
    out.push({ kind: 'text', start: s, end: e, text: raw, key: '', line });
    return;
  }
  // quick path: a cell starting with a digit/sign/blank mark may be values
  if (
    (c0 >= 0x30 && c0 <= 0x39) ||
    c0 === 0x2b ||
    c0 === 0x2d ||
    c0 === 0x2f ||
    c0 === 0x2014 ||
    raw[0] === '增' ||
    raw[0] === '减' ||
    raw === '无' ||
    raw === '空'
  ) {
    const vals = parseValues(raw);
    if (vals) {
      for (const v of vals) out.push({ kind: 'value', start: s + v.start, end: s + v.end, v, line });
      return;
    }
  }
  if (raw.length < 120) {
    const split = raw.includes(' ') ? splitTrailingValues(raw) : null;
    if (split) {
      const lt = raw.slice(0, split.labelEnd);
      out.push({ kind: 'text', start: s, end: s + split.labelEnd, text: lt, key: compactCached(lt), line });
      for (const v of split.values) out.push({ kind: 'value', start: s + v.start, end: s + v.end, v, line });
      return;
    }
  }
  // crawler text: a label with its digits glued on (`(一)予以公开640020470`)
  const last = raw.charCodeAt(raw.length - 1);
  const g = raw.length < 80 && last >= 0x30 && last <= 0x39 ? GLUED.exec(raw) : null;
  // …but not a header broken after its digit (`采购总金额（单位：万元，保留4` + `位小数）`)
  if (g && !/单位|保留$/.test(g[1]!)) {
    const lt = g[1]!;
    const vals = parseValues(g[2]!);
    if (vals && vals.length === 1) {
      out.push({ kind: 'text', start: s, end: s + lt.length, text: lt, key: compactCached(lt), line });
      const v = vals[0]!;
      out.push({ kind: 'value', start: s + lt.length, end: e, v: { ...v, start: v.start + lt.length, end: v.end + lt.length }, line });
      return;
    }
  }
  out.push({ kind: 'text', start: s, end: e, text: raw, key: raw.length < 200 ? compactCached(raw) : '', line });
}

const PAGE_CELL = /^(?:[-—][ ]*\d{1,3}[ ]*[-—]|\d{1,3}[ ]*\/[ ]*\d{1,3}|第[ ]*\d{1,3}[ ]*页(?:[ ]*[,，]?[ ]*共[ ]*\d{1,3}[ ]*页)?)$/;
const GLUED = /^(.*[\u4e00-\u9fff)）”"])(\d+)$/;

function allDigits(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function blankSeg(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

function hasValue(toks: Tok[], from: number): boolean {
  for (let k = toks.length - 1; k >= from; k--) if (toks[k]!.kind === 'value') return true;
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x3000 || c === 0xa0;
}
