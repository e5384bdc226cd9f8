// What an export request writes, decided from the request alone, so the
// export page can say it before anything is written and the services do it.
// Different years are never added together.
import type { ExportRequest } from './models.js';

/** [2019, 2020, 2022] → [{2019–2020}, {2022–2022}]: a range never spans a year not picked. */
export function yearRuns(years: number[]): { from: number; to: number }[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: { from: number; to: number }[] = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last && y === last.to + 1) last.to = y;
    else runs.push({ from: y, to: y });
  }
  return runs;
}

/** One file per year (default), or one per run of consecutive years with a sheet set per year inside. */
export function exportPlan(req: Pick<ExportRequest, 'years' | 'layout'>): { from: number; to: number }[] {
  return req.layout === 'sheets_per_year' ? yearRuns(req.years) : [...new Set(req.years)].sort((x, y) => x - y).map((y) => ({ from: y, to: y }));
}
