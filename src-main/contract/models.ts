// Shapes that cross the boundary between main and renderer. Plain data only
// (structured-clone and JSON safe); both sides import these types.
import type { TemplateId } from '../core/catalogue/types.js';
import type { CellSource, Flag, PagePosition, SourceFormat } from '../core/model.js';
import type { ErrorInfo, FileIssueCode, JobStatus } from '../core/wording/codes.js';
import type { QualityKind } from '../core/quality/types.js';
import type { CrossYearRule } from '../core/validate/cross-year.js';
export { QUALITY_KINDS, type QualityKind } from '../core/quality/types.js';
import type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow } from '../core/archive/chart-types.js';

export type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow };
export type { QueueCounts, QueueRun } from '../core/archive/queue.js';
export { CROSS_YEAR_KINDS, queueFilter, type QueueFilter, type QueueKind, type QueueScope } from '../core/archive/queue-filter.js';
export type { LogEntry } from '../core/archive/log.js';
export type { LastYearCell, LastYearCompare } from '../core/archive/last-year.js';

import type { FileOutcome, ImportFileOutcome, ReportFilter as ArchiveReportFilter, ReportSummary } from '../core/archive/types.js';

export type { TemplateId, CellSource, Flag, PagePosition, SourceFormat, ErrorInfo, FileIssueCode, JobStatus };
// One report shape on both sides: the archive's own (core/archive/types.ts), never a hand copy.
export type {
  AgencyInfo,
  CompareCell,
  FileOutcome,
  ImportFileOutcome,
  Landed,
  Landing,
  MergeResult,
  PlaceOutcome,
  ReportDetail,
  ReportSummary,
  SourceFileInfo,
  SourceInfoRow,
  StoredFlag,
  TrashEntry,
  VersionCompare,
  VersionInfo,
} from '../core/archive/types.js';

/** Review state of a report as the library shows it. */
export type ReportStatus = 'unreviewed' | 'flagged' | 'verified';
export const REPORT_STATUSES: readonly ReportStatus[] = ['unreviewed', 'flagged', 'verified'];

export interface ArchiveInfo {
  path: string;
  reports: number;
  agencies: number;
  years: number[];
  flagged: number;
  verified: number;
}

export interface AppInfo {
  version: string;
  bridge: 'electron' | 'web' | 'cli';
  /** The host can show native folder/file dialogs and open files. */
  nativeDialogs: boolean;
  archive: ArchiveInfo | null;
  /** Sample reports shipped with the app are available. */
  samples: boolean;
}

/** The archive's list filter (core/archive/types.ts) as the UI may send it: no agency id, a quality kind by name. */
export type ReportFilter = Omit<ArchiveReportFilter, 'agencyId' | 'quality'> & {
  /** Reports with an open quality flag (质量问题) of this kind, or 'any'. */
  quality?: QualityKind | 'any';
};

export interface ReportPage {
  total: number;
  items: ReportSummary[];
}

export interface Correction {
  /** A field id, `meta.agency` / `meta.year` / `meta.template` / `meta.status`, or for acceptances `flag.<rule or kind>`. */
  field: string;
  /** accept / unaccept: a flag accepted as in the original (原文如此), or that acceptance revoked. */
  kind: 'set' | 'undo' | 'redo' | 'meta' | 'accept' | 'unaccept';
  /** Value before this change (the extracted one for the first). Strings for meta changes. */
  from: number | string | null;
  to: number | string | null;
  note: string | null;
  at: string; // ISO time
  /** A `set` that is currently undone. */
  undone: boolean;
  /** Who made the change: the archive's reviewer name then (null before one was set). */
  reviewer?: string | null;
  /** For accept / unaccept: the flag concerned, as it read then. */
  flag?: { rule: string | null; kind: string; fields: string[]; message: string; expected: number | null; found: number | null };
}

/** A flag accepted as in the original (原文如此). */
export interface FlagAcceptance {
  note: string | null;
  at: string; // ISO time
}

/**
 * A flag as stored. `resolved`: not open (its fields corrected, or accepted).
 * `id` stays while the flag fails the same way; a flag that changes gets a new id (ids are never reused).
 */
export interface ReportFlag extends Omit<Flag, 'kind' | 'rule'> {
  /** cross_year: X1 / X2 against the agency's previous year (source 'rules'; X2 a notice, never making the report 有疑问). */
  kind: Flag['kind'] | 'cross_year' | QualityKind;
  rule?: Flag['rule'] | CrossYearRule;
  /** 'quality': a finding about the report as published (质量问题), shown apart from the extraction doubts (提取疑问). */
  source?: 'extract' | 'rules' | 'archive' | 'quality';
  /** Quality flags: the figures they are worded from; cross_year: prevYear, prevId. */
  detail?: Record<string, string | number | null>;
  id: number;
  resolved?: boolean;
  accepted?: FlagAcceptance | null;
}

export interface ReportText {
  id: number;
  text: string;
  format: SourceFormat | null;
  pages?: { page: number; start: number; end: number; width: number; height: number }[];
  positions?: { start: number; end: number; position: PagePosition }[];
}

