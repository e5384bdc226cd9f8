// OCR of scans: PDF pages without a text layer and image files → a
// ReportDocument laid out like a PDF with text (lines, '\t' between cells,
// positions), plus `ocr` (pages read, each span's recogniser confidence) so
// the extractor flags every value that came from it.
//
// Slow (seconds per page) — callers opt in with `ReadOptions.ocr`, and only
// the import workers and the CLI do. A file gets a page limit and a time
// budget; past the budget the engine is stopped and the file fails with a
// clear error instead of holding a worker.
import { ReadError, type ReportDocument } from '../../model.js';
import { TextBuilder } from '../builder.js';
import { joinAcrossPages, joinTitle, layoutPage, writeLines, type OutLine } from '../pdf-layout.js';
import type { Run } from '../pdf-layout.js';
import { closeOcr, recognize } from './engine.js';
import { blank, crop, findCells, findRules, inked, rotate, skewAngle, whiten } from './clean.js';
import { decodeImage, renderPage, toPgm, type Gray } from './raster.js';
import { cellRun, wordsToRuns } from './layout.js';

export interface OcrOptions {
  /** Pages read at most (the tables sit in the first pages). Default 20. */
  maxPages?: number;
  /** Time budget for the whole file, ms. Default 100 s. */
  budgetMs?: number;
  /** Render resolution for PDF pages. Default 300: a 200-dpi scan read at 300 loses fewer digits. */
  dpi?: number;
  /** Called after each page read (the import pool takes it as a sign of progress). */
  onPage?: (page: number, of: number) => void;
}

export const OCR_DEFAULTS = { maxPages: 20, budgetMs: 100_000, dpi: 300 } as const;

/** Options without their undefined entries (they would hide the defaults). */
const strip = (o: OcrOptions) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as OcrOptions;

interface Budget {
  deadline: number;
  ms: number;
}

/** Read a page: each table cell on its own, then the rest of the page; returns its runs. */
async function ocrGray(gray: Gray, dpi: number, scale: number, page: number, budget: Budget, where: string): Promise<Run[]> {
  // a page fed in at a slant: straightened first, or its rules are not straight runs
  const skew = skewAngle(gray);
  if (Math.abs(skew) >= 0.2) gray = rotate(gray, -skew);
  // rules are longer than the largest type on a page (~0.45 in at the render resolution)
  const minRun = Math.max(40, Math.round(Math.min(gray.width, gray.height) * 0.055));
  const rules = findRules(gray, minRun);
  const cells = findCells(gray, rules, minRun);
  whiten(gray, rules);
  const runs: Run[] = [];
  for (const c of cells) {
    if (c.x1 - c.x0 < 14 || c.y1 - c.y0 < 14 || !inked(gray, c)) continue;
    const lines = await withBudget(recognize(toPgm(crop(gray, c, 6)), dpi, true), budget, where);
    const r = cellRun(lines, c, scale, page);
    if (r) runs.push(r);
    blank(gray, c);
  }
  runs.push(...wordsToRuns(await withBudget(recognize(toPgm(gray), dpi), budget, where), scale, page));
  return runs;
}

async function withBudget<T>(work: Promise<T>, budget: Budget, where: string): Promise<T> {
  work.catch(() => {}); // past the budget the engine is stopped under it: its late failure is expected
  const left = budget.deadline - Date.now();
  let timer: NodeJS.Timeout | undefined;
  const over = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(overBudget(budget, where)), Math.max(0, left));
  });
  try {
    return await Promise.race([work, over]);
  } catch (e) {
    if (e instanceof ReadError) await closeOcr(); // the engine is still busy on the page: stop it
    throw e instanceof ReadError ? e : new ReadError('corrupt', `OCR failed ${where}: ${(e as Error)?.message ?? e}`);
  } finally {
    clearTimeout(timer);
  }
}

const overBudget = (b: Budget, where: string) =>
  new ReadError('timeout', `OCR took longer than ${Math.round(b.ms / 1000)} s for this file and was stopped ${where}; split the scan or import it alone`);

/** The three tables end before section 五 (存在的主要问题); the pages after it are prose. */
const TABLES_DONE = /行政复议[\s\S]*?存在的?主要问题/;

