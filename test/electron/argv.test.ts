import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveFromArgv } from '../../src-main/electron/argv.js';

describe('archive named on the command line (double-clicked .nianbao)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-argv-'));
  writeFileSync(join(dir, '年报档案.nianbao'), '');
  mkdirSync(join(dir, 'folder.nianbao'));

  it('finds an existing .nianbao file, relative to the launching folder', () => {
    expect(archiveFromArgv(['nianbao-archive.exe', join(dir, '年报档案.nianbao')], '/')).toBe(join(dir, '年报档案.nianbao'));
    expect(archiveFromArgv(['/usr/bin/nianbao-archive', '--no-sandbox', '年报档案.nianbao'], dir)).toBe(join(dir, '年报档案.nianbao'));
    // development: electron . <file>
    expect(archiveFromArgv(['electron', '.', join(dir, '年报档案.nianbao')], '/')).toBe(join(dir, '年报档案.nianbao'));
  });

  it('ignores switches, other files, missing files and folders', () => {
    expect(archiveFromArgv(['app', `--user-data-dir=${dir}/x.nianbao`], dir)).toBeNull();
    expect(archiveFromArgv(['app', join(dir, 'missing.nianbao')], '/')).toBeNull();
    expect(archiveFromArgv(['app', join(dir, 'folder.nianbao')], '/')).toBeNull();
    expect(archiveFromArgv(['app', '/etc/passwd'], '/')).toBeNull();
    expect(archiveFromArgv([join(dir, '年报档案.nianbao')], '/')).toBeNull(); // argv[0] is the executable
  });
});
