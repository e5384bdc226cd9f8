// Page viewer: how long the real renderer (vite build, in headless Chromium,
// through the web bridge) takes to open a report's PDF page — fetch the
// original from the archive by report id, open it with pdf.js, draw the page
// and box the selected cell — for the real PDFs in ../shared/real-pdfs.
// Target: < 300 ms a page.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator } from 'playwright-core';
import { openArchivePort } from '../src-main/services/adapter.js';
import { createServices } from '../src-main/services/index.js';
import { startWebBridge } from '../src-main/web/server.js';

const ROOT = new URL('..', import.meta.url).pathname;
const REAL = new URL('../../shared/real-pdfs/', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
/** Poll an attribute of the viewer from Node until `ok` (the app's CSP forbids evaluating strings in the page, so no waitForFunction). */
async function waitAttr(viewer: Locator, name: string, ok: (v: string | null) => boolean, timeout = 30_000): Promise<string | null> {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await viewer.getAttribute(name);
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`viewer: ${name} still ${v} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function bench(): Promise<void> {
  if (!existsSync(REAL) || !existsSync(CHROMIUM)) {
    console.log(`viewer: skipped (${existsSync(REAL) ? CHROMIUM : REAL} is absent)`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-bench-viewer-'));
  const dir = join(tmp, 'pdfs');
  mkdirSync(dir);
  const files = readdirSync(REAL).filter((f) => f.endsWith('.pdf'));
  for (const f of files) copyFileSync(join(REAL, f), join(dir, f));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src-renderer'), logLevel: 'warn' });
  const services = await createServices({ openArchive: openArchivePort, archivePath: join(tmp, 'bench.nianbao'), bridge: 'web' });
  const { jobId } = await services.call('import.start', { folder: dir });
  await services.jobs.wait(jobId);
  const bridge = await startWebBridge({ services, rendererDir: join(ROOT, 'dist-renderer') });
  const ctx = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1500, height: 950 },
  });
  const times: number[] = [];
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(bridge.url);
    await page.getByTestId('tab-list').click();
    await page.getByTestId('report-row').first().waitFor();
    const n = await page.getByTestId('report-row').count();
    // Three rounds: on a shared, loaded machine one reading says little; the median and the slowest are printed.
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < n; i++) {
        await page.getByTestId('report-row').nth(i).click();
        const viewer = page.getByTestId('page-viewer');
        await viewer.waitFor();
        await waitAttr(viewer, 'data-ms', (v) => !!v);
        const first = Number(await viewer.getAttribute('data-ms'));
        // then a cell on another page: turning to it and drawing
        await page.locator('td[data-field="review.litigation_after.total"]').click();
        await waitAttr(viewer, 'data-page', (v) => v !== '1');
        await waitAttr(viewer, 'data-ms', (v) => !!v);
        const turn = Number(await viewer.getAttribute('data-ms'));
        const title = (await page.getByTestId('report-title').textContent()) ?? '';
        console.log(
          `viewer: round ${round + 1}, ${title.trim()} — open + draw page 1: ${first} ms; turn to the cell's page ${await viewer.getAttribute('data-page')} + box: ${turn} ms`,
        );
        times.push(first, turn);
        await page.getByRole('button', { name: /返回|Back/ }).click();
        await page.getByTestId('tab-list').click();
        await page.getByTestId('report-row').first().waitFor();
      }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `viewer: ${files.length} real PDFs × 3 rounds, page open median ${sorted[Math.floor(sorted.length / 2)]} ms, slowest ${sorted.at(-1)} ms (target < 300 ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
    );
  } finally {
    await ctx.close();
    await bridge.close();
    await services.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
