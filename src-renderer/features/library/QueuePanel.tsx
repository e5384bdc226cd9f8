// The review queue across reports: an import run (or all reports), the kind of
// work with its count (待审, 有疑问, 待比较, 跨年核对), and the list of the
// reports not yet verified; opening one reviews the queue in turn (核实并下一份).
import { CROSS_YEAR_KINDS, type QueueScope } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { ReportList } from './ReportList.js';

/** The queue's scope as the list and the report page ask for it (the cross-year kinds filled in). */
export function queueScope(s: QueueScope): QueueScope {
  return s.kind === 'kinds' ? { ...s, kinds: [...CROSS_YEAR_KINDS] } : s;
}

export function QueuePanel({
  scope,
  onScope,
  onOpen,
}: {
  scope: QueueScope;
  onScope(s: QueueScope): void;
  onOpen(id: number, ids: number[], q: QueueScope): void;
}) {
  const { t, dateTime } = useI18n();
  const full = queueScope(scope);
  const q = useAsync(() => api.call('review.queue', { ...full, ...(full.kind === 'kinds' ? {} : { kinds: [...CROSS_YEAR_KINDS] }) }), [JSON.stringify(full)]);
  const c = q.data?.counts;
  const chip = (kind: NonNullable<QueueScope['kind']>, label: string) => (
    <button
      type="button"
      className={(scope.kind ?? 'todo') === kind ? 'tab active' : 'tab'}
      onClick={() => onScope({ ...scope, kind })}
      data-testid={`queue-${kind}`}
      aria-pressed={(scope.kind ?? 'todo') === kind}
    >
      {label}
    </button>
  );
  return (
    <div className="queue" data-testid="queue">
      <div className="filters">
        <label>
          {t('queueRun')}
          <select
            value={scope.runId ?? ''}
            onChange={(e) => onScope({ ...scope, ...(e.target.value ? { runId: Number(e.target.value) } : { runId: undefined }) })}
            data-testid="queue-run"
          >
            <option value="">{t('queueAllRuns')}</option>
            {q.data?.runs.map((r) => (
              <option key={r.id} value={r.id}>
                {t('queueRunOption', { id: r.id, at: dateTime(r.startedAt), n: r.imported })}
              </option>
            ))}
          </select>
        </label>
        <span className="row gap wrap">
          {chip('todo', t('queueTodo', { n: c?.todo ?? '…' }))}
          {chip('flagged', t('queueFlagged', { n: c?.flagged ?? '…' }))}
          {chip('needs_compare', t('queueCompare', { n: c?.needsCompare ?? '…' }))}
          {chip('kinds', t('queueCrossYear', { n: c?.kinds ?? '…' }))}
          <span className="muted small" data-testid="queue-verified">
            {t('queueVerified', { n: c?.verified ?? '…' })}
          </span>
        </span>
      </div>
      {q.error && <div className="error">{q.error}</div>}
      <div className="muted small">{t('queueHint')}</div>
      {q.data && <ReportList filter={q.data.filter} onOpen={(id, ids) => onOpen(id, ids, full)} />}
    </div>
  );
}
