// Writing extraction results. Each function runs inside the caller's
// transaction: a report, its cells, flags, text and file row land together
// or not at all.
import type { TemplateId } from '../catalogue/types.js';
import type { CellSource, Extraction, SourceFormat } from '../model.js';
import { agencyIdFor } from './agencies.js';
import { st, type DB } from './db.js';
import { recheck, refreshActive, reportFieldIds } from './rules.js';

const now = () => new Date().toISOString();

/** What a worker hands back for one file, already copied into the files folder. */
export interface ExtractedFile {
  sha256: string;
  name: string;
  originalPath: string;
  size: number;
  mtime: string | null;
  format: SourceFormat | null;
  extraction: Extraction;
  text: string | null;
  pages?: unknown;
  positions?: unknown;
  encoding?: string | null;
}

/** An extraction that carries nothing of a report: no agency, no year, no value. */
export function notAReport(ex: Extraction): string | null {
  if (ex.error) return ex.error;
  const anyValue = Object.values(ex.values ?? {}).some((v) => v !== null && v !== undefined);
  if (!anyValue && !ex.agency && !ex.year) return 'not an annual report: no agency, no year and none of the three tables found';
  return null;
}

export function insertFile(db: DB, f: ExtractedFile, runId: number | null): number {
  const id = Number(
    st(db, 'INSERT INTO files (sha256, name, original_path, size, mtime, format, run_id, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(f.sha256, f.name, f.originalPath, f.size, f.mtime, f.format, runId, now()).lastInsertRowid,
  );
  if (f.text !== null) {
    st(db, 'INSERT INTO file_text (file_id, text, pages, positions, encoding) VALUES (?, ?, ?, ?, ?)').run(
      id,
      f.text,
      f.pages ? JSON.stringify(f.pages) : null,
      f.positions ? JSON.stringify(f.positions) : null,
      f.encoding ?? null,
    );
    st(db, 'INSERT INTO file_fts (rowid, text) VALUES (?, ?)').run(id, f.text);
  }
  return id;
}

function templateOf(ex: Extraction): TemplateId | null {
  return ex.template ?? null;
}

const cellArgs = (reportId: number, field: string, value: number | null, src: CellSource | undefined) => [
  reportId,
  field,
  value,
  value,
  src?.raw ?? null,
  src?.start ?? null,
  src?.end ?? null,
  src?.position?.page ?? null,
  src?.position ? JSON.stringify(src.position) : null,
  src?.confidence ?? null,
  src?.note ?? null,
  src?.inferred ? 1 : 0,
];

const CELL_SQL =
  'INSERT INTO cells (report_id, field_id, value, extracted, raw, start, end, page, position, confidence, note, inferred) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Extraction flags are stored as they come, except rule flags: those are recomputed on the current values. */
export function insertExtractFlags(db: DB, reportId: number, ex: Extraction): void {
  const ins = st(db, "INSERT INTO flags (report_id, source, kind, fields, message, rule, expected, found) VALUES (?, 'extract', ?, ?, ?, ?, ?, ?)");
  for (const f of ex.flags ?? []) {
    if (f.kind === 'rule') continue;
    ins.run(reportId, f.kind, JSON.stringify(f.fields ?? []), f.message, f.rule ?? null, f.expected ?? null, f.found ?? null);
  }
}

/** Insert a new report for an archived file; returns its id and whether it is a new version of an existing agency+year. */
export function insertReport(db: DB, fileId: number, ex: Extraction, extractorVersion: string): { reportId: number; isVersion: boolean; flagged: boolean } {
  const agencyId = agencyIdFor(db, ex.agency);
  const template = templateOf(ex);
  const t = now();
  const reportId = Number(
    st(db, 
        'INSERT INTO reports (file_id, agency_id, year, template, published_at, extractor_version, extracted_at, error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(fileId, agencyId, ex.year ?? null, template, ex.publishedAt ?? null, extractorVersion, t, ex.error ?? null, t).lastInsertRowid,
  );
  // One cached statement run per cell (measured faster than one json_each statement for all).
  const ins = st(db, CELL_SQL);
  const values: Record<string, number | null> = {};
  for (const field of reportFieldIds(template, Object.keys(ex.values ?? {}))) {
    const v = ex.values?.[field] ?? null;
    values[field] = v;
    ins.run(...cellArgs(reportId, field, v, ex.cells?.[field]));
  }
  insertExtractFlags(db, reportId, ex);
  let isVersion = false;
  if (agencyId !== null && ex.year != null) {
    isVersion = !!st(db, 'SELECT 1 FROM reports WHERE agency_id = ? AND year = ? AND id <> ?').get(agencyId, ex.year, reportId);
    refreshActive(db, agencyId, ex.year);
  }
  const { open } = recheck(db, reportId, false, values);
  return { reportId, isVersion, flagged: open > 0 };
}

/**
 * Replace a report's extraction (re-extraction). Corrected cells keep their
 * value; where the new reading differs from both the old reading and the
 * correction, the cell gets an 'archive' flag asking for a look.
 */
export function replaceExtraction(db: DB, reportId: number, ex: Extraction, extractorVersion: string): { changed: boolean; conflicts: number } {
  const r = st(db, 'SELECT agency_id, year, template, meta_manual FROM reports WHERE id = ?').get(reportId) as {
    agency_id: number | null;
    year: number | null;
    template: TemplateId | null;
    meta_manual: string;
  };
  const manual = new Set(JSON.parse(r.meta_manual) as string[]);
  const agencyId = manual.has('agency') ? r.agency_id : agencyIdFor(db, ex.agency) ?? r.agency_id;
  const year = manual.has('year') ? r.year : ex.year ?? null;
  const template = manual.has('template') ? r.template : templateOf(ex);
  const old = new Map(
    (st(db, 'SELECT field_id, value, extracted, corrected FROM cells WHERE report_id = ?').all(reportId) as {
      field_id: string;
      value: number | null;
      extracted: number | null;
      corrected: number;
    }[]).map((c) => [c.field_id, c]),
  );
  let changed = agencyId !== r.agency_id || year !== r.year || template !== r.template;
  let conflicts = 0;
  st(db, "DELETE FROM flags WHERE report_id = ? AND source IN ('extract', 'archive')").run(reportId);
  st(db, 'DELETE FROM cells WHERE report_id = ? AND corrected = 0').run(reportId);
  const ins = st(db, CELL_SQL);
  const upd = st(db, 
    'UPDATE cells SET extracted = ?, raw = ?, start = ?, end = ?, page = ?, position = ?, confidence = ?, note = ?, inferred = ? WHERE report_id = ? AND field_id = ?',
  );
  const flag = st(db, "INSERT INTO flags (report_id, source, kind, fields, message) VALUES (?, 'archive', 'ambiguous', ?, ?)");
  const fields = new Set(reportFieldIds(template, Object.keys(ex.values ?? {})));
  for (const c of old.values()) if (c.corrected) fields.add(c.field_id); // a correction is never dropped
  for (const field of fields) {
    const v = ex.values?.[field] ?? null;
    const prev = old.get(field);
    if (prev?.extracted !== v) changed = true;
    if (prev?.corrected) {
      const a = cellArgs(reportId, field, v, ex.cells?.[field]);
      upd.run(v, ...a.slice(4), reportId, field);
      if (v !== prev.extracted && v !== prev.value) {
        conflicts++;
        flag.run(
          reportId,
          JSON.stringify([field]),
          `re-extraction now reads ${v ?? 'blank'} where ${prev.extracted ?? 'blank'} was read and corrected to ${prev.value ?? 'blank'}; the correction is kept — please check`,
        );
      }
    } else ins.run(...cellArgs(reportId, field, v, ex.cells?.[field]));
  }
  st(db, 'UPDATE reports SET agency_id = ?, year = ?, template = ?, published_at = ?, extractor_version = ?, extracted_at = ?, error = ? WHERE id = ?').run(
    agencyId,
    year,
    template,
    ex.publishedAt ?? null,
    extractorVersion,
    now(),
    ex.error ?? null,
    reportId,
  );
  insertExtractFlags(db, reportId, ex);
  if (agencyId !== r.agency_id || year !== r.year) {
    refreshActive(db, r.agency_id, r.year);
    refreshActive(db, agencyId, year);
  }
  recheck(db, reportId, !changed);
  return { changed, conflicts };
}
