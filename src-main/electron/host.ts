// What the desktop shell adds to the services: native dialogs and opening
// files with the system's programs. Paths come from the services (the
// archive's record of an original, an export folder), never from the page.
import { dialog, shell, type BrowserWindow } from 'electron';
import type { Host } from '../services/types.js';

export function electronHost(win: () => BrowserWindow | null, onArchive: (path: string) => void): Host {
  const parent = () => win() ?? undefined;
  return {
    async chooseFolder(purpose) {
      const opts = {
        title: purpose === 'import' ? '选择要导入的文件夹' : '选择导出位置',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseArchive(create) {
      const w = parent();
      if (create) {
        const opts = { title: '新建档案库', defaultPath: '年报档案.nianbao', filters: [{ name: '年报档案库', extensions: ['nianbao'] }] };
        const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return r.canceled ? null : (r.filePath ?? null);
      }
      const opts = { title: '打开档案库', properties: ['openFile' as const], filters: [{ name: '年报档案库', extensions: ['nianbao', 'sqlite', 'db'] }] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async openPath(path) {
      // shell.openPath opens a local file with its default program; it never
      // receives a URL, so nothing in a report can steer it to the network.
      // The services only pass temporary copies of archived originals here.
      return (await shell.openPath(path)) === '';
    },
    async showItemInFolder(path) {
      // Selects the file in the file manager; never runs it (openPath on a folder could run a program on Windows).
      shell.showItemInFolder(path);
      return true;
    },
    archiveOpened: onArchive,
  };
}
