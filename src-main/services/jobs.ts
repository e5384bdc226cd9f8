// Long work (import, export, re-extract) runs as a job: start returns an id at
// once, progress events carry the id, counts, rate and ETA and are throttled
// to ~10/s, cancel aborts an AbortSignal the work checks between files, and
// the outcome stays queryable after the end.
import { randomUUID } from 'node:crypto';
import { rateAndEta } from '../core/jobs/progress.js';
import { toErrorInfo } from '../core/wording/errors.js';
import type { EventMessage, JobKind, JobProgress, JobResult, JobState } from '../contract/index.js';

export interface JobContext {
  signal: AbortSignal;
  /** Report progress; cheap to call per file, events are throttled. */
  progress(done: number, total: number, current?: string | null): void;
}

type Emit = (e: EventMessage) => void;

interface Entry {
  state: JobState;
  controller: AbortController;
  started: number;
  lastEmit: number;
  pending: ReturnType<typeof setTimeout> | null;
  promise: Promise<void>;
}

const MIN_INTERVAL_MS = 100;
const KEEP_FINISHED = 50;

export class JobRunner {
  private jobs = new Map<string, Entry>();
  constructor(private emit: Emit) {}

  start(kind: JobKind, work: (ctx: JobContext) => Promise<JobResult>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const progress: JobProgress = { jobId, kind, done: 0, total: 0, current: null, rate: 0, etaSeconds: null };
    const entry: Entry = {
      state: { jobId, kind, status: 'running', progress, result: null, error: null },
      controller,
      started: Date.now(),
      lastEmit: 0,
      pending: null,
      promise: Promise.resolve(),
    };
    this.jobs.set(jobId, entry);
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, current = null) => this.update(entry, done, total, current),
    };
    // Start on the next tick so the caller has the id before the first event.
    entry.promise = new Promise<void>((r) => setImmediate(r))
      .then(() => work(ctx))
      .then(
        (result) => {
          this.flush(entry);
          entry.state.status = 'done';
          entry.state.result = result;
          this.emit({ name: 'job.done', payload: { jobId, kind, result } });
        },
        (err: unknown) => {
          this.flush(entry);
          const cancelled = controller.signal.aborted;
          entry.state.status = cancelled ? 'cancelled' : 'failed';
          entry.state.error = cancelled ? 'cancelled' : err instanceof Error ? err.message : String(err);
          entry.state.failure = cancelled ? null : toErrorInfo(err);
          this.emit({
            name: 'job.failed',
            payload: { jobId, kind, error: entry.state.error, ...(entry.state.failure ? { failure: entry.state.failure } : {}), cancelled },
          });
        },
      )
      .finally(() => this.prune());
    return jobId;
  }

  /** Whether any job is still running. */
  running(): boolean {
    return [...this.jobs.values()].some((e) => e.state.status === 'running');
  }

  get(jobId: string): JobState | undefined {
    return this.jobs.get(jobId)?.state;
  }

  cancel(jobId: string): boolean {
    const e = this.jobs.get(jobId);
    if (!e || e.state.status !== 'running') return false;
    e.controller.abort();
    return true;
  }

  /** Resolves when the job has finished (tests, shutdown). */
  async wait(jobId: string): Promise<JobState | undefined> {
    await this.jobs.get(jobId)?.promise;
    return this.get(jobId);
  }

  async close(): Promise<void> {
    for (const e of this.jobs.values()) if (e.state.status === 'running') e.controller.abort();
    await Promise.all([...this.jobs.values()].map((e) => e.promise));
  }

  private update(e: Entry, done: number, total: number, current: string | null): void {
    const p = e.state.progress;
    p.done = done;
    p.total = total;
    p.current = current;
    const now = Date.now();
    Object.assign(p, rateAndEta(done, total, e.started, now));
    if (now - e.lastEmit >= MIN_INTERVAL_MS) this.flush(e);
    else if (!e.pending) e.pending = setTimeout(() => this.flush(e), MIN_INTERVAL_MS - (now - e.lastEmit));
  }

  private flush(e: Entry): void {
    if (e.pending) clearTimeout(e.pending);
    e.pending = null;
    e.lastEmit = Date.now();
    this.emit({ name: 'job.progress', payload: { ...e.state.progress } });
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((e) => e.state.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(e.state.jobId);
  }
}
