// The services: the one implementation of the contract's handler map, over
// the core only (archive, export, catalogue). The Electron IPC, the web
// bridge, the CLI and the tests all call this; none of them adds logic.
import { suggestMerges } from '../core/archive/agency-clusters.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { archiveMessage, ArchiveError } from '../core/archive/types.js';
import { openableCopy } from './files.js';
import type { Args, ArchiveInfo, EventMessage, HandlerName, Result } from '../contract/index.js';
import { CodedError } from '../core/wording/errors.js';
import { logCsv } from '../core/wording/log.js';
import { readDocument } from '../core/read/index.js';
import { queueFilter } from '../contract/models.js';
import { JobRunner } from './jobs.js';
import { agencySeries, facets, libraryGrid, yearComparison } from './library.js';
import type { ArchivePort, OpenArchive, Progress } from './port.js';
import type { Host, Services } from './types.js';

export type { Host, Services };

export interface ServiceOptions {
  openArchive: OpenArchive;
  /** Archive to open at start (created if absent). */
  archivePath?: string | null;
  host?: Host;
  /** Folder of the sample reports shipped with the app. */
  samplesDir?: string | null;
  version?: string;
  bridge: 'electron' | 'web' | 'cli';
}

/** Originals larger than this are not sent to the page viewer (they open in their own program). */
const MAX_VIEWED_ORIGINAL = 100 * 1024 * 1024;

/** Formats whose readers build real table grids (shown as grids in the viewer). */
const GRID_FORMATS: ReadonlySet<string> = new Set(['docx', 'html', 'xlsx', 'xls', 'et', 'csv']);

/** Media type by the first bytes (the page viewer shows PDFs and the images a browser can draw). */
export function mediaType(b: Uint8Array): string {
  const head = (n: number) => Buffer.from(b.subarray(0, n)).toString('latin1');
  if (head(1024).includes('%PDF-')) return 'application/pdf';
  if (b[0] === 0x89 && head(4).slice(1) === 'PNG') return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (head(4) === 'II*\0' || head(4) === 'MM\0*') return 'image/tiff';
  return 'application/octet-stream';
}

type Impl = { [K in HandlerName]: (args: Args<K>) => Promise<Result<K>> | Result<K> };

/**
 * A new archive asked for by the page: named *.nianbao, in a folder that
 * exists (no folders made), and not over an existing file that is not an archive.
 */
const EXT = { ext: '.nianbao' };
export function newArchivePath(path: string): string {
  const p = resolve(path);
  if (!p.toLowerCase().endsWith('.nianbao'))
    throw new ArchiveError('bad_archive_name', archiveMessage('bad_archive_name', `${p} does not end in .nianbao`, EXT), EXT);
  let dir;
  try {
    dir = statSync(dirname(p));
  } catch {
    dir = null;
  }
  if (!dir?.isDirectory()) throw new ArchiveError('bad_archive_name', archiveMessage('bad_archive_name', `no folder ${dirname(p)}`, EXT), EXT);
  if (existsSync(p) && !statSync(p).isFile()) throw new ArchiveError('bad_archive_name', archiveMessage('bad_archive_name', `${p} is a folder`, EXT), EXT);
  return p;
}

export class NoArchiveError extends CodedError {
  constructor() {
    super('no_archive', 'no archive is open');
  }
}

