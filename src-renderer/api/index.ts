// Chosen once at start: the Electron preload's bridge when present,
// otherwise the HTTP bridge with the token from the page address.
import { httpBridge } from './http-bridge.js';
import type { Bridge } from './client.js';
import { windowBridge } from './window-bridge.js';

function tokenFromPage(): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('nianbao.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('nianbao.token') ?? '';
}

export const api: Bridge = window.nianbao ? windowBridge(window.nianbao) : httpBridge(tokenFromPage());
export type { Bridge };
