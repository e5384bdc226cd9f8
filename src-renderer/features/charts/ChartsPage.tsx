// Two views: one agency over the years (requests and outcomes), and one year
// across agencies (outcomes). Series names come from the catalogue.
import { useMemo, useState } from 'react';
import { fieldLabel } from '../../../src-main/core/catalogue/index.js';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { EChart, type ChartOption } from './EChart.js';

const AGENCY_FIELDS = ['requests.new.total', 'requests.granted.total', 'requests.partial.total', 'requests.total.total', 'requests.carried_forward.total'];
const YEAR_FIELDS = ['requests.granted.total', 'requests.partial.total', 'requests.unable_not_held.total', 'requests.total.total'];

export function ChartsPage({ years }: { years: number[] }) {
  const { t, lang } = useI18n();
  const agencies = useAsync(() => api.call('agencies.list', {}), []);
  const [agency, setAgency] = useState('');
  const [year, setYear] = useState(years[years.length - 1] ?? 0);
  const busiest = agencies.data?.reduce<string>((best, a) => (best && (agencies.data!.find((x) => x.name === best)?.reports ?? 0) >= a.reports ? best : a.name), '');
  const chosen = agency || busiest || '';
  const series = useAsync(
    () => (chosen ? api.call('charts.agencyYears', { agency: chosen, fields: AGENCY_FIELDS }) : Promise.resolve(null)),
    [chosen],
  );
  const comparison = useAsync(() => (year ? api.call('charts.yearAgencies', { year, fields: YEAR_FIELDS }) : Promise.resolve(null)), [year]);
  const label = (f: string) => fieldLabel(f, lang).replace(/ · (总计|Total)$/, '');

  const agencyOption = useMemo<ChartOption | null>(() => {
    const s = series.data;
    if (!s) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 20, bottom: 30, top: 50 },
      xAxis: { type: 'category', data: s.years.map(String) },
      yAxis: { type: 'value' },
      series: s.series.map((x) => ({ type: 'bar', name: label(x.field), data: x.values })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [series.data, lang]);
  const yearOption = useMemo<ChartOption | null>(() => {
    const c = comparison.data;
    if (!c) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 160, right: 20, bottom: 30, top: 50 },
      yAxis: { type: 'category', data: c.agencies, axisLabel: { width: 150, overflow: 'truncate' } },
      xAxis: { type: 'value' },
      series: c.series.filter((x) => x.field !== 'requests.total.total').map((x) => ({ type: 'bar', stack: 'outcome', name: label(x.field), data: x.values })),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comparison.data, lang]);

  return (
    <div className="page charts" data-testid="charts-page">
      <h2>{t('chartAgency')}</h2>
      <label>
        {t('chooseAgency')}{' '}
        <select value={chosen} onChange={(e) => setAgency(e.target.value)}>
          {agencies.data?.map((a) => (
            <option key={a.name} value={a.name}>{a.name}</option>
          ))}
        </select>
      </label>
      {agencyOption && <EChart option={agencyOption} />}
      <h2>{t('chartYear')}</h2>
      <label>
        {t('chooseYear')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
      </label>
      {yearOption && <EChart option={yearOption} height={Math.max(240, (comparison.data?.agencies.length ?? 0) * 28 + 80)} />}
    </div>
  );
}
