// The migration guard: files and their inlined copy agree; an archive from a
// newer version, or whose record does not match, is refused and left untouched.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openDatabase, SCHEMA_VERSION } from '../../src-main/core/archive/db.js';
import { openArchive } from '../../src-main/core/archive/index.js';
import { MIGRATIONS } from '../../src-main/core/archive/migrations/index.js';
import { sha256File, tmp } from './helpers.js';

const DIR = new URL('../../src-main/core/archive/migrations/', import.meta.url).pathname;

async function made(): Promise<string> {
  const p = join(tmp(), 'a.sqlite');
  (await openArchive(p, { create: true })).close();
  return p;
}

describe('migrations', () => {
  it('index.ts inlines exactly the .sql files, in order (run generate.ts after editing one)', () => {
    const files = readdirSync(DIR)
      .filter((f) => /^\d{4}_.*\.sql$/.test(f))
      .sort();
    expect(MIGRATIONS.map((m) => `${m.name}.sql`)).toEqual(files);
    for (const m of MIGRATIONS) expect(m.sql).toBe(readFileSync(join(DIR, `${m.name}.sql`), 'utf8'));
    expect(readFileSync(join(DIR, 'schema.sql'), 'utf8')).toContain('CREATE TABLE cells');
  });

  it('records each applied migration with its checksum, WAL and foreign keys on', async () => {
    const p = await made();
    const db = new Database(p, { readonly: true });
    expect(db.prepare('SELECT name, length(checksum) AS n FROM schema_migrations').all()).toEqual(MIGRATIONS.map((m) => ({ name: m.name, n: 64 })));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const a = openDatabase(p);
    expect(a.pragma('foreign_keys', { simple: true })).toBe(1);
    a.close();
  });

  it('refuses an archive made by a newer version, without modifying it', async () => {
    const p = await made();
    const db = new Database(p);
    db.prepare("INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (99, '0099_future', 'x', 'now')").run();
    db.pragma(`user_version = 99`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha256File(p);
    await expect(openArchive(p)).rejects.toThrow(/newer version/);
    expect(sha256File(p)).toBe(before);
  });

  it('refuses an archive whose migration record does not match the files, without modifying it', async () => {
    const p = await made();
    const db = new Database(p);
    db.prepare("UPDATE schema_migrations SET checksum = 'deadbeef' WHERE name = '0001_init'").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha256File(p);
    await expect(openArchive(p)).rejects.toThrow(/does not match/);
    expect(sha256File(p)).toBe(before);
    // and a build whose migration text differs refuses an archive made by this one
    const q = await made();
    const h = sha256File(q);
    expect(() => openDatabase(q, { migrations: [{ name: '0001_init', sql: MIGRATIONS[0]!.sql + '\n-- changed' }, ...MIGRATIONS.slice(1)] })).toThrow(
      /does not match/,
    );
    expect(sha256File(q)).toBe(h);
  });

  it('refuses other SQLite files and non-databases, and a missing archive unless asked to create', async () => {
    const dir = tmp();
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const h = sha256File(other);
    await expect(openArchive(other)).rejects.toThrow(/not a Nianbao archive/);
    expect(sha256File(other)).toBe(h);
    writeFileSync(join(dir, 'junk.sqlite'), 'hello, not a database at all'.repeat(100));
    await expect(openArchive(join(dir, 'junk.sqlite'))).rejects.toThrow(/not a readable archive|cannot open/);
    await expect(openArchive(join(dir, 'missing.sqlite'))).rejects.toThrow(/no archive/);
  });

  it('applies a pending migration to an older archive and records it', async () => {
    const p = join(tmp(), 'old.sqlite');
    openDatabase(p, { create: true }).close();
    const next = [...MIGRATIONS, { name: '0002_test', sql: 'CREATE TABLE extra (x INTEGER);' }];
    const db = openDatabase(p, { migrations: next });
    expect((db.prepare('SELECT name FROM schema_migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name)).toEqual(next.map((m) => m.name));
    expect(db.pragma('user_version', { simple: true })).toBe(next.length);
    db.close();
    // the current version now refuses it: it was made by a newer one
    await expect(openArchive(p)).rejects.toThrow(/newer version/);
  });
});
