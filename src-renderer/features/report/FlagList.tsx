// The report's flags: open ones first, each with 原文如此 (accept as printed,
// with an optional note); accepted ones say so and can be revoked; those
// fixed by a correction stay visible, struck through. Quality findings
// (质量问题: late, copied, a section missing …) are listed apart from the
// extraction doubts (提取疑问), and accepted as 情况属实.
import { useState } from 'react';
import type { ReportFlag } from '../../../src-main/contract/models.js';
import { flagCategory, flagText as describeFlag } from '../../../src-main/core/wording/index.js';
import { useI18n } from '../../i18n/index.js';
import { CopiedPassages } from './CopiedPassages.js';

interface Props {
  flags: ReportFlag[];
  /** The report shown: a copied_text flag opens its two passages side by side. */
  reportId?: number;
  onSelect(flag: ReportFlag): void;
  onAccept(flag: ReportFlag, note: string): Promise<void>;
  onUnaccept(flag: ReportFlag): Promise<void>;
  /** Several open flags ticked and accepted with one note (the page asks for the note). */
  onAcceptMany?(flags: ReportFlag[]): void;
}

const rank = (f: ReportFlag) => (!f.resolved ? 0 : f.accepted ? 1 : 2);

export function FlagList({ flags, reportId, onSelect, onAccept, onUnaccept, onAcceptMany }: Props) {
  const { t, lang } = useI18n();
  // The flag whose note is being typed. Ids change when the report changes, so the form closes then.
  const [accepting, setAccepting] = useState<number | null>(null);
  const [note, setNote] = useState('');
  // The copied_text flag whose passages are shown side by side.
  const [comparing, setComparing] = useState<number | null>(null);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const openAll = flags.filter((f) => !f.resolved && f.source !== 'quality'); // bulk: the extraction doubts
  const tickedOpen = openAll.filter((f) => ticked.has(f.id));
  const bulk = !!onAcceptMany && openAll.length > 1;
  const doubts = flags.filter((f) => f.source !== 'quality');
  const quality = flags.filter((f) => f.source === 'quality');
  const open = doubts.filter((f) => !f.resolved).length;
  const list = (items: ReportFlag[], testId: string) => {
    const sorted = [...items].sort((a, b) => rank(a) - rank(b));
    const isQ = testId === 'quality-list';
    return (
      <ul className="flags small" data-testid={testId}>
        {sorted.map((f) => (
          <li
            key={f.id}
            className={f.accepted ? 'accepted' : f.resolved ? 'resolved' : undefined}
            data-testid={isQ ? 'quality-flag' : 'flag'}
            data-kind={f.kind}
            data-rule={f.rule ?? ''}
            data-state={f.accepted ? 'accepted' : f.resolved ? 'fixed' : 'open'}
            onClick={() => onSelect(f)}
          >
            {bulk && !f.resolved && !isQ && (
              <input
                type="checkbox"
                checked={ticked.has(f.id)}
                onClick={(e) => e.stopPropagation()}
                onChange={(e) =>
                  setTicked((s) => {
                    const n = new Set(s);
                    if (e.target.checked) n.add(f.id);
                    else n.delete(f.id);
                    return n;
                  })
                }
                aria-label={t('tickFlag')}
                data-testid="flag-tick"
              />
            )}
            <span title={f.message}>{describeFlag(f, lang)}</span>
            {f.kind === 'copied_text' && reportId !== undefined && (
              <button
                type="button"
                className="link"
                data-testid="flag-passages"
                onClick={(e) => (e.stopPropagation(), setComparing(comparing === f.id ? null : f.id))}
              >
                {comparing === f.id ? t('passagesHide') : t('passagesShow')}
              </button>
            )}
            {f.kind === 'copied_text' && reportId !== undefined && comparing === f.id && <CopiedPassages reportId={reportId} flagId={f.id} />}
            {f.accepted && (
              <div className="flag-accepted" data-testid="flag-accepted">
                {isQ ? t('qualityAccepted') : t('flagAccepted')}
                {f.accepted.note && `：${f.accepted.note}`}{' '}
                <button type="button" className="link" data-testid="flag-unaccept" onClick={(e) => (e.stopPropagation(), void onUnaccept(f))}>
                  {t('unacceptFlag')}
                </button>
              </div>
            )}
            {!f.resolved && accepting !== f.id && (
              <button
                type="button"
                className="link"
                title={isQ ? t('acceptQualityHint') : t('acceptFlagHint')}
                data-testid="flag-accept"
                onClick={(e) => {
                  e.stopPropagation();
                  setNote('');
                  setAccepting(f.id);
                }}
              >
                {isQ ? t('acceptQuality') : t('acceptFlag')}
              </button>
            )}
            {!f.resolved && accepting === f.id && (
              <form
                className="accept-form"
                onClick={(e) => e.stopPropagation()}
                onSubmit={(e) => {
                  e.preventDefault();
                  setAccepting(null);
                  void onAccept(f, note.trim());
                }}
              >
                <input
                  autoFocus
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={t('acceptNote')}
                  maxLength={1000}
                  data-testid="flag-accept-note"
                />
                <button type="submit" className="primary" data-testid="flag-accept-confirm">
                  {t('acceptConfirm')}
                </button>
                <button type="button" onClick={() => setAccepting(null)}>
                  {t('cancel')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <>
      {bulk && (
        <div className="row gap small bulk-accept">
          <button type="button" className="link" onClick={() => setTicked(new Set(openAll.map((f) => f.id)))} data-testid="flags-tick-all">
            {t('tickAllOpen')}
          </button>
          <button
            type="button"
            disabled={tickedOpen.length === 0}
            onClick={() => (onAcceptMany!(tickedOpen), setTicked(new Set()))}
            data-testid="flags-accept-ticked"
          >
            {t('acceptTicked', { n: tickedOpen.length })}
          </button>
        </div>
      )}
      {quality.length > 0 && (
        <h4 className="flag-category" data-testid="category-doubts">
          {flagCategory({ source: 'extract' }, lang)}
        </h4>
      )}
      {open === 0 && (
        <div className="muted small" data-testid="no-flags">
          {doubts.some((f) => f.accepted) ? t('noOpenFlags') : t('noFlags')}
        </div>
      )}
      {doubts.length > 0 && list(doubts, 'flag-list')}
      {quality.length > 0 && (
        <>
          <h4 className="flag-category" data-testid="category-quality">
            {flagCategory({ source: 'quality' }, lang)}
          </h4>
          {list(quality, 'quality-list')}
        </>
      )}
    </>
  );
}
