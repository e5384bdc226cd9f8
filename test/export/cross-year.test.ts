import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crossYearFlags, tidyRows, writeTidy, writeWorkbook, csvField } from '../../src-main/core/export/index.js';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';
import { synthetic2021 } from './fixtures.js';
import { cell, fieldColumns, fillOf, findRow, noteOf, readBook } from './read.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-x-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three consecutive years of one agency, consistent except where a test breaks them. */
function series() {
  const y21 = synthetic2021(1, '深圳市某局', 2021, 1);
  const y22 = synthetic2021(2, '深圳市某局', 2022, 2);
  const y23 = synthetic2021(3, '深圳市某局', 2023, 3);
  for (const [prev, cur] of [
    [y21, y22],
    [y22, y23],
  ] as const) {
    for (const c of ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'])
      cur.values[`requests.carried_over.${c}`] = prev.values[`requests.carried_forward.${c}`]!;
    for (const row of ['active.rules', 'active.normative'])
      cur.values[`${row}.in_force`] = prev.values[`${row}.in_force`]! + cur.values[`${row}.issued`]! - cur.values[`${row}.repealed`]!;
  }
  return [y21, y22, y23];
}

describe('cross-year checks', () => {
  it('raise nothing on a consistent series', () => {
    expect(crossYearFlags(series()).size).toBe(0);
  });

  it('X1: this year 上年结转 must equal last year 结转下年度, per column', () => {
    const s = series();
    s[1]!.values['requests.carried_over.business'] = s[0]!.values['requests.carried_forward.business']! + 2;
    const flags = crossYearFlags(s).get(2)!;
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'cross_year',
      rule: 'X1',
      fields: ['requests.carried_over.business'],
      expected: s[0]!.values['requests.carried_forward.business'],
      found: s[0]!.values['requests.carried_forward.business']! + 2,
      status: 'open',
    });
  });

  it('X2: 现行有效件数 = last year + 制发 − 废止, only between 2021-template years', () => {
    const s = series();
    s[2]!.values['active.normative.in_force'] = 999;
    const flags = crossYearFlags(s).get(3)!;
    expect(flags.map((f) => [f.rule, f.fields[0], f.found])).toEqual([['X2', 'active.normative.in_force', 999]]);
    // A 2019-template year before: its 对外公开总数量 is another count, so no X2.
    const y20 = { ...synthetic2021(9, '深圳市某局', 2020), template: '2019' as const, values: {} as Record<string, number | null> };
    for (const f of TEMPLATES['2019'].fields) y20.values[f.id] = 1;
    const s2 = series();
    for (const c of ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total']) s2[0]!.values[`requests.carried_over.${c}`] = 1; // = 2020's 结转下年度
    s2[0]!.values['active.rules.in_force'] = 12345;
    expect(crossYearFlags([y20, ...s2]).get(1)).toBeUndefined();
  });

  it('skips a year with two reports of the same agency (which one is meant is unclear)', () => {
    const s = series();
    s[1]!.values['requests.carried_over.person'] = 77;
    const dup = { ...s[0]!, id: 99 };
    expect(crossYearFlags([...s, dup]).get(2)).toBeUndefined();
  });

  it('appear in the agency workbook: listed in 校验问题 and the cell marked', async () => {
    const s = series();
    s[1]!.values['requests.carried_over.total'] = 500;
    const file = join(dir, 'agency.xlsx');
    const stats = await writeWorkbook(s, { archiveName: 'x', generatedAt: '2026-11-22T22:00:00Z', lang: 'zh' }, { kind: 'agency', agency: '深圳市某局' }, file);
    expect(stats.flagged).toBe(1);
    const wb = readBook(file);
    const flags = wb.Sheets['校验问题']!;
    const row = findRow(flags, 7, 'X1');
    expect(cell(flags, row, 3)!.v).toBe(2022);
    expect(cell(flags, row, 6)!.v).toBe('跨年度不符');
    expect(cell(flags, row, 11)!.v).toBe(500);
    const req = wb.Sheets['依申请公开']!;
    // one row per year, in year order
    const years = [2021, 2022, 2023].map((y) => cell(req, findRow(req, 5, `深圳市某局-${y}-1`), 3)!.v);
    expect(years).toEqual([2021, 2022, 2023]);
    // an agency's years side by side are never added up
    expect(findRow(req, 1, '合计（全部机关）')).toBe(-1);
    const c = cell(req, findRow(req, 5, '深圳市某局-2022-1'), fieldColumns('requests', '2021').get('requests.carried_over.total')!);
    expect(c!.v).toBe(500);
    expect(fillOf(c)).toBe('FFC7CE');
    expect(noteOf(c)).toContain('X1');
  });
});

