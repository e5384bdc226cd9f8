// Two processes on one archive: this process imports 600 reports while a
// child process runs the command line's list, correct, show and search on the
// same archive in a loop. Every write is BEGIN IMMEDIATE (so busy_timeout
// applies) and the read-only commands write nothing, so everything succeeds:
// no "database is locked", every correction is in the history, the import
// completes and integrity_check is ok.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import { generateReport } from '../gen/generate.js';
import { SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const N = 600;
const CHILD = new URL('./concurrent-child.ts', import.meta.url).pathname;

describe.skipIf(!haveSeeds)('two processes on one archive', () => {
  it('an import here while another process lists and corrects: everything succeeds, integrity ok', { timeout: 300_000 }, async () => {
    const dir = tmp('nb-concurrent-');
    const path = join(dir, 'a.nianbao');
    const seeds = await openArchive(path, { create: true, workers: 1 });
    await seeds.importFolder(SEEDS);
    const target = seeds.listReports({ agency: '广州市商务局' }).items[0]!.id;
    seeds.close();

    const src = join(dir, 'src');
    for (let i = 0; i < N; i++) {
      const sub = join(src, `d${Math.floor(i / 200)}`);
      if (i % 200 === 0) mkdirSync(sub, { recursive: true });
      const g = generateReport(i + 1, { layout: 'tabs' });
      writeFileSync(join(sub, `${String(i).padStart(4, '0')}-${g.name}`), g.bytes);
    }
    const stop = join(dir, 'stop');
    const field = 'requests.new.total';
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, stop, String(target), field], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => out.includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited ${code} before it was ready: ${err}`)));
    });

    const a = await openArchive(path, { workers: 2 });
    const r = await a.importFolder(src);
    writeFileSync(stop, '');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, err).toBe(0);
    console.log(`child: ${out.trim().split('\n').at(-1)!.slice(0, 120)}`);
    const child_ = JSON.parse(out.trim().split('\n').at(-1)!) as { lists: number; corrections: number; shows: number; errors: string[]; values: number[] };

    expect(r.status).toBe('completed');
    expect(r.imported).toBe(N);
    expect(r.failed).toEqual([]);
    expect(child_.errors).toEqual([]);
    expect(child_.corrections).toBeGreaterThanOrEqual(3);
    expect(child_.lists).toBe(2 * child_.corrections);
    expect(child_.shows).toBe(child_.corrections);
    // Every correction the other process made is in the log, the last one is the value.
    const h = a.history(target, field).filter((e) => e.kind === 'set');
    expect(h.map((e) => e.to)).toEqual(child_.values);
    expect(a.getReport(target).values[field]).toBe(child_.values.at(-1));
    expect(a.listReports({ limit: 1, allVersions: true }).total).toBe(N + 5);
    expect(a.integrityCheck()).toBe('ok');
    a.close();
  });
});
