// `npm start` runs this first. Without Electron's binary (installed with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1, offline, or its download blocked) it says
// what to do, in Chinese and English, and exits 1 — instead of Electron's
// "failed to install correctly" stack trace.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The Electron executable's path, or null when the binary is not installed. */
export function electronBinary() {
  try {
    // node_modules/electron/index.js exports the binary's path, or throws without one
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function guidance(env = process.env) {
  const skipped = env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? '\n  （此终端设置了 ELECTRON_SKIP_BINARY_DOWNLOAD，先取消它 / ELECTRON_SKIP_BINARY_DOWNLOAD is set here: unset it first）'
    : '';
  return `年报档案：没有安装 Electron 程序（安装时跳过了下载或下载失败），桌面窗口无法启动。
Nianbao Archive: the Electron binary is not installed (its download was skipped or failed),
so the desktop window cannot start.

  安装它（需要联网）/ install it (needs internet):
    npm rebuild electron${skipped}

  或者在浏览器中使用同一界面 / or use the same UI in a browser:
    npm run web -- --archive 年报档案.nianbao

  或者命令行 / or the command line:  npm run demo   ·   npm run cli -- --help
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!electronBinary()) {
    process.stderr.write(guidance());
    process.exit(1);
  }
}
