import { useState } from 'react';
import type { QueueScope, ReportFilter } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { AgencyPanel } from './AgencyPanel.js';
import { Filters } from './Filters.js';
import { LibraryGrid } from './LibraryGrid.js';
import { QueuePanel } from './QueuePanel.js';
import { ReportList } from './ReportList.js';
import { TrashList } from './TrashList.js';

type View = 'grid' | 'list' | 'agencies' | 'trash' | 'queue';

interface Props {
  /** `ids`: the reports in view, in order, for previous/next in the report view; `queue`: opened from the review queue. */
  onOpen(id: number, ids: number[], queue?: QueueScope): void;
  /** Open on the review queue with this scope (the import summary's 有疑问 link). */
  queue?: QueueScope | undefined;
}

export function LibraryPage({ onOpen, queue }: Props) {
  const { t } = useI18n();
  const [view, setView] = useState<View>(() => {
    if (queue) {
      sessionStorage.setItem('nianbao.view', 'queue');
      sessionStorage.setItem('nianbao.queue', JSON.stringify(queue));
      return 'queue';
    }
    const v = sessionStorage.getItem('nianbao.view');
    return v === 'list' || v === 'agencies' || v === 'trash' || v === 'queue' ? v : 'grid';
  });
  // The queue's scope survives opening a report and coming back, like the filters.
  const [scope, setScopeState] = useState<QueueScope>(() => {
    if (queue) return queue;
    try {
      return JSON.parse(sessionStorage.getItem('nianbao.queue') ?? '{}') as QueueScope;
    } catch {
      return {};
    }
  });
  const setScope = (q: QueueScope) => {
    sessionStorage.setItem('nianbao.queue', JSON.stringify(q));
    setScopeState(q);
  };
  // Filters survive opening a report and coming back (review goes report by report).
  const [filter, setFilterState] = useState<ReportFilter>(() => {
    try {
      return JSON.parse(sessionStorage.getItem('nianbao.filter') ?? '{}') as ReportFilter;
    } catch {
      return {};
    }
  });
  const setFilter = (f: ReportFilter) => {
    sessionStorage.setItem('nianbao.filter', JSON.stringify(f));
    setFilterState(f);
  };
  const facets = useAsync(() => api.call('library.facets', {}), []);
  const { text: _text, ...gridFilter } = filter; // the grid has no full-text search; the list does
  const gridKey = JSON.stringify(gridFilter);
  const grid = useAsync(() => api.call('library.grid', gridFilter), [gridKey]);
  const pick = (v: View) => {
    sessionStorage.setItem('nianbao.view', v);
    setView(v);
  };
  return (
    <div className="page library">
      <div className="row gap tabs">
        <button type="button" className={view === 'grid' ? 'tab active' : 'tab'} onClick={() => pick('grid')} data-testid="tab-grid">
          {t('viewGrid')}
        </button>
        <button type="button" className={view === 'list' ? 'tab active' : 'tab'} onClick={() => pick('list')} data-testid="tab-list">
          {t('viewList')}
        </button>
        <button type="button" className={view === 'queue' ? 'tab active' : 'tab'} onClick={() => pick('queue')} data-testid="tab-queue">
          {t('viewQueue')}
        </button>
        <button type="button" className={view === 'agencies' ? 'tab active' : 'tab'} onClick={() => pick('agencies')} data-testid="tab-agencies">
          {t('viewAgencies')}
        </button>
        <button type="button" className={view === 'trash' ? 'tab active' : 'tab'} onClick={() => pick('trash')} data-testid="tab-trash">
          {t('trashTitle')}
        </button>
      </div>
      {view === 'queue' ? (
        <QueuePanel scope={scope} onScope={setScope} onOpen={onOpen} />
      ) : view === 'trash' ? (
        <TrashList onRestored={() => (grid.reload(), facets.reload())} />
      ) : view === 'agencies' ? (
        <AgencyPanel onChanged={() => (grid.reload(), facets.reload())} />
      ) : (
        <Filters facets={facets.data} value={filter} onChange={setFilter} />
      )}
      {view === 'agencies' || view === 'trash' || view === 'queue' ? null : view === 'list' || filter.text ? (
        <ReportList filter={filter} onOpen={onOpen} />
      ) : grid.error ? (
        <div className="error">{grid.error}</div>
      ) : grid.data ? (
        <LibraryGrid grid={grid.data} onOpen={onOpen} />
      ) : (
        <div className="muted pad">{t('loading')}</div>
      )}
    </div>
  );
}
