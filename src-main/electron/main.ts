// Electron main: one window over the services. Thin by design: the app's
// behaviour lives in src-main/services and src-main/core.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../contract/index.js';
import { createServices, type Services } from '../services/index.js';
import { openArchivePort } from '../services/adapter.js';
import { electronHost } from './host.js';
import { archiveFromArgv } from './argv.js';
import { forwardEvents, registerIpc } from './ipc.js';
import { createLog, installCrashHandlers } from './log.js';
import { menuTemplate } from './menu.js';
import { PRIVILEGED_SCHEME, registerAppProtocol } from './protocol.js';
import { APP_URL, hardenContents, hardenSession, secureWebPreferences } from './security.js';
import { loadState, saveState, type WindowState } from './window-state.js';
import { sampleFolder, sharedSeeds } from '../core/samples.js';

const here = dirname(fileURLToPath(import.meta.url));
// Layout (in the repo and inside app.asar): dist-main/electron/main.js,
// dist-renderer/, assets/.
const appRoot = join(here, '..', '..');
const rendererDir = join(appRoot, 'dist-renderer');
// The samples: a resource of the package; in a checkout, read from ../shared/seeds (core/samples.ts).
const samplesDir = app.isPackaged ? join(process.resourcesPath, 'samples') : sampleFolder(sharedSeeds(appRoot));

const log = createLog(join(app.getPath('userData'), 'logs'));
installCrashHandlers(log, (title, message) => dialog.showErrorBox(title, message));

protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);

let win: BrowserWindow | null = null;
let services: Services | null = null;
let state: WindowState = loadState(app.getPath('userData'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv, cwd) => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    // a second launch for a double-clicked archive: open it in this window
    const path = archiveFromArgv(argv, cwd);
    if (path && services)
      services.call('archive.open', { path, create: false }).catch((err: unknown) => {
        log.error(`cannot open ${path}`, err);
        dialog.showErrorBox('年报档案', `无法打开档案库 / cannot open the archive：\n${path}\n\n${err instanceof Error ? err.message : String(err)}`);
      });
  });
  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void services?.close());
  void app.whenReady().then(start, (err: unknown) => log.error('startup', err));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  registerAppProtocol(protocol, rendererDir);
  const userData = app.getPath('userData');
  const remembered = state.lastArchive && existsSync(state.lastArchive) ? state.lastArchive : null;
  const archivePath = archiveFromArgv(process.argv, process.cwd()) ?? remembered ?? join(userData, '年报档案.nianbao');
  const make = (path: string | null) =>
    createServices({
      openArchive: openArchivePort,
      archivePath: path,
      samplesDir,
      version: app.getVersion(),
      bridge: 'electron',
      host: electronHost(
        () => win,
        (opened) => {
          state = { ...state, lastArchive: opened };
          saveState(userData, state);
        },
      ),
    });
  try {
    services = await make(archivePath);
  } catch (err) {
    // A refused archive (made by a newer version, damaged) must not keep the
    // app from starting: say why, then start without one (the window offers
    // to open or create another).
    log.error(`cannot open ${archivePath}`, err);
    dialog.showErrorBox('年报档案', `无法打开档案库：\n${archivePath}\n\n${err instanceof Error ? err.message : String(err)}`);
    services = await make(null);
  }
  registerIpc(ipcMain, services);
  createWindow();
  forwardEvents(services, () => win?.webContents ?? null);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(menuActions(), process.platform === 'darwin')));
  log.info(`started ${app.getVersion()}`);
}

function createWindow(): void {
  win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: 960,
    minHeight: 600,
    title: '年报档案',
    show: false,
    icon: join(appRoot, 'assets', 'icon.png'),
    webPreferences: secureWebPreferences(join(here, 'preload.cjs')),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.on('close', () => {
    if (!win) return;
    const b = win.getNormalBounds();
    state = { ...state, width: b.width, height: b.height, x: b.x, y: b.y, maximized: win.isMaximized() };
    saveState(app.getPath('userData'), state);
  });
  win.on('closed', () => (win = null));
  win.webContents.on('render-process-gone', (_e, d) => log.error(`renderer gone: ${d.reason}`));
  void win.loadURL(APP_URL);
}

function menuActions() {
  const s = () => services!;
  const fail = (what: string) => (err: unknown) => {
    log.error(what, err);
    dialog.showErrorBox('年报档案', `${what}：${err instanceof Error ? err.message : String(err)}`);
  };
  return {
    newArchive: () => void s().call('archive.choose', { create: true }).catch(fail('新建档案库失败')),
    openArchive: () => void s().call('archive.choose', { create: false }).catch(fail('打开档案库失败')),
    backup: () =>
      void (async () => {
        const opts = { title: '备份档案库', defaultPath: `年报档案-备份-${new Date().toISOString().slice(0, 10)}.nianbao` };
        const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
        if (r.canceled || !r.filePath) return;
        const out = await s().call('archive.backup', { path: r.filePath });
        await dialog.showMessageBox({ message: `已备份到 ${out.path}` });
      })().catch(fail('备份失败')),
    showLogs: () => void shell.openPath(log.dir),
    about: () =>
      void dialog.showMessageBox({
        title: '关于年报档案',
        message: `年报档案 Nianbao Archive ${app.getVersion()}`,
        detail: '政府信息公开工作年度报告的离线档案：浏览、核对、修改与导出三张统计表。\n所有数据只保存在本机。',
      }),
    send: (command: MenuCommand) => s().emit({ name: 'menu.command', payload: { command } }),
  };
}
