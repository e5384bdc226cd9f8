// Every word in Chinese: the report page, the import summary with bad files
// and the cancelled-import screen show no Latin-letter word except file
// names (in <code> or [data-filename]) and the allowed terms; then the
// charts page, every chart drawn — the words drawn on the canvases read from
// each chart's accessible name — and the library's region filter as a
// hierarchy, with screenshots at 1366×768 and 1024×768 in test/artifacts/.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, poller, startUi, type UiSession } from './setup.js';
import { haveSeeds, SEEDS } from '../seeds.js';

// The allowed terms, keyboard key names as printed on the keys (the review grid's hints) and file sizes (KB, MB).
const ALLOWED = /\b(PDF|Word|Excel|WPS|OCR|Enter|Tab|Esc|Ctrl|Alt|Shift|KB|MB)\b/g;
const poll = poller(30_000);

/** Visible text of `selector` without file names and report source text; then its Latin words. */
async function latinWords(page: Page, selector: string): Promise<string[]> {
  // (a string: this file is type-checked without the DOM library)
  const text = (await page
    .locator(selector)
    .first()
    .evaluate(
      new Function(
        'el',
        "const c = el.cloneNode(true); c.querySelectorAll('code, [data-filename], .source-pane, input, select, textarea').forEach((x) => x.remove()); document.body.appendChild(c); const t = c.innerText; c.remove(); return t;",
      ) as (el: unknown) => string,
    )) as string;
  return text.replace(ALLOWED, '').match(/[A-Za-z]{2,}/g) ?? [];
}

