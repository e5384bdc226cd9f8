// Prompts of the keyboard review, shown above the tables: 原文如此 for the
// selected flag(s) with an optional note, and the question 已核实 asks when
// flags are still open. Enter confirms, Esc cancels.
import { useEffect, useRef, useState } from 'react';
import type { ReportFlag } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

export function AcceptBar({ flags, onAccept, onCancel }: { flags: ReportFlag[]; onAccept(note: string): void; onCancel(): void }) {
  const { t, flag } = useI18n();
  const [note, setNote] = useState('');
  return (
    <form
      className="review-bar row gap small"
      data-testid="accept-bar"
      onSubmit={(e) => {
        e.preventDefault();
        onAccept(note);
      }}
    >
      <span className="strong">
        {flags.length === 1
          ? t(flags[0]!.source === 'quality' ? 'acceptOneQuality' : 'acceptOne', { flag: flag(flags[0]!) })
          : t('acceptMany', { n: flags.length })}
      </span>
      <input
        autoFocus
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}
        placeholder={t('acceptNote')}
        maxLength={1000}
        data-testid="accept-bar-note"
      />
      <button type="submit" className="primary" data-testid="accept-bar-confirm">
        {t('acceptConfirm')} (Enter)
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')} (Esc)
      </button>
    </form>
  );
}

export function VerifyConfirm({ open, onConfirm, onCancel }: { open: number; onConfirm(): void; onCancel(): void }) {
  const { t } = useI18n();
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), []);
  return (
    <div className="review-bar warn row gap small" data-testid="verify-confirm" onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onCancel())}>
      <span className="strong" data-testid="verify-confirm-text">
        {t('verifyOpenFlags', { n: open })}
      </span>
      <button type="button" ref={ok} className="primary" onClick={onConfirm} data-testid="verify-confirm-yes">
        {t('verifyAnyway')} (Enter)
      </button>
      <button type="button" onClick={onCancel} data-testid="verify-confirm-no">
        {t('cancel')} (Esc)
      </button>
    </div>
  );
}

export function KeyHelp() {
  const { t } = useI18n();
  return (
    <div className="muted small key-help" data-testid="key-help">
      {t('gridKeys')}
    </div>
  );
}
