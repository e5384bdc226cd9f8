// Install and start: Electron's install script is allowed (npm 11 honours
// package.json allowScripts), offline machines and .ci/run skip its download
// with ELECTRON_SKIP_BINARY_DOWNLOAD=1, and `npm start` without the binary
// says what to do and exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
const ci = readFileSync(new URL('.ci/run', ROOT), 'utf8');

function haveElectron(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

describe('install and start', () => {
  it("allows Electron's install script; offline CI skips the download", () => {
    expect(pkg.allowScripts.electron).toBe(true);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(ci).toMatch(/^export ELECTRON_SKIP_BINARY_DOWNLOAD=1$/m);
  });

  it('`npm start` checks for the binary before building anything', () => {
    expect(pkg.scripts.start).toMatch(/^node scripts\/check-electron\.mjs && /);
  });

  it('without the binary the check prints what to do (install it, or the browser UI) and exits 1', () => {
    const r = spawnSync(process.execPath, ['scripts/check-electron.mjs'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    if (haveElectron()) {
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      return;
    }
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('没有安装 Electron 程序');
    expect(r.stderr).toContain('the Electron binary is not installed');
    expect(r.stderr).toContain('npm rebuild electron');
    expect(r.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD is set here');
    expect(r.stderr).toContain('npm run web -- --archive');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });
});
