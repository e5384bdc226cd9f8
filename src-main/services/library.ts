// Views computed from the archive's report list: the agency × year grid,
// the filter facets and the chart series. Pure functions over ArchivePort.
import type { AgencySeries, Facets, GridCell, GridFilter, GridState, LibraryGrid, ReportSummary, TemplateId, YearComparison } from '../contract/index.js';
import type { ArchivePort } from './port.js';

const ALL = 10_000_000;

function allReports(a: ArchivePort, filter: GridFilter = {}): ReportSummary[] {
  return a.list({ ...filter, limit: ALL }).items;
}

const RANK: Record<GridState, number> = { missing: 0, verified: 1, unreviewed: 2, flagged: 3 };

export function libraryGrid(a: ArchivePort, filter: GridFilter): LibraryGrid {
  const reports = allReports(a, filter);
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((x, y) => x - y);
  type Acc = { shown: ReportSummary; ids: number[] };
  const byAgency = new Map<string, { region: string | null; cells: Map<number | null, Acc> }>();
  for (const r of reports) {
    const name = r.agency ?? '（未识别机关）';
    let row = byAgency.get(name);
    if (!row) byAgency.set(name, (row = { region: r.region, cells: new Map() }));
    const prev = row.cells.get(r.year);
    // Several reports in one cell (no agency, or no year): every one is listed (chooser); the one that needs attention shows.
    if (!prev) row.cells.set(r.year, { shown: r, ids: [r.id] });
    else {
      prev.ids.push(r.id);
      if (RANK[r.status] > RANK[prev.shown.status as GridState] || (r.needsCompare && !prev.shown.needsCompare)) prev.shown = r;
    }
  }
  const cell = (year: number | null, c: Acc | undefined): GridCell =>
    c
      ? {
          year,
          state: c.shown.status,
          reportId: c.shown.id,
          reportIds: c.ids,
          versions: c.shown.versionCount,
          needsCompare: c.ids.length > 1 ? reports.some((r) => c.ids.includes(r.id) && r.needsCompare) : c.shown.needsCompare,
        }
      : { year, state: 'missing', reportId: null, reportIds: [], versions: 0, needsCompare: false };
  const rows = [...byAgency.entries()]
    .sort(([x], [y]) => x.localeCompare(y, 'zh-CN'))
    .map(([agency, row]) => ({
      agency,
      region: row.region,
      cells: years.map((year) => cell(year, row.cells.get(year))),
      unknownYear: row.cells.has(null) ? cell(null, row.cells.get(null)) : null,
    }));
  return { years, hasUnknownYear: rows.some((r) => r.unknownYear), rows };
}

export function facets(a: ArchivePort): Facets {
  const reports = allReports(a);
  const years = new Set<number>();
  const regions = new Set<string>();
  const templates = new Set<TemplateId>();
  for (const r of reports) {
    if (r.year !== null) years.add(r.year);
    // A region reads `province city county`; each part is a filter on its own.
    for (const part of r.region?.split(/\s+/) ?? []) if (part) regions.add(part);
    if (r.template) templates.add(r.template);
  }
  const places = new Map<string, Facets['places'][number]>();
  for (const g of a.agencies())
    if (g.reports > 0 && g.province) places.set(`${g.province}|${g.city}|${g.county}`, { province: g.province, city: g.city, county: g.county });
  return {
    years: [...years].sort((x, y) => x - y),
    regions: [...regions].sort((x, y) => x.localeCompare(y, 'zh-CN')),
    places: [...places.values()],
    templates: [...templates].sort(),
  };
}

export function agencySeries(a: ArchivePort, agency: string, fields: string[]): AgencySeries {
  const reports = allReports(a, { agency }).filter((r) => r.agency === agency && r.year !== null);
  const byYear = new Map<number, Record<string, number | null>>();
  for (const r of reports) if (!byYear.has(r.year!)) byYear.set(r.year!, a.get(r.id).values);
  const years = [...byYear.keys()].sort((x, y) => x - y);
  return { agency, years, series: fields.map((field) => ({ field, values: years.map((y) => byYear.get(y)?.[field] ?? null) })) };
}

/** Largest agencies first (by the first field), capped so a chart stays readable. */
export function yearComparison(a: ArchivePort, year: number, fields: string[], region?: string, cap = 60): YearComparison {
  const reports = allReports(a, { year, ...(region ? { region } : {}) }).filter((r) => r.year === year && r.agency);
  const byAgency = new Map<string, Record<string, number | null>>();
  for (const r of reports) if (!byAgency.has(r.agency!)) byAgency.set(r.agency!, a.get(r.id).values);
  const key = fields[fields.length - 1] ?? fields[0] ?? '';
  const agencies = [...byAgency.keys()].sort((x, y) => (byAgency.get(y)![key] ?? 0) - (byAgency.get(x)![key] ?? 0)).slice(0, cap);
  return { year, agencies, series: fields.map((field) => ({ field, values: agencies.map((ag) => byAgency.get(ag)![field] ?? null) })) };
}
