// End to end: the sample reports → a fresh archive → a correction → the
// yearly workbook, agency workbook and tidy CSV; every value traced back.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { reportsFromArchive } from '../../src-main/core/export/from-archive.js';
import { runExport } from '../../src-main/core/export/job.js';
import { demoSamples } from '../../src-main/cli/commands/demo.js';
import { run as exportCommand } from '../../src-main/cli/commands/export.js';
import { parseArgs } from '../../src-main/cli/args.js';
import { existsSync } from 'node:fs';
import type { WorkSheet } from 'xlsx';
import { cell, fieldColumns, fillOf, findRow, noteOf, readBook } from './read.js';
import { FLAG_KIND_WORDS } from '../../src-main/core/wording/words.js';
import { QUALITY_KINDS } from '../../src-main/core/quality/types.js';
import { haveSeeds, SEEDS_EXPECTED } from '../seeds.js';

const QUALITY = new Set(QUALITY_KINDS.map((k) => FLAG_KIND_WORDS[k].name.zh));

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-e2e-'));
let a: Archive;
const expectedDir = SEEDS_EXPECTED;
const expected = (file: string) =>
  JSON.parse(readFileSync(join(expectedDir, file.replace(/\.txt$/, '.json')), 'utf8')) as { agency: string; values: Record<string, number | null> };

