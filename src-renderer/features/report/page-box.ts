// Where a span of the report's text sits on its page: the PDF reader (and
// OCR) stored one position per text run; a span inside a run gets the share
// of the run's width its characters take. Boxes are in page points, origin
// top-left, like PagePosition.
import type { PagePosition, ReportText } from '../../../src-main/contract/models.js';

export type Box = PagePosition;
type Runs = NonNullable<ReportText['positions']>;

/** First run whose end is past `start` (runs are sorted by start). */
function firstRun(runs: Runs, start: number): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Boxes covering text offsets [start, end): one per line of a page (runs on one line are joined). */
export function spanBoxes(text: Pick<ReportText, 'positions'>, start: number, end: number): Box[] {
  const runs = text.positions;
  if (!runs?.length || !(end > start)) return [];
  const out: Box[] = [];
  for (let i = firstRun(runs, start); i < runs.length && runs[i]!.start < end; i++) {
    const r = runs[i]!;
    const len = r.end - r.start;
    if (len <= 0) continue;
    const a = Math.max(start, r.start);
    const b = Math.min(end, r.end);
    if (b <= a) continue;
    const p = r.position;
    const x = p.x + (p.width * (a - r.start)) / len;
    const box: Box = { page: p.page, x, y: p.y, width: (p.width * (b - a)) / len, height: p.height };
    const last = out[out.length - 1];
    if (last && last.page === box.page && Math.abs(last.y + last.height / 2 - (box.y + box.height / 2)) < Math.max(last.height, box.height) / 2) {
      const x0 = Math.min(last.x, box.x);
      const y0 = Math.min(last.y, box.y);
      last.width = Math.max(last.x + last.width, box.x + box.width) - x0;
      last.height = Math.max(last.y + last.height, box.y + box.height) - y0;
      last.x = x0;
      last.y = y0;
    } else out.push(box);
  }
  return out;
}

/** The page a text offset falls on (from the page ranges), or null. */
export function pageAt(text: Pick<ReportText, 'pages'>, offset: number): number | null {
  return text.pages?.find((p) => offset >= p.start && offset < p.end)?.page ?? null;
}

/** The whole line(s) of the text around [start, end): a row's line in the source. */
export function lineSpan(s: string, start: number, end: number): { start: number; end: number } {
  const a = s.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  const nl = s.indexOf('\n', Math.max(start, end - 1));
  return { start: a, end: nl < 0 ? s.length : nl };
}
