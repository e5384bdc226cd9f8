// 修改记录: every correction, acceptance, verification, version switch, removal
// and restore of the report (all its versions), oldest first, with who, when
// (local time) and the note; exported as CSV (UTF-8 with BOM for Excel).
import { useState } from 'react';
import { LOG_ACTION_WORDS, localStamp, logItem, logValues } from '../../../src-main/core/wording/index.js';
import { api } from '../../api/index.js';
import { errorText, useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

/** Hand a text file to the browser's download (the desktop app saves it through the same path). */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LogView({ id, version }: { id: number; version: string }) {
  const { t, lang } = useI18n();
  const log = useAsync(() => api.call('reports.log', { id }), [id, version]);
  const [note, setNote] = useState<string | null>(null);
  const exportCsv = async () => {
    try {
      const f = await api.call('reports.logCsv', { id, lang });
      download(f.name, f.csv);
      setNote(t('logSaved', { name: f.name }));
    } catch (e) {
      setNote(errorText(e));
    }
  };
  const entries = log.data ? [...log.data].reverse() : null; // newest first on screen; the CSV keeps the log's order
  return (
    <div className="pane log-pane" data-testid="log-view">
      <div className="row gap">
        <strong>{t('tabLog')}</strong>
        {entries && <span className="muted small">{t('logCount', { n: entries.length })}</span>}
        <span className="spacer" />
        {note && (
          <span className="muted small" data-testid="log-note">
            {note}
          </span>
        )}
        <button type="button" onClick={() => void exportCsv()} disabled={!entries?.length} data-testid="log-export">
          {t('logExport')}
        </button>
      </div>
      {log.error && <div className="error">{log.error}</div>}
      {entries && entries.length === 0 && <div className="muted pad">{t('logEmpty')}</div>}
      {entries && entries.length > 0 && (
        <table className="log-table" data-testid="log-table">
          <thead>
            <tr>
              <th>{t('logAt')}</th>
              <th>{t('logWho')}</th>
              <th>{t('logAction')}</th>
              <th>{t('logItem')}</th>
              <th>{t('logFrom')}</th>
              <th>{t('logTo')}</th>
              <th>{t('logNote')}</th>
              <th>{t('logVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const v = logValues(e, lang);
              return (
                <tr key={e.key} className={e.undone ? 'undone' : ''} data-testid="log-row" data-action={e.action}>
                  <td className="nowrap">{localStamp(e.at)}</td>
                  <td>{e.reviewer ?? <span className="muted">{t('logNoReviewer')}</span>}</td>
                  <td className="nowrap">
                    {LOG_ACTION_WORDS[e.action][lang]}
                    {e.undone && <span className="muted small"> （{t('logUndone')}）</span>}
                  </td>
                  <td>{logItem(e, lang)}</td>
                  <td className="num">{v.from}</td>
                  <td className="num">{v.to}</td>
                  <td>{e.note ?? ''}</td>
                  <td className="num">{e.versionId ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
