// The exporter's own input model. It is deliberately plain data, decoupled
// from the archive's API: `from-archive.ts` maps the archive onto it, tests and
// the benchmark build it directly. Field ids are the catalogue's.
import type { TemplateId } from '../catalogue/types.js';

export type Lang = 'zh' | 'en';

export interface ExportRegion {
  province: string | null;
  city: string | null;
  county: string | null;
}

/** One cell changed by an archivist (the value in `values` is already `new`). */
export interface ExportCorrection {
  old: number | null;
  new: number | null;
  note: string | null;
  /** ISO time of the correction. */
  at: string;
}

export type ExportFlagStatus = 'open' | 'accepted' | 'fixed';

export interface ExportFlag {
  /** A FlagKind from model.ts, `cross_year` (X1, X2) or a quality kind. */
  kind: string;
  /** Field ids, or row/table prefixes (`requests.granted`, `review`). */
  fields: string[];
  message: string;
  rule?: string;
  expected?: number;
  found?: number;
  /** open: unresolved · accepted: the original says so · fixed: resolved by a correction. */
  status: ExportFlagStatus;
  /** accepted: the archivist's note on this check. */
  note?: string;
  /** accepted by verifying the whole report, not on its own. */
  byReport?: boolean;
  /** 'quality': a finding about the report as published (质量问题); never accepted by verifying the report. */
  source?: string;
  /** Quality flags: the figures they are worded from (days late, percentage …); cross_year: the previous year. */
  detail?: Record<string, string | number | null>;
}

export interface ExportSource {
  fileName: string;
  sha256: string;
  format: string;
  /** ISO time of the import. */
  importedAt: string;
  extractorVersion: string;
}

export interface ExportReport {
  /** The archive's database id (internal; never shown as the report number). */
  id: number | string;
  /** Which version of this agency+year's report (1 = the first imported); the report number is agency-year-version. */
  version?: number;
  agency: string;
  region: ExportRegion;
  year: number;
  template: TemplateId;
  /** Archive status, e.g. `verified`; anything else is shown as not verified. */
  status: string;
  /** Values with corrections applied; null = the report states no number. */
  values: Record<string, number | null>;
  corrected: Record<string, ExportCorrection>;
  flags: ExportFlag[];
  source: ExportSource;
  /** The publication date (YYYY-MM-DD), stated by the report or set by hand. */
  publishedAt?: string | null;
  /** From an archive: its cross-year flags (X1, X2) are the stored ones, among `flags` (never computed again at export). */
  crossYearStored?: boolean;
}

export interface ExportMeta {
  archiveName: string;
  /** ISO time; also written into the workbook's properties. */
  generatedAt: string;
  lang: Lang;
}

/** What the workbook is about: sets the title and which extra checks run. */
export type ExportScope = { kind: 'year'; year: number } | { kind: 'years'; from: number; to: number } | { kind: 'agency'; agency: string };
