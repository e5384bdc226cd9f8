// What the review marks in the source for a selection: a cell's own span,
// or for a row-level flag the row's whole line(s) (all its cells' spans
// widened to their lines), so the page viewer boxes the row's area.
import { flagCoversField } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail } from '../../../src-main/contract/models.js';
import { lineSpan } from './page-box.js';
import type { Span } from './PageViewer.js';

export function spansOf(r: ReportDetail, field: string | null, rows: string[] | null = null, text: string | null = null): Span[] {
  if (rows) {
    const cells = Object.entries(r.cells).filter(([f, c]) => flagCoversField(rows, f) && c.end > c.start);
    if (!cells.length) return [];
    const start = Math.min(...cells.map(([, c]) => c.start));
    const end = Math.max(...cells.map(([, c]) => c.end));
    return [text ? lineSpan(text, start, end) : { start, end }];
  }
  const c = field ? r.cells[field] : undefined;
  return c && c.end > c.start ? [{ start: c.start, end: c.end }] : [];
}
