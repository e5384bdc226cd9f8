// What the services need from the archive and the exporter, in the
// contract's own shapes. adapter.ts maps the core's real Archive onto this,
// so a change in the core's API touches one file.
import type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow } from '../contract/index.js';
import type {
  AgencyInfo,
  CopiedPassages,
  ArchiveInfo,
  Correction,
  ExportRequest,
  ImportSummary,
  ReextractSummary,
  ReportDetail,
  ReportFilter,
  ReportPage,
  ReportText,
  SearchHit,
  TemplateId,
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
} from '../contract/index.js';
import type { FieldId } from '../core/catalogue/types.js';
import type { Region } from '../core/archive/region.js';
import type { AgencyKind, QualitySettings, SettingsPatch } from '../core/quality/types.js';

export interface Progress {
  signal: AbortSignal;
  onProgress(done: number, total: number, current: string | null): void;
}

export interface ArchivePort {
  readonly path: string;
  close(): void;
  info(): ArchiveInfo;
  list(filter: ReportFilter): ReportPage;
  get(id: number): ReportDetail;
  text(id: number): ReportText;
  originalPath(id: number): string | null;
  reviewer(): string | null;
  setReviewer(name: string): void;
  /** Review state of these reports (unknown ids left out). */
  states(ids: number[]): { id: number; status: ReportDetail['status']; openFlags: number }[];
  /** The archived original's bytes, name and format (the page viewer). */
  original(id: number, maxBytes: number): Promise<{ name: string; format: ReportDetail['format']; bytes: Uint8Array }>;
  /** The changes below answer with the report as it is after them (read once, inside the archive). */
  correct(id: number, field: FieldId, value: number | null, note: string | null): ReportDetail;
  undo(id: number): void;
  redo(id: number): void;
  history(id: number, field?: string): Correction[];
  /** The review queue's counts and runs; with `after`, the next report in it. */
  queue(scope: QueueScope, after?: number): { counts: QueueCounts; runs: QueueRun[]; next: { id: number | null; remaining: number } | null };
  /** 修改记录 of the report's agency+year. */
  log(id: number): LogEntry[];
  lastYear(id: number): LastYearCompare;
  acceptFlag(id: number, flagId: number, note: string | null): ReportDetail;
  unacceptFlag(id: number, flagId: number): ReportDetail;
  verify(id: number, verified: boolean, note?: string | null): ReportDetail;
  /** The report after the change, and what happened on the agency+year it moved to (landing null: it stayed). */
  setMeta(
    id: number,
    patch: { agency?: string; year?: number; template?: TemplateId; publishedAt?: string },
    note?: string | null,
  ): { report: ReportDetail; landing: Landing };
  versions(id: number): VersionInfo[];
  compare(id: number, versionId: number): VersionCompare;
  useVersion(
    id: number,
    versionId: number,
    note: string | null,
  ): { report: ReportDetail; carried: string[]; flagged: string[]; acceptances: string[]; verified: boolean };
  keepVersion(id: number, note: string | null): ReportDetail;
  takeCell(id: number, versionId: number, field: FieldId): ReportDetail;
  remove(id: number, reason: string | null, notReport: boolean): { removed: number };
  restore(id: number): ReportDetail;
  trash(): TrashEntry[];
  copiedPassages(id: number, flagId: number): CopiedPassages;
  qualitySettings(patch: SettingsPatch | null, recheck: boolean): { settings: QualitySettings; rechecked: number | null };
  setAgencyKind(agency: string, kind: AgencyKind | null): number;
  search(text: string, limit: number): SearchHit[];
  agencies(): AgencyInfo[];
  mergeAgencies(from: string, into: string): MergeResult;
  renameAgency(agency: string, name: string): void;
  setAgencyRegion(agency: string, region: Partial<Region>): void;
  importFolder(folder: string, p: Progress, retry?: boolean): Promise<ImportSummary>;
  reextract(ids: number[] | undefined, p: Progress, all?: boolean): Promise<ReextractSummary>;
  backup(path: string): Promise<{ path: string; bytes: number; files: number }>;
  /** Write the export files; returns their paths and how many reports they hold. */
  /** Chart figures aggregated in SQL (core/archive/charts.ts). */
  charts?: {
    overview(region: RegionFilter): ChartsOverview;
    regions(year: number): RegionRow[];
    top(year: number, field: string, n: number, region: RegionFilter): TopRow[];
    agencies(): ChartAgency[];
    agency(agency: string, fields: string[]): { years: number[]; series: { field: string; values: (number | null)[] }[] };
  };
  exportFiles(req: ExportRequest, p: Progress): Promise<{ files: string[]; reports: number }>;
}

export type OpenArchive = (path: string, create: boolean) => Promise<ArchivePort>;
