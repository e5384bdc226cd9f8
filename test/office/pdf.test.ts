import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read } from '../../src-main/core/read/pdf.js';
import { readDocument } from '../../src-main/core/read/index.js';
import { loadExpected, SEEDS } from './report-tables.js';
import { checkRequestLines } from './text-rows.js';
import { encryptedPdf, scanPdf, textPdf } from './pdf-samples.js';
import { noise, readErr } from './broken.js';
import { haveSeeds } from '../seeds.js';

const FIX = new URL('../fixtures/office/', import.meta.url).pathname;

describe.skipIf(!haveSeeds)('pdf reader', () => {
  it('rebuilds table rows from a LibreOffice-rendered report (wrapped labels, merged headers)', async () => {
    const e = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
    const doc = await readDocument(new Uint8Array(readFileSync(`${FIX}dongguan-2020.pdf`)), 'dongguan-2020.pdf');
    expect(doc.format).toBe('pdf');
    expect(doc.text.split('\n')[0]).toContain('东莞市商务局');
    expect(checkRequestLines(doc.text, e)).toBe(23);
    // labels wrapped inside their cells come back whole, on the numbers' line
    expect(doc.text).toContain('4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0');
    expect(doc.text).toContain('（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0');
    expect(doc.text).toContain('行政许可\t14\t-6\t1229');
    // a row broken over the page: its label's tail comes back from page 2
    const tail = doc.text.indexOf('2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0');
    expect(tail).toBeGreaterThan(0);
    const tailAt = tail + '2.其他法律行政法规'.length;
    expect(doc.positions!.find((p) => p.start <= tailAt && p.end > tailAt)!.position.page).toBe(2);
    expect(doc.text).toContain('政府集中采购\t19\t189.846807万元');
    // provenance: pages and positions cover the text
    expect(doc.pages!.map((p) => p.page)).toEqual([1, 2]);
    expect(doc.pages![1]!.start).toBe(doc.pages![0]!.end);
    const at = doc.text.indexOf('1229');
    const pos = doc.positions!.find((p) => p.start <= at && p.end > at)!;
    expect(pos.position.page).toBe(1);
    expect(pos.position.x).toBeGreaterThan(300);
    expect(pos.position.x).toBeLessThan(595);
    for (let i = 1; i < doc.positions!.length; i++) expect(doc.positions![i]!.start).toBeGreaterThanOrEqual(doc.positions![i - 1]!.end);
  });

  it('reads the 2019 guangzhou report the same way', async () => {
    const e = loadExpected(`${SEEDS}/002_3c51f0ab0323fab2.json`);
    const doc = await read(new Uint8Array(readFileSync(`${FIX}guangzhou-2020.pdf`)), 'guangzhou-2020.pdf');
    expect(checkRequestLines(doc.text, e)).toBeGreaterThanOrEqual(20);
  });

  it('flags a scan (no text layer) as needing OCR with its page count', async () => {
    const doc = await readDocument(scanPdf(3), 'scan.pdf');
    expect(doc.needsOcr).toEqual({ pages: 3 });
    expect(doc.text).toBe('');
  });

  it('reads Latin text with the packaged standard fonts, recovers a broken xref', async () => {
    const doc = await read(textPdf(['Annual report 2020', 'rules|12|34']), 't.pdf');
    expect(doc.text).toBe('Annual report 2020\nrules\t12\t34');
    // a blank cell prints nothing: it comes back as an empty cell in its column
    const blanks = await read(textPdf(['rules|1|2|3', 'norms|4|5|6', 'fees|7||9', 'other|||8', 'sum|12|7|26']), 'blank.pdf');
    expect(blanks.text.split('\n')).toEqual(['rules\t1\t2\t3', 'norms\t4\t5\t6', 'fees\t7\t\t9', 'other\t\t\t8', 'sum\t12\t7\t26']);
    const broken = await read(textPdf(['Recovered text 2021'], true), 'b.pdf');
    expect(broken.text).toBe('Recovered text 2021');
  });

  it('rejects encrypted, truncated and garbage PDFs with a clear error', async () => {
    expect((await readErr(readDocument(encryptedPdf(), 'enc.pdf'))).code).toBe('encrypted');
    expect((await readErr(read(textPdf(['x y z']).subarray(0, 150), 'cut.pdf'))).code).toBe('corrupt');
    const junk = new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...noise(3000)]);
    expect((await readErr(readDocument(junk, 'junk.pdf'))).code).toBe('corrupt');
    expect((await readErr(readDocument(new Uint8Array(0), 'empty.pdf'))).code).toBe('empty');
    // random bytes named .pdf are not taken for a PDF
    await readErr(readDocument(noise(4000, 7), 'random.pdf'));
  });
});
