// The chart page reads report_totals (migration 0012), a per-report summary
// the database keeps by triggers. Every write path that changes a report's
// values, identity or state — import, correction, undo/redo, 已核实,
// acceptance, set-meta, merge, version switch, taking a cell, the trash,
// re-extraction — must leave it equal to what it summarises, and the chart
// figures equal to the former queries over the cells (bench/charts-cells.ts)
// on the same archive.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as before from '../../bench/charts-cells.js';
import { buildChartArchive, fillChartArchive } from '../../bench/charts.js';
import { openDatabase } from '../../src-main/core/archive/db.js';
import { MIGRATIONS } from '../../src-main/core/archive/migrations/index.js';
import { type Archive, openArchive } from '../../src-main/core/archive/index.js';
import { SEEDS, seedNames, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

/** What report_totals must hold, computed from its sources. */
function fromSources(a: Archive): unknown[] {
  const v = (f: string) => `(SELECT value FROM cells WHERE report_id = r.id AND field_id = '${f}')`;
  return a.db
    .prepare(
      `SELECT r.id AS report_id, r.agency_id, r.year, r.active, r.status,
         EXISTS (SELECT 1 FROM flag_accepts x WHERE x.report_id = r.id AND x.action = 'accept' AND x.id NOT IN (SELECT target_id FROM flag_accepts WHERE target_id IS NOT NULL)) AS accepted,
         ${v('requests.new.total')} AS received, ${v('requests.total.total')} AS done, ${v('review.reconsideration.total')} AS reconsideration,
         ${v('review.litigation_direct.total')} AS litigation_direct, ${v('review.litigation_after.total')} AS litigation_after
       FROM reports r ORDER BY r.id`,
    )
    .all();
}
const summary = (a: Archive) => a.db.prepare('SELECT * FROM report_totals ORDER BY report_id').all();
const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
const byPlace = <T extends { province: string | null; city: string | null; county: string | null }>(xs: T[]) =>
  [...xs].sort((x, y) => `${x.province}|${x.city}|${x.county}`.localeCompare(`${y.province}|${y.city}|${y.county}`));

const TOP_FIELDS = ['requests.new.total', 'review.litigation_after.total', 'requests.granted.total', 'active.normative.made'];

/** The summary equals its sources, and every chart query equals the former one over the cells. */
function sameBothWays(a: Archive): void {
  expect(summary(a)).toEqual(fromSources(a));
  const db = a.db;
  const regions = [{}, ...a.agencies().flatMap((g) => (g.province ? [{ province: g.province }, { province: g.province, city: g.city ?? undefined }] : []))];
  for (const r of regions) expect(a.chartsOverview(r)).toEqual(before.chartsOverview(db, r));
  expect(byName(a.chartsAgencies())).toEqual(byName(before.chartAgencies(db)));
  for (const year of a.chartsOverview().years) {
    expect(byPlace(a.chartsRegions(year))).toEqual(byPlace(before.regionRows(db, year)));
    for (const f of TOP_FIELDS) for (const r of regions) expect(a.chartsTop(year, f, 20, r)).toEqual(before.topAgencies(db, year, f, 20, r));
  }
  for (const g of a.chartsAgencies()) expect(a.chartsAgency(g.name, TOP_FIELDS)).toEqual(before.agencyTrend(db, g.name, TOP_FIELDS));
}

const received = (a: Archive, year: number) => a.chartsOverview().totals.find((t) => t.year === year)?.received;
const one = (a: Archive, agency: string) => {
  const hit = a.listReports({ agency }).items.filter((r) => r.agency === agency);
  expect(hit).toHaveLength(1);
  return hit[0]!;
};

describe.skipIf(!haveSeeds)('chart summary (report_totals) kept on every write', () => {
  const dir = tmp('nb-totals-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the bench archive: the same numbers both ways, in every region and year', async () => {
    const a = await buildChartArchive(join(dir, 'bench.sqlite'), 400);
    try {
      sameBothWays(a);
      expect(a.chartsOverview().years).toEqual([2019, 2020, 2021, 2022, 2023]);
    } finally {
      a.close();
    }
  });

  let a: Archive;
  beforeAll(async () => {
    a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 2 });
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    for (const n of seedNames()) copyFileSync(join(SEEDS, n), join(seeds, n));
    await a.importFolder(seeds);
  }, 120_000);
  afterAll(() => a.close());

  it('through import, corrections, undo/redo, 已核实, acceptances, set-meta, versions, merges, the trash and re-extraction', async () => {
    sameBothWays(a);
    expect(a.listReports().total).toBe(5);
    expect(received(a, 2020)).toBe(0 + 0 + 15 + 2 + 0);

    // a correction of a total moves the year's total by exactly the difference; undo and redo follow
    const gz = one(a, '广州市商务局');
    a.correct(gz.id, 'requests.new.total', 1015, '核对纸质版');
    expect(received(a, 2020)).toBe(1017);
    sameBothWays(a);
    a.undo(gz.id);
    expect(received(a, 2020)).toBe(17);
    a.redo(gz.id);
    expect(received(a, 2020)).toBe(1017);
    a.correct(gz.id, 'review.litigation_after.total', 4);
    expect(a.chartsOverview().totals[0]!.litigation).toBe(4);
    sameBothWays(a);

    // 已核实 and an acceptance (原文如此) are counted in the shares
    a.verify(gz.id);
    expect(a.chartsOverview().quality[0]!.verified).toBe(1);
    const dg = a.getReport(one(a, '东莞市商务局').id);
    const flag = dg.flags.find((f) => !f.resolved) ?? a.getReport(gz.id).flags.find((f) => !f.resolved);
    if (flag) {
      const owner = dg.flags.includes(flag) ? dg.id : gz.id;
      a.acceptFlag(owner, flag.id, '原文如此');
      expect(a.chartsOverview().quality[0]!.accepted).toBe(1);
      sameBothWays(a);
      a.unacceptFlag(owner, flag.id);
      expect(a.chartsOverview().quality[0]!.accepted).toBe(0);
    }
    sameBothWays(a);

    // set-meta: a report moved to another year leaves 2020's figures and makes 2021's
    const xg = one(a, '西工区商务局');
    a.setMeta(xg.id, { year: 2021 });
    expect(a.chartsOverview().years).toEqual([2020, 2021]);
    sameBothWays(a);

    // a new version that reads differently (a truncated copy): inactive, then switched to, then the switch taken back
    const more = join(dir, 'more');
    mkdirSync(more);
    const [nansha] = seedNames();
    let cut = '';
    for (const ch of readFileSync(join(SEEDS, nansha!), 'utf8')) if (Buffer.byteLength(cut + ch) <= 1200) cut += ch;
    writeFileSync(join(more, 'nansha-truncated.txt'), cut);
    const r = await a.importFolder(more);
    expect(r.outcomes[0]!.outcome).toBe('new_version');
    sameBothWays(a);
    const ns = a.getReport(one(a, '南沙区商务局').id);
    const other = ns.versions.find((v) => !v.active)!;
    a.useVersion(ns.id, other.id);
    expect(a.chartsOverview().totals.find((t) => t.year === 2020)!.reports).toBe(4);
    sameBothWays(a);
    a.useVersion(ns.id, ns.versions.find((v) => v.active)!.id);
    sameBothWays(a);

    // taking one cell from another version is a correction of the active one
    a.takeCell(ns.id, other.id, 'requests.new.total');
    sameBothWays(a);

    // merge onto an occupied year: a version there, one report fewer in the figures
    const zj = one(a, '湛江奋勇高新区招商服务局');
    a.mergeAgencies('湛江奋勇高新区招商服务局', '东莞市商务局');
    expect(a.chartsOverview().quality.find((q) => q.year === 2020)!.reports).toBe(3);
    expect(a.chartsAgencies().map((g) => g.name)).not.toContain('湛江奋勇高新区招商服务局');
    sameBothWays(a);
    expect(zj.id).toBeGreaterThan(0);

    // a region set by hand moves the report in the roll-up
    a.setAgencyRegion('东莞市商务局', { province: '广东省', city: '东莞市', county: '虎门镇' });
    expect(a.chartsRegions(2020).some((x) => x.county === '虎门镇')).toBe(true);
    sameBothWays(a);

    // the trash: a removed report leaves every figure; restored, it is back as it was
    const withGz = a.chartsOverview();
    a.remove(gz.id, '测试');
    expect(received(a, 2020)).toBe(withGz.totals[0]!.received - 1015);
    sameBothWays(a);
    a.restore(gz.id);
    expect(a.chartsOverview()).toEqual(withGz);
    sameBothWays(a);

    // re-extraction rewrites the cells; corrections stay, the summary follows
    await a.reextract({ all: true });
    expect(a.getReport(gz.id).values['requests.new.total']).toBe(1015);
    expect(a.chartsOverview()).toEqual(withGz);
    sameBothWays(a);
  }, 240_000);

  it('the migration fills the summary of an archive made before it', async () => {
    const path = join(dir, 'old.sqlite');
    const old = openDatabase(path, {
      create: true,
      migrations: MIGRATIONS.slice(
        0,
        MIGRATIONS.findIndex((m) => m.name === '0012_report_totals'),
      ),
    });
    fillChartArchive(old, 60);
    old.prepare("UPDATE cells SET value = NULL WHERE report_id = 7 AND field_id = 'requests.new.total'").run();
    old.close();
    const b = await openArchive(path);
    try {
      expect(summary(b)).toHaveLength(60);
      expect(summary(b)).toEqual(fromSources(b));
      expect(summary(b).filter((r) => (r as { accepted: number }).accepted)).toHaveLength(5);
      sameBothWays(b);
    } finally {
      b.close();
    }
  });
});
