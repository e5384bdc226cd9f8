// The reviewer name, set once per archive (kept in it) and written on every
// correction, acceptance and verification.
import { useState } from 'react';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

export function ReviewerName() {
  const { t } = useI18n();
  const who = useAsync(() => api.call('review.reviewer', {}), []);
  const [text, setText] = useState<string | null>(null);
  if (text !== null)
    return (
      <form
        className="row gap small"
        onSubmit={(e) => {
          e.preventDefault();
          void api.call('review.setReviewer', { name: text.trim() }).then((r) => (who.setData(r), setText(null)));
        }}
      >
        <input
          autoFocus
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('reviewerName')}
          maxLength={100}
          size={8}
          data-testid="reviewer-input"
        />
        <button type="submit" className="primary" data-testid="reviewer-save">
          {t('save')}
        </button>
        <button type="button" onClick={() => setText(null)}>
          {t('cancel')}
        </button>
      </form>
    );
  const name = who.data?.name ?? null;
  return (
    <button type="button" className="link small" onClick={() => setText(name ?? '')} title={t('reviewerHint')} data-testid="reviewer">
      {name ? t('reviewerIs', { name }) : t('reviewerSet')}
    </button>
  );
}
