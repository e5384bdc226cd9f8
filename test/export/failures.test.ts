// Issue 11 (export side): a write error — a stream error ExcelJS swallows, a
// full disk — ends the export with the reason and no .part left (the CLI exits
// non-zero); a cancel stops it between sheets; a stale .part of a dead process
// is removed; nothing is overwritten without being asked.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src-main/core/archive/index.js';
import { writeWorkbook, type ExportReport } from '../../src-main/core/export/index.js';
import { runExport } from '../../src-main/core/export/job.js';
import { ExportCancelled } from '../../src-main/core/export/output.js';
import { demoSamples } from '../../src-main/cli/commands/demo.js';
import { richReports } from './fixtures.js';
import { haveSeeds } from '../seeds.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-export-fail-'));
const meta = { archiveName: 't.nianbao', generatedAt: '2026-11-22T21:30:00.000Z', lang: 'zh' as const };
const scope = { kind: 'year', year: 2020 } as const;
let reports: ExportReport[];
let a: Archive;
const archivePath = join(dir, 'a.nianbao');

beforeAll(async () => {
  if (!haveSeeds) return;
  reports = richReports();
  a = await openArchive(archivePath, { create: true, workers: 1 });
  await a.importFolder(demoSamples());
}, 120_000);
afterAll(() => a?.close());

/** A file stream that fails like a full disk after `limit` bytes (the error ExcelJS's commit() never reports). */
const failingAfter = (limit: number) => () => {
  let n = 0;
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      n += chunk.length;
      if (n > limit) cb(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      else cb();
    },
  });
};

describe.skipIf(!haveSeeds)('export write errors and cancel', () => {
  it('a stream error ends the workbook export with the reason, no .part and no file (it used to hang)', async () => {
    const out = join(dir, 'full.xlsx');
    writeFileSync(`${out}.part-${process.pid}`, ''); // the real .part is made by the default stream; here the injected one stands in for it
    const err = await writeWorkbook(reports, meta, scope, out, { openStream: failingAfter(2000) }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^无法写入导出文件 full\.xlsx，已停止并删除未完成的文件.*ENOSPC/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('full.xlsx'))).toEqual([]);
  });

  it('a cancel between sheets stops the export: cancelled, and nothing left behind', async () => {
    const out = join(dir, 'cancel.xlsx');
    const ac = new AbortController();
    // The real file stream; the cancel arrives while the first sheet is being written.
    const stream = (f: string) => {
      const real = createWriteStream(f);
      const write = real.write.bind(real) as (...x: unknown[]) => boolean;
      (real as unknown as { write: (...x: unknown[]) => boolean }).write = (...x) => (ac.abort(), write(...x));
      return real;
    };
    const err = await writeWorkbook(reports, meta, scope, out, { signal: ac.signal, openStream: stream }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(ExportCancelled);
    expect((err as Error).message).toMatch(/导出已取消.*cancelled/);
    expect(readdirSync(dir).filter((f) => f.startsWith('cancel.xlsx'))).toEqual([]);
    // Not cancelled: the same export completes.
    const done = await writeWorkbook(reports, meta, scope, out, { signal: new AbortController().signal });
    expect(done.sheets.length).toBeGreaterThan(3);
    expect(readdirSync(dir).filter((f) => f.startsWith('cancel.xlsx'))).toEqual(['cancel.xlsx']);
  });

  it('the services report a cancelled export as cancelled, and the file is not written', async () => {
    const { createServices } = await import('../../src-main/services/index.js');
    const { archivePort } = await import('../../src-main/services/adapter.js');
    const s = await createServices({ openArchive: async () => archivePort(a), archivePath: archivePath, bridge: 'web' });
    const folder = join(dir, 'svc');
    const { jobId } = await s.call('export.start', { years: [2020], format: 'xlsx', folder });
    expect((await s.call('jobs.cancel', { jobId })).cancelled).toBe(true);
    const st = await s.jobs.wait(jobId);
    expect(st?.status).toBe('cancelled');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)('export names', () => {
  it('never overwrites: a default name gets " (2)", an existing named file is refused unless overwrite', async () => {
    const folder = join(dir, 'names');
    const first = await runExport(a, { year: 2020, format: 'xlsx', out: folder, lang: 'zh' });
    const second = await runExport(a, { year: 2020, format: 'xlsx', out: folder, lang: 'zh' });
    expect(first.files[0]).toBe(join(folder, '年报汇总-2020.xlsx'));
    expect(second.files[0]).toBe(join(folder, '年报汇总-2020 (2).xlsx'));
    const csv = join(folder, 'mine.csv');
    writeFileSync(csv, 'keep me');
    await expect(runExport(a, { year: 2020, format: 'csv', out: csv, lang: 'zh' })).rejects.toThrow(/已存在，未覆盖.*already exists/);
    expect(readFileSync(csv, 'utf8')).toBe('keep me');
    const r = await runExport(a, { year: 2020, format: 'csv', out: csv, lang: 'zh', overwrite: true });
    expect(r.files).toEqual([csv]);
    expect(readFileSync(csv, 'utf8')).toMatch(/^\uFEFFreport_id|^\uFEFF/);
    expect(readFileSync(csv, 'utf8')).not.toBe('keep me');
  });

  it("removes the .part of a dead process before writing, keeps a live one's", async () => {
    const folder = join(dir, 'parts');
    mkdirSync(folder);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(folder, `年报汇总-2020.xlsx.part-${dead}`);
    const live = join(folder, `年报汇总-2019.xlsx.part-${process.ppid}`);
    const other = join(folder, `notes.txt.part-${dead}`);
    for (const f of [stale, live, other]) writeFileSync(f, 'x');
    await runExport(a, { year: 2020, format: 'xlsx', out: folder, lang: 'zh' });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(other)).toBe(true); // not an export's
  });

  it('the export command exits non-zero on a write error (file size limit) and leaves no .part', { timeout: 120_000 }, async () => {
    const folder = join(dir, 'cli');
    mkdirSync(folder);
    const cliMain = new URL('../../src-main/cli/main.ts', import.meta.url).pathname;
    // ulimit -f 8: writes past 8 KiB fail with EFBIG (Node ignores SIGXFSZ), as a full disk would.
    const child = spawn(
      'bash',
      ['-c', `ulimit -f 8; exec "${process.execPath}" --import tsx "${cliMain}" export --year 2020 --out "${folder}" --archive "${archivePath}"`],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    expect(code).not.toBe(0);
    expect(err).toMatch(/无法写入导出文件 年报汇总-2020\.xlsx，已停止.*EFBIG/);
    expect(readdirSync(folder)).toEqual([]);
  });
});
