// copied_text in the real UI (renderer build + web bridge + services + real
// archive, headless Chromium): 广州市商务局's 2020 report and the same text
// re-dated 2021 imported together; the 2021 report's page lists 内容雷同 under
// 质量问题 for sections 一, 五 and 六, and 并排对照 shows the two passages side
// by side with the common parts marked.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveSeeds, SEEDS } from '../seeds.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, importThroughUi, poller, startUi, type UiSession } from './setup.js';

const poll = poller(20_000);
const GUANGZHOU = '002_3c51f0ab0323fab2.txt'; // 广州市商务局 2020
const copyForward = (t: string) =>
  t
    .replace(/2021/g, '2022')
    .replace(/2020/g, '2021')
    .replace(/2019/g, '2020')
    .replace(/二〇二〇/g, '二〇二一');

describe.skipIf(!haveChromium || !haveSeeds)('copied_text side by side in Chromium over the web bridge', () => {
  let tmp: string;
  let ui: UiSession;
  let page: Page;

  beforeAll(async () => {
    tmp = e2eTmp('nianbao-copied-');
    await buildRenderer();
    ui = await startUi(tmp, join(tmp, 'copied.nianbao'));
    page = ui.page;
    await page.goto(ui.bridge.url);
    await page.getByTestId('welcome').waitFor();
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the 2021 report lists 内容雷同 on 一, 五, 六; 并排对照 shows both passages with the common parts marked', async () => {
    const dir = join(tmp, 'in');
    mkdirSync(dir);
    const text = readFileSync(join(SEEDS, GUANGZHOU), 'utf8');
    writeFileSync(join(dir, 'gz-2020.txt'), text);
    writeFileSync(join(dir, 'gz-2021.txt'), copyForward(text));
    expect(await importThroughUi(page, dir)).toMatch(/新增 2/);
    await page.getByTestId('import-close').click();

    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: '广州市商务局' }).filter({ hasText: '2021' }).click();
    await page.getByTestId('report-page').waitFor();
    const copied = page.locator('[data-testid="quality-flag"][data-kind="copied_text"]');
    await poll(() => copied.count()).toBe(3);
    const texts = await copied.allTextContents();
    for (const s of ['一、总体情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
      expect(texts.some((t) => t.includes(`内容雷同：${s}与本机关2020年度报告`) && t.includes('相同 100%'))).toBe(true);

    await copied.first().getByTestId('flag-passages').click();
    const pair = page.getByTestId('copied-passages');
    await pair.waitFor();
    expect(await pair.textContent()).toContain('两段相同 100%');
    const mine = pair.getByTestId('passage-this');
    const theirs = pair.getByTestId('passage-other');
    expect(await mine.textContent()).toContain('本报告（2021年）');
    expect(await theirs.textContent()).toContain('广州市商务局2020年报告');
    // the common parts marked on both sides: almost all of each passage (only the years differ)
    const share = (side: typeof mine) =>
      side.evaluate((el) => {
        const body = el.querySelector('.passage-text')!;
        const marked = [...body.querySelectorAll('mark')].reduce((n, m) => n + (m.textContent ?? '').length, 0);
        return marked / (body.textContent ?? '').length;
      });
    expect(await share(mine)).toBeGreaterThan(0.9);
    expect(await share(theirs)).toBeGreaterThan(0.9);
    expect(await mine.locator('.passage-text').textContent()).toContain('2021');
    expect(await theirs.locator('.passage-text').textContent()).toContain('2020');
    await page.screenshot({ path: join(ARTIFACTS, 'copied-01-side-by-side.png') });
    await copied.first().getByTestId('flag-passages').click();
    await poll(() => page.getByTestId('copied-passages').count()).toBe(0);
  });
});
