// The archive: one SQLite file plus the folder of originals beside it. This
// is the repository API the CLI, the services (desktop, web) and export use.
//
//   const a = await openArchive(path, { create: true });
//   await a.importFolder(folder, { signal, onProgress });
//   a.listReports({ year: 2020 }); a.getReport(id); a.correct(id, field, 3, 'typo');
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { EXTRACTOR_VERSION } from '../extract/index.js';
import { importFolder as runImport, type ImportOptions, type JobContext } from '../jobs/import.js';
import { reextract as runReextract, type ReextractOptions } from '../jobs/reextract.js';
import * as accepts from './accepts.js';
import * as charts from './charts.js';
import * as agencies from './agencies.js';
import * as corrections from './corrections.js';
import { archiveErrorOf, openDatabase, SCHEMA_VERSION, worded, type DB } from './db.js';
import { alive, filesDirOf, storedPath, tempOwner } from './files.js';
import * as versions from './versions.js';
import { recoverInterrupted } from './runs.js';
import { copiedPassages, getQualitySettings, setAgencyKind, setQualitySettings } from '../quality/store.js';
import { neighbourIds, refreshDerived } from './derived.js';
import { carryReview } from './carry.js';
import type { AgencyKind, QualitySettings, SettingsPatch } from '../quality/types.js';
import { indexBacklog } from './search-index.js';
import * as q from './queries.js';
import { nextInQueue, queueCounts, queueRuns, type QueueScope } from './queue.js';
import { reportLog, type LogEntry } from './log.js';
import { lastYearCompare, type LastYearCompare } from './last-year.js';
import { archiveMessage, ArchiveError } from './types.js';
import type {
  AgencyInfo,
  ArchiveStats,
  CorrectionEntry,
  ImportResult,
  MetaPatch,
  OpenOptions,
  ReextractResult,
  ReportDetail,
  ReportFilter,
  ReportPage,
  ReportStatus,
  ReportTextInfo,
  SearchHit,
} from './types.js';
import type { Region } from './region.js';

export * from './types.js';
export { SCHEMA_VERSION } from './db.js';
export { inferRegion } from './region.js';
export type { QueueCounts, QueueKind, QueueRun, QueueScope } from './queue.js';
export { queueFilter } from './queue.js';
export type { LogEntry } from './log.js';
export type { LastYearCell, LastYearCompare } from './last-year.js';
export type { ChartAgency, ChartsOverview, RegionFilter, RegionRow, TopRow, YearCoverage, YearQuality, YearTotals } from './chart-types.js';

export class Archive {
  readonly filesDir: string;
  private busy: string | null = null;
  /** Why nothing may be written: opened read-only, or the disk filled up (then it stays read-only until reopened). */
  private lockedBy: 'opened' | 'full' | null;

  constructor(
    readonly path: string,
    readonly db: DB,
    private readonly workers: number,
    readonly_ = false,
  ) {
    this.filesDir = filesDirOf(path);
    this.lockedBy = readonly_ ? 'opened' : null;
  }

  /** True when opened read-only or after a full disk. */
  get readonly(): boolean {
    return this.lockedBy !== null;
  }

  /** Why the archive is read-only, worded; null when it is writable. */
  get readonlyReason(): string | null {
    return this.lockedBy === 'full' ? archiveMessage('full') : this.lockedBy === 'opened' ? archiveMessage('read_only') : null;
  }

  private refuseWrites(): void {
    if (this.lockedBy === 'full') throw new ArchiveError('full', archiveMessage('full'));
    if (this.lockedBy) throw new ArchiveError('read_only', archiveMessage('read_only'));
  }

  /** Busy and full errors in their words; a full disk makes the archive read-only (nothing half-written: the transaction rolled back). */
  private failed(e: unknown): unknown {
    const w = archiveErrorOf(e);
    if (w instanceof ArchiveError && w.code === 'full') this.lockedBy = 'full';
    return w;
  }

