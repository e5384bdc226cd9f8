// PDF with a text layer, via pdf.js (legacy build for Node 20), fully
// offline: CMaps and standard fonts come from the installed package, no
// worker thread, no eval. Lines and table rows are rebuilt by pdf-layout.ts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ReadError, type ReportDocument } from '../model.js';
import { TextBuilder } from './builder.js';
import type { Reader } from './index.js';
import { MAX_IMAGE_PIXELS, MAX_TEXT_BATCHES, MAX_TEXT_BATCHES_PAGE, MAX_TEXT_RUNS } from './limits.js';
import { pdfGrids, type PlacedLine } from './pdf-grid.js';
import { joinAcrossPages, joinTitle, layoutPage, writeLines, type OutLine, type Run } from './pdf-layout.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let lib: Promise<{ pdfjs: PdfJs; root: string }> | null = null;

/** Load pdf.js once; resolve its data folders from the installed package. */
export function loadPdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  lib ??= (async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(join(root, 'legacy/build/pdf.worker.mjs')).href;
    return { pdfjs, root };
  })();
  return lib;
}

export async function openPdf(bytes: Uint8Array) {
  const { pdfjs, root } = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a plain copy: pdf.js takes ownership and refuses Buffers
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    // JBIG2 / JPEG 2000 decoders (scans) and ICC colour profiles, from the package too
    wasmUrl: join(root, 'wasm') + '/',
    iccUrl: join(root, 'iccs') + '/',
    isEvalSupported: false,
    // an image XObject past this (width × height) is not decoded when a scan is rendered for OCR
    maxImageSize: MAX_IMAGE_PIXELS,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    const name = (e as Error)?.name ?? '';
    if (name === 'PasswordException') throw new ReadError('encrypted', 'the PDF is password-protected; open it with the password and save an unprotected copy');
    throw new ReadError('corrupt', `the PDF is damaged and cannot be read (${(e as Error)?.message ?? e})`);
  }
}

const MAX_PAGES = 500;
const MAX_RUNS = 50_000; // text runs per page before the layout is skipped

type PdfDoc = Awaited<ReturnType<typeof openPdf>>;
type PdfPage = Awaited<ReturnType<PdfDoc['getPage']>>;
type TextItem = Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number];

/**
 * A page's text items, streamed from pdf.js and counted as they come against
 * what is left of the document's budget (a few KB of nested forms can make a
 * million runs: gathering a whole page first once took 4.4 GB and 132 s).
 * Past a cap the file fails (`too_much_text`); the stream is left unread, not
 * cancelled (pdf.js then closes a cancelled stream and throws), and the
 * caller's pdf.destroy() stops pdf.js's work on the page.
 */
async function pageItems(page: PdfPage, budget: { runs: number; batches: number }): Promise<TextItem[]> {
  const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: TextItem[] }>;
  const items: TextItem[] = [];
  const over = (limit: number, why: string) =>
    new ReadError('too_much_text', `the PDF holds too many pieces of text: ${why} (page ${page.pageNumber})`, { page: page.pageNumber, limit });
  for (let batches = 1; ; batches++) {
    const { value, done } = await reader.read();
    if (done) return items;
    budget.runs -= value.items.length;
    budget.batches--;
    if (budget.runs < 0) throw over(MAX_TEXT_RUNS, `more than ${MAX_TEXT_RUNS} text runs in the file`);
    if (budget.batches < 0) throw over(MAX_TEXT_BATCHES, `more than ${MAX_TEXT_BATCHES} batches of text runs in the file`);
    if (batches > MAX_TEXT_BATCHES_PAGE) throw over(MAX_TEXT_BATCHES_PAGE, `more than ${MAX_TEXT_BATCHES_PAGE} batches of text runs on one page`);
    for (const it of value.items) items.push(it);
  }
}

/** Page `p`, or null with a warning when it is damaged (the rest of the file is still read). */
export async function pageOrSkip(pdf: PdfDoc, p: number, warnings: string[]): Promise<Awaited<ReturnType<PdfDoc['getPage']>> | null> {
  try {
    return await pdf.getPage(p);
  } catch {
    warnings.push(`page ${p} is damaged and was skipped`);
    return null;
  }
}