beforeAll(async () => {
  if (!haveSeeds) return;
  a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
  const r = await a.importFolder(demoSamples());
  expect(r.imported).toBe(4);
}, 120_000);
afterAll(() => {
  a?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!haveSeeds)('archive → export', () => {
  it('adapts every archived report with its values, source and flags', () => {
    const { reports, skipped } = reportsFromArchive(a, { years: { from: 2020, to: 2020 } });
    expect(skipped).toEqual([]);
    expect(reports.map((r) => r.agency).sort()).toEqual(['东莞市商务局', '南沙区商务局', '湛江奋勇高新区招商服务局', '西工区商务局']);
    for (const r of reports) {
      const d = a.getReport(Number(r.id));
      expect(r.source.sha256).toBe(d.source.sha256);
      expect(r.source.fileName).toMatch(/^00[0134]_[0-9a-f]+\.txt$/);
      for (const f of TEMPLATES[r.template].fields) expect(r.values[f.id], f.id).toBe(d.values[f.id] ?? null);
      expect(r.flags.length).toBe(d.flags.length);
    }
  });

  it('writes a yearly workbook whose cells equal the hand-read values and mark a correction', async () => {
    const nansha = a.listReports({ agency: '南沙区商务局' }).items[0]!;
    a.correct(nansha.id, 'active.normative.total', 13, '与原件核对');
    const r = await runExport(a, { year: 2020, format: 'xlsx', out: join(dir, 'out'), lang: 'zh', generatedAt: '2026-11-22T22:00:00Z' });
    expect(r.files[0]).toBe(join(dir, 'out', '年报汇总-2020.xlsx'));
    expect(r.workbook!.correctedCells).toBe(1);
    const wb = readBook(r.files[0]!);
    expect(wb.SheetNames).toEqual(['说明', '汇总', '主动公开', '依申请公开', '复议诉讼', '分机关', '校验问题', '年报质量', '来源']);
    const src = wb.Sheets['来源']!;
    let compared = 0;
    for (const [table, name] of [
      ['active', '主动公开'],
      ['requests', '依申请公开'],
      ['review', '复议诉讼'],
    ] as const) {
      const ws = wb.Sheets[name]!;
      for (const [id, c] of fieldColumns(table, '2019')) {
        for (let row = 1; row < 40; row++) {
          // data rows carry the report number agency-year-version (never the database id)
          const no = cell(ws, row, 5)?.v;
          if (typeof no !== 'string' || !/-2020-1$/.test(no)) continue;
          const file = String(cell(src, findRow(src, 5, no), 6)!.v);
          const want = no === '南沙区商务局-2020-1' && id === 'active.normative.total' ? 13 : expected(file).values[id];
          expect(cell(ws, row, c)?.v ?? null, `${file} ${id}`).toBe(want);
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * TEMPLATES['2019'].fields.length);
    const act = wb.Sheets['主动公开']!;
    const c = cell(act, findRow(act, 5, '南沙区商务局-2020-1'), fieldColumns('active', '2019').get('active.normative.total')!);
    expect(fillOf(c)).toBe('FFEB9C');
    expect(noteOf(c)).toContain('原值 12 → 13');
    expect(noteOf(c)).toContain('与原件核对');
  });

  it('writes an agency workbook and tidy CSV for the same data', async () => {
    const r = await runExport(a, { agency: '西工区商务局', format: 'xlsx', out: join(dir, 'agency.xlsx'), lang: 'en' });
    const wb = readBook(r.files[0]!);
    expect(wb.SheetNames).toEqual(['About', 'Summary', 'Proactive', 'Requests', 'Review', 'By agency', 'Checks', 'Report quality', 'Sources']);
    expect(r.workbook!.reports).toBe(1);
    const csv = await runExport(a, { year: 2020, format: 'csv', out: join(dir, 'tidy'), lang: 'zh' });
    const text = readFileSync(csv.files[0]!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines.length).toBe(1 + 4 * TEMPLATES['2019'].fields.length);
    const granted = lines.find((l) => l.includes(',西工区商务局,2020,2019,') && l.includes(',requests.granted.person,'))!;
    // blank (not 0), not corrected, flagged with the extractor's reason
    expect(granted).toContain(',requests.granted.person,予以公开 · 自然人,,false,,true,');
    expect(granted).toMatch(/予以公开/);
    const nansha = lines.find((l) => l.includes(',南沙区商务局,') && l.includes(',active.normative.total,'))!;
    expect(nansha).toContain(',13,true,12,false,');
  });

  it('runs as the export command: --years, --status, an ambiguous --agency', async () => {
    const path = join(dir, 'a.sqlite');
    const outDir = join(dir, 'cli');
    const log = console.log;
    console.log = () => undefined;
    try {
      expect(await exportCommand(parseArgs(['export', '--years', '2019-2020', '--out', outDir, '--archive', path]))).toBe(0);
      expect(existsSync(join(outDir, '年报汇总-2019-2020.xlsx'))).toBe(true);
      const wb = readBook(join(outDir, '年报汇总-2019-2020.xlsx'));
      expect(String(cell(wb.Sheets['说明']!, 1, 1)!.v)).toBe('2019—2020年度政府信息公开工作年度报告汇总');
      const dg = a.listReports({ agency: '东莞市商务局' }).items[0]!;
      a.verify(dg.id, true);
      expect(await exportCommand(parseArgs(['export', '--year', '2020', '--status', 'verified', '--out', join(outDir, 'v.xlsx'), '--archive', path]))).toBe(0);
      const sum = readBook(join(outDir, 'v.xlsx')).Sheets['汇总']!;
      expect(cell(sum, 5, 2)!.v).toBe('东莞市商务局');
      expect(cell(sum, 6, 1)!.v).toBe('合计（全部机关）');
      await expect(exportCommand(parseArgs(['export', '--agency', '商务局', '--out', outDir, '--archive', path]))).rejects.toThrow(/matches 3 agencies/);
      expect(await exportCommand(parseArgs(['export', '--year', '2031', '--out', join(outDir, 'none.xlsx'), '--archive', path]))).toBe(1);
      expect(existsSync(join(outDir, 'none.xlsx'))).toBe(false);
    } finally {
      console.log = log;
    }
  });

  it('校验问题: a flag accepted on its own is accepted with its note; the rest of a verified report are accepted with the report', async () => {
    const xg = a.listReports({ agency: '西工区商务局' }).items[0]!;
    // the extraction doubts; quality findings (质量问题, test/quality) are counted apart
    const flags = a.getReport(xg.id).flags.filter((f) => f.source !== 'quality');
    expect(flags.length).toBe(14);
    const granted = flags.find((f) => f.fields[0] === 'requests.granted')!;
    expect(granted.kind).toBe('incomplete_row');
    expect(a.acceptFlag(xg.id, granted.id, '原件此行空白，原文如此').flagCount).toBe(13);

    const sheet = async (name: string) => {
      const r = await runExport(a, { year: 2020, format: 'xlsx', out: join(dir, name), lang: 'zh' });
      return readBook(r.files[0]!).Sheets['校验问题']!;
    };
    const rowsOf = (ws: WorkSheet) => {
      const out: { field: string; status: string; note: string | undefined }[] = [];
      for (let row = 4; row < 40; row++)
        if (cell(ws, row, 5)?.v === '西工区商务局-2020-1' && !QUALITY.has(String(cell(ws, row, 6)?.v)))
          out.push({ field: String(cell(ws, row, 8)!.v), status: String(cell(ws, row, 12)!.v), note: cell(ws, row, 13)?.v as string | undefined });
      return out;
    };
    let ws = await sheet('accepted.xlsx');
    expect(String(cell(ws, 3, 13)!.v)).toBe('处理说明');
    expect(String(cell(ws, 3, 12)!.v)).toBe('处理状态');
    let rows = rowsOf(ws);
    expect(rows).toHaveLength(14);
    expect(rows.find((x) => x.field === '予以公开')).toEqual({ field: '予以公开', status: '已确认（原文如此）', note: '原件此行空白，原文如此' });
    expect(fillOf(cell(ws, findRow(ws, 13, '原件此行空白，原文如此'), 12))).toBe('E2EFDA');
    expect(rows.filter((x) => x.status === '待处理' && x.note === undefined)).toHaveLength(13);
    // The cells the flag concerns say so in their comment.
    const req = readBook(join(dir, 'accepted.xlsx')).Sheets['依申请公开']!;
    const c = cell(req, findRow(req, 5, '西工区商务局-2020-1'), fieldColumns('requests', '2019').get('requests.granted.person')!);
    expect(noteOf(c)).toContain('[已确认（原文如此）：原件此行空白，原文如此]');

    a.verify(xg.id, true);
    rows = rowsOf((ws = await sheet('verified.xlsx')));
    expect(rows.find((x) => x.field === '予以公开')!.note).toBe('原件此行空白，原文如此');
    expect(rows.filter((x) => x.status === '已确认（原文如此）' && x.note === '整份报告已核实')).toHaveLength(13);
    a.verify(xg.id, false);
    expect(a.getReport(xg.id).flagCount).toBe(13);
  });
});
