// Normalisation: the original document text → a cleaner text the extractor
// matches against, plus a map from every normalised offset back to the
// original, so each value keeps its exact source span.
//
// Done here: pinyin annotations removed (`商務(wù)局`), Word bookmarks and
// markdown marks dropped, markdown table pipes turned into tabs, page-number
// lines dropped, full-width ASCII (digits, brackets, colon...) and ideographic
// spaces folded, traditional → simplified (opencc, once per process).
// Words broken by spaces and labels broken over lines are rejoined for
// matching by `compact()` and by the extractor's token joining, not here, so
// that the text keeps its line/cell structure.
import { endianness } from 'node:os';
import * as OpenCC from 'opencc-js';

export interface Normalized {
  text: string;
  /** map[i] = offset in the original text of normalised char i; map[text.length] = original length. */
  map: Int32Array;
  traditional: boolean;
}

type Conv = (s: string) => string;
let hk2cn: Conv | null = null;
let tw2cn: Conv | null = null;
function converters(): [Conv, Conv] {
  const a = (hk2cn ??= OpenCC.Converter({ from: 'hk', to: 'cn' }));
  const b = (tw2cn ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return [a, b];
}

// Frequent traditional-only characters in these reports; a handful is enough to
// decide that the (costly) conversion is needed.
const TRAD_MARKERS = /[們國開處報與會這機關條經內對數規費採購總結訴復審請訊務體應當為項轉將據樣區縣廣當費實際]/g;

// lower-case letters with a vowel: `(wù)`, `(kāi)`; never `(PDF)`, `(一)`, `(子项)`
const PY = '(?=[a-zü]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]{1,7}';
const PINYIN = new RegExp(`(?<=[\\u3400-\\u9fff])(?:\\(${PY}\\)|（${PY}）)`, 'g');
const BOOKMARK = /\[bookmark:[^\]\n]{0,80}\]/g;
const MD_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm;
const MD_HEAD = /^[ \t]{0,3}#{1,6}[ \t]*/gm;
const MD_BOLD = /\*\*|__/g;
const PAGE_NO =
  /^[ \t]*(?:[-—–－][ \t]*\d{1,3}[ \t]*[-—–－]|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[,，]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?|\d{1,3}[ \t]*\/[ \t]*\d{1,3})[ \t]*$/gm;

// Scratch space reused by every call (normalize is synchronous and not re-entered).
let delScratch = new Uint8Array(4096);
let codeScratch = new Uint16Array(4096);

/** Mark ranges of `s` to delete (1), in a scratch array whose first s.length entries are valid. */
function deletions(s: string): Uint8Array {
  if (delScratch.length < s.length) delScratch = new Uint8Array(s.length);
  const del = delScratch;
  del.fill(0, 0, s.length);
  const mark = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      del.fill(1, m.index, m.index + m[0].length);
    }
  };
  if (s.includes('(') || s.includes('（')) markPinyin(s, del);
  if (s.includes('[bookmark')) mark(BOOKMARK);
  if (s.includes('#')) mark(MD_HEAD);
  if (s.includes('**') || s.includes('__')) mark(MD_BOLD);
  if (s.includes('---')) mark(MD_RULE);
  markAtLineStarts(s, del);
  return del;
}

const PAGE_NO_AT = new RegExp(PAGE_NO.source, 'my');

/**
 * PAGE_NO's matches (a line that is a page number), tried only where a line
 * starts, as its ^ allows (after \n, \r, U+2028 or U+2029): the same matches
 * as the global search, which tries every character. A match never leaves its
 * line, so the next one starts at a later line.
 */
function markAtLineStarts(s: string, del: Uint8Array): void {
  const onlyNewlines = !s.includes('\r') && !s.includes('\u2028') && !s.includes('\u2029');
  for (let p = 0; p <= s.length; ) {
    PAGE_NO_AT.lastIndex = p;
    const m = PAGE_NO_AT.exec(s);
    if (m && m[0].length > 0) del.fill(1, p, p + m[0].length);
    // the next line start
    let q = onlyNewlines ? s.indexOf('\n', p) : p;
    if (!onlyNewlines)
      while (q < s.length) {
        const c = s.charCodeAt(q);
        if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) break;
        q++;
      }
    if (q < 0 || q >= s.length) break;
    p = q + 1;
  }
}

const PINYIN_AT = new RegExp(PINYIN.source, 'y');

