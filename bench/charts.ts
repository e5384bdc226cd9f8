// The chart page at archive scale: 3 000 and 100 000 active reports (--quick:
// 3 000 and 20 000), built by direct inserts like bench/archive.ts, with the
// cells the page reads (the four totals for every report, the rest of the
// request totals for every report too). "page" = everything the page asks on
// open: overview (totals, coverage, shares), the region roll-up and the top 20
// of the latest year, one agency's trend and the agency list.
// Targets: page < 300 ms at 3 000 reports, < 1 s at 100 000. The same page
// through the former queries over the cells (bench/charts-cells.ts) is timed
// beside it, and the two must give the same numbers.
import { deepStrictEqual } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DB } from '../src-main/core/archive/db.js';
import { openArchive, type Archive } from '../src-main/core/archive/index.js';
import { CHART_TOTAL_FIELDS } from '../src-main/core/archive/charts.js';
import * as before from './charts-cells.js';

const PROVINCES: [string, string[]][] = [
  ['广东省', ['广州市', '深圳市', '湛江市', '东莞市']],
  ['河南省', ['洛阳市', '郑州市']],
  ['福建省', ['福州市', '厦门市']],
  ['四川省', ['成都市']],
];

export async function buildChartArchive(path: string, n: number): Promise<Archive> {
  const a = await openArchive(path, { create: true });
  fillChartArchive(a.db, n);
  return a;
}

/** `n` active reports of n/5 agencies over 5 years, written straight into the tables. */
export function fillChartArchive(db: DB, n: number): void {
  const agencies = Math.max(1, Math.floor(n / 5));
  const fields = [...CHART_TOTAL_FIELDS, 'requests.granted.total', 'requests.partial.total'];
  db.transaction(() => {
    const ag = db.prepare("INSERT INTO agencies (id, name, province, city, county, region_source, created_at) VALUES (?, ?, ?, ?, ?, 'inferred', 'x')");
    const al = db.prepare('INSERT INTO agency_aliases (alias, agency_id) VALUES (?, ?)');
    const fi = db.prepare("INSERT INTO files (id, sha256, name, original_path, size, format, imported_at) VALUES (?, ?, ?, ?, 1000, 'txt', 'x')");
    const rp = db.prepare(
      "INSERT INTO reports (id, file_id, agency_id, year, template, status, open_flags, active, extractor_version, extracted_at, created_at) VALUES (?, ?, ?, ?, '2021', ?, ?, 1, 'x', 'x', 'x')",
    );
    const cell = db.prepare('INSERT INTO cells (report_id, field_id, value, extracted) VALUES (?, ?, ?, ?)');
    const acc = db.prepare(
      "INSERT INTO flag_accepts (report_id, action, source, kind, fields, message, at) VALUES (?, 'accept', 'rules', 'rule', '[]', 'x', 'x')",
    );
    for (let i = 1; i <= agencies; i++) {
      const [prov, cities] = PROVINCES[i % PROVINCES.length]!;
      const city = cities[i % cities.length]!;
      const county = i % 3 === 0 ? `第${i % 40}区` : null;
      const name = `${city}${county ?? ''}第${i}局`;
      ag.run(i, name, prov, city, county);
      al.run(name, i);
    }
    for (let i = 1; i <= n; i++) {
      const agency = ((i - 1) % agencies) + 1;
      const year = 2019 + Math.floor((i - 1) / agencies);
      fi.run(i, createHash('sha256').update(`c${i}`).digest('hex'), `${i}.txt`, `/src/${i}.txt`);
      const flagged = i % 7 === 0;
      rp.run(i, i, agency, year, flagged ? 'flagged' : i % 3 === 0 ? 'verified' : 'unreviewed', flagged ? 1 : 0);
      fields.forEach((f, k) => cell.run(i, f, (i * (k + 3)) % 97, (i * (k + 3)) % 97));
      if (i % 11 === 0) acc.run(i);
    }
  })();
}

function median(fn: () => unknown): number {
  fn();
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    fn();
    runs.push(performance.now() - t);
  }
  return runs.sort((x, y) => x - y)[2]!;
}

export async function bench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const root = mkdtempSync(join(tmpdir(), 'nb-charts-'));
  try {
    for (const n of [3_000, quick ? 20_000 : 100_000]) {
      const t = performance.now();
      const a = await buildChartArchive(join(root, `c${n}.sqlite`), n);
      const built = (performance.now() - t) / 1000;
      const year = 2023;
      const agency = a.chartsAgencies()[0]!.name;
      const parts = {
        overview: () => a.chartsOverview(),
        regions: () => a.chartsRegions(year),
        top20: () => a.chartsTop(year, 'requests.new.total', 20),
        agency: () => a.chartsAgency(agency, ['requests.new.total', 'requests.total.total']),
        agencies: () => a.chartsAgencies(),
      };
      const each = Object.entries(parts).map(([k, fn]) => `${k} ${median(fn).toFixed(0)}`);
      const page = median(() => Object.values(parts).forEach((fn) => fn()));
      const old = {
        overview: () => before.chartsOverview(a.db),
        regions: () => before.regionRows(a.db, year),
        top20: () => before.topAgencies(a.db, year, 'requests.new.total', 20),
        agency: () => before.agencyTrend(a.db, agency, ['requests.new.total', 'requests.total.total']),
        agencies: () => before.chartAgencies(a.db),
      };
      for (const k of Object.keys(parts) as (keyof typeof parts)[]) deepStrictEqual(parts[k](), old[k](), `charts: ${k} differs from the query over the cells`);
      const oldPage = median(() => Object.values(old).forEach((fn) => fn()));
      const target = n <= 3_000 ? 300 : 1000;
      console.log(
        `charts: page over ${n} reports: ${page.toFixed(0)} ms median (target < ${target} ms) — ${each.join(', ')} ms; over the cells as before: ${oldPage.toFixed(0)} ms, same numbers; archive built in ${built.toFixed(1)} s`,
      );
      a.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
