// Yearly workbook for 20 000 reports (targets: < 10 s, < 500 MB peak RSS),
// and the tidy CSV of the same, from synthetic ExportReport[]. Runs in a child
// process so the peak RSS is the export's own, not the other benches'.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES } from '../src-main/core/catalogue/index.js';
import { valuesRecord, writeTidy, writeWorkbook, type ExportReport } from '../src-main/core/export/index.js';

export function syntheticReports(n: number, year = 2020): ExportReport[] {
  const tp = year >= 2021 ? '2021' : '2019';
  const fields = TEMPLATES[tp].fields;
  const out: ExportReport[] = [];
  for (let i = 0; i < n; i++) {
    const raw: Record<string, number | null> = {};
    fields.forEach((f, j) => {
      raw[f.id] = f.optional ? null : f.unit === 'wan' ? ((i * 31 + j) % 100_000) / 10_000 : (i + j) % 17;
    });
    const values = valuesRecord(tp, raw); // as the archive adapter builds them
    const r: ExportReport = {
      id: i + 1,
      agency: `测试市第${i}局`,
      region: { province: `省${i % 31}`, city: `市${i % 300}`, county: i % 3 ? `县${i % 2800}` : null },
      year,
      template: tp,
      status: i % 3 === 0 ? 'verified' : 'unreviewed',
      values,
      corrected: {},
      flags: [],
      source: {
        fileName: `report-${i}.pdf`,
        sha256: (i.toString(16) + 'a'.repeat(64)).slice(0, 64),
        format: 'pdf',
        importedAt: '2026-11-22T20:00:00Z',
        extractorVersion: '0.1.0',
      },
    };
    // 5 % of reports with a correction, 10 % with an open rule flag.
    if (i % 20 === 0) r.corrected['requests.new.person'] = { old: 1, new: values['requests.new.person']!, note: '核对原件', at: '2026-11-22T21:00:00Z' };
    if (i % 10 === 0)
      r.flags.push({
        kind: 'rule',
        fields: ['requests.total.person', 'requests.carried_forward.person'],
        message: 'R1 不平衡',
        rule: 'R1',
        expected: 3,
        found: 2,
        status: 'open',
      });
    out.push(r);
  }
  return out;
}

async function child(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-export-'));
  try {
    const reports = syntheticReports(n);
    const meta = { archiveName: 'bench', generatedAt: new Date().toISOString(), lang: 'zh' as const };
    let t = performance.now();
    let cpu = process.cpuUsage();
    const s = await writeWorkbook(reports, meta, { kind: 'year', year: 2020 }, join(dir, 'y.xlsx'));
    const xlsxS = (performance.now() - t) / 1000;
    const xlsxCpu = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    const rssAfterXlsx = process.resourceUsage().maxRSS / 1024;
    t = performance.now();
    cpu = process.cpuUsage();
    const c = await writeTidy(reports, 'csv', join(dir, 'y.csv'));
    const csvS = (performance.now() - t) / 1000;
    const csvCpu = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    console.log(
      `export: ${n} reports → xlsx ${xlsxS.toFixed(1)} s wall (${xlsxCpu.toFixed(1)} s CPU), ${(s.bytes / 1e6).toFixed(1)} MB, peak RSS ${rssAfterXlsx.toFixed(0)} MB` +
        ` (targets < 10 s, < 500 MB)\n        tidy csv: ${c.rows} rows ${csvS.toFixed(1)} s wall (${csvCpu.toFixed(1)} s CPU), ${(c.bytes / 1e6).toFixed(0)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function bench(): Promise<void> {
  const n = process.argv.includes('--quick') ? 5_000 : 20_000;
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--export-child', String(n)], { stdio: 'inherit' });
  if (r.status !== 0) console.log(`export bench failed (exit ${r.status})`);
}

const at = process.argv.indexOf('--export-child');
if (at > 0) await child(Number(process.argv[at + 1]));
