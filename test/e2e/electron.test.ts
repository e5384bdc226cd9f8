// The desktop app itself, driven by Playwright's Electron support: the built
// main process and renderer started with `electron .`, a new archive made
// from the File menu, the sample reports imported, a report opened and
// corrected, a workbook exported; and, at runtime, the security settings the
// unit tests can only check as configuration (context isolation, sandbox,
// the CSP on app:// pages, no navigation, no new windows).
//
// Needs the Electron binary (`npm ci` without ELECTRON_SKIP_BINARY_DOWNLOAD,
// or `npm rebuild electron`) and better-sqlite3 rebuilt for Electron
// (`npx electron-builder install-app-deps`, checked first by loading it in
// Electron run as Node), so it runs in the release workflow
// (.github/workflows/release.yml) after the unit tests; elsewhere, and in
// `npm test` before the rebuild, it is skipped with a message saying which is
// missing. NIANBAO_REQUIRE_ELECTRON=1 turns the skip into a failure. This process never loads better-sqlite3 (rebuilt for Electron, it
// would not load under Node): the workbook is checked with SheetJS.
// The packaged app cannot be driven this way on purpose: its fuses turn off
// --inspect, which Playwright uses to reach the main process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ensureRenderer } from '../../src-main/cli/renderer-build.js';
import { haveSeeds, SEEDS_EXPECTED } from '../seeds.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTIFACTS = join(ROOT, 'test/artifacts');
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}
/** Why better-sqlite3 cannot load in this Electron (built for Node's ABI, as
 *  `npm ci` and the unit tests need it), or null when it can. The development
 *  binary still runs as Node (only the packaged one has that fuse off). */
function sqliteProblem(electron: string): string | null {
  const r = spawnSync(electron, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: ROOT,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status === 0) return null;
  const why = `${r.stderr ?? ''}\n${r.error?.message ?? ''}`.split('\n').find((l) => /NODE_MODULE_VERSION|Error/.test(l));
  return why?.trim() ?? `exit ${r.status}`;
}

const ELECTRON = electronBinary();
const SQLITE = ELECTRON ? sqliteProblem(ELECTRON) : null;
const READY = !!ELECTRON && !SQLITE;
const REQUIRED = process.env.NIANBAO_REQUIRE_ELECTRON === '1';
const SKIP_MESSAGE = !ELECTRON
  ? 'Electron e2e skipped: no Electron binary in node_modules/electron (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline). ' +
    'Run `npm rebuild electron` with internet and `npx electron-builder install-app-deps`, or see the release workflow.'
  : `Electron e2e skipped: better-sqlite3 is not built for Electron (${SQLITE}). ` +
    'Run `npx electron-builder install-app-deps` first (and `npm rebuild better-sqlite3` afterwards for the Node tests).';
if (!READY && !REQUIRED) console.warn(SKIP_MESSAGE);

describe.runIf(!READY && REQUIRED)('Electron e2e prerequisites (NIANBAO_REQUIRE_ELECTRON=1)', () => {
  it('the Electron binary is installed and better-sqlite3 is built for it', () => {
    expect.fail(SKIP_MESSAGE);
  });
});

// The sample report this test opens, and its hand-read values.
const DONGGUAN = JSON.parse(haveSeeds ? readFileSync(join(SEEDS_EXPECTED, '003_1ab496935088b8c6.json'), 'utf8') : '{}') as {
  agency: string;
  year: number;
  values: Record<string, number | null>;
};

