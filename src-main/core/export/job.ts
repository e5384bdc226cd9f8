// One export request end to end (archive → files), shared by the CLI and the
// desktop services: picks the scope, names the files, writes them.
import { basename, dirname } from 'node:path';
import type { ReportStatus } from '../archive/index.js';
import { reportsFromArchive, resolveAgency, type ArchiveReader } from './from-archive.js';
import { writeTidy } from './tidy.js';
import type { ExportScope, Lang } from './types.js';
import { writeWorkbook, type WorkbookStats } from './workbook.js';
import { outputFile, removeStaleParts, throwIfCancelled } from './output.js';

export interface ExportJob {
  year?: number;
  years?: { from: number; to: number };
  agency?: string;
  region?: string;
  status?: ReportStatus;
  /** Include reports with no agency (left out by default). */
  unidentified?: boolean;
  format: 'xlsx' | 'csv' | 'json';
  /** For xlsx: a file or a folder; for csv/json: a folder (or a file ending in .csv/.json). */
  out: string;
  lang: Lang;
  /** Defaults to now. */
  generatedAt?: string;
  /** Replace `out` when it names an existing file (the user confirmed); otherwise that is refused. */
  overwrite?: boolean;
  /** Cancel: checked before writing and between sheets. */
  signal?: AbortSignal;
}

export interface ExportJobResult {
  files: string[];
  reports: number;
  skipped: { id: number; reason: string }[];
  workbook?: WorkbookStats;
}

const safeName = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80);

export function scopeOf(job: Pick<ExportJob, 'year' | 'years' | 'agency'>, agencyName?: string): ExportScope {
  if (job.year !== undefined) return { kind: 'year', year: job.year };
  if (job.years) return job.years.from === job.years.to ? { kind: 'year', year: job.years.from } : { kind: 'years', ...job.years };
  if (job.agency) return { kind: 'agency', agency: agencyName ?? job.agency };
  throw new Error('say what to export: --year Y, --years A-B or --agency NAME');
}

export function defaultFileName(scope: ExportScope, ext: string, lang: Lang): string {
  const stem = lang === 'zh' ? '年报汇总' : 'annual-reports';
  const what = scope.kind === 'year' ? `${scope.year}` : scope.kind === 'years' ? `${scope.from}-${scope.to}` : safeName(scope.agency);
  return `${stem}-${what}.${ext}`;
}

function target(job: ExportJob, scope: ExportScope, ext: string): string {
  const file = outputFile(job.out, defaultFileName(scope, ext, job.lang), ext, job.overwrite);
  removeStaleParts(dirname(file));
  return file;
}

export async function runExport(a: ArchiveReader, job: ExportJob): Promise<ExportJobResult> {
  const agencyName = job.agency ? resolveAgency(a, job.agency).name : undefined;
  const scope = scopeOf(job, agencyName);
  const years = job.year !== undefined ? { from: job.year, to: job.year } : job.years;
  const { reports, skipped } = reportsFromArchive(a, {
    ...(years ? { years } : {}),
    ...(job.agency ? { agency: job.agency } : {}),
    ...(job.region ? { region: job.region } : {}),
    ...(job.status ? { status: job.status } : {}),
    ...(job.unidentified ? { unidentified: true } : {}),
  });
  if (!reports.length) return { files: [], reports: 0, skipped };
  const meta = { archiveName: basename(a.path), generatedAt: job.generatedAt ?? new Date().toISOString(), lang: job.lang };
  if (job.format === 'xlsx') {
    throwIfCancelled(job.signal);
    const wb = await writeWorkbook(reports, meta, scope, target(job, scope, 'xlsx'), job.signal ? { signal: job.signal } : {});
    return { files: [wb.file], reports: reports.length, skipped, workbook: wb };
  }
  throwIfCancelled(job.signal);
  const t = await writeTidy(reports, job.format, target(job, scope, job.format), job.lang);
  return { files: [t.file], reports: reports.length, skipped };
}
