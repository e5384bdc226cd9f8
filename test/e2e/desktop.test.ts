// The whole UI in a real browser: renderer (vite build) + web bridge +
// services + real archive, driven by headless Chromium. Screenshots go to
// test/artifacts/ for a human to look at.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openArchive } from '../../src-main/core/archive/index.js';
import type { WebBridge } from '../../src-main/web/server.js';
import { sampleFolder, sharedSeeds } from '../../src-main/core/samples.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, launchBrowser, newPage, poller, ROOT, startBridge } from './setup.js';
import { haveSeeds, SEEDS } from '../seeds.js';

const poll = poller(15_000);

// Each test sets up what it needs: the seeded archive is imported once (in
// beforeAll, through the core) and every test opens the page it works on;
// tests that change what others count (the first run's import, the merge) get
// an archive and a browser context of their own.
interface App {
  bridge: WebBridge;
  page: Page;
  /** The app's address once the token is spent (the cookie carries it). */
  home: string;
  close(): Promise<void>;
}

describe.skipIf(!haveChromium || !haveSeeds)('desktop UI in Chromium over the web bridge', () => {
  let tmp: string;
  let browser: Browser;
  let app: App;
  const apps: App[] = [];
  let page: Page;
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });

  /** A services instance, web bridge and browser context over an archive of its own (the seeds imported when `seeded`). */
  async function startApp(name: string, seeded: boolean): Promise<App> {
    const archivePath = join(tmp, `${name}.nianbao`);
    if (seeded) {
      const a = await openArchive(archivePath, { create: true, workers: 1 });
      try {
        expect(await a.importFolder(SEEDS)).toMatchObject({ status: 'completed', imported: 5 });
      } finally {
        a.close();
      }
    }
    const { services, bridge } = await startBridge(archivePath, sampleFolder(sharedSeeds(ROOT)) ?? undefined);
    const { context, page: p } = await newPage(browser);
    const started: App = {
      bridge,
      page: p,
      home: bridge.url.replace(/\?token=.*/, ''),
      close: async () => {
        await context.close();
        await bridge.close();
        await services.close();
      },
    };
    apps.push(started);
    return started;
  }

  /** The library's grid, from a fresh page load. */
  async function openGrid(): Promise<void> {
    await page.goto(app.home);
    await page.getByTestId('tab-grid').click();
    await page.getByTestId('library-grid').waitFor();
  }

  const gridCell = (agency: string) => page.locator(`[data-testid="grid-cell"][data-agency="${agency}"][data-year="2020"]`);

  /** One report's page, opened from the grid. */
  async function openReport(agency: string): Promise<void> {
    await openGrid();
    await gridCell(agency).click();
    await page.getByTestId('report-page').waitFor();
    await poll(() => page.getByTestId('report-title').textContent()).toContain(agency);
  }

  beforeAll(async () => {
    tmp = e2eTmp('nianbao-e2e-');
    await buildRenderer();
    browser = await launchBrowser();
    app = await startApp('e2e', true);
    page = app.page;
    await page.goto(app.bridge.url); // spends the token: later loads of app.home carry the cookie
  }, 180_000);

  afterAll(async () => {
    for (const a of apps) await a.close();
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the build records its sources, so `npm run web` knows it is up to date', async () => {
    const { rendererStale } = await import('../../src-main/cli/renderer-build.js');
    const sources = JSON.parse(readFileSync(join(ROOT, 'dist-renderer/build-sources.json'), 'utf8')) as string[];
    expect(sources).toEqual(expect.arrayContaining(['src-renderer/main.tsx', 'src-renderer/api/token.ts', 'src-main/core/catalogue/index.ts']));
    expect(sources.some((f) => f.includes('node_modules'))).toBe(false);
    expect(rendererStale(ROOT)).toBeNull();
  });

  it('without the token the page is refused', async () => {
    const context = await browser.newContext();
    try {
      const res = await (await context.newPage()).goto(app.home);
      expect(res?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });

  it('first run: the empty archive offers to import; importing the seed folder shows a summary', async () => {
    const fresh = await startApp('first-run', false);
    const page = fresh.page;
    await page.goto(fresh.bridge.url);
    await page.getByTestId('welcome').waitFor();
    // the page took the token out of its address bar (it opens the page once)
    expect(page.url()).toBe(fresh.home);
    // The bundled samples are offered when the build ships them.
    const samples = sampleFolder(sharedSeeds(ROOT)) !== null;
    expect(await page.getByTestId('import-samples').isVisible()).toBe(samples);
    await shot('01-welcome', page);
    await page.getByRole('button', { name: '导入文件夹' }).click();
    await page.getByTestId('import-path').fill(SEEDS);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    await shot('02-import-summary', page);
    const line = await page.getByTestId('import-summary-line').textContent();
    expect(line).toMatch(/新增 5/);
    // The folder's README is not a report: listed with its reason, the batch goes on.
    expect(await page.getByTestId('import-errors').textContent()).toContain('README.md');
    await page.getByTestId('import-close').click();
  });

  it('the grid and the list show the 5 reports', async () => {
    await openGrid();
    await poll(() => page.getByTestId('grid-row').count()).toBe(5);
    expect(await page.getByTestId('grid-cell').count()).toBe(5);
    await shot('03-grid');
    await page.getByTestId('tab-list').click();
    await poll(() => page.getByTestId('list-total').textContent()).toContain('共 5 份报告');
    expect(await page.getByTestId('report-row').count()).toBe(5);
    await shot('04-list');
    // Filters narrow the list (agency substring).
    await page.getByTestId('filter-agency').fill('广州');
    await poll(() => page.getByTestId('list-total').textContent()).toContain('共 1 份报告');
    await page.getByTestId('filter-agency').fill('');
    // Full-text search over the source text.
    await page.getByTestId('filter-text').fill('奋勇高新区');
    await poll(() => page.getByTestId('list-total').textContent()).toContain('共 1 份报告');
    expect(await page.getByTestId('report-row').first().textContent()).toContain('湛江奋勇高新区招商服务局');
    await shot('04b-fulltext');
    await page.getByTestId('filter-text').fill('');
    await poll(() => page.getByTestId('list-total').textContent()).toContain('共 5 份报告');
  });

  it('opens 广州市商务局 2020 and shows 总计 14 with its source span', async () => {
    await openReport('广州市商务局');
    const total = page.locator('td[data-field="requests.total.total"]');
    await poll(() => total.textContent()).toBe('14');
    await total.click();
    await page.getByTestId('cell-panel').waitFor();
    expect(await page.getByTestId('cell-value').textContent()).toBe('14');
    expect(await page.getByTestId('source-mark').textContent()).toContain('14');
    await shot('05-report');
  });

  it('a correction raises the rule flags, undo clears them, redo brings them back', async () => {
    await openReport('广州市商务局');
    const granted = page.locator('td[data-field="requests.granted.person"]');
    const rowTotal = page.locator('td[data-field="requests.granted.total"]');
    expect(await granted.textContent()).toBe('3');
    expect(await rowTotal.getAttribute('class')).not.toContain('flagged');
    await granted.click();
    await page.getByTestId('correct-value').fill('4');
    await page.getByTestId('correct-note').fill('e2e 测试修改');
    await page.getByTestId('correct-submit').click();
    await poll(() => granted.textContent()).toBe('4');
    await poll(() => rowTotal.getAttribute('class')).toContain('flagged');
    expect(await granted.getAttribute('class')).toContain('corrected');
    expect(await page.getByTestId('flag-list').textContent()).toMatch(/R3|R2/);
    expect(await page.getByTestId('report-status').textContent()).toBe('有疑问');
    await poll(() => page.getByTestId('cell-history').textContent()).toContain('e2e 测试修改');
    await shot('06-corrected-flagged');
    // A bad value is refused in the browser, before any call.
    await page.getByTestId('correct-value').fill('3.5');
    await page.getByTestId('correct-submit').click();
    expect(await page.getByTestId('correct-error').textContent()).toBe('请输入非负整数');
    await page.getByTestId('undo').click();
    await poll(() => granted.textContent()).toBe('3');
    await poll(() => rowTotal.getAttribute('class')).not.toContain('flagged');
    await page.getByTestId('redo').click();
    await poll(() => granted.textContent()).toBe('4');
    // 原文如此: the R3 flag accepted with a note stops flagging its row; revoking brings it back.
    const r3 = page.locator('[data-testid="flag"][data-rule="R3"]');
    await r3.getByTestId('flag-accept').click();
    await page.getByTestId('flag-accept-note').fill('原报告此行合计即不符');
    await page.getByTestId('flag-accept-confirm').click();
    await poll(() => r3.getAttribute('data-state')).toBe('accepted');
    expect(await r3.getByTestId('flag-accepted').textContent()).toContain('已确认（原文如此）：原报告此行合计即不符');
    await poll(() => rowTotal.getAttribute('class')).not.toContain('flagged');
    await poll(() => page.getByTestId('cell-history').textContent()).toContain('确认原文如此 R3 — 原报告此行合计即不符');
    await shot('06b-flag-accepted');
    await r3.getByTestId('flag-unaccept').click();
    await poll(() => r3.getAttribute('data-state')).toBe('open');
    await poll(() => rowTotal.getAttribute('class')).toContain('flagged');
    // Ctrl+Z follows the last action of any kind: the revocation, then the acceptance, then the correction.
    await page.keyboard.press('Control+z');
    await poll(() => r3.getAttribute('data-state')).toBe('accepted');
    await page.keyboard.press('Control+z');
    await poll(() => r3.getAttribute('data-state')).toBe('open');
    await page.keyboard.press('Control+z');
    await poll(() => granted.textContent()).toBe('3');
    await page.getByTestId('no-flags').waitFor();
    await shot('07-undone');
  });

  it('mark verified', async () => {
    // 南沙区商务局: a report no other test changes. 已核实 asks first only while extraction doubts are open
    // (quality findings never block it), so the confirmation is answered when it is shown.
    await openReport('南沙区商务局');
    await page.getByTestId('verify').click();
    const asked = await page
      .getByTestId('verify-confirm')
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    if (asked) await page.getByTestId('verify-confirm-yes').click();
    await poll(() => page.getByTestId('report-status').textContent()).toBe('已核实');
    await shot('08-verified');
    // Previous/next walk through the reports the library showed (grid order).
    await page.getByTestId('next-report').click();
    await poll(() => page.getByTestId('report-title').textContent()).not.toContain('南沙区商务局');
    await page.keyboard.press('Alt+ArrowLeft');
    await poll(() => page.getByTestId('report-title').textContent()).toContain('南沙区商务局');
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('library-grid').waitFor();
    await poll(() => gridCell('南沙区商务局').getAttribute('class')).toContain('g-verified');
    await shot('09-grid-after-verify');
  });

  it('exports a valid xlsx workbook for 2020', async () => {
    const out = join(tmp, 'export');
    mkdirSync(out);
    await openGrid();
    await page.locator('[data-nav="export"]').click();
    await page.getByTestId('export-page').waitFor();
    await page.getByTestId('export-folder').fill(out);
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-summary').waitFor({ timeout: 60_000 });
    await shot('10-export');
    const file = (await page.getByTestId('export-file').first().textContent()) ?? '';
    expect(file.startsWith(out)).toBe(true);
    expect(file.endsWith('.xlsx')).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = XLSX.read(bytes, { type: 'buffer' });
    expect(wb.SheetNames.length).toBeGreaterThan(0);
    const text = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join('\n');
    expect(text).toContain('广州市商务局');
  });

  it('charts render for one agency and one year', async () => {
    await openGrid();
    await page.locator('[data-nav="charts"]').click();
    await page.getByTestId('charts-page').waitFor();
    await poll(() => page.locator('canvas').count()).toBeGreaterThanOrEqual(2);
    await shot('11-charts');
  });

  it('merges two agency names from the agencies tab', async () => {
    // No real duplicate among the seeds: merging two 2020 agencies exercises
    // the path (the older report becomes a version of the newer one).
    // The merge changes the count of agencies and reports: an archive of its own.
    const own = await startApp('merge', true);
    const page = own.page;
    await page.goto(own.bridge.url);
    await page.getByTestId('tab-agencies').click();
    await page.getByTestId('agency-panel').waitFor();
    await page.locator('.agency-table tr', { hasText: '西工区商务局' }).click();
    await page.locator('.agency-table tr', { hasText: '东莞市商务局' }).click();
    await page.getByRole('button', { name: '将“西工区商务局”并入“东莞市商务局”' }).click();
    await poll(() => page.getByTestId('agency-panel').textContent()).toContain('移动 1 份报告');
    await poll(() => page.locator('.agency-table tbody tr').count()).toBe(4);
    await shot('12-agencies-merged', page);
    await poll(() => page.locator('.topbar').textContent()).toContain('共 4 份报告');
    await page.getByTestId('tab-grid').click();
    await poll(() => page.getByTestId('grid-row').count()).toBe(4);
  });

  it('switches to English', async () => {
    await openGrid();
    await page.getByTestId('lang').click();
    await page.locator('[data-nav="library"]').click();
    await poll(() => page.getByTestId('tab-grid').textContent()).toBe('Agency × year');
    await shot('13-english');
    await page.getByTestId('lang').click();
  });
});
