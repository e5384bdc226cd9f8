// The trash (回收站): removed reports with their reason; each can be restored as it was.
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

export function TrashList({ onRestored }: { onRestored(): void }) {
  const { t, error, dateTime } = useI18n();
  const trash = useAsync(() => api.call('reports.trash', {}), []);
  if (trash.error) return <div className="error">{trash.error}</div>;
  if (!trash.data) return <div className="muted pad">{t('loading')}</div>;
  if (!trash.data.length)
    return (
      <div className="muted pad" data-testid="trash-empty">
        {t('trashEmpty')}
      </div>
    );
  return (
    <table className="report-list" data-testid="trash">
      <tbody>
        {trash.data.map((e) => (
          <tr key={e.id} data-testid={`trash-${e.id}`}>
            <td>{e.agency ?? '—'}</td>
            <td>{e.year ?? t('unknownYear')}</td>
            <td>{e.kind === 'not_report' ? t('trashNotReport') : t('trashRemoved')}</td>
            <td className="muted small">{dateTime(e.removedAt)}</td>
            <td>{e.reason ?? ''}</td>
            <td className="muted small">{t('trashFiles', { n: e.sources })}</td>
            <td>
              <button
                type="button"
                data-testid={`restore-${e.id}`}
                onClick={() =>
                  void api.call('reports.restore', { id: e.id }).then(
                    () => (trash.reload(), onRestored()),
                    (x: unknown) => window.alert(error(x)),
                  )
                }
              >
                {t('trashRestore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
