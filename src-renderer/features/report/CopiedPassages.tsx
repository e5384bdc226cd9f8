// A copied_text flag's two passages side by side (this report's section and
// the report it repeats), the common parts marked: what an assessor reads
// before calling a section 内容雷同 (handler flags.passages).
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { segments } from './passages.js';

export function CopiedPassages({ reportId, flagId }: { reportId: number; flagId: number }) {
  const { t } = useI18n();
  const p = useAsync(() => api.call('flags.passages', { id: reportId, flagId }), [reportId, flagId]);
  if (p.error) return <div className="error small">{p.error}</div>;
  if (!p.data) return <div className="small muted">…</div>;
  const side = (s: typeof p.data.a, title: string, testId: string) => (
    <div className="passage-side" data-testid={testId}>
      <div className="small strong">{title}</div>
      <div className="passage-text small">
        {segments(s.text, s.common).map((g, i) => (g.common ? <mark key={i}>{g.text}</mark> : <span key={i}>{g.text}</span>))}
      </div>
    </div>
  );
  const d = p.data;
  return (
    <div className="copied-passages" data-testid="copied-passages" onClick={(e) => e.stopPropagation()}>
      <div className="small muted">{t('passagesCommon', { percent: d.percent ?? '?' })}</div>
      <div className="passage-pair">
        {side(d.a, t('passagesThis', { year: d.a.year ?? '?' }), 'passage-this')}
        {side(d.b, t('passagesOther', { agency: d.b.agency ?? '?', year: d.b.year ?? '?' }), 'passage-other')}
      </div>
    </div>
  );
}
