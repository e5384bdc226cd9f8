// The original's own tables for Word, HTML and spreadsheet reports: each grid
// drawn as the file has it (merged cells spanning), the cell holding the
// selected value (or the row's cells) marked and scrolled into view. The
// grids are re-read from the archived original (reports.grids); their offsets
// are the report text's, so a cell's stored span finds its grid cell.
import { useEffect, useRef } from 'react';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import type { Span } from './PageViewer.js';

/** Formats whose original is shown as its table grids. */
export const GRID_VIEWABLE = new Set(['docx', 'html', 'xlsx', 'xls', 'et', 'csv']);

const overlaps = (c: { start: number; end: number }, spans: Span[]) => c.end > c.start && spans.some((s) => s.start < c.end && s.end > c.start);

export function GridViewer({ reportId, spans }: { reportId: number; spans: Span[] }) {
  const { t } = useI18n();
  const g = useAsync(() => api.call('reports.grids', { id: reportId }), [reportId]);
  const wrap = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(spans);
  useEffect(() => {
    wrap.current?.querySelector<HTMLElement>('td.grid-mark')?.scrollIntoView?.({ block: 'center', inline: 'nearest' });
  }, [key, g.data]);
  if (g.error) return <div className="error small">{t('pageViewerError', { error: g.error })}</div>;
  if (!g.data) return <div className="muted">{t('loading')}</div>;
  if (!g.data.grids.length) return <div className="muted small">{t('gridViewerNone')}</div>;
  const marked = g.data.grids.reduce((n, grid) => n + grid.rows.flat().filter((c) => !c.covered && overlaps(c, spans)).length, 0);
  return (
    <div className="grid-viewer" ref={wrap} data-testid="grid-viewer" data-marked={marked}>
      {spans.length > 0 && marked === 0 && <div className="muted small">{t('pageNoPosition')}</div>}
      {g.data.grids.map((grid, i) => (
        <table key={i} className="orig-grid">
          <tbody>
            {grid.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, k) =>
                  c.covered ? null : (
                    <td
                      key={k}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                      className={overlaps(c, spans) ? 'grid-mark' : undefined}
                      data-testid={overlaps(c, spans) ? 'grid-mark' : undefined}
                    >
                      {c.text}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
