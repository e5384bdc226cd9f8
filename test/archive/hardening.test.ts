// Issue 11 (archive side): read-only commands write nothing, temporary copies
// of live processes survive another process's open, a busy archive and a full
// disk are said in words (and a full disk leaves the archive read-only), stored
// paths are checked, an empty file is never adopted, values are capped.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseArgsFor } from '../../src-main/contract/index.js';
import { AMOUNT_MAX_WAN as MAX_AMOUNT_WAN, COUNT_MAX as MAX_COUNT } from '../../src-main/core/catalogue/index.js';
import { storedPath } from '../../src-main/core/archive/files.js';
import { ArchiveError, openArchive } from '../../src-main/core/archive/index.js';
import { toExportReport } from '../../src-main/core/export/from-archive.js';
import { cli, SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

async function seeded() {
  const dir = tmp('nb-hard-');
  const path = join(dir, 'a.nianbao');
  const a = await openArchive(path, { create: true, workers: 1 });
  await a.importFolder(SEEDS);
  return { dir, path, a };
}

describe.skipIf(!haveSeeds)('read-only commands and temporary copies', () => {
  it("list, show, search, history and agencies change no byte of the archive; another process's temp copies survive every open", async () => {
    const { path, a } = await seeded();
    const id = a.listReports().items[0]!.id;
    a.close();
    const tmpDir = join(`${path}.files`, 'tmp');
    mkdirSync(tmpDir, { recursive: true });
    const live = join(tmpDir, `${'a'.repeat(64)}.${process.ppid}.1234`); // a process that runs
    const dead = join(tmpDir, `${'b'.repeat(64)}.${deadPid()}.5678`);
    writeFileSync(live, 'in flight');
    writeFileSync(dead, 'left by a crash');
    const before = hash(path);
    const mtime = statSync(path).mtimeMs;
    for (const argv of [['list'], ['show', String(id)], ['search', '政府'], ['history', String(id)], ['agencies']]) {
      const r = await cli(...argv, '--archive', path);
      expect(r.code, r.err).toBe(0);
    }
    expect(hash(path)).toBe(before);
    expect(statSync(path).mtimeMs).toBe(mtime);
    expect(existsSync(live) && existsSync(dead)).toBe(true); // read-only: no housekeeping at all
    // A writing command cleans up only the dead process's copy.
    expect((await cli('verify', String(id), '--archive', path)).code).toBe(0);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(dead)).toBe(false);
    const ro = await openArchive(path, { readonly: true });
    expect(() => ro.correct(id, 'requests.new.total', 1)).toThrow(/只读.*read-only/);
    ro.close();
  });

  it('a write the other process holds too long fails with the busy message, not "database is locked"', async () => {
    const { path, a } = await seeded();
    const id = a.listReports().items[0]!.id;
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    a.db.pragma('busy_timeout = 20'); // the archive waits 10 s by default; this test need not
    let err: unknown;
    try {
      a.correct(id, 'requests.new.total', 5);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArchiveError);
    expect((err as ArchiveError).code).toBe('locked');
    expect((err as Error).message).toMatch(/^档案库正被另一个窗口或程序使用.*in use by another window or program/);
    other.exec('ROLLBACK');
    other.close();
    expect(a.correct(id, 'requests.new.total', 5).values['requests.new.total']).toBe(5); // free again: it works
    expect(a.readonly).toBe(false);
    a.close();
  });

  it('a full disk is said as such and leaves the archive read-only, with nothing half-written', async () => {
    const { a } = await seeded();
    const id = a.listReports().items[0]!.id;
    const before = a.getReport(id).values['requests.new.total'];
    // SQLite's own "disk full": the database may not grow by another page.
    a.db.pragma(`max_page_count = ${a.db.pragma('page_count', { simple: true }) as number}`);
    let err: unknown;
    try {
      a.correct(id, 'requests.new.total', 7, 'x'.repeat(200_000));
    } catch (e) {
      err = e;
    }
    expect((err as ArchiveError).code).toBe('full');
    expect((err as Error).message).toMatch(/^磁盘已满：档案库已改为只读.*disk is full: the archive is now read-only/);
    expect(a.readonly).toBe(true);
    expect(a.getReport(id).values['requests.new.total']).toBe(before); // rolled back whole
    expect(a.history(id).length).toBe(0);
    expect(() => a.verify(id)).toThrow(/磁盘已满/); // stays read-only, refused at once
    await expect(a.importFolder(SEEDS)).rejects.toThrow(/磁盘已满/);
    expect(a.integrityCheck()).toBe('ok');
    a.close();
  });
});

