// Reading the archive: lists, one report in full, search, text, stats.
import { storedPath } from './files.js';
import type { TemplateId } from '../catalogue/types.js';
import type { CellSource, SourceFormat } from '../model.js';
import { st, type DB } from './db.js';
import { regionText } from './region.js';
import { indexedUpto } from './search-index.js';
import { queryForm } from '../normalize/index.js';
import { undoState } from './corrections.js';
import { flagKey, liveAccepts } from './checks.js';
import { decodeIssue } from '../wording/errors.js';
import { listVersions } from './versions.js';
import {
  ArchiveError,
  type ArchiveStats,
  type ReportDetail,
  type ReportFilter,
  type ReportPage,
  type ReportStatus,
  type ReportSummary,
  type ReportTextInfo,
  type RunStatus,
  type SearchHit,
  type StoredFlag,
} from './types.js';

const SUMMARY_COLS = `r.id, r.year, r.template, r.status, r.open_flags, r.quality_open, r.active, r.agency_id, r.removed_at,
  a.name AS agency, a.province, a.city, a.county, f.name AS file, f.format,
  CASE WHEN r.agency_id IS NULL OR r.year IS NULL THEN 0 ELSE EXISTS (SELECT 1 FROM reports p WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.pending = 1 AND p.removed_at IS NULL) END AS needs_compare,
  CASE WHEN r.agency_id IS NULL OR r.year IS NULL THEN 1 ELSE (SELECT COUNT(DISTINCT COALESCE(v.version_id, v.id)) FROM reports v WHERE v.agency_id = r.agency_id AND v.year = r.year AND v.removed_at IS NULL) END AS version_count`;
interface SummaryRow {
  id: number;
  year: number | null;
  template: TemplateId | null;
  status: ReportStatus;
  open_flags: number;
  quality_open: number;
  active: number;
  agency_id: number | null;
  agency: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  file: string;
  format: SourceFormat | null;
  removed_at: string | null;
  needs_compare: number;
  version_count: number;
  snippet?: string;
}
const toSummary = (r: SummaryRow): ReportSummary => ({
  id: r.id,
  agency: r.agency,
  agencyId: r.agency_id,
  year: r.year,
  template: r.template,
  region: regionText(r),
  status: r.status,
  flagCount: r.open_flags,
  qualityCount: r.quality_open,
  file: r.file,
  format: r.format,
  active: r.active === 1,
  needsCompare: r.needs_compare === 1,
  versionCount: Math.max(1, r.version_count),
  removed: r.removed_at !== null,
  ...(r.snippet !== undefined ? { snippet: r.snippet } : {}),
});

/** Escape a user's text as one FTS5 phrase. */
const ftsPhrase = (t: string) => `"${t.replace(/"/g, '""')}"`;
const likeEscape = (t: string) => t.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Files not yet in the search index (an import in progress or just killed): matched by LIKE, so a search never misses them. */
const BACKLOG = 'SELECT file_id FROM file_text WHERE file_id > (SELECT indexed_upto FROM search_index WHERE id = 1)';

const LIKE = "search LIKE ? ESCAPE '\\'";

/** File ids whose search form matches the query's: trigram FTS for 3+ characters, LIKE below (trigrams need three). */
function textCondition(text: string): { sql: string; args: unknown[] } {
  const q = queryForm(text);
  if ([...q].length >= 3)
    return {
      sql: `(r.file_id IN (SELECT rowid FROM file_fts WHERE file_fts MATCH ?) OR r.file_id IN (${BACKLOG} AND ${LIKE}))`,
      args: [ftsPhrase(q), `%${likeEscape(q)}%`],
    };
  return { sql: `r.file_id IN (SELECT file_id FROM file_text WHERE ${LIKE})`, args: [`%${likeEscape(q)}%`] };
}

