// Everything that keeps the window a document viewer and not a browser, in
// one file a reviewer can read in a minute:
// - the renderer is isolated, sandboxed, without Node;
// - content comes only from our own app:// scheme, under a strict CSP;
// - navigation, new windows, <webview> and permission requests are refused;
// - shell.openExternal is only ever called with constant allow-listed URLs,
//   never with anything taken from a report.
import type { Session, WebContents, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'nianbao';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // echarts and React set element styles; no inline <style> from content.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** True only for pages of the app itself (the main frame's documents). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links the app itself may open in the system browser. Nothing from a report. */
export const EXTERNAL_ALLOWED: readonly string[] = ['https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm'];

export function canOpenExternal(url: string): boolean {
  return EXTERNAL_ALLOWED.includes(url);
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  // For anything that is not app:// (app:// responses carry the same headers
  // from protocol.ts: this hook never fires for a custom protocol).
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CSP],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}

export function hardenContents(contents: WebContents): void {
  // Any navigation, even to our own origin, would lose state; the UI routes in-page.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
