// The chart figures come out of SQL equal to the sums of the cells, years apart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferRegion, type Archive } from '../../src-main/core/archive/index.js';
import { buildChartArchive } from '../../bench/charts.js';

const dir = mkdtempSync(join(tmpdir(), 'nb-charts-test-'));
let a: Archive;
beforeAll(async () => {
  a = await buildChartArchive(join(dir, 'c.sqlite'), 200); // 40 agencies × 5 years
});
afterAll(() => (a.close(), rmSync(dir, { recursive: true, force: true })));

const cells = (field: string) =>
  a.db
    .prepare(
      'SELECT r.year AS year, r.agency_id AS agency, c.value AS value FROM cells c JOIN reports r ON r.id = c.report_id WHERE c.field_id = ? AND r.active = 1',
    )
    .all(field) as {
    year: number;
    agency: number;
    value: number;
  }[];
const sumBy = (field: string, year: number) =>
  cells(field)
    .filter((c) => c.year === year)
    .reduce((s, c) => s + c.value, 0);

describe('chart figures', () => {
  it('totals by year: 新收, 办结, 复议, 诉讼 of that year only', () => {
    const o = a.chartsOverview();
    expect(o.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    for (const t of o.totals) {
      expect(t.received).toBe(sumBy('requests.new.total', t.year));
      expect(t.done).toBe(sumBy('requests.total.total', t.year));
      expect(t.reconsideration).toBe(sumBy('review.reconsideration.total', t.year));
      expect(t.litigation).toBe(sumBy('review.litigation_direct.total', t.year) + sumBy('review.litigation_after.total', t.year));
      expect(t.reports).toBe(40);
    }
    expect(o.totals[0]!.received).not.toBe(o.totals[1]!.received);
    // coverage: 40 reports a year of 40 agencies known; shares add up from the statuses
    expect(o.coverage.every((c) => c.reports === 40 && c.agencies === 40)).toBe(true);
    const st = a.db.prepare("SELECT year, SUM(status = 'flagged') AS f, SUM(status = 'verified') AS v FROM reports GROUP BY year").all() as {
      year: number;
      f: number;
      v: number;
    }[];
    for (const q of o.quality) expect([q.flagged, q.verified]).toEqual([st.find((x) => x.year === q.year)!.f, st.find((x) => x.year === q.year)!.v]);
    expect(o.quality.reduce((s, q) => s + q.accepted, 0)).toBe(Math.floor(200 / 11));
  });

  it('filters by region and rolls up by province, city, county', () => {
    const gd = a.chartsOverview({ province: '广东省' });
    const ids = new Set((a.db.prepare("SELECT id FROM agencies WHERE province = '广东省'").all() as { id: number }[]).map((x) => x.id));
    expect(gd.totals.find((t) => t.year === 2021)!.received).toBe(
      cells('requests.new.total')
        .filter((c) => c.year === 2021 && ids.has(c.agency))
        .reduce((s, c) => s + c.value, 0),
    );
    const rows = a.chartsRegions(2021);
    expect(rows.reduce((s, r) => s + r.reports, 0)).toBe(40);
    expect(rows.reduce((s, r) => s + r.received, 0)).toBe(sumBy('requests.new.total', 2021));
    expect(new Set(rows.map((r) => r.province))).toEqual(new Set(['广东省', '河南省', '福建省', '四川省']));
  });

  it('top N by the field it names, largest first', () => {
    const top = a.chartsTop(2022, 'requests.granted.total', 5);
    const all = cells('requests.granted.total')
      .filter((c) => c.year === 2022)
      .map((c) => c.value)
      .sort((x, y) => y - x);
    expect(top.map((t) => t.value)).toEqual(all.slice(0, 5));
    expect(a.chartsTop(2022, 'no.such.field', 5)).toEqual([]);
    const name = a.chartsAgencies()[0]!.name;
    const trend = a.chartsAgency(name, ['requests.new.total']);
    expect(trend.years).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('places special zones in their province', () => {
    expect(inferRegion('平潭综合实验区财政金融局')).toEqual({ province: '福建省', city: '福州市', county: '平潭综合实验区' });
    expect(inferRegion('广州市商务局')).toMatchObject({ province: '广东省', city: '广州市' });
  });
});
