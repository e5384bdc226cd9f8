// The services over a small in-memory ArchivePort: the views they compute
// (grid, facets, charts), the jobs they start and the paths they refuse.
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMessage, ReportDetail, ReportSummary } from '../../src-main/contract/index.js';
import { parseArgsFor } from '../../src-main/contract/index.js';
import { createServices, mediaType, type Host } from '../../src-main/services/index.js';
import type { ArchivePort } from '../../src-main/services/port.js';

function summary(id: number, agency: string, year: number, status: ReportSummary['status']): ReportSummary {
  return {
    id,
    agency,
    agencyId: agency.startsWith('广州') ? 1 : 2,
    year,
    template: year >= 2021 ? '2021' : '2019',
    region: agency.startsWith('广州') ? '广州市' : '东莞市',
    status,
    flagCount: status === 'flagged' ? 1 : 0,
    qualityCount: 0,
    file: `/r/${id}.txt`,
    format: 'txt',
    active: true,
    needsCompare: id === 4,
    versionCount: id === 4 ? 2 : 1,
    removed: false,
  };
}
const REPORTS = [
  summary(1, '广州市商务局', 2020, 'verified'),
  summary(2, '广州市商务局', 2021, 'flagged'),
  summary(3, '东莞市商务局', 2020, 'unreviewed'),
  summary(4, '东莞市商务局', 2020, 'flagged'), // a second report for the same agency and year
  summary(5, '广州市商务局', 2022, 'unreviewed'),
];
const VALUES: Record<number, Record<string, number | null>> = {
  1: { 'requests.new.total': 15, 'requests.total.total': 14 },
  2: { 'requests.new.total': 20, 'requests.total.total': 19 },
  3: { 'requests.new.total': 3, 'requests.total.total': 3 },
  4: { 'requests.new.total': 4, 'requests.total.total': null },
  5: { 'requests.new.total': 7, 'requests.total.total': 7 },
};

const detail = (id: number) =>
  ({
    ...REPORTS[id - 1]!,
    values: VALUES[id]!,
    original: {},
    cells: {},
    flags: [],
    corrected: [],
    canUndo: false,
    canRedo: false,
    error: null,
    publishedAt: null,
  }) as unknown as ReportDetail;

function port(path: string, log: string[]): ArchivePort {
  return {
    path,
    close: () => log.push('close'),
    info: () => ({ path, reports: REPORTS.length, agencies: 2, years: [2020, 2021, 2022], flagged: 2, verified: 1 }),
    list: (f) => {
      const items = REPORTS.filter(
        (r) => (!f.agency || r.agency!.includes(f.agency)) && (!f.year || r.year === f.year) && (!f.region || r.region === f.region),
      );
      return { total: items.length, items: items.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 100)) };
    },
    get: detail,
    text: (id) => ({ id, text: '', format: 'txt' }),
    originalPath: (id) => `/r/${id}.txt`,
    reviewer: () => null,
    setReviewer: () => undefined,
    states: (ids) => REPORTS.filter((r) => ids.includes(r.id)).map((r) => ({ id: r.id, status: r.status, openFlags: r.flagCount })),
    original: async (id, max) => {
      const bytes = Buffer.from(id === 1 ? '%PDF-1.4 fake' : '报告');
      if (bytes.length > max) throw new Error('too large');
      return { name: `${id}.pdf`, format: id === 1 ? 'pdf' : 'txt', bytes };
    },
    correct: (id, field, value, note) => (log.push(`correct ${id} ${field} ${value} ${note}`), detail(id)),
    undo: () => undefined,
    redo: () => undefined,
    history: () => [],
    queue: () => ({ counts: { todo: 0, flagged: 0, needsCompare: 0, kinds: 0, verified: 0 }, runs: [], next: null }),
    log: () => [],
    lastYear: () => ({ previous: null, cells: [], differing: 0 }),
    copiedPassages: () => {
      throw new Error('no copied_text flag here');
    },
    acceptFlag: (id, flagId, note) => (log.push(`accept ${id} ${flagId} ${note}`), detail(id)),
    unacceptFlag: (id, flagId) => (log.push(`unaccept ${id} ${flagId}`), detail(id)),
    verify: (id, v) => (log.push(`verify ${id} ${v}`), detail(id)),
    setMeta: (id) => ({ report: detail(id), landing: null }),
    versions: () => [],
    compare: () => {
      throw new Error('not in this fake');
    },
    useVersion: () => {
      throw new Error('not in this fake');
    },
    keepVersion: () => {
      throw new Error('not in this fake');
    },
    takeCell: () => {
      throw new Error('not in this fake');
    },
    remove: (id, reason, notReport) => (log.push(`remove ${id} ${reason} ${notReport}`), { removed: 1 }),
    restore: () => {
      throw new Error('not in this fake');
    },
    trash: () => [],
    qualitySettings: () => ({
      settings: { copiedThreshold: 0.8, boilerplateAgencies: 3, deadlines: { department: '01-31', government: '03-31', township: '03-31' } },
      rechecked: null,
    }),
    setAgencyKind: () => 0,
    search: () => [],
    agencies: () => [],
    mergeAgencies: (from, into) => ({ from, into, fromId: 1, intoId: 2, moved: 0, landed: [] }),
    renameAgency: (a, n) => void log.push(`rename ${a} ${n}`),
    setAgencyRegion: () => undefined,
    importFolder: async (folder, p) => {
      for (let i = 1; i <= 3; i++) {
        if (p.signal.aborted) throw new Error('aborted');
        p.onProgress(i, 3, `${folder}/${i}.txt`);
      }
      return {
        kind: 'import',
        run: 1,
        reports: 3,
        duplicates: 0,
        counts: { new: 3 },
        outcomes: [],
        files: 3,
        imported: 3,
        updated: 0,
        skipped: 0,
        failed: 0,
        flagged: 0,
        errors: [],
        skippedFiles: [],
        cancelled: false,
      };
    },
    reextract: async () => ({ kind: 'reextract', reports: 0, changed: 0, conflicts: 0, errors: [], cancelled: false }),
    backup: async (p) => ({ path: p, bytes: 1, files: 0 }),
    exportFiles: async (req) => ({ files: [join(req.folder, `年报-${req.years.join('_')}.xlsx`)], reports: 3 }),
  };
}

