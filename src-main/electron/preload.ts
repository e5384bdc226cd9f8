// Preload (sandboxed, bundled to CommonJS): exposes exactly one function per
// handler of the contract, an event subscription and the path of a dropped
// file. Nothing raw: no ipcRenderer, no channel names, no Node.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { HANDLER_NAMES, type Args, type EventMessage, type HandlerName, type Result } from '../contract/handlers.js';

const CHANNEL_PREFIX = 'nianbao:';
const EVENT_CHANNEL = 'nianbao:event';

type HandlerFns = { [K in HandlerName]: (args: Args<K>) => Promise<Result<K>> };

export function buildBridge() {
  const handlers = {} as Record<HandlerName, (args: unknown) => Promise<unknown>>;
  for (const name of HANDLER_NAMES) handlers[name] = (args: unknown) => ipcRenderer.invoke(`${CHANNEL_PREFIX}${name}`, args);
  return {
    handlers: Object.freeze(handlers) as unknown as HandlerFns,
    on(listener: (e: EventMessage) => void): () => void {
      const wrapped = (_event: unknown, message: EventMessage) => listener(message);
      ipcRenderer.on(EVENT_CHANNEL, wrapped);
      return () => {
        ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
      };
    },
    pathForFile(file: File): string {
      return webUtils.getPathForFile(file);
    },
  };
}

contextBridge.exposeInMainWorld('nianbao', buildBridge());
