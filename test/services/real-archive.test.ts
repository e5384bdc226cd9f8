// The services over the real archive (SQLite, extraction, export): the calls
// the UI makes, end to end without a browser.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { parseArgsFor } from '../../src-main/contract/index.js';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { sampleFolder, sharedSeeds } from '../../src-main/core/samples.js';

const ROOT = resolve(import.meta.dirname, '../..');
// The samples as the app offers them (core/samples.ts: the seeds beside the repository, 002 left out).
const SAMPLES = sampleFolder(sharedSeeds(ROOT)) ?? '';
const haveSamples = SAMPLES !== '';
if (!haveSamples) console.warn(`services over the real archive skipped: ${sharedSeeds(ROOT)} is absent`);

describe.skipIf(!haveSamples)('services over the real archive', () => {
  let s: Awaited<ReturnType<typeof createServices>>;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'nianbao-svc-'));
    s = await createServices({ openArchive: openArchivePort, archivePath: join(tmp, 'a.nianbao'), samplesDir: SAMPLES, bridge: 'web' });
  });
  afterAll(() => s?.close());

  it('offers and imports the bundled samples on first run', async () => {
    const before = await s.call('app.info', {});
    expect(before.samples).toBe(true);
    expect(before.archive?.reports).toBe(0);
    const { jobId } = await s.call('samples.import', {});
    const st = await s.jobs.wait(jobId);
    expect(st?.status).toBe('done');
    const n = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).length;
    expect(st?.result).toMatchObject({ kind: 'import', imported: n, failed: 0 });
    const page = await s.call('reports.list', parseArgsFor('reports.list', { limit: 100 }));
    expect(page.total).toBe(n);
    expect(page.items.map((r) => r.agency)).not.toContain('广州市商务局'); // seed 002 is not shipped
  });

  it('corrects, re-checks the rules, undoes and redoes through the handler map', async () => {
    const { items } = await s.call('reports.list', { agency: '南沙区商务局' });
    const id = items[0]!.id;
    const before = await s.call('reports.get', { id });
    const total = before.values['requests.total.total'];
    expect(typeof total).toBe('number');
    const after = await s.call('cells.correct', { id, field: 'requests.total.total', value: (total as number) + 5, note: '测试' });
    expect(after.values['requests.total.total']).toBe((total as number) + 5);
    expect(after.corrected).toContain('requests.total.total');
    expect(after.flags.some((f) => !f.resolved && f.fields.includes('requests.total.total') && (f.rule === 'R1' || f.rule === 'R2' || f.rule === 'R3'))).toBe(
      true,
    );
    expect(after.status).toBe('flagged');
    const hist = await s.call('cells.history', { id, field: 'requests.total.total' });
    expect(hist.at(-1)).toMatchObject({ kind: 'set', from: total, to: (total as number) + 5, note: '测试', undone: false });
    const undone = await s.call('cells.undo', { id });
    expect(undone.values['requests.total.total']).toBe(total);
    expect(undone.canRedo).toBe(true);
    const redone = await s.call('cells.redo', { id });
    expect(redone.values['requests.total.total']).toBe((total as number) + 5);
    await s.call('cells.undo', { id });
  });

  it('accepts one rule flag as in the original and revokes it through the handler map', async () => {
    const { items } = await s.call('reports.list', { agency: '南沙区商务局' });
    const id = items[0]!.id;
    const total = (await s.call('reports.get', { id })).values['requests.total.total'] as number;
    const r = await s.call('cells.correct', { id, field: 'requests.total.total', value: total + 5 });
    const r3 = r.flags.find((f) => f.rule === 'R3' && !f.resolved)!;
    expect(r3).toMatchObject({ expected: total + 5, found: total, accepted: null });
    const accepted = await s.call('flags.accept', parseArgsFor('flags.accept', { id, flagId: r3.id, note: ' 原件总计即如此 ' }));
    expect(accepted.flagCount).toBe(r.flagCount - 1);
    expect(accepted.flags.find((f) => f.rule === 'R3')).toMatchObject({ resolved: true, accepted: { note: '原件总计即如此' } });
    const hist = await s.call('cells.history', { id, field: 'requests.total.total' });
    expect(hist.at(-1)).toMatchObject({ kind: 'accept', field: 'flag.R3', note: '原件总计即如此', flag: { rule: 'R3', expected: total + 5, found: total } });
    const again = accepted.flags.find((f) => f.rule === 'R3')!;
    const revoked = await s.call('flags.unaccept', { id, flagId: again.id });
    expect(revoked.flagCount).toBe(r.flagCount);
    expect(revoked.flags.find((f) => f.rule === 'R3')).toMatchObject({ resolved: false, accepted: null });
    await expect(s.call('flags.unaccept', { id, flagId: again.id })).rejects.toThrow(/not accepted|has no flag/);
    await s.call('cells.undo', { id });
  });

  it('builds the grid and exports an xlsx that names every agency', async () => {
    const grid = await s.call('library.grid', {});
    expect(grid.years).toEqual([2020]);
    expect(grid.rows.length).toBeGreaterThanOrEqual(3);
    const { jobId } = await s.call('export.start', { years: [2020], format: 'xlsx', folder: join(tmp, 'out') });
    const st = await s.jobs.wait(jobId);
    expect(st?.status).toBe('done');
    const r = st?.result;
    if (r?.kind !== 'export') throw new Error('not an export result');
    expect(r.files).toHaveLength(1);
    const wb = XLSX.read(readFileSync(r.files[0]!), { type: 'buffer' });
    const text = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join('\n');
    for (const row of grid.rows) expect(text).toContain(row.agency);
  });

  it('cancels an import between files and reports it as cancelled', async () => {
    // 300 distinct small reports (a seed with a changing line), so the run is long enough to stop.
    const folder = join(tmp, 'many');
    mkdirSync(folder);
    const seed = readFileSync(join(SAMPLES, readdirSync(SAMPLES).find((f) => f.endsWith('.txt'))!), 'utf8');
    for (let i = 0; i < 300; i++) writeFileSync(join(folder, `r${i}.txt`), `${seed}\n附注 ${i}\n`);
    const { jobId } = await s.call('import.start', { folder });
    await new Promise<void>((ok) => {
      const off = s.subscribe((e) => {
        if (e.name === 'job.progress' && e.payload.jobId === jobId && e.payload.done > 0) {
          off();
          ok();
        }
      });
    });
    expect(await s.call('jobs.cancel', { jobId })).toEqual({ cancelled: true });
    const st = await s.jobs.wait(jobId);
    const r = st?.result;
    // Either the archive returns a cancelled run or the job ends as cancelled: never a full import.
    if (st?.status === 'done') {
      if (r?.kind !== 'import') throw new Error('not an import result');
      expect(r.cancelled).toBe(true);
      expect(r.imported + r.updated).toBeLessThan(300);
    } else expect(st?.status).toBe('cancelled');
  });
});
