// The report's text with the selected spans marked (a cell's number, or a
// row's whole line) and the first scrolled into view. For PDF the page is
// shown above the text.
import { useEffect, useRef, type ReactNode } from 'react';
import type { ReportText } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';
import { pageAt } from './page-box.js';

export function SourceText({ text, spans }: { text: ReportText; spans: { start: number; end: number }[] }) {
  const { t } = useI18n();
  const mark = useRef<HTMLElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const s = text.text;
  const ok = spans.filter((x) => x.start >= 0 && x.end <= s.length && x.end > x.start).sort((a, b) => a.start - b.start);
  const key = ok.map((x) => `${x.start}-${x.end}`).join();
  useEffect(() => {
    // Scroll only the text pane (scrollIntoView would move the whole window).
    const m = mark.current;
    const pane = box.current?.parentElement;
    if (m && pane) pane.scrollTop = Math.max(0, m.offsetTop - pane.clientHeight / 2); // .pane is position: relative
  }, [key]);
  const page = ok[0] ? pageAt(text, ok[0].start) : null;
  const parts: ReactNode[] = [];
  let at = 0;
  ok.forEach((x, i) => {
    if (x.start < at) return; // overlapping spans: the first wins
    parts.push(s.slice(at, x.start));
    parts.push(
      <mark key={i} ref={i === 0 ? mark : undefined} data-testid="source-mark">
        {s.slice(x.start, x.end)}
      </mark>,
    );
    at = x.end;
  });
  parts.push(s.slice(at));
  return (
    <div className="source" ref={box}>
      {page !== null && (
        <div className="muted small source-page" data-testid="source-page">
          {t('page', { n: page })}
        </div>
      )}
      <pre className="source-text" data-testid="source-text">
        {parts}
      </pre>
    </div>
  );
}
