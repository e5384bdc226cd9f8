// IPC: one channel per handler of the contract. Each call is checked twice
// before it reaches the services: the sender frame must be our own page
// (not an iframe or a page that somehow navigated elsewhere), and the
// arguments must pass the contract's validator.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { toErrorInfo } from '../core/wording/errors.js';
import { ArgsError, HANDLER_NAMES, parseArgsFor, type EventMessage, type HandlerName } from '../contract/index.js';
import type { Services } from '../services/types.js';
import { isAppUrl } from './security.js';

export const CHANNEL_PREFIX = 'nianbao:';
export const EVENT_CHANNEL = 'nianbao:event';
export const channelOf = (name: HandlerName) => `${CHANNEL_PREFIX}${name}`;

export class UntrustedSenderError extends Error {
  constructor(url: string) {
    super(`refused a call from an untrusted frame (${url || 'unknown'})`);
    this.name = 'UntrustedSenderError';
  }
}

export function checkSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): void {
  const frame = event.senderFrame;
  const url = frame?.url ?? '';
  // Only the top frame of our own page may call; a subframe has a parent.
  if (!frame || frame.parent !== null || !isAppUrl(url)) throw new UntrustedSenderError(url);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, services: Services): () => void {
  for (const name of HANDLER_NAMES) {
    ipcMain.handle(channelOf(name), async (event, raw: unknown) => {
      checkSender(event);
      try {
        const args = parseArgsFor(name, raw);
        return await services.call(name, args);
      } catch (e) {
        // Electron passes only an error's message to the renderer: carry { code, params, message } in it.
        const info = toErrorInfo(e);
        throw new Error(JSON.stringify(e instanceof ArgsError ? { ...info, code: 'bad_args' } : info));
      }
    });
  }
  return () => {
    for (const name of HANDLER_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

/** Forward service events to the window (only to our own page). */
export function forwardEvents(services: Services, contents: () => WebContents | null): () => void {
  return services.subscribe((e: EventMessage) => {
    const wc = contents();
    if (wc && !wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(EVENT_CHANNEL, e);
  });
}