/** Status and open flags of these reports, in chunks (SQLite's variable limit). */
export function reportStates(db: DB, ids: number[]): { id: number; status: ReportStatus; openFlags: number }[] {
  const out: { id: number; status: ReportStatus; openFlags: number }[] = [];
  const sql = db.prepare('SELECT id, status, open_flags AS openFlags FROM reports WHERE id IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < ids.length; i += 10_000) out.push(...(sql.all(JSON.stringify(ids.slice(i, i + 10_000))) as typeof out));
  return out;
}

/** Agency ids whose name or an alias matches `text` in the search's folded form (traditional → simplified, widths, spaces). */
function agencyIdsMatching(db: DB, text: string): number[] {
  const q = queryForm(text);
  if (!q) return [];
  const rows = st(db, 'SELECT alias, agency_id FROM agency_aliases').all() as { alias: string; agency_id: number }[];
  const ids = new Set<number>();
  for (const r of rows) if (foldedAlias(r.alias).includes(q)) ids.add(r.agency_id);
  return [...ids];
}
const FOLDED = new Map<string, string>();
/** Aliases are few (thousands) and never change their spelling: folded once per process. */
function foldedAlias(alias: string): string {
  let f = FOLDED.get(alias);
  if (f === undefined) {
    if (FOLDED.size > 200_000) FOLDED.clear();
    FOLDED.set(alias, (f = queryForm(alias)));
  }
  return f;
}

/** The WHERE conditions of a report filter (the list, the review queue's counts). */
export function filterWhere(db: DB, filter: ReportFilter): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  // With a text filter, `+` keeps the planner off the active index so it drives from the FTS matches (file_id index).
  if (!filter.allVersions) where.push(filter.text?.trim() ? '+r.active = 1' : 'r.active = 1');
  else where.push('r.removed_at IS NULL'); // the trash is listed by trash()
  if (filter.needsCompare)
    where.push('EXISTS (SELECT 1 FROM reports p WHERE p.agency_id = r.agency_id AND p.year = r.year AND p.pending = 1 AND p.removed_at IS NULL)');
  if (filter.unidentified !== undefined) where.push(filter.unidentified ? 'r.agency_id IS NULL' : 'r.agency_id IS NOT NULL');
  if (filter.year !== undefined) where.push('r.year = ?'), args.push(filter.year);
  if (filter.agencyId !== undefined) where.push('r.agency_id = ?'), args.push(filter.agencyId);
  if (filter.agency?.trim()) {
    // The same folding as search: 廣州市商務局 finds 广州市商务局 and the other way round.
    where.push('r.agency_id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(agencyIdsMatching(db, filter.agency)));
  }
  if (filter.runId !== undefined) {
    // The reports whose agency+year got a file in the run (a new version of a reviewed report lists its active one, 待比较).
    // Both subqueries are uncorrelated: SQLite builds each once, whatever the archive's size.
    where.push(`(r.id IN (SELECT report_id FROM import_outcomes WHERE run_id = ? AND report_id IS NOT NULL) OR (r.agency_id, r.year) IN (
      SELECT x.agency_id, x.year FROM import_outcomes o JOIN reports x ON x.id = o.report_id WHERE o.run_id = ? AND x.agency_id IS NOT NULL AND x.year IS NOT NULL))`);
    args.push(filter.runId, filter.runId);
  }
  if (filter.unverified) where.push("r.status <> 'verified'");
  if (filter.flagKinds?.length) {
    where.push(
      'EXISTS (SELECT 1 FROM flags k WHERE k.report_id = r.id AND k.resolved = 0 AND (k.kind IN (SELECT value FROM json_each(?)) OR k.rule IN (SELECT value FROM json_each(?))))',
    );
    args.push(JSON.stringify(filter.flagKinds), JSON.stringify(filter.flagKinds));
  }
  if (filter.region) {
    // Agencies first (thousands), then their reports by index.
    where.push('r.agency_id IN (SELECT id FROM agencies WHERE province LIKE ? OR city LIKE ? OR county LIKE ?)');
    const p = `%${filter.region.trim()}%`;
    args.push(p, p, p);
  }
  const levels = (['province', 'city', 'county'] as const).filter((k) => filter[k]);
  if (levels.length) {
    where.push(`r.agency_id IN (SELECT id FROM agencies WHERE ${levels.map((k) => `${k} = ?`).join(' AND ')})`);
    for (const k of levels) args.push(filter[k]!);
  }
  if (filter.template) where.push('r.template = ?'), args.push(filter.template);
  if (filter.status) where.push('r.status = ?'), args.push(filter.status);
  if (filter.flaggedOnly) where.push('r.open_flags > 0');
  if (filter.quality === 'any') where.push('r.quality_open > 0');
  else if (filter.quality) {
    where.push("r.quality_open > 0 AND EXISTS (SELECT 1 FROM flags q WHERE q.report_id = r.id AND q.source = 'quality' AND q.kind = ? AND q.resolved = 0)");
    args.push(filter.quality);
  }
  if (filter.crossYear)
    where.push("EXISTS (SELECT 1 FROM flags x WHERE x.report_id = r.id AND x.source = 'rules' AND x.kind = 'cross_year' AND x.resolved = 0)");
  if (filter.text?.trim()) {
    const c = textCondition(filter.text);
    where.push(c.sql);
    args.push(...c.args);
  }
  return { where, args };
}

export function listReports(db: DB, filter: ReportFilter = {}): ReportPage {
  const { where, args } = filterWhere(db, filter);
  const from = 'FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id JOIN files f ON f.id = r.file_id';
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const limit = Math.min(Math.max(filter.limit ?? 100, 0), 10_000);
  const offset = Math.max(filter.offset ?? 0, 0);
  const countFrom = 'FROM reports r';
  const total = (db.prepare(`SELECT COUNT(*) AS n ${countFrom} ${w}`).get(...args) as { n: number }).n;
  // Each sort: its key (reversed by `desc`), then agency and year so one agency's years come in order.
  const keys: Record<NonNullable<ReportFilter['sort']>, [string, boolean, string]> = {
    id: ['r.id', true, ''],
    agency: ['a.name', false, ', r.year, r.id'],
    year: ['r.year', true, ', a.name, r.id'],
    region: ["COALESCE(a.province, '') || COALESCE(a.city, '') || COALESCE(a.county, '')", false, ', a.name, r.year, r.id'],
    template: ['r.template', false, ', a.name, r.year, r.id'],
    status: ['r.status', false, ', a.name, r.year, r.id'],
    file: ['f.name', false, ', r.id'],
  };
  const [key, descByDefault, rest] = keys[filter.sort ?? 'id'];
  const order = `${key} ${descByDefault !== !!filter.desc ? 'DESC' : 'ASC'}${rest}`;
  // Page over ids first (index only), then join the page's rows: deep pages stay cheap.
  const page =
    filter.sort === undefined || filter.sort === 'id'
      ? `SELECT ${SUMMARY_COLS} ${from} WHERE r.id IN (SELECT r.id ${countFrom} ${w} ORDER BY r.id DESC LIMIT ? OFFSET ?) ORDER BY ${order}`
      : `SELECT ${SUMMARY_COLS} ${from} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`;
  const rows = db.prepare(page).all(...args, limit, offset) as SummaryRow[];
  if (filter.text?.trim()) {
    const q = queryForm(filter.text);
    const form = st(db, 'SELECT f.search FROM reports r JOIN file_text f ON f.file_id = r.file_id WHERE r.id = ?');
    for (const r of rows) r.snippet = passage((form.get(r.id) as { search: string | null } | undefined)?.search ?? '', q);
  }
  return { total, items: rows.map(toSummary) };
}

/** The passage around the first hit of `q` in a search form, the hit between [ and ] (`around` characters each side). */
export function passage(form: string, q: string, around = 16): string {
  const i = q ? form.indexOf(q) : -1;
  if (i < 0) return '';
  const pre = form.slice(Math.max(0, i - around), i);
  const post = form.slice(i + q.length, i + q.length + around);
  return `${i > around ? '…' : ''}${pre}[${q}]${post}${i + q.length + around < form.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

export function search(db: DB, text: string, limit = 50): SearchHit[] {
  const q = queryForm(text);
  if (!q) return [];
  type Row = { id: number; year: number | null; agency: string | null; snippet?: string | null; search?: string | null };
  const like = `%${likeEscape(q)}%`;
  let rows: Row[];
  if ([...q].length >= 3) {
    rows = db
      .prepare(
        `SELECT r.id, r.year, a.name AS agency, snippet(file_fts, 0, '[', ']', '…', 12) AS snippet
         FROM file_fts JOIN reports r ON r.file_id = file_fts.rowid LEFT JOIN agencies a ON a.id = r.agency_id
         WHERE file_fts MATCH ? AND r.active = 1 ORDER BY file_fts.rowid DESC LIMIT ?`,
      )
      .all(ftsPhrase(q), limit) as Row[];
    // Files not yet indexed (an import running or just killed), by LIKE; usually none.
    const pending = db
      .prepare(
        // CROSS JOIN: drive from the (small) range of unindexed files, never from the reports' active index.
        `SELECT r.id, r.year, a.name AS agency, ft.search FROM file_text ft CROSS JOIN reports r ON r.file_id = ft.file_id
         LEFT JOIN agencies a ON a.id = r.agency_id WHERE ft.file_id > ? AND ft.${LIKE} AND r.active = 1 ORDER BY ft.file_id DESC LIMIT ?`,
      )
      .all(indexedUpto(db), like, limit) as Row[];
    if (pending.length) rows = [...pending, ...rows].slice(0, limit);
  } else
    rows = db
      .prepare(
        `SELECT r.id, r.year, a.name AS agency, ft.search FROM file_text ft JOIN reports r ON r.file_id = ft.file_id
         LEFT JOIN agencies a ON a.id = r.agency_id WHERE ft.${LIKE} AND r.active = 1 LIMIT ?`,
      )
      .all(like, limit) as Row[];
  return rows.map((r) => {
    let snippet = r.snippet ?? '';
    if (typeof r.search === 'string') {
      const i = r.search.indexOf(q);
      snippet = `${i > 12 ? '…' : ''}${r.search.slice(Math.max(0, i - 12), i)}[${q}]${r.search.slice(i + q.length, i + q.length + 12)}…`;
    }
    return { id: r.id, agency: r.agency, year: r.year, snippet: snippet.replace(/\s+/g, ' ') };
  });
}

export function reportRow(db: DB, id: number) {
  const r = db
    .prepare(
      `SELECT ${SUMMARY_COLS}, r.file_id, r.error, r.published_at, r.extractor_version, f.sha256, f.original_path, f.size, f.mtime,
        f.imported_at, f.run_id
       FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id JOIN files f ON f.id = r.file_id WHERE r.id = ?`,
    )
    .get(id) as
    | (SummaryRow & {
        file_id: number;
        error: string | null;
        published_at: string | null;
        extractor_version: string;
        sha256: string;
        original_path: string;
        size: number;
        mtime: string | null;
        imported_at: string;
        run_id: number | null;
      })
    | undefined;
  if (!r) throw new ArchiveError('not_found', `no report ${id}`, { problem: 'no_report', id });
  return r;
}

interface CellRow {
  field_id: string;
  value: number | null;
  extracted: number | null;
  corrected: number;
  raw: string | null;
  start: number | null;
  end: number | null;
  position: string | null;
  confidence: number | null;
  note: string | null;
  inferred: number;
}

export function getReport(db: DB, filesDir: string, id: number): ReportDetail {
  const r = reportRow(db, id);
  const cellRows = db.prepare('SELECT * FROM cells WHERE report_id = ?').all(id) as CellRow[];
  const values: Record<string, number | null> = {};
  const extracted: Record<string, number | null> = {};
  const original: Record<string, number | null> = {};
  const cells: Record<string, CellSource> = {};
  const corrected: string[] = [];
  for (const c of cellRows) {
    values[c.field_id] = c.value;
    extracted[c.field_id] = c.extracted;
    if (c.corrected) corrected.push(c.field_id), (original[c.field_id] = c.extracted);
    if (c.raw !== null && c.start !== null && c.end !== null)
      cells[c.field_id] = {
        raw: c.raw,
        start: c.start,
        end: c.end,
        confidence: c.confidence ?? 1,
        ...(c.note ? { note: c.note } : {}),
        ...(c.inferred ? { inferred: true } : {}),
        ...(c.position ? { position: JSON.parse(c.position) } : {}),
      };
  }
  const live = liveAccepts(db, id);
  const flags = (
    db.prepare('SELECT * FROM flags WHERE report_id = ? ORDER BY resolved, id').all(id) as {
      id: number;
      source: StoredFlag['source'];
      kind: StoredFlag['kind'];
      fields: string;
      message: string;
      rule: StoredFlag['rule'] | null;
      expected: number | null;
      found: number | null;
      resolved: number;
      detail: string | null;
    }[]
  ).map((f): StoredFlag => {
    const a = live.get(flagKey(f));
    return {
      id: f.id,
      source: f.source,
      kind: f.kind,
      fields: JSON.parse(f.fields) as string[],
      message: f.message,
      ...(f.rule ? { rule: f.rule } : {}),
      ...(f.expected !== null ? { expected: f.expected } : {}),
      ...(f.found !== null ? { found: f.found } : {}),
      ...(f.detail ? { detail: JSON.parse(f.detail) as StoredFlag['detail'] } : {}),
      resolved: f.resolved === 1,
      accepted: a && f.resolved === 1 ? { note: a.note, at: a.at } : null,
    };
  });
  const u = undoState(db, id);
  return {
    ...toSummary(r),
    values,
    extracted,
    original,
    corrected: corrected.sort(),
    cells,
    flags,
    canUndo: u.canUndo,
    canRedo: u.canRedo,
    error: r.error ? decodeIssue(r.error).message : null,
    errorInfo: r.error ? decodeIssue(r.error) : null,
    publishedAt: r.published_at,
    extractorVersion: r.extractor_version,
    source: {
      sha256: r.sha256,
      name: r.file,
      originalPath: r.original_path,
      storedPath: storedPath(filesDir, r.sha256),
      size: r.size,
      mtime: r.mtime,
      format: r.format,
      importedAt: r.imported_at,
      runId: r.run_id,
    },
    versions: listVersions(db, id),
    region3: { province: r.province, city: r.city, county: r.county },
  };
}

export function reportText(db: DB, id: number): ReportTextInfo {
  const r = reportRow(db, id);
  const t = db.prepare('SELECT text, pages, positions FROM file_text WHERE file_id = ?').get(r.file_id) as
    | { text: string; pages: string | null; positions: string | null }
    | undefined;
  return {
    id,
    text: t?.text ?? '',
    format: r.format,
    ...(t?.pages ? { pages: JSON.parse(t.pages) } : {}),
    ...(t?.positions ? { positions: JSON.parse(t.positions) } : {}),
  };
}

export function stats(db: DB, path: string, schemaVersion: number): ArchiveStats {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const runs = db.prepare('SELECT id, status, folder, started_at, ended_at, imported, failed FROM import_runs ORDER BY id DESC LIMIT 20').all() as {
    id: number;
    status: RunStatus;
    folder: string;
    started_at: string;
    ended_at: string | null;
    imported: number;
    failed: number;
  }[];
  return {
    path,
    schemaVersion,
    reports: n('SELECT COUNT(*) AS n FROM reports'),
    activeReports: n('SELECT COUNT(*) AS n FROM reports WHERE active = 1'),
    agencies: n('SELECT COUNT(*) AS n FROM agencies'),
    years: (db.prepare('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL AND removed_at IS NULL ORDER BY year').all() as { year: number }[]).map(
      (y) => y.year,
    ),
    flagged: n("SELECT COUNT(*) AS n FROM reports WHERE active = 1 AND status = 'flagged'"),
    verified: n("SELECT COUNT(*) AS n FROM reports WHERE active = 1 AND status = 'verified'"),
    unreviewed: n("SELECT COUNT(*) AS n FROM reports WHERE active = 1 AND status = 'unreviewed'"),
    files: n('SELECT COUNT(*) AS n FROM files'),
    corrections: n('SELECT COUNT(*) AS n FROM corrections'),
    runs: runs.map((r) => ({
      id: r.id,
      status: r.status,
      folder: r.folder,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      imported: r.imported,
      failed: r.failed,
    })),
  };
}
