// A worker_threads pool sized to the cores. Each task has a time limit: a
// worker stuck on a pathological file is terminated and replaced, and the
// task fails with a clear error instead of hanging the batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

interface Pending {
  task: unknown;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job: (Pending & { timer: NodeJS.Timeout }) | null;
}

export const WORKER_URL = new URL('./worker.mjs', import.meta.url);

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private closed = false;

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    private readonly workerData: unknown = {},
    private readonly timeoutMs = 120_000,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.workerData });
    worker.unref();
    const slot: Slot = { worker, job: null };
    worker.on('message', (m: { ok: boolean; result?: unknown; error?: string }) => {
      const job = slot.job;
      if (!job) return;
      clearTimeout(job.timer);
      slot.job = null;
      if (m.ok) job.resolve(m.result);
      else job.reject(new Error(m.error ?? 'worker failed'));
      this.pump();
    });
    const replace = (err: Error) => {
      const job = slot.job;
      slot.job = null;
      if (job) (clearTimeout(job.timer), job.reject(err));
      if (this.closed) return;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    };
    worker.on('error', (e) => replace(new Error(`the extraction worker crashed: ${e.message}`)));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) replace(new Error(`the extraction worker stopped (exit ${code})`));
    });
    return slot;
  }

  run<T>(task: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.job || this.queue.length === 0) continue;
      const p = this.queue.shift()!;
      const timer = setTimeout(() => {
        // Stuck: kill this worker; its exit handler rejects and replaces it.
        const job = slot.job;
        slot.job = null;
        job?.reject(new Error(`extraction took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped`));
        const i = this.slots.indexOf(slot);
        if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
        void slot.worker.terminate();
        this.pump();
      }, this.timeoutMs);
      slot.job = { ...p, timer };
      slot.worker.postMessage(p.task);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue) p.reject(new Error('cancelled'));
    this.queue = [];
    await Promise.all(
      this.slots.map((s) => {
        if (s.job) (clearTimeout(s.job.timer), s.job.reject(new Error('cancelled')));
        return s.worker.terminate();
      }),
    );
    this.slots = [];
  }
}