describe('tidy export', () => {
  it('has one line per report and field, with blanks, corrections and flags', () => {
    const r = synthetic2021(5, '=cmd|calc', 2021);
    r.values['active.rules.issued'] = null;
    r.corrected['active.rules.repealed'] = { old: 3, new: r.values['active.rules.repealed']!, note: null, at: '2026-11-22T22:00:00Z' };
    r.flags.push({ kind: 'rule', fields: ['review.reconsideration'], message: 'R4 不平衡', rule: 'R4', status: 'open' });
    const rows = [...tidyRows([r])];
    expect(rows).toHaveLength(TEMPLATES['2021'].fields.length);
    const issued = rows.find((x) => x.field_id === 'active.rules.issued')!;
    expect(issued).toMatchObject({ value: null, corrected: false, flagged: false, field_label: '规章 · 本年制发件数' });
    expect(rows.find((x) => x.field_id === 'active.rules.repealed')).toMatchObject({ corrected: true, original_value: 3 });
    const rv = rows.filter((x) => x.field_id.startsWith('review.reconsideration.'));
    expect(rv.every((x) => x.flagged && x.flag_messages === '行政复议：R4 不平衡' && x.check_status === 'open')).toBe(true);
  });

  it('writes CSV with a BOM and neutralised formula text, and JSON records', async () => {
    const r = synthetic2021(5, '=cmd|calc', 2021);
    r.region.county = '+区';
    const csv = await writeTidy([r], 'csv', join(dir, 't.csv'));
    const text = readFileSync(csv.file, 'utf8');
    expect(text.startsWith('\uFEFFreport_id,province,city,county,agency,year,')).toBe(true);
    expect(csv.rows).toBe(TEMPLATES['2021'].fields.length);
    const line = text.split('\r\n')[1]!;
    // CSV and the record generator agree, line by line
    const rec = [...tidyRows([r])];
    expect(text.trim().split('\r\n').length).toBe(1 + rec.length);
    expect(line.startsWith("5,广东省,深圳市,'+区,'=cmd|calc,2021,2021,verified,active.rules.issued,")).toBe(true);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(-6)).toBe('-6');
    const r2 = synthetic2021(6, '第二局', 2021, 3);
    r2.flags.push({ kind: 'ambiguous', fields: ['active.fee.amount_wan'], message: '单位"元"或"万元"', status: 'open' });
    const json = await writeTidy([r, r2], 'json', join(dir, 't.json'));
    const data = JSON.parse(readFileSync(json.file, 'utf8')) as {
      agency: string;
      field_id: string;
      value: number | null;
      flagged: boolean;
      flag_messages: string;
    }[];
    expect(data).toHaveLength(2 * TEMPLATES['2021'].fields.length);
    expect(data).toEqual([...tidyRows([r, r2])]);
    expect(data.find((x) => x.agency === '第二局' && x.field_id === 'active.fee.amount_wan')).toMatchObject({
      flagged: true,
      flag_messages: expect.stringContaining('读数不唯一，留空或待核（单位"元"或"万元"）'),
    });
    expect(data[0]).toMatchObject({ agency: '=cmd|calc', field_id: 'active.rules.issued', value: r.values['active.rules.issued'] });
  });
});