describe.skipIf(!READY || !haveSeeds)('the desktop app in Electron', () => {
  let tmp: string;
  let app: ElectronApplication;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `electron-${name}.png`) });

  /** Answer the next native dialogs with these paths (the app asks Electron's dialog module). */
  const answerDialogs = (paths: { save?: string; open?: string }) =>
    app.evaluate(({ dialog }, p) => {
      if (p.save) dialog.showSaveDialog = (async () => ({ canceled: false, filePath: p.save })) as unknown as typeof dialog.showSaveDialog;
      if (p.open) dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [p.open] })) as unknown as typeof dialog.showOpenDialog;
    }, paths);

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
    await ensureRenderer(ROOT);
    const main = spawnSync(process.execPath, ['scripts/build-main.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(main.status, main.stderr).toBe(0);
    app = await _electron.launch({
      executablePath: ELECTRON!,
      args: [`--user-data-dir=${join(tmp, 'user-data')}`, ROOT],
      cwd: ROOT,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.getByTestId('welcome').waitFor({ timeout: 60_000 });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  // Page code is passed as strings: this file is type-checked without the DOM library.
  it('the window runs isolated and sandboxed, from app://, with the preload API only', async () => {
    const win = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
      const all = BrowserWindow.getAllWindows();
      const pid = all[0]?.webContents.getOSProcessId();
      // `sandboxed` is reported on Windows and macOS (the OS-level renderer sandbox)
      const metric = electronApp.getAppMetrics().find((m) => m.pid === pid);
      return { windows: all.length, url: all[0]?.webContents.getURL(), sandboxed: metric?.sandboxed ?? null, platform: process.platform };
    });
    expect(win.windows).toBe(1);
    expect(win.url).toBe('app://nianbao/index.html');
    if (win.platform !== 'linux') expect(win.sandboxed).toBe(true);
    // no Node in the page; the preload's one object exists only because contextBridge
    // works (it throws without context isolation), frozen, and nothing else leaks
    const inPage = (await page.evaluate(`({
      require: typeof window.require, process: typeof window.process, module: typeof window.module, buffer: typeof window.Buffer,
      ipcRenderer: typeof window.ipcRenderer, electron: typeof window.electron,
      api: Object.keys(window.nianbao || {}).sort(), frozen: Object.isFrozen(window.nianbao && window.nianbao.handlers),
    })`)) as Record<string, unknown>;
    expect(inPage).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      api: ['handlers', 'on', 'pathForFile'],
      frozen: true,
    });
  });

  it('app:// responses carry the CSP and nosniff, and the CSP blocks an injected inline script', async () => {
    const headers = (await page.evaluate(`fetch('app://nianbao/index.html').then((r) => ({
      csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') }))`)) as { csp: string | null; nosniff: string | null };
    expect(headers.csp).toContain("script-src 'self'");
    expect(headers.csp).toContain("frame-ancestors 'none'"); // only a header can carry it, not the page's <meta>
    expect(headers.nosniff).toBe('nosniff');
    const violation = await page.evaluate(`new Promise((done) => {
      document.addEventListener('securitypolicyviolation', (e) => done({ directive: e.effectiveDirective, ran: window.__inlineRan === true }), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.appendChild(s);
      setTimeout(() => done({ directive: null, ran: window.__inlineRan === true }), 3000);
    })`);
    expect(violation).toEqual({ directive: 'script-src-elem', ran: false });
  });

  it('navigation and new windows are refused', async () => {
    expect(await page.evaluate(`window.open('https://example.invalid/') === null`)).toBe(true);
    await page.evaluate(`void (location.href = 'https://example.invalid/')`);
    await page.waitForTimeout(1000);
    expect(page.url()).toBe('app://nianbao/index.html');
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    await page.getByTestId('welcome').waitFor();
  });

  it('creates a new archive from the File menu', async () => {
    const archive = join(tmp, '测试档案.nianbao');
    await answerDialogs({ save: archive });
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()?.items.find((i) => i.label === '文件');
      file?.submenu?.items.find((i) => i.label === '新建档案库…')?.click();
    });
    await poll(() => existsSync(archive)).toBe(true);
    await poll(() => page.getByTestId('welcome').textContent()).toContain(archive);
    await shot('01-new-archive');
  });

  it('imports the sample reports', async () => {
    await page.getByTestId('import-samples').click();
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('import-summary-line').textContent()).toMatch(/新增 4/);
    await shot('02-samples-imported');
    await page.getByTestId('import-close').click();
  });

  it(`opens ${DONGGUAN.agency} ${DONGGUAN.year} and corrects a cell`, async () => {
    await page.getByTestId('tab-grid').click();
    await page.locator(`[data-testid="grid-cell"][data-agency="${DONGGUAN.agency}"][data-year="${DONGGUAN.year}"]`).click();
    await page.getByTestId('report-page').waitFor();
    const total = page.locator('td[data-field="requests.total.total"]');
    await poll(() => total.textContent()).toBe(String(DONGGUAN.values['requests.total.total']));
    const cell = page.locator('td[data-field="requests.granted.person"]');
    const before = DONGGUAN.values['requests.granted.person'] ?? 0;
    expect(await cell.textContent()).toBe(String(before));
    await cell.click();
    await page.getByTestId('correct-value').fill(String(before + 1));
    await page.getByTestId('correct-note').fill('Electron e2e 修改');
    await page.getByTestId('correct-submit').click();
    await poll(() => cell.textContent()).toBe(String(before + 1));
    expect(await cell.getAttribute('class')).toContain('corrected');
    await poll(() => page.getByTestId('cell-history').textContent()).toContain('Electron e2e 修改');
    await shot('03-corrected');
  });

  it('exports the year as an xlsx workbook into the folder chosen in the dialog', async () => {
    const out = join(tmp, 'export');
    mkdirSync(out);
    await answerDialogs({ open: out });
    await page.locator('[data-nav="export"]').click();
    await page.getByTestId('export-page').waitFor();
    await page.getByTestId('export-page').getByRole('button', { name: '选择文件夹…' }).click();
    await poll(() => page.getByTestId('export-start').isEnabled()).toBe(true);
    await page.getByTestId('export-start').click();
    await page.getByTestId('export-summary').waitFor({ timeout: 60_000 });
    await shot('04-exported');
    const file = ((await page.getByTestId('export-file').first().textContent()) ?? '').trim();
    expect(file.startsWith(out)).toBe(true);
    expect(file.endsWith('.xlsx')).toBe(true);
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
    const text = wb.SheetNames.map((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n]!)).join('\n');
    expect(text).toContain(DONGGUAN.agency);
  });
});
