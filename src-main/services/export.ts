// Export for the services: the exporter's own end-to-end job (core/export
// runExport: archive → reports → workbook or tidy file) once per run of
// consecutive years the user picked. Nothing here decides layout or checks.
import type { Archive } from '../core/archive/index.js';
import { runExport } from '../core/export/job.js';
import type { ExportRequest } from '../contract/index.js';
import type { Progress } from './port.js';

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

export async function exportFiles(a: Archive, req: ExportRequest, p: Progress): Promise<{ files: string[]; reports: number }> {
  const runs = yearRuns(req.years);
  const files: string[] = [];
  let reports = 0;
  for (let i = 0; i < runs.length; i++) {
    if (p.signal.aborted) throw new Error('cancelled');
    const r = runs[i]!;
    p.onProgress(i, runs.length, r.from === r.to ? String(r.from) : `${r.from}–${r.to}`);
    const out = await runExport(a, {
      years: r,
      ...(req.agency ? { agency: req.agency } : {}),
      ...(req.region ? { region: req.region } : {}),
      format: req.format,
      out: req.folder,
      lang: 'zh',
    });
    files.push(...out.files);
    reports += out.reports;
  }
  p.onProgress(runs.length, runs.length, null);
  return { files, reports };
}
