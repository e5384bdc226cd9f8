// Quality checks at national scale: the cost per imported report of the
// checks (copied text above all: boilerplate look-ups, MinHash signature, LSH
// band look-ups and writes across the archive, exact comparison of candidates)
// on an archive of 100 000 reports
// (20 000 agencies × 5 years). The archive's older reports are synthetic
// rows: signatures and bands as the checks store them (random values: each
// its own LSH bucket), 500 000 learned sentences. The reports measured are
// real texts: a template with boilerplate, the agency's own sentences, and
// every fifth one its agency's previous report copied with the years changed.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openArchive } from '../src-main/core/archive/index.js';
import { insertFile, insertReport } from '../src-main/core/archive/store.js';
import { BANDS, PERMS, bandKeys } from '../src-main/core/quality/copied.js';
import { checkReport, DEFAULT_SETTINGS, prepareText } from '../src-main/core/quality/index.js';
import { refreshQuality } from '../src-main/core/quality/store.js';

let seed = 7;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
const WORDS =
  '政务公开 信息发布 政策解读 依申请公开 平台建设 监督保障 教育培训 营商环境 数据开放 网站集约 新媒体 公文公开 会议开放 决策公开 执行公开 管理公开 服务公开 结果公开 重点领域 基层政务'.split(
    ' ',
  );
const VERBS = '加强 完善 推进 规范 深化 落实 优化 健全 拓展 提升'.split(' ');
const BOILER = [
  '我单位高度重视政府信息公开工作，坚持以公开为常态、不公开为例外',
  '严格落实《中华人民共和国政府信息公开条例》各项要求',
  '进一步健全完善政府信息公开工作机制，明确分管领导和具体工作人员',
];
const own = (agency: string, n: number) =>
  Array.from(
    { length: n },
    () => `${agency}${pick(VERBS)}${pick(WORDS)}工作，围绕${pick(WORDS)}和${pick(WORDS)}${pick(VERBS)}${pick(WORDS)}，全年发布信息${Math.floor(rnd() * 900)}条`,
  ).join('。') + '。';

function reportText(agency: string, year: number): string {
  return [
    `${agency}${year}年政府信息公开工作年度报告`,
    '一、总体情况',
    `${BOILER.join('。')}。${own(agency, 6)}`,
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    `${own(agency, 4)}下一步将${pick(VERBS)}${pick(WORDS)}。`,
    '六、其他需要报告的事项',
    `${own(agency, 2)}本年度未收取信息处理费。`,
  ].join('\n\n');
}

