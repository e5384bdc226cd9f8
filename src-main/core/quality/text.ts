// A report's text as the quality checks read it: normalised (simplified,
// pinyin and markdown dropped, full width folded), cut into its six sections
// (一 … 六, tolerant of damaged numbering), prose split into sentences.
import { SECTIONS } from '../catalogue/index.js';
import { normalize } from '../normalize/index.js';

export interface Section {
  n: number;
  /** Offsets in the normalised text: the heading line starts at `start`, the body at `body`, the section ends at `end`. */
  start: number;
  body: number;
  end: number;
  text: string;
}

export interface PreparedText {
  text: string;
  sections: Section[];
}

const NUMBERED = /^(?:第([一二三四五六])部分|([一二三四五六])|([1-6]))\s*[、.．,，:：]?\s*/;
const SUB = /^[(（]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]/;
const PUNCT = /[\s\p{P}\p{S}]/gu;
const ONLY_NUMBERED = new Set(['概述', '基本情况']);

/** The section a line opens, or 0. */
function headingOf(line: string): number {
  const l = line.replace(/^[\s#*>•·\-]+/, '');
  if (!l || SUB.test(l)) return 0;
  const m = NUMBERED.exec(l);
  const rest = (m ? l.slice(m[0].length) : l).replace(PUNCT, '');
  for (const s of SECTIONS)
    for (const k of s.keys) {
      if (!rest.startsWith(k)) continue;
      if (!m && (ONLY_NUMBERED.has(k) || rest.length > k.length + 4)) continue;
      // a numbered line must be a heading, not a sentence that starts with the words
      if (m && rest.length > k.length + 12 && !/[。；]/.test(l.slice(0, 40))) continue;
      return s.n;
    }
  return 0;
}

/** The sections found, in order; a section whose heading is missing or out of order is absent. */
export function splitSections(text: string): Section[] {
  const found: { n: number; start: number; body: number }[] = [];
  let at = 0;
  let last = 0;
  for (const line of text.split('\n')) {
    const n = line.length < 80 ? headingOf(line) : 0;
    if (n > last) {
      found.push({ n, start: at, body: at + line.length + 1 });
      last = n;
    }
    at += line.length + 1;
  }
  return found.map((f, i) => {
    const end = i + 1 < found.length ? found[i + 1]!.start : text.length;
    const body = Math.min(f.body, end);
    return { ...f, body, end, text: text.slice(body, end) };
  });
}

export function prepareText(original: string): PreparedText {
  const text = normalize(original).text;
  return { text, sections: splitSections(text) };
}

/** Sentences of a prose passage (。！？； and line ends), trimmed, empty ones dropped. */
export function sentences(s: string): string[] {
  return s
    .split(/[。！？!?；;\n]+/)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

/** A passage as compared: no spaces or punctuation, every digit 0 (years and figures changed still match). */
export function canon(s: string): string {
  return s.replace(PUNCT, '').replace(/\d+(?:\.\d+)?/g, '0');
}
