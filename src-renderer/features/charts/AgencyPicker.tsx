// Choose one agency among hundreds: type part of the name or region; the list
// is sorted by pinyin (Intl.Collator zh-CN-u-co-pinyin), not by code point.
import { useMemo, useState } from 'react';
import type { ChartAgency } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

const SHOW = 200;

export function AgencyPicker({ agencies, value, onChange }: { agencies: ChartAgency[]; value: string; onChange(name: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const sorted = useMemo(() => {
    const c = new Intl.Collator('zh-CN-u-co-pinyin');
    return [...agencies].sort((a, b) => c.compare(a.name, b.name));
  }, [agencies]);
  const query = q.trim();
  const hits = query ? sorted.filter((a) => a.name.includes(query) || (a.region ?? '').includes(query)) : sorted;
  return (
    <div className="agency-picker" data-testid="agency-picker">
      <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchAgency')} data-testid="agency-search" />
      <span className="muted small"> {t('agencyChosen', { name: value || '—' })}</span>
      <ul className="picker-list small" data-testid="agency-options">
        {hits.slice(0, SHOW).map((a) => (
          <li key={a.name}>
            <button type="button" className={a.name === value ? 'link strong' : 'link'} onClick={() => onChange(a.name)} data-testid="agency-option">
              {a.name}
            </button>{' '}
            <span className="muted">{a.region ?? ''}</span>
          </li>
        ))}
      </ul>
      {hits.length > SHOW && <div className="muted small">{t('moreAgencies', { n: hits.length - SHOW })}</div>}
    </div>
  );
}
