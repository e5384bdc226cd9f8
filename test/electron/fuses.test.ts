// scripts/check-fuses.mjs, run by the release workflow on the packaged
// executable: it must refuse a stock Electron and accept one whose fuses were
// flipped as electron-builder.yml asks (flipped here with @electron/fuses, the
// module electron-builder itself uses, on a stand-in binary carrying a fuse wire).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fuses = require('@electron/fuses') as {
  flipFuses(path: string, config: Record<string, unknown>): Promise<number>;
  FuseV1Options: Record<string, number>;
};
const yaml = require('js-yaml') as { load(s: string): unknown };
const ROOT = new URL('../../', import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function standIn(): string {
  // as in a stock Electron build (defaults of each fuse, in FuseV1Options order)
  const wire = Buffer.from('10110001');
  const file = join(mkdtempSync(join(tmpdir(), 'nianbao-fuses-')), 'nianbao-archive');
  writeFileSync(file, Buffer.concat([Buffer.from('\x7fELF…padding…'), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from('…rest')]));
  return file;
}
const check = (exe: string) => spawnSync(process.execPath, ['scripts/check-fuses.mjs', exe], { cwd: ROOT, encoding: 'utf8' });

describe('check-fuses (release workflow)', () => {
  it('refuses a stock Electron: run-as-node, NODE_OPTIONS and --inspect still on', () => {
    const r = check(standIn());
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RunAsNode is on, electron-builder.yml wants off');
    expect(r.stderr).toContain('EnableNodeOptionsEnvironmentVariable is on, electron-builder.yml wants off');
    expect(r.stderr).toContain('EnableNodeCliInspectArguments is on, electron-builder.yml wants off');
    expect(r.stderr).toContain('OnlyLoadAppFromAsar is off, electron-builder.yml wants on');
    expect(r.stderr).toContain('EnableEmbeddedAsarIntegrityValidation is off, electron-builder.yml wants on');
  });

  it('accepts the executable once the fuses are flipped as electron-builder.yml asks', async () => {
    const exe = standIn();
    const wanted = (yaml.load(readFileSync(new URL('electron-builder.yml', ROOT), 'utf8')) as { electronFuses: Record<string, boolean> }).electronFuses;
    const config: Record<string, unknown> = { version: '1' };
    for (const [k, v] of Object.entries(wanted)) config[fuses.FuseV1Options[k[0]!.toUpperCase() + k.slice(1)]!] = v;
    expect(await fuses.flipFuses(exe, config)).toBe(1);
    const r = check(exe);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('RunAsNode: off');
    expect(r.stdout).toContain('EnableEmbeddedAsarIntegrityValidation: on');
    expect(r.stdout).toContain('match electron-builder.yml');
  });
});
