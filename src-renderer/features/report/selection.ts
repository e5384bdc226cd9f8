// What the review marks in the source for a selection: a cell's own span.
import type { ReportDetail } from '../../../src-main/contract/models.js';
import type { Span } from './PageViewer.js';

export function spansOf(r: ReportDetail, field: string | null): Span[] {
  const c = field ? r.cells[field] : undefined;
  return c && c.end > c.start ? [{ start: c.start, end: c.end }] : [];
}
