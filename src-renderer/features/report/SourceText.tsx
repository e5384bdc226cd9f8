// The report's text with the selected cell's span marked and scrolled into
// view. For PDF the page (and position on it) is shown above the text.
import { useEffect, useRef } from 'react';
import type { CellSource, ReportText } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

export function SourceText({ text, source }: { text: ReportText; source: CellSource | null }) {
  const { t } = useI18n();
  const mark = useRef<HTMLElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Scroll only the text pane (scrollIntoView would move the whole window).
    const m = mark.current;
    const pane = box.current?.parentElement;
    if (m && pane) pane.scrollTop = Math.max(0, m.offsetTop - pane.clientHeight / 2); // .pane is position: relative
  }, [source?.start, source?.end]);
  const s = text.text;
  const ok = source && source.start >= 0 && source.end <= s.length && source.end > source.start;
  const page =
    source?.position?.page ??
    (ok && text.pages ? text.pages.find((p) => source.start >= p.start && source.start < p.end)?.page : undefined);
  return (
    <div className="source" ref={box}>
      {page !== undefined && (
        <div className="muted small source-page" data-testid="source-page">
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
