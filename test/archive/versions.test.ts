// Report identity and versions (issue 10): a reviewed number is never silently
// replaced, hidden or lost. Each scenario of the issue, through the real
// extractor and worker pool.
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { markInProgress, startRun } from '../../src-main/core/archive/runs.js';
import { SEEDS, seedNames, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const OFFICE = new URL('../fixtures/office/', import.meta.url).pathname;
const [NANSHA, , GUANGZHOU] = seedNames(); // 000 南沙区商务局, 002 广州市商务局
const expected = (name: string) =>
  JSON.parse(readFileSync(join(SEEDS, 'expected', name.replace(/\.txt$/, '.json')), 'utf8')) as { values: Record<string, number | null> };

function seedFolder(dir: string, names = seedNames()): string {
  mkdirSync(dir, { recursive: true });
  for (const n of names) copyFileSync(join(SEEDS, n), join(dir, n));
  return dir;
}

/** A fresh archive with the seeds imported (two workers), closed after `fn` whatever happens. */
async function withSeeded(fn: (a: Archive, dir: string) => Promise<void> | void): Promise<void> {
  const dir = tmp();
  const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 2 });
  try {
    await a.importFolder(seedFolder(join(dir, 'seeds')));
    await fn(a, dir);
  } finally {
    a.close();
  }
}

const byAgency = (a: Archive, name: string) => {
  const hit = a.listReports({ agency: name }).items.filter((r) => r.agency === name);
  expect(hit).toHaveLength(1);
  return a.getReport(hit[0]!.id);
};

