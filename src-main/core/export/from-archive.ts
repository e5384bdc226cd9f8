// The one place that knows both the archive's API and the exporter's input
// model: archive + filter → ExportReport[]. Active versions only (the newest
// report per agency and year), as the archive lists them by default.
import { basename } from 'node:path';
import { reportTemplate, type TemplateId } from '../catalogue/index.js';
import type { Archive, ReportDetail, ReportFilter, ReportStatus, StoredFlag } from '../archive/index.js';
import { valuesRecord } from './layout.js';
import type { ExportCorrection, ExportFlag, ExportReport } from './types.js';

export type ArchiveReader = Pick<Archive, 'listReports' | 'getReport' | 'history' | 'agencies' | 'path'>;

export interface ExportFilter {
  /** Inclusive year range; one year when from === to. */
  years?: { from: number; to: number };
  /** Agency: an exact name or alias wins; otherwise a substring that must match one agency only. */
  agency?: string;
  /** Substring of province/city/county. */
  region?: string;
  status?: ReportStatus;
  /** Include reports whose agency is not known (left out by default: a row with an empty agency is no figure of anyone's). */
  unidentified?: boolean;
}

export interface FromArchiveResult {
  reports: ExportReport[];
  /** Reports left out, with the reason (no year or template known). */
  skipped: { id: number; reason: string }[];
}

/** Resolves `--agency NAME` to one agency id, or throws a message listing the candidates. */
export function resolveAgency(a: ArchiveReader, name: string): { id: number; name: string } {
  const all = a.agencies();
  const exact = all.filter((x) => x.name === name || x.aliases.includes(name));
  if (exact.length === 1) return { id: exact[0]!.id, name: exact[0]!.name };
  const partial = all.filter((x) => x.name.includes(name) || x.aliases.some((al) => al.includes(name)));
  if (partial.length === 1) return { id: partial[0]!.id, name: partial[0]!.name };
  if (!partial.length) throw new Error(`no agency in the archive matches "${name}"`);
  const list = partial
    .slice(0, 10)
    .map((x) => `  ${x.name}`)
    .join('\n');
  throw new Error(`"${name}" matches ${partial.length} agencies; give the full name:\n${list}${partial.length > 10 ? '\n  …' : ''}`);
}

function flagStatus(f: StoredFlag, d: ReportDetail): Pick<ExportFlag, 'status' | 'note' | 'byReport'> {
  // Accepted on its own (原文如此), with the archivist's note.
  if (f.accepted) return { status: 'accepted', ...(f.accepted.note ? { note: f.accepted.note } : {}) };
  if (f.resolved) return { status: 'fixed' };
  // A quality finding is about the report as published: verifying the reading does not settle it (情况属实 does).
  if (f.source === 'quality') return { status: 'open' };
  // A report verified by an archivist with a check still failing: accepted with the report as a whole.
  return d.status === 'verified' ? { status: 'accepted', byReport: true } : { status: 'open' };
}

function corrections(a: ArchiveReader, d: ReportDetail): Record<string, ExportCorrection> {
  const out: Record<string, ExportCorrection> = {};
  for (const field of d.corrected) {
    const live = a
      .history(d.id, field)
      .filter((e) => e.kind === 'set' && !e.undone)
      .pop();
    out[field] = { old: d.original[field] ?? null, new: d.values[field] ?? null, note: live?.note ?? null, at: live?.at ?? '' };
  }
  return out;
}

/** 1 for the first report imported for its agency and year, 2 for the next … (versions are listed newest first). */
function versionOf(d: ReportDetail): number {
  const vs = d.versions ?? [];
  const older = vs.filter((v) => v.id < d.id).length;
  return older + 1;
}

/** A number the workbook can hold: an infinite or NaN value (an archive written before values were capped) is left blank and flagged, never written. */
const finiteOrNull = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function nonFinite(template: TemplateId, raw: Record<string, number | null>): { values: Record<string, number | null>; flags: ExportFlag[] } {
  const values = valuesRecord(template, raw); // blanks what is not finite …
  const bad = Object.keys(values).filter((k) => raw[k] !== null && raw[k] !== undefined && !Number.isFinite(raw[k]));
  if (!bad.length) return { values, flags: [] };
  return {
    values,
    // … and says so: a blank here is not "not stated"
    flags: [
      {
        kind: 'unparseable',
        fields: bad,
        message: `数值不是有限数，导出为空白，请核对（not a finite number; exported blank, check it）: ${bad.join(', ')}`,
        status: 'open',
      },
    ],
  };
}

export function toExportReport(a: ArchiveReader, d: ReportDetail): ExportReport | string {
  if (d.year === null) return 'the year of the report is not known';
  const template = reportTemplate(d.template, d.year);
  if (!template) return `no template for year ${d.year}`;
  const checked = nonFinite(template, d.values);
  return {
    id: d.id,
    version: versionOf(d),
    agency: d.agency ?? '',
    region: { province: d.region3.province, city: d.region3.city, county: d.region3.county },
    year: d.year,
    template,
    status: d.status,
    values: checked.values,
    corrected: corrections(a, d),
    flags: d.flags
      .map(
        (f): ExportFlag => ({
          kind: f.kind,
          fields: f.fields,
          message: f.message,
          ...(f.rule ? { rule: f.rule } : {}),
          ...(finiteOrNull(f.expected) !== null ? { expected: f.expected! } : {}),
          ...(finiteOrNull(f.found) !== null ? { found: f.found! } : {}),
          ...(f.source === 'quality' ? { source: f.source } : {}),
          ...((f.source === 'quality' || f.kind === 'cross_year') && f.detail ? { detail: f.detail } : {}),
          ...flagStatus(f, d),
        }),
      )
      .concat(checked.flags),
    source: {
      fileName: d.source.name || basename(d.file),
      sha256: d.source.sha256,
      format: d.source.format ?? d.format ?? '',
      importedAt: d.source.importedAt,
      extractorVersion: d.extractorVersion,
    },
    publishedAt: d.publishedAt,
    // X1/X2 as the archive stores them (validate/cross-year.ts, with their acceptances): never computed again here
    crossYearStored: true,
  };
}

export function reportsFromArchive(a: ArchiveReader, filter: ExportFilter): FromArchiveResult {
  const base: ReportFilter = {};
  if (filter.years && filter.years.from === filter.years.to) base.year = filter.years.from;
  if (filter.agency) base.agencyId = resolveAgency(a, filter.agency).id;
  if (filter.region) base.region = filter.region;
  if (filter.status) base.status = filter.status;
  if (!filter.unidentified) base.unidentified = false;
  const ids: number[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = a.listReports({ ...base, offset, limit: 10_000 });
    for (const s of page.items) {
      if (filter.years && s.year !== null && (s.year < filter.years.from || s.year > filter.years.to)) continue;
      ids.push(s.id);
    }
    if (page.items.length < 10_000) break;
  }
  const reports: ExportReport[] = [];
  const skipped: FromArchiveResult['skipped'] = [];
  for (const id of ids) {
    const r = toExportReport(a, a.getReport(id));
    if (typeof r === 'string') skipped.push({ id, reason: r });
    else if (!filter.years || (r.year >= filter.years.from && r.year <= filter.years.to)) reports.push(r);
  }
  return { reports, skipped };
}
