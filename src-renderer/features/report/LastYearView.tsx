// Compare with last year: the same agency's report of the year before beside
// this one, cell by cell in the catalogue's order, differing cells marked.
import { useState } from 'react';
import { fieldById, fieldLabel } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { formatValue } from './cells.js';

export function LastYearView({ report: r, version, onOpen }: { report: ReportDetail; version: string; onOpen(id: number): void }) {
  const { t, lang, status } = useI18n();
  const c = useAsync(() => api.call('reports.lastYear', { id: r.id }), [r.id, version]);
  const [onlyDiff, setOnlyDiff] = useState(false);
  const show = (field: string, v: number | null) => {
    const d = fieldById(field);
    return d ? formatValue(v, d.unit) : String(v ?? '');
  };
  /** This year minus last year, signed (≠ when one year left the cell blank). */
  const change = (cur: number | null, prev: number | null) => {
    if (cur === null || prev === null) return '≠';
    const d = Math.round((cur - prev) * 10_000) / 10_000;
    return `${d > 0 ? '+' : ''}${d}`;
  };
  const prevYear = (r.year ?? 0) - 1;
  if (c.error) return <div className="pane error">{c.error}</div>;
  if (!c.data) return <div className="pane muted">{t('loading')}</div>;
  const p = c.data.previous;
  if (!p)
    return (
      <div className="pane last-year-pane" data-testid="last-year">
        <div className="muted pad" data-testid="last-year-none">
          {t('lastYearNone', { year: r.year ? prevYear : '—' })}
        </div>
      </div>
    );
  const cells = onlyDiff ? c.data.cells.filter((x) => x.differs) : c.data.cells;
  return (
    <div className="pane last-year-pane" data-testid="last-year">
      <div className="row gap wrap">
        <strong>{t('lastYearTitle', { agency: r.agency ?? '—', year: r.year ?? '—', prev: p.year })}</strong>
        <span className="badge st-flagged" data-testid="last-year-differing">
          {t('lastYearDiffering', { n: c.data.differing })}
        </span>
        <span className={`badge st-${p.status}`}>{status(p.status)}</span>
        <label className="check small">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} data-testid="last-year-only-diff" />
          {t('lastYearOnlyDiffering')}
        </label>
        <span className="spacer" />
        <button type="button" onClick={() => onOpen(p.id)} data-testid="last-year-open">
          {t('lastYearOpen')}
        </button>
      </div>
      <table className="log-table last-year-table">
        <thead>
          <tr>
            <th>{t('lastYearItem')}</th>
            <th className="num">{t('lastYearThis', { year: r.year ?? '—' })}</th>
            <th className="num">{t('lastYearPrev', { year: p.year })}</th>
            <th className="num">{t('lastYearChange')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((x) => (
            <tr
              key={x.field}
              className={x.differs ? 'differs' : x.oneTemplate ? 'muted' : ''}
              data-testid="last-year-row"
              data-field={x.field}
              data-differs={x.differs ? '1' : '0'}
            >
              <td title={x.oneTemplate ? t('lastYearOneTemplate') : undefined}>{fieldLabel(x.field, lang)}</td>
              <td className="num">{show(x.field, x.current)}</td>
              <td className="num">{show(x.field, x.previous)}</td>
              <td className="num">{x.differs ? change(x.current, x.previous) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
