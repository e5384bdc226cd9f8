// One window: a top bar with the sections, and the current page. Routing is
// plain state (no URLs to navigate to, which the shell blocks anyway).
import { useEffect, useState } from 'react';
import type { AppInfo, QueueScope } from '../src-main/contract/models.js';
import { api } from './api/index.js';
import { useAsync } from './components/useAsync.js';
import { ChartsPage } from './features/charts/ChartsPage.js';
import { ExportPage } from './features/export/ExportPage.js';
import { ImportPage } from './features/import/ImportPage.js';
import { LibraryPage } from './features/library/LibraryPage.js';
import { ReportPage } from './features/report/ReportPage.js';
import { Welcome } from './features/welcome/Welcome.js';
import { useI18n } from './i18n/index.js';

export type Route =
  | { page: 'library'; queue?: QueueScope }
  | { page: 'report'; id: number; ids: number[]; queue?: QueueScope }
  | { page: 'import'; samples?: boolean }
  | { page: 'export' }
  | { page: 'charts' };

export function App() {
  const { t, lang, setLang } = useI18n();
  const info = useAsync<AppInfo>(() => api.call('app.info', {}), []);
  const [route, setRoute] = useState<Route>({ page: 'library' });
  const [version, setVersion] = useState(0); // bump to refresh lists after changes

  const reloadInfo = info.reload;
  useEffect(
    () =>
      api.subscribe((e) => {
        if (e.name === 'archive.changed') {
          reloadInfo();
          setRoute({ page: 'library' });
        }
        if (e.name === 'job.done') {
          setVersion((v) => v + 1);
          reloadInfo();
        }
        if (e.name === 'menu.command') {
          const c = e.payload.command;
          if (c === 'import') setRoute({ page: 'import' });
          else if (c === 'export') setRoute({ page: 'export' });
          else if (c === 'library') setRoute({ page: 'library' });
          else if (c === 'charts') setRoute({ page: 'charts' });
        }
      }),
    [reloadInfo],
  );

  const a = info.data?.archive;
  const empty = info.data && (!a || a.reports === 0);
  const go = (r: Route) => {
    setRoute(r);
    info.reload();
  };

  let body;
  if (info.error) body = <div className="error">{info.error}</div>;
  else if (!info.data) body = <div className="muted pad">{t('loading')}</div>;
  else if (route.page === 'import')
    body = (
      <ImportPage
        nativeDialogs={info.data.nativeDialogs}
        samples={route.samples ?? false}
        onDone={() => go({ page: 'library' })}
        onQueue={(runId) => go({ page: 'library', queue: { runId, kind: 'flagged' } })}
      />
    );
  else if (empty) body = <Welcome info={info.data} onImport={(samples) => setRoute({ page: 'import', samples })} />;
  else if (route.page === 'report') {
    const { ids, queue } = route;
    body = (
      <ReportPage
        id={route.id}
        ids={ids}
        queue={queue}
        onOpen={(id) => setRoute({ page: 'report', id, ids, ...(queue ? { queue } : {}) })}
        onBack={() => go({ page: 'library' })}
      />
    );
  } else if (route.page === 'export') body = <ExportPage nativeDialogs={info.data.nativeDialogs} years={a?.years ?? []} />;
  else if (route.page === 'charts') body = <ChartsPage years={a?.years ?? []} />;
  else
    body = (
      <LibraryPage
        key={`${version}-${JSON.stringify(route.page === 'library' ? (route.queue ?? null) : null)}`}
        queue={route.page === 'library' ? route.queue : undefined}
        onOpen={(id, ids, queue) => setRoute({ page: 'report', id, ids, ...(queue ? { queue } : {}) })}
      />
    );

  const nav = (page: Route['page'], label: string) => (
    <button type="button" className={route.page === page ? 'nav active' : 'nav'} onClick={() => go({ page } as Route)} data-nav={page}>
      {label}
    </button>
  );
  return (
    <div className="app">
      <header className="topbar">
        <strong className="brand">{t('appName')}</strong>
        {nav('library', t('navLibrary'))}
        {nav('import', t('navImport'))}
        {nav('export', t('navExport'))}
        {nav('charts', t('navCharts'))}
        <span className="spacer" />
        {a && (
          <span className="muted small ellipsis" title={a.path}>
            {t('reportsCount', { n: a.reports })}
          </span>
        )}
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang">
          {t('language')}
        </button>
      </header>
      <main className="content">{body}</main>
    </div>
  );
}
