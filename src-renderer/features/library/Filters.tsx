import { QUALITY_KINDS, type Facets, type QualityKind, type ReportFilter, type ReportStatus, type TemplateId } from '../../../src-main/contract/models.js';
import { flagKindName } from '../../../src-main/core/wording/index.js';
import { useI18n } from '../../i18n/index.js';

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
      <label>
        {t('filterRegion')}
        <select value={value.region ?? ''} onChange={(e) => set({ region: e.target.value || undefined })}>
          <option value="">{t('all')}</option>
          {facets?.regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
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
    </div>
  );
}