describe.skipIf(!haveChromium || !haveSeeds)('the UI in Chinese, and the charts', () => {
  let tmp: string;
  let ui: UiSession;
  let page: Page;
  const shot = (name: string, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

  beforeAll(async () => {
    tmp = e2eTmp('nianbao-wording-');
    // seeds plus bad files of every common kind
    const bad = join(tmp, 'bad');
    cpSync(SEEDS, bad, { recursive: true, filter: (s) => !s.includes('expected') });
    writeFileSync(join(bad, 'binary.txt'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7, 8, 9, 0, 0, 1]));
    writeFileSync(join(bad, 'empty.txt'), '');
    writeFileSync(join(bad, 'fake.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64)]));
    writeFileSync(join(bad, 'notes.html'), '<html><body><p>会议通知，与年报无关。</p></body></html>');
    writeFileSync(join(bad, 'song.mp3'), 'x');
    // many reports to cancel an import in the middle of
    const many = join(tmp, 'many');
    mkdirSync(many);
    const seed = readFileSync(join(SEEDS, '000_837c288e23ba6919.txt'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(many, `r${i}.txt`), seed.replace('广州', `广州第${i}`) + `\n编号${i}\n`);
    await buildRenderer();
    ui = await startUi(tmp, join(tmp, 'w.nianbao'), { acceptDownloads: true });
    page = ui.page;
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('the import summary with bad files is all Chinese', async () => {
    await page.goto(ui.bridge.url);
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('button', { name: '导入文件夹' }).click();
    await page.getByTestId('import-path').fill(join(tmp, 'bad'));
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="import-summary"] details summary').click();
    await shot('w1-import-summary-bad-files');
    const errors = (await page.getByTestId('import-errors').textContent()) ?? '';
    for (const f of ['binary.txt', 'empty.txt', 'fake.docx', 'notes.html', 'README.md']) expect(errors).toContain(f);
    expect(errors).toContain('文件中没有文字');
    expect(errors).toContain('不是政府信息公开年报');
    expect(await page.getByTestId('import-summary-title').textContent()).toBe('导入完成');
    expect(await latinWords(page, '[data-testid="import-summary"]')).toEqual([]);
    expect(await latinWords(page, '.page')).toEqual([]);
  });

  it('the report page is all Chinese (file names apart), field ids only behind 技术信息', async () => {
    await page.getByTestId('import-close').click();
    await page.getByTestId('tab-list').click();
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('report-page').waitFor();
    await page
      .locator('[data-testid="report-page"] td.num, [data-testid="report-page"] [data-field]')
      .first()
      .click()
      .catch(() => undefined);
    await shot('w2-report-page');
    const words = await latinWords(page, '[data-testid="report-page"]');
    expect(words).toEqual([]);
    const panel = page.getByTestId('cell-panel');
    if (await panel.count()) {
      expect(await panel.innerText()).not.toMatch(/\b(active|requests|review)\.[a-z_.]+/);
      await panel.getByText('技术信息').click();
      expect(await panel.innerText()).toMatch(/(active|requests|review)\.[a-z_.]+/);
    }
  });

  it('the cancelled import says so once, with no ETA running, in Chinese', async () => {
    await page.locator('[data-nav="import"]').click();
    await page.getByTestId('import-path').fill(join(tmp, 'many'));
    await page.getByTestId('import-start').click();
    await page.getByTestId('job-progress').waitFor();
    await poll(() => page.getByTestId('job-counts').textContent()).toMatch(/已处理 [1-9]/);
    await page.getByTestId('job-progress').getByRole('button', { name: '取消' }).click();
    await page.getByTestId('import-summary-title').waitFor({ timeout: 60_000 });
    await shot('w3-import-cancelled');
    const text = await page.locator('.page').innerText();
    expect(await page.getByTestId('import-summary-title').textContent()).toBe('导入已取消');
    expect(text).not.toContain('导入完成');
    expect(text.match(/已取消/g)?.length).toBe(1);
    expect(await page.getByTestId('job-eta').count()).toBe(0);
    expect(text).not.toContain('预计剩余');
    expect(await latinWords(page, '.page')).toEqual([]);
  });

  it('charts: totals, coverage, shares, regions with drill-down, top N with its value, an agency picked by search', async () => {
    await page.locator('[data-nav="charts"]').click();
    await page.getByTestId('charts-page').waitFor();
    for (const id of ['chart-totals', 'chart-coverage', 'chart-quality', 'chart-regions', 'chart-top', 'chart-agency'])
      await poll(() => page.getByTestId(id).locator('canvas').count()).toBeGreaterThan(0);
    await shot('w4-charts-top', false);
    await shot('w5-charts-full', true);
    // the region roll-up drills from province to city
    await page.getByTestId('chart-regions').scrollIntoViewIfNeeded();
    const box = (await page.getByTestId('chart-regions').locator('canvas').first().boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 60);
    await poll(() => page.getByTestId('region-crumbs').textContent()).toMatch(/全部 › /);
    await shot('w6-charts-drilled');
    // the agency picker searches and lists in pinyin order
    await page.getByTestId('agency-search').fill('广州');
    const names = await page.locator('[data-testid="agency-options"] li').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(
      names.every((n) => n.includes('广州')),
      names.join('|'),
    ).toBe(true);
    await page.getByTestId('agency-search').fill('');
    const all = await page.getByTestId('agency-option').allTextContents();
    expect(all).toEqual([...all].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
    // the top chart names what it sorts by; PNG and CSV downloads
    const top = page.getByTestId('chart-top');
    const [png] = await Promise.all([page.waitForEvent('download'), top.getByTestId('save-png').click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const pngBytes = readFileSync((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const [csv] = await Promise.all([page.waitForEvent('download'), top.getByTestId('save-csv').click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\n')[0]).toContain('名次,机关,地区,本年新收政府信息公开申请数量');
    expect(await latinWords(page, '[data-testid="charts-page"]')).toEqual([]);
    // what the canvases draw (legends, series, axes, categories): no Latin word either
    const drawn: string[] = [];
    for (const c of await page.getByTestId('chart-canvas').all()) drawn.push((await c.getAttribute('aria-label')) ?? '');
    expect(drawn).toHaveLength(6);
    expect(drawn.join('\n')).toContain('新收');
    expect(
      drawn
        .join('\n')
        .replace(ALLOWED, '')
        .match(/[A-Za-z]{2,}/g) ?? [],
    ).toEqual([]);
    // the charts page at the two common laptop widths
    await page.getByTestId('agency-search').fill('');
    // back to the top of the page (whichever box scrolls)
    await page.evaluate("for (let e = document.querySelector('[data-testid=region-filter]'); e; e = e.parentElement) e.scrollTop = 0");
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(400); // the charts resize with their box
      await shot(`w7-charts-${w}`);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `charts page scrolls sideways at ${w}px`).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1500, height: 950 });
  });

  it('library: the region filter goes province → city → county, special zones in their province', async () => {
    await page.locator('[data-nav="library"]').click();
    await page.getByTestId('tab-list').click();
    const province = page.getByTestId('filter-province');
    await province.waitFor();
    const provinces = await province.locator('option').allTextContents();
    expect(provinces.slice(1)).toEqual([...provinces.slice(1)].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare));
    expect(provinces).toEqual(expect.arrayContaining(['广东省', '河南省']));
    expect(await page.getByTestId('filter-city').count()).toBe(0);
    await province.selectOption('河南省');
    await poll(async () => (await page.getByTestId('report-row').allTextContents()).join('|')).toMatch(/西工区商务局/);
    expect((await page.getByTestId('report-row').allTextContents()).every((r) => r.includes('西工区商务局'))).toBe(true);
    await page.getByTestId('filter-city').selectOption('洛阳市');
    await page.getByTestId('filter-county').waitFor();
    expect(await page.getByTestId('filter-county').locator('option').allTextContents()).toEqual(['全部区县', '西工区']);
    await province.selectOption('广东省');
    expect(await page.getByTestId('filter-county').count()).toBe(0); // a new province clears the levels below
    await page.getByTestId('filter-city').selectOption('广州市');
    await poll(async () => (await page.getByTestId('report-row').allTextContents()).join('|')).toMatch(/南沙区商务局/);
    expect(await latinWords(page, '[data-testid="filters"]')).toEqual([]);
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(200);
      await shot(`w8-library-filters-${w}`);
    }
    await page.setViewportSize({ width: 1500, height: 950 });
  });
});
