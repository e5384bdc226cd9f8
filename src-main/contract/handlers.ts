// THE handler map: name → argument and result types. The services implement
// it, the Electron preload exposes one function per name, the web bridge
// serves one route per name and the renderer's client is generic over it, so
// a renamed or mistyped call fails to compile on every side.
import type { MergeSuggestion } from '../core/archive/agency-clusters.js';
import type { FieldId } from '../core/catalogue/types.js';
import type { QualitySettings } from '../core/quality/types.js';
import type {
  CopiedPassages,
  AgencyInfo,
  AgencySeries,
  AppInfo,
  ArchiveInfo,
  Correction,
  ExportRequest,
  ErrorInfo,
  ChartAgency,
  ChartsOverview,
  RegionFilter,
  RegionRow,
  TopRow,
  Facets,
  JobProgress,
  JobKind,
  JobResult,
  JobState,
  OriginalFile,
  OriginalGrids,
  LibraryGrid,
  ReportDetail,
  ReportFilter,
  ReportPage,
  ReportStatus,
  ReportText,
  SearchHit,
  TemplateId,
  YearComparison,
  VersionInfo,
  VersionCompare,
  TrashEntry,
  MergeResult,
  Landing,
  LastYearCompare,
  LogEntry,
  QueueCounts,
  QueueRun,
  QueueScope,
  QueueFilter,
} from './models.js';

type Empty = Record<string, never>;
/** The library filters that make sense for the agency × year grid (no paging, no text). */
export type GridFilter = Omit<
  ReportFilter,
  'offset' | 'limit' | 'text' | 'desc' | 'allVersions' | 'needsCompare' | 'unidentified' | 'sort' | 'runId' | 'flagKinds' | 'unverified'
>;
interface JobStarted {
  jobId: string;
}

