// Cross-year checks in the real UI (renderer build + web bridge + services +
// real archive, headless Chromium): 南沙区民政局's 2021 report shows no
// cross-year flag until its 2020 report is imported; then X1 flags appear on
// the 2021 report (上年结转 ≠ 2020's 结转下年度), the library's 跨年度不符
// filter finds it, and correcting the cells in the grid makes them go away.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport, type GeneratedReport } from '../gen/generate.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, importThroughUi, poller, startUi, type UiSession } from './setup.js';

const poll = poller(20_000);

const Y2020 = generateReport(10, { template: '2019', layout: 'tabs' });
const forward = (g: GeneratedReport, col: string) => g.values[`requests.carried_forward.${col}`] ?? 0;
// 2021 carries 2020's 结转下年度 over, except 自然人: 3 more (so the 总计 column is 3 more too)
const OFF = 3;
const carried = Object.fromEntries(
  ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => [c, forward(Y2020, c) + (c === 'person' ? OFF : 0)]),
);
const Y2021 = generateReport(25, { template: '2021', layout: 'tabs', carriedOver: carried });

describe.skipIf(!haveChromium)('cross-year checks in Chromium over the web bridge', () => {
  let tmp: string;
  let ui: UiSession;
  let page: Page;
  const importOne = async (g: GeneratedReport) => {
    const dir = join(tmp, String(g.year));
    mkdirSync(dir);
    writeFileSync(join(dir, g.name), g.bytes);
    expect(await importThroughUi(page, dir)).toMatch(/新增 1/);
    await page.getByTestId('import-close').click();
  };
  const open2021 = async () => {
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: Y2021.agency }).filter({ hasText: '2021' }).click();
    await page.getByTestId('report-page').waitFor();
  };
  const crossFlags = () => page.locator('[data-testid="flag"][data-kind="cross_year"]');

  beforeAll(async () => {
    expect([Y2020.agency, Y2020.year, Y2021.agency, Y2021.year]).toEqual(['南沙区民政局', 2020, '南沙区民政局', 2021]);
    tmp = e2eTmp('nianbao-xyear-');
    await buildRenderer();
    ui = await startUi(tmp, join(tmp, 'xyear.nianbao'));
    page = ui.page;
    await page.goto(ui.bridge.url);
    await page.getByTestId('welcome').waitFor();
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('a cross-year flag appears on the 2021 report after importing 2020, and goes away after the correction that fixes it', async () => {
    await importOne(Y2021);
    await open2021();
    await poll(() => page.locator('[data-testid="flag"]').count()).toBeGreaterThanOrEqual(0);
    expect(await crossFlags().count()).toBe(0);
    await page.getByRole('button', { name: /返回/ }).click();

    await importOne(Y2020);
    await open2021();
    const person = forward(Y2020, 'person');
    const total = forward(Y2020, 'total');
    await poll(() => crossFlags().count()).toBe(2);
    const texts = await crossFlags().allTextContents();
    expect(texts.some((t) => t.includes(`X1（自然人）：上年结转为 ${person + OFF}，而2020 年报告的结转下年度为 ${person}`))).toBe(true);
    expect(texts.some((t) => t.includes(`X1（总计）：上年结转为 ${total + OFF}，而2020 年报告的结转下年度为 ${total}`))).toBe(true);
    expect(await page.locator('[data-testid="flag"][data-kind="cross_year"][data-state="open"]').count()).toBe(2);
    expect(await page.getByTestId('report-status').textContent()).toBe('有疑问');
    await page.screenshot({ path: join(ARTIFACTS, 'xyear-01-flags.png') });

    // the library's filter finds it
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('tab-list').click();
    await page.getByTestId('filter-cross-year').check();
    await poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(await page.getByTestId('report-row').first().textContent()).toContain('2021');
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('report-page').waitFor();

    // select the flag's cell from the flag, type the right number, Enter: that flag goes
    const fix = async (col: string, right: number) => {
      await crossFlags()
        .filter({ hasText: col === 'person' ? 'X1（自然人）' : 'X1（总计）' })
        .click();
      await poll(() => page.locator('td.selected').getAttribute('data-field')).toBe(`requests.carried_over.${col}`);
      await page.locator(`td[data-field="requests.carried_over.${col}"]`).click(); // the grid takes the keyboard
      await page.keyboard.type(String(right));
      await page.keyboard.press('Enter');
      await poll(() => page.locator(`td[data-field="requests.carried_over.${col}"]`).textContent()).toBe(String(right));
    };
    await fix('person', person);
    await poll(() => crossFlags().count()).toBe(1);
    await fix('total', total);
    await poll(() => crossFlags().count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'xyear-02-fixed.png') });
    // and the filter no longer lists it
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('tab-list').click();
    await poll(() => page.getByTestId('report-row').count()).toBe(0);
  });
});
