// The review workbench in a real browser (renderer build + web bridge +
// services + real archive, headless Chromium): the original PDF page beside
// the tables with the selected cell boxed. Screenshots go to test/artifacts/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../gen/generate.js';
import { REQUEST_COLUMNS } from '../../src-main/core/catalogue/index.js';
import { ARTIFACTS, buildRenderer, e2eTmp, haveChromium, poller, ROOT, startUi, type UiSession } from './setup.js';

const OFFICE = join(ROOT, 'test/fixtures/office');
const havePdftotext = existsSync('/usr/bin/pdftotext');
const poll = poller(20_000);

/** Words poppler finds on a page (points, top-left origin): an independent reading of where a number is printed. */
function popplerWords(pdf: string, page: number): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5]!,
  }));
}

describe.skipIf(!haveChromium)('review workbench in Chromium over the web bridge', () => {
  let tmp: string;
  let ui: UiSession;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `review-${name}.png`), fullPage: false });

  beforeAll(async () => {
    tmp = e2eTmp('nianbao-review-');
    await buildRenderer();
    ui = await startUi(tmp, join(tmp, 'review.nianbao'));
    page = ui.page;
  }, 180_000);

  afterAll(async () => {
    await ui?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const importFolder = async (folder: string) => {
    await page.locator('[data-nav="import"]').click();
    await page.getByTestId('import-path').fill(folder);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    const line = (await page.getByTestId('import-summary-line').textContent()) ?? '';
    await page.getByTestId('import-close').click();
    return line;
  };

  it('a PDF report shows its page with a box over the selected number as printed', async () => {
    const pdf = join(OFFICE, 'guangzhou-2020.pdf');
    const dir = join(tmp, 'pdf');
    mkdirSync(dir);
    copyFileSync(pdf, join(dir, 'guangzhou-2020.pdf'));
    await page.goto(ui.bridge.url);
    await page.getByTestId('welcome').waitFor();
    await page.getByRole('button', { name: '导入文件夹' }).click();
    await page.getByTestId('import-path').fill(dir);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-summary-line').textContent()).toMatch(/新增 1/);
    await page.getByTestId('import-close').click();
    await page.getByTestId('tab-list').click();
    await page.getByTestId('report-row').first().click();
    await page.getByTestId('report-page').waitFor();
    // A PDF opens on its page, not its text.
    await page.getByTestId('page-viewer').waitFor();
    const total = page.locator('td[data-field="requests.total.total"]');
    await poll(() => total.textContent()).toBe('14');
    await total.click();
    const box = page.getByTestId('page-box').first();
    await box.waitFor();
    await poll(() => page.getByTestId('page-viewer').getAttribute('data-ms')).not.toBe('');
    const pageNo = Number(await page.getByTestId('page-viewer').getAttribute('data-page'));
    await shot('01-pdf-page-box');

    // Where is the box, in page points? (canvas CSS size ↔ the page's size in points from poppler)
    const canvas = page.getByTestId('page-canvas');
    const cb = (await canvas.boundingBox())!;
    const bb = (await box.boundingBox())!;
    const info = execFileSync('pdfinfo', ['-f', String(pageNo), '-l', String(pageNo), pdf], { encoding: 'utf8' });
    const [, pw] = /Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    const k = Number(pw) / cb.width;
    const cx = (bb.x + bb.width / 2 - cb.x) * k;
    const cy = (bb.y + bb.height / 2 - cb.y) * k;
    expect(bb.width * k).toBeLessThan(60); // a number's box, not a line's
    if (havePdftotext) {
      // Poppler, reading the same PDF on its own, prints "14" right under the box's centre.
      const under = popplerWords(pdf, pageNo).filter((w) => cx >= w.x0 - 2 && cx <= w.x1 + 2 && cy >= w.y0 - 2 && cy <= w.y1 + 2);
      expect(under.map((w) => w.text)).toEqual(['14']);
    }
    // And the drawn page has ink inside the box (the digits), paper around it is lighter.
    const ink = await page.evaluate(
      ({ b, c }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const el = (globalThis as any).document.querySelector('[data-testid="page-canvas"]');
        const ctx = el.getContext('2d');
        const s = el.width / c.width;
        const d: Uint8ClampedArray = ctx.getImageData(
          Math.round((b.x - c.x) * s),
          Math.round((b.y - c.y) * s),
          Math.max(1, Math.round(b.width * s)),
          Math.max(1, Math.round(b.height * s)),
        ).data;
        let dark = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 600) dark++;
        return dark / (d.length / 4);
      },
      { b: bb, c: cb },
    );
    expect(ink).toBeGreaterThan(0.05);

    // Zoom and page turning; the text view is one click away and marks the same number.
    await page.getByTestId('zoom-in').click();
    await poll(() => page.getByTestId('zoom').textContent()).toBe('125%');
    const pages = Number(await page.getByTestId('page-viewer').getAttribute('data-pages'));
    expect(pages).toBe(2);
    await page.getByTestId(pageNo === 1 ? 'page-next' : 'page-prev').click();
    await poll(() => page.getByTestId('page-number').textContent()).toBe(`第 ${pageNo === 1 ? 2 : 1} / 2 页`);
    expect(await page.getByTestId('page-box').count()).toBe(0);
    await page.getByTestId('view-text').click();
    expect(await page.getByTestId('source-mark').textContent()).toBe('14');
    await page.getByTestId('view-page').click();
    await page.getByTestId('page-box').first().waitFor();
  });
  it('keyboard only: from the first open flag to 已核实, with undo that says what it undoes', async () => {
    // A 2021 report with a broken total (an R3 flag) and （六）其他处理 as one row (a row-level 混用模板 flag).
    const g = generateReport(1, { template: '2021', breakTotal: true, hybrid: true, layout: 'tabs' });
    const dir = join(tmp, 'flagged');
    mkdirSync(dir);
    writeFileSync(join(dir, g.name), g.bytes);
    await page.locator('[data-nav="import"]').click();
    await page.getByTestId('import-path').fill(dir);
    await page.getByTestId('import-start').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-close').click();
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: g.agency }).click();
    await page.getByTestId('report-page').waitFor();
    await poll(() => page.getByTestId('report-status').textContent()).toBe('有疑问');
    const open = () => page.locator('[data-testid="flag"][data-state="open"]').count();
    const n0 = await open();
    expect(n0).toBeGreaterThanOrEqual(2);
    const selected = () => page.locator('td.selected').getAttribute('data-field');
    // The reviewer name, set once for the archive, is written on each change below.
    await page.getByTestId('reviewer').click();
    await page.getByTestId('reviewer-input').fill('王审核');
    await page.getByTestId('reviewer-save').click();
    await poll(() => page.getByTestId('reviewer').textContent()).toBe('审核人：王审核');
    await page.getByTestId('key-help').click(); // the grid takes the focus back
    // From here on, keys only.
    // 已核实 with open flags asks first, naming how many; Esc keeps the report as it is.
    await page.keyboard.press('v');
    await poll(() => page.getByTestId('verify-confirm-text').textContent()).toContain(`还有 ${n0} 条疑问未处理`);
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('verify-confirm').count()).toBe(0);
    expect(await page.getByTestId('report-status').textContent()).toBe('有疑问');
    for (let step = 0; step < 8 && (await open()) > 0; step++) {
      await page.keyboard.press('n');
      await poll(async () => (await page.locator('td.selected').count()) + (await page.getByTestId('focus-flag').count())).toBe(1);
      if ((await page.getByTestId('focus-flag').count()) > 0) {
        // a flag about the whole report (a quality check): accepted as it is
        const before = await open();
        await page.keyboard.press('a');
        await page.getByTestId('accept-bar-note').waitFor();
        await page.keyboard.press('Enter');
        await poll(open).toBe(before - 1);
        continue;
      }
      const rowFlag = (await page.locator('td.selected.row-mark').count()) > 0;
      if (rowFlag) {
        // a row-level flag selects its row and marks its line in the source
        expect(await page.locator('td.row-mark').count()).toBeGreaterThan(1);
        expect(await page.getByTestId('source-mark').first().textContent()).toContain('其他处理');
        await shot('02-row-flag');
        const before = await open();
        await page.keyboard.press('a');
        await page.getByTestId('accept-bar-note').waitFor();
        await page.keyboard.type('原表即为一行');
        await page.keyboard.press('Enter');
        await poll(open).toBe(before - 1);
        const accepted = await page.locator('[data-testid="flag"][data-state="accepted"]').count();
        expect(accepted).toBeGreaterThanOrEqual(1);
        // undo follows the last action of any kind, and says what it will undo
        await poll(() => page.getByTestId('undo-label').textContent()).toContain('撤销：确认原文如此');
        await page.keyboard.press('Control+z');
        await poll(() => page.locator('[data-testid="flag"][data-state="accepted"]').count()).toBe(accepted - 1);
        await poll(() => page.getByTestId('undo-label').textContent()).toContain('重做：确认原文如此');
        await page.keyboard.press('Control+y');
        await poll(() => page.locator('[data-testid="flag"][data-state="accepted"]').count()).toBe(accepted);
      } else {
        // the rule flag: walk to the broken total with the arrows and type the right number
        for (let i = 0; i < 12 && (await selected()) !== g.broken!.field; i++) await page.keyboard.press('ArrowRight');
        expect(await selected()).toBe(g.broken!.field);
        // the printed total was corrupted: the right one is the sum of the row's applicant columns (R3)
        const row = g.broken!.field.replace(/\.total$/, '');
        const right = REQUEST_COLUMNS.filter((c) => c.id !== 'total').reduce((a, c) => a + (g.values[`${row}.${c.id}`] ?? 0), 0);
        expect(right).not.toBe(g.values[g.broken!.field]);
        await page.keyboard.type(String(right));
        await page.keyboard.press('Enter');
        await poll(() => page.locator(`td[data-field="${g.broken!.field}"]`).textContent()).toBe(String(right));
        await poll(() => page.getByTestId('undo-label').textContent()).toContain('撤销：修改');
      }
    }
    expect(await open()).toBe(0);
    await page.keyboard.press('v');
    await poll(() => page.getByTestId('report-status').textContent()).toBe('已核实');
    await shot('03-keyboard-verified');
    // A later change reopens it: the app says so.
    await page.keyboard.press('ArrowLeft');
    const f = (await selected())!;
    await page.keyboard.type('9999');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('review-notice').textContent()).toContain('重新待审');
    expect(await page.getByTestId('report-status').textContent()).not.toBe('已核实');
    await page.keyboard.press('Control+z');
    await poll(() => page.locator(`td[data-field="${f}"]`).textContent()).not.toBe('9999');
    await page.keyboard.press('ArrowUp'); // Enter moved down; back to the corrected cell
    expect(await selected()).toBe(f);
    await poll(() => page.getByTestId('cell-history').textContent()).toContain('王审核');
  });
  it('bulk acceptance: several flags ticked and accepted with one note, undone as one', async () => {
    const g = generateReport(2, { template: '2021', breakTotal: true, hybrid: true, layout: 'tabs' });
    const dir = join(tmp, 'bulk');
    mkdirSync(dir);
    writeFileSync(join(dir, g.name), g.bytes);
    await page.getByRole('button', { name: /返回/ }).click();
    expect(await importFolder(dir)).toMatch(/新增 1/);
    await page.getByTestId('tab-list').click();
    await page.locator('[data-testid="report-row"]', { hasText: g.agency }).click();
    await page.getByTestId('report-page').waitFor();
    const open = () => page.locator('[data-testid="flag"][data-state="open"]').count();
    await poll(open).toBeGreaterThanOrEqual(2);
    const n = await open();
    await page.getByTestId('flags-tick-all').click();
    expect(await page.getByTestId('flags-accept-ticked').textContent()).toContain(`所选 ${n} 条`);
    await page.getByTestId('flags-accept-ticked').click();
    await page.getByTestId('accept-bar-note').fill('与原件核对无误，原表如此');
    await page.getByTestId('accept-bar-confirm').click();
    await poll(open).toBe(0);
    const accepted = page.getByTestId('flag-accepted');
    expect(await accepted.count()).toBe(n);
    for (const text of await accepted.allTextContents()) expect(text).toContain('与原件核对无误，原表如此');
    await poll(() => page.getByTestId('undo-label').textContent()).toContain(`撤销：确认 ${n} 条疑问为原文如此`);
    await shot('04-bulk-accepted');
    await page.getByTestId('undo').click();
    await poll(open).toBe(n);
    await page.getByTestId('redo').click();
    await poll(open).toBe(0);
  });

  it('the list sorts by any column: agency then year by default, year both ways', async () => {
    await page.getByRole('button', { name: /返回/ }).click();
    await page.getByTestId('tab-list').click();
    await poll(() => page.getByTestId('report-row').count()).toBe(3);
    const column = async (i: number) =>
      await page
        .getByTestId('report-row')
        .evaluateAll((rows, k) => rows.map((r) => (r.children[k] as { textContent: string | null } | undefined)?.textContent ?? ''), i);
    const agencies = await column(0);
    expect(agencies).toEqual([...agencies].sort());
    expect(await page.getByTestId('sort-agency').getAttribute('aria-sort')).toBe('ascending');
    const years = (await column(1)).map(Number);
    await page.getByTestId('sort-year').click();
    await poll(async () => (await column(1)).map(Number).join()).toBe([...years].sort((a, b) => b - a).join());
    const down = (await column(1)).map(Number);
    expect(new Set(down).size).toBeGreaterThan(1);
    await page.getByTestId('sort-year').click();
    await poll(async () => (await column(1)).map(Number).join()).toBe([...down].sort((a, b) => a - b).join());
    await shot('05-sorted');
  });

  it('at 1024 px nothing is clipped: header actions in a menu, the side pane folds', async () => {
    for (const [w, h] of [
      [1024, 768],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('report-row').first().click();
      await page.getByTestId('report-page').waitFor();
      const side = page.getByTestId('side-pane');
      if (w === 1024) {
        // opened narrow: the side pane starts folded; unfold it and check it fits
        if (await side.isHidden()) await page.getByTestId('toggle-side').click();
        expect(await page.getByTestId('head-menu').isVisible()).toBe(true);
        expect(await page.getByTestId('head-actions').isVisible()).toBe(false);
        await page.getByTestId('head-menu').click();
        expect(await page.getByRole('button', { name: '重新提取' }).isVisible()).toBe(true);
        await page.getByTestId('head-menu').click();
      } else expect(await page.getByTestId('head-menu').isVisible()).toBe(false);
      await side.waitFor();
      const box = (await side.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      const head = (await page.getByTestId('verify').boundingBox())!;
      expect(head.x + head.width).toBeLessThanOrEqual(w);
      const tables = (await page.getByTestId('grid').boundingBox())!;
      expect(tables.height).toBeGreaterThan(h * 0.6); // the work area keeps most of the height
      await shot(`06-layout-${w}x${h}`);
      await page.getByTestId('toggle-side').click();
      await poll(() => side.isHidden()).toBe(true);
      const wider = (await page.getByTestId('grid').boundingBox())!;
      expect(wider.width).toBeGreaterThan(tables.width);
      await shot(`07-layout-${w}x${h}-folded`);
      await page.getByTestId('toggle-side').click();
      await page.getByRole('button', { name: /返回/ }).click();
      await page.getByTestId('tab-list').click();
    }
  });
});
