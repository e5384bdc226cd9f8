// Browser: POST /api/<name> with the per-run token; events over SSE.
import type { Args, EventMessage, HandlerName, Result } from '../../src-main/contract/handlers.js';
import type { Bridge } from './client.js';
import type { ErrorCode } from '../../src-main/core/wording/codes.js';

/** A failed call: the contract's { code, params, message } and the HTTP status. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: ErrorCode = 'internal',
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

export function httpBridge(token: string): Bridge {
  const listeners = new Set<(e: EventMessage) => void>();
  let source: EventSource | null = null;
  const connect = () => {
    // EventSource cannot send a header: the HttpOnly cookie of the first page load carries the token.
    source = new EventSource('/events');
    source.onmessage = (m: MessageEvent<string>) => {
      const e = JSON.parse(m.data) as EventMessage;
      for (const l of listeners) l(e);
    };
  };
  return {
    kind: 'web',
    async call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
      const res = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        // without a token (a tab opened later from a bookmark) the cookie alone authenticates
        headers: token ? { 'content-type': 'application/json', 'x-nianbao-token': token } : { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = (await res.json()) as { result?: Result<K>; error?: string; code?: ErrorCode; params?: Record<string, string | number> };
      if (!res.ok) throw new ApiError(body.error ?? `HTTP ${res.status}`, res.status, body.code, body.params);
      return body.result as Result<K>;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) connect();
      return () => listeners.delete(listener);
    },
    pathForFile: () => null,
  };
}
