import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Args, EventMessage, HandlerName, Result } from '../../src-main/contract/index.js';
import type { Services } from '../../src-main/services/types.js';
import { startWebBridge, type WebBridge } from '../../src-main/web/server.js';
import { ArchiveError } from '../../src-main/core/archive/types.js';
import { ReadError } from '../../src-main/core/model.js';

// A recording stand-in for the services: the bridge is what is under test.
const calls: { name: string; args: unknown }[] = [];
const listeners = new Set<(e: EventMessage) => void>();
const services: Services = {
  async call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
    calls.push({ name, args });
    if (name === 'reports.get') {
      const id = (args as { id: number }).id;
      if (id === 98) throw new ArchiveError('not_found', 'no report 98');
      if (id === 97) throw new ArchiveError('busy', 'an import is already running on this archive');
      if (id === 96) throw new ReadError('too_large', 'the file is larger than 200 MB');
      if (id === 95) throw new ArchiveError('invalid', 'x is not a number', { field: 'x' });
      throw new Error('report 99 does not exist');
    }
    return { echoed: args } as unknown as Result<K>;
  },
  subscribe: (l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  emit: (e) => listeners.forEach((l) => l(e)),
  close: async () => undefined,
};

function http(bridge: WebBridge, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end(init.body);
  });
}

let bridge: WebBridge;
let rendererDir = '';
beforeAll(async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-web-')), 'renderer');
  rendererDir = dir;
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>年报档案</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, '..', 'secret.txt'), 'secret');
  bridge = await startWebBridge({ services, rendererDir: dir });
});
afterAll(() => bridge.close());

const json = (token: string, body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-nianbao-token': token },
  body: JSON.stringify(body),
});

