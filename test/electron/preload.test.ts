import { describe, expect, it, vi } from 'vitest';
import { HANDLER_NAMES } from '../../src-main/contract/index.js';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (channel: string, args: unknown) => ({ channel, args }));
const on = vi.fn();
const removeListener = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke, on, removeListener },
  webUtils: { getPathForFile: () => '/dropped/folder' },
}));
await import('../../src-main/electron/preload.js');

interface Exposed {
  handlers: Record<string, (args: unknown) => Promise<unknown>>;
  on(listener: (e: unknown) => void): () => void;
  pathForFile(f: unknown): string;
}

describe('preload', () => {
  it('exposes one object with exactly one function per handler, a subscription and pathForFile', () => {
    expect(Object.keys(exposed)).toEqual(['nianbao']);
    const api = exposed.nianbao as Exposed;
    expect(Object.keys(api).sort()).toEqual(['handlers', 'on', 'pathForFile']);
    expect(Object.keys(api.handlers).sort()).toEqual([...HANDLER_NAMES].sort());
    for (const fn of Object.values(api.handlers)) expect(typeof fn).toBe('function');
    expect(Object.isFrozen(api.handlers)).toBe(true);
  });

  it('each function invokes its own channel with the arguments as given', async () => {
    const api = exposed.nianbao as Exposed;
    await expect(api.handlers['reports.get']!({ id: 7 })).resolves.toEqual({ channel: 'nianbao:reports.get', args: { id: 7 } });
    expect(invoke).toHaveBeenCalledWith('nianbao:reports.get', { id: 7 });
  });

  it('the subscription hides the IPC event object and can be removed', () => {
    const api = exposed.nianbao as Exposed;
    const got: unknown[] = [];
    const off = api.on((e) => got.push(e));
    const [channel, wrapped] = on.mock.calls[0]! as [string, (ev: unknown, m: unknown) => void];
    expect(channel).toBe('nianbao:event');
    wrapped({ sender: 'secret' }, { name: 'archive.changed', payload: { info: null } });
    expect(got).toEqual([{ name: 'archive.changed', payload: { info: null } }]);
    off();
    expect(removeListener).toHaveBeenCalledWith('nianbao:event', wrapped);
    expect(api.pathForFile({})).toBe('/dropped/folder');
  });
});