describe.skipIf(!haveSeeds)('stored paths and files that are not archives', () => {
  it('storedPath takes only a SHA-256 and stays inside the files folder', () => {
    const sha = 'ab'.repeat(32);
    expect(storedPath('/x/a.nianbao.files', sha)).toBe(join('/x/a.nianbao.files', 'ab', sha.slice(2)));
    for (const bad of ['../../../../readme.bat'.padEnd(64, 'a'), 'AB'.repeat(32), 'ab'.repeat(31), `${'ab'.repeat(31)}/.`, ''])
      expect(() => storedPath('/x/a.nianbao.files', bad), bad).toThrow(/不是可用的档案库文件.*not a SHA-256/);
  });

  it('the archive refuses a crafted sha256 (migration triggers) and an infinite value', async () => {
    const { a } = await seeded();
    const row = a.db.prepare('SELECT id, sha256 FROM files LIMIT 1').get() as { id: number; sha256: string };
    expect(() => a.db.prepare('UPDATE files SET sha256 = ? WHERE id = ?').run('../../x.bat'.padEnd(64, '0'), row.id)).toThrow(/64 lowercase hex/);
    expect(() =>
      a.db.prepare("INSERT INTO files (sha256, name, original_path, size, imported_at) VALUES (?, 'x', '/x', 1, 'now')").run('F'.repeat(64)),
    ).toThrow(/64 lowercase hex/);
    expect(() => a.db.prepare('UPDATE cells SET value = ?').run(Infinity)).toThrow(/finite/);
    // A crafted archive without the trigger: the path is still refused on reading.
    a.db.exec('DROP TRIGGER files_sha256_update');
    a.db.prepare('UPDATE files SET sha256 = ? WHERE id = ?').run('../../x.bat'.padEnd(64, '0'), row.id);
    const rep = a.db.prepare('SELECT id FROM reports WHERE file_id = ?').get(row.id) as { id: number };
    expect(() => a.originalPath(rep.id)).toThrow(/not a SHA-256/);
    a.close();
  });

  it('an empty file of any name is not adopted as an archive, and is left as it was', async () => {
    const dir = tmp('nb-empty-');
    for (const name of ['notes.txt', 'empty.nianbao']) {
      const p = join(dir, name);
      writeFileSync(p, '');
      await expect(openArchive(p, { create: true })).rejects.toThrow(/不是可用的档案库文件.*empty file, not an archive/);
      expect(statSync(p).size).toBe(0);
      expect(existsSync(`${p}.files`)).toBe(false);
    }
  });
});

describe.skipIf(!haveSeeds)('value caps', () => {
  it('a count is whole and at most 1e9, an amount at most 1e12 万元: in the correction check and the contract', async () => {
    const { a } = await seeded();
    const id = a.listReports({ agency: '广州市商务局' }).items[0]!.id;
    const count = 'requests.new.total';
    const wan = Object.keys(a.getReport(id).values).find((f) => f.endsWith('_wan')) ?? null;
    expect(wan).not.toBeNull();
    expect(a.correct(id, count, MAX_COUNT).values[count]).toBe(1e9);
    for (const v of [1e308, MAX_COUNT + 1, -1]) expect(() => a.correct(id, count, v), String(v)).toThrow(ArchiveError);
    expect(() => a.correct(id, count, 1e308)).toThrow(/超出合理范围/);
    if (wan) {
      expect(a.correct(id, wan, MAX_AMOUNT_WAN).values[wan]).toBe(1e12);
      expect(() => a.correct(id, wan, MAX_AMOUNT_WAN * 10)).toThrow(/超出合理范围/);
    }
    expect(a.getReport(id).values[count]).toBe(1e9); // the refused ones changed nothing
    a.close();
    const ok = parseArgsFor('cells.correct', { id: 1, field: count, value: 1e9 });
    expect(ok.value).toBe(1e9);
    for (const value of [1e308, 1e9 + 1, 2.5, Infinity])
      expect(() => parseArgsFor('cells.correct', { id: 1, field: count, value }), String(value)).toThrow(/value: expected/);
  });

  it('an infinite value left by an older version is exported blank and flagged, never as Infinity', () => {
    const d = {
      id: 9,
      year: 2020,
      template: '2019',
      agency: '某局',
      region3: { province: null, city: null, county: null },
      status: 'flagged',
      values: { 'requests.new.total': Infinity, 'requests.total.total': 3 },
      corrected: [],
      original: {},
      flags: [{ kind: 'rule', fields: ['requests.total.total'], message: 'm', rule: 'R2', expected: Infinity, found: 3, resolved: false, accepted: null }],
      source: { name: 'x.txt', sha256: 'a'.repeat(64), format: 'txt', importedAt: '' },
      format: 'txt',
      file: 'x.txt',
      extractorVersion: '1',
    };
    const r = toExportReport({ history: () => [] } as never, d as never);
    if (typeof r === 'string') throw new Error(r);
    expect(r.values['requests.new.total']).toBeNull();
    expect(r.values['requests.total.total']).toBe(3);
    expect(r.flags.find((f) => f.rule === 'R2')!.expected).toBeUndefined();
    expect(r.flags.at(-1)).toMatchObject({ kind: 'unparseable', fields: ['requests.new.total'], status: 'open' });
    expect(JSON.stringify(r)).not.toMatch(/Infinity/);
  });
});
