// Agency × year matrix. Rows are virtualised: a national archive holds
// thousands of agencies. Each cell shows whether the report exists and its
// review state; a click opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { GridState, LibraryGrid as Grid } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

const ROW = 30;
const MARK: Record<GridState, string> = { verified: '✔', flagged: '!', unreviewed: '●', missing: '' };

export function LibraryGrid({ grid, onOpen }: { grid: Grid; onOpen(id: number, ids: number[]): void }) {
  const { t, status } = useI18n();
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: grid.rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 15 });
  const cols = `minmax(14rem, 26rem) repeat(${grid.years.length}, 5.5rem) 1fr`; // rem: header and rows differ in font size
  return (
    <div className="grid-wrap" data-testid="library-grid">
      <div className="legend small">
        {(['unreviewed', 'flagged', 'verified', 'missing'] as GridState[]).map((s) => (
          <span key={s}>
            <span className={`gcell g-${s}`}>{MARK[s]}</span> {status(s)}
          </span>
        ))}
        <span className="muted">{t('agenciesCount', { n: grid.rows.length })}</span>
      </div>
      <div className="grid-row grid-head" style={{ gridTemplateColumns: cols }}>
        <span>{t('agency')}</span>
        {grid.years.map((y) => (
          <span key={y} className="center">{y}</span>
        ))}
      </div>
      <div ref={parent} className="list-scroll">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((it) => {
            const row = grid.rows[it.index]!;
            return (
              <div
                key={it.key}
                className="grid-row"
                style={{ gridTemplateColumns: cols, position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${it.start}px)` }}
                data-testid="grid-row"
              >
                <span className="ellipsis" title={row.region ?? ''}>{row.agency}</span>
                {row.cells.map((c) => (
                  <button
                    type="button"
                    key={c.year}
                    className={`gcell g-${c.state}`}
                    disabled={c.reportId === null}
                    title={`${row.agency} ${c.year}: ${status(c.state)}`}
                    onClick={() => c.reportId !== null && onOpen(c.reportId, grid.rows.flatMap((r) => r.cells.flatMap((x) => (x.reportId === null ? [] : [x.reportId]))))}
                    data-testid={c.reportId !== null ? 'grid-cell' : undefined}
                    data-agency={row.agency}
                    data-year={c.year}
                  >
                    {MARK[c.state]}
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
