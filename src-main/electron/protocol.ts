// The app:// scheme serves the built renderer from inside the package, so the
// page never runs from file:// (which would share an origin with every file).
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CSP } from './security.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // the pdf.js worker
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export const PRIVILEGED_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Map an app:// URL to a file inside root, or null when it would leave it. */
export function fileForUrl(root: string, url: string): string | null {
  const u = new URL(url);
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  const rel = normalize(decodeURIComponent(u.pathname)).replace(/^([/\\])+/, '') || 'index.html';
  const base = resolve(root);
  const file = join(base, rel);
  return file.startsWith(base + sep) ? file : null;
}

/** Headers of every app:// response. They are set here, on the response itself:
 *  session.webRequest.onHeadersReceived never sees custom-protocol responses. */
export function appHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  };
}

/** The app:// handler: a request in, a Response out (exported for the tests). */
export async function serveApp(root: string, url: string): Promise<Response> {
  const file = fileForUrl(root, url);
  if (!file) return new Response('forbidden', { status: 403, headers: appHeaders('text/plain; charset=utf-8') });
  try {
    const body = await readFile(file);
    return new Response(body, { headers: appHeaders(TYPES[extname(file)] ?? 'application/octet-stream') });
  } catch {
    return new Response('not found', { status: 404, headers: appHeaders('text/plain; charset=utf-8') });
  }
}

export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveApp(root, request.url));
}
