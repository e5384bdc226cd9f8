// OCR words → positioned runs, so that the PDF layout rebuilder (pdf-layout.ts)
// turns a scanned page into the same lines and '\t'-separated cells as a PDF
// with a text layer. tesseract's word boxes are loose (a CJK word's box can
// reach into the next word), so a word's width is capped by its length, and
// the words of one recognised line are grouped into cells at wide gaps before
// the layout sees them.
import type { Run } from '../pdf-layout.js';
import type { OcrLine, OcrWord } from './engine.js';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;
/** What a removed-or-missed table rule reads as, at the edges of a word. */
const RULE_EDGE = /^[|｜丨¦]+|[|｜丨¦]+$/g;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/**
 * Runs for one page. `scale` is pixels per output unit (points for a PDF
 * page, 1 for an image at its own size); runs come back in output units.
 */
export function wordsToRuns(lines: OcrLine[], scale: number, page: number): Run[] {
  const runs: Run[] = [];
  for (const line of lines) {
    const words = line.words.map((w) => ({ ...w, text: w.text.replace(RULE_EDGE, '').trim() })).filter((w) => w.text && w.bbox.x1 > w.bbox.x0);
    if (!words.length) continue;
    const size = Math.max(8, median(words.map((w) => w.bbox.y1 - w.bbox.y0)));
    const base = median(words.map((w) => w.bbox.y1));
    words.sort((a, b) => a.bbox.x0 - b.bbox.x0);
    let group: { w: OcrWord; x1: number }[] = [];
    const flush = () => {
      if (!group.length) return;
      let str = '';
      let prevEnd = -Infinity;
      for (const { w, x1 } of group) {
        const spaced = str && w.bbox.x0 - prevEnd > 0.25 * size && !CJK.test(str[str.length - 1]!) && !CJK.test(w.text[0]!);
        str += (spaced ? ' ' : '') + w.text;
        prevEnd = x1;
      }
      const x0 = group[0]!.w.bbox.x0;
      const x1 = Math.max(...group.map((g) => g.x1));
      runs.push({
        str,
        x: x0 / scale,
        y: base / scale,
        width: (x1 - x0) / scale,
        size: size / scale,
        page,
        conf: Math.min(...group.map((g) => g.w.confidence)) / 100,
      });
      group = [];
    };
    let end = -Infinity;
    for (const w of words) {
      // a glyph is at most ~1.2 em wide: a box reaching further belongs to its neighbour
      const x1 = Math.min(w.bbox.x1, w.bbox.x0 + [...w.text].length * 1.2 * size);
      // a column gap in a table is wider than any gap inside a line of text
      if (group.length && w.bbox.x0 - end > 1.0 * size) flush();
      group.push({ w, x1 });
      end = Math.max(end, x1);
    }
    flush();
  }
  return runs;
}

/**
 * One run for a table cell read on its own: its lines joined (a wrapped label
 * is one label again), placed over the middle of the cell so neighbouring
 * cells stay apart, on the band's common baseline so a row stays one line.
 */
export function cellRun(lines: OcrLine[], cell: { x0: number; x1: number; y1: number }, scale: number, page: number): Run | null {
  const words = lines.flatMap((l) => l.words.map((w) => ({ ...w, text: w.text.replace(RULE_EDGE, '').trim() }))).filter((w) => w.text);
  if (!words.length) return null;
  let str = '';
  for (const l of lines) {
    const t = l.words.map((w) => w.text.replace(RULE_EDGE, '').trim()).filter(Boolean);
    let line = '';
    for (const s of t) line += line && !CJK.test(line[line.length - 1]!) && !CJK.test(s[0]!) ? ' ' + s : s;
    str += str && line && !CJK.test(str[str.length - 1]!) && !CJK.test(line[0]!) ? ' ' + line : line;
  }
  const size = Math.max(8, median(words.map((w) => w.bbox.y1 - w.bbox.y0)));
  const cw = cell.x1 - cell.x0;
  return {
    str,
    x: (cell.x0 + 0.1 * cw) / scale,
    y: cell.y1 / scale,
    width: (0.8 * cw) / scale,
    size: size / scale,
    page,
    conf: Math.min(...words.map((w) => w.confidence)) / 100,
  };
}
