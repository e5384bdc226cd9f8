import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';
import { writeWorkbook, type ExportReport, type WorkbookStats } from '../../src-main/core/export/index.js';
import { richReports } from './fixtures.js';
import { reportNumber } from '../../src-main/core/export/labels.js';
import { formatDateTime } from '../../src-main/core/wording/format.js';
import { cell, fieldColumns, fillOf, findRow, hasSoffice, libreOfficeCsv, noteOf, readBook, sheetXml } from './read.js';
import { haveSeeds } from '../seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
const file = join(dir, '2020.xlsx');
const meta = { archiveName: 'test.nianbao', generatedAt: '2026-11-22T21:30:00.000Z', lang: 'zh' as const };
let reports: ExportReport[];
let stats: WorkbookStats;

/** The report number column (agency-year-version), which the rows are found by. */
const no = (r: ExportReport) => reportNumber(r, 'zh');
const noOf = (id: number) => no(reports.find((r) => r.id === id)!);

beforeAll(async () => {
  if (!haveSeeds) return;
  reports = richReports();
  stats = await writeWorkbook(reports, meta, { kind: 'year', year: 2020 }, file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TABLE_SHEETS = [
  ['active', '主动公开'],
  ['requests', '依申请公开'],
  ['review', '复议诉讼'],
] as const;

describe.skipIf(!haveSeeds)('yearly workbook', () => {
  it('has the sheets in order, one table sheet per template in a transition year', () => {
    const wb = readBook(file);
    expect(wb.SheetNames).toEqual([
      '说明',
      '汇总',
      '主动公开（2019版）',
      '主动公开（2021版）',
      '依申请公开（2019版）',
      '依申请公开（2021版）',
      '复议诉讼（2019版）',
      '复议诉讼（2021版）',
      '分机关',
      '校验问题',
      '年报质量',
      '来源',
    ]);
    expect(stats).toMatchObject({ reports: 7, agencies: 7, verified: 3, correctedCells: 1, flagged: 2, templates: ['2019', '2021'] });
    expect(existsSync(`${file}.part-${process.pid}`)).toBe(false);
  });

  it('writes every value of every report into the columns of its own template', () => {
    const wb = readBook(file);
    let checked = 0;
    for (const [table, name] of TABLE_SHEETS) {
      for (const tp of ['2019', '2021'] as const) {
        const ws = wb.Sheets[`${name}（${tp}版）`]!;
        const cols = fieldColumns(table, tp);
        for (const r of reports) {
          const row = findRow(ws, 5, no(r));
          if (r.template !== tp) {
            expect(row, `${r.agency} must not appear in the ${tp} sheet`).toBe(-1);
            continue;
          }
          expect(row).toBeGreaterThan(0);
          for (const [id, c] of cols) {
            const v = r.values[id] ?? null;
            const got = cell(ws, row, c);
            if (v === null) expect(got?.v, `${r.agency} ${id}`).toBeUndefined();
            else expect(got?.v, `${r.agency} ${id}`).toBe(v);
            checked++;
          }
        }
      }
    }
    // 5 seeds × 198 fields of 2019 + 2 synthetic × the 2021 fields
    expect(checked).toBe(5 * TEMPLATES['2019'].fields.length + 2 * TEMPLATES['2021'].fields.length);
  });

  it('marks corrected and flagged cells with a fill and a note', () => {
    const ws = readBook(file).Sheets['主动公开（2019版）']!;
    const cols = fieldColumns('active', '2019');
    const nansha = findRow(ws, 5, noOf(1));
    const corrected = cell(ws, nansha, cols.get('active.normative.total')!);
    expect(corrected?.v).toBe(12);
    expect(fillOf(corrected)).toBe('FFEB9C');
    expect(noteOf(corrected)).toContain('原值 21 → 12');
    expect(noteOf(corrected)).toContain('=原文为12，提取错位');
    expect(noteOf(corrected)).toContain('2026-11-22T21:00:00Z');
    const dongguan = findRow(ws, 5, noOf(4));
    const flagged = cell(ws, dongguan, cols.get('active.procurement.amount_wan')!);
    expect(fillOf(flagged)).toBe('FFC7CE');
    expect(noteOf(flagged)).toContain('金额单位不明');
    expect(fillOf(cell(ws, dongguan, cols.get('active.procurement.projects')!))).toBeUndefined();

    // An incomplete row (西工区, expected nulls) is blank but marked: blank ≠ 0.
    const req = readBook(file).Sheets['依申请公开（2019版）']!;
    const rc = fieldColumns('requests', '2019');
    const xigong = findRow(req, 5, noOf(2));
    const blank = cell(req, xigong, rc.get('requests.granted.person')!);
    expect(blank?.v).toBeUndefined();
    expect(fillOf(blank)).toBe('FFC7CE');
    expect(noteOf(blank)).toContain('予以公开：该行数字少于列数，单元格留空待核');
    // An accepted rule flag gets the "resolved" fill.
    const rev = readBook(file).Sheets['复议诉讼（2019版）']!;
    const rv = cell(rev, findRow(rev, 5, noOf(1)), fieldColumns('review', '2019').get('review.reconsideration.total')!);
    expect(fillOf(rv)).toBe('E2EFDA');
    expect(noteOf(rv)).toContain('已确认（原文如此）');
  });

  it('closes each table sheet with SUM formulas whose cached results are the sums', () => {
    const wb = readBook(file);
    for (const [table, name] of TABLE_SHEETS) {
      for (const tp of ['2019', '2021'] as const) {
        const ws = wb.Sheets[`${name}（${tp}版）`]!;
        const rows = reports.filter((r) => r.template === tp);
        const total = findRow(ws, 1, '合计（全部机关）');
        const first = total - rows.length;
        for (const [id, c] of fieldColumns(table, tp)) {
          const got = cell(ws, total, c)!;
          const L = (c <= 26 ? '' : String.fromCharCode(64 + Math.floor((c - 1) / 26))) + String.fromCharCode(65 + ((c - 1) % 26));
          expect(got.f).toBe(`SUM(${L}${first}:${L}${total - 1})`);
          const sum = rows.reduce((s, r) => s + (r.values[id] ?? 0), 0);
          expect(got.v as number).toBeCloseTo(sum, 8);
        }
      }
    }
  });

  it('keeps formula-looking texts as text, never formulas', () => {
    const wb = readBook(file);
    const src = wb.Sheets['来源']!;
    const name = cell(src, findRow(src, 5, noOf(4)), 6)!;
    expect(name.v).toBe('=HYPERLINK("http://x","y").docx');
    expect(name.t).toBe('s');
    expect(name.f).toBeUndefined();
    const act = wb.Sheets['主动公开（2021版）']!;
    for (const agency of ['@某某局', '-减号局']) {
      const row = findRow(act, 2, agency);
      expect(row).toBeGreaterThan(0);
      expect(cell(act, row, 2)!.t).toBe('s');
      expect(cell(act, row, 2)!.f).toBeUndefined();
    }
    const flags = wb.Sheets['校验问题']!;
    const msg = cell(flags, findRow(flags, 9, '+金额单位不明'), 9)!;
    // a worded flag: the rule spelt out with the catalogue's labels
    const worded = Object.values(flags).filter((c) => typeof (c as { v?: unknown }).v === 'string' && /^R4（行政复议）：总计为/.test((c as { v: string }).v));
    expect(worded.length).toBeGreaterThan(0);
    expect(msg.t).toBe('s');
    expect(msg.f).toBeUndefined();
    // No cell outside the totals rows carries a formula.
    for (const n of wb.SheetNames) {
      const ws = wb.Sheets[n]!;
      for (const [addr, c] of Object.entries(ws)) {
        if (addr.startsWith('!') || !(c as { f?: string }).f) continue;
        expect((c as { f: string }).f, `${n}!${addr}`).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
      }
    }
  });

  it('has summary totals, flags and sources that trace back to the input', () => {
    const wb = readBook(file);
    const sum = wb.Sheets['汇总']!;
    const dg = findRow(sum, 6, noOf(4));
    expect(cell(sum, 4, 7)!.v).toBe('新收');
    const dgReport = reports.find((r) => r.id === 4)!;
    expect(cell(sum, dg, 7)!.v).toBe(dgReport.values['requests.new.total']);
    const denied = Object.entries(dgReport.values)
      .filter(([k]) => /^requests\.denied_.*\.total$/.test(k))
      .reduce((s, [, v]) => s + (v ?? 0), 0);
    expect(cell(sum, dg, 11)!.v).toBe(denied);
    expect(cell(sum, dg, 19)!.v).toBe(1); // open flags
    // 西工区: 予以公开 blank in the report → blank, marked, not 0.
    const xg = findRow(sum, 6, noOf(2));
    expect(cell(sum, xg, 9)?.v).toBeUndefined();
    expect(fillOf(cell(sum, xg, 9))).toBe('FFC7CE');
    const flags = wb.Sheets['校验问题']!;
    const r4 = findRow(flags, 7, 'R4');
    expect(cell(flags, r4, 2)!.v).toBe('南沙区商务局');
    expect(cell(flags, r4, 6)!.v).toBe('勾稽关系不符');
    // no field ids in the workbook: the labels only
    expect(Object.values(flags).some((c) => /review\.reconsideration/.test(String((c as { v?: unknown }).v)))).toBe(false);
    expect(String(cell(flags, r4, 8)!.v)).toContain('行政复议 · 总计');
    expect(cell(flags, r4, 10)!.v).toBe(3);
    expect(cell(flags, r4, 11)!.v).toBe(0);
    expect(cell(flags, r4, 12)!.v).toBe('已确认（原文如此）');
    const src = wb.Sheets['来源']!;
    for (const r of reports) {
      const row = findRow(src, 5, no(r));
      expect(cell(src, row, 7)!.v).toBe(r.source.sha256);
      expect(cell(src, row, 6)!.v).toBe(r.source.fileName);
    }
    const readme = wb.Sheets['说明']!;
    const text = Object.values(readme)
      .map((c) => String((c as { v?: unknown }).v ?? ''))
      .join('|');
    expect(text).toContain('test.nianbao');
    expect(text).toContain(formatDateTime('2026-11-22T21:30:00.000Z', 'zh')); // local time, not UTC ISO
    expect(text).not.toContain('2026-11-22T21:30:00.000Z');
    expect(text).toContain('标记说明');
  });

  it('has merged official headers, frozen panes and number formats', () => {
    const zip = unzipSync(readFileSync(file));
    const wb = readBook(file);
    const idx = wb.SheetNames.indexOf('依申请公开（2019版）') + 1;
    const xml = sheetXml(file, '依申请公开（2019版）');
    expect(xml).toMatch(/<pane xSplit="3" ySplit="6" topLeftCell="D7" activePane="bottomRight" state="frozen"\/>/);
    // the header rows repeat on every printed page
    const book = strFromU8(zip['xl/workbook.xml']!);
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${idx - 1}">&apos;依申请公开（2019版）&apos;!$1:$6</definedName>`);
    const ws = wb.Sheets['依申请公开（2019版）']!;
    const merges = ws['!merges']!.map((m) => [m.s.r + 1, m.s.c + 1, m.e.r + 1, m.e.c + 1].join(','));
    const cols = fieldColumns('requests', '2019');
    const business = cols.get('requests.new.business')!;
    // 法人或其他组织 over its five columns, in the third header row
    expect(merges).toContain([5, business, 5, business + 4].join(','));
    expect(cell(ws, 5, business)!.v).toBe('法人或其他组织');
    // 不予公开 over its eight rows × seven columns, in the first header row
    const d1 = cols.get('requests.denied_state_secret.person')!;
    expect(merges).toContain([3, d1, 3, d1 + 8 * 7 - 1].join(','));
    expect(cell(ws, 3, d1)!.v).toBe('（三）不予公开');
    // 自然人 spans the column-group row and the column row
    expect(merges).toContain([5, business - 1, 6, business - 1].join(','));
    const act = wb.Sheets['主动公开（2019版）']!;
    const money = cell(act, findRow(act, 5, noOf(3)), fieldColumns('active', '2019').get('active.procurement.amount_wan')!)!;
    expect(money.z).toBe('#,##0.0000');
  });

  it.skipIf(!hasSoffice())('opens in LibreOffice, whose values agree', () => {
    const lo = libreOfficeCsv(file, join(dir, 'lo'), join(dir, 'lo-profile'));
    // one CSV per sheet: 说明, 汇总, six table sheets, 分机关, 校验问题, 年报质量, 来源
    expect(lo.files.length).toBe(12);
    const csv = lo.csv('依申请公开（2019版）');
    const lines = csv
      .trim()
      .split('\n')
      .map((l) => l.split(','));
    const cols = fieldColumns('requests', '2019');
    for (const r of reports.filter((x) => x.template === '2019')) {
      const line = lines.find((l) => l[4] === no(r))!;
      expect(line[1]).toBe(r.agency);
      for (const [id, c] of cols) expect(line[c - 1], id).toBe(r.values[id] === null ? '' : String(r.values[id]));
    }
    const total = lines.find((l) => l[0] === '合计（全部机关）')!;
    for (const [id, c] of cols) {
      const s = reports.filter((x) => x.template === '2019').reduce((a, r) => a + (r.values[id] ?? 0), 0);
      expect(Number(total[c - 1]), id).toBe(s);
    }
    const act = lo.csv('主动公开（2021版）');
    expect(act).toContain('@某某局');
  });
});
