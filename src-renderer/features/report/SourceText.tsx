// The report's text with the selected cell's span marked and scrolled into
// view. For PDF the page (and position on it) is shown above the text.
import { useEffect, useRef } from 'react';
import type { CellSource, ReportText } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

export function SourceText({ text, source }: { text: ReportText; source: CellSource | null }) {
  const { t } = useI18n();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, [source?.start, source?.end]);
  const s = text.text;
  const ok = source && source.start >= 0 && source.end <= s.length && source.end > source.start;
  const page =
    source?.position?.page ??
    (ok && text.pages ? text.pages.find((p) => source.start >= p.start && source.start < p.end)?.page : undefined);
  return (
    <div className="source">
      {page !== undefined && (
        <div className="muted small" data-testid="source-page">
          {t('page', { n: page })}
          {source?.position && ` · (${Math.round(source.position.x)}, ${Math.round(source.position.y)})`}
        </div>
      )}
      <pre className="source-text" data-testid="source-text">
        {ok ? (
          <>
            {s.slice(0, source.start)}
            <mark ref={mark} data-testid="source-mark">{s.slice(source.start, source.end)}</mark>
            {s.slice(source.end)}
          </>
        ) : (
          s
        )}
      </pre>
    </div>
  );
}
