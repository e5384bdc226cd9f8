// A small JSON in userData: the last archive and the window's size.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  lastArchive: string | null;
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { lastArchive: null, width: 1400, height: 900, maximized: false };

const num = (v: unknown, min: number, max: number): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? Math.round(v) : undefined;

export function loadState(dir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    const x = num(raw.x, -20000, 20000);
    const y = num(raw.y, -20000, 20000);
    return {
      lastArchive: typeof raw.lastArchive === 'string' ? raw.lastArchive : null,
      width: num(raw.width, 640, 10000) ?? DEFAULT_STATE.width,
      height: num(raw.height, 480, 10000) ?? DEFAULT_STATE.height,
      ...(x !== undefined && y !== undefined ? { x, y } : {}),
      maximized: raw.maximized === true,
    };
  } catch {
    return { ...DEFAULT_STATE };
  }
}

export function saveState(dir: string, state: WindowState): void {
  const file = join(dir, 'window-state.json');
  try {
    writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${file}.tmp`, file);
  } catch {
    // not worth failing a quit over
  }
}
