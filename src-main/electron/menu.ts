// Native menus (Chinese labels). Items either act in main (dialogs, backup,
// log folder) or forward a command to the renderer.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/index.js';

export interface MenuActions {
  newArchive(): void;
  openArchive(): void;
  backup(): void;
  showLogs(): void;
  about(): void;
  send(command: MenuCommand): void;
}

export function menuTemplate(a: MenuActions, isMac: boolean): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '新建档案库…', click: () => a.newArchive() },
        { label: '打开档案库…', accelerator: 'CmdOrCtrl+O', click: () => a.openArchive() },
        { type: 'separator' },
        { label: '导入文件夹…', accelerator: 'CmdOrCtrl+I', click: () => a.send('import') },
        { label: '导出…', accelerator: 'CmdOrCtrl+E', click: () => a.send('export') },
        { label: '备份档案库…', click: () => a.backup() },
        { type: 'separator' },
        isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        // Undo/redo of corrections go to the renderer; text fields keep the
        // native shortcuts because the renderer ignores them inside inputs.
        { label: '撤销修改', accelerator: 'CmdOrCtrl+Z', click: () => a.send('undo') },
        { label: '重做修改', accelerator: 'CmdOrCtrl+Y', click: () => a.send('redo') },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '档案库', accelerator: 'CmdOrCtrl+1', click: () => a.send('library') },
        { label: '图表', accelerator: 'CmdOrCtrl+2', click: () => a.send('charts') },
        { type: 'separator' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: '关于年报档案', click: () => a.about() },
        { label: '打开日志文件夹', click: () => a.showLogs() },
      ],
    },
  ];
}
