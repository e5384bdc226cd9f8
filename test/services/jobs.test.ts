import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../src-main/contract/index.js';
import { JobRunner } from '../../src-main/services/jobs.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('JobRunner', () => {
  it('throttles progress to ~10 events/s and always reports the final count', async () => {
    const events: EventMessage[] = [];
    const jobs = new JobRunner((e) => events.push(e));
    const id = jobs.start('import', async (ctx) => {
      for (let i = 1; i <= 2000; i++) {
        ctx.progress(i, 2000, `f${i}.txt`);
        if (i % 100 === 0) await sleep(25); // ~0.5 s in all
      }
      return { kind: 'import', run: 1, reports: 0, duplicates: 0, counts: {}, outcomes: [], files: 2000, imported: 2000, updated: 0, skipped: 0, failed: 0, flagged: 0, errors: [], skippedFiles: [], cancelled: false };
    });
    const state = await jobs.wait(id);
    expect(state?.status).toBe('done');
    const progress = events.filter((e) => e.name === 'job.progress');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.length).toBeLessThanOrEqual(12); // 2000 calls in ~0.5 s → at most ~6 + start/end
    const last = progress[progress.length - 1]!;
    expect(last.name === 'job.progress' && last.payload.done).toBe(2000);
    expect(last.name === 'job.progress' && last.payload.jobId).toBe(id);
    expect(last.name === 'job.progress' && last.payload.rate).toBeGreaterThan(0);
    expect(events[events.length - 1]).toMatchObject({ name: 'job.done', payload: { jobId: id, kind: 'import', result: { imported: 2000 } } });
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
