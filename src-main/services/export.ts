// Export for the services: the exporter's own end-to-end job (core/export
// runExport: archive → reports → workbook or tidy file) once per run of
// consecutive years the user picked. Nothing here decides layout or checks.
import type { Archive } from '../core/archive/index.js';
import { runExport } from '../core/export/job.js';
import { exportPlan, type ExportRequest } from '../contract/index.js';
export { exportPlan, yearRuns } from '../contract/export-plan.js';
import type { Progress } from './port.js';

export async function exportFiles(a: Archive, req: ExportRequest, p: Progress): Promise<{ files: string[]; reports: number }> {
  const runs = exportPlan(req);
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
      ...(req.includeUnidentified ? { unidentified: true } : {}),
      out: req.folder,
      lang: 'zh',
      signal: p.signal,
    });
    files.push(...out.files);
    reports += out.reports;
  }
  p.onProgress(runs.length, runs.length, null);
  return { files, reports };
}
