// One report: source text on the left with the selected cell's span marked,
// the three tables on the right, the selected cell's panel and the flags
// (each open one can be accepted as in the original).
import { useCallback, useEffect, useRef, useState } from 'react';
import { FALLBACK_TEMPLATE, flagCoversField, reportTemplate } from '../../../src-main/core/catalogue/index.js';
import { OUTCOME_WORDS } from '../../../src-main/core/wording/index.js';
import { api } from '../../api/index.js';
import { errorText, useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { CellPanel } from './CellPanel.js';
import { FlagList } from './FlagList.js';
import { MetaEditor, type MetaPatch } from './MetaEditor.js';
import { SourcePane } from './SourcePane.js';
import { ReviewerName } from './ReviewerName.js';
import { spansOf } from './selection.js';
import { Tables } from './Tables.js';
import { AcceptBar, KeyHelp, VerifyConfirm } from './ReviewBars.js';
import { RemoveBar, VersionsPanel } from './VersionsPanel.js';
import { flagTarget, useReview } from './useReview.js';
import { LogView } from './LogView.js';
import { warmPdf } from './pdf.js';
import { LastYearView } from './LastYearView.js';
import type { QueueScope } from '../../../src-main/contract/models.js';

interface Props {
  id: number;
  /** The reports the library showed, in order: previous/next walk through them. */
  ids: number[];
  /** Opened from the review queue: 核实并下一份 and R go to the queue's next report. */
  queue?: QueueScope | undefined;
  onOpen(id: number): void;
  onBack(): void;
}

export function ReportPage({ id, ids, queue, onOpen, onBack }: Props) {
  const { t, lang, status, error: words, flag: flagWords } = useI18n();
  const detail = useAsync(() => api.call('reports.get', { id }), [id]);
  const text = useAsync(() => api.call('reports.text', { id }), [id]);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [editMeta, setEditMeta] = useState(false);
  const r = detail.data;
  const at = ids.indexOf(id);
  const prev = at > 0 ? ids[at - 1] : undefined;
  const next = at >= 0 && at < ids.length - 1 ? ids[at + 1] : undefined;
  const gridRef = useRef<HTMLDivElement>(null);
  // Small screens: the side pane folds away, the header's less used actions go into a menu (CSS, below 1200 px).
  const [sideOpen, setSideOpen] = useState(() => window.innerWidth >= 1200);
  const [menu, setMenu] = useState(false);
  const [tab, setTab] = useState<'review' | 'log' | 'lastYear'>('review');
  const nextToReview = useCallback(async () => {
    try {
      // From the queue: its next report (verified ones have left it); else the next unverified one the library showed.
      const to = queue
        ? ((await api.call('review.queue', { ...queue, after: id })).next ?? { id: null })
        : await api.call('reports.nextToReview', { after: id, ids });
      if (to.id !== null) onOpen(to.id);
      else setNote(t(queue ? 'queueDone' : 'noMoreToReview'));
    } catch (e) {
      setError(errorText(e));
    }
  }, [id, ids, queue, onOpen, t]);
  // 核实并下一份 asks first (as 已核实 does) when flags are open; it moves on only once the report is verified.
  const [andNext, setAndNext] = useState(false);
  const review = useReview({ id, report: r, setReport: detail.setData, setError, grid: gridRef, onNextReport: () => void nextToReview() });
  const { selected, undo, redo } = review;
  const verifyAndNext = async () => {
    const cur = detail.data;
    if (!cur) return;
    if (cur.status === 'verified') return void nextToReview();
    const open = cur.flags.filter((f) => !f.resolved && f.source !== 'quality').length;
    if (open > 0) {
      setTab('review');
      setAndNext(true);
      review.setConfirmVerify(open);
    } else if (await review.setVerified(true)) await nextToReview();
  };
  useEffect(() => {
    setTab('review');
    setAndNext(false);
  }, [id]);
  // pdf.js and its worker start while the report and its text load, not after (the page viewer opens faster).
  const isPdf = r?.format === 'pdf' || r?.source.format === 'pdf';
  useEffect(() => {
    if (isPdf) warmPdf();
  }, [isPdf]);

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
  const template = reportTemplate(r.template, r.year) ?? FALLBACK_TEMPLATE;

  return (
    <div className="report-page" data-testid="report-page">
      <div className="report-head row gap">
        <button type="button" onClick={onBack}>
          ← {t('back')}
        </button>
        <button type="button" disabled={prev === undefined} onClick={() => prev !== undefined && onOpen(prev)} title="Alt+←" data-testid="prev-report">
          ‹
        </button>
        <span className="muted small">{at >= 0 ? `${at + 1} / ${ids.length}` : ''}</span>
        <button type="button" disabled={next === undefined} onClick={() => next !== undefined && onOpen(next)} title="Alt+→" data-testid="next-report">
          ›
        </button>
        <h2 data-testid="report-title">
          {r.agency ?? '—'} · {r.year ?? '—'}
        </h2>
        <span className="muted small">
          {t('template')} {r.template ?? '—'}
        </span>
        <span className="muted small ellipsis" data-filename="" title={`${r.source.name}${r.extractorVersion ? ` · ${r.extractorVersion}` : ''}`}>
          {r.source.name}
          {r.publishedAt && ` · ${r.publishedAt}`}
        </span>
        <span className={`badge st-${r.status}`} data-testid="report-status">
          {status(r.status)}
        </span>
        {r.needsCompare && (
          <span className="badge st-flagged" data-testid="report-needs-compare">
            {t('versionPending')}
          </span>
        )}
        <span className="spacer" />
        <ReviewerName />
        <button type="button" disabled={!review.undoLabel} onClick={() => void undo()} title={`${review.undoLabel ?? ''} (Ctrl+Z)`} data-testid="undo">
          {t('undo')}
        </button>
        <button type="button" disabled={!review.redoLabel} onClick={() => void redo()} title={`${review.redoLabel ?? ''} (Ctrl+Y)`} data-testid="redo">
          {t('redo')}
        </button>
        <button type="button" className="head-menu-btn" onClick={() => setMenu((m) => !m)} aria-expanded={menu} data-testid="head-menu">
          {t('moreActions')} ▾
        </button>
        <button type="button" onClick={() => setSideOpen((x) => !x)} aria-pressed={!sideOpen} data-testid="toggle-side" title={t('toggleSideHint')}>
          {sideOpen ? t('hideSide') : t('showSide')}
        </button>
        <span className={menu ? 'head-actions open' : 'head-actions'} data-testid="head-actions" onClick={() => setMenu(false)}>
          <button type="button" onClick={() => setEditMeta((x) => !x)}>
            {t('editMeta')}
          </button>
          <RemoveBar id={id} onRemoved={onBack} onError={setError} />
          <button type="button" onClick={() => void reextract()} title={t('reextractHint')}>
            {t('reextract')}
          </button>
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
        </span>
        <button type="button" className={r.status === 'verified' || queue ? '' : 'primary'} onClick={() => review.requestVerify()} data-testid="verify">
          {r.status === 'verified' ? t('unmarkVerified') : t('markVerified')}
        </button>
        {queue && (
          <button type="button" className="primary" onClick={() => void verifyAndNext()} title={t('verifyAndNextHint')} data-testid="verify-next">
            {t('verifyAndNext')}
          </button>
        )}
        <div className="row gap report-tabs" role="tablist">
          {(
            [
              ['review', t('tabReview')],
              ['log', t('tabLog')],
              ['lastYear', t('tabLastYear')],
            ] as const
          ).map(([k, label]) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'tab active' : 'tab'}
              onClick={() => setTab(k)}
              data-testid={`report-tab-${k}`}
            >
              {label}
            </button>
          ))}
        </div>
      </div>
      {editMeta && (
        <MetaEditor
          report={r}
          onClose={() => setEditMeta(false)}
          onSave={async (p: MetaPatch) => {
            // Landing on an agency + year that already has a report makes this one a version of it: said, never silent.
            const landed = await api.call('reports.setMeta', { id, ...p }).then(
              (d) => (detail.setData(d), setError(null), d.landing),
              (e: unknown) => (setError(errorText(e)), null),
            );
            if (landed && landed.outcome !== 'new')
              setNote(
                t('landedNotice', {
                  agency: p.agency ?? r.agency ?? '—',
                  year: p.year ?? r.year ?? '—',
                  outcome: landed.outcome === 'needs_compare' ? t('versionPending') : OUTCOME_WORDS[landed.outcome][lang],
                  active: landed.activeId,
                }),
              );
            setEditMeta(false);
          }}
        />
      )}
      {error && <div className="error">{error}</div>}
      {note && (
        <div className="muted small" data-testid="report-note">
          {note}
        </div>
      )}
      {review.notice && (
        <div className="notice small" data-testid="review-notice">
          {review.notice}
        </div>
      )}
      {(review.undoLabel || review.redoLabel) && (
        <div className="muted small" data-testid="undo-label">
          {review.undoLabel}
          {review.undoLabel && review.redoLabel && ' · '}
          {review.redoLabel}
        </div>
      )}
      {r.error && <div className="error">{t('readError', { error: r.errorInfo ? words(r.errorInfo) : r.error })}</div>}
      {tab === 'log' && <LogView id={id} version={`${r.status}-${r.corrected.length}-${r.flagCount}-${r.canUndo}`} />}
      {tab === 'lastYear' && <LastYearView report={r} version={`${r.corrected.length}-${r.canUndo}`} onOpen={onOpen} />}
      <div className={sideOpen ? 'report-body' : 'report-body side-closed'} hidden={tab !== 'review'}>
        <div className="pane source-pane">
          <SourcePane reportId={id} text={text.data} spans={spansOf(r, selected, review.rowMark, text.data?.text ?? null)} />
        </div>
        <div className="pane tables-pane" ref={gridRef} tabIndex={0} onKeyDown={review.onGridKey} data-testid="grid">
          {review.confirmVerify !== null && (
            <VerifyConfirm
              open={review.confirmVerify}
              onConfirm={() =>
                void review.setVerified(true).then((ok) => {
                  if (ok && andNext) void nextToReview();
                  else review.focusGrid();
                  setAndNext(false);
                })
              }
              onCancel={() => (review.setConfirmVerify(null), setAndNext(false), review.focusGrid())}
            />
          )}
          {review.accepting && (
            <AcceptBar
              flags={review.accepting}
              onAccept={(n) => void review.accept(review.accepting!, n)}
              onCancel={() => (review.setAccepting(null), review.focusGrid())}
            />
          )}
          <KeyHelp />
          {review.focusFlag && (
            <div className="review-bar small" data-testid="focus-flag">
              {t('focusFlag', { flag: flagWords(review.focusFlag) })}
            </div>
          )}
          <Tables report={r} template={template} selected={selected} onSelect={(f) => (review.select(f), review.focusGrid())} grid={review.editing} />
        </div>
        <div className="pane side-pane" hidden={!sideOpen} data-testid="side-pane">
          {selected ? (
            <CellPanel report={r} field={selected} onCorrect={async (value, n) => void (await review.correct(selected, value, n || undefined))} />
          ) : (
            <div className="muted small">{t('noCellSelected')}</div>
          )}
          <div className="small strong">{t('flagsTitle')}</div>
          <FlagList
            flags={r.flags}
            reportId={r.id}
            onSelect={(f) => {
              const x = flagTarget(f);
              review.selectFlag(f);
              if (x.rows && !Object.keys(r.cells).some((k) => flagCoversField(x.rows!, k))) setNote(t('rowNotFound'));
            }}
            onAccept={(f, n) => review.accept([f], n)}
            onUnaccept={async (f) => void (await review.unaccept(f))}
            onAcceptMany={(fl) => review.setAccepting(fl)}
          />
          <VersionsPanel report={r} onReport={(d) => (d.id !== id ? onOpen(d.id) : detail.setData(d))} onError={setError} onNote={setNote} />
        </div>
      </div>
    </div>
  );
}