export const read: Reader = async (bytes, _name, opts) => {
  const pdf = await openPdf(bytes);
  const b = new TextBuilder();
  const pages: NonNullable<ReportDocument['pages']> = [];
  const warnings: string[] = [];
  const empty: number[] = [];
  const laidPages: { page: number; width: number; height: number; lines: OutLine[] }[] = [];
  const budget = { runs: MAX_TEXT_RUNS, batches: MAX_TEXT_BATCHES };
  const pending: { page: number; lines: PlacedLine[] }[] = [];
  try {
    const n = Math.min(pdf.numPages, MAX_PAGES);
    if (pdf.numPages > MAX_PAGES) warnings.push(`only the first ${MAX_PAGES} of ${pdf.numPages} pages were read`);
    for (let p = 1; p <= n; p++) {
      const page = await pageOrSkip(pdf, p, warnings);
      if (!page) continue;
      const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
      const width = vx1 - vx0;
      const height = vy1 - vy0;
      let items;
      try {
        items = await pageItems(page, budget);
      } catch (e) {
        if (e instanceof ReadError) throw e;
        warnings.push(`page ${p} is damaged and its text could not be read`);
        continue;
      }
      const runs: Run[] = [];
      for (const it of items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, bb, c, d, e, f] = it.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, bb!) || it.height || 10;
        if (Math.abs(bb!) > Math.abs(a!) * 0.1 && Math.abs(a!) > 0) {
          // rotated text: keep it, placed at its origin
        }
        runs.push({ str: it.str, x: e! - vx0, y: vy1 - f!, width: Math.abs(it.width) || size * it.str.length, size });
      }
      page.cleanup();
      if (!runs.length) empty.push(p);
      for (const r of runs) r.page = p;
      let laid: OutLine[];
      try {
        if (runs.length > MAX_RUNS) throw new Error('too many text runs');
        laid = layoutPage(runs);
      } catch {
        // a pathological page: keep its text, one run per line, without table rebuilding
        warnings.push(`page ${p}: layout could not be rebuilt; text kept in stream order`);
        laid = runs.slice(0, MAX_RUNS).map((r) => ({ y: r.y, size: r.size, cells: [[r]] }));
      }
      laidPages.push({ page: p, width, height, lines: p === 1 ? joinTitle(laid) : laid });
    }
    joinAcrossPages(laidPages);
    for (const { page: p, width, height, lines } of laidPages) {
      const start = b.length;
      const placed = new Map<OutLine, PlacedLine>();
      writeLines(b, lines, p, undefined, (line, i, s, e) => {
        let pl = placed.get(line);
        if (!pl) placed.set(line, (pl = { line, cells: [] }));
        pl.cells[i] = { text: '', start: s, end: e };
      });
      pages.push({ page: p, start, end: b.length, width, height });
      pending.push({ page: p, lines: [...placed.values()] });
    }
  } finally {
    await pdf.destroy().catch(() => {});
  }
  const text = b.text();
  // tables as grids, from where their cells stand (read/pdf-grid.ts)
  for (const pg of pending) for (const l of pg.lines) for (const c of l.cells) if (c) c.text = text.slice(c.start, c.end);
  const grids = pdfGrids(pending);
  const doc: ReportDocument = { format: 'pdf', text, grids, pages, positions: b.positions.sort((x, y) => x.start - y.start), warnings };
  if (text.replace(/\s/g, '').length < 3 * pages.length) {
    // a scan: OCR when the caller can afford it, else nothing to extract until then
    if (opts?.ocr) return (await import('./ocr/index.js')).ocrPdf(bytes, opts.ocr);
    return {
      format: 'pdf',
      text: '',
      grids: [],
      pages: pages.map((pg) => ({ ...pg, start: 0, end: 0 })),
      positions: [],
      needsOcr: { pages: pages.length },
      warnings: ['the PDF has no text layer (a scan); it needs OCR'],
    };
  }
  if (empty.length) warnings.push(`page(s) ${empty.join(', ')} have no text layer (scanned?)`);
  return doc;
};
