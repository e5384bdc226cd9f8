// OCR of scans: image-only PDFs and page images made from the LibreOffice
// report fixtures (pdftoppm, grey JPEG/PNG at 300 dpi), read by tesseract.js
// with the packaged chi_sim model. Every value read must be named by an 'ocr'
// flag; wrong readings must be among the values OCR was unsure of.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import { extractBytes, extractWithText } from '../../src-main/core/extract/index.js';
import { ReadError, type Extraction } from '../../src-main/core/model.js';
import { detectFormat } from '../../src-main/core/read/detect.js';
import { readDocument } from '../../src-main/core/read/index.js';
import { closeOcr, ocrOptions } from '../../src-main/core/read/ocr/engine.js';
import { ocrPdf } from '../../src-main/core/read/ocr/index.js';
import { tmp } from '../archive/helpers.js';
import { loadExpected, SEEDS, type Expected } from './report-tables.js';
import { hasPdftoppm, imagePdf, pageImages } from './scan-samples.js';
import { haveSeeds } from '../seeds.js';

const FIX = new URL('../fixtures/office/', import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;
const poppler = hasPdftoppm();
if (!poppler) console.warn('ocr tests skipped: pdftoppm (poppler-utils) is not installed; `.ci/run` installs it');

afterAll(() => closeOcr());

/** Values read right, wrong and missing against the hand-read truth (non-blank fields). */
function score(x: Extraction, e: Expected, only?: (id: string) => boolean) {
  const wrong: string[] = [];
  let ok = 0;
  let missing = 0;
  for (const [id, v] of Object.entries(e.values)) {
    if (v === null || (only && !only(id))) continue;
    const got = x.values[id];
    if (got === v) ok++;
    else if (got === null || got === undefined) missing++;
    else wrong.push(id);
  }
  return { ok, wrong, missing, total: ok + wrong.length + missing };
}

/** Every value read is named by the report-level 'ocr' flag; every wrong one by the "unsure" one. */
function expectOcrCoverage(x: Extraction, wrong: string[]) {
  const ocr = x.flags.filter((f) => f.kind === 'ocr');
  expect(ocr.length).toBeGreaterThanOrEqual(1);
  expect(ocr[0]!.message).toContain('check each against the original');
  const covered = new Set(ocr[0]!.fields);
  const read = Object.entries(x.values)
    .filter(([, v]) => v !== null)
    .map(([id]) => id);
  expect(read.length).toBeGreaterThan(0);
  for (const id of read) expect(covered.has(id), `${id} is not covered by the ocr flag`).toBe(true);
  for (const id of read) expect(x.cells[id]!.confidence).toBeLessThanOrEqual(0.8);
  const unsure = new Set(ocr.slice(1).flatMap((f) => f.fields));
  for (const id of wrong) {
    expect(unsure.has(id), `${id} was read wrong and not flagged as unsure`).toBe(true);
    expect(x.cells[id]!.confidence).toBeLessThan(0.6);
  }
}

describe.skipIf(!poppler || !haveSeeds)('OCR of scans', () => {
  it('reads an image-only PDF (two 300-dpi pages) into the same tables, every value flagged', async () => {
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const scan = imagePdf(pageImages(`${FIX}dongguan-2020.pdf`, 300, 'jpeg'));
    // without OCR the reader still just says what the file is
    expect((await readDocument(scan, 'scan.pdf')).needsOcr).toEqual({ pages: 2 });
    const pages: number[] = [];
    const doc = await readDocument(scan, 'scan.pdf', { ocr: { onPage: (p) => pages.push(p) } });
    expect(pages).toEqual([1, 2]);
    expect(doc.format).toBe('pdf');
    expect(doc.needsOcr).toBeUndefined();
    expect(doc.ocr).toMatchObject({ pages: 2, of: 2 });
    expect(doc.warnings[0]).toContain('read by OCR');
    // table rows come back as lines of cells, as from a PDF with text
    expect(doc.text).toContain('规范性文件\t3\t3\t8');
    expect(doc.text).toContain('一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t2');
    // positions are in PDF points on the page
    const at = doc.text.indexOf('10923');
    const pos = doc.positions!.find((p) => p.start <= at && p.end > at)!.position;
    expect(pos.page).toBe(1);
    expect(pos.x).toBeGreaterThan(300);
    expect(pos.x + pos.width).toBeLessThan(595);

    const { extraction: x } = extractWithText(doc, 'scan.pdf');
    expect(x.year).toBe(2020);
    expect(x.template).toBe('2019');
    const s = score(x, e);
    console.log(`OCR dongguan scan: ${s.ok}/${s.total} right, ${s.wrong.length} wrong (${s.wrong.join(', ')}), ${s.missing} blank`);
    expect(s.ok / s.total).toBeGreaterThanOrEqual(0.9);
    expect(s.wrong.length).toBeLessThanOrEqual(3);
    expectOcrCoverage(x, s.wrong);
  }, 120_000);

  it('imports a one-page scan through the worker pool: the report is flagged, never unreviewed', async () => {
    const dir = tmp();
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'scan.pdf'), imagePdf(pageImages(`${FIX}guangzhou-2020.pdf`, 300, 'jpeg', [1, 1])));
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const r = await a.importFolder(src);
      expect(r).toMatchObject({ status: 'completed', imported: 1, reports: 1 });
      const [item] = a.listReports().items;
      expect(item!.status).toBe('flagged');
      const d = a.getReport(item!.id);
      const ocr = d.flags.find((f) => f.kind === 'ocr')!;
      expect(ocr).toBeTruthy();
      const read = Object.entries(d.values)
        .filter(([, v]) => v !== null)
        .map(([id]) => id);
      expect(read.length).toBeGreaterThan(30);
      for (const id of read) expect(ocr.fields).toContain(id);
      const e = loadExpected(`${SEEDS}/002_3c51f0ab0323fab2.json`);
      expect(d.values['active.normative.total']).toBe(e.values['active.normative.total']);
      expect(a.reportText(item!.id).text).toContain('广州市商务局');
    } finally {
      a.close();
    }
  }, 120_000);

  it('reads a page image (PNG) through the same path, positions in its pixels', async () => {
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const [png] = pageImages(`${FIX}dongguan-2020.pdf`, 300, 'png', [1, 1]);
    expect(detectFormat(png!, 'page.bin')).toBe('image');
    const x = await extractBytes(png!, 'page.png', { ocr: {} });
    expect(x.error).toBeUndefined();
    expect(x.format).toBe('image');
    const s = score(x, e, (id) => id.startsWith('active.'));
    console.log(`OCR dongguan page 1 PNG, table 二: ${s.ok}/${s.total} right, ${s.wrong.length} wrong (${s.wrong.join(', ')})`);
    expect(s.ok / s.total).toBeGreaterThanOrEqual(0.85);
    expectOcrCoverage(x, s.wrong);
    expect(x.flags[0]!.message).toContain('an image');
    // the file without OCR: a clear "needs OCR", no values
    const plain = await extractBytes(png!, 'page.png');
    expect(plain.flags[0]!.kind).toBe('needs_ocr');
    expect(Object.values(plain.values).every((v) => v === null)).toBe(true);
  }, 120_000);

  it('reads a TIFF page (LZW, as scanners write them) through the PDF path', async () => {
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const [tif] = pageImages(`${FIX}dongguan-2020.pdf`, 300, 'tiff', [1, 1]);
    expect(detectFormat(tif!, 'scan.tif')).toBe('image');
    const x = await extractBytes(tif!, 'scan.tif', { ocr: {} });
    expect(x.error).toBeUndefined();
    expect(x.format).toBe('image');
    const s = score(x, e, (id) => id.startsWith('active.'));
    console.log(`OCR dongguan page 1 TIFF, table 二: ${s.ok}/${s.total} right, ${s.wrong.length} wrong (${s.wrong.join(', ')})`);
    expect(s.ok / s.total).toBeGreaterThanOrEqual(0.85);
    expectOcrCoverage(x, s.wrong);
    // cut short: a clear per-file error
    const cut = await extractBytes(tif!.subarray(0, 4000), 'cut.tif', { ocr: {} });
    expect(cut.error).toMatch(/^the TIFF image is damaged and cannot be read/);
  }, 120_000);

  it('straightens a page scanned at a slant before finding the table rules', async () => {
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const scan = imagePdf(pageImages(`${FIX}dongguan-2020.pdf`, 300, 'jpeg', [1, 1]), 1.2);
    const x = await extractBytes(scan, 'slanted.pdf', { ocr: {} });
    const s = score(x, e, (id) => id.startsWith('active.') || id.startsWith('requests.new.'));
    console.log(`OCR dongguan page 1 at 1.2°: ${s.ok}/${s.total} right, ${s.wrong.length} wrong (${s.wrong.join(', ')})`);
    expect(s.ok / s.total).toBeGreaterThanOrEqual(0.85);
    expectOcrCoverage(x, s.wrong);
  }, 120_000);

  it('stops a file past its time budget with a clear error', async () => {
    const scan = imagePdf(pageImages(`${FIX}dongguan-2020.pdf`, 150, 'jpeg', [1, 1]));
    const err = await ocrPdf(scan, { budgetMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('timeout');
    expect((err as ReadError).message).toMatch(/OCR took longer than 0 s for this file and was stopped on page 1 of 1/);
  }, 60_000);

  it('runs with no network at all (CLI in an empty network namespace)', () => {
    const probe = spawnSync('unshare', ['-n', 'true']);
    if (probe.status !== 0) {
      console.warn('offline CLI check skipped: unshare -n is not permitted here');
      return;
    }
    const dir = tmp('nb-ocr-offline-');
    const [png] = pageImages(`${FIX}dongguan-2020.pdf`, 200, 'png', [1, 1]);
    writeFileSync(join(dir, 'page.png'), png!);
    const out = execFileSync(
      'unshare',
      ['-n', process.execPath, join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src-main/cli/main.ts'), 'extract', join(dir, 'page.png'), '--json'],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 90_000,
      },
    );
    const [x] = JSON.parse(out) as Extraction[];
    expect(x!.error).toBeUndefined();
    expect(x!.values['active.normative.total']).toBe(8);
    // nothing cached into the working folder
    expect(readdirSync(dir)).toEqual(['page.png']);
  }, 120_000);
});

describe.skipIf(!haveSeeds)('OCR setup and bad images', () => {
  it('loads worker, core and chi_sim data from local files, never a URL, never a cache', () => {
    const o = ocrOptions() as Record<string, string | boolean>;
    for (const k of ['langPath', 'workerPath', 'corePath']) {
      expect(isAbsolute(o[k] as string), k).toBe(true);
      expect(existsSync(o[k] as string), k).toBe(true);
    }
    expect(existsSync(join(o.langPath as string, 'chi_sim.traineddata.gz'))).toBe(true);
    expect(o.gzip).toBe(true);
    expect(o.cacheMethod).toBe('none');
  });

  it('a corrupt or truncated image is a per-file error that says so', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256)]);
    const x = await extractBytes(png, 'broken.png', { ocr: {} });
    expect(x.error).toMatch(/^the image is damaged and cannot be decoded/);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect((await extractBytes(jpeg, 'cut.jpg', { ocr: {} })).error).toMatch(/^the image is damaged/);
    // an image named .pdf is still an image
    expect(detectFormat(jpeg, 'report.pdf')).toBe('image');
  });
});
