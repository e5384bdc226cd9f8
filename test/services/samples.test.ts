// The sample folder the demo and 导入示例 import: only the samples, one per
// process, removed at exit; folders of killed processes removed by the next.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleFolder } from '../../src-main/core/samples.js';

const fakeSeeds = () => {
  const d = mkdtempSync(join(tmpdir(), 'nianbao-fake-seeds-'));
  for (const n of ['001_a.txt', '002_b.txt', '003_c.txt', 'expected.json']) writeFileSync(join(d, n), n);
  return d;
};

describe('sample folder', () => {
  it('holds only the samples; a dead process’s folder is removed, a living one’s kept', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-samples-root-'));
    mkdirSync(join(root, '999999999'));
    mkdirSync(join(root, String(process.ppid)));
    const dir = sampleFolder(fakeSeeds(), root)!;
    expect(dir).toBe(join(root, String(process.pid)));
    expect(readdirSync(dir).sort()).toEqual(['001_a.txt', '003_c.txt']);
    expect(readdirSync(root).sort()).toEqual([String(process.pid), String(process.ppid)].sort());
    expect(sampleFolder(join(root, 'absent'), root)).toBeNull();
  });

  it('is removed when the process exits', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-samples-root-'));
    const mod = resolve(import.meta.dirname, '../../src-main/core/samples.ts');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import(${JSON.stringify(mod)}).then((m) => console.log(m.sampleFolder(${JSON.stringify(fakeSeeds())}, ${JSON.stringify(root)})))`,
      ],
      { encoding: 'utf8', cwd: resolve(import.meta.dirname, '../..') },
    );
    expect(r.status, r.stderr).toBe(0);
    const made = r.stdout.trim();
    expect(made.startsWith(root)).toBe(true);
    expect(existsSync(made)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });
});
