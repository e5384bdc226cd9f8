// Agencies: names as the archive knows them, with region, reports and years.
// Two picked agencies can be merged (a report named without its city and
// the same agency named in full); the merged name stays as an alias.
// Likely-same agencies are suggested (agencies.suggestMerges) with a
// one-click 合并 of the group into its fullest name.
import { useMemo, useState } from 'react';
import { api } from '../../api/index.js';
import { errorText, useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';

const SHOWN = 500;

export function AgencyPanel({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const agencies = useAsync(() => api.call('agencies.list', {}), []);
  const suggestions = useAsync(() => api.call('agencies.suggestMerges', {}), []);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const matches = useMemo(() => (agencies.data ?? []).filter((a) => !query || a.name.includes(query)), [agencies.data, query]);
  const toggle = (name: string) => setPicked((p) => (p.includes(name) ? p.filter((x) => x !== name) : [...p, name].slice(-2)));
  const merge = async (froms: string | string[], into: string) => {
    const said: string[] = [];
    try {
      for (const from of typeof froms === 'string' ? [froms] : froms) {
        const r = await api.call('agencies.merge', { from, into });
        // Count what really happened: reports that met a year the target already had became versions there (待比较 when it was reviewed).
        const waiting = r.landed.filter((l) => l.outcome === 'needs_compare').length;
        said.push(t('merged', { from, into, n: r.moved }) + (r.landed.length ? ` ${t('mergedLanded', { n: r.landed.length, waiting })}` : ''));
      }
      setError(null);
      setPicked([]);
    } catch (e) {
      setError(errorText(e));
    }
    setMessage(said.length ? said.join(' ') : null);
    agencies.reload();
    suggestions.reload();
    onChanged();
  };
  const [a, b] = picked;
  return (
    <div className="agency-panel" data-testid="agency-panel">
      <div className="row gap">
        <input placeholder={t('filterAgency')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="muted small">{t('agenciesCount', { n: matches.length })}</span>
        {a && b && (
          <>
            <button type="button" onClick={() => void merge(a, b)}>
              {t('mergeInto', { from: a, into: b })}
            </button>
            <button type="button" onClick={() => void merge(b, a)}>
              {t('mergeInto', { from: b, into: a })}
            </button>
          </>
        )}
      </div>
      <p className="muted small">{t('mergeHint')}</p>
      {!!suggestions.data?.length && (
        <div className="agency-suggestions" data-testid="agency-suggestions">
          <div className="small">{t('suggestTitle', { n: suggestions.data.length })}</div>
          <p className="muted small">{t('suggestHint')}</p>
          <ul>
            {suggestions.data.map((g) => (
              <li key={g.key} data-testid="agency-suggestion">
                <span>{[g.into, ...g.from].join('、')}</span> <span className="muted small">{t('suggestInto', { into: g.into })}</span>{' '}
                <button type="button" onClick={() => void merge(g.from, g.into)}>
                  {t('suggestMerge')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {message && <div className="small">{message}</div>}
      {error && <div className="error">{error}</div>}
      <table className="agency-table">
        <thead>
          <tr>
            <th />
            <th>{t('agency')}</th>
            <th>{t('region')}</th>
            <th>{t('reportsCol')}</th>
            <th>{t('year')}</th>
          </tr>
        </thead>
        <tbody>
          {matches.slice(0, SHOWN).map((x) => (
            <tr key={x.name} className={picked.includes(x.name) ? 'picked' : undefined} onClick={() => toggle(x.name)}>
              <td>
                <input type="checkbox" readOnly checked={picked.includes(x.name)} />
              </td>
              <td>{x.name}</td>
              <td className="muted">{x.region ?? ''}</td>
              <td className="num">{x.reports}</td>
              <td className="muted small">{x.years.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {matches.length > SHOWN && <p className="muted small">{t('moreAgencies', { n: matches.length - SHOWN })}</p>}
    </div>
  );
}
