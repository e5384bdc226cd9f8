// Export for the services: gathers the selected reports from the archive into
// the exporter's plain input model, then calls the core's writers. The
// workbook layout, checks and file safety are the exporter's (core/export).
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { templateForYear } from '../core/catalogue/index.js';
import type { Archive, ReportDetail as CoreDetail } from '../core/archive/index.js';
import { writeTidy, writeWorkbook, type ExportCorrection, type ExportReport, type ExportScope } from '../core/export/index.js';
import type { ExportRequest } from '../contract/index.js';
import type { Progress } from './port.js';

function toExport(a: Archive, d: CoreDetail): ExportReport | null {
  if (d.year === null) return null;
  const template = d.template ?? templateForYear(d.year);
  if (!template) return null;
  const corrected: Record<string, ExportCorrection> = {};
  if (d.corrected.length) {
    // The latest live `set` of each corrected field carries its note and time.
    const log = a.history(d.id).filter((e) => e.kind === 'set' && !e.undone);
    for (const field of d.corrected) {
      const last = log.filter((e) => e.field === field).at(-1);
      corrected[field] = { old: d.original[field] ?? null, new: d.values[field] ?? null, note: last?.note ?? null, at: last?.at ?? '' };
    }
  }
  return {
    id: d.id,
    agency: d.agency ?? '',
    region: d.region3,
    year: d.year,
    template,
    status: d.status,
    values: d.values,
    corrected,
    flags: d.flags.map((f) => ({
      kind: f.kind,
      fields: f.fields,
      message: f.message,
      ...(f.rule ? { rule: f.rule } : {}),
      ...(f.expected !== undefined ? { expected: f.expected } : {}),
      ...(f.found !== undefined ? { found: f.found } : {}),
      status: f.resolved ? 'fixed' : 'open',
    })),
    source: { fileName: d.source.name, sha256: d.source.sha256, format: d.source.format ?? '', importedAt: d.source.importedAt, extractorVersion: d.extractorVersion },
  };
}

function gather(a: Archive, req: ExportRequest, p: Progress): ExportReport[] {
  const ids: number[] = [];
  for (const year of req.years) {
    for (let offset = 0; ; offset += 10_000) {
      const page = a.listReports({ year, offset, limit: 10_000, ...(req.agency ? { agency: req.agency } : {}), ...(req.region ? { region: req.region } : {}) });
      ids.push(...page.items.map((r) => r.id));
      if (page.items.length < 10_000) break;
    }
  }
  const out: ExportReport[] = [];
  ids.forEach((id, i) => {
    if (p.signal.aborted) throw new Error('cancelled');
    const r = toExport(a, a.getReport(id));
    if (r) out.push(r);
    if (i % 50 === 0) p.onProgress(i, ids.length + 1, null);
  });
  return out;
}

export async function exportFiles(a: Archive, req: ExportRequest, p: Progress): Promise<string[]> {
  const reports = gather(a, req, p);
  const years = [...req.years].sort((x, y) => x - y);
  const scope: ExportScope = req.agency
    ? { kind: 'agency', agency: req.agency }
    : years.length === 1
      ? { kind: 'year', year: years[0]! }
      : { kind: 'years', from: years[0]!, to: years[years.length - 1]! };
  const label = [req.agency, req.region, years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`].filter(Boolean).join('-');
  const name = `年报-${label.replace(/[\\/:*?"<>|]/g, '_')}`;
  mkdirSync(req.folder, { recursive: true });
  p.onProgress(reports.length, reports.length + 1, name);
  if (p.signal.aborted) throw new Error('cancelled');
  let file: string;
  if (req.format === 'xlsx') {
    file = join(req.folder, `${name}.xlsx`);
    await writeWorkbook(reports, { archiveName: basename(a.path), generatedAt: new Date().toISOString(), lang: 'zh' }, scope, file);
  } else {
    file = join(req.folder, `${name}.${req.format}`);
    await writeTidy(reports, req.format, file, 'zh');
  }
  p.onProgress(reports.length + 1, reports.length + 1, name);
  return [file];
}
