// Issue 11, items 1, 2 and 9: small generated hostile files (test/gen/hostile.ts)
// must fail with a clear coded error — worded in Chinese and English — before
// the reader allocates what they ask for; next to a real report, in an
// import, each fails alone and the report is archived. Files are read through
// one descriptor: a FIFO or a link never blocks or is followed.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, copyFileSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import { runTask } from '../../src-main/core/jobs/task.js';
import { ReadError } from '../../src-main/core/model.js';
import { readDocument, readPath } from '../../src-main/core/read/index.js';
import { MAX_SHEET_INFLATED, MAX_TABLE_COLS, MAX_TEXT_BATCHES_PAGE } from '../../src-main/core/read/limits.js';
import { jpegSize } from '../../src-main/core/read/ocr/image-decode.js';
import { decodeIssue, errorText } from '../../src-main/core/wording/errors.js';
import {
  gridBeforeDocx,
  gridSpanDocx,
  hostileFiles,
  hugeHeaderJpeg,
  hugeImagePdf,
  mergeBombXlsx,
  runFloodPdf,
  spanBombHtml,
  zipBombXlsx,
} from '../gen/hostile.js';
import { SEEDS, seedNames, tmp } from '../archive/helpers.js';
import { readErr } from '../office/broken.js';
import { haveSeeds } from '../seeds.js';

/** Both languages of an error, filled from its params. */
const words = (e: { code: ReadError['code']; params?: Record<string, string | number> }) => ({ zh: errorText(e, 'zh'), en: errorText(e, 'en') });
const OCR = { ocr: { maxPages: 1, budgetMs: 30_000 } };

describe.skipIf(!haveSeeds)('hostile files fail before the reader allocates', () => {
  it('a 500-byte docx declaring 100 million grid columns (w:gridBefore), and one of 300 000 (gridSpan)', async () => {
    const bytes = gridBeforeDocx();
    expect(bytes.length).toBeLessThan(700);
    const e = await readErr(readDocument(bytes, 'g.docx'));
    expect(e.code).toBe('table_too_large');
    expect(e.params).toMatchObject({ table: 1, cols: 100_000_000, maxCols: MAX_TABLE_COLS });
    expect(words(e).zh).toBe('文件中的表格过大（第 1 个表格 1 行 × 100000000 列），超出上限（每表 5000 行、256 列、250000 个单元格），未读取');
    expect(words(e).en).toMatch(/^a table in the file is too large \(table 1: 1 rows × 100000000 columns\)/);
    const s = await readErr(readDocument(gridSpanDocx(), 's.docx'));
    expect(s.code).toBe('table_too_large');
    // the row is refused as soon as its spans pass the cap, not after all 300 cells
    expect(s.params?.cols).toBe(1000);
  });

  it('span-bomb HTML (rowspan=200 colspan=200 cells)', async () => {
    const html = spanBombHtml();
    expect(html.length).toBeLessThan(10_000);
    const e = await readErr(readDocument(Buffer.from(html), 'span.html'));
    expect(e.code).toBe('table_too_large');
    expect(Number(e.params?.cols)).toBeGreaterThan(MAX_TABLE_COLS);
    expect(words(e).zh).toMatch(/^文件中的表格过大（第 1 个表格 40 行 × \d+ 列）/);
  });

  it('merge-bomb xlsx (A1:XFD1048576) fails at once in the sheet worker, never expanded', async () => {
    const e = await readErr(readDocument(mergeBombXlsx(), 'merge.xlsx'));
    expect(e.code).toBe('table_too_large');
    expect(e.params).toMatchObject({ rows: 1048576, cols: 16384 });
    expect(e.message).toContain('A1:XFD1048576');
    expect(words(e).zh).toContain('1048576 行 × 16384 列');
  });

  it('zip-bomb xlsx (1 MB inflating to 1 GiB, its zip directory lying about sizes) stops at the inflate cap', async () => {
    const bytes = zipBombXlsx();
    expect(bytes.length).toBeLessThan(1.2 * 2 ** 20);
    const e = await readErr(readDocument(bytes, 'bomb.xlsx'));
    expect(e.code).toBe('zip_bomb');
    expect(e.params).toMatchObject({ limitMb: MAX_SHEET_INFLATED / 2 ** 20 });
    expect(words(e).zh).toBe('文件解压后过大或条目过多（疑似压缩炸弹；上限 64 兆字节、5000 个条目），未读取');
    // a small one under the cap is no bomb: it gets past the zip check to SheetJS (which finds no sheet in it)
    expect((await readErr(readDocument(zipBombXlsx(8), 'small.xlsx'))).code).not.toBe('zip_bomb');
  });

  it('run-flood PDF (a form drawing forms: a million runs on one page) fails per document, streamed', async () => {
    const bytes = runFloodPdf();
    expect(bytes.length).toBeLessThan(22_000);
    const e = await readErr(readDocument(bytes, 'flood.pdf'));
    expect(e.code).toBe('too_much_text');
    expect(e.params).toMatchObject({ page: 1, limit: MAX_TEXT_BATCHES_PAGE });
    expect(words(e).zh).toBe(`PDF 中的文字片段过多（读到第 1 页时已超过上限 ${MAX_TEXT_BATCHES_PAGE}），未读取`);
    // a real report's text layer is far below the caps
    const real = await readDocument(readFileSync(new URL('../fixtures/office/guangzhou-2020.pdf', import.meta.url)), 'gz.pdf');
    expect(real.text).toContain('广州市');
  }, 60_000);

  it('a 350-byte JPEG declaring 20000×20000 is refused from its header, before decoding', async () => {
    const bytes = hugeHeaderJpeg();
    expect(bytes.length).toBeLessThan(400);
    expect(jpegSize(bytes)).toEqual({ width: 20000, height: 20000 });
    const before = process.memoryUsage().arrayBuffers;
    const e = await readErr(readDocument(bytes, 'scan.jpg', OCR));
    expect(e.code).toBe('image_too_large');
    expect(e.params).toMatchObject({ width: 20000, height: 20000, limitMp: 60 });
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50 * 2 ** 20);
    expect(words(e).zh).toBe('图片尺寸过大（20000×20000 像素，上限 60 百万像素），未读取');
    expect(jpegSize(hugeHeaderJpeg(800, 600))).toEqual({ width: 800, height: 600 });
  });
});