export async function createServices(opts: ServiceOptions): Promise<Services & { jobs: JobRunner; archive(): ArchivePort | null }> {
  const listeners = new Set<(e: EventMessage) => void>();
  const emit = (e: EventMessage) => {
    for (const l of listeners) {
      try {
        l(e);
      } catch {
        // a broken listener must not stop the others
      }
    }
  };
  const jobs = new JobRunner(emit);
  const host = opts.host ?? {};
  // Folders the user picked in a native dialog this session: in the desktop app, the only folders an export may write to.
  const chosenFolders = new Set<string>();
  let archive: ArchivePort | null = null;
  // The grids of the last few originals viewed, by report and content (an original read again only when it changed):
  // going back and forth between cells and reports does not re-parse a Word file each time.
  const gridCache = new Map<string, Result<'reports.grids'>['grids']>();

  const need = (): ArchivePort => {
    if (!archive) throw new NoArchiveError();
    return archive;
  };
  const charts = () => {
    const c = need().charts;
    if (!c) throw new CodedError('internal', 'this archive has no chart queries');
    return c;
  };
  const open = async (path: string, create: boolean): Promise<ArchiveInfo> => {
    // The open archive's jobs write to it: switching would close the database under them.
    if (jobs.running()) throw new ArchiveError('busy', archiveMessage('busy', 'a job is running; let it finish or cancel it before opening another archive'));
    const next = await opts.openArchive(resolve(path), create);
    const prev = archive;
    archive = next;
    prev?.close();
    host.archiveOpened?.(next.path);
    const info = next.info();
    emit({ name: 'archive.changed', payload: { info } });
    return info;
  };
  const progress = (ctx: { signal: AbortSignal; progress(d: number, t: number, c?: string | null): void }): Progress => ({
    signal: ctx.signal,
    onProgress: (d, t, c) => ctx.progress(d, t, c),
  });
  const samplesAvailable = () => {
    const dir = opts.samplesDir;
    return !!dir && existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith('.') && !f.endsWith('.md'));
  };
  const startImport = (folder: string, retry = false) => {
    const a = need();
    return { jobId: jobs.start('import', (ctx) => a.importFolder(folder, progress(ctx), retry)) };
  };
  /** An agency by name, alias or id, as listed. */
  const agencyNamed = (nameOrId: string) => {
    const n = nameOrId.trim();
    const g = need()
      .agencies()
      .find((x) => x.name === n || x.aliases.includes(n) || String(x.id) === n);
    if (!g) throw new CodedError('not_found', `no agency "${n}"`, { problem: 'no_agency', name: n });
    return g;
  };

  const impl: Impl = {
    'app.info': () => ({
      version: opts.version ?? '0.0.0',
      bridge: opts.bridge,
      nativeDialogs: !!host.chooseFolder,
      archive: archive?.info() ?? null,
      samples: samplesAvailable(),
    }),
    'archive.open': ({ path, create }) => open(create ? newArchivePath(path) : path, create ?? false),
    'archive.info': () => archive?.info() ?? null,
    'archive.choose': async ({ create }) => {
      const path = await host.chooseArchive?.(create);
      return path ? open(create ? newArchivePath(path) : path, create) : null;
    },
    'archive.backup': ({ path }) => need().backup(resolve(path)),
    'library.grid': (a) => libraryGrid(need(), a),
    'library.facets': () => facets(need()),
    'reports.list': (f) => need().list(f),
    'reports.get': ({ id }) => need().get(id),
    'reports.text': ({ id }) => need().text(id),
    'reports.verify': ({ id, verified, note }) => {
      return need().verify(id, verified, note?.trim() || null);
    },
    'reports.setMeta': ({ id, note, ...patch }) => {
      const { report, landing } = need().setMeta(id, patch, note?.trim() || null);
      return { ...report, landing };
    },
    'reports.versions': ({ id }) => need().versions(id),
    'reports.compare': ({ id, versionId }) => need().compare(id, versionId),
    'reports.useVersion': ({ id, versionId, note }) => need().useVersion(id, versionId, note?.trim() || null),
    'reports.keepVersion': ({ id, note }) => need().keepVersion(id, note?.trim() || null),
    'reports.takeCell': ({ id, versionId, field }) => need().takeCell(id, versionId, field),
    'reports.remove': ({ id, reason, notReport }) => {
      const r = need().remove(id, reason?.trim() || null, !!notReport);
      emit({ name: 'archive.changed', payload: { info: need().info() } });
      return r;
    },
    'reports.restore': ({ id }) => {
      const r = need().restore(id);
      emit({ name: 'archive.changed', payload: { info: need().info() } });
      return r;
    },
    'reports.trash': () => need().trash(),
    'reports.openOriginal': async ({ id }) => {
      const a = need();
      const stored = a.originalPath(id); // checked: a sha256 inside the archive's files folder
      if (!stored) throw new CodedError('no_original', 'the original file of this report is not known');
      if (!host.openPath) return { opened: false, path: stored };
      // A temporary copy named with the detected format's extension: opened by the right program, never run in place.
      const d = a.get(id);
      const copy = openableCopy(stored, id, d.source?.name || d.file, d.source?.format ?? d.format);
      return { opened: await host.openPath(copy), path: copy };
    },
    'reports.original': async ({ id }) => {
      const o = await need().original(id, MAX_VIEWED_ORIGINAL);
      return { id, name: o.name, format: o.format, mime: mediaType(o.bytes), size: o.bytes.length, data: Buffer.from(o.bytes).toString('base64') };
    },
    'reports.grids': async ({ id }) => {
      const o = await need().original(id, MAX_VIEWED_ORIGINAL);
      if (!o.format || !GRID_FORMATS.has(o.format)) return { id, format: o.format, grids: [] };
      const key = `${id}:${createHash('sha1').update(o.bytes).digest('hex')}`;
      let grids = gridCache.get(key);
      if (!grids) {
        // The same reader the import used: its text is the report's stored text, so the offsets match the cells'.
        const doc = await readDocument(o.bytes, o.name);
        grids = doc.grids.map((g) => ({
          rows: g.rows.map((r) =>
            r.map((c) => ({ text: c.text, start: c.start, end: c.end, rowSpan: c.rowSpan, colSpan: c.colSpan, ...(c.covered ? { covered: true } : {}) })),
          ),
        }));
        if (gridCache.size >= 8) gridCache.delete(gridCache.keys().next().value!);
      }
      gridCache.delete(key);
      gridCache.set(key, grids); // most recent last
      return { id, format: o.format, grids };
    },
    'review.reviewer': () => ({ name: need().reviewer() }),
    'review.setReviewer': ({ name }) => {
      need().setReviewer(name);
      return { name: need().reviewer() };
    },
    'reports.nextToReview': ({ after, ids }) => {
      const states = new Map(
        need()
          .states(ids)
          .map((s) => [s.id, s]),
      );
      const todo = (x: number) => x !== after && !!states.get(x) && states.get(x)!.status !== 'verified';
      const at = ids.indexOf(after);
      const order = at >= 0 ? [...ids.slice(at + 1), ...ids.slice(0, at)] : ids;
      return { id: order.find(todo) ?? null, remaining: ids.filter(todo).length };
    },
    'review.queue': ({ after, ...scope }) => ({ ...need().queue(scope, after), filter: queueFilter(scope) }),
    'reports.log': ({ id }) => need().log(id),
    'reports.logCsv': ({ id, lang }) => {
      const a = need();
      const d = a.get(id);
      const name = `修改记录-${d.agency ?? '未识别机关'}-${d.year ?? '年度不明'}-${id}.csv`.replace(/[\\/:*?"<>|\s]+/g, '_');
      return { name, csv: logCsv(a.log(id), lang ?? 'zh') };
    },
    'reports.lastYear': ({ id }) => need().lastYear(id),
    'cells.correct': ({ id, field, value, note }) => {
      return need().correct(id, field, value, note?.trim() ? note.trim() : null);
    },
    'cells.undo': ({ id }) => {
      need().undo(id);
      return need().get(id);
    },
    'cells.redo': ({ id }) => {
      need().redo(id);
      return need().get(id);
    },
    'cells.history': ({ id, field }) => need().history(id, field),
    'flags.accept': ({ id, flagId, note }) => {
      return need().acceptFlag(id, flagId, note?.trim() ? note.trim() : null);
    },
    'flags.unaccept': ({ id, flagId }) => {
      return need().unacceptFlag(id, flagId);
    },
    'flags.passages': ({ id, flagId }) => need().copiedPassages(id, flagId),
    search: ({ text, limit }) => need().search(text, limit ?? 100),
    'agencies.list': () => need().agencies(),
    'agencies.suggestMerges': () => suggestMerges(need().agencies()),
    'agencies.merge': ({ from, into }) => {
      const m = need().mergeAgencies(from, into);
      // Counts change (two agencies' reports for one year become versions of one).
      emit({ name: 'archive.changed', payload: { info: need().info() } });
      return m;
    },
    'quality.settings': ({ copiedThreshold, deadlines, recheck }) => {
      const patch =
        copiedThreshold !== undefined || (deadlines && Object.keys(deadlines).length)
          ? { ...(copiedThreshold !== undefined ? { copiedThreshold } : {}), ...(deadlines ? { deadlines } : {}) }
          : null;
      return need().qualitySettings(patch, !!recheck);
    },
    'agencies.setKind': ({ agency, kind }) => ({ rechecked: need().setAgencyKind(agency, kind) }),
    'agencies.rename': ({ agency, name }) => {
      need().renameAgency(agency, name);
      return agencyNamed(name);
    },
    'agencies.setRegion': ({ agency, ...region }) => {
      need().setAgencyRegion(agency, region);
      return agencyNamed(agency);
    },
    'import.start': ({ folder, retry }) => startImport(resolve(folder), !!retry),
    'import.chooseFolder': async () => ({ path: (await host.chooseFolder?.('import')) ?? null }),
    'samples.import': () => {
      if (!samplesAvailable()) throw new CodedError('no_samples', 'no sample reports are bundled with this build');
      return startImport(opts.samplesDir!);
    },
    'reextract.start': ({ ids, all }) => {
      const a = need();
      return { jobId: jobs.start('reextract', (ctx) => a.reextract(ids, progress(ctx), all)) };
    },
    'export.start': (req) => {
      const a = need();
      const folder = resolve(req.folder);
      // In the desktop app the page names only a folder the user picked in the dialog, never one of its own.
      if (opts.bridge === 'electron' && !chosenFolders.has(folder))
        throw new CodedError('choose_folder', 'choose the export folder with the folder dialog first');
      const jobId = jobs.start('export', async (ctx) => {
        const { files, reports } = await a.exportFiles({ ...req, folder }, progress(ctx));
        return { kind: 'export', files, folder: files[0] ? dirname(files[0]) : folder, reports };
      });
      return { jobId };
    },
    'export.chooseFolder': async () => {
      const path = (await host.chooseFolder?.('export')) ?? null;
      if (path) chosenFolders.add(resolve(path));
      return { path };
    },
    'export.openFolder': async ({ jobId }) => {
      // Only a file this session's export actually wrote, shown selected in its folder; never a path from the renderer.
      const s = jobs.get(jobId);
      if (!s || s.kind !== 'export') throw new CodedError('unknown_job', 'unknown export job');
      const file = s.status === 'done' && s.result?.kind === 'export' ? s.result.files[0] : undefined;
      if (!file || !existsSync(file)) throw new CodedError('no_export_file', 'this export wrote no file; there is no folder to show');
      return { opened: host.showItemInFolder ? await host.showItemInFolder(file) : false, path: dirname(file) };
    },
    'jobs.get': ({ jobId }) => {
      const s = jobs.get(jobId);
      if (!s) throw new CodedError('unknown_job', `unknown job ${jobId}`);
      return s;
    },
    'jobs.cancel': ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'charts.agencyYears': ({ agency, fields }) => {
      const c = need().charts;
      return c ? { agency, ...c.agency(agency, fields) } : agencySeries(need(), agency, fields);
    },
    'charts.overview': (region) => charts().overview(region),
    'charts.regions': ({ year }) => charts().regions(year),
    'charts.top': ({ year, field, n, ...region }) => charts().top(year, field, n, region),
    'charts.agencies': () => charts().agencies(),
    'charts.yearAgencies': ({ year, fields, region }) => yearComparison(need(), year, fields, region),
  };

  if (opts.archivePath) await open(opts.archivePath, true);

  return {
    jobs,
    archive: () => archive,
    async call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
      const fn = impl[name] as (a: Args<K>) => Promise<Result<K>> | Result<K>;
      return fn(args);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
    async close() {
      await jobs.close();
      archive?.close();
      archive = null;
    },
  };
}