async function setup(host: Host = {}, samplesDir: string | null = null) {
  const log: string[] = [];
  const events: EventMessage[] = [];
  const s = await createServices({ openArchive: async (p) => port(p, log), archivePath: '/tmp/a.nianbao', host, samplesDir, bridge: 'web' });
  s.subscribe((e) => events.push(e));
  return { s, log, events };
}

describe('services', () => {
  it('opens the archive at start and reports it in app.info', async () => {
    const { s } = await setup();
    const info = await s.call('app.info', {});
    expect(info).toMatchObject({ bridge: 'web', nativeDialogs: false, samples: false, archive: { path: '/tmp/a.nianbao', reports: 5 } });
  });

  it('builds the agency × year grid with missing years and the state that needs attention', async () => {
    const { s } = await setup();
    const g = await s.call('library.grid', {});
    expect(g.years).toEqual([2020, 2021, 2022]);
    expect(g.rows.map((r) => r.agency)).toEqual(['东莞市商务局', '广州市商务局']);
    // two reports in one cell: both listed (chooser), the one needing attention shown, its versions counted (badge), 待比较 marked
    expect(g.rows[0]!.cells).toEqual([
      { year: 2020, state: 'flagged', reportId: 4, reportIds: [3, 4], versions: 2, needsCompare: true },
      { year: 2021, state: 'missing', reportId: null, reportIds: [], versions: 0, needsCompare: false },
      { year: 2022, state: 'missing', reportId: null, reportIds: [], versions: 0, needsCompare: false },
    ]);
    expect(g.hasUnknownYear).toBe(false);
    expect(g.rows.map((r) => r.unknownYear)).toEqual([null, null]);
    expect(g.rows[1]!.cells.map((c) => c.state)).toEqual(['verified', 'flagged', 'unreviewed']);
    const gz = await s.call('library.grid', { region: '广州市' });
    expect(gz.rows.map((r) => r.agency)).toEqual(['广州市商务局']);
  });

  it('computes facets and chart series from the archive values', async () => {
    const { s } = await setup();
    expect(await s.call('library.facets', {})).toEqual({ years: [2020, 2021, 2022], regions: ['东莞市', '广州市'], places: [], templates: ['2019', '2021'] });
    const a = await s.call('charts.agencyYears', { agency: '广州市商务局', fields: ['requests.new.total', 'requests.total.total'] });
    expect(a.years).toEqual([2020, 2021, 2022]);
    expect(a.series).toEqual([
      { field: 'requests.new.total', values: [15, 20, 7] },
      { field: 'requests.total.total', values: [14, 19, 7] },
    ]);
    const y = await s.call('charts.yearAgencies', { year: 2020, fields: ['requests.total.total'] });
    expect(y.agencies).toEqual(['广州市商务局', '东莞市商务局']);
    expect(y.series[0]!.values).toEqual([14, 3]);
  });

  it('corrections pass the trimmed note (or null) and return the fresh report', async () => {
    const { s, log } = await setup();
    const r = await s.call('cells.correct', { id: 1, field: 'requests.total.total', value: 15, note: '  按原文 ' });
    expect(r.id).toBe(1);
    await s.call('cells.correct', { id: 1, field: 'requests.total.total', value: null, note: '   ' });
    expect(log).toEqual(['correct 1 requests.total.total 15 按原文', 'correct 1 requests.total.total null null']);
  });

  it('flag acceptances pass the trimmed note (or null) and return the fresh report', async () => {
    const { s, log } = await setup();
    const r = await s.call('flags.accept', parseArgsFor('flags.accept', { id: 2, flagId: 7, note: ' 原文如此 ' }));
    expect(r.id).toBe(2);
    await s.call('flags.accept', { id: 2, flagId: 8, note: '  ' });
    expect((await s.call('flags.unaccept', { id: 2, flagId: 7 })).id).toBe(2);
    expect(log).toEqual(['accept 2 7 原文如此', 'accept 2 8 null', 'unaccept 2 7']);
  });

  it('runs an import as a job with progress and a done event', async () => {
    const { s, events } = await setup();
    const { jobId } = await s.call('import.start', { folder: '/data/reports' });
    const state = await s.jobs.wait(jobId);
    expect(state?.status).toBe('done');
    expect(state?.result).toMatchObject({ kind: 'import', imported: 3 });
    expect(events.some((e) => e.name === 'job.progress' && e.payload.jobId === jobId && e.payload.done === 3 && e.payload.total === 3)).toBe(true);
    expect(events.at(-1)).toMatchObject({ name: 'job.done', payload: { jobId } });
  });

  it('shows only files an export wrote, and opens originals as typed temporary copies, never a path from the caller', async () => {
    const opened: string[] = [];
    const shown: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-open-'));
    const stored = join(dir, 'ab'.repeat(32));
    writeFileSync(stored, '%PDF-1.4 report');
    const log: string[] = [];
    const s = await createServices({
      openArchive: async (p) => ({
        ...port(p, log),
        originalPath: () => stored,
        get: (id) => ({ ...port(p, log).get(id), format: 'pdf', source: { name: '报告.bin', format: 'pdf' } }) as never,
        exportFiles: async (req) => {
          if (req.years.includes(1999)) throw new Error('disk full');
          const f = join(req.folder, `年报-${req.years.join('_')}.xlsx`);
          writeFileSync(f, 'x');
          return { files: [f], reports: 3 };
        },
      }),
      archivePath: '/tmp/a.nianbao',
      host: { openPath: async (x) => (opened.push(x), true), showItemInFolder: async (x) => (shown.push(x), true) },
      bridge: 'web',
    });
    const { jobId } = await s.call('export.start', { years: [2020], format: 'xlsx', folder: dir });
    const st = await s.jobs.wait(jobId);
    expect(st?.result).toEqual({ kind: 'export', files: [join(dir, '年报-2020.xlsx')], folder: dir, reports: 3 });
    expect(await s.call('export.openFolder', { jobId })).toEqual({ opened: true, path: dir });
    expect(shown).toEqual([join(dir, '年报-2020.xlsx')]); // the written file, selected; the folder itself is never "opened"
    await expect(s.call('export.openFolder', { jobId: 'made-up' })).rejects.toThrow(/unknown export job/);
    // A failed export wrote nothing: there is no folder to open.
    const bad = (await s.call('export.start', { years: [1999], format: 'xlsx', folder: dir })).jobId;
    expect((await s.jobs.wait(bad))?.status).toBe('failed');
    await expect(s.call('export.openFolder', { jobId: bad })).rejects.toThrow(/wrote no file/);
    // The original: a read-only temporary copy named by the detected format (pdf), not the archived file itself.
    const r = await s.call('reports.openOriginal', { id: 2 });
    expect(r.opened).toBe(true);
    expect(r.path).toMatch(/nianbao-open[\\/]\d+[\\/]2-报告\.pdf$/);
    expect(r.path).not.toBe(stored);
    expect(readFileSync(r.path, 'utf8')).toBe('%PDF-1.4 report');
    expect(statSync(r.path).mode & 0o222).toBe(0);
    expect(opened).toEqual([r.path]);
    expect(shown).toHaveLength(1);
    await s.close();
  });

  it("serves an original's bytes by report id (base64, media type by content)", async () => {
    const { s } = await setup();
    const pdf = await s.call('reports.original', { id: 1 });
    expect(pdf).toMatchObject({ id: 1, name: '1.pdf', format: 'pdf', mime: 'application/pdf', size: 13 });
    expect(Buffer.from(pdf.data, 'base64').toString()).toBe('%PDF-1.4 fake');
    expect((await s.call('reports.original', { id: 2 })).mime).toBe('application/octet-stream');
    expect(mediaType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d]))).toBe('image/png');
    expect(mediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(mediaType(Buffer.from('II*\0rest'))).toBe('image/tiff');
  });

  it('finds the next report that still needs review after the current one, wrapping', async () => {
    const { s } = await setup();
    const verified = REPORTS.filter((r) => r.status === 'verified').map((r) => r.id);
    const todo = REPORTS.filter((r) => r.status !== 'verified').map((r) => r.id);
    expect(verified.length).toBeGreaterThan(0);
    const ids = REPORTS.map((r) => r.id);
    const last = todo.at(-1)!;
    expect(await s.call('reports.nextToReview', { after: last, ids })).toEqual({ id: todo[0], remaining: todo.length - 1 });
    const next = await s.call('reports.nextToReview', { after: todo[0]!, ids });
    expect(next.id).toBe(todo[1]);
    expect(verified).not.toContain(next.id);
    expect(await s.call('reports.nextToReview', { after: 1, ids: [1, 999] })).toEqual({ id: null, remaining: 0 });
  });

  it('offers the bundled samples only when the folder holds reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-samples-'));
    const { s: none } = await setup({}, dir);
    expect((await none.call('app.info', {})).samples).toBe(false);
    await expect(none.call('samples.import', {})).rejects.toThrow(/no sample reports/);
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, '000.txt'), '报告');
    const { s } = await setup({}, dir);
    expect((await s.call('app.info', {})).samples).toBe(true);
    const { jobId } = await s.call('samples.import', {});
    expect((await s.jobs.wait(jobId))?.status).toBe('done');
  });

  it('switching archives closes the old one and tells the renderer', async () => {
    const { s, log, events } = await setup({ chooseArchive: async () => '/tmp/b.nianbao' });
    const info = await s.call('archive.choose', { create: true });
    expect(info?.path).toBe('/tmp/b.nianbao');
    expect(log).toContain('close');
    expect(events.at(-1)).toMatchObject({ name: 'archive.changed', payload: { info: { path: '/tmp/b.nianbao' } } });
  });
});

describe('export year runs', () => {
  it('groups the picked years into consecutive ranges', async () => {
    const { yearRuns } = await import('../../src-main/services/export.js');
    expect(yearRuns([2022, 2019, 2020, 2020])).toEqual([
      { from: 2019, to: 2020 },
      { from: 2022, to: 2022 },
    ]);
    expect(yearRuns([2021])).toEqual([{ from: 2021, to: 2021 }]);
    expect(yearRuns([])).toEqual([]);
  });
});

describe('services without an archive', () => {
  it('starts, says so, and refuses archive calls with a clear message', async () => {
    const s = await createServices({ openArchive: async (p) => port(p, []), archivePath: null, bridge: 'electron' });
    expect((await s.call('app.info', {})).archive).toBeNull();
    expect(await s.call('archive.info', {})).toBeNull();
    await expect(s.call('reports.list', {})).rejects.toThrow('no archive is open');
    await expect(s.call('import.start', { folder: '/x' })).rejects.toThrow('no archive is open');
    // With no chooser (web), choosing an archive does nothing.
    expect(await s.call('archive.choose', { create: false })).toBeNull();
  });
});
