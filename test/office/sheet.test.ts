import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src-main/core/read/index.js';
import { detectFormat } from '../../src-main/core/read/detect.js';
import { runWorker } from '../../src-main/core/read/sheet.js';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { loadExpected, reportOf, SEEDS, type Report } from './report-tables.js';
import { zipSync, strToU8 } from 'fflate';
import { readErr } from './broken.js';
import { haveSeeds } from '../seeds.js';

const XLSX = createRequire(import.meta.url)('xlsx') as typeof import('xlsx');
const seed = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);

/** The report as one sheet: paragraphs in column A, tables with their merges. */
function workbook(r: Report, bookType: 'xlsx' | 'biff8'): Uint8Array {
  const aoa: string[][] = [[r.title]];
  const merges: { s: { r: number; c: number }; e: { r: number; c: number } }[] = [];
  for (const b of r.blocks) {
    if (typeof b === 'string') {
      aoa.push([b]);
      continue;
    }
    const base = aoa.length;
    const taken = new Set<string>();
    b.forEach((row, ri) => {
      const out: string[] = [];
      let c = 0;
      for (const cell of row) {
        while (taken.has(`${ri},${c}`)) {
          out[c] = '';
          c++;
        }
        out[c] = cell.text;
        const rs = cell.rowspan ?? 1;
        const cs = cell.colspan ?? 1;
        if (rs > 1 || cs > 1) merges.push({ s: { r: base + ri, c }, e: { r: base + ri + rs - 1, c: c + cs - 1 } });
        for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) if (i || j) taken.add(`${ri + i},${c + j}`);
        c += cs;
      }
      aoa.push(out.map((x) => x ?? ''));
    });
  }
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = merges;
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '年报');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

describe.skipIf(!haveSeeds)('spreadsheet reader (worker thread)', () => {
  for (const [ext, type] of [
    ['xlsx', 'xlsx'],
    ['xls', 'biff8'],
    ['et', 'xlsx'],
  ] as const) {
    it(`reads a report laid out in a .${ext} sheet with merged cells`, async () => {
      const bytes = workbook(reportOf(seed), type);
      expect(detectFormat(bytes, `r.${ext}`)).toBe(ext === 'xls' ? 'xls' : 'xlsx');
      const doc = await readDocument(bytes, `r.${ext}`);
      const req = doc.grids.find((g) => g.rows.some((r) => r.some((c) => c.text === '法人或其他组织')))!;
      expect(req).toBeDefined();
      const row = req.rows.find((r) => r.some((c) => c.text === '法人或其他组织'))!;
      const at = row.findIndex((c) => c.text === '法人或其他组织' && !c.covered);
      expect(row[at]).toMatchObject({ colSpan: 5 });
      expect(row.slice(at + 1, at + 5).every((c) => c.covered && c.text === '法人或其他组织')).toBe(true);
      const block = req.rows.flat().find((c) => c.text === '三、本年度办理结果' && !c.covered)!;
      expect(block.rowSpan).toBe(20);
      for (const g of doc.grids) for (const r of g.rows) for (const c of r) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
      const x = await extractBytes(bytes, `r.${ext}`);
      const wrong = Object.keys(seed.values).filter((k) => !(Math.abs((x.values[k] ?? NaN) - (seed.values[k] ?? NaN)) < 1e-6));
      expect(wrong).toEqual([]);
    });
  }

  it('stops a worker that runs past its time limit, and reports broken sheets', async () => {
    expect((await readErr(runWorker(workbook(reportOf(seed), 'xlsx'), 1))).code).toBe('timeout');
    const fake = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<<not xml') });
    const e = await readErr(readDocument(fake, 'broken.xlsx'));
    expect(['corrupt', 'empty']).toContain(e.code);
  });
});
