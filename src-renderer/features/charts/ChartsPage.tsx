// What is reported upward, from SQL aggregates (charts.* handlers): archive
// totals by year, coverage, review shares, the region roll-up with
// drill-down, one agency's years and the top N by a named field. A region
// filter (province → city → county) applies to the archive-wide charts.
// Every chart saves as PNG and its data as CSV.
import { useMemo, useState } from 'react';
import { fieldLabel, type FieldId } from '../../../src-main/core/catalogue/index.js';
import type { RegionFilter, RegionRow } from '../../../src-main/contract/models.js';
import { api } from '../../api/index.js';
import { useAsync } from '../../components/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { AgencyPicker } from './AgencyPicker.js';
import { EChart, type ChartData, type ChartOption } from './EChart.js';

const TREND_FIELDS: FieldId[] = [
  'requests.new.total',
  'requests.granted.total',
  'requests.partial.total',
  'requests.total.total',
  'requests.carried_forward.total',
];
const TOP_FIELDS: FieldId[] = [
  'requests.new.total',
  'requests.total.total',
  'requests.granted.total',
  'requests.carried_forward.total',
  'review.reconsideration.total',
];
const NONE = '';

type Level = 'province' | 'city' | 'county';
/** Rows rolled up to one level under the current drill path. */
function rollUp(rows: RegionRow[], path: RegionFilter, unknown: string): { name: string; reports: number; agencies: number; received: number; done: number }[] {
  const level: Level = !path.province ? 'province' : !path.city ? 'city' : 'county';
  const inside = rows.filter((r) => (!path.province || r.province === path.province) && (!path.city || r.city === path.city));
  const out = new Map<string, { name: string; reports: number; agencies: number; received: number; done: number }>();
  for (const r of inside) {
    const name = r[level] ?? unknown;
    const x = out.get(name) ?? { name, reports: 0, agencies: 0, received: 0, done: 0 };
    x.reports += r.reports;
    x.agencies += r.agencies;
    x.received += r.received;
    x.done += r.done;
    out.set(name, x);
  }
  return [...out.values()].sort((a, b) => b.received - a.received);
}

