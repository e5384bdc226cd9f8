import { describe, expect, it } from 'vitest';
import { takeToken } from '../../src-renderer/api/token.js';

function tab(search: string, pathname = '/', hash = '') {
  const stored = new Map<string, string>();
  const urls: string[] = [];
  const history = { state: { route: 'x' } as unknown, replaceState: (_s: unknown, _u: string, url?: string | null) => void urls.push(url ?? '') };
  const store = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
  return { address: { search, pathname, hash }, history, store, stored, urls };
}

describe('the web token in the page address', () => {
  it('is read once, kept for the tab and removed from the address bar', () => {
    const t = tab('?token=abc123', '/', '#/report/3');
    expect(takeToken(t.address, t.history, t.store)).toBe('abc123');
    expect(t.urls).toEqual(['/#/report/3']);
    expect(t.stored.get('nianbao.token')).toBe('abc123');
  });

  it('keeps the other query parameters', () => {
    const t = tab('?lang=en&token=abc123&x=1', '/library');
    expect(takeToken(t.address, t.history, t.store)).toBe('abc123');
    expect(t.urls).toEqual(['/library?lang=en&x=1']);
  });

  it('after a reload (no token in the address) the tab uses the kept one and leaves the address alone', () => {
    const t = tab('?token=abc123');
    takeToken(t.address, t.history, t.store);
    const reloaded = { ...t, address: { search: '', pathname: '/', hash: '' } };
    expect(takeToken(reloaded.address, t.history, t.store)).toBe('abc123');
    expect(t.urls).toHaveLength(1);
  });

  it('a tab without any token gets an empty one (the cookie alone authenticates it)', () => {
    const t = tab('');
    expect(takeToken(t.address, t.history, t.store)).toBe('');
    expect(t.urls).toEqual([]);
  });
});
