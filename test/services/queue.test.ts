// The review queue across reports, 修改记录 with its CSV, and the library's
// agency filter and passages, through the services' handler map over a real
// archive (two import runs of the seed reports).
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgsFor, type ImportSummary } from '../../src-main/contract/index.js';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { SEEDS } from '../archive/helpers.js';
import { haveSeeds } from '../seeds.js';

const RUN_A = ['000_837c288e23ba6919.txt', '001_502fd0f0e67df8d6.txt']; // 南沙区商务局, 西工区商务局
const RUN_B = ['002_3c51f0ab0323fab2.txt', '003_1ab496935088b8c6.txt', '004_bb53b48cecce1603.txt']; // 广州市商务局, 东莞市商务局, 湛江奋勇高新区招商服务局

describe.skipIf(!haveSeeds)('review queue, 修改记录 and library filters (services)', () => {
  let s: Awaited<ReturnType<typeof createServices>>;
  let runA: ImportSummary;
  let runB: ImportSummary;
  const idOf = async (agency: string) => (await s.call('reports.list', { agency })).items[0]!.id;
  const importSeeds = async (dir: string, names: string[]) => {
    mkdirSync(dir);
    for (const n of names) copyFileSync(join(SEEDS, n), join(dir, n));
    const st = await s.jobs.wait((await s.call('import.start', { folder: dir })).jobId);
    return st!.result as ImportSummary;
  };

  beforeAll(async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'nianbao-queue-'));
    s = await createServices({ openArchive: openArchivePort, archivePath: join(tmp, 'a.nianbao'), bridge: 'web' });
    runA = await importSeeds(join(tmp, 'a'), RUN_A);
    runB = await importSeeds(join(tmp, 'b'), RUN_B);
  });
  afterAll(() => s?.close());

  it('lists one run with counts, and the flag-kind filter finds a broken rule', async () => {
    expect(runB.run).toBeGreaterThan(runA.run);
    const q = await s.call('review.queue', parseArgsFor('review.queue', { runId: runB.run }));
    expect(q.runs.map((r) => r.id)).toEqual([runB.run, runA.run]);
    const inRun = runB.outcomes.map((o) => o.reportId).sort();
    const list = await s.call('reports.list', { ...q.filter, limit: 100 });
    expect(list.items.map((r) => r.id).sort()).toEqual(inRun);
    expect(q.counts).toMatchObject({ todo: 3, verified: 0, needsCompare: 0, kinds: 0 });
    // the seeds read cleanly: no open flags until a value breaks a rule (R3: a row's 总计 against its parts)
    const flaggedBefore = (await s.call('reports.list', { runId: runB.run, flaggedOnly: true })).total;
    expect(q.counts.flagged).toBe(flaggedBefore);
    const dongguan = await idOf('东莞市商务局');
    const d = await s.call('reports.get', { id: dongguan });
    await s.call('cells.correct', { id: dongguan, field: 'requests.total.total', value: (d.values['requests.total.total'] as number) + 7, note: '测试' });
    const q2 = await s.call('review.queue', { runId: runB.run, kind: 'kinds', kinds: ['R3'] });
    expect(q2.counts.flagged).toBe(flaggedBefore + (d.flagCount === 0 ? 1 : 0));
    expect(q2.counts.kinds).toBe(1);
    expect((await s.call('reports.list', q2.filter)).items.map((r) => r.id)).toEqual([dongguan]);
    // the other run is untouched; the whole archive counts both
    expect((await s.call('review.queue', { runId: runA.run })).counts.todo).toBe(2);
    expect((await s.call('review.queue', {})).counts.todo).toBe(5);
    await s.call('cells.undo', { id: dongguan });
  });

  it('核实并下一份: the next report in agency order, verified ones leave the queue, none at the end', async () => {
    // agency order (as SQLite sorts the names): 东莞市商务局, 广州市商务局, 湛江奋勇高新区招商服务局
    const [dg, gz, zj] = [await idOf('东莞市商务局'), await idOf('广州市商务局'), await idOf('湛江奋勇')];
    const scope = { runId: runB.run };
    expect((await s.call('review.queue', { ...scope, after: zj })).next).toEqual({ id: dg, remaining: 2 }); // wraps round
    await s.call('reports.verify', { id: dg, verified: true });
    expect((await s.call('review.queue', { ...scope, after: dg })).next).toEqual({ id: gz, remaining: 2 });
    await s.call('reports.verify', { id: gz, verified: true });
    const q = await s.call('review.queue', { ...scope, after: gz });
    expect(q.next).toEqual({ id: zj, remaining: 1 });
    expect(q.counts).toMatchObject({ todo: 1, verified: 2 });
    await s.call('reports.verify', { id: zj, verified: true });
    expect((await s.call('review.queue', { ...scope, after: zj })).next).toEqual({ id: null, remaining: 0 });
    for (const id of [dg, gz, zj]) await s.call('reports.verify', { id, verified: false });
  });

  it('修改记录: corrections, acceptance, verification, removal and restore in one list, with who, and as CSV for Excel', async () => {
    const id = await idOf('南沙区商务局');
    await s.call('review.setReviewer', { name: '王五' });
    const r = await s.call('reports.get', { id });
    const field = 'requests.total.total';
    await s.call('cells.correct', { id, field, value: (r.values[field] as number) + 3, note: '核对原件, 第2页' });
    const flag = (await s.call('reports.get', { id })).flags.find((f) => f.rule === 'R3' && !f.resolved)!;
    await s.call('flags.accept', { id, flagId: flag.id, note: '原文如此' });
    await s.call('reports.verify', { id, verified: true });
    await s.call('reports.remove', { id, reason: '重复' });
    await s.call('reports.restore', { id });
    const log = await s.call('reports.log', { id });
    expect(log.map((e) => e.action)).toEqual(['correct', 'accept', 'verify', 'remove', 'restore']);
    expect(log.every((e) => e.reviewer === '王五')).toBe(true);
    expect(log[0]).toMatchObject({ field, from: r.values[field], to: (r.values[field] as number) + 3, note: '核对原件, 第2页', reportId: id });
    expect(log[1]!.flag?.rule).toBe('R3');
    const { csv, name } = await s.call('reports.logCsv', { id });
    expect(name).toMatch(/^修改记录-南沙区商务局-2020-\d+\.csv$/);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('时间,审核人,操作,项目,原值,新值,说明,版本,报告编号,已撤销');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(
      new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},王五,更正,.*总计.*,${r.values[field]},${(r.values[field] as number) + 3},"核对原件, 第2页",`),
    );
    expect(lines.slice(2).map((l) => l.split(',')[2])).toEqual(['确认原文如此', '标记已核实', '移出档案库', '恢复']);
    const en = await s.call('reports.logCsv', { id, lang: 'en' });
    expect(en.csv.slice(1).split('\r\n')[0]).toBe('time,reviewer,action,item,from,to,note,version,report id,undone');
    await s.call('review.setReviewer', { name: '' });
  });

  it('the agency filter folds traditional characters as search does; text hits carry their passage', async () => {
    const trad = await s.call('reports.list', { agency: '廣州市商務局' });
    expect(trad.items.map((r) => r.agency)).toEqual(['广州市商务局']);
    expect((await s.call('reports.list', { agency: '商务局' })).total).toBe(4);
    expect((await s.call('reports.list', { agency: '不存在的机关' })).total).toBe(0);
    const hits = await s.call('reports.list', { text: '行政复议', agency: '广州' });
    expect(hits.total).toBe(1);
    expect(hits.items[0]!.snippet).toMatch(/\[行政复议\]/);
    expect(hits.items[0]!.snippet!.length).toBeLessThan(50);
    expect((await s.call('reports.list', { agency: '广州' })).items[0]!.snippet).toBeUndefined();
  });
});