/**
 * PINYIN's matches, found where they can start (every match opens with a
 * bracket) rather than by trying the look-behind at every character: the same
 * matches, left to right, as a global search.
 */
function markPinyin(s: string, del: Uint8Array): void {
  const next = (from: number) => {
    const a = s.indexOf('(', from);
    const b = s.indexOf('（', from);
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  };
  for (let i = next(0); i >= 0; ) {
    PINYIN_AT.lastIndex = i;
    const m = PINYIN_AT.exec(s);
    if (m) {
      del.fill(1, i, i + m[0].length);
      i = next(i + m[0].length);
    } else i = next(i + 1);
  }
}

function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) return 0x20;
  if (c === 0x2212 || c === 0x2013 || c === 0xfe63 || c === 0x2010 || c === 0x2011) return 0x2d; // minus sign, en dash, small/non-breaking hyphen → '-'
  if (c === 0x3010) return 0x5b; // 【
  if (c === 0x3011) return 0x5d; // 】
  return c;
}

export function normalize(orig: string): Normalized {
  const del = deletions(orig);
  if (codeScratch.length < orig.length) codeScratch = new Uint16Array(orig.length);
  const codes = codeScratch;
  const map = new Int32Array(orig.length + 1);
  let n = 0;
  const mdTable = orig.includes('|');
  const trad = (TRAD_UNITS.bits ??= new Int8Array(65536).fill(-1));
  let markers = 0; // TRAD_MARKERS's matches in the text, counted as it is built
  for (let i = 0; i < orig.length; i++) {
    if (del[i]) continue;
    let c = orig.charCodeAt(i);
    if (c === 0x0d) continue; // \r
    if (c === 0xfeff || c === 0x200b || c === 0x200c || c === 0x200d) continue;
    c = fold(c);
    if (mdTable && c === 0x7c) c = 0x09; // markdown cell separator → tab
    let t = trad[c]!;
    if (t < 0) t = trad[c] = TRAD_UNITS.re.test(String.fromCharCode(c)) ? 1 : 0;
    markers += t;
    codes[n] = c;
    map[n++] = i;
  }
  let text = fromCodes(codes, n);
  map[n] = orig.length;
  let traditional = false;
  if (markers >= 3) {
    traditional = true;
    text = toSimplified(text);
  }
  return { text, map: map.subarray(0, n + 1), traditional };
}

// Spaces inside Chinese text are layout (广 州 市, a label broken over a line), never words.
const CJK_GAP = /(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;

/**
 * The form of a report's text that search matches against: normalised
 * (simplified, pinyin notes and markdown marks dropped, full-width folded) with
 * the spaces between Chinese characters removed. `normalized` is normalize()'s
 * text, so extraction's work is reused.
 */
export function searchForm(normalized: string): string {
  return normalized.replace(CJK_GAP, '');
}

/** A typed query in the same form: always simplified (a two-character query carries no traditional markers). */
export function queryForm(q: string): string {
  return searchForm(toSimplified(normalize(q.trim()).text)).trim();
}

/** The string of codes[0, n): through a Buffer view (no copy) on little-endian machines, code unit for code unit (lone surrogates kept). */
function fromCodes(codes: Uint16Array, n: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, n * 2).toString('utf16le');
  const parts: string[] = [];
  for (let i = 0; i < n; i += 8192) parts.push(String.fromCharCode.apply(null, Array.from(codes.subarray(i, Math.min(n, i + 8192)))));
  return parts.join('');
}
const LITTLE_ENDIAN = endianness() === 'LE';

/** TRAD_MARKERS's answer per UTF-16 code unit, asked the first time a unit is met. */
const TRAD_UNITS: { re: RegExp; bits: Int8Array | null } = { re: new RegExp(TRAD_MARKERS.source), bits: null };

/** How many traditional-only markers `text` holds, counting no further than `enough`. */
function tradMarkers(text: string, enough: number): number {
  TRAD_MARKERS.lastIndex = 0;
  let k = 0;
  while (k < enough && TRAD_MARKERS.exec(text)) k++;
  return k;
}

// The conversion of a line, remembered (bounded): a report's table labels come back report after report.
const HK_LINES = new Map<string, string>();
// Ideographic description characters (U+2FF0–U+2FFF) make opencc read on over the next characters, a line break included.
const IDS = /[\u2ff0-\u2fff]/;

/**
 * hk(text), line by line: no dictionary word of opencc holds a line break, so
 * none of its matches (segmentation and conversions) crosses one and the
 * conversion of the text is the conversions of its lines joined. A text with
 * an ideographic description character is converted whole.
 */
