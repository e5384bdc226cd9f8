import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOfTable, TABLES } from '../../src-main/core/catalogue/index.js';
import { exportPlan } from '../../src-main/contract/export-plan.js';
import { reportNumber } from '../../src-main/core/export/labels.js';
import { sheetName, writeWorkbook } from '../../src-main/core/export/workbook.js';
import type { ExportReport } from '../../src-main/core/export/types.js';
import { synthetic2021 } from './fixtures.js';
import { cell, fieldColumns, findRow, hasSoffice, libreOfficeCsv, readBook, sheetXml as readSheetXml } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-years-'));
const file = join(dir, 'years.xlsx');
const meta = { archiveName: 'y.nianbao', generatedAt: '2026-11-22T21:30:00.000Z', lang: 'zh' as const };
let reports: ExportReport[];

beforeAll(async () => {
  // three agencies in 2023, two in 2024 (different values: seeds differ)
  reports = [
    synthetic2021(1, '甲市商务局', 2023, 1),
    synthetic2021(2, '乙市商务局', 2023, 2),
    synthetic2021(3, '丙县商务局', 2023, 3),
    synthetic2021(4, '甲市商务局', 2024, 4),
    { ...synthetic2021(5, '乙市商务局', 2024, 5), version: 2 },
  ];
  await writeWorkbook(reports, meta, { kind: 'years', from: 2023, to: 2024 }, file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheetXml = (name: string): string => readSheetXml(file, name);

describe('a workbook over 2023 and 2024', () => {
  it('has a sheet set per year, each with its own totals: the years are never added together', () => {
    const wb = readBook(file);
    expect(wb.SheetNames).toEqual([
      '说明',
      '汇总 2023',
      '主动公开 2023',
      '依申请公开 2023',
      '复议诉讼 2023',
      '汇总 2024',
      '主动公开 2024',
      '依申请公开 2024',
      '复议诉讼 2024',
      '分机关',
      '校验问题',
      '年报质量',
      '来源',
    ]);
    const cols = fieldColumns('requests', '2021');
    for (const year of [2023, 2024]) {
      const ws = wb.Sheets[`依申请公开 ${year}`]!;
      const mine = reports.filter((r) => r.year === year);
      // rows of this year only
      for (const r of reports) expect(findRow(ws, 5, reportNumber(r, 'zh')) > 0, `${r.agency} ${r.year} in ${year}`).toBe(r.year === year);
      const total = findRow(ws, 1, '合计（全部机关）');
      expect(total).toBeGreaterThan(0);
      for (const id of ['requests.new.total', 'requests.granted.person', 'requests.total.total']) {
        const want = mine.reduce((s, r) => s + (r.values[id] ?? 0), 0);
        const both = reports.reduce((s, r) => s + (r.values[id] ?? 0), 0);
        expect(cell(ws, total, cols.get(id)!)!.v, `${year} ${id}`).toBe(want);
        expect(want).not.toBe(both);
      }
    }
    // nowhere a single total over both years
    for (const n of wb.SheetNames) expect(String(cell(wb.Sheets[n]!, 1, 1)?.v ?? '')).not.toMatch(/2023—2024年度.*合计/);
  });

  it('quotes the report number (agency-year-version), not the database id', () => {
    const ws = readBook(file).Sheets['汇总 2024']!;
    expect(findRow(ws, 6, '乙市商务局-2024-2')).toBeGreaterThan(0);
    expect(findRow(ws, 6, 5)).toBe(-1);
  });

  it('puts a filter on the header row of every data sheet, over the data rows only', () => {
    // 依申请公开 2023: 5 fixed columns + the fields, header rows 3–6, three reports on rows 7–9, totals on 10 (outside)
    const width = 5 + fieldColumns('requests', '2021').size;
    const letters = (n: number) => (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    expect(sheetXml('依申请公开 2023')).toContain(`<autoFilter ref="A6:${letters(width)}9"/>`);
    for (const n of ['汇总 2023', '主动公开 2024', '复议诉讼 2024', '校验问题', '来源']) expect(sheetXml(n), n).toMatch(/<autoFilter ref="A\d+:[A-Z]+\d+"\/>/);
  });

  it('has the 分机关 sheet in the official three-table layout, one report per printed page', () => {
    const ws = readBook(file).Sheets['分机关']!;
    let checked = 0;
    for (const r of reports) {
      const top = findRow(ws, 1, `${r.agency} ${r.year}年度政府信息公开工作年度报告`);
      expect(top, r.agency).toBeGreaterThan(0);
      expect(String(cell(ws, top + 1, 1)!.v)).toContain(`报告编号：${reportNumber(r, 'zh')}`);
      let n = top + 2;
      for (const table of ['active', 'requests', 'review'] as const) {
        expect(cell(ws, n++, 1)!.v).toBe(TABLES.find((t) => t.id === table)!.label.zh);
        let prevCols = '';
        for (const row of rowsOfTable(r.template, table)) {
          const colsKey = row.columns.map((c) => c.id).join();
          if (colsKey !== prevCols) {
            // a header line: 项目, then the column labels
            expect(cell(ws, n, 1)!.v).toBe('项目');
            row.columns.forEach((c, j) => expect(String(cell(ws, n, j + 2)!.v)).toContain(c.label.zh));
            n++;
            prevCols = colsKey;
          }
          expect(String(cell(ws, n, 1)!.v)).toContain(row.label.zh);
          row.columns.forEach((c, j) => {
            const v = r.values[`${row.id}.${c.id}`] ?? null;
            expect(cell(ws, n, j + 2)?.v ?? null, `${r.agency} ${row.id}.${c.id}`).toBe(v);
            checked++;
          });
          n++;
        }
      }
    }
    expect(checked).toBe(
      reports.length *
        rowsOfTable('2021', 'active')
          .concat(rowsOfTable('2021', 'requests'), rowsOfTable('2021', 'review'))
          .reduce((s, r) => s + r.columns.length, 0),
    );
    // a manual page break after every report, A4 portrait, fitted to the page width
    const xml = sheetXml('分机关');
    expect(xml).toContain(`<rowBreaks count="${reports.length}" manualBreakCount="${reports.length}">`);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="portrait"/);
  });

  it.skipIf(!hasSoffice())('opens in LibreOffice, whose 分机关 values agree', () => {
    const lo = libreOfficeCsv(file, join(dir, 'lo'), join(dir, 'lo-profile'));
    expect(lo.files.length).toBe(13);
    const csv = lo.csv('分机关');
    const lines = csv.split('\n').map((l) => l.split(','));
    const r = reports[4]!;
    const top = lines.findIndex((l) => l[0] === `${r.agency} ${r.year}年度政府信息公开工作年度报告`);
    expect(top).toBeGreaterThanOrEqual(0);
    const granted = lines.slice(top).find((l) => l[0] === '三、本年度办理结果 — 予以公开')!;
    const cols = rowsOfTable('2021', 'requests').find((x) => x.id === 'requests.granted')!.columns;
    expect(cols).toHaveLength(7);
    expect(granted.slice(1, 8)).toEqual(cols.map((c) => String(r.values[`requests.granted.${c.id}`])));
  });
});

describe('export plan and sheet names', () => {
  it('says up front which files an export writes', () => {
    expect(exportPlan({ years: [2024, 2023] })).toEqual([
      { from: 2023, to: 2023 },
      { from: 2024, to: 2024 },
    ]);
    expect(exportPlan({ years: [2020, 2021, 2025], layout: 'sheets_per_year' })).toEqual([
      { from: 2020, to: 2021 },
      { from: 2025, to: 2025 },
    ]);
  });

  it('makes sheet names Excel accepts', () => {
    const taken = new Set<string>();
    expect(sheetName('a[b]:c*d?e/f\\g', taken)).toBe('a_b__c_d_e_f_g');
    const long = sheetName('依'.repeat(40), taken);
    expect(long).toHaveLength(31);
    expect(sheetName('依'.repeat(40), taken)).toBe(`${'依'.repeat(29)}_2`);
    expect(sheetName('A', taken)).toBe('A');
    expect(sheetName('a', taken)).toBe('a_2');
  });

  it('writes no non-finite number', async () => {
    const r = synthetic2021(9, '丁局', 2023);
    r.values['requests.new.person'] = Number.NaN;
    r.values['requests.new.business'] = Number.POSITIVE_INFINITY;
    r.flags.push({ kind: 'rule', fields: ['requests.new.total'], message: 'x', rule: 'R3', expected: Number.NaN, found: 3, status: 'open' });
    const f = join(dir, 'nan.xlsx');
    await writeWorkbook([r], meta, { kind: 'year', year: 2023 }, f);
    const zip = unzipSync(readFileSync(f));
    for (const [name, bytes] of Object.entries(zip))
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(bytes), name).not.toMatch(/<v>(NaN|Infinity|-Infinity)<\/v>/);
  });
});