describe('web bridge', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=[\\w-]{20,}$`));
  });

  it('answers 403 without the token or with a wrong one, and for a foreign Host header', async () => {
    expect((await http(bridge, '/')).status).toBe(403);
    expect((await http(bridge, '/assets/app.js')).status).toBe(403);
    expect((await http(bridge, '/api/app.info', json('wrong', {}))).status).toBe(403);
    expect((await http(bridge, `/?token=${bridge.token}`, { headers: { host: `evil.example:${bridge.port}` } })).status).toBe(403);
    expect(calls).toHaveLength(0);
  });

  it('serves the renderer with the token, sets the cookie and a CSP, and never leaves its folder', async () => {
    const page = await http(bridge, `/?token=${bridge.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('年报档案');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain(`nianbao_token=${bridge.token}`);
    expect(cookie).toContain('HttpOnly');
    const asset = await http(bridge, '/assets/app.js', { headers: { cookie: `nianbao_token=${bridge.token}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const escape = await http(bridge, `/..%2Fsecret.txt?token=${bridge.token}`);
    expect(escape.body).not.toContain('secret');
  });

  it('routes a call to the services with validated args', async () => {
    const r = await http(bridge, '/api/cells.correct', json(bridge.token, { id: 3, field: 'requests.total.total', value: 14 }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ result: { echoed: { id: 3, field: 'requests.total.total', value: 14 } } });
    expect(calls.at(-1)).toEqual({ name: 'cells.correct', args: { id: 3, field: 'requests.total.total', value: 14 } });
  });

  it('rejects invalid args (400), unknown handlers (404), GET on the API (405) and non-JSON bodies (415)', async () => {
    const before = calls.length;
    const bad = await http(bridge, '/api/cells.correct', json(bridge.token, { id: 3, field: 'requests.total.total', value: 'x' }));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatch(/value/);
    expect((await http(bridge, '/api/reports.drop', json(bridge.token, {}))).status).toBe(404);
    expect((await http(bridge, '/api/app.info', { headers: { 'x-nianbao-token': bridge.token } })).status).toBe(405);
    const form = await http(bridge, '/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-nianbao-token': bridge.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect(calls.length).toBe(before);
  });

  it('reports a service error as 500 with its message', async () => {
    const r = await http(bridge, '/api/reports.get', json(bridge.token, { id: 99 }));
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body)).toEqual({ error: 'report 99 does not exist', code: 'internal' });
  });

  it('carries an error code and params to the client, with the HTTP status of the code', async () => {
    const get = async (id: number) => {
      const r = await http(bridge, '/api/reports.get', json(bridge.token, { id }));
      return { status: r.status, body: JSON.parse(r.body) as unknown };
    };
    expect(await get(98)).toEqual({ status: 404, body: { error: 'no report 98', code: 'not_found' } });
    expect(await get(97)).toEqual({ status: 409, body: { error: 'an import is already running on this archive', code: 'busy' } });
    expect(await get(96)).toEqual({ status: 413, body: { error: 'the file is larger than 200 MB', code: 'too_large' } });
    expect(await get(95)).toEqual({ status: 400, body: { error: 'x is not a number', code: 'invalid', params: { field: 'x' } } });
    const bad = await http(bridge, '/api/cells.correct', json(bridge.token, { id: 3, field: 'f', value: 'x' }));
    expect(JSON.parse(bad.body).code).toBe('bad_args');
    const unknown = await http(bridge, '/api/reports.drop', json(bridge.token, {}));
    expect(JSON.parse(unknown.body).code).toBe('unknown_handler');
  });

  it('streams events over SSE', async () => {
    const got = await new Promise<string>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port: bridge.port, path: '/events', headers: { cookie: `nianbao_token=${bridge.token}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let buf = '';
        res.on('data', (c: Buffer) => {
          buf += c.toString();
          if (buf.includes(': connected')) services.emit({ name: 'menu.command', payload: { command: 'import' } });
          if (buf.includes('data: ')) {
            req.destroy();
            ok(buf);
          }
        });
      });
      req.on('error', fail);
      req.end();
    });
    expect(got).toContain('data: {"name":"menu.command","payload":{"command":"import"}}');
  });

  it('takes the token in the address for one first page load only, never for /api, /events or a file', async () => {
    const b = await startWebBridge({ services, rendererDir });
    try {
      const before = calls.length;
      const q = `?token=${b.token}`;
      // the query token does not reach the API or the event stream, and is not spent by them
      expect((await http(b, `/api/app.info${q}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
      expect((await http(b, `/events${q}`)).status).toBe(403);
      expect((await http(b, `/assets/app.js${q}`)).status).toBe(403);
      expect(calls.length).toBe(before);
      // the first page load: 200 and the cookie
      const first = await http(b, `/${q}`);
      expect(first.status).toBe(200);
      const cookie = String(first.headers['set-cookie']).split(';')[0]!;
      expect(cookie).toBe(`nianbao_token=${b.token}`);
      // the same address again, without the cookie (copied, logged, another browser): refused, with why
      const again = await http(b, `/${q}`);
      expect(again.status).toBe(403);
      expect(JSON.parse(again.body).error).toMatch(/只能打开一次.*opens the page once/);
      expect((await http(b, `/report/3${q}`)).status).toBe(403);
      // the browser that opened it goes on with its cookie (and the page with the header)
      expect((await http(b, `/${q}`, { headers: { cookie } })).status).toBe(200);
      expect((await http(b, '/assets/app.js', { headers: { cookie } })).status).toBe(200);
      expect((await http(b, '/api/app.info', json(b.token, {}))).status).toBe(200);
      expect((await http(b, '/api/app.info', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' })).status).toBe(200);
    } finally {
      await b.close();
    }
  });

  it('refuses /api and /events calls a browser marks as coming from another site', async () => {
    const before = calls.length;
    const call = (headers: Record<string, string>) =>
      http(bridge, '/api/app.info', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-nianbao-token': bridge.token, ...headers },
        body: '{}',
      });
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${bridge.port + 1}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: `http://127.0.0.1:${bridge.port}`, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of foreign) {
      const r = await call(headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body).error, JSON.stringify(headers)).toMatch(/已拒绝.*refused/);
    }
    expect(calls.length).toBe(before);
    const events = await http(bridge, '/events', { headers: { cookie: `nianbao_token=${bridge.token}`, origin: 'https://evil.example' } });
    expect(events.status).toBe(403);
    // the page's own calls pass
    for (const origin of [`http://127.0.0.1:${bridge.port}`, `http://localhost:${bridge.port}`]) {
      expect((await call({ origin, 'sec-fetch-site': 'same-origin' })).status, origin).toBe(200);
    }
    expect(calls.length).toBe(before + 2);
  });
});
