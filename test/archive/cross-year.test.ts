// Cross-year checks stored in the archive (issue 13): X1 on all seven
// applicant columns and X2 (a notice), computed whenever either year's report
// changes, kept with their acceptances, filtered in the library, and printed
// by the workbook exactly as stored (the same function computes both).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src-main/core/archive/index.js';
import { crossYearFlags } from '../../src-main/core/export/index.js';
import { reportsFromArchive } from '../../src-main/core/export/from-archive.js';
import { runExport } from '../../src-main/core/export/job.js';
import { cell, readBook } from '../export/read.js';
import { tmp } from './helpers.js';
import { archive, COLS, put, values } from './put.js';

const cross = (a: Archive, id: number) => a.getReport(id).flags.filter((f) => f.kind === 'cross_year');
/** 2020's 结转下年度: 1, 2, … 6 per applicant column, 21 in total (R1 holds: 新收 = 结转). */
function y2020(): Record<string, number | null> {
  const set: Record<string, number> = {};
  COLS.forEach((c, i) => {
    const k = c === 'total' ? 21 : i + 1;
    set[`requests.carried_forward.${c}`] = k;
    set[`requests.new.${c}`] = k;
  });
  return values('2019', set);
}
/** 2021 carrying all of 2020's 结转下年度 over (and closing them: R1 holds). */
function y2021(carried: (c: string, i: number) => number = (c, i) => (c === 'total' ? 21 : i + 1)): Record<string, number | null> {
  const set: Record<string, number> = {};
  COLS.forEach((c, i) => {
    set[`requests.carried_over.${c}`] = carried(c, i);
    set[`requests.granted.${c}`] = carried(c, i);
    set[`requests.total.${c}`] = carried(c, i);
  });
  return values('2021', set);
}

