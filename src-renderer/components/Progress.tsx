import type { JobView } from './useJob.js';
import { useI18n } from '../i18n/index.js';

function duration(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m ${s % 60}s` : `${Math.floor(m / 60)}h ${m % 60}m`;
}

export function JobProgressBar({ job, onCancel }: { job: JobView; onCancel(): void }) {
  const { t } = useI18n();
  const p = job.progress;
  const pct = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : 0;
  return (
    <div className="job" data-testid="job-progress">
      <progress max={100} value={pct} />
      <div className="job-line">
        <span data-testid="job-counts">{t('progress', { done: p?.done ?? 0, total: p?.total ?? 0 })}</span>
        {p && p.rate > 0 && <span>{t('rate', { rate: p.rate })}</span>}
        {p?.etaSeconds != null && <span>{t('eta', { eta: duration(p.etaSeconds) })}</span>}
        {job.running && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
      {p?.current && <div className="muted small ellipsis">{t('current', { file: p.current })}</div>}
    </div>
  );
}