describe.skipIf(!haveSeeds)('report identity and versions', () => {
  it('a corrected, verified report survives a re-downloaded copy; a truncated copy never replaces a complete report', async () => {
    await withSeeded(async (a, dir) => {
      const gz = byAgency(a, '广州市商务局');
      expect(gz.values['active.normative.made']).toBe(8);
      a.correct(gz.id, 'active.normative.made', 9, '核对纸质版');
      a.correct(gz.id, 'active.license.prev', 16, '核对纸质版');
      a.verify(gz.id);

      // a re-downloaded copy (one extra line) and a 1.2 KB truncated copy of 南沙
      const more = join(dir, 'more');
      mkdirSync(more);
      writeFileSync(join(more, 'guangzhou-again.txt'), readFileSync(join(SEEDS, GUANGZHOU!), 'utf8') + '\n来源：广州市人民政府网站\n');
      const full = readFileSync(join(SEEDS, NANSHA!), 'utf8');
      let cut = '';
      for (const ch of full) if (Buffer.byteLength(cut + ch) <= 1200) cut += ch;
      writeFileSync(join(more, 'nansha-truncated.txt'), cut);
      const r = await a.importFolder(more);
      const outcome = (f: string) => r.outcomes.find((o) => o.file.endsWith(f))!;
      expect(outcome('guangzhou-again.txt').outcome).toBe('same_report_other_format');
      expect(outcome('nansha-truncated.txt').outcome).toBe('new_version');
      expect(outcome('nansha-truncated.txt').reason).toContain('stays active');
      expect(outcome('nansha-truncated.txt')).toMatchObject({ code: 'new_version', params: { active: byAgency(a, '南沙区商务局').id } });

      const gz2 = byAgency(a, '广州市商务局');
      expect(gz2.id).toBe(gz.id);
      expect(gz2.values['active.normative.made']).toBe(9);
      expect(gz2.values['active.license.prev']).toBe(16);
      expect(gz2.status).toBe('verified');
      expect(gz2.versions).toHaveLength(1);
      expect(gz2.versions[0]!.sources.map((s) => s.file)).toEqual([GUANGZHOU, 'guangzhou-again.txt']);

      const ns = byAgency(a, '南沙区商务局');
      const exp = expected(NANSHA!);
      for (const [f, v] of Object.entries(exp.values)) expect([f, ns.values[f]]).toEqual([f, v]);
      expect(ns.flags.filter((f) => f.kind === 'missing_table')).toEqual([]);
      expect(ns.versions).toHaveLength(2);
      expect(ns.versions.find((v) => !v.active)!).toMatchObject({ file: 'nansha-truncated.txt', missingTables: 3 });
      expect(a.listReports().total).toBe(5);
    });
  });

  it('the same files in any order, in any number of runs, give the same active set (doc, docx, pdf of one report; a truncated copy)', async () => {
    const files = [
      ...['dongguan-2020.doc', 'dongguan-2020.docx', 'dongguan-2020.pdf'].map((n) => join(OFFICE, n)),
      join(SEEDS, GUANGZHOU!),
      join(SEEDS, NANSHA!),
    ];
    const dir = tmp();
    const truncated = join(dir, 'nansha-cut.txt');
    writeFileSync(truncated, readFileSync(join(SEEDS, NANSHA!), 'utf8').slice(0, 500));
    files.push(truncated);
    // shuffled orders (a fixed pseudo-random sequence), split over 1–3 runs
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const orders = [files, [...files].reverse(), [...files].sort(() => rand() - 0.5)];
    const activeSets: string[] = [];
    for (const [i, order] of orders.entries()) {
      const a = await openArchive(join(dir, `a${i}.sqlite`), { create: true, workers: 2 });
      try {
        const runs = i + 1;
        for (let k = 0; k < runs; k++) {
          const part = join(dir, `run-${i}-${k}`);
          mkdirSync(part);
          order.filter((_, j) => j % runs === k).forEach((f, j) => copyFileSync(f, join(part, `${String(j).padStart(2, '0')}-${f.split('/').pop()}`)));
          await a.importFolder(part);
        }
        const active = a
          .listReports({ sort: 'agency' })
          .items.map((r) => `${r.agency} ${r.year} ${r.format} ${r.file.replace(/^\d\d-/, '')} v${r.versionCount}`);
        activeSets.push(active.join('\n'));
        const dg = byAgency(a, '东莞市商务局');
        // the three formats agree: one version with three sources; the docx reads best (format rule)
        expect(dg.versions).toHaveLength(1);
        expect(dg.versions[0]!.sources.map((s) => s.format).sort()).toEqual(['doc', 'docx', 'pdf']);
        expect(dg.format).toBe('docx');
      } finally {
        a.close();
      }
    }
    expect(activeSets[1]).toBe(activeSets[0]);
    expect(activeSets[2]).toBe(activeSets[0]);
    expect(activeSets[0]).toContain('南沙区商务局 2020 txt 000_');
  }, 240_000);

  it('set-meta onto a reviewed slot makes a version waiting to be compared; compare, take a cell, switch (corrections carry over), keep', async () => {
    await withSeeded(async (a) => {
      const gz = byAgency(a, '广州市商务局');
      a.correct(gz.id, 'active.normative.made', 9);
      a.verify(gz.id);
      const xg = byAgency(a, '西工区商务局');
      const { landing } = a.setMetaLanding(xg.id, { agency: '广州市商务局' });
      expect(landing).toMatchObject({ outcome: 'needs_compare', activeId: gz.id });
      // nothing hidden: the reviewed report stays, marked 待比较, and counts its two versions
      const [row] = a.listReports({ agency: '广州市商务局' }).items;
      expect(row).toMatchObject({ id: gz.id, needsCompare: true, versionCount: 2, status: 'verified' });
      expect(a.listReports({ needsCompare: true }).items.map((r) => r.id)).toEqual([gz.id]);
      expect(a.listReports().total).toBe(4);
      expect(a.listReports({ allVersions: true }).total).toBe(5);

      const cmp = a.compareVersion(gz.id, xg.id);
      expect(cmp.current.id).toBe(gz.id);
      expect(cmp.other.id).toBe(xg.id);
      expect(cmp.cells.find((c) => c.field === 'active.normative.made')).toMatchObject({ current: 9, corrected: true });
      expect(cmp.differing).toBeGreaterThan(10);

      // take one cell from the other version: a logged correction of the active one
      const xgTotal = a.getReport(xg.id).values['requests.new.total']!;
      const took = a.takeCell(gz.id, xg.id, 'requests.new.total');
      expect(took.id).toBe(gz.id);
      expect(took.values['requests.new.total']).toBe(xgTotal);
      expect(a.history(gz.id, 'requests.new.total').at(-1)!.note).toContain(`version ${xg.id}`);

      // keep: no longer waiting
      a.keepVersion(gz.id);
      expect(a.listReports({ agency: '广州市商务局' }).items[0]).toMatchObject({ id: gz.id, needsCompare: false });

      // switch: the other version becomes active and stays so; 广州's correction reads differently there → flagged, kept on the old version
      const sw = a.useVersion(gz.id, xg.id);
      expect(sw.report.id).toBe(xg.id);
      expect(sw.flagged).toContain('active.normative.made');
      expect(sw.report.flags.some((f) => f.kind === 'version_changed' && f.fields[0] === 'active.normative.made' && !f.resolved)).toBe(true);
      expect(a.getReport(gz.id).values['active.normative.made']).toBe(9);
      expect(a.listReports({ agency: '广州市商务局' }).items.map((r) => r.id)).toEqual([xg.id]);
      // and back: a correction whose original reading is unchanged carries over
      expect(a.getReport(xg.id).extracted['active.rules.made']).toBe(a.getReport(gz.id).extracted['active.rules.made']);
      a.correct(xg.id, 'active.rules.made', 1);
      const back = a.useVersion(xg.id, gz.id);
      expect(back.report.id).toBe(gz.id);
      expect(back.carried).toEqual(['active.rules.made']);
      expect(back.report.values['active.rules.made']).toBe(1);
      expect(back.report.values['active.normative.made']).toBe(9);
    });
  });

  it('sources of one version that disagree on a cell get a source_conflict flag naming both readings', async () => {
    const dir = tmp();
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const src = seedFolder(join(dir, 'one'), [NANSHA!]);
      await a.importFolder(src);
      const exp = expected(NANSHA!);
      const text = readFileSync(join(SEEDS, NANSHA!), 'utf8');
      // the same publication, one figure printed differently (284 → 285 in table 二's heading line is prose; change a table cell instead)
      const ns = byAgency(a, '南沙区商务局');
      const cell = ns.cells['requests.new.total']!;
      const changed = text.slice(0, cell.start) + String(exp.values['requests.new.total']! + 1) + text.slice(cell.end);
      const more = join(dir, 'two');
      mkdirSync(more);
      writeFileSync(join(more, 'nansha-reprint.txt'), changed);
      const r = await a.importFolder(more);
      expect(r.outcomes[0]).toMatchObject({ outcome: 'same_report_other_format' });
      const after = byAgency(a, '南沙区商务局');
      expect(after.id).toBe(ns.id);
      const f = after.flags.find((x) => x.kind === 'source_conflict');
      expect(f?.fields).toEqual(['requests.new.total']);
      expect(f?.message).toContain(`reads ${exp.values['requests.new.total']}`);
      expect(f?.message).toContain(`reads ${exp.values['requests.new.total']! + 1}`);
    } finally {
      a.close();
    }
  });

  it('merge-agencies counts what happened: a report landing on an occupied year becomes a version, never vanishes', async () => {
    await withSeeded(async (a) => {
      const dg = byAgency(a, '东莞市商务局');
      a.correct(dg.id, 'active.normative.made', 3);
      const m = a.mergeAgencies('湛江奋勇高新区招商服务局', '东莞市商务局');
      expect(m.moved).toBe(1);
      expect(m.landed).toHaveLength(1);
      expect(m.landed[0]).toMatchObject({ year: 2020, outcome: 'needs_compare', activeId: dg.id });
      const row = a.listReports({ agency: '东莞市商务局' }).items;
      expect(row.map((r) => [r.id, r.versionCount, r.needsCompare])).toEqual([[dg.id, 2, true]]);
      expect(
        a
          .versions(dg.id)
          .map((v) => v.id)
          .sort(),
      ).toEqual([dg.id, m.landed[0]!.reportId].sort());
      // rename onto another agency's name is refused (a merge says where each report lands); nothing moved
      expect(() => a.renameAgency('西工区商务局', '东莞市商务局')).toThrow(/merge them instead/);
      expect(a.versions(dg.id)).toHaveLength(2);
      const m2 = a.mergeAgencies('西工区商务局', '东莞市商务局');
      expect(m2.landed[0]).toMatchObject({ outcome: 'needs_compare', activeId: dg.id });
      expect(a.versions(dg.id)).toHaveLength(3);
    });
  });

  it('remove and restore: a removed report leaves lists, search and agencies but keeps its file and log', async () => {
    await withSeeded(async (a) => {
      const gz = byAgency(a, '广州市商务局');
      a.correct(gz.id, 'active.normative.made', 9);
      expect(a.remove(gz.id, '重复下载', true)).toEqual({ removed: 1 });
      expect(a.listReports().total).toBe(4);
      expect(a.listReports({ allVersions: true }).total).toBe(4);
      expect(a.search('广州市商务局').map((h) => h.id)).not.toContain(gz.id);
      expect(a.agencies().find((g) => g.name === '广州市商务局')?.reports).toBe(0);
      expect(a.trash()).toMatchObject([{ id: gz.id, agency: '广州市商务局', year: 2020, reason: '重复下载', kind: 'not_report', sources: 1 }]);
      expect(existsSync(a.originalPath(gz.id))).toBe(true);
      expect(() => a.remove(gz.id)).toThrow(/already in the trash/);
      const back = a.restore(gz.id);
      expect(back).toMatchObject({ id: gz.id, active: true });
      expect(back.values['active.normative.made']).toBe(9);
      expect(a.trash()).toEqual([]);
      expect(a.listReports().total).toBe(5);
      expect(a.history(gz.id).filter((e) => e.field === 'meta.removed')).toHaveLength(2);
    });
  });

  it('names every file: dangling links, FIFOs and hidden entries are skipped with the reason', async () => {
    const dir = tmp();
    const src = seedFolder(join(dir, 'src'), [NANSHA!]);
    symlinkSync(join(dir, 'nowhere.txt'), join(src, 'dangling.txt'));
    symlinkSync(join(src, NANSHA!), join(src, 'link.txt'));
    execFileSync('mkfifo', [join(src, 'pipe.txt')]);
    writeFileSync(join(src, '.hidden.txt'), 'x');
    const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
    try {
      const r = await a.importFolder(src);
      const by = Object.fromEntries(r.outcomes.map((o) => [o.file.split('/').pop(), [o.outcome, o.reason]]));
      expect(by[NANSHA!]).toEqual(['new', 'a new report']);
      expect(r.outcomes.find((o) => o.file.endsWith('dangling.txt'))?.code).toBe('dangling_link');
      expect(by['dangling.txt']).toEqual(['skipped', expect.stringContaining('dangling symbolic link')]);
      expect(by['link.txt']).toEqual(['skipped', expect.stringContaining('symbolic link (not followed)')]);
      expect(by['pipe.txt']).toEqual(['skipped', expect.stringContaining('FIFO')]);
      expect(by['.hidden.txt']).toEqual(['skipped', expect.stringContaining('hidden file')]);
      expect(r.counts).toEqual({ new: 1, skipped: 4 });
    } finally {
      a.close();
    }
  });

  it('a file a crashed import had in a worker is failed on the next open and skipped by later runs unless retried', async () => {
    const dir = tmp();
    const src = seedFolder(join(dir, 'src'), [NANSHA!, GUANGZHOU!]);
    const path = join(dir, 'a.sqlite');
    const a = await openArchive(path, { create: true, workers: 1 });
    // what a kill leaves: a run still 'running' under a dead process, a file in a worker
    const run = startRun(a.db, 'import', src, 'test');
    a.db.prepare('UPDATE import_runs SET pid = ? WHERE id = ?').run(2 ** 22 + 4321, run);
    markInProgress(a.db, run, join(src, GUANGZHOU!));
    a.close();
    const b = await openArchive(path, { workers: 1 });
    try {
      const o = b.db.prepare('SELECT outcome, crashed, error FROM import_outcomes WHERE run_id = ?').get(run) as {
        outcome: string;
        crashed: number;
        error: string;
      };
      expect(o).toMatchObject({ outcome: 'failed', crashed: 1 });
      expect(o.error).toContain('the import stopped while this file was being read');
      const r = await b.importFolder(src);
      expect(r.counts).toEqual({ new: 1, failed: 1 });
      expect(r.failed).toEqual([
        { file: join(src, GUANGZHOU!), code: 'crashed', error: expect.stringContaining('the import stopped while this file was being read') },
      ]);
      expect(b.listReports().total).toBe(1);
      const again = await b.importFolder(src, { retry: true });
      expect(again.counts).toEqual({ new: 1, duplicate: 1 });
      expect(b.listReports().total).toBe(2);
      // once imported, no longer skipped
      expect((await b.importFolder(src)).counts).toEqual({ duplicate: 2 });
    } finally {
      b.close();
    }
  });
});
