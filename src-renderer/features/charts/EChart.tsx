// A thin React wrapper around an echarts instance (tree-shaken modules only),
// with the two ways out an archivist needs: the chart as PNG, its data as CSV.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = Parameters<echarts.ECharts['setOption']>[0];

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Every word the chart draws on its canvas (title, legend, series, axis names and category labels): its accessible name, and what the Chinese-wording test reads. */
export function chartWords(option: ChartOption): string[] {
  const o = option as Record<string, unknown>;
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && v.trim()) out.push(v);
  };
  const each = (v: unknown, f: (x: Record<string, unknown>) => void) => {
    for (const x of Array.isArray(v) ? v : v ? [v] : []) if (x && typeof x === 'object') f(x as Record<string, unknown>);
  };
  each(o.title, (t) => add(t.text));
  each(o.legend, (l) => (Array.isArray(l.data) ? l.data.forEach(add) : undefined));
  each(o.series, (x) => add(x.name));
  for (const axis of [o.xAxis, o.yAxis])
    each(axis, (a) => {
      add(a.name);
      if (Array.isArray(a.data)) a.data.forEach((d) => add(typeof d === 'object' && d ? (d as { value?: unknown }).value : d));
    });
  return [...new Set(out)];
}

export interface ChartData {
  head: string[];
  rows: (string | number | null)[][];
}

export function EChart({
  option,
  height = 360,
  name,
  data,
  onClick,
  testId,
}: {
  option: ChartOption;
  height?: number;
  name: string;
  data: ChartData;
  onClick?: (label: string) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', (p) => click.current?.(String((p as { name?: string }).name ?? '')));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  const png = () => chart.current && download(`${name}.png`, chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
  const csv = () => {
    const text = `\uFEFF${[data.head, ...data.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    download(`${name}.csv`, url);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div className="chart-card" data-testid={testId}>
      <div className="row gap small">
        <button type="button" onClick={png} data-testid="save-png">
          {t('savePng')}
        </button>
        <button type="button" onClick={csv} data-testid="save-csv">
          {t('saveCsv')}
        </button>
      </div>
      <div ref={el} style={{ height, width: '100%' }} role="img" aria-label={[name, ...chartWords(option)].join('；')} data-testid="chart-canvas" />
    </div>
  );
}
