// What the chart page shows, aggregated in SQL over the active reports (one
// per agency and year): totals by year, coverage, review shares, the region
// roll-up and the top agencies by one field. They read report_totals, the
// per-report summary the database keeps equal to reports, cells and
// flag_accepts by triggers (migration 0012), so a page over 100 000 reports
// scans one narrow row per report instead of joining every report to its
// cells. bench/charts-cells.ts keeps the former queries over the cells as the
// reference the tests compare these with.
import { fieldById } from '../catalogue/index.js';
import { st, type DB } from './db.js';

/** The five fields report_totals carries (新收, 办结 = 办理结果总计, 复议, 诉讼 of both kinds), by column. Keep in step with 0012_report_totals.sql. */
export const TOTAL_COLUMNS = {
  'requests.new.total': 'received',
  'requests.total.total': 'done',
  'review.reconsideration.total': 'reconsideration',
  'review.litigation_direct.total': 'litigation_direct',
  'review.litigation_after.total': 'litigation_after',
} as const;
export const CHART_TOTAL_FIELDS = Object.keys(TOTAL_COLUMNS) as (keyof typeof TOTAL_COLUMNS)[];

import type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow, YearCoverage, YearQuality, YearTotals } from './chart-types.js';

export type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow, YearCoverage, YearQuality, YearTotals };

/** The region condition on agencies `g`, or (no region) only that the report has an agency, which needs no join. */
function regionWhere(f: RegionFilter): { join: string; sql: string; args: string[] } {
  const parts: string[] = [];
  const args: string[] = [];
  for (const k of ['province', 'city', 'county'] as const) {
    const v = f[k];
    if (v) parts.push(`g.${k} = ?`), args.push(v);
  }
  if (!parts.length) return { join: '', sql: ' AND t.agency_id IS NOT NULL', args };
  return { join: ' JOIN agencies g ON g.id = t.agency_id', sql: ` AND ${parts.join(' AND ')}`, args };
}

const regionText = (r: { province: string | null; city: string | null; county: string | null }) =>
  [r.province, r.city !== r.province ? r.city : null, r.county].filter(Boolean).join(' ') || null;

export function chartsOverview(db: DB, region: RegionFilter = {}): ChartsOverview {
  const rw = regionWhere(region);
  const rows = st(
    db,
    `SELECT t.year AS year, COUNT(*) AS reports,
       TOTAL(t.status = 'flagged') AS flagged, TOTAL(t.status = 'verified') AS verified, TOTAL(t.accepted) AS accepted,
       COUNT(t.received) + COUNT(t.done) + COUNT(t.reconsideration) + COUNT(t.litigation_direct) + COUNT(t.litigation_after) AS stated,
       TOTAL(t.received) AS received, TOTAL(t.done) AS done, TOTAL(t.reconsideration) AS reconsideration,
       TOTAL(t.litigation_direct) + TOTAL(t.litigation_after) AS litigation
     FROM report_totals t${rw.join}
     WHERE t.active = 1 AND t.year IS NOT NULL${rw.sql}
     GROUP BY t.year ORDER BY t.year`,
  ).all(...rw.args) as (YearQuality & Omit<YearTotals, 'reports'> & { stated: number })[];
  const quality: YearQuality[] = rows.map((r) => ({ year: r.year, reports: r.reports, flagged: r.flagged, verified: r.verified, accepted: r.accepted }));
  // A year none of whose reports states any of the five totals has no totals (a blank is not a zero).
  const totals: YearTotals[] = rows
    .filter((r) => r.stated > 0)
    .map((r) => ({ year: r.year, reports: r.reports, received: r.received, done: r.done, reconsideration: r.reconsideration, litigation: r.litigation }));
  const known = (
    st(db, `SELECT COUNT(DISTINCT t.agency_id) AS n FROM report_totals t${rw.join} WHERE t.active = 1${rw.sql}`).get(...rw.args) as {
      n: number;
    }
  ).n;
  const coverage = quality.map((q) => ({ year: q.year, reports: q.reports, agencies: known }));
  return { years: quality.map((q) => q.year), totals, coverage, quality };
}

/** Agencies that have reports, for the picker (name, region, count of active reports). Rows as arrays: 20 000 of them are read on every page open. */
export function chartAgencies(db: DB): ChartAgency[] {
  const rows = st(
    db,
    `SELECT g.name, g.province, g.city, g.county, t.n
     FROM (SELECT agency_id, COUNT(*) AS n FROM report_totals WHERE active = 1 AND agency_id IS NOT NULL GROUP BY agency_id) t
     JOIN agencies g ON g.id = t.agency_id`,
  )
    .raw(true)
    .all() as [string, string | null, string | null, string | null, number][];
  return rows.map(([name, province, city, county, reports]) => ({ name, region: regionText({ province, city, county }), reports }));
}

/** One line per province/city/county that has reports in `year`, with the two request totals; the page rolls them up. */
export function regionRows(db: DB, year: number): RegionRow[] {
  return st(
    db,
    `SELECT g.province AS province, g.city AS city, g.county AS county, COUNT(*) AS reports, COUNT(DISTINCT t.agency_id) AS agencies,
       TOTAL(t.received) AS received, TOTAL(t.done) AS done
     FROM report_totals t JOIN agencies g ON g.id = t.agency_id
     WHERE t.active = 1 AND t.year = ?
     GROUP BY g.province, g.city, g.county`,
  ).all(year) as RegionRow[];
}

/** The `n` agencies with the largest value of `field` in `year` (blank values left out). */
export function topAgencies(db: DB, year: number, field: string, n: number, region: RegionFilter = {}): TopRow[] {
  if (!fieldById(field)) return [];
  const g = regionWhere(region);
  const where = g.sql.replace(' AND t.agency_id IS NOT NULL', '');
  const col = TOTAL_COLUMNS[field as keyof typeof TOTAL_COLUMNS];
  // A summarised field is read from report_totals; any other from its cell, one primary-key look-up per report of the year.
  const value = col ? `t.${col}` : 'c.value';
  const cell = col ? '' : ' CROSS JOIN cells c ON c.report_id = t.report_id AND c.field_id = ?';
  const rows = st(
    db,
    `SELECT g.name AS agency, g.province AS province, g.city AS city, g.county AS county, ${value} AS value, t.report_id AS reportId
     FROM report_totals t${cell} JOIN agencies g ON g.id = t.agency_id
     WHERE t.active = 1 AND t.year = ? AND ${value} IS NOT NULL${where}
     ORDER BY ${value} DESC, g.name LIMIT ?`,
  ).all(...(col ? [] : [field]), year, ...g.args, Math.max(1, Math.min(200, n))) as (TopRow & {
    province: string | null;
    city: string | null;
    county: string | null;
  })[];
  return rows.map((r) => ({ agency: r.agency, region: regionText(r), value: r.value, reportId: r.reportId }));
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
