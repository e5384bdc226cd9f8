// The review queue, 修改记录 and compare with last year in a real browser
// (renderer build + web bridge + services + real archive, headless Chromium):
// the import summary's 有疑问 N opens the queue on that run's flagged
// reports, 核实并下一份 walks it (asking first about open flags), the
// 修改记录 tab lists who did what and exports a CSV Excel reads, and the
// previous year's report sits beside this one. Screenshots at 1366×768 and
// 1024×768 go to test/artifacts/.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebBridge } from '../../src-main/web/server.js';
import { generateReport, type GeneratedReport } from '../gen/generate.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, importThroughUi, poller, ROOT, startUi, type UiSession } from './setup.js';

const poll = poller(20_000);

// 昆明市交通运输局 2019 (seed 5) and 2020 (seed 8); two reports with a broken total (an open R3 flag each).
const LAST_YEAR = generateReport(5, { layout: 'tabs' });
// 2020's 上年结转 differs from 2019's 结转下年度: the archive's cross-year check (X1) flags it, so the queue's 跨年核对 finds it.
const THIS_YEAR = generateReport(8, { layout: 'tabs' });
const FLAGGED = [
  generateReport(11, { template: '2021', breakTotal: true, layout: 'tabs' }),
  generateReport(12, { template: '2021', breakTotal: true, layout: 'tabs' }),
];

