// The three real PDFs as other tools turn them into text and web pages (what
// crawlers and colleagues hand archivists): pdftotext's reading order (labels
// printed in blocks away from their numbers) and pdftohtml pages (a <title> in
// the wrong encoding). Whatever is read is right or flagged — 0 silent — and
// the agency is never the page's noise; the web pages read every cell.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src-main/core/extract/index.js';
import { findMeta } from '../../src-main/core/extract/meta.js';
import type { Extraction } from '../../src-main/core/model.js';

const REAL = new URL('../../../shared/real-pdfs/', import.meta.url).pathname;
const EXPECTED = new URL('../fixtures/real-pdfs-expected/', import.meta.url).pathname;
const have = (cmd: string) => spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;
const ready = existsSync(REAL) && have('pdftotext') && have('pdftohtml');
if (!ready) console.warn('real-pdf-conversions: skipped (needs ../shared/real-pdfs and poppler-utils: pdftotext, pdftohtml)');

interface Expected {
  agency: string;
  year: number;
  template: string;
  values: Record<string, number | null>;
}
const flagged = (x: Extraction, id: string) => x.flags.some((f) => f.fields.some((g) => id === g || id.startsWith(`${g}.`)));
function score(x: Extraction, e: Expected) {
  let right = 0;
  const silent: string[] = [];
  for (const [id, want] of Object.entries(e.values)) {
    const got = x.values[id];
    const ok = want === null ? got == null : got != null && Math.abs(got - want) < 1e-6;
    if (ok) right++;
    else if (!flagged(x, id)) silent.push(`${id}: ${want} read as ${got}`);
  }
  return { right, cells: Object.keys(e.values).length, silent };
}

describe.skipIf(!ready)('the real PDFs converted by other tools', () => {
  const names = ready ? readdirSync(REAL).filter((f) => f.endsWith('.pdf')) : [];
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-conv-'));

  it('pdftotext reading order: 0 silent, agency/year/template right', async () => {
    expect(names).toHaveLength(3);
    for (const n of names) {
      const e = JSON.parse(readFileSync(join(EXPECTED, n.replace(/\.pdf$/, '.json')), 'utf8')) as Expected;
      const out = join(tmp, n.replace(/\.pdf$/, '.txt'));
      expect(spawnSync('pdftotext', [join(REAL, n), out]).status).toBe(0);
      const x = await extractBytes(readFileSync(out), out);
      expect([x.agency, x.year, x.template]).toEqual([e.agency, e.year, e.template]);
      const s = score(x, e);
      expect(s.silent, n).toEqual([]);
      expect(s.right).toBeGreaterThan(60); // the rows whose numbers sit by their labels
    }
  }, 60_000);

  it('pdftohtml pages: every cell right, and a mis-encoded <title> is not part of the agency', async () => {
    for (const n of names) {
      const e = JSON.parse(readFileSync(join(EXPECTED, n.replace(/\.pdf$/, '.json')), 'utf8')) as Expected;
      const stem = join(tmp, n.replace(/\.pdf$/, ''));
      expect(spawnSync('pdftohtml', ['-q', '-s', '-i', '-noframes', join(REAL, n), stem]).status).toBe(0);
      const x = await extractBytes(readFileSync(`${stem}.html`), `${stem}.html`);
      expect([x.agency, x.year, x.template]).toEqual([e.agency, e.year, e.template]);
      const s = score(x, e);
      expect(s.silent, n).toEqual([]);
      expect(s.right, n).toBe(s.cells);
    }
  }, 60_000);
});

const haveSoffice = ready && spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
describe.skipIf(!haveSoffice)('a real PDF turned into Word by LibreOffice (labels after their numbers)', () => {
  it('reads no number under the wrong label unflagged: the scrambled table taints itself', async () => {
    const n = 'huaian-city-2024.pdf';
    const e = JSON.parse(readFileSync(join(EXPECTED, 'huaian-city-2024.json'), 'utf8')) as Expected;
    const out = mkdtempSync(join(tmpdir(), 'nianbao-pdf2docx-'));
    // a profile of its own: other tests run LibreOffice at the same time
    const r = spawnSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${out}/profile`, '--infilter=writer_pdf_import', '--convert-to', 'docx', '--outdir', out, join(REAL, n)],
      { timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const x = await extractBytes(readFileSync(join(out, 'huaian-city-2024.docx')), 'huaian-city-2024.docx');
    expect([x.agency, x.year, x.template]).toEqual([e.agency, e.year, e.template]);
    const s = score(x, e);
    expect(s.silent).toEqual([]);
    // `3985758行政处罚88283行政强制`: 88283 is 行政强制's, and is not given to 行政处罚 without a doubt
    expect(flagged(x, 'active.penalty.decisions')).toBe(true);
    expect(s.right).toBeGreaterThan(100);
  }, 150_000);
});

const havePdftoppm = ready && spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).error === undefined;
describe.skipIf(!havePdftoppm)('the real PDFs scanned: their table pages as 200-dpi grey images, read by OCR', () => {
  it('every number read is the printed one or flagged', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nianbao-scan-'));
    let read = 0;
    let right = 0;
    for (const [name, pages] of [
      ['huaian-hongze-2024', [3, 4]],
      ['huaian-city-2024', [5]],
    ] as const) {
      const e = JSON.parse(readFileSync(join(EXPECTED, `${name}.json`), 'utf8')) as Expected;
      for (const p of pages) {
        const stem = join(out, `${name}-${p}`);
        expect(
          spawnSync('pdftoppm', ['-r', '200', '-gray', '-png', '-singlefile', '-f', String(p), '-l', String(p), join(REAL, `${name}.pdf`), stem]).status,
        ).toBe(0);
        const x = await extractBytes(readFileSync(`${stem}.png`), `${name}-${p}.png`, { ocr: {} });
        for (const [id, want] of Object.entries(e.values)) {
          const got = x.values[id];
          if (got == null) continue;
          read++;
          if (want !== null && Math.abs(got - want) < 1e-6) right++;
          else expect(flagged(x, id), `${name} p${p} ${id}: ${want} read as ${got}`).toBe(true);
        }
      }
    }
    expect(read).toBeGreaterThan(150); // the OCR did read the tables
    expect(right / read).toBeGreaterThan(0.9);
  }, 300_000);
});

describe('the agency after a line of noise', () => {
  it('drops what comes before the first Chinese character', () => {
    expect(findMeta('ÿþ?eœ^áOo`lQ_å]\\Ot^¦^¥bJT\n淮安市人民政府\n2024 年政府信息公开工作年度报告\n').agency).toBe('淮安市人民政府');
    expect(findMeta('Welcome 淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n').agency).toBe('淮安市洪泽区人民政府');
  });
});
