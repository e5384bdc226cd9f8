// Public types of the archive: what the CLI, the services (desktop/web) and
// export build on. Plain data only (JSON-safe). Keep stable; add, don't rename.
import type { FieldId, TemplateId } from '../catalogue/types.js';
import type { CellSource, Flag, PagePosition, SourceFormat } from '../model.js';
import type { ErrorInfo, ErrorParams, FileIssueCode } from '../wording/codes.js';
import type { QualityKind } from '../quality/types.js';
import type { CrossYearRule } from '../validate/cross-year.js';
import { errorText } from '../wording/errors.js';

export type ReportStatus = 'unreviewed' | 'flagged' | 'verified';
export type RunStatus = 'running' | 'completed' | 'cancelled' | 'failed' | 'interrupted';
/** What became of one file of an import (README "Reports, versions and sources"); 'in_progress' only while a worker reads it. */
export type FileOutcome = 'new' | 'same_report_other_format' | 'new_version' | 'needs_compare' | 'duplicate' | 'failed' | 'skipped' | 'in_progress';

export interface ImportFileOutcome {
  file: string;
  outcome: FileOutcome;
  /** Why, as a code the wording module words (core/wording: new_report, same_report, needs_compare, dangling_link …). */
  code: FileIssueCode | null;
  params?: ErrorParams;
  /** The English detail. */
  reason: string | null;
  /** The report row the file became (a source of that report). */
  reportId: number | null;
}

export interface OpenOptions {
  /** Create the archive when the file does not exist (default false: refuse). */
  create?: boolean;
  /** Open for reading only (no migrations, no writes). */
  readonly?: boolean;
  /** Worker threads for extraction (default: available cores). */
  workers?: number;
}

export interface ReportFilter {
  year?: number;
  /** Substring of the agency's canonical name or one of its aliases. */
  agency?: string;
  /** Exact agency id. */
  agencyId?: number;
  /** Substring of province/city/county. */
  region?: string;
  /** The region as a hierarchy, each level matched exactly (library filter: province → city → county). */
  province?: string;
  city?: string;
  county?: string;
  template?: TemplateId;
  status?: ReportStatus;
  flaggedOnly?: boolean;
  /** Reports with an open quality flag of this kind (quality/types.ts QUALITY_KINDS), or 'any'. */
  quality?: string;
  /** Only reports with an open cross-year flag (X1, X2 against the agency's previous year). */
  crossYear?: boolean;
  /** Full-text query over the source text (trigram FTS, LIKE under 3 characters). */
  text?: string;
  /** Include inactive versions (default: active versions only). */
  allVersions?: boolean;
  /** Only reports with a version waiting to be compared (待比较). */
  needsCompare?: boolean;
  /** Only reports with no agency (or, with `false`, only identified ones). */
  unidentified?: boolean;
  /** Only reports whose agency+year got a file in this import run (import_outcomes). */
  runId?: number;
  /** Only reports with an open flag of one of these kinds or rules (e.g. the cross-year X1, X2). */
  flagKinds?: string[];
  /** Only reports not yet verified (the review queue). */
  unverified?: boolean;
  /** id: newest first (default, fastest); agency: by agency name then year; year: newest year first. */
  sort?: 'id' | 'agency' | 'year' | 'region' | 'template' | 'status' | 'file';
  /** Reverse the sort's first key. */
  desc?: boolean;
  offset?: number;
  /** Default 100; at most 10 000. */
  limit?: number;
}

export interface ReportSummary {
  id: number;
  agency: string | null;
  agencyId: number | null;
  year: number | null;
  template: TemplateId | null;
  /** `province city county` as known, or null. */
  region: string | null;
  status: ReportStatus;
  /** Open flags (rule flags, extraction flags not resolved by corrections); quality flags not included. */
  flagCount: number;
  /** Open quality flags (质量问题), not accepted as 情况属实. */
  qualityCount: number;
  /** File name of the original. */
  file: string;
  format: SourceFormat | null;
  /** This row is the report's active version (one per agency+year; the others are listed under versions). */
  active: boolean;
  /** A new version waits to be compared with this reviewed report (待比较). */
  needsCompare: boolean;
  /** Versions of this report (1 when only one reading exists). */
  versionCount: number;
  /** In the trash (回收站): listed only when asked for. */
  removed: boolean;
  /** With a text filter: the matching passage, the hit between [ and ] (search form: simplified, spaces inside Chinese removed). */
  snippet?: string;
}

export interface ReportPage {
  total: number;
  items: ReportSummary[];
}

