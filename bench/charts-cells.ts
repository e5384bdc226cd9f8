// The chart queries as they were before the per-report summary (migration
// 0012 report_totals): read straight from reports, cells and flag_accepts.
// Kept as the reference the summary-based queries (archive/charts.ts) are
// checked against, on the same archive, by test/archive/charts-totals.test.ts
// and by the bench (same numbers both ways, and both timings).
import { fieldById } from '../src-main/core/catalogue/index.js';
import { st, type DB } from '../src-main/core/archive/db.js';

const CHART_TOTAL_FIELDS = [
  'requests.new.total',
  'requests.total.total',
  'review.reconsideration.total',
  'review.litigation_direct.total',
  'review.litigation_after.total',
] as const;
const IN_TOTALS = `(${CHART_TOTAL_FIELDS.map((f) => `'${f}'`).join(', ')})`;

import type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow, YearQuality, YearTotals } from '../src-main/core/archive/chart-types.js';

function regionWhere(f: RegionFilter, alias = 'g'): { sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const k of ['province', 'city', 'county'] as const) {
    const v = f[k];
    if (v) parts.push(`${alias}.${k} = ?`), args.push(v);
  }
  return { sql: parts.length ? ` AND ${parts.join(' AND ')}` : '', args };
}

// Live acceptances (原文如此): an accept not revoked by a later unaccept; the revoked ones are listed once, not per row.
const ACCEPTED_REPORTS = `SELECT a.report_id FROM flag_accepts a WHERE a.action = 'accept' AND a.id NOT IN (SELECT target_id FROM flag_accepts WHERE target_id IS NOT NULL)`;

export function chartsOverview(db: DB, region: RegionFilter = {}): ChartsOverview {
  const rw = regionWhere(region);
  // CROSS JOIN keeps the small partial index as the outer loop (5 cells a report), not the reports table.
  const totals = st(
    db,
    `SELECT r.year AS year, COUNT(*) AS reports,
       TOTAL(CASE WHEN c.field_id = 'requests.new.total' THEN c.value END) AS received,
       TOTAL(CASE WHEN c.field_id = 'requests.total.total' THEN c.value END) AS done,
       TOTAL(CASE WHEN c.field_id = 'review.reconsideration.total' THEN c.value END) AS reconsideration,
       TOTAL(CASE WHEN c.field_id IN ('review.litigation_direct.total', 'review.litigation_after.total') THEN c.value END) AS litigation
     FROM cells c INDEXED BY cells_chart_totals
     CROSS JOIN reports r ON r.id = c.report_id
     JOIN agencies g ON g.id = r.agency_id
     WHERE c.field_id IN ${IN_TOTALS} AND c.value IS NOT NULL AND r.active = 1 AND r.year IS NOT NULL${rw.sql}
     GROUP BY r.year ORDER BY r.year`,
  ).all(...rw.args) as YearTotals[];
  for (const t of totals) t.reports = 0;
  const quality = st(
    db,
    `SELECT r.year AS year, COUNT(*) AS reports,
       TOTAL(r.status = 'flagged') AS flagged,
       TOTAL(r.status = 'verified') AS verified,
       TOTAL(r.id IN (${ACCEPTED_REPORTS})) AS accepted
     FROM reports r JOIN agencies g ON g.id = r.agency_id
     WHERE r.active = 1 AND r.year IS NOT NULL${rw.sql}
     GROUP BY r.year ORDER BY r.year`,
  ).all(...rw.args) as YearQuality[];
  for (const t of totals) t.reports = quality.find((q) => q.year === t.year)?.reports ?? 0;
  const known = (
    st(db, `SELECT COUNT(DISTINCT r.agency_id) AS n FROM reports r JOIN agencies g ON g.id = r.agency_id WHERE r.active = 1${rw.sql}`).get(...rw.args) as {
      n: number;
    }
  ).n;
  const coverage = quality.map((q) => ({ year: q.year, reports: q.reports, agencies: known }));
  return { years: quality.map((q) => q.year), totals, coverage, quality };
}

/** Agencies that have reports, for the picker (name, region, count of active reports). */
export function chartAgencies(db: DB): ChartAgency[] {
  const rows = st(
    db,
    `SELECT g.name AS name, g.province AS province, g.city AS city, g.county AS county, COUNT(*) AS reports
     FROM reports r JOIN agencies g ON g.id = r.agency_id WHERE r.active = 1 GROUP BY r.agency_id`,
  ).all() as { name: string; province: string | null; city: string | null; county: string | null; reports: number }[];
  return rows.map((r) => ({
    name: r.name,
    region: [r.province, r.city !== r.province ? r.city : null, r.county].filter(Boolean).join(' ') || null,
    reports: r.reports,
  }));
}

/** One line per province/city/county that has reports in `year`, with the two request totals; the page rolls them up. */
export function regionRows(db: DB, year: number): RegionRow[] {
  return st(
    db,
    `SELECT g.province AS province, g.city AS city, g.county AS county, COUNT(DISTINCT r.id) AS reports, COUNT(DISTINCT r.agency_id) AS agencies,
       TOTAL(CASE WHEN c.field_id = 'requests.new.total' THEN c.value END) AS received,
       TOTAL(CASE WHEN c.field_id = 'requests.total.total' THEN c.value END) AS done
     FROM reports r JOIN agencies g ON g.id = r.agency_id
     LEFT JOIN cells c ON c.report_id = r.id AND c.field_id IN ('requests.new.total', 'requests.total.total')
     WHERE r.active = 1 AND r.year = ?
     GROUP BY g.province, g.city, g.county`,
  ).all(year) as RegionRow[];
}

/** The `n` agencies with the largest value of `field` in `year` (blank values left out). */
export function topAgencies(db: DB, year: number, field: string, n: number, region: RegionFilter = {}): TopRow[] {
  if (!fieldById(field)) return [];
  const rw = regionWhere(region);
  const rows = st(
    db,
    `SELECT g.name AS agency, g.province AS province, g.city AS city, g.county AS county, c.value AS value, r.id AS reportId
     FROM reports r JOIN agencies g ON g.id = r.agency_id
     JOIN cells c ON c.report_id = r.id AND c.field_id = ?
     WHERE r.active = 1 AND r.year = ? AND c.value IS NOT NULL${rw.sql}
     ORDER BY c.value DESC, g.name LIMIT ?`,
  ).all(field, year, ...rw.args, Math.max(1, Math.min(200, n))) as (TopRow & { province: string | null; city: string | null; county: string | null })[];
  return rows.map((r) => ({
    agency: r.agency,
    region: [r.province, r.city !== r.province ? r.city : null, r.county].filter(Boolean).join(' ') || null,
    value: r.value,
    reportId: r.reportId,
  }));
}

/** One agency's values of `fields` by year (its active report of each year). */
export function agencyTrend(db: DB, agency: string, fields: string[]): { years: number[]; series: { field: string; values: (number | null)[] }[] } {
  const rows = st(
    db,
    `SELECT r.year AS year, c.field_id AS field, c.value AS value
     FROM agency_aliases al JOIN reports r ON r.agency_id = al.agency_id
     JOIN cells c ON c.report_id = r.id AND c.field_id IN (SELECT value FROM json_each(?))
     WHERE al.alias = ? AND r.active = 1 AND r.year IS NOT NULL ORDER BY r.year`,
  ).all(JSON.stringify(fields), agency) as { year: number; field: string; value: number | null }[];
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const at = new Map(rows.map((r) => [`${r.year}|${r.field}`, r.value]));
  return { years, series: fields.map((field) => ({ field, values: years.map((y) => at.get(`${y}|${field}`) ?? null) })) };
}
