// The archived original beside the tables: a PDF page drawn by pdf.js (zoom,
// page turning), a scan or page image as an image, with a box around the
// selected cell's (or row's) stored position. Bytes come from the archive by
// report id (reports.original), never from a path.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OriginalFile, ReportText } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { errorText } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { spanBoxes, pageAt, type Box } from './page-box.js';
import { base64Bytes, openPdf, warmPdf, type PdfDocument } from './pdf.js';

export interface Span {
  start: number;
  end: number;
}

interface Props {
  reportId: number;
  text: ReportText;
  /** Text spans to box (the selected cell, or a row's line). */
  spans: Span[];
  /** Called with the time (ms) the page took to open and draw, for the status line and tests. */
  onDrawn?(ms: number): void;
}

/** Formats whose original the viewer can draw. */
export const VIEWABLE = new Set(['pdf', 'image']);

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export function PageViewer({ reportId, text, spans }: Props) {
  const { t } = useI18n();
  const [file, setFile] = useState<OriginalFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1); // 1 = the pane's width
  const [drawn, setDrawn] = useState<{ page: number; width: number; height: number; ms: number } | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const wrap = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [paneWidth, setPaneWidth] = useState(0);
  const started = useRef(0);

  // Load the original once per report.
  useEffect(() => {
    let live = true;
    setFile(null);
    setPdf(null);
    setError(null);
    setDrawn(null);
    started.current = performance.now();
    warmPdf(); // pdf.js starts while the bytes come
    api
      .call('reports.original', { id: reportId })
      .then(
        async (f) => {
          if (!live) return;
          setFile(f);
          if (f.mime === 'application/pdf') {
            const doc = await openPdf(base64Bytes(f.data));
            if (live) setPdf(doc);
            else void doc.destroy();
          }
        },
        (e: unknown) => live && setError(errorText(e)),
      )
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [reportId]);
  useEffect(() => () => void pdf?.destroy(), [pdf]);

  // The pane's width (fit-to-width zoom), followed as the window resizes.
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setPaneWidth(el.clientWidth));
    ro.observe(el);
    setPaneWidth(el.clientWidth);
    return () => ro.disconnect();
  }, [file, pdf]);

  const boxes = useMemo(() => spans.flatMap((s) => spanBoxes(text, s.start, s.end)), [text, spans]);
  const target = boxes[0]?.page ?? (spans[0] ? pageAt(text, spans[0].start) : null);
  useEffect(() => {
    if (target) setPage(target);
  }, [target, spans]);
  const pages = pdf?.numPages ?? text.pages?.length ?? 1;

  // Draw the PDF page.
  useEffect(() => {
    if (!pdf || !canvas.current || paneWidth <= 0) return;
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let live = true;
    const t0 = started.current || performance.now();
    setDrawn(null);
    void (async () => {
      try {
        const p = await pdf.getPage(Math.min(Math.max(1, page), pdf.numPages));
        if (!live) return;
        const base = p.getViewport({ scale: 1 });
        const scale = (zoom * (paneWidth - 4)) / base.width;
        const vp = p.getViewport({ scale });
        const dpr = window.devicePixelRatio || 1;
        const c = canvas.current!;
        c.width = Math.floor(vp.width * dpr);
        c.height = Math.floor(vp.height * dpr);
        c.style.width = `${Math.floor(vp.width)}px`;
        c.style.height = `${Math.floor(vp.height)}px`;
        task = p.render({ canvas: c, viewport: vp, transform: dpr !== 1 ? [dpr, 0, 0, dpr, 0, 0] : undefined });
        await task.promise;
        if (!live) return;
        const ms = performance.now() - t0;
        started.current = 0;
        setDrawn({ page, width: base.width, height: base.height, ms });
      } catch (e) {
        if (live && (e as Error)?.name !== 'RenderingCancelledException') setError(errorText(e));
      }
    })();
    return () => {
      live = false;
      task?.cancel();
    };
  }, [pdf, page, zoom, paneWidth]);

  // Bring the box into view inside the pane.
  useEffect(() => {
    const b = boxRef.current;
    const pane = wrap.current?.parentElement;
    if (!b || !pane) return;
    const top = b.offsetTop - pane.clientHeight / 3;
    pane.scrollTop = Math.max(0, top);
    const left = b.offsetLeft - pane.clientWidth / 3;
    pane.scrollLeft = Math.max(0, left);
  }, [drawn, boxes]);

  if (error)
    return (
      <div className="error small" data-testid="page-error">
        {t('pageViewerError', { error })}
      </div>
    );
  if (!file) return <div className="muted small">{t('loading')}</div>;

  const isImage = file.mime === 'image/png' || file.mime === 'image/jpeg';
  if (!pdf && file.mime === 'application/pdf') return <div className="muted small">{t('loading')}</div>;
  if (!pdf && !isImage)
    return (
      <div className="muted small" data-testid="page-unavailable">
        {t('pageViewerUnsupported', { format: file.format ?? file.mime })}
      </div>
    );

  // Image pages: the OCR positions are in the page's own units (text.pages).
  const pageInfo = text.pages?.find((p) => p.page === page);
  const unit = pdf ? (drawn ? { w: drawn.width, h: drawn.height } : null) : pageInfo ? { w: pageInfo.width, h: pageInfo.height } : null;
  const onPage = boxes.filter((b) => b.page === page);
  const displayWidth = Math.floor(zoom * (paneWidth - 4));

  return (
    <div className="page-viewer" data-testid="page-viewer" data-page={page} data-pages={pages} data-ms={drawn ? Math.round(drawn.ms) : ''}>
      <div className="page-tools row gap small">
        <button type="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)} data-testid="page-prev" title={t('pagePrev')}>
          ‹
        </button>
        <span data-testid="page-number">{t('pageOf', { n: page, of: pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => setPage((p) => p + 1)} data-testid="page-next" title={t('pageNext')}>
          ›
        </button>
        <span className="spacer" />
        <button
          type="button"
          disabled={zoom <= ZOOMS[0]!}
          onClick={() => setZoom((z) => ZOOMS[Math.max(0, ZOOMS.indexOf(z) - 1)]!)}
          data-testid="zoom-out"
          title={t('zoomOut')}
        >
          −
        </button>
        <span data-testid="zoom">{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          disabled={zoom >= ZOOMS[ZOOMS.length - 1]!}
          onClick={() => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(z) + 1)]!)}
          data-testid="zoom-in"
          title={t('zoomIn')}
        >
          +
        </button>
        <button type="button" onClick={() => setZoom(1)} title={t('zoomFit')}>
          {t('zoomFit')}
        </button>
      </div>
      <div className="page-wrap" ref={wrap}>
        <div className="page-sheet" style={{ width: displayWidth }}>
          {pdf ? (
            <canvas ref={canvas} data-testid="page-canvas" />
          ) : (
            <img src={`data:${file.mime};base64,${file.data}`} alt={file.name} style={{ width: displayWidth }} data-testid="page-image" />
          )}
          {unit &&
            onPage.map((b: Box, i) => (
              <div
                key={i}
                ref={i === 0 ? boxRef : undefined}
                className="page-box"
                data-testid="page-box"
                style={{
                  left: `${(b.x / unit.w) * 100}%`,
                  top: `${(b.y / unit.h) * 100}%`,
                  width: `${(b.width / unit.w) * 100}%`,
                  height: `${(b.height / unit.h) * 100}%`,
                }}
              />
            ))}
        </div>
      </div>
      {spans.length > 0 && boxes.length === 0 && (
        <div className="muted small" data-testid="page-nobox">
          {t('pageNoPosition')}
        </div>
      )}
    </div>
  );
}
