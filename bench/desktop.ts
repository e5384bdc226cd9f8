// Desktop services at national scale: the views the library page asks for
// over 100 000 reports (agency × year grid, facets, a list page through the
// web bridge). Uses a synthetic in-memory archive so the figures are the
// services' and the bridge's own cost, not SQLite's.
import { createServices } from '../src-main/services/index.js';
import type { ArchivePort } from '../src-main/services/port.js';
import type { ReportSummary } from '../src-main/contract/index.js';
import { startWebBridge } from '../src-main/web/server.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function synthetic(n: number): ArchivePort {
  const all: ReportSummary[] = [];
  for (let i = 0; i < n; i++)
    all.push({
      id: i + 1,
      agency: `测试市第${Math.floor(i / 5)}局`,
      year: 2019 + (i % 5),
      template: i % 5 >= 2 ? '2021' : '2019',
      region: `地区${i % 300}`,
      status: i % 7 === 0 ? 'flagged' : i % 3 === 0 ? 'verified' : 'unreviewed',
      flagCount: i % 7 === 0 ? 1 : 0,
      file: `/archive/${i}.txt`,
      format: 'txt',
      agencyId: Math.floor(i / 5) + 1,
      qualityCount: 0,
      active: true,
      needsCompare: false,
      versionCount: 1,
      removed: false,
    });
  const p: Partial<ArchivePort> = {
    path: ':memory:',
    close: () => undefined,
    info: () => ({ path: ':memory:', reports: n, agencies: n / 5, years: [2019, 2020, 2021, 2022, 2023], flagged: 0, verified: 0 }),
    list: (f) => ({ total: all.length, items: all.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? 100)) }),
  };
  return p as ArchivePort;
}

const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

export async function bench(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const n = quick ? 20_000 : 100_000;
  const s = await createServices({ openArchive: async () => synthetic(n), archivePath: ':memory:', bridge: 'web' });
  let t = performance.now();
  const grid = await s.call('library.grid', {});
  console.log(`desktop: library.grid over ${n} reports → ${grid.rows.length} agencies × ${grid.years.length} years: ${ms(t)}`);
  t = performance.now();
  await s.call('library.facets', {});
  console.log(`desktop: library.facets: ${ms(t)}`);
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-'));
  writeFileSync(join(dir, 'index.html'), '');
  const bridge = await startWebBridge({ services: s, rendererDir: dir });
  const call = async (name: string, body: unknown) => {
    const r = await fetch(`http://127.0.0.1:${bridge.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nianbao-token': bridge.token },
      body: JSON.stringify(body),
    });
    return r.text();
  };
  t = performance.now();
  for (let i = 0; i < 50; i++) await call('reports.list', { offset: i * 200, limit: 200 });
  console.log(`desktop: 50 list pages of 200 via the web bridge: ${((performance.now() - t) / 50).toFixed(1)} ms/page`);
  t = performance.now();
  const body = await call('library.grid', {});
  console.log(`desktop: library.grid via the web bridge: ${ms(t)}, ${(body.length / 1e6).toFixed(1)} MB JSON`);
  console.log(`desktop: heap used ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  await bridge.close();
  await s.close();
}
