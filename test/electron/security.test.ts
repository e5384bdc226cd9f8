import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => ({}));
const { CSP, canOpenExternal, hardenContents, hardenSession, isAppUrl, secureWebPreferences } = await import('../../src-main/electron/security.js');
const { fileForUrl } = await import('../../src-main/electron/protocol.js');

describe('electron security', () => {
  it('web preferences isolate and sandbox the renderer without Node', () => {
    const p = secureWebPreferences('/app/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the CSP allows only our own scripts, no eval, no plugins, no framing', () => {
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toMatch(/script-src 'self'(;|$)/);
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('navigation, redirects, webviews and new windows are refused', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: (name: string, fn: (e: { preventDefault(): void }) => void) => handlers.set(name, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    } as unknown as WebContents;
    hardenContents(contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = { preventDefault: vi.fn() };
      handlers.get(name)!(e, 'https://evil.example/');
      expect(e.preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('permission requests and checks are denied; every response gets the CSP', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: (() => boolean) | null = null;
    let headers: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      webRequest: { onHeadersReceived: (fn: typeof headers) => (headers = fn) },
    } as unknown as Session;
    hardenSession(session);
    const cb = vi.fn();
    request!({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const out = vi.fn();
    headers!({ responseHeaders: { a: ['b'] } }, out);
    expect(out.mock.calls[0]![0].responseHeaders['Content-Security-Policy']).toEqual([CSP]);
    expect(out.mock.calls[0]![0].responseHeaders.a).toEqual(['b']);
  });

  it('only app:// pages count as the app; only allow-listed links open outside', () => {
    expect(isAppUrl('app://nianbao/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://nianbao/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(canOpenExternal('https://evil.example/')).toBe(false);
    expect(canOpenExternal('file:///C:/Windows/System32/calc.exe')).toBe(false);
  });

  it('the app protocol never serves a file outside the renderer folder', () => {
    expect(fileForUrl('/app/dist-renderer', 'app://nianbao/index.html')).toBe('/app/dist-renderer/index.html');
    expect(fileForUrl('/app/dist-renderer', 'app://nianbao/assets/a.js')).toBe('/app/dist-renderer/assets/a.js');
    // URL parsing folds `..` away: the result stays inside the folder.
    expect(fileForUrl('/app/dist-renderer', 'app://nianbao/../../etc/passwd')).toBe('/app/dist-renderer/etc/passwd');
    for (const evil of ['app://nianbao/%2e%2e/%2e%2e/etc/passwd', 'app://nianbao/..%2F..%2Fetc%2Fpasswd', 'app://nianbao/..%5C..%5Cwin.ini']) {
      const f = fileForUrl('/app/dist-renderer', evil);
      expect(f === null || f.startsWith('/app/dist-renderer/'), evil).toBe(true);
    }
    expect(fileForUrl('/app/dist-renderer', 'app://elsewhere/index.html')).toBeNull();
  });
});