describe('cross-year checks in the archive', () => {
  it('X1 on all seven columns appears on the later year when the earlier one is imported, and a correction that mends it removes it', async () => {
    const a = await archive();
    const id21 = put(
      a,
      '某市商务局',
      2021,
      y2021(() => 0),
    );
    expect(cross(a, id21)).toEqual([]);
    expect(a.getReport(id21).status).toBe('unreviewed');
    const id20 = put(a, '某市商务局', 2020, y2020());
    const flags = cross(a, id21);
    expect(flags.map((f) => [f.rule, f.fields[0], f.expected, f.found])).toEqual(
      COLS.map((c, i) => ['X1', `requests.carried_over.${c}`, c === 'total' ? 21 : i + 1, 0]),
    );
    expect(flags.every((f) => f.source === 'rules' && !f.resolved && f.detail?.prevYear === 2020 && f.detail?.prevId === id20)).toBe(true);
    expect(cross(a, id20)).toEqual([]); // nothing before 2020
    // X1 is hard: the report is 有疑问, counted in the library's cross-year filter
    expect(a.getReport(id21).status).toBe('flagged');
    expect(a.getReport(id21).flagCount).toBe(7);
    expect(a.listReports({ crossYear: true }).items.map((r) => r.id)).toEqual([id21]);
    expect(a.listReports({ crossYear: true, year: 2020 }).total).toBe(0);
    // A correction on the later year that mends one column: that flag goes, the others keep their ids
    const before = new Map(flags.map((f) => [f.fields[0], f.id]));
    a.correct(id21, 'requests.carried_over.person', 1);
    const after = cross(a, id21);
    expect(after.map((f) => f.fields[0])).not.toContain('requests.carried_over.person');
    expect(after).toHaveLength(6);
    for (const f of after) expect(f.id).toBe(before.get(f.fields[0]));
    // … and one on the earlier year mends another
    a.correct(id20, 'requests.carried_forward.business', 0);
    expect(cross(a, id21).map((f) => f.fields[0])).not.toContain('requests.carried_over.business');
    expect(cross(a, id21)).toHaveLength(5);
    a.close();
  });

  it('X2 is a notice (never 有疑问); an acceptance survives recomputation and lapses when the finding changes', async () => {
    const a = await archive();
    const id21 = put(a, '某县财政局', 2021, values('2021', { 'active.normative.in_force': 10 }));
    const id22 = put(a, '某县财政局', 2022, values('2021', { 'active.normative.in_force': 12, 'active.normative.issued': 3, 'active.normative.repealed': 0 }));
    const [x2] = cross(a, id22);
    expect(x2).toMatchObject({ rule: 'X2', fields: ['active.normative.in_force'], expected: 13, found: 12, resolved: false });
    expect(cross(a, id21)).toEqual([]);
    expect(a.getReport(id22).status).toBe('unreviewed'); // soft: open, but the report is not 有疑问
    expect(a.getReport(id22).flagCount).toBe(0);
    expect(a.listReports({ crossYear: true }).items.map((r) => r.id)).toEqual([id22]);
    a.acceptFlag(id22, x2!.id, '2022 年清理废止 1 件，报告未列入');
    expect(a.listReports({ crossYear: true }).total).toBe(0);
    // recomputed from both sides: same flag, still accepted
    a.recheckQuality();
    a.setMeta(id21, { publishedAt: '2022-01-20' });
    a.correct(id21, 'active.rules.issued', 4); // not part of 2022's X2
    const again = cross(a, id22);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ id: x2!.id, resolved: true, accepted: { note: '2022 年清理废止 1 件，报告未列入' } });
    // the previous year corrected so the check fails differently: a new finding, open
    a.correct(id21, 'active.normative.in_force', 11);
    const changed = cross(a, id22);
    expect(changed.map((f) => [f.expected, f.found, f.resolved])).toEqual([[14, 12, false]]);
    a.close();
  });

  it('follows removal, restoration, set-meta, merge and a version switch (both neighbours)', async () => {
    const a = await archive();
    const id20 = put(a, '甲区民政局', 2020, y2020());
    const id21 = put(
      a,
      '甲区民政局',
      2021,
      y2021((c) => (c === 'person' || c === 'total' ? 9 : 0)),
    );
    const id22 = put(a, '甲区民政局', 2022, values('2021', { 'requests.carried_over.person': 5 })); // 2021 carried nothing forward
    const rules = (id: number) => cross(a, id).map((f) => `${f.rule} ${f.fields[0]}`);
    expect(rules(id21)).toHaveLength(7);
    expect(rules(id22)).toEqual(['X1 requests.carried_over.person']);
    // removing 2021: 2022 has no previous year, 2021 none either; restoring brings both back
    a.remove(id21, '重复');
    expect(rules(id22)).toEqual([]);
    expect(rules(id21)).toEqual([]);
    a.restore(id21);
    expect(rules(id21)).toHaveLength(7);
    expect(rules(id22)).toEqual(['X1 requests.carried_over.person']);
    // set-meta moves 2020 to 2019: 2021 has no 2020 any more
    a.setMeta(id20, { year: 2019 });
    expect(rules(id21)).toEqual([]);
    a.setMeta(id20, { year: 2020 });
    expect(rules(id21)).toHaveLength(7);
    // an agency of its own, then merged back
    a.setMeta(id20, { agency: '甲区民政局（旧）' });
    expect(rules(id21)).toEqual([]);
    const m = a.mergeAgencies('甲区民政局（旧）', '甲区民政局');
    expect(m.moved).toBe(1);
    expect(rules(id21)).toHaveLength(7);
    // a second version of 2021 reading 2020's carried-forward right: switching to it clears the flags; back, they return
    const v2 = put(a, '甲区民政局', 2021, y2021());
    expect(a.versions(id21)).toHaveLength(2);
    const active = a.listReports({ year: 2021 }).items[0]!.id;
    expect(active).toBe(id21);
    expect(rules(v2)).toEqual([]); // only the active version carries them
    a.useVersion(id21, v2);
    expect(rules(v2)).toEqual([]);
    expect(rules(id21)).toEqual([]);
    expect(rules(id22)).toEqual(['X1 requests.carried_over.person']);
    a.useVersion(v2, id21);
    expect(rules(id21)).toHaveLength(7);
    a.close();
  });

  it('the workbook prints the stored flags (a one-year workbook too), the same findings the shared function computes, never twice', async () => {
    const a = await archive();
    put(a, '乙市交通局', 2020, y2020());
    const id21 = put(
      a,
      '乙市交通局',
      2021,
      y2021(() => 0),
    );
    const x = cross(a, id21);
    a.acceptFlag(id21, x.find((f) => f.fields[0] === 'requests.carried_over.legal')!.id, '原件即如此');
    // the same function over the exported values finds the same
    const exported = reportsFromArchive(a, { years: { from: 2020, to: 2021 } }).reports;
    const recomputed = crossYearFlags(exported.map((r) => ({ ...r, flags: [], crossYearStored: false })));
    const key = (f: { rule?: string; fields: string[]; expected?: number; found?: number; message: string }) =>
      JSON.stringify([f.rule, f.fields, f.expected, f.found, f.message]);
    expect([...recomputed.get(id21)!].map(key).sort()).toEqual(x.map(key).sort());
    const dir = tmp('nb-xyear-x-');
    const rowsOf = async (years: { from: number; to: number }, out: string) => {
      const r = await runExport(a, { years, format: 'xlsx', out: join(dir, out), lang: 'zh' });
      const ws = readBook(r.files[0]!).Sheets['校验问题']!;
      const rows: string[][] = [];
      for (let i = 1; i < 200; i++) {
        const line: string[] = [];
        for (let c = 1; c <= 14; c++) line.push(String(cell(ws, i, c)?.v ?? ''));
        if (line.some((v) => v.startsWith('X1'))) rows.push(line);
      }
      return rows;
    };
    const one = await rowsOf({ from: 2021, to: 2021 }, 'y21.xlsx');
    const both = await rowsOf({ from: 2020, to: 2021 }, 'y20-21.xlsx');
    expect(one).toHaveLength(7);
    expect(both).toHaveLength(7);
    expect(one.filter((l) => l.some((v) => v === '已确认（原文如此）'))).toHaveLength(1);
    expect(one.filter((l) => l.some((v) => v === '待处理'))).toHaveLength(6);
    expect(one.some((l) => l.some((v) => v.startsWith('X1（法律服务机构）：上年结转为 0，而2020 年报告的结转下年度为 5')))).toBe(true);
    a.close();
  });
});