export interface Handlers {
  'app.info': { args: Empty; result: AppInfo };
  'archive.open': { args: { path: string; create?: boolean }; result: ArchiveInfo };
  'archive.info': { args: Empty; result: ArchiveInfo | null };
  'archive.backup': { args: { path: string }; result: { path: string; bytes: number; files: number } };
  'archive.choose': { args: { create: boolean }; result: ArchiveInfo | null };
  'library.grid': { args: GridFilter; result: LibraryGrid };
  'library.facets': { args: Empty; result: Facets };
  'reports.list': { args: ReportFilter; result: ReportPage };
  'reports.get': { args: { id: number }; result: ReportDetail };
  'reports.text': { args: { id: number }; result: ReportText };
  'reports.verify': { args: { id: number; verified: boolean; note?: string }; result: ReportDetail };
  /** `landing`: what happened where the report moved (a version of an occupied agency+year, 待比较 …); null when agency and year stayed. */
  'reports.setMeta': {
    /** publishedAt: YYYY-MM-DD set by hand ('' clears it). */
    args: { id: number; agency?: string; year?: number; template?: TemplateId; publishedAt?: string; note?: string };
    result: ReportDetail & { landing: Landing };
  };
  /** Every version of the report (its agency+year), each with its sources. */
  'reports.versions': { args: { id: number }; result: VersionInfo[] };
  /** The active version and `versionId` side by side, differing cells marked. */
  'reports.compare': { args: { id: number; versionId: number }; result: VersionCompare };
  /**
   * Make `versionId` the active version (kept until switched again); corrections carry over where the corrected reading is unchanged,
   * acceptances where the same flag holds on the same values (`acceptances`: their kinds), 已核实 where every value is the same (`verified`).
   */
  'reports.useVersion': {
    args: { id: number; versionId: number; note?: string };
    result: { report: ReportDetail; carried: string[]; flagged: string[]; acceptances: string[]; verified: boolean };
  };
  /** Keep the active version: waiting versions stop asking (待比较 cleared). */
  'reports.keepVersion': { args: { id: number; note?: string }; result: ReportDetail };
  /** Take one cell's reading from another version into the active one (a logged correction). */
  'reports.takeCell': { args: { id: number; versionId: number; field: FieldId }; result: ReportDetail };
  /** Move a report (all its versions) to the trash (回收站); `notReport`: 标记为非年报. */
  'reports.remove': { args: { id: number; reason?: string; notReport?: boolean }; result: { removed: number } };
  'reports.restore': { args: { id: number }; result: ReportDetail };
  'reports.trash': { args: Empty; result: TrashEntry[] };
  'reports.openOriginal': { args: { id: number }; result: { opened: boolean; path: string } };
  /** The archived original's bytes (page viewer). */
  'reports.original': { args: { id: number }; result: OriginalFile };
  /** The original's table grids (docx/html/xlsx/xls/et/csv), for the viewer's grid view; none for other formats. */
  'reports.grids': { args: { id: number }; result: OriginalGrids };
  /** The reviewer name recorded on corrections, acceptances and verifications (set once, stored in the archive). */
  'review.reviewer': { args: Empty; result: { name: string | null } };
  'review.setReviewer': { args: { name: string }; result: { name: string | null } };
  /** The first report after `after` in `ids` (wrapping) that still needs review (not verified); `remaining` counts them. */
  'reports.nextToReview': { args: { after: number; ids: number[] }; result: { id: number | null; remaining: number } };
  /**
   * The review queue across reports (not yet verified; in one import run or all; all, flagged, 待比较, or with open flags of `kinds`):
   * the count of each, the import runs, the list filter it is (for reports.list), and with `after` the next report to review.
   */
  'review.queue': {
    args: QueueScope & { after?: number };
    result: { counts: QueueCounts; runs: QueueRun[]; filter: QueueFilter; next: { id: number | null; remaining: number } | null };
  };
  /** 修改记录: every correction, acceptance, verification, version switch, removal and restore of the report (all its versions), oldest first. */
  'reports.log': { args: { id: number }; result: LogEntry[] };
  /** The same as CSV (UTF-8 with a byte-order mark, for Excel), with a file name. */
  'reports.logCsv': { args: { id: number; lang?: 'zh' | 'en' }; result: { name: string; csv: string } };
  /** The same agency's report of the year before, cell by cell, differences marked. */
  'reports.lastYear': { args: { id: number }; result: LastYearCompare };
  'cells.correct': {
    args: { id: number; field: FieldId; value: number | null; note?: string };
    result: ReportDetail;
  };
  'cells.undo': { args: { id: number }; result: ReportDetail };
  'cells.redo': { args: { id: number }; result: ReportDetail };
  'cells.history': { args: { id: number; field?: string }; result: Correction[] };
  /** Accept one flag as in the original (原文如此); `flagId` from the report's current flags. */
  'flags.accept': { args: { id: number; flagId: number; note?: string }; result: ReportDetail };
  'flags.unaccept': { args: { id: number; flagId: number }; result: ReportDetail };
  /** A copied_text flag's two passages, common parts as spans. */
  'flags.passages': { args: { id: number; flagId: number }; result: CopiedPassages };
  search: { args: { text: string; limit?: number }; result: SearchHit[] };
  'agencies.list': { args: Empty; result: AgencyInfo[] };
  /** `landed`: the moved reports that met a year `into` already had, each now a version there (never hidden). */
  'agencies.merge': { args: { from: string; into: string }; result: MergeResult };
  /** Likely-same agencies (key collision on the canonical name without its region), for a one-click merge; merges nothing. */
  'agencies.suggestMerges': { args: Empty; result: MergeSuggestion[] };
  /** The old name stays an alias; another agency's name is refused (merge instead). */
  'agencies.rename': { args: { agency: string; name: string }; result: AgencyInfo };
  /** A level given as null is cleared; absent levels stay. */
  'agencies.setRegion': { args: { agency: string; province?: string | null; city?: string | null; county?: string | null }; result: AgencyInfo };
  /** The quality checks' settings; a patch changes them and re-checks every report, `recheck` re-checks without a change. */
  'quality.settings': {
    args: { copiedThreshold?: number; deadlines?: { department?: string; government?: string; township?: string }; recheck?: boolean };
    result: { settings: QualitySettings; rechecked: number | null };
  };
  /** An agency's kind for the publication deadline (null: read from its name again); returns reports re-checked. */
  'agencies.setKind': { args: { agency: string; kind: 'department' | 'government' | 'township' | null }; result: { rechecked: number } };
  /** `retry`: read again files that crashed an earlier import. */
  'import.start': { args: { folder: string; retry?: boolean }; result: JobStarted };
  'import.chooseFolder': { args: Empty; result: { path: string | null } };
  'samples.import': { args: Empty; result: JobStarted };
  'reextract.start': { args: { ids?: number[]; all?: boolean }; result: JobStarted };
  'export.start': { args: ExportRequest; result: JobStarted };
  'export.chooseFolder': { args: Empty; result: { path: string | null } };
  'export.openFolder': { args: { jobId: string }; result: { opened: boolean; path: string } };
  'jobs.get': { args: { jobId: string }; result: JobState };
  'jobs.cancel': { args: { jobId: string }; result: { cancelled: boolean } };
  'charts.agencyYears': { args: { agency: string; fields: FieldId[] }; result: AgencySeries };
  'charts.yearAgencies': { args: { year: number; fields: FieldId[]; region?: string }; result: YearComparison };
  /** Archive totals, coverage and review shares by year (SQL aggregates), in a region or all. */
  'charts.overview': { args: RegionFilter; result: ChartsOverview };
  /** Per province/city/county of one year, for the roll-up with drill-down. */
  'charts.regions': { args: { year: number }; result: RegionRow[] };
  /** The n largest agencies by one field in one year. */
  'charts.top': { args: { year: number; field: FieldId; n: number } & RegionFilter; result: TopRow[] };
  /** Agencies with reports, for the picker. */
  'charts.agencies': { args: Empty; result: ChartAgency[] };
}

