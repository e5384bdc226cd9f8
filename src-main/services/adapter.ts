// Maps the core's Archive (src-main/core/archive) and exporter onto the
// services' ArchivePort. Shapes only: no rules, no SQL, no extraction here.
import { readFile, stat } from 'node:fs/promises';
import { openArchive, type Archive, type CorrectionEntry, type ReportFilter as CoreFilter } from '../core/archive/index.js';
import type { Correction, ReportFilter, ReportPage } from '../contract/index.js';
import type { ArchivePort, Progress } from './port.js';
import { exportFiles } from './export.js';
import { CodedError } from '../core/wording/errors.js';

/** The archive caps a page at 10 000 rows; the services may ask for more (grid, facets). */
const CORE_PAGE = 10_000;

function listAll(a: Archive, filter: ReportFilter): ReportPage {
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? 100;
  const base: CoreFilter = { ...filter };
  if (limit <= CORE_PAGE) return a.listReports({ ...base, offset, limit });
  const first = a.listReports({ ...base, offset, limit: CORE_PAGE });
  const items = [...first.items];
  while (items.length < Math.min(limit, first.total - offset)) {
    const next = a.listReports({ ...base, offset: offset + items.length, limit: CORE_PAGE });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { total: first.total, items };
}

const toCorrection = (e: CorrectionEntry): Correction => ({
  field: e.field,
  kind: e.kind,
  from: e.from,
  to: e.to,
  note: e.note,
  at: e.at,
  undone: e.undone,
  reviewer: e.reviewer ?? null,
  ...(e.flag
    ? { flag: { rule: e.flag.rule, kind: e.flag.kind, fields: e.flag.fields, message: e.flag.message, expected: e.flag.expected, found: e.flag.found } }
    : {}),
});

const progressOf = (p: Progress) => ({
  signal: p.signal,
  onProgress: (x: { done: number; total: number; current: string | null }) => p.onProgress(x.done, x.total, x.current),
});

export function archivePort(a: Archive): ArchivePort {
  return {
    path: a.path,
    close: () => a.close(),
    info: () => {
      const s = a.stats();
      return { path: s.path, reports: s.activeReports, agencies: s.agencies, years: s.years, flagged: s.flagged, verified: s.verified };
    },
    list: (filter) => listAll(a, filter),
    get: (id) => a.getReport(id),
    text: (id) => a.reportText(id),
    originalPath: (id) => a.originalPath(id),
    reviewer: () => a.reviewer(),
    setReviewer: (name) => a.setReviewer(name),
    states: (ids) => a.reportStates(ids),
    original: async (id, maxBytes) => {
      const d = a.getReport(id);
      const file = a.originalPath(id);
      const size = (await stat(file)).size;
      if (size > maxBytes)
        throw new CodedError('original_too_large', `the original is too large to show in the app (${Math.round(size / 1e6)} MB)`, {
          mb: Math.round(size / 1e6),
        });
      return { name: d.source.name, format: d.format, bytes: await readFile(file) };
    },
    correct: (id, field, value, note) => a.correct(id, field, value, note),
    undo: (id) => void a.undo(id),
    redo: (id) => void a.redo(id),
    history: (id, field) => a.history(id, field).map(toCorrection),
    queue: (scope, after) => a.queue(scope, after),
    log: (id) => a.log(id),
    lastYear: (id) => a.lastYear(id),
    acceptFlag: (id, flagId, note) => a.acceptFlag(id, flagId, note),
    unacceptFlag: (id, flagId) => a.unacceptFlag(id, flagId),
    copiedPassages: (id, flagId) => a.copiedPassages(id, flagId),
    qualitySettings: (patch, recheck) =>
      patch ? { settings: a.setQualitySettings(patch), rechecked: null } : { settings: a.qualitySettings(), rechecked: recheck ? a.recheckQuality() : null },
    setAgencyKind: (agency, kind) => a.setAgencyKind(agency, kind),
    verify: (id, verified, note) => a.verify(id, verified, note ?? null),
    setMeta: (id, patch, note) => a.setMetaLanding(id, patch, note ?? null),
    versions: (id) => a.versions(id),
    compare: (id, versionId) => a.compareVersion(id, versionId),
    useVersion: (id, versionId, note) => a.useVersion(id, versionId, note),
    keepVersion: (id, note) => a.keepVersion(id, note),
    takeCell: (id, versionId, field) => a.takeCell(id, versionId, field),
    remove: (id, reason, notReport) => a.remove(id, reason, notReport),
    restore: (id) => a.restore(id),
    trash: () => a.trash(),
    search: (text, limit) => a.search(text, limit),
    agencies: () => a.agencies(),
    mergeAgencies: (from, into) => a.mergeAgencies(from, into),
    renameAgency: (agency, name) => void a.renameAgency(agency, name),
    setAgencyRegion: (agency, region) => a.setAgencyRegion(agency, region),
    importFolder: async (folder, p, retry) => {
      const r = await a.importFolder(folder, { ...progressOf(p), ...(retry ? { retry } : {}) });
      return {
        kind: 'import',
        run: r.run,
        reports: r.reports,
        duplicates: r.duplicates,
        counts: r.counts,
        outcomes: r.outcomes,
        files: r.files,
        imported: r.reports - r.versions,
        updated: r.versions,
        skipped: r.skipped + r.duplicates,
        failed: r.failed.length,
        flagged: r.flagged,
        errors: r.failed,
        skippedFiles: r.skippedFiles,
        cancelled: r.status === 'cancelled',
      };
    },
    reextract: async (ids, p, all) => {
      const r = await a.reextract({ ...(ids ? { ids } : {}), ...(all ? { all } : {}), ...progressOf(p) });
      return { kind: 'reextract', reports: r.reports, changed: r.changed, conflicts: r.conflicts, errors: r.errors, cancelled: r.status === 'cancelled' };
    },
    backup: async (path) => {
      const r = await a.backup(path);
      return { path: r.path, bytes: r.bytes, files: r.files };
    },
    exportFiles: (req, p) => exportFiles(a, req, p),
    charts: {
      overview: (region) => a.chartsOverview(region),
      regions: (year) => a.chartsRegions(year),
      top: (year, field, n, region) => a.chartsTop(year, field, n, region),
      agencies: () => a.chartsAgencies(),
      agency: (agency, fields) => a.chartsAgency(agency, fields),
    },
  };
}

export async function openArchivePort(path: string, create: boolean, readonly = false): Promise<ArchivePort> {
  return archivePort(await openArchive(path, { create, ...(readonly ? { readonly } : {}) }));
}
