// The renderer's typed client of the contract. Both bridges implement
// `Bridge`; callers use `api.call('reports.get', { id })` and get the exact
// result type of that handler.
import type { Args, EventMessage, HandlerName, Result } from '../../src-main/contract/handlers.js';

export interface Bridge {
  kind: 'electron' | 'web';
  call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>>;
  subscribe(listener: (e: EventMessage) => void): () => void;
  /** Path of a dropped file/folder; only the desktop shell can know it. */
  pathForFile(file: File): string | null;
}

/** What the Electron preload exposes on `window.nianbao`. */
export interface WindowBridge {
  handlers: { [K in HandlerName]: (args: Args<K>) => Promise<Result<K>> };
  on(listener: (e: EventMessage) => void): () => void;
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    nianbao?: WindowBridge;
  }
}