  private ctx(): JobContext {
    return { db: this.db, cfg: { dbPath: this.path, filesDir: this.filesDir }, workers: this.workers, extractorVersion: EXTRACTOR_VERSION };
  }

  /** One write transaction, BEGIN IMMEDIATE: the write lock is taken first, so another process's lock is waited for (busy_timeout) instead of failing. */
  private write<T>(fn: () => T): T {
    this.refuseWrites();
    try {
      return this.db.transaction(fn).immediate();
    } catch (e) {
      throw this.failed(e);
    }
  }

  private async job<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.refuseWrites();
    if (this.busy) throw new ArchiveError('busy', `an ${this.busy} is already running on this archive`);
    this.busy = name;
    try {
      return await fn();
    } catch (e) {
      throw this.failed(e);
    } finally {
      this.busy = null;
    }
  }

  /** The job running on this archive in this process (import, re-extraction), or null. */
  get runningJob(): string | null {
    return this.busy;
  }

  // ---- jobs
  /** Import a folder; `retry`: read again files that crashed an earlier import. */
  importFolder(folder: string, opts: ImportOptions = {}): Promise<ImportResult> {
    return this.job('import', async () => {
      const r = await runImport(this.ctx(), folder, opts);
      if (r.imported > 0) {
        try {
          this.db.pragma('optimize=0x10002'); // analyse the grown tables for the query planner
        } catch {
          // statistics only: another process holding the lock does not fail the import
        }
      }
      return r;
    });
  }
  /** Re-extract reports from their archived originals: `all`, given `ids`, or (default) those from an older extractor. */
  reextract(opts: ReextractOptions = {}): Promise<ReextractResult> {
    return this.job('re-extraction', () => runReextract(this.ctx(), opts));
  }

  // ---- reading
  listReports(filter: ReportFilter = {}): ReportPage {
    return q.listReports(this.db, filter);
  }
  getReport(id: number): ReportDetail {
    return q.getReport(this.db, this.filesDir, id);
  }
  reportText(id: number): ReportTextInfo {
    return q.reportText(this.db, id);
  }
  /** The archived copy of the report's original (opens even if the source folder is gone). */
  originalPath(id: number): string {
    return storedPath(this.filesDir, q.reportRow(this.db, id).sha256);
  }
  /** Review state of the given reports (unknown ids are left out). */
  reportStates(ids: number[]): { id: number; status: ReportStatus; openFlags: number }[] {
    return q.reportStates(this.db, ids);
  }
  search(text: string, limit = 50): SearchHit[] {
    return q.search(this.db, text, limit);
  }
  agencies(): AgencyInfo[] {
    return agencies.listAgencies(this.db);
  }
  /** Corrections and flag acceptances, oldest first. */
  history(id: number, field?: string): CorrectionEntry[] {
    const h = corrections.history(this.db, id, field);
    const acc = accepts.acceptHistory(this.db, id, field);
    return acc.length ? [...h, ...acc].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0)) : h;
  }
  /** The review queue: counts of each kind of work, the import runs, and with `after` the report to review next. */
  queue(
    scope: QueueScope,
    after?: number | null,
  ): { counts: ReturnType<typeof queueCounts>; runs: ReturnType<typeof queueRuns>; next: ReturnType<typeof nextInQueue> | null } {
    return { counts: queueCounts(this.db, scope), runs: queueRuns(this.db), next: after === undefined ? null : nextInQueue(this.db, scope, after) };
  }
  /** 修改记录: every correction, acceptance, verification, version switch, removal and restore of the report's agency+year, oldest first. */
  log(id: number): LogEntry[] {
    return reportLog(this.db, id);
  }
  /** The same agency's report of the year before, cell by cell. */
  lastYear(id: number): LastYearCompare {
    return lastYearCompare(this.db, id);
  }
  /** The reviewer name recorded on corrections, acceptances and verifications (set once per archive). */
  reviewer(): string | null {
    return (this.db.prepare("SELECT value FROM settings WHERE key = 'reviewer'").get() as { value: string } | undefined)?.value ?? null;
  }
  setReviewer(name: string | null): void {
    const n = name?.trim() ?? '';
    if (n.length > 100) throw new ArchiveError('invalid', 'the reviewer name is longer than 100 characters', { field: 'name', expect: 'text', max: 100 });
    this.write(() => {
      if (n) this.db.prepare("INSERT INTO settings (key, value) VALUES ('reviewer', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(n);
      else this.db.prepare("DELETE FROM settings WHERE key = 'reviewer'").run();
    });
  }
  stats(): ArchiveStats {
    return q.stats(this.db, this.path, SCHEMA_VERSION);
  }
  /** The chart page's figures, aggregated in SQL (archive/charts.ts). */
  chartsOverview(region: charts.RegionFilter = {}): charts.ChartsOverview {
    return charts.chartsOverview(this.db, region);
  }
  chartsAgencies(): charts.ChartAgency[] {
    return charts.chartAgencies(this.db);
  }
  chartsRegions(year: number): charts.RegionRow[] {
    return charts.regionRows(this.db, year);
  }
  chartsTop(year: number, field: string, n: number, region: charts.RegionFilter = {}): charts.TopRow[] {
    return charts.topAgencies(this.db, year, field, n, region);
  }
  chartsAgency(agency: string, fields: string[]): ReturnType<typeof charts.agencyTrend> {
    return charts.agencyTrend(this.db, agency, fields);
  }

  // ---- changes (each one transaction; rules re-checked)
  correct(id: number, field: string, value: number | null, note: string | null = null): ReportDetail {
    this.write(() => (corrections.correct(this.db, id, field, value, note), refreshDerived(this.db, [id])));
    return this.getReport(id);
  }
  undo(id: number): CorrectionEntry | null {
    return this.write(() => {
      const e = corrections.undo(this.db, id);
      refreshDerived(this.db, [id]);
      return e;
    });
  }
  redo(id: number): CorrectionEntry | null {
    return this.write(() => {
      const e = corrections.redo(this.db, id);
      refreshDerived(this.db, [id]);
      return e;
    });
  }
  verify(id: number, verified = true, note: string | null = null): ReportDetail {
    this.write(() => corrections.verify(this.db, id, verified, note));
    return this.getReport(id);
  }
  /** Accept one flag as in the original (原文如此), with a note; it no longer counts as open. */
  acceptFlag(id: number, flagId: number, note: string | null = null): ReportDetail {
    this.write(() => accepts.acceptFlag(this.db, id, flagId, note));
    return this.getReport(id);
  }
  /** Revoke a flag's acceptance; the flag is open again. */
  unacceptFlag(id: number, flagId: number, note: string | null = null): ReportDetail {
    this.write(() => accepts.unacceptFlag(this.db, id, flagId, note));
    return this.getReport(id);
  }
  setMeta(id: number, patch: MetaPatch, note: string | null = null): ReportDetail {
    return this.setMetaLanding(id, patch, note).report;
  }
  /** Change agency/year/template; `landing` says what happened on the agency+year it moved to (null: it stayed). */
  setMetaLanding(id: number, patch: MetaPatch, note: string | null = null): { report: ReportDetail; landing: corrections.Landing } {
    const landing = this.write(() => {
      // the reports it was compared with under its old agency and year too
      const old = neighbourIds(this.db, id);
      const l = corrections.setMeta(this.db, id, patch, note);
      refreshDerived(this.db, [id, ...old], { moved: true });
      return l;
    });
    return { report: this.getReport(id), landing };
  }

  // ---- quality checks (质量问题)
  /** Re-run the quality checks: on `ids`, or on every report (an archive made before the checks, or after a settings change). */
  recheckQuality(ids?: number[]): number {
    return this.write(() => {
      const list = ids ?? (this.db.prepare('SELECT id FROM reports ORDER BY id').all() as { id: number }[]).map((r) => r.id);
      return refreshDerived(this.db, list);
    });
  }
  qualitySettings(): QualitySettings {
    return getQualitySettings(this.db);
  }
  /** Change the settings (threshold, deadlines); every report is re-checked. */
  setQualitySettings(patch: SettingsPatch): QualitySettings {
    const s = this.write(() => setQualitySettings(this.db, patch));
    this.recheckQuality();
    return s;
  }
  /** The kind of an agency deciding its deadline (department 1月31日, government 3月31日 …); null: read from its name. */
  setAgencyKind(agency: string | number, kind: AgencyKind | null): number {
    return this.write(() => setAgencyKind(this.db, agencies.findAgency(this.db, agency).id, kind));
  }
  /** A copied_text flag's two passages side by side, with their common parts as spans. */
  copiedPassages(id: number, flagId: number): ReturnType<typeof copiedPassages> {
    return copiedPassages(this.db, id, flagId);
  }
  /** Merge agency `from` into `into` (names or ids); `from`'s name stays as an alias. Reports landing on an occupied year become versions there. */
  mergeAgencies(from: string | number, into: string | number): agencies.MergeResult {
    return this.write(() => {
      const m = agencies.mergeAgencies(this.db, from, into);
      // Every report of the merged agency: its years now sit beside the other's (quality, cross-year), versions may have changed.
      const ids = (this.db.prepare('SELECT id FROM reports WHERE agency_id = ?').all(m.intoId) as { id: number }[]).map((r) => r.id);
      refreshDerived(this.db, ids, { moved: true });
      return m;
    });
  }
  setAgencyRegion(agency: string | number, region: Partial<Region>): void {
    this.write(() => agencies.setAgencyRegion(this.db, agency, region));
  }
  /** Rename; the old name stays an alias; another agency's name is refused (merge instead). */
  renameAgency(agency: string | number, name: string): { id: number; name: string; previous: string } {
    return this.write(() => agencies.renameAgency(this.db, agency, name));
  }

  // ---- versions and the trash (versions.ts)
  /** Every version (with its sources) of the report `id` belongs to. */
  versions(id: number): versions.VersionEntry[] {
    return versions.listVersions(this.db, id);
  }
  compareVersion(id: number, versionId: number): versions.VersionCompare {
    return versions.compareVersions(this.db, id, versionId);
  }
  /** Switch the active version (carrying corrections over where the corrected reading is unchanged). */
  useVersion(
    id: number,
    versionId: number,
    note: string | null = null,
  ): { report: ReportDetail; carried: string[]; flagged: string[]; acceptances: string[]; verified: boolean } {
    const r = this.write(() => {
      const u = versions.useVersion(this.db, id, versionId, note);
      // Checks first (the new version's quality and cross-year flags), then the review work that still holds on them.
      refreshDerived(this.db, neighbourIds(this.db, u.activeId), { moved: true });
      return { ...u, review: carryReview(this.db, u.fromId, u.activeId) };
    });
    return { report: this.getReport(r.activeId), carried: r.carried, flagged: r.flagged, acceptances: r.review.accepted, verified: r.review.verified };
  }
  /** Keep the active version; pending versions stop asking. */
  keepVersion(id: number, note: string | null = null): ReportDetail {
    return this.getReport(
      this.write(() => {
        const activeId = versions.keepVersion(this.db, id, note);
        refreshDerived(this.db, neighbourIds(this.db, activeId), { moved: true });
        return activeId;
      }),
    );
  }
  /** Take one cell from another version into the active one (a logged correction). */
  takeCell(id: number, versionId: number, field: string): ReportDetail {
    const activeId = this.write(() => {
      const c = versions.cellFromVersion(this.db, id, versionId, field);
      corrections.correct(this.db, c.activeId, field, c.value, c.note);
      refreshDerived(this.db, [c.activeId]);
      return c.activeId;
    });
    return this.getReport(activeId);
  }
  /** Move a report (all its versions) to the trash (回收站); `notReport`: 标记为非年报. Files and logs stay. */
  remove(id: number, reason: string | null = null, notReport = false): { removed: number } {
    return {
      removed: this.write(() => {
        const n = versions.removeReport(this.db, id, reason, notReport ? 'not_report' : 'removed');
        refreshDerived(this.db, neighbourIds(this.db, id), { moved: true });
        return n;
      }),
    };
  }
  /** Bring a report back from the trash; returns it. */
  restore(id: number): ReportDetail {
    return this.getReport(
      this.write(() => {
        const activeId = versions.restoreReport(this.db, id);
        refreshDerived(this.db, neighbourIds(this.db, activeId), { moved: true });
        return activeId;
      }),
    );
  }
  trash(): versions.TrashEntry[] {
    return versions.listTrash(this.db);
  }

  /** A consistent copy: SQLite online backup of the database plus the originals folder. */
  async backup(outFile: string): Promise<{ path: string; bytes: number; files: number }> {
    const out = resolve(outFile);
    if (out === resolve(this.path)) throw new ArchiveError('invalid', 'the backup cannot overwrite the archive itself', { problem: 'backup_self' });
    if (existsSync(out)) throw new ArchiveError('invalid', `${out} already exists; choose a new file name`, { problem: 'backup_exists', path: out });
    mkdirSync(dirname(out), { recursive: true });
    await this.db.backup(out);
    let files = 0;
    if (existsSync(this.filesDir)) {
      // Originals are immutable and named by content: copying after the database is safe (a file added meanwhile is just extra).
      cpSync(this.filesDir, filesDirOf(out), { recursive: true, filter: (src) => !src.includes(`${filesDirOf(this.path)}/tmp`) });
      for (const d of readdirSync(filesDirOf(out))) if (d !== 'tmp') files += readdirSync(`${filesDirOf(out)}/${d}`).length;
    }
    return { path: out, bytes: statSync(out).size, files };
  }

  integrityCheck(): string {
    return (this.db.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  }

  close(): void {
    if (this.db.open) {
      if (!this.readonly) {
        try {
          // Keeps the planner's statistics current (SQLite's advice: run before closing).
          this.db.pragma('optimize');
          this.db.pragma('wal_checkpoint(PASSIVE)'); // never waits for another process (the last connection to close removes the WAL)
        } catch {
          // housekeeping only: a busy archive (another process) or a full disk must not fail the close
        }
      }
      this.db.close();
    }
  }
}

/** Temporary copies left by processes that no longer run; a live process's copies are its own (it may be renaming them right now). */
export function removeDeadTemp(filesDir: string): number {
  const dir = `${filesDir}/tmp`;
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const f of readdirSync(dir)) {
    const pid = tempOwner(f);
    if (pid !== null && (pid === process.pid || alive(pid))) continue;
    rmSync(`${dir}/${f}`, { recursive: true, force: true });
    n++;
  }
  return n;
}

/** Open (or with `create`, make) an archive. Refuses, without modifying it, an archive this version cannot handle. */
export async function openArchive(path: string, opts: OpenOptions = {}): Promise<Archive> {
  const p = resolve(path);
  const db = openDatabase(p, opts);
  const a = new Archive(p, db, opts.workers ?? Math.max(1, availableParallelism()), !!opts.readonly);
  if (!opts.readonly) {
    try {
      mkdirSync(a.filesDir, { recursive: true });
      // Temp copies of a crashed import (only dead processes'); the copies that made it are named by content and reused.
      removeDeadTemp(a.filesDir);
      worded(() => recoverInterrupted(db, alive));
    } catch (e) {
      db.close();
      throw archiveErrorOf(e);
    }
    try {
      indexBacklog(db); // what a killed import left unindexed
    } catch (e) {
      // Another process is writing (its import indexes as it goes) or the disk is full: searches find the backlog by LIKE meanwhile.
      const w = archiveErrorOf(e);
      if (!(w instanceof ArchiveError)) {
        db.close();
        throw e;
      }
    }
  }
  return a;
}
