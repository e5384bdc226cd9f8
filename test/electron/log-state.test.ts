import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLog, logFileName, readableError } from '../../src-main/electron/log.js';
import { DEFAULT_STATE, loadState, saveState } from '../../src-main/electron/window-state.js';

describe('electron log and window state', () => {
  it('writes one log file per day with levels and stacks', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'nianbao-log-')), 'logs');
    const log = createLog(dir);
    log.info('started 0.1.0');
    log.error('import failed', new Error('disk full'));
    expect(readdirSync(dir)).toEqual([logFileName()]);
    expect(logFileName(new Date('2026-01-31T12:00:00Z'))).toBe('nianbao-2026-01-31.log');
    const text = readFileSync(join(dir, logFileName()), 'utf8');
    expect(text).toMatch(/INFO  started 0\.1\.0/);
    expect(text).toMatch(/ERROR import failed: Error: disk full\n\s+at /);
  });

  it('an uncaught error becomes a readable message naming the log folder', () => {
    const msg = readableError(new Error('database is locked'), '/home/u/.config/nianbao/logs');
    expect(msg).toContain('database is locked');
    expect(msg).toContain('/home/u/.config/nianbao/logs');
    expect(msg).not.toMatch(/\n\s+at /);
  });

  it('remembers the last archive and the window size; ignores a damaged file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-state-'));
    expect(loadState(dir)).toEqual(DEFAULT_STATE);
    saveState(dir, { lastArchive: '/data/年报档案.nianbao', width: 1600, height: 1000, x: 10, y: 20, maximized: true });
    expect(loadState(dir)).toEqual({ lastArchive: '/data/年报档案.nianbao', width: 1600, height: 1000, x: 10, y: 20, maximized: true });
    writeFileSync(join(dir, 'window-state.json'), '{"width": 99999999, "height": "tall", "lastArchive": 5}');
    expect(loadState(dir)).toEqual({ ...DEFAULT_STATE });
    writeFileSync(join(dir, 'window-state.json'), 'not json');
    expect(loadState(dir)).toEqual(DEFAULT_STATE);
  });
});