export interface StoredFlag extends Omit<Flag, 'kind' | 'rule'> {
  /** An extraction or rule kind, a cross-year check's (X1, X2: validate/cross-year.ts) or a quality check's (quality/types.ts). */
  kind: Flag['kind'] | 'cross_year' | QualityKind;
  rule?: Flag['rule'] | CrossYearRule;
  id: number;
  /**
   * extract: from the extractor; rules: R1–R4 re-checked on the current values, and cross_year (X1, X2) against the
   * agency's adjacent years (archive/cross-year.ts); archive: re-extraction conflicts;
   * quality: a finding about the report as published (质量问题: late, copied, a section missing …), apart from the
   * extraction doubts (提取疑问): never counted in flagCount, never blocking 已核实.
   */
  source: 'extract' | 'rules' | 'archive' | 'quality';
  /** Quality flags: the figures the flag is worded from (days late, percentage, the other report …); cross_year: prevYear, prevId. */
  detail?: Record<string, string | number | null>;
  /** Not open: an extraction flag whose fields were all corrected by a person, or a flag accepted as printed. */
  resolved: boolean;
  /** Accepted as in the original (原文如此), while the acceptance matches the flag. */
  accepted: FlagAcceptance | null;
}

export interface FlagAcceptance {
  note: string | null;
  /** ISO time. */
  at: string;
}

/** The flag an acceptance entry is about, as it read when accepted. */
export interface AcceptedFlag {
  source: StoredFlag['source'];
  kind: string;
  rule: string | null;
  fields: string[];
  expected: number | null;
  found: number | null;
  message: string;
}

export interface SourceFileInfo {
  sha256: string;
  name: string;
  /** Where it was imported from (may no longer exist). */
  originalPath: string;
  /** The archived copy (always present in a sound archive). */
  storedPath: string;
  size: number;
  mtime: string | null;
  format: SourceFormat | null;
  importedAt: string;
  runId: number | null;
}

/** How a report row landed on its agency+year (archive/versions.ts). */
export type PlaceOutcome = 'new' | 'same_report_other_format' | 'new_version' | 'needs_compare';

export interface SourceInfoRow {
  reportId: number;
  file: string;
  format: SourceFormat | null;
  size: number;
  importedAt: string;
  valuesFound: number;
  missingTables: number;
  flags: number;
  status: string;
  active: boolean;
}

export interface VersionEntry {
  /** The version's id (its first source's report id). */
  id: number;
  active: boolean;
  /** A new version waiting to be compared with the reviewed one (待比较). */
  pending: boolean;
  reviewed: boolean;
  status: string;
  file: string;
  format: SourceFormat | null;
  importedAt: string;
  valuesFound: number;
  missingTables: number;
  flags: number;
  sources: SourceInfoRow[];
}

export interface CompareCell {
  field: FieldId;
  current: number | null;
  other: number | null;
  /** The current version's value is a person's correction. */
  corrected: boolean;
  differs: boolean;
}

export interface VersionCompare {
  current: VersionEntry;
  other: VersionEntry;
  /** Every field either version holds; `differs` marks where they read differently. */
  cells: CompareCell[];
  differing: number;
}

export interface TrashEntry {
  id: number;
  agency: string | null;
  year: number | null;
  reason: string | null;
  kind: 'removed' | 'not_report';
  removedAt: string;
  /** Rows (sources) removed with it. */
  sources: number;
}

/** The versions of a report as the report page lists them. */
export type VersionInfo = VersionEntry;

export interface Landed {
  reportId: number;
  year: number;
  outcome: PlaceOutcome;
  reason: string;
  activeId: number;
}

export interface MergeResult {
  fromId: number;
  intoId: number;
  from: string;
  into: string;
  /** Reports (agency-year slots, trash excluded) that moved. */
  moved: number;
  /** Of the moved reports' files, those that landed on a year `into` already had: each became a version there (never hidden). */
  landed: Landed[];
}

/** What a metadata change did to the report's agency+year: null when they stayed. `reason`: a stored issue (core/wording). */
export type Landing = { outcome: PlaceOutcome; reason: string; activeId: number; versionId: number } | null;

export interface ReportDetail extends ReportSummary {
  /** Current values: corrected values win over extracted ones. Every field of the template is present. */
  values: Record<string, number | null>;
  /** Values as extracted (before corrections), every field of the template. */
  extracted: Record<string, number | null>;
  /** Extracted value of each corrected field (subset of `extracted`, for convenience). */
  original: Record<string, number | null>;
  /** Fields whose current value is a person's correction. */
  corrected: string[];
  cells: Record<string, CellSource>;
  flags: StoredFlag[];
  canUndo: boolean;
  canRedo: boolean;
  /** Why the file could not be read: English detail; `errorInfo` has the code for the words. */
  error: string | null;
  errorInfo: ErrorInfo | null;
  publishedAt: string | null;
  extractorVersion: string;
  source: SourceFileInfo;
  /** Every version of this report (its agency+year), each with its sources, oldest first. */
  versions: VersionEntry[];
  region3: { province: string | null; city: string | null; county: string | null };
}

