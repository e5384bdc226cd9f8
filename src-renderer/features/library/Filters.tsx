import { QUALITY_KINDS, type Facets, type QualityKind, type ReportFilter, type ReportStatus, type TemplateId } from '../../../src-main/contract/models.js';
import { flagKindName } from '../../../src-main/core/wording/index.js';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.js';

type Level = 'province' | 'city' | 'county';
const LEVELS: Level[] = ['province', 'city', 'county'];

/**
 * The region as a hierarchy, like the charts page: a province, then one of its
 * cities, then one of that city's counties (special zones such as 平潭综合实验区
 * are a county of their province and city). Choosing a level clears the ones below.
 */
function RegionLevels({ facets, value, set }: { facets: Facets | null; value: ReportFilter; set(patch: Partial<ReportFilter>): void }) {
  const { t } = useI18n();
  const collator = useMemo(() => new Intl.Collator('zh-CN-u-co-pinyin'), []);
  const options = (level: Level) =>
    [
      ...new Set(
        (facets?.places ?? [])
          .filter((p) => (level === 'province' || p.province === value.province) && (level !== 'county' || p.city === value.city))
          .map((p) => p[level])
          .filter((x): x is string => !!x && (level !== 'county' || x !== value.city)),
      ),
    ].sort(collator.compare);
  const choose = (level: Level, v: string) => {
    const patch: Partial<ReportFilter> = { [level]: v || undefined };
    for (const below of LEVELS.slice(LEVELS.indexOf(level) + 1)) patch[below] = undefined;
    set(patch);
  };
  return (
    <label>
      {t('filterRegion')}
      <span className="row" style={{ gap: 4 }} data-testid="filter-region">
        {LEVELS.map((level) => {
          const shown = level === 'province' || (level === 'city' && value.province) || (level === 'county' && value.city);
          const choices = shown ? options(level) : [];
          if (!shown || (level !== 'province' && choices.length === 0)) return null;
          return (
            <select key={level} value={value[level] ?? ''} onChange={(e) => choose(level, e.target.value)} data-testid={`filter-${level}`}>
              <option value="">{t(level === 'province' ? 'allProvinces' : level === 'city' ? 'allCities' : 'allCounties')}</option>
              {choices.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          );
        })}
      </span>
    </label>
  );
}

export function Filters({ facets, value, onChange }: { facets: Facets | null; value: ReportFilter; onChange(f: ReportFilter): void }) {
  const { t, status, lang } = useI18n();
  const set = (patch: Partial<ReportFilter>) => {
    const next: ReportFilter = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof ReportFilter)[]) if (next[k] === undefined || next[k] === '' || next[k] === false) delete next[k];
    onChange(next);
  };
  return (
    <div className="filters" data-testid="filters">
      <label>
        {t('filterYear')}
        <select value={value.year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}>
          <option value="">{t('all')}</option>
          {facets?.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <RegionLevels facets={facets} value={value} set={set} />
      <label>
        {t('filterTemplate')}
        <select value={value.template ?? ''} onChange={(e) => set({ template: (e.target.value || undefined) as TemplateId | undefined })}>
          <option value="">{t('all')}</option>
          {facets?.templates.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filterStatus')}
        <select value={value.status ?? ''} onChange={(e) => set({ status: (e.target.value || undefined) as ReportStatus | undefined })}>
          <option value="">{t('all')}</option>
          <option value="unreviewed">{status('unreviewed')}</option>
          <option value="flagged">{status('flagged')}</option>
          <option value="verified">{status('verified')}</option>
        </select>
      </label>
      <label>
        {t('filterAgency')}
        <input value={value.agency ?? ''} onChange={(e) => set({ agency: e.target.value })} data-testid="filter-agency" />
      </label>
      <label>
        {t('filterText')}
        <input value={value.text ?? ''} onChange={(e) => set({ text: e.target.value })} data-testid="filter-text" />
      </label>
      <label>
        {t('filterQuality')}
        <select
          value={value.quality ?? ''}
          onChange={(e) => set({ quality: (e.target.value || undefined) as QualityKind | 'any' | undefined })}
          data-testid="filter-quality"
        >
          <option value="">{t('all')}</option>
          <option value="any">{t('qualityAny')}</option>
          {QUALITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {flagKindName(k, lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={value.flaggedOnly ?? false} onChange={(e) => set({ flaggedOnly: e.target.checked })} />
        {t('filterFlagged')}
      </label>
      <label className="check">
        <input type="checkbox" checked={value.crossYear ?? false} onChange={(e) => set({ crossYear: e.target.checked })} data-testid="filter-cross-year" />
        {flagKindName('cross_year', lang)}
      </label>
    </div>
  );
}