export function ChartsPage({ years }: { years: number[] }) {
  const { t, lang } = useI18n();
  const label = (f: string) => fieldLabel(f, lang).replace(/ · (总计|Total)$/, '');
  const [filter, setFilter] = useState<RegionFilter>({});
  const latest = years[years.length - 1] ?? 0;
  const [year, setYear] = useState(latest);
  const [drill, setDrill] = useState<RegionFilter>({});
  const [agency, setAgency] = useState('');
  const [topField, setTopField] = useState(TOP_FIELDS[0]!);
  const [topN, setTopN] = useState(20);

  const overview = useAsync(() => api.call('charts.overview', filter), [filter.province, filter.city, filter.county]);
  const regions = useAsync(() => (year ? api.call('charts.regions', { year }) : Promise.resolve([])), [year]);
  const regionsLatest = useAsync(() => (latest ? api.call('charts.regions', { year: latest }) : Promise.resolve([])), [latest]);
  const agencies = useAsync(() => api.call('charts.agencies', {}), []);
  const top = useAsync(
    () => (year ? api.call('charts.top', { year, field: topField, n: topN, ...filter }) : Promise.resolve([])),
    [year, topField, topN, filter.province, filter.city, filter.county],
  );
  const busiest = useMemo(() => agencies.data?.reduce((b, a) => (!b || a.reports > b.reports ? a : b), agencies.data[0])?.name ?? '', [agencies.data]);
  const chosen = agency || busiest;
  const trend = useAsync(() => (chosen ? api.call('charts.agencyYears', { agency: chosen, fields: TREND_FIELDS }) : Promise.resolve(null)), [chosen]);

  // The region filter's choices: provinces, then the chosen province's cities, then counties.
  const collator = useMemo(() => new Intl.Collator('zh-CN-u-co-pinyin'), []);
  const options = (level: Level) =>
    [
      ...new Set(
        (regionsLatest.data ?? [])
          .filter((r) => (level === 'province' || r.province === filter.province) && (level !== 'county' || r.city === filter.city))
          .map((r) => r[level])
          .filter((x): x is string => !!x),
      ),
    ].sort(collator.compare);

  const o = overview.data;
  const totalsChart = useMemo(() => {
    if (!o) return null;
    const names = [t('chartReceived'), t('chartDone'), t('chartReconsideration'), t('chartLitigation')];
    const data: ChartData = { head: [t('year'), ...names], rows: o.totals.map((x) => [x.year, x.received, x.done, x.reconsideration, x.litigation]) };
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: o.totals.map((x) => String(x.year)) },
      yAxis: { type: 'value' },
      series: names.map((n, i) => ({ type: 'bar', name: n, data: o.totals.map((x) => [x.received, x.done, x.reconsideration, x.litigation][i]) })),
    };
    return { option, data };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [o, lang]);
  const coverageChart = useMemo(() => {
    if (!o) return null;
    const data: ChartData = { head: [t('year'), t('chartReports'), t('chartAgenciesKnown')], rows: o.coverage.map((x) => [x.year, x.reports, x.agencies]) };
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: o.coverage.map((x) => String(x.year)) },
      yAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('chartReports'), data: o.coverage.map((x) => x.reports) },
        { type: 'line', name: t('chartAgenciesKnown'), data: o.coverage.map((x) => x.agencies) },
      ],
    };
    return { option, data };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [o, lang]);
  const qualityChart = useMemo(() => {
    if (!o) return null;
    const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);
    const names = [t('chartFlagged'), t('chartVerified'), t('chartAccepted')];
    const data: ChartData = {
      head: [t('year'), t('chartReports'), ...names, ...names.map((n) => `${n} %`)],
      rows: o.quality.map((x) => [
        x.year,
        x.reports,
        x.flagged,
        x.verified,
        x.accepted,
        pct(x.flagged, x.reports),
        pct(x.verified, x.reports),
        pct(x.accepted, x.reports),
      ]),
    };
    const option: ChartOption = {
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
      legend: { top: 0 },
      grid: { left: 50, right: 20, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: o.quality.map((x) => String(x.year)) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: names.map((n, i) => ({ type: 'bar', name: n, data: o.quality.map((x) => pct([x.flagged, x.verified, x.accepted][i]!, x.reports)) })),
    };
    return { option, data };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [o, lang]);
  const rolled = useMemo(() => rollUp(regions.data ?? [], drill, t('regionUnknown')), [regions.data, drill, t]);
  const regionChart = useMemo(() => {
    const data: ChartData = {
      head: [t('region'), t('chartReports'), t('chartAgencies'), t('chartReceived'), t('chartDone')],
      rows: rolled.map((x) => [x.name, x.reports, x.agencies, x.received, x.done]),
    };
    const option: ChartOption = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 140, right: 30, bottom: 30, top: 40 },
      yAxis: { type: 'category', inverse: true, data: rolled.map((x) => x.name), axisLabel: { width: 130, overflow: 'truncate' } },
      xAxis: { type: 'value' },
      series: [
        { type: 'bar', name: t('chartReceived'), data: rolled.map((x) => x.received) },
        { type: 'bar', name: t('chartDone'), data: rolled.map((x) => x.done) },
      ],
    };
    return { option, data };
  }, [rolled, t]);
  const topChart = useMemo(() => {
    const rows = top.data ?? [];
    const name = label(topField);
    const data: ChartData = { head: [t('rank'), t('agency'), t('region'), name], rows: rows.map((x, i) => [i + 1, x.agency, x.region, x.value]) };
    const option: ChartOption = {
      title: { text: t('topBy', { field: name, n: rows.length, year }), left: 'center', textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 190, right: 60, bottom: 20, top: 40 },
      yAxis: { type: 'category', inverse: true, data: rows.map((x) => x.agency), axisLabel: { width: 180, overflow: 'truncate' } },
      xAxis: { type: 'value', name },
      series: [{ type: 'bar', name, data: rows.map((x) => x.value), label: { show: true, position: 'right' } }],
    };
    return { option, data, height: Math.max(240, rows.length * 26 + 70) };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [top.data, topField, year, lang]);
  const trendChart = useMemo(() => {
    const s = trend.data;
    if (!s) return null;
    const data: ChartData = {
      head: [t('year'), ...s.series.map((x) => label(x.field))],
      rows: s.years.map((y, i) => [y, ...s.series.map((x) => x.values[i] ?? null)]),
    };
    const option: ChartOption = {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 50, right: 20, bottom: 30, top: 50 },
      xAxis: { type: 'category', data: s.years.map(String) },
      yAxis: { type: 'value' },
      series: s.series.map((x) => ({ type: 'line', name: label(x.field), data: x.values, connectNulls: false })),
    };
    return { option, data };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trend.data, lang]);

  const setLevel = (level: Level, v: string) =>
    setFilter((f) =>
      level === 'province'
        ? v
          ? { province: v }
          : {}
        : level === 'city'
          ? { province: f.province, ...(v ? { city: v } : {}) }
          : { ...f, ...(v ? { county: v } : { county: undefined }) },
    );
  const crumbs = [t('all'), drill.province, drill.city].filter((x): x is string => !!x);

  return (
    <div className="page charts" data-testid="charts-page">
      <div className="row gap" data-testid="region-filter">
        <span className="strong">{t('region')}</span>
        {(['province', 'city', 'county'] as Level[]).map((level) =>
          level === 'province' || (level === 'city' && filter.province) || (level === 'county' && filter.city) ? (
            <select key={level} value={filter[level] ?? NONE} onChange={(e) => setLevel(level, e.target.value)} data-testid={`region-${level}`}>
              <option value={NONE}>{t(level === 'province' ? 'allProvinces' : level === 'city' ? 'allCities' : 'allCounties')}</option>
              {options(level).map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          ) : null,
        )}
      </div>
      <h2>{t('chartTotals')}</h2>
      {totalsChart && <EChart name={t('chartTotals')} testId="chart-totals" {...totalsChart} />}
      <h2>{t('chartCoverage')}</h2>
      {coverageChart && <EChart name={t('chartCoverage')} testId="chart-coverage" height={280} {...coverageChart} />}
      <h2>{t('chartQuality')}</h2>
      {qualityChart && <EChart name={t('chartQuality')} testId="chart-quality" height={280} {...qualityChart} />}
      <h2>{t('chartRegions')}</h2>
      <div className="row gap">
        <label>
          {t('chooseYear')}{' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="charts-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="small" data-testid="region-crumbs">
          {crumbs.map((c, i) => (
            <span key={c}>
              {i > 0 && ' › '}
              <button type="button" className="link" onClick={() => setDrill(i === 0 ? {} : i === 1 ? { province: drill.province } : drill)}>
                {c}
              </button>
            </span>
          ))}
        </span>
        <span className="muted small">{t('drillHint')}</span>
      </div>
      <EChart
        name={t('chartRegions')}
        testId="chart-regions"
        height={Math.max(220, rolled.length * 30 + 70)}
        {...regionChart}
        onClick={(name) => setDrill((d) => (!d.province ? { province: name } : !d.city ? { ...d, city: name } : d))}
      />
      <h2>{t('chartTop')}</h2>
      <div className="row gap">
        <label>
          {t('sortBy')}{' '}
          <select value={topField} onChange={(e) => setTopField(TOP_FIELDS.find((f) => f === e.target.value) ?? TOP_FIELDS[0]!)} data-testid="top-field">
            {TOP_FIELDS.map((f) => (
              <option key={f} value={f}>
                {label(f)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('topN')}{' '}
          <select value={topN} onChange={(e) => setTopN(Number(e.target.value))}>
            {[10, 20, 50].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <EChart name={t('chartTop')} testId="chart-top" {...topChart} />
      <h2>{t('chartAgency')}</h2>
      <AgencyPicker agencies={agencies.data ?? []} value={chosen} onChange={setAgency} />
      {trendChart && <EChart name={`${chosen}`} testId="chart-agency" {...trendChart} />}
    </div>
  );
}
