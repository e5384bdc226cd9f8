// Loopback HTTP bridge over the services, for browser tests and people who
// prefer a browser: the built renderer as static files, one POST route per
// handler (`/api/<name>`), events as Server-Sent Events (`/events`).
// Bound to 127.0.0.1 only; every request must carry the per-run token, and
// the Host header must be our own address, which stops DNS rebinding.
// The token in the printed address (`?token=`) opens the page once: that
// first page load sets an HttpOnly SameSite=Strict cookie, the page removes
// the token from its address bar and sends it as `x-nianbao-token`; after
// that the query token is refused (a copied or logged address is useless).
// /api and /events also refuse requests a browser marks as coming from
// another site (Origin, Sec-Fetch-Site).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ArgsError, isHandlerName, parseArgsFor } from '../contract/index.js';
import type { Services } from '../services/types.js';
import { CodedError, httpStatus, toErrorInfo, type ErrorInfo } from '../core/wording/index.js';

export interface WebBridgeOptions {
  services: Services;
  /** Folder of the built renderer (dist-renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // the pdf.js worker
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const MAX_BODY = 1 << 20;
const COOKIE = 'nianbao_token';
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === COOKIE && v) return v;
  }
  return null;
}

/** Why a request to /api or /events comes from another site, or null. Clients
 *  that send neither header (curl, the tests, the bench) pass on the token alone. */
export function foreignRequest(req: IncomingMessage, port: number): string | null {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
    return `请求来自其他网站（${origin}），已拒绝 / request from a foreign origin (${origin}) refused`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `跨站请求（${site}），已拒绝 / cross-site request (${site}) refused`;
  return null;
}

const WRONG_TOKEN = '缺少令牌或令牌不正确 / missing or wrong token';
const SPENT_TOKEN =
  '地址中的令牌只能打开一次页面：请在第一次打开它的浏览器中继续，或重新运行 nianbao web / the token in the address opens the page once: go on in the browser that opened it first, or restart nianbao web';

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** An error as the contract carries it ({ code, params, message } plus `error`, the message), with the HTTP status of its code. */
function sendError(res: ServerResponse, info: ErrorInfo): void {
  send(res, httpStatus(info.code), { error: info.message, code: info.code, ...(info.params ? { params: info.params } : {}) });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new CodedError('too_large', 'request body too large');
    chunks.push(b);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new ArgsError('request body is not JSON', 'args', 'json');
  }
}

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const root = resolve(opts.rendererDir);
  let port = 0;
  // Whether the printed address has opened the page already.
  let queryTokenSpent = false;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 403, { error: 'forbidden host' });
    const url = new URL(req.url ?? '/', `http://${host}`);
    const header = req.headers['x-nianbao-token'];
    const given = (typeof header === 'string' && header) || cookieToken(req);
    const isApi = url.pathname.startsWith('/api/') || url.pathname === '/events';
    if (isApi) {
      const foreign = foreignRequest(req, port);
      if (foreign) return send(res, 403, { error: foreign });
    }
    // A header or cookie token is checked here; a query token only below, for a first page load.
    const authed = !!given && safeEqual(given, token);
    const queryToken = url.searchParams.get('token');
    if (!authed && (isApi || !queryToken)) return send(res, 403, { error: WRONG_TOKEN });
    if (!authed && !safeEqual(queryToken ?? '', token)) return send(res, 403, { error: WRONG_TOKEN });

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
      // A cross-site form cannot set this content type without a preflight we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: 'JSON only' });
      const name = decodeURIComponent(url.pathname.slice(5));
      if (!isHandlerName(name)) return sendError(res, { code: 'unknown_handler', message: `unknown handler ${name}` });
      let args;
      try {
        args = parseArgsFor(name, await readBody(req));
      } catch (e) {
        const info = toErrorInfo(e);
        return sendError(res, { ...info, code: info.code === 'too_large' ? 'too_large' : 'bad_args' });
      }
      try {
        const result = await opts.services.call(name, args);
        return send(res, 200, { result: result ?? null });
      } catch (e) {
        return sendError(res, toErrorInfo(e));
      }
    }

    if (url.pathname === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': connected\n\n');
      const off = opts.services.subscribe((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        off();
        clearInterval(ping);
      });
      return;
    }

    if (req.method !== 'GET') return send(res, 405, { error: 'GET only' });
    let rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    if (rel === '' || rel === '.') rel = 'index.html';
    let file = join(root, rel);
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, { error: 'outside the renderer folder' });
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile()) {
      if (extname(rel)) return send(res, 404, { error: 'not found' });
      file = join(root, 'index.html'); // client-side routes
    }
    if (!authed) {
      // Only the query token got here: it may open the page, once.
      if (!file.endsWith('.html')) return send(res, 403, { error: WRONG_TOKEN });
      if (queryTokenSpent) return send(res, 403, { error: SPENT_TOKEN });
      queryTokenSpent = true;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    if (file.endsWith('.html')) {
      headers['content-security-policy'] = CSP;
      headers['cache-control'] = 'no-store';
      headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
