// Cross-year checks (X1, X2) in the workbook. The checks themselves are
// validate/cross-year.ts — the same function the archive stores its flags
// with. A report from an archive carries those stored flags (with their
// acceptances: `crossYearStored`), so they are printed as they are; reports
// built without an archive (tests, the bench) get them computed here.
import { crossYearChecks } from '../validate/cross-year.js';
import type { ExportFlag, ExportReport } from './types.js';

/** An ExportFlag of one finding (status open). */
export function crossYearFlag(f: ReturnType<typeof crossYearChecks>[number]): ExportFlag {
  return {
    kind: 'cross_year',
    fields: [f.field],
    message: f.message,
    rule: f.rule,
    expected: f.expected,
    found: f.found,
    detail: { prevYear: f.prevYear },
    status: 'open',
  };
}

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
      const flags = crossYearChecks(prevList[0]!, list[0]!).map(crossYearFlag);
      if (flags.length) out.set(list[0]!.id, flags);
    }
  }
  return out;
}

/** Reports with the cross-year flags added (copies; the input is not changed); an archive's reports keep the flags it stored. */
export function withCrossYearFlags(reports: ExportReport[]): ExportReport[] {
  const extra = crossYearFlags(reports.filter((r) => !r.crossYearStored));
  return reports.map((r) => (extra.has(r.id) ? { ...r, flags: [...r.flags, ...extra.get(r.id)!] } : r));
}
