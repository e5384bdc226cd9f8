// The workbook's 校验问题 and 年报质量 sheets in Chinese: every flag kind the
// samples and the seeds raise (extraction doubts, R1–R4, version conflicts,
// quality findings, an acceptance) is worded without a Latin-letter word,
// apart from file names, the allowed terms and rule names (R1–R4, X1/X2).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { runExport } from '../../src-main/core/export/job.js';
import { demoSamples } from '../../src-main/cli/commands/demo.js';
import { haveSeeds, SEEDS } from '../seeds.js';
import { readBook } from './read.js';

const ALLOWED = /\b(PDF|Word|Excel|WPS|OCR|R[1-4]|X[12])\b/g;
const FILE = /[\w.-]+\.(txt|docx?|pdf|html?|xlsx?|wps|et|csv)\b/gi;

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-words-'));
let a: Archive;
beforeAll(async () => {
  if (!haveSeeds) return;
  a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
  const src = join(dir, 'src');
  mkdirSync(src);
  for (const f of readdirSync(SEEDS)) if (f.endsWith('.txt')) copyFileSync(join(SEEDS, f), join(src, f));
  const samples = demoSamples();
  for (const f of readdirSync(samples)) if (f.endsWith('.txt')) copyFileSync(join(samples, f), join(src, `sample-${f}`));
  await a.importFolder(src);
  // a rule flag (R3) and its acceptance with a note
  const gz = a.listReports({ agency: '广州市商务局' }).items[0]!;
  a.correct(gz.id, 'requests.total.other_org', 0);
  const r3 = a.getReport(gz.id).flags.find((f) => f.rule === 'R3')!;
  a.acceptFlag(gz.id, r3.id, '原件如此');
}, 180_000);
afterAll(() => (a?.close(), rmSync(dir, { recursive: true, force: true })));

const sheetText = (ws: XLSX.WorkSheet) =>
  (XLSX.utils.sheet_to_json(ws, { header: 1, defval: '' }) as unknown[][]).flat().filter((v): v is string => typeof v === 'string');

describe.skipIf(!haveSeeds)('workbook words', () => {
  it('校验问题 and 年报质量 carry no English', async () => {
    const r = await runExport(a, { year: 2020, format: 'xlsx', out: join(dir, 'out'), lang: 'zh' });
    const wb = readBook(r.files[0]!);
    for (const name of ['校验问题', '年报质量']) {
      const texts = sheetText(wb.Sheets[name]!);
      expect(texts.length, name).toBeGreaterThan(10);
      const latin = texts.flatMap((t) =>
        (
          t
            .replace(FILE, '')
            .replace(ALLOWED, '')
            .match(/[A-Za-z]{2,}/g) ?? []
        ).map((w) => `${w} in «${t}»`),
      );
      expect(latin, name).toEqual([]);
    }
    // the sheet lists the kinds raised: incomplete rows, the rule, a quality finding
    const flags = sheetText(wb.Sheets['校验问题']!).join('\n');
    expect(flags).toContain('行数据不完整');
    expect(flags).toContain('勾稽关系不符');
    expect(flags).toContain('原件如此');
  });
});