export type HandlerName = keyof Handlers;
export type Args<K extends HandlerName> = Handlers[K]['args'];
export type Result<K extends HandlerName> = Handlers[K]['result'];

/** Menu commands the shell forwards to the renderer. */
export type MenuCommand = 'import' | 'export' | 'undo' | 'redo' | 'backup' | 'library' | 'charts' | 'about';

export interface Events {
  'job.progress': JobProgress;
  'job.done': { jobId: string; kind: JobKind; result: JobResult };
  'job.failed': { jobId: string; kind: JobKind; error: string; failure?: ErrorInfo; cancelled: boolean };
  'archive.changed': { info: ArchiveInfo | null };
  'menu.command': { command: MenuCommand };
}

export type EventName = keyof Events;

/** An event as it travels over a bridge: name + payload, discriminated. */
export type EventMessage = { [K in EventName]: { name: K; payload: Events[K] } }[EventName];

/** Every handler name, in one list, checked against the map both ways. */
const NAMES_RECORD: { [K in HandlerName]: true } = {
  'app.info': true,
  'archive.open': true,
  'archive.info': true,
  'archive.backup': true,
  'archive.choose': true,
  'library.grid': true,
  'library.facets': true,
  'reports.list': true,
  'reports.get': true,
  'reports.text': true,
  'reports.verify': true,
  'reports.setMeta': true,
  'reports.openOriginal': true,
  'reports.original': true,
  'reports.grids': true,
  'review.reviewer': true,
  'review.setReviewer': true,
  'reports.nextToReview': true,
  'review.queue': true,
  'reports.log': true,
  'reports.logCsv': true,
  'reports.lastYear': true,
  'cells.correct': true,
  'cells.undo': true,
  'cells.redo': true,
  'cells.history': true,
  'flags.accept': true,
  'flags.unaccept': true,
  'flags.passages': true,
  search: true,
  'agencies.list': true,
  'agencies.merge': true,
  'agencies.suggestMerges': true,
  'agencies.rename': true,
  'agencies.setKind': true,
  'quality.settings': true,
  'agencies.setRegion': true,
  'reports.versions': true,
  'reports.compare': true,
  'reports.useVersion': true,
  'reports.keepVersion': true,
  'reports.takeCell': true,
  'reports.remove': true,
  'reports.restore': true,
  'reports.trash': true,
  'import.start': true,
  'import.chooseFolder': true,
  'samples.import': true,
  'reextract.start': true,
  'export.start': true,
  'export.chooseFolder': true,
  'export.openFolder': true,
  'jobs.get': true,
  'jobs.cancel': true,
  'charts.agencyYears': true,
  'charts.yearAgencies': true,
  'charts.overview': true,
  'charts.regions': true,
  'charts.top': true,
  'charts.agencies': true,
};
export const HANDLER_NAMES = Object.keys(NAMES_RECORD) as HandlerName[];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(NAMES_RECORD, name);
}

export const MENU_COMMANDS: readonly MenuCommand[] = ['import', 'export', 'undo', 'redo', 'backup', 'library', 'charts', 'about'];

export type { ReportStatus };
