// The list of reports, virtualised: rows are fetched in pages of PAGE as
// they scroll into view, so 100 000 reports cost a few hundred DOM rows.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { ReportFilter, ReportSummary } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { errorText } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

const PAGE = 200;
const ROW_HEIGHT = 32;

type SortKey = NonNullable<ReportFilter['sort']>;

export function ReportList({ filter: given, onOpen }: { filter: ReportFilter; onOpen(id: number, ids: number[]): void }) {
  const { t, status } = useI18n();
  // Sorted by any column (click its head; again to reverse); by default agency, then year.
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'agency', desc: false });
  const filter: ReportFilter = { ...given, sort: sort.key, ...(sort.desc ? { desc: true } : {}) };
  const head = (key: SortKey, label: string) => (
    <button
      type="button"
      className={`list-sort${sort.key === key ? ' active' : ''}`}
      onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : false }))}
      data-testid={`sort-${key}`}
      aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}
    >
      {label}
      {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
    </button>
  );
  const [total, setTotal] = useState<number | null>(null);
  const [rows, setRows] = useState<Map<number, ReportSummary>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const loading = useRef(new Set<number>());
  const parent = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(filter);

  const loadPage = (page: number, k: string) => {
    if (loading.current.has(page)) return;
    loading.current.add(page);
    api.call('reports.list', { ...filter, offset: page * PAGE, limit: PAGE }).then(
      (r) => {
        if (k !== key) return;
        setTotal(r.total);
        setRows((m) => {
          const next = new Map(m);
          r.items.forEach((it, i) => next.set(page * PAGE + i, it));
          return next;
        });
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  useEffect(() => {
    loading.current = new Set();
    setRows(new Map());
    setTotal(null);
    setError(null);
    const timer = setTimeout(() => loadPage(0, key), 150); // debounce typing
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const v = useVirtualizer({ count: total ?? 0, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = v.getVirtualItems();
  useEffect(() => {
    for (const it of items) if (!rows.has(it.index)) loadPage(Math.floor(it.index / PAGE), key);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, rows]);

  return (
    <div className="list-wrap">
      <div className="muted small" data-testid="list-total">
        {total === null ? t('loading') : t('reportsCount', { n: total })}
      </div>
      {error && <div className="error">{error}</div>}
      <div className="list-head list-row">
        {head('agency', t('agency'))}
        {head('year', t('year'))}
        {head('region', t('region'))}
        {head('template', t('template'))}
        {head('status', t('status'))}
        {head('file', given.text?.trim() ? t('snippetTitle') : t('file'))}
      </div>
      <div ref={parent} className="list-scroll" data-testid="report-list">
        {total === 0 && <div className="muted pad">{t('noMatch')}</div>}
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {items.map((it) => {
            const r = rows.get(it.index);
            return (
              <div
                key={it.key}
                className={`list-row item ${r ? `st-${r.status}` : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${it.start}px)` }}
                onClick={() =>
                  r &&
                  onOpen(
                    r.id,
                    [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x.id),
                  )
                }
                data-testid="report-row"
              >
                {r ? (
                  <>
                    <span className="ellipsis" title={r.agency ?? ''}>
                      {r.agency ?? '—'}
                    </span>
                    <span>{r.year ?? '—'}</span>
                    <span className="ellipsis">{r.region ?? ''}</span>
                    <span>{r.template ?? '—'}</span>
                    <span>
                      <span className={`badge st-${r.status}`}>{status(r.status)}</span>
                      {r.needsCompare && (
                        <span className="badge st-flagged" data-testid="list-needs-compare">
                          {t('versionPending')}
                        </span>
                      )}
                      {r.versionCount > 1 && <span className="muted small"> {t('badgeVersions', { n: r.versionCount })}</span>}
                      {r.flagCount > 0 && <span className="muted small"> ×{r.flagCount}</span>}
                      {(r.qualityCount ?? 0) > 0 && (
                        <span className="muted small quality-count" title={t('filterQuality')} data-testid="quality-count">
                          {' '}
                          {t('filterQuality')} ×{r.qualityCount}
                        </span>
                      )}
                    </span>
                    {r.snippet ? (
                      <span className="ellipsis small" title={`${t('snippetTitle')}：${r.snippet.replace(/[[\]]/g, '')}`} data-testid="list-snippet">
                        <Passage text={r.snippet} />
                      </span>
                    ) : (
                      <span className="ellipsis muted small" title={r.file}>
                        {r.file}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="muted">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A passage from the archive with its hit between [ and ]: the hit highlighted. */
export function Passage({ text }: { text: string }) {
  const m = /^(.*?)\[(.+?)\](.*)$/s.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      {m[1]}
      <mark className="hit">{m[2]}</mark>
      {m[3]}
    </>
  );
}
