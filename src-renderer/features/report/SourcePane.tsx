// The left pane: the original's page (PDF, scan, page image) or the
// extracted text, one click apart. Both mark the same spans.
import { useEffect, useState } from 'react';
import type { ReportText } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';
import { PageViewer, VIEWABLE, type Span } from './PageViewer.js';
import { SourceText } from './SourceText.js';
import { GRID_VIEWABLE, GridViewer } from './GridViewer.js';

interface Props {
  reportId: number;
  text: ReportText | null;
  spans: Span[];
}

export function SourcePane({ reportId, text, spans }: Props) {
  const { t } = useI18n();
  // A PDF or scan as its page; Word, HTML and spreadsheets as their own tables.
  const asGrid = !!text?.format && GRID_VIEWABLE.has(text.format);
  const viewable = !!text?.format && (VIEWABLE.has(text.format) || asGrid);
  const [view, setView] = useState<'page' | 'text'>(viewable ? 'page' : 'text');
  useEffect(() => setView(viewable ? 'page' : 'text'), [reportId, viewable]);
  return (
    <>
      <div className="pane-title row gap">
        <button
          type="button"
          className={view === 'page' ? 'tab active' : 'tab'}
          disabled={!viewable}
          onClick={() => setView('page')}
          data-testid="view-page"
          title={viewable ? undefined : t('pageViewerNone')}
        >
          {t('viewPage')}
        </button>
        <button type="button" className={view === 'text' ? 'tab active' : 'tab'} onClick={() => setView('text')} data-testid="view-text">
          {t('sourceText')}
        </button>
      </div>
      {!text ? (
        <div className="muted">{t('loading')}</div>
      ) : view === 'page' && asGrid ? (
        <GridViewer reportId={reportId} spans={spans} />
      ) : view === 'page' && viewable ? (
        <PageViewer reportId={reportId} text={text} spans={spans} />
      ) : (
        <SourceText text={text} spans={spans} />
      )}
    </>
  );
}
