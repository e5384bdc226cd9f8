// The review workbench in a real browser (renderer build + web bridge +
// services + real archive, headless Chromium): the original PDF page beside
// the tables with the selected cell boxed. Screenshots go to test/artifacts/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { startWebBridge, type WebBridge } from '../../src-main/web/server.js';

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
});