describe.skipIf(!haveChromium)('review queue, 修改记录 and last year in Chromium over the web bridge', () => {
  let tmp: string;
  let ui: UiSession;
  let bridge: WebBridge;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `queue-${name}.png`), fullPage: false });
  const folder = (name: string, reports: GeneratedReport[]) => {
    const dir = join(tmp, name);
    mkdirSync(dir);
    for (const g of reports) writeFileSync(join(dir, g.name), g.bytes);
    return dir;
  };
  const importFolder = (dir: string) => importThroughUi(page, dir);

  beforeAll(async () => {
    expect(THIS_YEAR.agency).toBe(LAST_YEAR.agency);
    expect([LAST_YEAR.year, THIS_YEAR.year]).toEqual([2019, 2020]);
    tmp = e2eTmp('nianbao-queue-e2e-');
    await buildRenderer();
    ui = await startUi(tmp, join(tmp, 'queue.nianbao'), { acceptDownloads: true, viewport: { width: 1366, height: 768 } });
    ({ bridge, page } = ui);
    await page.goto(bridge.url);
    await page.getByTestId('welcome').waitFor();
    await importFolder(folder('run1', [LAST_YEAR]));
    await page.getByTestId('import-close').click();
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('有疑问 N opens the queue on the run’s flagged reports; 跨年核对 finds the cross-year mismatch; 核实并下一份 walks it', async () => {
    await importFolder(folder('run2', [THIS_YEAR, ...FLAGGED]));
    // flagged in run 2: the two broken totals, and 2020 of 昆明市交通运输局 whose 上年结转 differs from 2019's 结转下年度 (X1)
    const link = page.getByTestId('import-flagged-link');
    expect(await link.textContent()).toBe('有疑问 3');
    expect(await page.getByTestId('import-summary-line').textContent()).toMatch(/^共 3 个文件：新增 3，.*有疑问 3$/);
    await link.click();
    await page.getByTestId('queue').waitFor();
    // the second run, its flagged reports: all three, and only those
    await poll(() => page.getByTestId('queue-flagged').textContent()).toBe('有疑问 3');
    expect(await page.getByTestId('queue-flagged').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('queue-todo').textContent()).toBe('待审 3');
    expect(await page.getByTestId('queue-needs_compare').textContent()).toBe('待比较 0');
    expect(await page.getByTestId('queue-kinds').textContent()).toBe('跨年核对 1');
    expect(await page.getByTestId('queue-verified').textContent()).toBe('已核实 0');
    expect(await page.getByTestId('queue-run').locator('option:checked').textContent()).toMatch(/^第 2 次导入（.*，3 份）$/);
    await poll(() => page.getByTestId('report-row').count()).toBe(3);
    const rows = await page.getByTestId('report-row').allTextContents();
    const order = [...FLAGGED, THIS_YEAR].sort((a, b) => Buffer.compare(Buffer.from(a.agency), Buffer.from(b.agency)));
    expect(rows.map((r) => order.findIndex((g) => r.startsWith(g.agency)))).toEqual([0, 1, 2]);
    await shot('01-queue-1366x768');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot('02-queue-1024x768');
    const chips = await page.getByTestId('queue').boundingBox();
    expect(chips!.x + chips!.width).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1366, height: 768 });
    // 跨年核对: only the 2020 report with the X1 flags
    await page.getByTestId('queue-kinds').click();
    await poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(await page.getByTestId('report-row').textContent()).toContain(`${THIS_YEAR.agency}2020`);
    await page.getByTestId('queue-flagged').click();
    await poll(() => page.getByTestId('report-row').count()).toBe(3);

    // 核实并下一份: open flags are asked about first; confirmed, the next flagged report opens
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('report-page').waitFor();
    for (let k = 0; k < order.length; k++) {
      await poll(() => page.getByTestId('report-title').textContent()).toContain(order[k]!.agency);
      expect(await page.getByTestId('report-status').textContent()).toBe('有疑问');
      await page.getByTestId('verify-next').click();
      await poll(() => page.getByTestId('verify-confirm-text').textContent()).toMatch(/^还有 \d+ 条疑问未处理/);
      if (k === 0) await shot('03-verify-next-asks');
      await page.getByTestId('verify-confirm-yes').click();
    }
    // the last one: the queue is done, said so, and the report is verified
    await poll(() => page.getByTestId('report-status').textContent()).toBe('已核实');
    await poll(() => page.getByText('队列已审完：没有更多待审的报告').count()).toBe(1);
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('queue').waitFor();
    await poll(() => page.getByTestId('queue-flagged').textContent()).toBe('有疑问 0');
    expect(await page.getByTestId('queue-verified').textContent()).toBe('已核实 3');
    expect(await page.getByTestId('queue-todo').textContent()).toBe('待审 0');
    // all runs: the first run's report is the one left
    await page.getByTestId('queue-todo').click();
    await page.getByTestId('queue-run').selectOption('');
    await poll(() => page.getByTestId('queue-todo').textContent()).toBe('待审 1');
    await poll(() => page.getByTestId('report-row').count()).toBe(1);
    expect(await page.getByTestId('report-row').textContent()).toContain(`${LAST_YEAR.agency}2019`);
  });

  it('修改记录 lists the correction, acceptance and verification with who and when, and exports a CSV for Excel', async () => {
    const g = FLAGGED[0]!;
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: g.agency }).click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('reviewer').click();
    await page.getByTestId('reviewer-input').fill('赵审核');
    await page.getByTestId('reviewer-save').click();
    await poll(() => page.getByTestId('reviewer').textContent()).toBe('审核人：赵审核');
    // un-verify, then correct the broken total to what it reads as printed + 1 (with a note): two entries by 赵审核
    await page.getByTestId('verify').click();
    await poll(() => page.getByTestId('report-status').textContent()).not.toBe('已核实');
    const cell = page.locator(`td[data-field="${g.broken!.field}"]`);
    await cell.click();
    await page.keyboard.type('4321');
    await page.keyboard.press('Enter');
    await poll(() => cell.textContent()).toBe('4321');
    await page.getByTestId('report-tab-log').click();
    await page.getByTestId('log-table').waitFor();
    const actions = await page.getByTestId('log-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['correct', 'unverify', 'verify']); // newest first
    const top = await page.getByTestId('log-row').first().locator('td').allTextContents();
    expect(top[1]).toBe('赵审核');
    expect(top[2]).toBe('更正');
    expect(top[5]).toBe('4321');
    expect(top[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // local time: the stamp is this machine's clock, not UTC
    const now = new Date();
    expect(top[0]!.slice(0, 10)).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
    await shot('04-log-1366x768');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('log-export').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^修改记录-${g.agency}-${g.year}-\\d+\\.csv$`));
    const file = join(tmp, 'log.csv');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Chinese right
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('时间,审核人,操作,项目,原值,新值,说明,版本,报告编号,已撤销');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['标记已核实', '取消已核实', '更正']);
    expect(lines[3]).toMatch(/,赵审核,更正,.*,4321,/);
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot('05-log-1024x768');
    const table = (await page.getByTestId('log-view').boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('与上年对比 puts last year’s report beside this one, differences marked', async () => {
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: '2020' }).filter({ hasText: THIS_YEAR.agency }).click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('report-tab-lastYear').click();
    await page.getByTestId('last-year').waitFor();
    const differing = Object.keys(THIS_YEAR.values).filter((f) => f in LAST_YEAR.values && THIS_YEAR.values[f] !== LAST_YEAR.values[f]).length;
    await poll(() => page.getByTestId('last-year-differing').textContent()).toBe(`${differing} 项与上年不同`);
    expect(await page.locator('[data-testid="last-year-row"][data-differs="1"]').count()).toBe(differing);
    const f = 'requests.new.total';
    const row = page.locator(`[data-testid="last-year-row"][data-field="${f}"]`);
    const tds = await row.locator('td').allTextContents();
    expect(tds.slice(1, 3)).toEqual([String(THIS_YEAR.values[f] ?? ''), String(LAST_YEAR.values[f] ?? '')]);
    await shot('06-last-year-1366x768');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot('07-last-year-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('last-year-open').click();
    await poll(() => page.getByTestId('report-title').textContent()).toContain('2019');
    await page.getByTestId('report-tab-lastYear').click();
    await poll(() => page.getByTestId('last-year-none').textContent()).toBe('档案库中没有这个机关 2018 年的报告');
  });

  it('the agency filter folds traditional characters; text hits show the passage highlighted', async () => {
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('tab-list').click();
    await page.getByTestId('filter-agency').fill('昆明市交通運輸局'); // 運輸 traditional
    await poll(() => page.getByTestId('report-row').count()).toBe(2);
    await page.getByTestId('filter-text').fill('政府信息公开');
    await poll(() => page.locator('[data-testid="list-snippet"] mark.hit').count()).toBe(2);
    expect(await page.locator('[data-testid="list-snippet"] mark.hit').first().textContent()).toBe('政府信息公开');
    await shot('08-passages');
    await page.getByTestId('filter-text').fill('');
    await page.getByTestId('filter-agency').fill('');
  });

  it('a Word report’s original is shown as its own tables with the selected cell marked', async () => {
    const dir = join(tmp, 'docx');
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'test/fixtures/office/dongguan-2020.docx'), join(dir, 'dongguan-2020.docx'));
    await importFolder(dir);
    await page.getByTestId('import-close').click();
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: '东莞市商务局' }).click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('grid-viewer').waitFor(); // opens on the original, not the text
    const total = page.locator('td[data-field="requests.total.total"]');
    const value = (await total.textContent())!.trim();
    expect(value).toMatch(/^\d+$/);
    await total.click();
    await poll(() => page.getByTestId('grid-viewer').getAttribute('data-marked')).toBe('1');
    expect((await page.getByTestId('grid-mark').textContent())!.trim()).toBe(value);
    await shot('09-docx-grid-1366x768');
    await page.setViewportSize({ width: 1024, height: 768 });
    await shot('10-docx-grid-1024x768');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('view-text').click();
    expect(await page.getByTestId('source-mark').first().textContent()).toBe(value);
  });
});