function hkByLine(hk: Conv, text: string): string {
  if (IDS.test(text)) return hk(text);
  const out: string[] = [];
  for (let pos = 0; pos <= text.length; ) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    let c = HK_LINES.get(line);
    if (c === undefined) {
      c = hk(line);
      if (HK_LINES.size >= 20000) HK_LINES.clear();
      HK_LINES.set(line, c);
    }
    out.push(c);
    pos = nl + 1;
  }
  return out.join('\n');
}

/** Traditional → simplified, keeping the length (so offsets stay valid). */
export function toSimplified(text: string): string {
  const [hk, tw] = converters();
  let conv = hkByLine(hk, text);
  // Taiwan-only forms left over: a second pass (rare, so the cost is rare)
  if (tradMarkers(conv, 3) > 2) conv = tw(conv);
  if (conv.length === text.length) return conv;
  // A phrase conversion changed the length: convert line by line, keeping
  // only lines whose length survives, char by char for the others.
  conv = text
    .split('\n')
    .map((line) => {
      const c = tw(hk(line));
      if (c.length === line.length) return c;
      let r = '';
      for (const ch of line) {
        const x = tw(hk(ch));
        r += x.length === ch.length ? x : ch;
      }
      return r;
    })
    .join('\n');
  return conv;
}

const PUNCT = /[\s"'“”‘’「」『』()（）\[\]【】<>《》,，、.．。:：;；!！?？*#|_~`\-—–·•…\/\\]/g;
const MARKERS = /^(?:[一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]+\)|（[一二三四五六七八九十]+）|\d{1,2}[.、．)）](?!\d)|\(\d{1,2}\)|[①-⑳])+/;

/**
 * The matching form of a label: whitespace gone (rejoins `不予公 开`,
 * `本年 度办 理结 果`), leading list markers gone (`(三)`, `1.`, `四、`),
 * punctuation gone.
 */
export function compact(s: string): string {
  let t = s.length > LONG ? strip(s, SPACE_TABLE) : s.replace(/\s+/g, '');
  for (let k = 0; k < 4; k++) {
    const m = MARKERS.exec(t);
    if (!m || m[0].length === 0) break;
    t = t.slice(m[0].length);
  }
  return t.length > LONG ? strip(t, PUNCT_TABLE) : t.replace(PUNCT, '');
}

/** Whitespace removed only (titles, headings). */
export function squeeze(s: string): string {
  return s.length > LONG ? strip(s, SQUEEZE_TABLE) : s.replace(SQUEEZED, '');
}
const SQUEEZED = /[\s*#]+/g;

/**
 * A test of whether squeeze(s) includes `word`, run on `s` itself (the word's
 * characters with anything squeeze drops between them): no squeezed copy made.
 */
export function squeezedIncludes(word: string): RegExp {
  const gap = SQUEEZED.source.replace(/\+$/, '*');
  return new RegExp([...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(gap));
}

// A whole zone or page of text (compact() of a table zone, squeeze() of a
// report's head) is cheaper to rid of single characters by a table lookup per
// character than by a regular expression with a match at every tab. A table
// holds the regular expression's own answer for each UTF-16 code unit (asked
// the first time the unit is met), so the result is the same string.
const LONG = 256;
type Table = { re: RegExp; bits: Int8Array | null };
const table = (re: RegExp): Table => ({ re: new RegExp(re.source.replace(/\+$/, '')), bits: null });
const SPACE_TABLE = table(/\s/);
const PUNCT_TABLE = table(PUNCT);
const SQUEEZE_TABLE = table(SQUEEZED);
let stripBuf = new Uint16Array(4096);

/** `s` without the characters `t.re` matches. */
function strip(s: string, t: Table): string {
  const bits = (t.bits ??= new Int8Array(65536).fill(-1));
  const n = s.length;
  if (stripBuf.length < n) stripBuf = new Uint16Array(n);
  const buf = stripBuf;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let drop = bits[c]!;
    if (drop < 0) drop = bits[c] = t.re.test(String.fromCharCode(c)) ? 1 : 0;
    if (drop === 0) buf[k++] = c;
  }
  return k === n ? s : fromCodes(buf, k);
}

/** Original span of a normalised span. */
export function origSpan(n: Normalized, start: number, end: number): [number, number] {
  const s = n.map[start] ?? 0;
  const e = end > start ? (n.map[end - 1] ?? s) + 1 : s;
  return [s, e];
}
