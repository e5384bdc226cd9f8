// The 版本 panel: every version of the report (its agency + year) with its
// source files, a side-by-side comparison with the active one (differing
// cells, one by one takeable), switching the active version, keeping it when
// a new version waits (待比较), and moving the report to the trash.
import { useState } from 'react';
import { fieldLabel } from '../../../src-main/core/catalogue/index.js';
import type { ReportDetail, VersionCompare } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useI18n } from '../../i18n/index.js';

interface Props {
  report: ReportDetail;
  /** A call changed the report: show this one (the active id may change on a switch). */
  onReport(r: ReportDetail): void;
  onError(message: string): void;
  onNote(message: string): void;
}

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);

export function VersionsPanel({ report: r, onReport, onError, onNote }: Props) {
  const { t, lang, status, error, dateTime } = useI18n();
  const [cmp, setCmp] = useState<VersionCompare | null>(null);
  const run = async <T,>(p: Promise<T>, then: (x: T) => void) => {
    try {
      then(await p);
    } catch (e) {
      onError(error(e));
    }
  };
  const compare = (versionId: number) => run(api.call('reports.compare', { id: r.id, versionId }), setCmp);
  return (
    <div className="versions" data-testid="versions-panel">
      <div className="small strong">{t('versionsTitle')}</div>
      {r.needsCompare && (
        <div className="notice small" data-testid="needs-compare">
          {t('needsCompareNotice')}{' '}
          <button
            type="button"
            data-testid="keep-version"
            onClick={() => void run(api.call('reports.keepVersion', { id: r.id }), (d) => (setCmp(null), onReport(d)))}
          >
            {t('versionKeep')}
          </button>
        </div>
      )}
      <ul className="plain">
        {r.versions.map((v) => (
          <li key={v.id} className={v.active ? 'version active' : 'version'} data-testid={`version-${v.id}`}>
            <div className="row gap">
              <span className="strong">{t('versionLabel', { id: v.id })}</span>
              {v.active && <span className="badge">{t('versionActive')}</span>}
              {v.pending && <span className="badge st-flagged">{t('versionPending')}</span>}
              {v.reviewed && <span className="badge st-verified">{t('versionReviewed')}</span>}
              <span className={`badge st-${v.status}`}>{status(v.status as 'verified')}</span>
            </div>
            <div className="muted small">
              {t('versionFacts', { values: v.valuesFound, tables: v.missingTables, flags: v.flags })} · {t('versionSources', { n: v.sources.length })}
            </div>
            <ul className="plain small">
              {v.sources.map((s) => (
                <li key={s.reportId} data-testid={`source-${s.reportId}`}>
                  #{s.reportId} <code>{s.file}</code> — <code>{s.format ?? '?'}</code>{' '}
                  {t('sourceFacts', { format: '', size: size(s.size), at: dateTime(s.importedAt) })}
                </li>
              ))}
            </ul>
            {!v.active && (
              <div className="row gap">
                <button type="button" data-testid={`compare-${v.id}`} onClick={() => void compare(v.id)}>
                  {t('versionCompare')}
                </button>
                <button
                  type="button"
                  data-testid={`use-version-${v.id}`}
                  onClick={() =>
                    void run(api.call('reports.useVersion', { id: r.id, versionId: v.id }), (x) => {
                      setCmp(null);
                      const names = (ids: string[]) => ids.map((id) => fieldLabel(id, lang)).join('、') || t('none');
                      onNote(
                        t('switchedCarried', { carried: names(x.carried), flagged: names(x.flagged) }) +
                          (x.acceptances.length ? t('switchedAccepted', { n: x.acceptances.length }) : '') +
                          (x.verified ? t('switchedVerified') : ''),
                      );
                      onReport(x.report);
                    })
                  }
                >
                  {t('versionUse')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {cmp && (
        <div className="compare" data-testid="compare-view">
          <div className="small strong">{t('compareTitle', { id: cmp.other.id, n: cmp.differing })}</div>
          {cmp.differing === 0 ? (
            <div className="muted small">{t('compareNone')}</div>
          ) : (
            <table className="small">
              <thead>
                <tr>
                  <th />
                  <th>{t('compareCurrent')}</th>
                  <th>{t('compareOther', { id: cmp.other.id })}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {cmp.cells
                  .filter((c) => c.differs)
                  .map((c) => (
                    <tr key={c.field} className="differs" data-testid={`diff-${c.field}`}>
                      <td>{fieldLabel(c.field, lang)}</td>
                      <td>
                        {c.current ?? '—'}
                        {c.corrected ? ' *' : ''}
                      </td>
                      <td>{c.other ?? '—'}</td>
                      <td>
                        <button
                          type="button"
                          data-testid={`take-${c.field}`}
                          onClick={() =>
                            void run(
                              api.call('reports.takeCell', { id: r.id, versionId: cmp.other.id, field: c.field }),
                              (d) => (onReport(d), void compare(cmp.other.id)),
                            )
                          }
                        >
                          {t('versionTake')}
                        </button>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}

/** 移出档案库 / 标记为非年报, with an optional reason; the report leaves every view (回收站 keeps it). */
export function RemoveBar({ id, onRemoved, onError }: { id: number; onRemoved(): void; onError(m: string): void }) {
  const { t, error } = useI18n();
  const [open, setOpen] = useState<null | 'removed' | 'not_report'>(null);
  const [reason, setReason] = useState('');
  if (!open)
    return (
      <span className="row gap">
        <button type="button" data-testid="remove-report" onClick={() => setOpen('removed')}>
          {t('removeReport')}
        </button>
        <button type="button" data-testid="not-report" onClick={() => setOpen('not_report')}>
          {t('markNotReport')}
        </button>
      </span>
    );
  return (
    <span className="row gap">
      <input type="text" placeholder={t('removeReason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="remove-reason" />
      <button
        type="button"
        className="primary"
        data-testid="remove-confirm"
        onClick={() =>
          void api
            .call('reports.remove', { id, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(open === 'not_report' ? { notReport: true } : {}) })
            .then(onRemoved, (e: unknown) => onError(error(e)))
        }
      >
        {t('removeConfirm')}
      </button>
      <button type="button" onClick={() => setOpen(null)}>
        {t('cancel')}
      </button>
    </span>
  );
}
