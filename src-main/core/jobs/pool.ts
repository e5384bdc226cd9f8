// A worker_threads pool sized to the cores. Each worker is kept four tasks
// deep, so it never waits for the main thread (busy writing a batch) to hand
// it the next file. A worker that makes no progress within the time limit
// (a pathological file) is terminated and replaced; its tasks fail with a
// clear error instead of hanging the batch. Each worker runs under a heap
// limit (resourceLimits): a file that exhausts it ends that worker only
// (ERR_WORKER_OUT_OF_MEMORY), the file fails with a clear message, and a new
// worker takes the queue on. The readers' own caps (read/limits.ts) keep
// memory outside the heap (buffers) small; this is the backstop.
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { encodeIssue } from '../wording/errors.js';

interface Job {
  id: number;
  task: unknown;
  /** Called once, when the task is handed to a worker (see run). */
  onStart?: () => void;
  started?: boolean;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void; // a WorkerError when the pool stopped the task
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  timer: NodeJS.Timeout | null;
}

/** A file the pool could not finish: its worker ran out of memory or time, or died. */
export class WorkerError extends Error {
  constructor(
    readonly code: 'timeout' | 'out_of_memory' | 'worker_crashed',
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'WorkerError';
  }
}

/** A rejected pool task as a stored per-file issue (core/wording). */
export function poolIssue(e: Error): string {
  return e instanceof WorkerError ? encodeIssue(e.code, e.message, e.params) : encodeIssue('extract_failed', e.message);
}

export const WORKER_URL = new URL('./worker.mjs', import.meta.url);
/** Tasks a worker holds at once (it runs them one after another). */
export const DEPTH = 4;
/** Heap of one extraction worker: a 500-page PDF with positions needs ~300 MB. */
export const WORKER_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 48 };
/** How long close() waits for a worker to stop (one blocked in a system call may never). */
const TERMINATE_MS = 2000;

/** worker.terminate(), but never waited on longer than TERMINATE_MS. */
export function terminate(w: Worker, ms = TERMINATE_MS): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
    w.terminate().then(
      () => (clearTimeout(t), resolve()),
      () => (clearTimeout(t), resolve()),
    );
  });
}

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;
  private nextId = 1;

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    private readonly workerData: unknown = {},
    private readonly timeoutMs = 120_000,
    private readonly limits: ResourceLimits = WORKER_LIMITS,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.workerData, resourceLimits: this.limits });
    worker.unref();
    const slot: Slot = { worker, jobs: new Map(), timer: null };
    worker.on('message', (m: { id: number; ok: boolean; beat?: true; result?: unknown; error?: string }) => {
      const job = slot.jobs.get(m.id);
      if (!job) return;
      if (m.beat) {
        this.arm(slot); // still working (an OCR page done): the no-progress limit starts again
        return;
      }
      slot.jobs.delete(m.id);
      this.arm(slot);
      if (m.ok) job.resolve(m.result);
      else job.reject(new Error(m.error ?? 'worker failed'));
      this.pump();
    });
    worker.on('error', (e) =>
      this.replace(
        slot,
        (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new WorkerError('out_of_memory', `the extraction worker ran out of memory (${this.limits.maxOldGenerationSizeMb} MB) on this file`, {
              limitMb: this.limits.maxOldGenerationSizeMb ?? 0,
            })
          : new WorkerError('worker_crashed', `the extraction worker crashed: ${e.message}`),
      ),
    );
    worker.on('exit', (code) => this.replace(slot, new WorkerError('worker_crashed', `the extraction worker stopped (exit ${code})`, { exit: code })));
    return slot;
  }

  /** (Re)start the no-progress timer while the slot has work. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (slot.jobs.size === 0 || this.closed) return;
    slot.timer = setTimeout(() => {
      const s = Math.round(this.timeoutMs / 1000);
      this.replace(slot, new WorkerError('timeout', `extraction took longer than ${s} s without progress and was stopped`, { seconds: s }));
    }, this.timeoutMs);
    slot.timer.unref?.();
  }

  private replace(slot: Slot, why: WorkerError): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return; // already replaced
    if (slot.timer) clearTimeout(slot.timer);
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    if (this.closed) return;
    this.slots[i] = this.spawn();
    void terminate(slot.worker);
    // The first job is the one that was running; the ones queued behind it get another chance.
    const [first, ...rest] = jobs;
    first?.reject(why);
    this.queue.unshift(...rest);
    this.pump();
  }

  /**
   * Run `task` in a worker. `onStart` is called once, just before the task is
   * handed to a worker (never while it only waits in the pool's queue); if it
   * throws, the task is not run and fails with that error.
   */
  run<T>(task: unknown, onStart?: () => void): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, ...(onStart ? { onStart } : {}), resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (let depth = 1; depth <= DEPTH; depth++)
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.jobs.size >= depth) continue;
        const job = this.queue.shift()!;
        if (!job.started) {
          job.started = true;
          try {
            job.onStart?.();
          } catch (e) {
            job.reject(e as Error);
            continue;
          }
        }
        slot.jobs.set(job.id, job);
        if (slot.jobs.size === 1) this.arm(slot);
        slot.worker.postMessage({ id: job.id, task: job.task });
      }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue) j.reject(new Error('cancelled'));
    this.queue = [];
    const slots = this.slots;
    this.slots = [];
    await Promise.all(
      slots.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        for (const j of s.jobs.values()) j.reject(new Error('cancelled'));
        s.jobs.clear();
        return terminate(s.worker);
      }),
    );
  }
}
