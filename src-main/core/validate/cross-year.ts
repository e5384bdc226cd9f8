// Checks across consecutive years of one agency (spec "Consistency rules"),
// on values alone: the one place both the archive (stored flags, computed
// when either year changes: archive/cross-year.ts) and the workbook (reports
// not from an archive: export/cross-year.ts) take them from.
// X1 (per column of table 三, hard): this year's 上年结转 = last year's 结转下年度.
// X2 (2021 template, 规章 and 行政规范性文件, soft — a 清理 legitimately breaks
//    it): 现行有效件数 = last year's 现行有效件数 + this year's 制发 − 废止 (only
//    when last year also used the 2021 template: 2019's 对外公开总数量 is another count).
import { fieldLabel, REQUEST_COLUMNS, type TemplateId } from '../catalogue/index.js';

export const CROSS_YEAR_RULES = ['X1', 'X2'] as const;
export type CrossYearRule = (typeof CROSS_YEAR_RULES)[number];
/** A soft rule's break is a notice: it never makes a report 有疑问 (it can still be accepted). */
export const CROSS_YEAR_SOFT: { readonly [K in CrossYearRule]: boolean } = { X1: false, X2: true };

export interface YearReading {
  year: number;
  template: TemplateId | null;
  values: Record<string, number | null | undefined>;
}

export interface CrossYearFinding {
  rule: CrossYearRule;
  /** The field of the later year that does not follow. */
  field: string;
  expected: number;
  found: number;
  /** Chinese, stable while the finding is the same. */
  message: string;
  prevYear: number;
}

const EPS = 1e-9;
const num = (values: YearReading['values'], id: string): number | undefined => {
  const v = values[id];
  return v === null || v === undefined ? undefined : v;
};

/** What `cur` breaks against `prev` (its agency's report of the year before; nothing when the years are not consecutive). */
export function crossYearChecks(prev: YearReading, cur: YearReading): CrossYearFinding[] {
  if (cur.year !== prev.year + 1) return [];
  const out: CrossYearFinding[] = [];
  const push = (rule: CrossYearRule, field: string, expected: number | undefined, message: string) => {
    const found = num(cur.values, field);
    if (found === undefined || expected === undefined || Math.abs(found - expected) < EPS) return;
    out.push({ rule, field, expected, found, message, prevYear: prev.year });
  };
  for (const c of REQUEST_COLUMNS) {
    const f = `requests.carried_over.${c.id}`;
    push('X1', f, num(prev.values, `requests.carried_forward.${c.id}`), `${fieldLabel(f)} 应等于 ${prev.year} 年报告的结转下年度（${c.label.zh}）`);
  }
  if (cur.template === '2021' && prev.template === '2021')
    for (const row of ['active.rules', 'active.normative']) {
      const last = num(prev.values, `${row}.in_force`);
      const issued = num(cur.values, `${row}.issued`);
      const repealed = num(cur.values, `${row}.repealed`);
      const expected = last !== undefined && issued !== undefined && repealed !== undefined ? last + issued - repealed : undefined;
      const f = `${row}.in_force`;
      push('X2', f, expected, `${fieldLabel(f)} 应等于 ${prev.year} 年现行有效件数 + 本年制发 − 本年废止`);
    }
  return out;
}
