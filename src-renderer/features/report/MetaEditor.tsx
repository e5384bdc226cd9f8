import { useState } from 'react';
import { TEMPLATE_IDS, type TemplateId } from '../../../src-main/core/catalogue/types.js';
import type { ReportDetail } from '../../../src-main/contract/models.js';
import { useI18n } from '../../i18n/index.js';

export interface MetaPatch {
  agency?: string;
  year?: number;
  template?: TemplateId;
}

export function MetaEditor({ report, onSave, onClose }: { report: ReportDetail; onSave(p: MetaPatch): Promise<void>; onClose(): void }) {
  const { t } = useI18n();
  const [agency, setAgency] = useState(report.agency ?? '');
  const [year, setYear] = useState(report.year ? String(report.year) : '');
  const [template, setTemplate] = useState<TemplateId | ''>(report.template ?? '');
  const y = Number(year);
  const yearOk = /^\d{4}$/.test(year) && y >= 1990 && y <= 2100;
  return (
    <form
      className="meta-editor row gap"
      onSubmit={(e) => {
        e.preventDefault();
        const patch: MetaPatch = {};
        if (agency.trim() && agency.trim() !== report.agency) patch.agency = agency.trim();
        if (yearOk && y !== report.year) patch.year = y;
        if (template && template !== report.template) patch.template = template;
        void onSave(patch);
      }}
    >
      <label>
        {t('agency')} <input value={agency} onChange={(e) => setAgency(e.target.value)} data-testid="meta-agency" />
      </label>
      <label>
        {t('year')} <input value={year} onChange={(e) => setYear(e.target.value)} size={5} className={yearOk || !year ? '' : 'invalid'} />
      </label>
      <label>
        {t('template')}
        <select value={template} onChange={(e) => setTemplate(e.target.value as TemplateId)}>
          <option value="" />
          {TEMPLATE_IDS.map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        {t('save')}
      </button>
      <button type="button" onClick={onClose}>
        {t('cancel')}
      </button>
    </form>
  );
}
