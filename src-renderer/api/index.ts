// Chosen once at start: the Electron preload's bridge when present,
// otherwise the HTTP bridge with the token from the page address.
import { httpBridge } from './http-bridge.js';
import { takeToken } from './token.js';
import type { Bridge } from './client.js';
import { windowBridge } from './window-bridge.js';

export const api: Bridge = window.nianbao ? windowBridge(window.nianbao) : httpBridge(takeToken(location, history, sessionStorage));
export type { Bridge };
