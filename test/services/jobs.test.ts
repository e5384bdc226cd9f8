import { describe, expect, it, vi } from 'vitest';
import type { EventMessage } from '../../src-main/contract/index.js';
import { rateAndEta } from '../../src-main/core/jobs/progress.js';
import { JobRunner } from '../../src-main/services/jobs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('JobRunner', () => {
  it('throttles progress to one event per 100 ms and always reports the final count (fake clock)', async () => {
    // Fake timers drive both Date.now and setTimeout: the schedule below is exact, whatever the machine's load.
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      const events: EventMessage[] = [];
      const jobs = new JobRunner((e) => events.push(e));
      const id = jobs.start('import', async (ctx) => {
        for (let i = 1; i <= 2000; i++) {
          ctx.progress(i, 2000, `f${i}.txt`);
          if (i % 100 === 0) await sleep(25); // 100 files every 25 ms: 500 ms in all
        }
        return {
          kind: 'import',
          run: 1,
          reports: 0,
          duplicates: 0,
          counts: {},
          outcomes: [],
          files: 2000,
          imported: 2000,
          updated: 0,
          skipped: 0,
          failed: 0,
          flagged: 0,
          errors: [],
          skippedFiles: [],
          cancelled: false,
        };
      });
      const finished = jobs.wait(id);
      await vi.advanceTimersByTimeAsync(1000);
      const state = await finished;
      expect(state?.status).toBe('done');
      const progress = events.flatMap((e) => (e.name === 'job.progress' ? [e.payload] : []));
      // the first call at once, then the latest count on each 100 ms tick (t = 100…500), then the final flush
      expect(progress.map((p) => p.done)).toEqual([1, 400, 800, 1200, 1600, 2000, 2000]);
      expect(progress.map((p) => p.current)).toEqual(['f1.txt', 'f400.txt', 'f800.txt', 'f1200.txt', 'f1600.txt', 'f2000.txt', 'f2000.txt']);
      // rate over the run as of the last call: file 400 came at t = 75 ms, file 2000 at t = 475 ms
      expect(progress[1]).toMatchObject({ jobId: id, total: 2000, rate: 5333.3, etaSeconds: 0 });
      expect(progress[0]).toMatchObject({ rate: 0, etaSeconds: null });
      expect(progress.at(-1)).toMatchObject({ jobId: id, done: 2000, rate: 4210.5, etaSeconds: 0 });
      expect(events[events.length - 1]).toMatchObject({ name: 'job.done', payload: { jobId: id, kind: 'import', result: { imported: 2000 } } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('rate and ETA: files a second since the start, the seconds left at that rate', () => {
    expect(rateAndEta(50, 200, 1_000, 11_000)).toEqual({ rate: 5, etaSeconds: 30 });
    expect(rateAndEta(1, 3, 0, 3_000)).toEqual({ rate: 0.3, etaSeconds: 6 });
    expect(rateAndEta(0, 10, 0, 0)).toEqual({ rate: 0, etaSeconds: null });
  });

  it('cancels through the AbortSignal and reports the job as cancelled', async () => {
    const events: EventMessage[] = [];
    const jobs = new JobRunner((e) => events.push(e));
    let seen = 0;
    const id = jobs.start('export', async (ctx) => {
      for (let i = 0; i < 1000; i++) {
        if (ctx.signal.aborted) throw new Error('aborted');
        seen = i;
        await sleep(2);
      }
      return { kind: 'export', files: [], folder: '/tmp', reports: 0 };
    });
    await sleep(30);
    expect(jobs.cancel(id)).toBe(true);
    const state = await jobs.wait(id);
    expect(state?.status).toBe('cancelled');
    expect(seen).toBeLessThan(500);
    expect(events[events.length - 1]).toMatchObject({ name: 'job.failed', payload: { jobId: id, cancelled: true } });
    expect(jobs.cancel(id)).toBe(false);
  });

  it('a failing job is reported with its message', async () => {
    const events: EventMessage[] = [];
    const jobs = new JobRunner((e) => events.push(e));
    const id = jobs.start('reextract', async () => {
      throw new Error('disk full');
    });
    expect((await jobs.wait(id))?.error).toBe('disk full');
    expect(events[events.length - 1]).toMatchObject({ name: 'job.failed', payload: { error: 'disk full', cancelled: false } });
  });
});
