// The review workbench in a real browser (renderer build + web bridge +
// services + real archive, headless Chromium): the original PDF page beside
// the tables with the selected cell boxed. Screenshots go to test/artifacts/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { startWebBridge, type WebBridge } from '../../src-main/web/server.js';
import { generateReport } from '../gen/generate.js';
import { REQUEST_COLUMNS } from '../../src-main/core/catalogue/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = resolve(import.meta.dirname, '../..');
const OFFICE = join(ROOT, 'test/fixtures/office');
const ARTIFACTS = join(ROOT, 'test/artifacts');
const haveChromium = existsSync(CHROMIUM);
const havePdftotext = existsSync('/usr/bin/pdftotext');
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
if (!haveChromium) console.warn(`review e2e skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

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
  let bridge: WebBridge;
  let close: () => Promise<void>;
  let context: BrowserContext;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `review-${name}.png`), fullPage: false });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
    const { build } = await import('vite');
    await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src-renderer'), logLevel: 'warn' });
    const services = await createServices({ openArchive: openArchivePort, archivePath: join(tmp, 'review.nianbao'), bridge: 'web', version: 'e2e' });
    bridge = await startWebBridge({ services, rendererDir: join(ROOT, 'dist-renderer') });
    close = async () => {
      await bridge.close();
      await services.close();
    };
    context = await chromium.launchPersistentContext(join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1500, height: 950 },
      locale: 'zh-CN',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => console.error('page error:', e.message));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await close?.();
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
    await page.goto(bridge.url);
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
        const d: Uint8ClampedArray = ctx.getImageData(Math.round((b.x - c.x) * s), Math.round((b.y - c.y) * s), Math.max(1, Math.round(b.width * s)), Math.max(1, Math.round(b.height * s))).data;
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
    for (let step = 0; step < 4 && (await open()) > 0; step++) {
      await page.keyboard.press('n');
      await poll(() => page.locator('td.selected').count()).toBe(1);
      const rowFlag = (await page.locator('td.selected.row-mark').count()) > 0;
      if (rowFlag) {
        // a row-level flag selects its row and marks its line in the source
        expect(await page.locator('td.row-mark').count()).toBeGreaterThan(1);
        expect(await page.getByTestId('source-mark').first().textContent()).toContain('其他处理');
        await shot('02-row-flag');
        await page.keyboard.press('a');
        await page.getByTestId('accept-bar-note').waitFor();
        await page.keyboard.type('原表即为一行');
        await page.keyboard.press('Enter');
        await poll(() => page.locator('[data-testid="flag"][data-state="accepted"]').count()).toBe(1);
        // undo follows the last action of any kind, and says what it will undo
        await poll(() => page.getByTestId('undo-label').textContent()).toContain('撤销：确认原文如此');
        await page.keyboard.press('Control+z');
        await poll(() => page.locator('[data-testid="flag"][data-state="accepted"]').count()).toBe(0);
        await poll(() => page.getByTestId('undo-label').textContent()).toContain('重做：确认原文如此');
        await page.keyboard.press('Control+y');
        await poll(() => page.locator('[data-testid="flag"][data-state="accepted"]').count()).toBe(1);
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
});
