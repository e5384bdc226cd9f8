import type { JobView } from './useJob.js';
import { useI18n } from '../i18n/index.js';

export function JobProgressBar({ job, onCancel }: { job: JobView; onCancel(): void }) {
  const { t, duration } = useI18n();
  const p = job.progress;
  const pct = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <div className="job" data-testid="job-progress">
      <progress max={100} value={pct} />
      <div className="job-line">
        <span data-testid="job-counts">{t('progress', { done: p?.done ?? 0, total: p?.total ?? 0 })}</span>
        {/* rate and ETA only while it runs: a cancelled or finished job has no time left */}
        {job.running && p && p.rate > 0 && <span>{t('rate', { rate: p.rate })}</span>}
        {job.running && p?.etaSeconds != null && <span data-testid="job-eta">{t('eta', { eta: duration(p.etaSeconds) })}</span>}
        {job.running && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      {job.running && p?.current && <div className="muted small ellipsis">{t('current', { file: p.current })}</div>}
    </div>
  );
}
