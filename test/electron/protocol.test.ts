// The app:// protocol sets the CSP and nosniff on its own responses:
// session.webRequest.onHeadersReceived never fires for a custom protocol, so
// without this only the page's <meta> CSP would apply.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { CSP } = await import('../../src-main/electron/security.js');
const { registerAppProtocol, serveApp } = await import('../../src-main/electron/protocol.js');

const root = mkdtempSync(join(tmpdir(), 'nianbao-protocol-'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>年报档案</title>');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');

describe('app:// protocol', () => {
  it('serves the page and its scripts with the CSP and nosniff on the response itself', async () => {
    const page = await serveApp(root, 'app://nianbao/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('年报档案');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'"); // a header-only directive
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serveApp(root, 'app://nianbao/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('content-security-policy')).toBe(CSP);
  });

  it('refusals and misses carry the same headers', async () => {
    for (const [url, status] of [
      ['app://elsewhere/index.html', 403],
      ['app://nianbao/assets/missing.js', 404],
    ] as const) {
      const r = await serveApp(root, url);
      expect(r.status, url).toBe(status);
      expect(r.headers.get('content-security-policy'), url).toBe(CSP);
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
    }
  });

  it('registers the handler for the app scheme, answering with those headers', async () => {
    let scheme = '';
    let handler: ((req: { url: string }) => Promise<Response>) | null = null;
    const protocol = { handle: (s: string, h: typeof handler) => ((scheme = s), (handler = h)) } as unknown as Protocol;
    registerAppProtocol(protocol, root);
    expect(scheme).toBe('app');
    const res = await handler!({ url: 'app://nianbao/index.html' });
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
