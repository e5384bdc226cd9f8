// End to end: office and PDF files through the shared extractor give the
// hand-read values (the seeds' for generated fixtures, ours for the real PDFs).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes, extractFile } from '../../src-main/core/extract/index.js';
import type { Extraction } from '../../src-main/core/model.js';
import { docxXml, loadExpected, makeDocx, reportOf, SEEDS, type Expected } from './report-tables.js';
import { haveSeeds } from '../seeds.js';

const FIX = new URL('../fixtures/office/', import.meta.url).pathname;
const REAL = new URL('../../../shared/real-pdfs/', import.meta.url).pathname;
const REAL_EXPECTED = new URL('../fixtures/real-pdfs-expected/', import.meta.url).pathname;

/** Compare every field; a wrong cell must at least be flagged. */
function score(x: Extraction, e: Expected): { right: number; total: number; silent: string[]; wrong: string[] } {
  const flagged = (id: string) => x.flags.some((f) => f.fields.some((p) => id === p || id.startsWith(p + '.')));
  const wrong: string[] = [];
  const silent: string[] = [];
  let right = 0;
  const ids = Object.keys(e.values);
  for (const id of ids) {
    const want = e.values[id];
    const got = x.values[id];
    const ok = want === null || want === undefined ? got === null || got === undefined : typeof got === 'number' && Math.abs(got - want) < 1e-6;
    if (ok) right++;
    else {
      wrong.push(id);
      if (!flagged(id)) silent.push(id);
    }
  }
  return { right, total: ids.length, silent, wrong };
}

const dongguan = loadExpected(`${SEEDS}/003_1ab496935088b8c6.json`);
const guangzhou = loadExpected(`${SEEDS}/002_3c51f0ab0323fab2.json`);

describe.skipIf(!haveSeeds)('office fixtures extract to their source values', () => {
  for (const [file, e] of [
    ['dongguan-2020.docx', dongguan],
    ['dongguan-2020.pdf', dongguan],
    ['guangzhou-2020.pdf', guangzhou],
  ] as const) {
    it(file, async () => {
      const x = await extractBytes(new Uint8Array(readFileSync(FIX + file)), file);
      expect(x.error).toBeUndefined();
      expect([x.agency, x.year, x.template]).toEqual([e.agency, e.year, e.template]);
      const s = score(x, e);
      expect(s.wrong).toEqual([]);
    });
  }
  it('a Word table with gridSpan/vMerge written in memory', async () => {
    const x = await extractBytes(makeDocx(docxXml(reportOf(dongguan))), 'dongguan.docx');
    expect(score(x, dongguan).wrong).toEqual([]);
  });
  it('a 2021 report (22-row 办理结果 block) as Word', async () => {
    const e = loadExpected(`${REAL_EXPECTED}huaian-city-2024.json`);
    const x = await extractBytes(makeDocx(docxXml(reportOf(e))), 'huaian.docx');
    expect(x.template).toBe('2021');
    expect(score(x, e).wrong).toEqual([]);
  });
});

const haveReal = existsSync(REAL + 'huaian-city-2024.pdf');
describe.skipIf(!haveReal || !haveSeeds)('real published PDFs (../shared/real-pdfs/; skipped when that folder is absent)', () => {
  for (const name of ['huaian-city-2024', 'huaian-hongze-2023', 'huaian-hongze-2024']) {
    it(name, async () => {
      const e = loadExpected(`${REAL_EXPECTED}${name}.json`);
      const x = await extractFile(`${REAL}${name}.pdf`);
      expect(x.error).toBeUndefined();
      expect([x.agency, x.year, x.template]).toEqual([e.agency, e.year, e.template]);
      const s = score(x, e);
      expect(s.silent).toEqual([]); // zero silent errors
      expect(s.right).toBe(s.total); // 207/207 cells
      if (name === 'huaian-hongze-2023') {
        // totals that do not add up in the original are shown, not hidden
        expect(x.flags.some((f) => f.rule === 'R4' && f.fields.some((p) => p.startsWith('review.reconsideration')))).toBe(true);
      }
      if (name.startsWith('huaian-hongze')) expect(x.flags.some((f) => f.kind === 'hybrid_template')).toBe(true);
    });
  }
});
