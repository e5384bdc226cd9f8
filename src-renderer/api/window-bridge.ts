// Electron: calls go through the preload's one-function-per-handler object.
import type { Args, HandlerName, Result } from '../../src-main/contract/handlers.js';
import type { Bridge, WindowBridge } from './client.js';
import type { ErrorCode } from '../../src-main/core/wording/codes.js';
import { ApiError } from './http-bridge.js';

/** ipc.ts puts { code, params, message } as JSON in the message ("Error invoking remote method …: Error: {…}"). */
function fromIpc(e: unknown): unknown {
  const text = e instanceof Error ? e.message : String(e);
  const at = text.indexOf('{"code"');
  if (at < 0) return e;
  try {
    const info = JSON.parse(text.slice(at)) as { code: ErrorCode; params?: Record<string, string | number>; message: string };
    return new ApiError(info.message, 0, info.code, info.params);
  } catch {
    return e;
  }
}

export function windowBridge(w: WindowBridge): Bridge {
  return {
    kind: 'electron',
    async call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
      const fn = w.handlers[name] as (a: Args<K>) => Promise<Result<K>>;
      try {
        return await fn(args);
      } catch (e) {
        throw fromIpc(e);
      }
    },
    subscribe: (listener) => w.on(listener),
    pathForFile: (file) => {
      const p = w.pathForFile(file);
      return p || null;
    },
  };
}
