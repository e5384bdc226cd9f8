// Archive figures (COMMON.md rule 6):
//  - import of 10 000 generated reports (--quick: 1 000): reports/s, peak RSS,
//    and the ratio to the floor (reading + hashing the same files, same run);
//  - list / filter / search over a 100 000-report archive (--quick: 20 000),
//    built by inserting synthetic rows directly.
// Targets: ≥ 500 reports/s, ≤ 3× floor, peak RSS < 400 MB, queries < 50 ms.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src-main/core/archive/index.js';
import { TEMPLATES } from '../src-main/core/catalogue/index.js';
import { extractDocument } from '../src-main/core/extract/index.js';
import { readDocument } from '../src-main/core/read/index.js';
import { generateReport, type Layout } from '../test/gen/generate.js';

const quick = process.argv.includes('--quick');
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;

function peakSampler() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return () => (clearInterval(t), Math.max(peak, process.memoryUsage().rss));
}

function files(dir: string): string[] {
  const out: string[] = [];
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

async function importBench(root: string): Promise<void> {
  const n = quick ? 1000 : 10_000;
  const src = join(root, 'src');
  const layouts: Layout[] = ['tabs', 'lines', 'markdown', 'html'];
  for (let i = 0; i < n; i++) {
    const sub = join(src, `d${Math.floor(i / 500)}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const g = generateReport(i + 1, { layout: layouts[i % layouts.length] });
    writeFileSync(join(sub, `${i}-${g.name}`), g.bytes);
  }
  // Floor: read and hash every file, nothing else.
  let t = performance.now();
  let bytes = 0;
  for (const f of files(src)) {
    const b = readFileSync(f);
    bytes += b.length;
    createHash('sha256').update(b).digest('hex');
  }
  const floor = (performance.now() - t) / 1000;

  const a = await openArchive(join(root, 'a.sqlite'), { create: true });
  const rssBefore = process.memoryUsage().rss;
  const stop = peakSampler();
  t = performance.now();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const r = await a.importFolder(src);
  const cpu = process.cpuUsage(cpu0); // all threads of the process: main + workers
  const mainBusyMs = performance.eventLoopUtilization(elu0).active;
  const secs = (performance.now() - t) / 1000;
  const peak = stop();
  a.close();
  // After the import (it loads the extractor into this thread, which would count in the import's RSS). A second floor that includes the work no archive can skip: reading and
  // extracting each file (one thread, a sample, scaled to all files and cores).
  const sample = files(src).slice(0, 1000);
  t = performance.now();
  for (const f of sample) await extractDocument(await readDocument(readFileSync(f), f), f);
  const extractFloor = (((performance.now() - t) / 1000 / sample.length) * n) / availableParallelism();
  console.log(
    `import ${n} generated reports (${mb(bytes)}, ${availableParallelism()} workers): ${r.imported} imported, ${r.failed.length} failed, ` +
      `${secs.toFixed(1)} s = ${(r.imported / secs).toFixed(0)} reports/s (target ≥ 500)`,
  );
  console.log(`  floor (read + sha256, one thread): ${floor.toFixed(2)} s; import/floor = ${(secs / floor).toFixed(1)}× (target ≤ 3×)`);
  console.log(
    `  extraction floor (read + extract, ${availableParallelism()} cores, no archive): ${extractFloor.toFixed(2)} s; import/extraction floor = ${(secs / extractFloor).toFixed(1)}×`,
  );
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, r.imported);
  console.log(
    `  CPU ${cpuMs.toFixed(1)} ms per report (main + workers; main thread busy ${(mainBusyMs / Math.max(1, r.imported)).toFixed(1)} ms of it: database writes); on an idle machine with ${availableParallelism()} cores that bounds the rate at ~${((availableParallelism() * 1000) / cpuMs).toFixed(0)} reports/s (load average now ${loadavg()[0]!.toFixed(1)})`,
  );
  console.log(`  peak RSS ${mb(peak)} (before import ${mb(rssBefore)}; target < 400 MB)`);
  if (r.failed.length) console.log(`  first failure: ${r.failed[0]!.file}: ${r.failed[0]!.error}`);
}

async function queryBench(root: string): Promise<void> {
  const n = quick ? 20_000 : 100_000;
  const a = await openArchive(join(root, 'big.sqlite'), { create: true });
  const db = a.db;
  let t = performance.now();
  const cities = ['广州市', '深圳市', '洛阳市', '湛江市', '东莞市', '北京市朝阳区', '成都市', '杭州市', '武汉市', '西安市'];
  const depts = ['商务局', '教育局', '财政局', '公安局', '卫生健康委员会', '生态环境局', '交通运输局', '民政局', '司法局', '人力资源和社会保障局'];
  const fields = TEMPLATES['2021'].fields.map((f) => f.id);
  db.transaction(() => {
    const ag = db.prepare("INSERT INTO agencies (id, name, province, city, region_source, created_at) VALUES (?, ?, '广东省', ?, 'inferred', 'x')");
    const al = db.prepare('INSERT INTO agency_aliases (alias, agency_id) VALUES (?, ?)');
    const fi = db.prepare("INSERT INTO files (id, sha256, name, original_path, size, format, imported_at) VALUES (?, ?, ?, ?, 1000, 'txt', 'x')");
    const tx = db.prepare('INSERT INTO file_text (file_id, text, search) VALUES (?, ?, ?)');
    const fts = db.prepare('INSERT INTO file_fts (rowid, search) VALUES (?, ?)');
    const rp = db.prepare(
      "INSERT INTO reports (id, file_id, agency_id, year, template, status, open_flags, active, extractor_version, extracted_at, created_at) VALUES (?, ?, ?, ?, '2021', ?, ?, 1, 'x', 'x', 'x')",
    );
    const cell = db.prepare('INSERT INTO cells (report_id, field_id, value, extracted) VALUES (?, ?, ?, ?)');
    const agencies = n / 5;
    for (let i = 1; i <= agencies; i++) {
      const name = `${cities[i % cities.length]}第${i}${depts[i % depts.length]}`;
      ag.run(i, name, cities[i % cities.length]);
      al.run(name, i);
    }
    for (let i = 1; i <= n; i++) {
      const agency = ((i - 1) % agencies) + 1;
      const year = 2019 + Math.floor((i - 1) / agencies);
      fi.run(i, createHash('sha256').update(String(i)).digest('hex'), `${i}.txt`, `/src/${i}.txt`);
      const text = `${cities[agency % cities.length]}第${agency}${depts[agency % depts.length]}${year}年政府信息公开工作年度报告。本年新收政府信息公开申请${i % 97}件，予以公开${i % 13}件。编号${i}。`;
      tx.run(i, text, text);
      fts.run(i, text);
      const flagged = i % 7 === 0;
      rp.run(i, i, agency, year, flagged ? 'flagged' : i % 3 === 0 ? 'verified' : 'unreviewed', flagged ? 2 : 0);
      // cells for a sample only: list/filter/search never read them
      if (i % 100 === 0) for (const f of fields) cell.run(i, f, i % 11, i % 11);
    }
    db.prepare('UPDATE search_index SET indexed_upto = ?').run(n); // indexed above, row by row
  })();
  const build = (performance.now() - t) / 1000;
  const time = (label: string, fn: () => number) => {
    fn(); // warm the statement cache
    const runs: number[] = [];
    let size = 0;
    for (let k = 0; k < 5; k++) {
      const s = performance.now();
      size = fn();
      runs.push(performance.now() - s);
    }
    runs.sort((x, y) => x - y);
    console.log(`  ${label.padEnd(44)} ${runs[2]!.toFixed(1).padStart(7)} ms median (${size} rows)`);
  };
  console.log(`query ${n}-report archive (built in ${build.toFixed(1)} s by direct inserts; target < 50 ms each)`);
  time('list first page (100)', () => a.listReports({ limit: 100 }).items.length);
  time('list page 500 (offset 50 000)', () => a.listReports({ limit: 100, offset: Math.min(50_000, n - 100) }).items.length);
  time('filter year=2021', () => a.listReports({ year: 2021 }).total);
  time('filter agency "商务局" + year', () => a.listReports({ agency: '商务局', year: 2020 }).total);
  time('filter status=flagged', () => a.listReports({ status: 'flagged' }).total);
  time('filter --flagged + region "洛阳"', () => a.listReports({ flaggedOnly: true, region: '洛阳' }).total);
  time('search "第123商务局" (trigram)', () => a.search('第123商务局').length);
  time('search "予以公开" (trigram, common)', () => a.search('予以公开').length);
  time('search "编号" (2 chars, LIKE)', () => a.search('编号').length);
  time('list with text "编号4242" + total', () => a.listReports({ text: '编号4242' }).total);
  time('stats()', () => a.stats().reports);
  a.close();
}

/**
 * What the chart summary's triggers (report_totals, migration 0012) cost the
 * import's writes: the same reports, files and cells written in one
 * transaction into two fresh archives, one with the triggers dropped;
 * CPU per report of each and the ratio (same process, same load).
 */
export async function triggerCost(root: string): Promise<void> {
  const n = quick ? 500 : 3000;
  const fields = TEMPLATES['2021'].fields.map((f) => f.id);
  const write = async (name: string, withTriggers: boolean): Promise<number> => {
    const a = await openArchive(join(root, name), { create: true });
    const db = a.db;
    if (!withTriggers)
      for (const { name: t } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report_totals%'").all() as { name: string }[])
        db.exec(`DROP TRIGGER ${t}`);
    const ag = db.prepare("INSERT INTO agencies (id, name, province, region_source, created_at) VALUES (?, ?, '广东省', 'inferred', 'x')");
    const fi = db.prepare("INSERT INTO files (id, sha256, name, original_path, size, format, imported_at) VALUES (?, ?, ?, ?, 1000, 'txt', 'x')");
    const rp = db.prepare(
      "INSERT INTO reports (id, file_id, agency_id, year, template, status, open_flags, active, extractor_version, extracted_at, created_at) VALUES (?, ?, ?, 2021, '2021', 'unreviewed', 0, 1, 'x', 'x', 'x')",
    );
    const cell = db.prepare('INSERT INTO cells (report_id, field_id, value, extracted) VALUES (?, ?, ?, ?)');
    const cpu0 = process.cpuUsage();
    for (let b = 0; b < n; b += 10)
      db.transaction(() => {
        for (let i = b + 1; i <= b + 10; i++) {
          ag.run(i, `第${i}局`);
          fi.run(i, createHash('sha256').update(String(i)).digest('hex'), `${i}.txt`, `/src/${i}.txt`);
          rp.run(i, i, i);
          for (const f of fields) cell.run(i, f, i % 11, i % 11);
        }
      })();
    const c = process.cpuUsage(cpu0);
    const totals = (db.prepare('SELECT COUNT(*) AS n FROM report_totals').get() as { n: number }).n;
    a.close();
    if (withTriggers && totals !== n) throw new Error(`report_totals has ${totals} rows for ${n} reports`);
    return (c.user + c.system) / 1000 / n;
  };
  await write('warm.sqlite', true);
  const without = await write('without.sqlite', false);
  const withT = await write('with.sqlite', true);
  console.log(
    `chart summary triggers (report_totals) on import writes, ${n} reports × ${fields.length} cells, 10 per transaction: ` +
      `${withT.toFixed(2)} ms CPU/report with, ${without.toFixed(2)} without = ${(withT / without).toFixed(2)}× (load ${loadavg()[0]!.toFixed(1)})`,
  );
}

export async function bench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'nb-bench-'));
  try {
    await triggerCost(root);
    await importBench(root);
    await queryBench(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
