// Checks across consecutive years of one agency, made at export time:
// X1 (per column of table 三): this year's 上年结转 = last year's 结转下年度.
// X2 (2021 template, 规章 and 行政规范性文件): 现行有效件数 = last year's 现行有效件数
//    + this year's 制发 − 废止 (only when last year also used the 2021 template:
//    2019's 对外公开总数量 is a different count).
import { REQUEST_COLUMNS, fieldLabel } from '../catalogue/index.js';
import type { ExportFlag, ExportReport } from './types.js';

function check(cur: ExportReport, field: string, expected: number | null, parts: (number | undefined)[], rule: string, message: string): ExportFlag | null {
  const found = cur.values[field];
  if (found === null || found === undefined || expected === null || parts.some((p) => p === undefined)) return null;
  if (Math.abs(found - expected) < 1e-9) return null;
  return { kind: 'cross_year', fields: [field], message, rule, expected, found, status: 'open' };
}

const num = (r: ExportReport, id: string): number | undefined => {
  const v = r.values[id];
  return v === null || v === undefined ? undefined : v;
};

/** The flags the cross-year rules raise, by report id. Agencies with two reports for one year are skipped for that year. */
export function crossYearFlags(reports: ExportReport[]): Map<ExportReport['id'], ExportFlag[]> {
  const out = new Map<ExportReport['id'], ExportFlag[]>();
  const byAgencyYear = new Map<string, Map<number, ExportReport[]>>();
  for (const r of reports) {
    const years = byAgencyYear.get(r.agency) ?? new Map<number, ExportReport[]>();
    byAgencyYear.set(r.agency, years);
    years.set(r.year, [...(years.get(r.year) ?? []), r]);
  }
  for (const years of byAgencyYear.values()) {
    for (const [year, list] of years) {
      const prevList = years.get(year - 1);
      if (list.length !== 1 || !prevList || prevList.length !== 1) continue;
      const cur = list[0]!;
      const prev = prevList[0]!;
      const flags: ExportFlag[] = [];
      for (const c of REQUEST_COLUMNS) {
        const f = `requests.carried_over.${c.id}`;
        const fwd = num(prev, `requests.carried_forward.${c.id}`);
        const flag = check(cur, f, fwd ?? null, [fwd], 'X1', `${fieldLabel(f)} 应等于 ${prev.year} 年报告的结转下年度（${c.label.zh}）`);
        if (flag) flags.push(flag);
      }
      if (cur.template === '2021' && prev.template === '2021') {
        for (const row of ['active.rules', 'active.normative']) {
          const last = num(prev, `${row}.in_force`);
          const issued = num(cur, `${row}.issued`);
          const repealed = num(cur, `${row}.repealed`);
          const expected = last !== undefined && issued !== undefined && repealed !== undefined ? last + issued - repealed : null;
          const f = `${row}.in_force`;
          const flag = check(cur, f, expected, [last, issued, repealed], 'X2', `${fieldLabel(f)} 应等于 ${prev.year} 年现行有效件数 + 本年制发 − 本年废止`);
          if (flag) flags.push(flag);
        }
      }
      if (flags.length) out.set(cur.id, flags);
    }
  }
  return out;
}

/** Reports with the cross-year flags added (copies; the input is not changed). */
export function withCrossYearFlags(reports: ExportReport[]): ExportReport[] {
  const extra = crossYearFlags(reports);
  return reports.map((r) => (extra.has(r.id) ? { ...r, flags: [...r.flags, ...extra.get(r.id)!] } : r));
}
