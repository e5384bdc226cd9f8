// Progress events throttled to ~10 a second, with a rate over the run and an ETA.
import type { ImportProgress } from '../archive/types.js';

/** Files a second since `startedMs` (one decimal) and the seconds left at that rate (null until there is a rate). The one place both the core's progress and the services' job events compute them. */
export function rateAndEta(done: number, total: number, startedMs: number, nowMs: number): { rate: number; etaSeconds: number | null } {
  const secs = (nowMs - startedMs) / 1000;
  const rate = secs > 0 ? done / secs : 0;
  return { rate: Math.round(rate * 10) / 10, etaSeconds: rate > 0 && total >= done ? Math.round((total - done) / rate) : null };
}

export function throttledProgress(onProgress: ((p: ImportProgress) => void) | undefined, intervalMs = 100) {
  const started = Date.now();
  let last = 0;
  const make = (done: number, total: number, current: string | null): ImportProgress => ({
    done,
    total,
    current,
    ...rateAndEta(done, total, started, Date.now()),
  });
  return {
    update(done: number, total: number, current: string | null) {
      if (!onProgress) return;
      const t = Date.now();
      if (t - last < intervalMs) return;
      last = t;
      onProgress(make(done, total, current));
    },
    /** The final event, always sent. */
    end(done: number, total: number) {
      onProgress?.(make(done, total, null));
    },
  };
}