export async function bench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const agencies = quick ? 4_000 : 20_000;
  const years = [2019, 2020, 2021, 2022, 2023];
  const measured = quick ? 100 : 300;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-quality-'));
  const a = await openArchive(join(dir, 'a.sqlite'), { create: true, workers: 1 });
  const db = a.db;
  let t = performance.now();
  db.transaction(() => {
    const now = new Date().toISOString();
    const ag = db.prepare('INSERT INTO agencies (id, name, created_at) VALUES (?, ?, ?)');
    const al = db.prepare('INSERT INTO agency_aliases (alias, agency_id) VALUES (?, ?)');
    const file = db.prepare("INSERT INTO files (id, sha256, name, original_path, size, imported_at) VALUES (?, ?, 'x.txt', '/x.txt', 1, ?)");
    const rep = db.prepare(
      "INSERT INTO reports (id, file_id, agency_id, year, template, extractor_version, extracted_at, created_at) VALUES (?, ?, ?, ?, ?, 'bench', ?, ?)",
    );
    const sec = db.prepare('INSERT INTO quality_sections (report_id, section, shingles, sig, sentences) VALUES (?, ?, 100, ?, ?)');
    const band = db.prepare('INSERT OR IGNORE INTO quality_bands (band, report_id, section) VALUES (?, ?, ?)');
    const learned = db.prepare('INSERT INTO quality_learned (report_id, agency_id, year, counted) VALUES (?, ?, ?, 1)');
    let id = 0;
    for (let g = 1; g <= agencies; g++) {
      const name = `测试市第${g}局`;
      ag.run(g, name, now);
      al.run(name, g);
      for (const y of years) {
        id++;
        file.run(id, createHash('sha256').update(String(id)).digest('hex'), now);
        rep.run(id, id, g, y, y >= 2021 ? '2021' : '2019', now, now);
        learned.run(id, g, y);
        for (const s of [1, 5, 6]) {
          const sig = Uint32Array.from({ length: PERMS }, () => (rnd() * 2 ** 32) >>> 0);
          sec.run(id, s, Buffer.from(sig.buffer), Buffer.from(new Int32Array(20).buffer));
          for (const k of bandKeys(sig, s)) band.run(k, id, s);
        }
      }
    }
    const learn = db.prepare('INSERT OR IGNORE INTO quality_sentences (hash, year, n) VALUES (?, ?, ?)');
    for (let i = 0; i < agencies * 25; i++) learn.run((rnd() * 2 ** 32) | 0, pick(years), 1 + Math.floor(rnd() * 3));
  })();
  const total = (db.prepare('SELECT COUNT(*) AS n FROM reports').get() as { n: number }).n;
  console.log(
    `quality: synthetic archive of ${total} reports (${agencies} agencies × ${years.length} years, ${total * 3 * BANDS} LSH band rows, ${agencies * 25} learned sentences) built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  // Boilerplate as the archive would have learned it (many agencies print these).
  const { sentenceHashes } = await import('../src-main/core/quality/copied.js');
  const up = db.prepare('INSERT INTO quality_sentences (hash, year, n) VALUES (?, ?, 500) ON CONFLICT(hash, year) DO UPDATE SET n = 500');
  for (const h of sentenceHashes(`${BOILER.join('。')}。`)) for (const y of [...years, 2024]) up.run(h, y);

  const add = (agencyId: number, year: number, text: string) =>
    db.transaction(() => {
      const sha256 = createHash('sha256').update(text).digest('hex');
      const fileId = insertFile(
        db,
        { sha256, name: `${agencyId}-${year}.txt`, originalPath: `/b/${agencyId}-${year}.txt`, size: text.length, mtime: null, format: 'txt', text },
        null,
      );
      return insertReport(
        db,
        fileId,
        { file: 'x', agency: `测试市第${agencyId}局`, year, template: '2021', publishedAt: `${year + 1}-01-20`, values: {}, flags: [], cells: {} },
        'bench',
      ).reportId;
    })();
  // Every fifth measured agency: its 2023 report with a real text (replacing the synthetic one as the active version), copied into 2024.
  const texts: { g: number; text: string }[] = [];
  for (let i = 0; i < measured; i++) {
    const g = 1 + Math.floor((i * agencies) / measured);
    if (i % 5 === 0) {
      const prev = reportText(`测试市第${g}局`, 2023);
      const id = add(g, 2023, prev);
      // the real text is the agency's 2023 report (the synthetic row steps aside)
      db.prepare('UPDATE reports SET active = CASE WHEN id = ? THEN 1 ELSE 0 END WHERE agency_id = ? AND year = 2023').run(id, g);
      db.transaction(() => refreshQuality(db, [id]))();
      texts.push({ g, text: prev.replace(/2023/g, '2024') });
    } else texts.push({ g, text: reportText(`测试市第${g}局`, 2024) });
  }
  // As an import does: the reports stored, then checked a batch at a time in one transaction (10 here; an import flushes up to 128).
  const ids = texts.map(({ g, text }) => add(g, 2024, text));
  // The text checks alone (no archive), CPU time: the machine may be shared, wall time then says little.
  const c0 = process.cpuUsage();
  for (const { text } of texts)
    checkReport(prepareText(text), { year: 2024, template: '2021', publishedAt: '2025-01-20', agencyKind: 'department', values: {} }, DEFAULT_SETTINGS);
  const c0d = process.cpuUsage(c0);
  const pure = (c0d.user + c0d.system) / 1000;
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  for (let i = 0; i < ids.length; i += 10) db.transaction(() => refreshQuality(db, ids.slice(i, i + 10)))();
  const spent = performance.now() - t1;
  const cpu = process.cpuUsage(c1);
  const copied = ids.filter((id) => db.prepare("SELECT 1 FROM flags WHERE report_id = ? AND kind = 'copied_text'").get(id)).length;
  const all = (cpu.user + cpu.system) / 1000;
  console.log(
    `quality: ${measured} reports imported into it (checked 10 per transaction, as an import does): ${(all / measured).toFixed(2)} ms CPU per report for all the checks ` +
      `(${(spent / measured).toFixed(1)} ms wall on this machine), of which copied text with the archive's look-ups (signature, LSH band look-ups and writes, candidates) ` +
      `${((all - pure) / measured).toFixed(2)} ms, the text checks ${(pure / measured).toFixed(2)} ms; budget 5 ms; ${copied} of the ${measured / 5} copies flagged copied_text`,
  );
  // The figure: everything but the text checks counted as copied_text's (learning, flags and the archive's writes included).
  console.log(
    `copied_text ${((all - pure) / measured).toFixed(2)} ms CPU/report at ${String(total).replace(/\B(?=(\d{3})+$)/g, ' ')} reports (target ≤ 5 ms; load ${loadavg()[0]!.toFixed(1)})`,
  );
  a.close();
  rmSync(dir, { recursive: true, force: true });
}
