// Versions in a real browser (issue 10): a reviewed report with a new version
// waiting (待比较) — compare, switch version, remove to the trash, restore.
// Renderer (vite build) + web bridge + services + a real archive, headless Chromium.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import type { Services } from '../../src-main/services/index.js';
import type { WebBridge } from '../../src-main/web/server.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, poller, startUi, type UiSession } from './setup.js';
import { haveSeeds, SEEDS } from '../seeds.js';

const poll = poller(15_000);

describe.skipIf(!haveChromium || !haveSeeds)('versions and the trash in Chromium', () => {
  let tmp: string;
  let ui: UiSession;
  let bridge: WebBridge;
  let services: Services;
  let page: Page;
  let gz = 0;
  let xg = 0;

  beforeAll(async () => {
    tmp = e2eTmp('nianbao-e2e-versions-');
    // The archive: five seeds; 广州 corrected and verified; 西工区's report set to 广州 2020 → a version waiting to be compared.
    const seeds = join(tmp, 'seeds');
    mkdirSync(seeds);
    for (const f of readdirSync(SEEDS)) if (f.endsWith('.txt')) copyFileSync(join(SEEDS, f), join(seeds, f));
    const path = join(tmp, 'v.nianbao');
    const a = await openArchive(path, { create: true, workers: 2 });
    await a.importFolder(seeds);
    const id = (name: string) => a.listReports({ agency: name }).items.find((r) => r.agency === name)!.id;
    gz = id('广州市商务局');
    xg = id('西工区商务局');
    a.correct(gz, 'active.normative.made', 9, '核对纸质版');
    a.verify(gz);
    expect(a.setMetaLanding(xg, { agency: '广州市商务局' }).landing?.outcome).toBe('needs_compare');
    a.close();
    await buildRenderer();
    ui = await startUi(tmp, path);
    ({ services, bridge, page } = ui);
  }, 240_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the list and grid mark 待比较; the report page compares, switches the version, and keeps the reviewed value on the old one', async () => {
    await page.goto(bridge.url);
    await page.getByTestId('tab-list').click();
    await page.getByTestId('list-needs-compare').first().waitFor();
    await page.getByTestId('tab-grid').click();
    const cell = page.locator('[data-testid="grid-cell"][data-agency="广州市商务局"][data-year="2020"]');
    await cell.waitFor();
    expect(await cell.getAttribute('class')).toContain('g-compare');
    expect(await cell.getByTestId('grid-badge').textContent()).toBe('2');
    await cell.click();
    await page.getByTestId('report-needs-compare').waitFor();
    expect(await page.getByTestId('report-status').textContent()).toBe('已核实');
    await page.getByTestId(`compare-${xg}`).click();
    await page.getByTestId('compare-view').waitFor();
    // the corrected cell differs (9, corrected, against 西工区's reading)
    expect(await page.getByTestId('diff-active.normative.made').locator('td').nth(1).textContent()).toBe('9 *');
    await page.screenshot({ path: join(ARTIFACTS, 'versions-compare.png') });

    await page.getByTestId(`use-version-${xg}`).click();
    await poll(async () => (await services.call('reports.list', { agency: '广州市商务局' })).items.map((r) => r.id)).toEqual([xg]);
    await poll(async () => (await page.getByTestId(`version-${xg}`).getAttribute('class')) ?? '').toContain('active');
    expect(await page.getByTestId('report-needs-compare').count()).toBe(0);
    // the page says what the switch carried, by the cells' names: the corrected cell reads otherwise here, so it is flagged
    const said = (await page.getByTestId('report-note').textContent()) ?? '';
    expect(said).toContain('已切换版本');
    expect(said).toContain('读数不同、已标记的单元格：规范性文件 · 本年新制作数量');
    expect(said).not.toContain('active.normative');
    // the reviewed value stays on the version left
    expect((await services.call('reports.get', { id: gz })).values['active.normative.made']).toBe(9);
  }, 60_000);

  it('remove moves the report to the trash; restore brings it back', async () => {
    await page.getByTestId('remove-report').click();
    await page.getByTestId('remove-reason').fill('重复下载');
    await page.getByTestId('remove-confirm').click();
    await page.getByTestId('library-grid').waitFor();
    await poll(async () => (await services.call('reports.list', {})).total).toBe(3);
    expect(await page.locator('[data-testid="grid-cell"][data-agency="广州市商务局"]').count()).toBe(0);
    await page.getByTestId('tab-trash').click();
    const entry = Math.min(gz, xg);
    await page.getByTestId(`trash-${entry}`).waitFor();
    expect(await page.getByTestId(`trash-${entry}`).textContent()).toContain('重复下载');
    await page.getByTestId(`restore-${entry}`).click();
    await page.getByTestId('trash-empty').waitFor();
    await poll(async () => (await services.call('reports.list', {})).total).toBe(4);
    expect((await services.call('reports.list', { agency: '广州市商务局' })).items.map((r) => r.id)).toEqual([xg]);
    await page.getByTestId('tab-grid').click();
    await page.locator('[data-testid="grid-cell"][data-agency="广州市商务局"][data-year="2020"]').waitFor();
  }, 60_000);
});
