// What every e2e file sets up the same way: the renderer build, Debian's
// Chromium, and the app (services over a real archive + web bridge + a
// browser page). Each test file still builds its own archive.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices, type Services } from '../../src-main/services/index.js';
import { startWebBridge, type WebBridge } from '../../src-main/web/server.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

/** Headless, no sandbox (containers), nothing fetched from the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const VIEW = { viewport: { width: 1500, height: 950 }, locale: 'zh-CN' } as const;

/** expect.poll with the file's patience (a shared CI machine can be slow). */
export const poller =
  (timeout: number) =>
  <T>(fn: () => Promise<T> | T) =>
    expect.poll(fn, { timeout, interval: 100 });

/** A fresh temporary folder, and test/artifacts/ for the screenshots. */
export function e2eTmp(prefix: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The renderer as `npm run build` makes it, into dist-renderer/ (the bridge serves it). */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'src-renderer'), logLevel: 'warn' });
}

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

/** Services and the web bridge over the archive at `archivePath`. */
export async function startBridge(archivePath: string, samplesDir?: string): Promise<{ services: Services; bridge: WebBridge }> {
  const services = await createServices({ openArchive: openArchivePort, archivePath, ...(samplesDir ? { samplesDir } : {}), bridge: 'web', version: 'e2e' });
  const bridge = await startWebBridge({ services, rendererDir: join(ROOT, 'dist-renderer') });
  return { services, bridge };
}

export interface UiSession {
  services: Services;
  bridge: WebBridge;
  context: BrowserContext;
  page: Page;
  /** Browser, bridge and services, in that order. */
  close(): Promise<void>;
}

/** The app over `archivePath` in a Chromium of its own (profile under `tmp`), one page open. */
export async function startUi(
  tmp: string,
  archivePath: string,
  opts: { acceptDownloads?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<UiSession> {
  const { services, bridge } = await startBridge(archivePath);
  const context = await chromium.launchPersistentContext(join(tmp, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...VIEW,
    ...(opts.viewport ? { viewport: opts.viewport } : {}),
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return {
    services,
    bridge,
    context,
    page,
    close: async () => {
      await context.close();
      await bridge.close();
      await services.close();
    },
  };
}

/** A page in a new context of `browser`, sized and in Chinese like the app's window. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(VIEW);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return { context, page };
}

/** Import `dir` through the 导入 page as a user does; the summary stays open. Returns its summary line. */
export async function importThroughUi(page: Page, dir: string): Promise<string> {
  await page.locator('[data-nav="import"]').click();
  await page.getByTestId('import-path').fill(dir);
  await page.getByTestId('import-start').click();
  await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
  return (await page.getByTestId('import-summary-line').textContent()) ?? '';
}
