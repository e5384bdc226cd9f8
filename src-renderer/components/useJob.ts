// Follow one job by id: progress, then its result or failure.
import { useEffect, useState } from 'react';
import type { ErrorInfo, JobProgress, JobResult } from '../../src-main/contract/models.js';
import { api } from '../api/index.js';

export interface JobView {
  jobId: string | null;
  progress: JobProgress | null;
  result: JobResult | null;
  error: string | null;
  /** The failure's code, for the words. */
  failure: ErrorInfo | null;
  cancelled: boolean;
  running: boolean;
}

const IDLE: JobView = { jobId: null, progress: null, result: null, error: null, failure: null, cancelled: false, running: false };

export function useJob(): [JobView, (jobId: string) => void, () => void] {
  const [view, setView] = useState<JobView>(IDLE);
  useEffect(() => {
    if (!view.jobId) return;
    const id = view.jobId;
    const off = api.subscribe((e) => {
      if (e.name === 'job.progress' && e.payload.jobId === id) setView((v) => ({ ...v, progress: e.payload }));
      if (e.name === 'job.done' && e.payload.jobId === id) setView((v) => ({ ...v, result: e.payload.result, running: false }));
      if (e.name === 'job.failed' && e.payload.jobId === id)
        setView((v) => ({ ...v, error: e.payload.error, failure: e.payload.failure ?? null, cancelled: e.payload.cancelled, running: false }));
    });
    // The job may have ended before we subscribed: ask once.
    void api.call('jobs.get', { jobId: id }).then((s) => {
      if (s.status === 'done') setView((v) => ({ ...v, progress: s.progress, result: s.result, running: false }));
      else if (s.status !== 'running')
        setView((v) => ({ ...v, error: s.error, failure: s.failure ?? null, cancelled: s.status === 'cancelled', running: false }));
    });
    return off;
  }, [view.jobId]);
  return [view, (jobId) => setView({ ...IDLE, jobId, running: true }), () => setView(IDLE)];
}