export interface CorrectionEntry {
  id: number;
  reportId: number;
  /** A field id, `meta.agency` / `meta.year` / `meta.template` / `meta.status`, or for acceptances `flag.<rule or kind>`. */
  field: string;
  /** accept / unaccept: a flag accepted as printed, or the acceptance revoked (their own log: ids are not correction ids). */
  kind: 'set' | 'undo' | 'redo' | 'meta' | 'accept' | 'unaccept';
  from: number | string | null;
  to: number | string | null;
  note: string | null;
  at: string;
  /** For undo/redo: the entry it reverts or re-applies. */
  target: number | null;
  /** A `set` entry currently undone. */
  undone: boolean;
  /** For accept / unaccept: the flag concerned. */
  flag?: AcceptedFlag;
  /** The archive's reviewer name when the entry was written (null before one was set). */
  reviewer?: string | null;
}

export interface MetaPatch {
  /** The publication date (YYYY-MM-DD) when the report states none or states it wrongly; '' clears a hand-set date. */
  publishedAt?: string;
  agency?: string;
  year?: number;
  template?: TemplateId;
}

export interface AgencyInfo {
  id: number;
  name: string;
  aliases: string[];
  province: string | null;
  city: string | null;
  county: string | null;
  region: string | null;
  regionSource: 'inferred' | 'manual' | null;
  /** Decides the publication deadline (条例第四十九条): as set by a person, else read from the name. */
  kind: 'department' | 'government' | 'township';
  kindSource: 'name' | 'manual';
  reports: number;
  years: number[];
}

export interface SearchHit {
  id: number;
  agency: string | null;
  year: number | null;
  snippet: string;
}

export interface ImportProgress {
  done: number;
  total: number;
  current: string | null;
  /** Files per second over the run so far. */
  rate: number;
  etaSeconds: number | null;
}

export interface JobOptions {
  signal?: AbortSignal;
  /** Called at most ~10 times a second, and once at the end. */
  onProgress?: (p: ImportProgress) => void;
}

/** A file not archived (or left out) and why: `code` for the words (core/wording), `error` the English detail. */
export interface FileError {
  file: string;
  code: FileIssueCode;
  params?: Record<string, string | number>;
  error: string;
}

export interface ImportResult {
  run: number;
  status: RunStatus;
  /** Supported files seen. */
  files: number;
  imported: number;
  duplicates: number;
  skipped: number;
  /** Skipped files with the reason (unsupported extension ...), first 1000. */
  skippedFiles: FileError[];
  failed: FileError[];
  /** Reports created by this run. */
  reports: number;
  /** Of those, reports with open flags. */
  flagged: number;
  /** Of those, files that landed on an agency+year already archived (another source or version of it). */
  versions: number;
  /** Files per outcome. */
  counts: Partial<Record<FileOutcome, number>>;
  /** Every file with its outcome and reason, in the order decided (first 10 000). */
  outcomes: ImportFileOutcome[];
}

export interface ReextractResult {
  reports: number;
  /** Reports whose extracted values changed. */
  changed: number;
  /** Corrected cells whose new extraction disagrees (flagged for a look). */
  conflicts: number;
  errors: FileError[];
  status: RunStatus;
}

export interface ArchiveStats {
  path: string;
  schemaVersion: number;
  reports: number;
  activeReports: number;
  agencies: number;
  years: number[];
  flagged: number;
  verified: number;
  unreviewed: number;
  files: number;
  corrections: number;
  runs: { id: number; status: RunStatus; folder: string; startedAt: string; endedAt: string | null; imported: number; failed: number }[];
}

export interface ReportTextInfo {
  id: number;
  text: string;
  format: SourceFormat | null;
  pages?: { page: number; start: number; end: number; width: number; height: number }[];
  positions?: { start: number; end: number; position: PagePosition }[];
}

/** What an ArchiveError is about (refused archive, unknown report/field, a job already running …). */
export type ArchiveErrorCode =
  | 'not_found'
  | 'refused'
  | 'invalid'
  | 'busy' // a job already runs on this archive in this process
  | 'io'
  | 'locked' // another window or program holds the archive's write lock past the busy timeout
  | 'full' // the disk is full: the archive is now read-only
  | 'read_only' // opened read-only (or after a full disk)
  | 'bad_archive_name' // a new archive: not *.nianbao, or its folder does not exist
  | 'export_exists' // the export file exists and overwriting was not confirmed
  | 'export_failed'; // the export could not be written (reason in params)

/** Raised for anything the user must act on. The message is the English detail; the words come from the code (core/wording). */
export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/**
 * The message of an ArchiveError raised for one of the archive's own
 * conditions: the code's words (core/wording) in Chinese and English, then the
 * detail. The UI words the code itself; the command line prints this.
 */
export function archiveMessage(code: ArchiveErrorCode, detail?: string, params?: Record<string, string | number>): string {
  const zh = errorText({ code, ...(params ? { params } : {}) }, 'zh');
  const en = errorText({ code, ...(params ? { params } : {}) }, 'en');
  return `${zh}。${en[0]!.toUpperCase()}${en.slice(1)}.${detail ? ` (${detail})` : ''}`;
}