interface PageIn {
  page: number;
  width: number;
  height: number;
  lines: OutLine[];
}

function finish(laid: PageIn[], total: number, warnings: string[]): ReportDocument {
  joinAcrossPages(laid);
  const b = new TextBuilder();
  const spans: { start: number; end: number; confidence: number }[] = [];
  const pages: NonNullable<ReportDocument['pages']> = [];
  for (const { page, width, height, lines } of laid) {
    const start = b.length;
    writeLines(b, lines, page, (r, s, e) => spans.push({ start: s, end: e, confidence: r.conf ?? 0 }));
    pages.push({ page, start, end: b.length, width, height });
  }
  return {
    format: 'pdf',
    text: b.text(),
    grids: [],
    pages,
    positions: b.positions.sort((x, y) => x.start - y.start),
    ocr: { pages: laid.length, of: total, spans: spans.sort((x, y) => x.start - y.start) },
    warnings,
  };
}

function lay(runs: Run[], page: number): OutLine[] {
  if (!runs.length) return [];
  const laid = layoutPage(runs);
  return page === 1 ? joinTitle(laid) : laid;
}

/** OCR a PDF without a text layer, page by page (one page's pixels in memory at a time). */
export async function ocrPdf(bytes: Uint8Array, opts: OcrOptions = {}): Promise<ReportDocument> {
  const { maxPages, budgetMs, dpi } = { ...OCR_DEFAULTS, ...strip(opts) };
  const budget = { deadline: Date.now() + budgetMs, ms: budgetMs };
  const { openPdf, pageOrSkip } = await import('../pdf.js');
  const pdf = await openPdf(bytes);
  const warnings: string[] = [];
  const laid: PageIn[] = [];
  let text = '';
  try {
    const n = Math.min(pdf.numPages, maxPages);
    for (let p = 1; p <= n; p++) {
      const page = await pageOrSkip(pdf, p, warnings);
      if (!page) continue;
      const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
      let raster;
      try {
        raster = await renderPage(page, dpi);
      } catch (e) {
        warnings.push(`page ${p} could not be rendered for OCR (${(e as Error).message}) and was skipped`);
        continue;
      } finally {
        page.cleanup();
      }
      const runs = await ocrGray(raster.gray, Math.round(raster.scale * 72), raster.scale, p, budget, `on page ${p} of ${pdf.numPages}`);
      const out = lay(runs, p);
      laid.push({ page: p, width: vx1 - vx0, height: vy1 - vy0, lines: out });
      opts.onPage?.(p, pdf.numPages);
      text += out.map((l) => l.cells.map((c) => c.map((r) => r.str).join('')).join('')).join('');
      if (p < pdf.numPages && TABLES_DONE.test(text)) {
        warnings.push(`OCR stopped after page ${p} of ${pdf.numPages}: the tables end there (section 五); the text of later pages is not searchable`);
        break;
      }
      if (p === n && pdf.numPages > n) warnings.push(`only the first ${n} of ${pdf.numPages} pages were read by OCR`);
    }
  } finally {
    await pdf.destroy().catch(() => {});
  }
  warnings.unshift('the text was read by OCR from a scan: check every value against the original');
  return finish(laid, pdf.numPages, warnings);
}

/** OCR an image file (one page). Positions are in the image's own pixels. */
export async function ocrImage(bytes: Uint8Array, opts: OcrOptions = {}): Promise<ReportDocument> {
  const { budgetMs } = { ...OCR_DEFAULTS, ...strip(opts) };
  const budget = { deadline: Date.now() + budgetMs, ms: budgetMs };
  const { gray, scale } = await decodeImage(bytes);
  const width = gray.width / scale;
  const height = gray.height / scale;
  // an image says nothing reliable of its resolution: take it for an A4 page across its short side
  const dpi = Math.max(100, Math.min(600, Math.round(Math.min(gray.width, gray.height) / 8.27)));
  const runs = await ocrGray(gray, dpi, scale, 1, budget, 'on the image');
  const doc = finish([{ page: 1, width, height, lines: lay(runs, 1) }], 1, ['the text was read by OCR from an image: check every value against the original']);
  return { ...doc, format: 'image' };
}
