// The selected cell: where it was read, its flags, a correction form with a
// note, and its history.
import { useEffect, useState } from 'react';
import { fieldById, fieldLabel } from '../../../src-main/core/catalogue/index.js';
import { flagText as describeFlag, isQualityKind } from '../../../src-main/core/wording/index.js';
import type { Correction, ReportDetail } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useI18n } from '../../i18n/index.js';
import { flagsOf, formatValue, parseValue } from './cells.js';

interface Props {
  report: ReportDetail;
  field: string;
  onCorrect(value: number | null, note: string): Promise<void>;
}

export function CellPanel({ report, field, onCorrect }: Props) {
  const { t, lang, dateTime } = useI18n();
  const def = fieldById(field);
  const value = report.values[field] ?? null;
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<Correction[] | null>(null);
  useEffect(() => {
    setText(def ? formatValue(value, def.unit) : '');
    setNote('');
    setError(null);
  }, [field, value, def]);
  useEffect(() => {
    let live = true;
    api.call('cells.history', { id: report.id, field }).then(
      (h) => live && setHistory(h),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [report, field]);
  if (!def) return null;
  const src = report.cells[field];
  const flags = flagsOf(report.flags, field);
  const submit = async (raw: string) => {
    const p = parseValue(raw, def.unit);
    if (!p.ok) return setError(t(p.error));
    setError(null);
    await onCorrect(p.value, note.trim());
  };
  return (
    <div className="cell-panel" data-testid="cell-panel">
      <div className="small muted">{t('selectedCell')}</div>
      <div className="strong">{fieldLabel(field, lang)}</div>
      <details className="small muted tech" data-testid="tech-info">
        <summary>{t('techInfo')}</summary>
        <code>{t('fieldId', { id: field })}</code>
        {flags.map((f, i) => f.message && <div key={i}>{t('flagDetail', { detail: f.message })}</div>)}
      </details>
      <dl className="kv small">
        <dt>{t('value')}</dt>
        <dd data-testid="cell-value">{formatValue(value, def.unit) || t('blank')}</dd>
        {src && (
          <>
            <dt>{t('rawText')}</dt>
            <dd>
              <code>{src.raw}</code>
              {src.note && <span className="muted"> ({src.note})</span>}
            </dd>
            <dt>{t('confidence')}</dt>
            <dd>{Math.round(src.confidence * 100)}%</dd>
          </>
        )}
        {field in report.original && (
          <>
            <dt>{t('extracted')}</dt>
            <dd>{formatValue(report.original[field], def.unit) || t('blank')}</dd>
          </>
        )}
      </dl>
      {flags.length > 0 && (
        <ul className="flags small">
          {flags.map((f, i) => (
            <li key={i}>
              <span title={f.message}>{describeFlag(f, lang)}</span>
            </li>
          ))}
        </ul>
      )}
      <form
        className="correct-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit(text);
        }}
      >
        <input value={text} onChange={(e) => setText(e.target.value)} className={error ? 'invalid' : ''} aria-label={t('value')} data-testid="correct-value" />
        <input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('note')} data-testid="correct-note" />
        <button type="submit" className="primary" data-testid="correct-submit">
          {t('correct')}
        </button>
        <button type="button" onClick={() => void submit('')}>
          {t('setBlank')}
        </button>
      </form>
      {error && (
        <div className="error small" data-testid="correct-error">
          {error}
        </div>
      )}
      <div className="small strong">{t('history')}</div>
      {history && history.length === 0 && <div className="muted small">{t('noHistory')}</div>}
      <ul className="history small" data-testid="cell-history">
        {history?.map((h, i) => {
          const v = (x: number | string | null) => (typeof x === 'number' ? formatValue(x, def.unit) : (x ?? '')) || t('blank');
          if (h.flag)
            return (
              <li key={i}>
                {dateTime(h.at)}: {t(h.kind === 'accept' ? (isQualityKind(h.flag.kind) ? 'historyAcceptQuality' : 'historyAccept') : 'historyUnaccept')}{' '}
                {h.flag.rule ?? ''}
                {h.note && <span className="muted"> — {h.note}</span>}
              </li>
            );
          return (
            <li key={i} className={h.undone ? 'undone' : ''}>
              {dateTime(h.at)}: {h.kind === 'undo' ? `${t('undo')} ` : h.kind === 'redo' ? `${t('redo')} ` : ''}
              {v(h.from)} → {v(h.to)}
              {h.note && <span className="muted"> — {h.note}</span>}
              {h.reviewer && <span className="muted"> · {h.reviewer}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
