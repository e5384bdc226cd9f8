// Electron: calls go through the preload's one-function-per-handler object.
import type { Args, HandlerName, Result } from '../../src-main/contract/handlers.js';
import type { Bridge, WindowBridge } from './client.js';

export function windowBridge(w: WindowBridge): Bridge {
  return {
    kind: 'electron',
    call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
      const fn = w.handlers[name] as (a: Args<K>) => Promise<Result<K>>;
      return fn(args);
    },
    subscribe: (listener) => w.on(listener),
    pathForFile: (file) => {
      const p = w.pathForFile(file);
      return p || null;
    },
  };
}
