// Agency × year matrix. Rows are virtualised: a national archive holds
// thousands of agencies. Each cell shows whether the report exists and its
// review state; a click opens it.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { GridCell, GridState, LibraryGrid as Grid } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

const ROW = 30;
const MARK: Record<GridState, string> = { verified: '✔', flagged: '!', unreviewed: '●', missing: '' };

export function LibraryGrid({ grid, onOpen }: { grid: Grid; onOpen(id: number, ids: number[]): void }) {
  const { t, status } = useI18n();
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: grid.rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 15 });
  const [chooser, setChooser] = useState<{ agency: string; year: number | null; ids: number[] } | null>(null);
  // A 年度不明 column when some report has no year.
  const cols = `minmax(14rem, 26rem) repeat(${grid.years.length + (grid.hasUnknownYear ? 1 : 0)}, 5.5rem) 1fr`; // rem: header and rows differ in font size
  const allIds = () => grid.rows.flatMap((r) => [...r.cells, ...(r.unknownYear ? [r.unknownYear] : [])].flatMap((x) => x.reportIds));
  const cellButton = (agency: string, c: GridCell) => {
    // Several reports in one cell (no agency, no year): a chooser; versions or 待比较: a count badge.
    const badge = c.reportIds.length > 1 ? c.reportIds.length : c.versions > 1 ? c.versions : 0;
    return (
      <button
        type="button"
        key={c.year ?? 'unknown'}
        className={`gcell g-${c.state}${c.needsCompare ? ' g-compare' : ''}`}
        disabled={c.reportId === null}
        title={`${agency} ${c.year ?? t('unknownYear')}: ${status(c.state)}${c.needsCompare ? ` · ${t('versionPending')}` : ''}${c.versions > 1 ? ` · ${t('badgeVersions', { n: c.versions })}` : ''}`}
        onClick={() => {
          if (c.reportId === null) return;
          if (c.reportIds.length > 1) setChooser({ agency, year: c.year, ids: c.reportIds });
          else onOpen(c.reportId, allIds());
        }}
        data-testid={c.reportId !== null ? 'grid-cell' : undefined}
        data-agency={agency}
        data-year={c.year ?? 'unknown'}
      >
        {MARK[c.state]}
        {badge > 0 && (
          <sup className="gbadge" data-testid="grid-badge">
            {badge}
          </sup>
        )}
        {c.needsCompare && <sup className="gbadge g-compare-mark">?</sup>}
      </button>
    );
  };
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
          <span key={y} className="center">
            {y}
          </span>
        ))}
        {grid.hasUnknownYear && <span className="center">{t('unknownYear')}</span>}
      </div>
      {chooser && (
        <div className="notice small row gap" data-testid="grid-chooser">
          <span>
            {chooser.agency} {chooser.year ?? t('unknownYear')}: {t('chooseReport', { n: chooser.ids.length })}
          </span>
          {chooser.ids.map((id) => (
            <button type="button" key={id} onClick={() => (setChooser(null), onOpen(id, chooser.ids))}>
              #{id}
            </button>
          ))}
          <button type="button" onClick={() => setChooser(null)}>
            {t('close')}
          </button>
        </div>
      )}
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
                <span className="ellipsis" title={row.region ?? ''}>
                  {row.agency}
                </span>
                {row.cells.map((c) => cellButton(row.agency, c))}
                {grid.hasUnknownYear && (row.unknownYear ? cellButton(row.agency, row.unknownYear) : <span />)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
