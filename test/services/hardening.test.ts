// Issue 11 (services side): archive.open makes only *.nianbao files in an
// existing folder, is refused while a job runs, and in the desktop app an
// export goes only to a folder the user picked in the dialog.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import type { ArchivePort } from '../../src-main/services/port.js';
import { haveSeeds, SEEDS } from '../seeds.js';

describe.skipIf(!haveSeeds)('archive.open', () => {
  it('creates only *.nianbao in an existing folder, never over a non-archive, and adopts no empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-open-'));
    const s = await createServices({ openArchive: openArchivePort, bridge: 'web' });
    await expect(s.call('archive.open', { path: join(dir, 'evil.bat'), create: true })).rejects.toThrow(/须以 \.nianbao 结尾.*does not end in \.nianbao/);
    await expect(s.call('archive.open', { path: join(dir, 'no', 'such', 'x.nianbao'), create: true })).rejects.toThrow(/须以 \.nianbao 结尾.*no folder/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
    writeFileSync(join(dir, 'empty.nianbao'), '');
    await expect(s.call('archive.open', { path: join(dir, 'empty.nianbao'), create: true })).rejects.toThrow(/empty file, not an archive/);
    writeFileSync(join(dir, 'notes.txt'), '');
    await expect(s.call('archive.open', { path: join(dir, 'notes.txt'), create: false })).rejects.toThrow(/empty file/);
    expect(readdirSync(dir).sort()).toEqual(['empty.nianbao', 'notes.txt']);
    const info = await s.call('archive.open', { path: join(dir, 'new.nianbao'), create: true });
    expect(info.path).toBe(join(dir, 'new.nianbao'));
    await s.close();
  });

  it('is refused while a job runs on the open archive (it would close the database under the job)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-open-'));
    const s = await createServices({ openArchive: openArchivePort, archivePath: join(dir, 'a.nianbao'), bridge: 'web' });
    const { jobId } = await s.call('import.start', { folder: SEEDS });
    await expect(s.call('archive.open', { path: join(dir, 'b.nianbao'), create: true })).rejects.toThrow(/档案库正忙.*a job is running/);
    expect((await s.jobs.wait(jobId))?.status).toBe('done');
    expect((await s.call('archive.info', {}))?.reports).toBe(5);
    expect((await s.call('archive.open', { path: join(dir, 'b.nianbao'), create: true })).reports).toBe(0);
    await s.close();
  });
});

describe.skipIf(!haveSeeds)('desktop export folders', () => {
  it('writes only into a folder chosen in the dialog, never one typed into the page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-exp-'));
    const picked = join(dir, 'picked');
    const port = {
      path: '/a.nianbao',
      close() {},
      info: () => ({ path: '/a.nianbao', reports: 0, agencies: 0, years: [], flagged: 0, verified: 0 }),
      exportFiles: async () => ({ files: [], reports: 0 }),
    };
    const s = await createServices({
      openArchive: async () => port as unknown as ArchivePort,
      archivePath: '/a.nianbao',
      host: { chooseFolder: async () => picked },
      bridge: 'electron',
    });
    await expect(s.call('export.start', { years: [2020], format: 'xlsx', folder: join(dir, 'typed') })).rejects.toThrow(/folder dialog/);
    expect((await s.call('export.chooseFolder', {})).path).toBe(picked);
    const { jobId } = await s.call('export.start', { years: [2020], format: 'xlsx', folder: picked });
    expect((await s.jobs.wait(jobId))?.status).toBe('done');
    await s.close();
  });
});
