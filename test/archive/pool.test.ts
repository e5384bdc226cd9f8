// The worker pool: results in any order, a stuck task stopped at the time
// limit without losing the tasks queued behind it, a crash contained.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeIssue, errorText } from '../../src-main/core/wording/errors.js';
import { DEPTH, poolIssue, WorkerError, WorkerPool } from '../../src-main/core/jobs/pool.js';

const TASKS = `data:text/javascript,${encodeURIComponent(`
export async function runTask(t) {
  if (t.hang) { const end = Date.now() + 60000; while (Date.now() < end); }
  if (t.crash) process.exit(3);
  if (t.fail) throw new Error('bad file');
  return t.x * 2;
}`)}`;

describe('worker pool', () => {
  it('says a task started only when it is handed to a worker, not while it waits in the queue', async () => {
    const pool = new WorkerPool(1, { taskModule: TASKS }, 60_000);
    try {
      const started: number[] = [];
      const all = Array.from({ length: 10 }, (_, x) => pool.run<number>({ x }, () => started.push(x)));
      expect(started).toEqual(Array.from({ length: DEPTH }, (_, x) => x)); // one worker holds DEPTH; six wait
      expect(await Promise.all(all)).toEqual(Array.from({ length: 10 }, (_, x) => x * 2));
      expect(started).toEqual(Array.from({ length: 10 }, (_, x) => x)); // each once, in order
      // a start that cannot be recorded: the task is not run and fails with that error
      const refused = pool.run({ x: 1 }, () => {
        throw new Error('disk full');
      });
      await expect(refused).rejects.toThrow('disk full');
      expect(await pool.run<number>({ x: 4 })).toBe(8);
    } finally {
      await pool.close();
    }
  });

  it('runs tasks on all workers, stops a stuck one, survives a crash', async () => {
    const pool = new WorkerPool(2, { taskModule: TASKS }, 1500);
    try {
      const xs = Array.from({ length: 20 }, (_, i) => i);
      const ok = xs.map((x) => pool.run<number>({ x }));
      const settle = (p: Promise<unknown>) =>
        p.then(
          () => 'resolved',
          (e: Error) => e.message,
        );
      const hang = settle(pool.run({ hang: true }));
      const fail = settle(pool.run({ fail: true }));
      const crash = settle(pool.run({ crash: true }));
      const after = xs.map((x) => pool.run<number>({ x: x + 100 }));
      expect(await Promise.all(ok)).toEqual(xs.map((x) => x * 2));
      expect(await hang).toMatch(/took longer than 2 s without progress and was stopped/);
      expect(await fail).toBe('bad file');
      expect(await crash).toMatch(/stopped \(exit 3\)/);
      expect(await Promise.all(after)).toEqual(xs.map((x) => (x + 100) * 2));
    } finally {
      await pool.close();
    }
  });

  it('a task that beats (an OCR page done) may run past the no-progress limit; a silent one may not', async () => {
    // The beating task beats every 100 ms for 4 s against a 2 s limit (a margin of 20× that
    // a loaded machine does not eat); the silent one never settles, so only the limit ends it.
    const slow = `data:text/javascript,${encodeURIComponent(`
export async function runTask(t, cfg, beat) {
  if (!t.beat) return new Promise(() => {});
  for (let i = 0; i < 40; i++) { await new Promise((r) => setTimeout(r, 100)); beat(); }
  return 'done';
}`)}`;
    const pool = new WorkerPool(2, { taskModule: slow }, 2000);
    try {
      const settle = (p: Promise<unknown>) =>
        p.then(
          (v) => v,
          (e: Error) => e.message,
        );
      const [beating, silent] = await Promise.all([settle(pool.run({ beat: true })), settle(pool.run({ beat: false }))]);
      expect(beating).toBe('done');
      expect(silent).toMatch(/took longer than 2 s without progress/);
    } finally {
      await pool.close();
    }
  });

  it('a task that exhausts its worker heap fails alone (out_of_memory, worded) and the pool goes on', async () => {
    const hungry = `data:text/javascript,${encodeURIComponent(`
export async function runTask(t) {
  if (t.oom) { const keep = []; for (;;) keep.push(new Array(100000).fill(Math.random())); }
  return t.x * 2;
}`)}`;
    const pool = new WorkerPool(1, { taskModule: hungry }, 60_000, { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
    try {
      const before = pool.run<number>({ x: 1 });
      const oom = pool.run({ oom: true }).then(
        () => null,
        (e: Error) => e,
      );
      const after = [2, 3, 4].map((x) => pool.run<number>({ x }));
      expect(await before).toBe(2);
      const e = await oom;
      expect(e).toBeInstanceOf(WorkerError);
      expect((e as WorkerError).code).toBe('out_of_memory');
      const issue = decodeIssue(poolIssue(e!));
      expect(issue).toMatchObject({ code: 'out_of_memory', params: { limitMb: 32 } });
      expect(errorText(issue, 'zh')).toBe('读取此文件所需内存超过上限（32 兆字节），已停止；其他文件照常导入');
      expect(await Promise.all(after)).toEqual([4, 6, 8]);
    } finally {
      await pool.close();
    }
  });

  it('close() returns although a worker is stuck in a system call (a blocking FIFO open) that terminate cannot interrupt', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'nb-pool-')), 'stuck');
    execFileSync('mkfifo', [fifo]);
    const blocking = `data:text/javascript,${encodeURIComponent(`
import { readFileSync } from 'node:fs';
export async function runTask(t) { return readFileSync(t.path).length; }`)}`;
    const pool = new WorkerPool(1, { taskModule: blocking }, 60_000);
    const stuck = pool.run({ path: fifo }).then(
      () => 'read',
      (e: Error) => e.message,
    );
    await new Promise((r) => setTimeout(r, 500)); // the worker is now blocked opening the FIFO
    await pool.close(); // would never resolve if it awaited worker.terminate()
    expect(await stuck).toBe('cancelled');
    // let the blocked thread go: a writer appears and leaves
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  });
});