/** The archived original's bytes, for the page viewer (by report id: never a path from the renderer). */
export interface OriginalFile {
  id: number;
  name: string;
  format: SourceFormat | null;
  /** Media type by content: application/pdf, image/png, image/jpeg, … */
  mime: string;
  size: number;
  /** Base64 of the bytes (JSON-safe over both bridges). */
  data: string;
}

/** The original's own table grids (Word, HTML, spreadsheets), re-read from the archived file; offsets point into the report's text. */
export interface OriginalGrids {
  id: number;
  format: SourceFormat | null;
  grids: { rows: { text: string; start: number; end: number; rowSpan: number; colSpan: number; covered?: boolean }[][] }[];
}

export interface SearchHit {
  id: number;
  agency: string | null;
  year: number | null;
  snippet: string;
}

export type GridState = 'unreviewed' | 'flagged' | 'verified' | 'missing';

/** One cell of the agency × year grid: the report shown, how many reports the cell holds and whether a version waits (待比较). */
export interface GridCell {
  year: number | null;
  state: GridState;
  reportId: number | null;
  /** Reports in this cell (more than one: a chooser; unidentified or unknown-year reports share a cell). */
  reportIds: number[];
  /** Versions of the shown report (more than one: the count badge). */
  versions: number;
  needsCompare: boolean;
}

export interface LibraryGrid {
  years: number[];
  /** Some report has no year: the grid has a 年度不明 column (each row's `unknownYear`). */
  hasUnknownYear: boolean;
  rows: { agency: string; region: string | null; cells: GridCell[]; unknownYear: GridCell | null }[];
}

export interface Facets {
  years: number[];
  regions: string[];
  /** Every place (province, city, county) of an agency with reports: the region filter's hierarchy. Special zones such as 平潭综合实验区 sit as a county of their province and city (core/archive/region.ts). */
  places: { province: string; city: string | null; county: string | null }[];
  templates: TemplateId[];
}

export type JobKind = 'import' | 'export' | 'reextract';

/** One file that was not archived (or was left out), and why: worded from `code` (core/wording); `error` is the English detail. */
export interface FileError {
  file: string;
  code: FileIssueCode;
  params?: Record<string, string | number>;
  error: string;
}

export interface ImportSummary {
  kind: 'import';
  run: number;
  /** Files that became reports (each a new report, another source, or a version). */
  reports: number;
  duplicates: number;
  /** Files per outcome (new, same_report_other_format, new_version, needs_compare, duplicate, failed, skipped). */
  counts: Partial<Record<FileOutcome, number>>;
  /** Every file with its outcome and reason (first 10 000). */
  outcomes: ImportFileOutcome[];
  files: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  flagged: number;
  /** Files that could not be read or were not reports. */
  errors: FileError[];
  /** Files left out with the reason (unsupported type, duplicate ...). */
  skippedFiles: FileError[];
  cancelled: boolean;
}

export interface ExportSummary {
  kind: 'export';
  files: string[];
  folder: string;
  reports: number;
}

export interface ReextractSummary {
  kind: 'reextract';
  reports: number;
  changed: number;
  /** Corrected cells whose new extraction disagrees (flagged for a look). */
  conflicts: number;
  errors: FileError[];
  cancelled: boolean;
}

export type JobResult = ImportSummary | ExportSummary | ReextractSummary;

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  done: number;
  total: number;
  current: string | null;
  /** Items per second, smoothed over the run. */
  rate: number;
  etaSeconds: number | null;
}

export interface JobState {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  progress: JobProgress;
  result: JobResult | null;
  /** English detail of a failure; `failure` carries its code for the words. */
  error: string | null;
  failure?: ErrorInfo | null;
}

export type ExportFormat = 'xlsx' | 'csv' | 'json';

export interface ExportRequest {
  years: number[];
  agency?: string;
  region?: string;
  format: ExportFormat;
  /** Folder to write into. */
  folder: string;
  /**
   * Several years are never added together: one workbook per year (default),
   * or one workbook per run of consecutive years with a sheet set per year.
   */
  layout?: ExportLayout;
  /** Include reports whose agency could not be read (left out by default). */
  includeUnidentified?: boolean;
}

export type ExportLayout = 'file_per_year' | 'sheets_per_year';

/** One series per field: values by year for one agency. */
export interface AgencySeries {
  agency: string;
  years: number[];
  series: { field: string; values: (number | null)[] }[];
}

/** One series per field: values by agency for one year. */
export interface YearComparison {
  year: number;
  agencies: string[];
  series: { field: string; values: (number | null)[] }[];
}

/** A copied_text flag's two passages side by side; `common`: [start, end) spans the other passage shares. */
export interface CopiedPassages {
  percent: number | null;
  a: { reportId: number; agency: string | null; year: number | null; section: number; text: string; common: [number, number][] };
  b: { reportId: number; agency: string | null; year: number | null; section: number; text: string; common: [number, number][] };
}
