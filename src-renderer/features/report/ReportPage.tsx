// One report: source text on the left with the selected cell's span marked,
// the three tables on the right, the selected cell's panel and the flags
// (each open one can be accepted as in the original).
import { useCallback, useEffect, useState } from 'react';
import { templateForYear } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { errorText, useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { CellPanel } from './CellPanel.js';
import { FlagList } from './FlagList.js';
import { MetaEditor, type MetaPatch } from './MetaEditor.js';
import { SourcePane } from './SourcePane.js';
import { spansOf } from './selection.js';
import { Tables } from './Tables.js';

interface Props {
  id: number;
  /** The reports the library showed, in order: previous/next walk through them. */
  ids: number[];
  onOpen(id: number): void;
  onBack(): void;
}

export function ReportPage({ id, ids, onOpen, onBack }: Props) {
  const { t, status, error: words } = useI18n();
  const detail = useAsync(() => api.call('reports.get', { id }), [id]);
  const text = useAsync(() => api.call('reports.text', { id }), [id]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [editMeta, setEditMeta] = useState(false);
  const r = detail.data;
  const at = ids.indexOf(id);
  const prev = at > 0 ? ids[at - 1] : undefined;
  const next = at >= 0 && at < ids.length - 1 ? ids[at + 1] : undefined;
  useEffect(() => setSelected(null), [id]);

  const act = useCallback(
    async (p: Promise<ReportDetail>) => {
      try {
        detail.setData(await p);
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [detail],
  );
  const reextract = async () => {
    try {
      const { jobId } = await api.call('reextract.start', { ids: [id] });
      const off = api.subscribe((e) => {
        if ((e.name === 'job.done' || e.name === 'job.failed') && e.payload.jobId === jobId) {
          off();
          if (e.name === 'job.failed') setError(e.payload.failure ? words(e.payload.failure) : e.payload.error);
          detail.reload();
          text.reload();
        }
      });
    } catch (e) {
      setError(errorText(e));
    }
  };
  const undo = useCallback(() => act(api.call('cells.undo', { id })), [act, id]);
  const redo = useCallback(() => act(api.call('cells.redo', { id })), [act, id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        const to = e.key === 'ArrowLeft' ? prev : next;
        if (to !== undefined) onOpen(to);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || (e.target instanceof HTMLInputElement && e.target.type === 'text')) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    const off = api.subscribe((e) => {
      if (e.name !== 'menu.command' || (e.payload.command !== 'undo' && e.payload.command !== 'redo')) return;
      // The menu's accelerator also fires inside text fields: there it edits the text.
      if (document.activeElement instanceof HTMLInputElement) document.execCommand(e.payload.command);
      else void (e.payload.command === 'undo' ? undo() : redo());
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [undo, redo, prev, next, onOpen]);

  if (detail.error) return <div className="error pad">{detail.error}</div>;
  if (!r) return <div className="muted pad">{t('loading')}</div>;
  const template = r.template ?? (r.year ? templateForYear(r.year) : null) ?? '2019';

  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-head row gap">
        <button type="button" onClick={onBack}>← {t('back')}</button>
        <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && onOpen(prev)} title="Alt+←" data-testid="prev-report">‹</button>
        <span className="muted small">{at >= 0 ? `${at + 1} / ${ids.length}` : ''}</span>
        <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onOpen(next)} title="Alt+→" data-testid="next-report">›</button>
        <h2 data-testid="report-title">
          {r.agency ?? '—'} · {r.year ?? '—'}
        </h2>
        <span className="muted small">{t('template')} {r.template ?? '—'}</span>
        <span className="muted small ellipsis" title={`${r.sourceName ?? r.file}${r.extractorVersion ? ` · ${r.extractorVersion}` : ''}`}>
          {r.sourceName ?? r.file}
          {r.publishedAt && ` · ${r.publishedAt}`}
        </span>
        <span className={`badge st-${r.status}`} data-testid="report-status">{status(r.status)}</span>
        <span className="spacer" />
        <button type="button" disabled={!r.canUndo} onClick={() => void undo()} title="Ctrl+Z" data-testid="undo">{t('undo')}</button>
        <button type="button" disabled={!r.canRedo} onClick={() => void redo()} title="Ctrl+Y" data-testid="redo">{t('redo')}</button>
        <button type="button" onClick={() => setEditMeta((x) => !x)}>{t('editMeta')}</button>
        <button type="button" onClick={() => void reextract()} title={t('reextractHint')}>{t('reextract')}</button>
        <button
          type="button"
          onClick={() =>
            void api.call('reports.openOriginal', { id }).then(
              (o) => !o.opened && setNote(t('originalAt', { path: o.path })),
              (e: unknown) => setError(errorText(e)),
            )
          }
        >
          {t('openOriginal')}
        </button>
        <button
          type="button"
          className={r.status === 'verified' ? '' : 'primary'}
          onClick={() => void act(api.call('reports.verify', { id, verified: r.status !== 'verified' }))}
          data-testid="verify"
        >
          {r.status === 'verified' ? t('unmarkVerified') : t('markVerified')}
        </button>
      </div>
      {editMeta && (
        <MetaEditor
          report={r}
          onClose={() => setEditMeta(false)}
          onSave={async (p: MetaPatch) => {
            await act(api.call('reports.setMeta', { id, ...p }));
            setEditMeta(false);
          }}
        />
      )}
      {error && <div className="error">{error}</div>}
      {note && <div className="muted small">{note}</div>}
      {r.error && <div className="error">{t('readError', { error: r.errorInfo ? words(r.errorInfo) : r.error })}</div>}
      <div className="report-body">
        <div className="pane source-pane">
          <SourcePane reportId={id} text={text.data} spans={spansOf(r, selected)} />
        </div>
        <div className="pane tables-pane">
          <Tables
            report={r}
            template={template}
            selected={selected}
            onSelect={setSelected}
            onCommit={(field, value) => act(api.call('cells.correct', { id, field, value }))}
          />
        </div>
        <div className="pane side-pane">
          {selected ? (
            <CellPanel report={r} field={selected} onCorrect={(value, n) => act(api.call('cells.correct', { id, field: selected, value, ...(n ? { note: n } : {}) }))} />
          ) : (
            <div className="muted small">{t('noCellSelected')}</div>
          )}
          <div className="small strong">{t('flagsTitle')}</div>
          <FlagList
            flags={r.flags}
            onSelect={(f) => f.fields[0] && setSelected(f.fields.find((x) => x.split('.').length === 3) ?? f.fields[0])}
            onAccept={(f, n) => act(api.call('flags.accept', { id, flagId: f.id, ...(n ? { note: n } : {}) }))}
            onUnaccept={(f) => act(api.call('flags.unaccept', { id, flagId: f.id }))}
          />
        </div>
      </div>
    </div>
  );
}