describe.skipIf(!haveSeeds)('a scan whose image declares 30000×30000 pixels', () => {
  it('is rendered for OCR without decoding that image (pdf.js maxImageSize): a page-sized raster, no crash', async () => {
    const { openPdf } = await import('../../src-main/core/read/pdf.js');
    const { renderPage } = await import('../../src-main/core/read/ocr/raster.js');
    const bytes = hugeImagePdf();
    expect(bytes.length).toBeLessThan(4000);
    const pdf = await openPdf(bytes);
    try {
      const before = process.memoryUsage().arrayBuffers;
      const { gray } = await renderPage(await pdf.getPage(1), 300);
      expect([gray.width, gray.height]).toEqual([2480, 3509]); // A4 at 300 dpi, not the image's size
      expect(gray.data.every((v) => v === 255)).toBe(true); // the image was left out: white paper
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 2 ** 20);
    } finally {
      await pdf.destroy();
    }
  });
});

describe.skipIf(!haveSeeds)('each hostile file fails alone in an import; a real report next to it is archived', () => {
  const CODES: Record<string, string> = {
    'gridbefore.docx': 'table_too_large',
    'gridspan.docx': 'table_too_large',
    'spanbomb.html': 'table_too_large',
    'mergebomb.xlsx': 'table_too_large',
    'zipbomb.xlsx': 'zip_bomb',
    'runflood.pdf': 'too_much_text',
    'hugeheader.jpg': 'image_too_large',
  };
  it('all seven, one folder each', async () => {
    const dir = tmp('nb-hostile-');
    const seed = seedNames()[0]!;
    const a = await openArchive(join(dir, 'a.nianbao'), { create: true, workers: 1 });
    try {
      for (const [name, bytes] of Object.entries(hostileFiles())) {
        const src = join(dir, name.replace('.', '_'));
        mkdirSync(src);
        writeFileSync(join(src, name), bytes);
        copyFileSync(join(SEEDS, seed), join(src, `${name}-${seed}`)); // new bytes name, same report: imported or a duplicate
        const r = await a.importFolder(src);
        expect(r.status, name).toBe('completed');
        expect(
          r.failed.map((f) => f.file.split('/').pop()),
          name,
        ).toEqual([name]);
        const f = r.failed[0]!;
        expect(f.code, name).toBe(CODES[name]);
        const zh = errorText({ code: f.code, params: f.params }, 'zh');
        const en = errorText({ code: f.code, params: f.params }, 'en');
        expect(zh, name).toMatch(/[\u4e00-\u9fff]/);
        expect(zh, name).not.toMatch(/\{\w+\}/);
        expect(en, name).toMatch(/not read$/);
        expect(r.imported + r.duplicates, name).toBe(1);
      }
      expect(a.listReports().total).toBe(1);
    } finally {
      a.close();
    }
  }, 180_000);
});

describe.skipIf(!haveSeeds)('one descriptor: FIFOs and links', () => {
  it('a FIFO where a file was listed fails at once (never blocks), a symbolic link is not followed', async () => {
    const dir = tmp('nb-fifo-');
    const fifo = join(dir, 'report.txt');
    execFileSync('mkfifo', [fifo]);
    const cfg = { dbPath: join(dir, 'none.sqlite'), filesDir: join(dir, 'files') };
    const r = await runTask({ kind: 'import', path: fifo }, cfg);
    expect(r.kind).toBe('failed');
    const issue = decodeIssue((r as { error: string }).error);
    expect(issue.code).toBe('not_regular');
    expect(issue.message).toContain('FIFO');
    expect((await readErr(readPath(fifo))).code).toBe('not_regular');

    const real = join(dir, 'real.txt');
    copyFileSync(join(SEEDS, seedNames()[0]!), real);
    const link = join(dir, 'link.txt');
    symlinkSync(real, link);
    const l = await runTask({ kind: 'import', path: link }, cfg);
    expect(decodeIssue((l as { error: string }).error).code).toBe('symlink');
    expect((await readErr(readPath(link))).code).toBe('symlink');
    expect((await readErr(readPath('/dev/zero'))).code).toBe('not_regular');
    // the FIFO was never opened for reading in a blocking way: a writer opening it now finds no reader
    expect(() => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK))).toThrow(/ENXIO/);
  });
});
