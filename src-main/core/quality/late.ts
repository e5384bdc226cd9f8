// late_publication, 《政府信息公开条例》第四十九条: a department publishes
// last year's report by 1月31日, a people's government (and a zone's 管委会)
// by 3月31日; the article names no date for 乡镇 and 街道, so theirs is a
// setting (3月31日 by default). The kind comes from the agency's name unless
// a person set it.
import type { AgencyKind, Finding, QualitySettings } from './types.js';

const TOWNSHIP = /(街道办事处|街道办|街道|镇人民政府|乡人民政府|镇政府|乡政府|[镇乡])$/;
const GOVERNMENT = /(人民政府|政府|管委会|管理委员会|行政公署)$/;

export function agencyKindOf(name: string | null): AgencyKind {
  const n = (name ?? '').replace(/[\s()（）]/g, '');
  if (TOWNSHIP.test(n)) return 'township';
  if (GOVERNMENT.test(n)) return 'government';
  return 'department';
}

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The deadline for a report on `year`: YYYY-MM-DD in the following year. */
export function deadlineFor(year: number, kind: AgencyKind, s: QualitySettings): string {
  return `${year + 1}-${s.deadlines[kind]}`;
}

/** Days after the deadline (0 or less: on time). */
export function daysLate(publishedAt: string, deadline: string): number {
  return Math.round(day(publishedAt) - day(deadline));
}

export function checkLate(year: number | null, publishedAt: string | null, kind: AgencyKind, s: QualitySettings): Finding | null {
  if (year === null) return null;
  if (!publishedAt || !/^\d{4}-\d{2}-\d{2}$/.test(publishedAt))
    return { kind: 'publication_date_unknown', fields: [], message: 'the report states no publication date; set it by hand to check the deadline', detail: {} };
  const deadline = deadlineFor(year, kind, s);
  const late = daysLate(publishedAt, deadline);
  if (late <= 0) return null;
  return {
    kind: 'late_publication',
    fields: [],
    message: `published ${publishedAt}, deadline ${deadline} (${kind}): ${late} days late`,
    found: late,
    detail: { publishedAt, deadline, days: late, agencyKind: kind },
  };
}
