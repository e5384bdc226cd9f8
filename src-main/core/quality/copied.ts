// copied_text (内容雷同), the pure part: a prose section's own words (its
// sentences less the template's words and the sentences many agencies
// print — boilerplate), cut into 5-character shingles (digits as 0, so a
// copy with the years and figures changed still matches), summarised by a
// 64-value MinHash signature and 16 LSH bands of 4 for finding candidates in
// a large archive; candidates are then compared exactly (containment: the
// share of this section's shingles found in the other's).
import { TEMPLATE_PHRASES } from '../catalogue/index.js';
import { canon, sentences } from './text.js';

export const SHINGLE = 5;
export const PERMS = 64;
export const BANDS = 16;
const ROWS = PERMS / BANDS;
/** Fewer shingles than this (about 45 characters of own words): too short to call a copy. */
export const MIN_SHINGLES = 40;

/** FNV-1a, 32-bit, as a signed integer (SQLite INTEGER friendly). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const TEMPLATE = [...new Set(TEMPLATE_PHRASES.map(canon))].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);

/** A sentence with the template's words taken out (what is left is the agency's). */
export function stripTemplate(c: string): string {
  let t = c;
  for (const p of TEMPLATE) if (t.includes(p)) t = t.split(p).join('');
  return t;
}

/** A sentence in canonical form, with its hash when it is long enough to be learned as boilerplate (else null). */
export interface CanonSentence {
  c: string;
  h: number | null;
}

/** A passage's sentences in canonical form (what learning and the own words both read: computed once per section). */
export function canonSentences(passage: string): CanonSentence[] {
  return sentences(passage).map((s) => {
    const c = canon(s);
    return { c, h: c.length >= 6 ? hash32(c) : null };
  });
}

/** Canonical sentences of a passage and their hashes (the key boilerplate is learned by). */
export function sentenceHashes(passage: string | CanonSentence[]): number[] {
  const out = new Set<number>();
  for (const s of typeof passage === 'string' ? canonSentences(passage) : passage) if (s.h !== null) out.add(s.h);
  return [...out];
}

/** The passage's own words: sentences not boilerplate, the template's words removed, joined. */
export function ownWords(passage: string | CanonSentence[], isBoiler: (hash: number) => boolean): string {
  const parts: string[] = [];
  for (const { c, h } of typeof passage === 'string' ? canonSentences(passage) : passage) {
    if (h !== null && isBoiler(h)) continue;
    const t = stripTemplate(c);
    if (t.length >= 4) parts.push(t);
  }
  return parts.join('|');
}

/** The section's shingles as FNV-1a hashes (hash32 of each 5-character window not crossing a sentence), computed on the char codes: no string per shingle. */
export function shingles(own: string): Set<number> {
  const out = new Set<number>();
  const n = own.length;
  for (let i = 0; i + SHINGLE <= n; i++) {
    let h = 0x811c9dc5;
    let j = i;
    for (; j < i + SHINGLE; j++) {
      const c = own.charCodeAt(j);
      if (c === 124) break; // '|': the window crosses from one sentence into the next
      h = Math.imul(h ^ c, 0x01000193);
    }
    if (j === i + SHINGLE) out.add(h | 0);
    else i = j; // every window up to the '|' crosses it too
  }
  return out;
}

// murmur3's finaliser over x ^ seed: 64 cheap independent-enough hash functions.
const SEEDS = Uint32Array.from({ length: PERMS }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export function minhash(set: Set<number>): Uint32Array {
  const vals = Int32Array.from(set);
  const sig = new Uint32Array(PERMS);
  for (let i = 0; i < PERMS; i++) {
    const seed = SEEDS[i]!;
    let min = 0xffffffff;
    for (let k = 0; k < vals.length; k++) {
      // mix(v ^ seed), inlined
      let x = vals[k]! ^ seed;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      x >>>= 0;
      if (x < min) min = x;
    }
    sig[i] = min;
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERMS; i++) if (a[i] === b[i]) same++;
  return same / PERMS;
}

/** LSH band keys of a section's signature (the section is part of the key). */
export function bandKeys(sig: Uint32Array, section: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(section * 131 + b + 1, 0x9e3779b1);
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out.push(mix(h) | 0);
  }
  return out;
}

/** Share (0..1) of `a`'s shingles found in `b`. */
export function containment(a: Set<number>, b: Set<number>): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const v of a) if (b.has(v)) n++;
  return n / a.size;
}

/** The common parts of two passages, as [start, end) spans of each passage's own text, for marking side by side. */
export function commonSpans(a: string, b: string): { a: [number, number][]; b: [number, number][] } {
  const ca = canonMap(a);
  const cb = canonMap(b);
  const grams = (c: string) => {
    const s = new Set<string>();
    for (let i = 0; i + SHINGLE <= c.length; i++) s.add(c.slice(i, i + SHINGLE));
    return s;
  };
  const ga = grams(ca.text);
  const gb = grams(cb.text);
  return { a: marked(a, ca, gb), b: marked(b, cb, ga) };
}

/** The canonical text of a passage with, per canonical character, the span of the original it stands for. */
function canonMap(s: string): { text: string; from: number[]; to: number[] } {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  const re = /\d+(?:\.\d+)?|[^\s\p{P}\p{S}]/gu;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    text += /^\d/.test(m[0]) ? '0' : m[0];
    from.push(m.index);
    to.push(m.index + m[0].length);
  }
  return { text, from, to };
}

function marked(src: string, c: { text: string; from: number[]; to: number[] }, other: Set<string>): [number, number][] {
  const on = new Uint8Array(c.text.length);
  for (let i = 0; i + SHINGLE <= c.text.length; i++) if (other.has(c.text.slice(i, i + SHINGLE))) on.fill(1, i, i + SHINGLE);
  const spans: [number, number][] = [];
  for (let i = 0; i < on.length; i++) {
    if (!on[i]) continue;
    let j = i;
    while (j + 1 < on.length && on[j + 1]) j++;
    const last = spans[spans.length - 1];
    const s = c.from[i]!;
    const e = c.to[j]!;
    // punctuation between two marked runs is marked too
    if (last && /^[\s\p{P}\p{S}]*$/u.test(src.slice(last[1], s))) last[1] = e;
    else spans.push([s, e]);
    i = j;
  }
  return spans;
}
