import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { HANDLER_NAMES, type Args, type EventMessage, type HandlerName, type Result } from '../../src-main/contract/index.js';
import type { Services } from '../../src-main/services/types.js';

vi.mock('electron', () => ({}));
const { channelOf, registerIpc } = await import('../../src-main/electron/ipc.js');

type Listener = (event: IpcMainInvokeEvent, args: unknown) => Promise<unknown>;

function setup() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, fn: Listener) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  } as unknown as IpcMain;
  const calls: { name: string; args: unknown }[] = [];
  const services: Services = {
    async call<K extends HandlerName>(name: K, args: Args<K>): Promise<Result<K>> {
      calls.push({ name, args });
      return { ok: name } as unknown as Result<K>;
    },
    subscribe: (_l: (e: EventMessage) => void) => () => undefined,
    emit: () => undefined,
    close: async () => undefined,
  };
  const dispose = registerIpc(ipcMain, services);
  const frame = (url: string, parent: object | null = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;
  return { handlers, calls, dispose, frame };
}

describe('ipc', () => {
  it('registers one channel per handler of the contract, and removes them', () => {
    const { handlers, dispose } = setup();
    expect([...handlers.keys()].sort()).toEqual(HANDLER_NAMES.map(channelOf).sort());
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('passes a valid call from our own page to the services with validated args', async () => {
    const { handlers, calls, frame } = setup();
    const r = await handlers.get('nianbao:cells.correct')!(frame('app://nianbao/index.html'), {
      id: 3,
      field: 'requests.total.total',
      value: 14,
      note: '按原文',
    });
    expect(r).toEqual({ ok: 'cells.correct' });
    expect(calls).toEqual([{ name: 'cells.correct', args: { id: 3, field: 'requests.total.total', value: 14, note: '按原文' } }]);
  });

  it('rejects a call from a foreign frame or a subframe', async () => {
    const { handlers, calls, frame } = setup();
    const h = handlers.get('nianbao:reports.get')!;
    await expect(h(frame('https://evil.example/'), { id: 1 })).rejects.toThrow(/untrusted frame/);
    await expect(h(frame('file:///tmp/x.html'), { id: 1 })).rejects.toThrow(/untrusted frame/);
    await expect(h(frame('app://nianbao/index.html', {}), { id: 1 })).rejects.toThrow(/untrusted frame/);
    await expect(h({ senderFrame: null } as unknown as IpcMainInvokeEvent, { id: 1 })).rejects.toThrow(/untrusted/);
    expect(calls).toHaveLength(0);
  });

  it('rejects invalid arguments before they reach the services', async () => {
    const { handlers, calls, frame } = setup();
    const ok = frame('app://nianbao/index.html');
    await expect(handlers.get('nianbao:reports.get')!(ok, { id: '1' })).rejects.toThrow(/id: expected an integer/);
    await expect(handlers.get('nianbao:reports.get')!(ok, { id: 1, extra: true })).rejects.toThrow(/extra: unknown argument/);
    await expect(handlers.get('nianbao:cells.correct')!(ok, { id: 1, field: '../x', value: 1 })).rejects.toThrow(/field/);
    await expect(handlers.get('nianbao:cells.correct')!(ok, { id: 1, field: 'requests.total.total', value: Infinity })).rejects.toThrow(/value/);
    await expect(handlers.get('nianbao:export.start')!(ok, { years: [2020], format: 'exe', folder: '/tmp' })).rejects.toThrow(/format/);
    await expect(handlers.get('nianbao:reports.list')!(ok, null)).rejects.toThrow(/object/);
    expect(calls).toHaveLength(0);
  });
});
