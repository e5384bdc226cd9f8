// Opening an archive: refuse anything we did not make or cannot read
// faithfully (before writing a byte), then apply pending migrations in order.
// Migrations come from migrations/index.ts (generated from the .sql files), so
// source runs (tsx, vitest) and a bundle load them the same way.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.js';
import { archiveMessage, ArchiveError } from './types.js';

export type DB = Database.Database;

/** PRAGMA application_id of a Nianbao archive ('NBA1'). */
export const APPLICATION_ID = 0x4e424131;
export const SCHEMA_VERSION = MIGRATIONS.length;

export const checksum = (m: Migration) => createHash('sha256').update(m.sql).digest('hex');

interface Recorded {
  name: string;
  checksum: string;
}

/** Why this archive must not be opened by this version, or null when it may be. */
function refusal(db: DB, migrations: Migration[]): string | null {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  if (appId !== APPLICATION_ID) {
    if (tables.length === 0) return null; // an empty database: ours to initialise
    return 'this file is an SQLite database but not a Nianbao archive';
  }
  if (!tables.some((t) => t.name === 'schema_migrations')) return 'the archive has no migration record; it is damaged';
  const recorded = db.prepare('SELECT name, checksum FROM schema_migrations ORDER BY id').all() as Recorded[];
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const known = new Map(migrations.map((m) => [m.name, checksum(m)]));
  const unknown = recorded.filter((r) => !known.has(r.name));
  if (unknown.length > 0 || userVersion > migrations.length)
    return `the archive was made by a newer version of Nianbao Archive (schema ${userVersion}, migration ${unknown[0]?.name ?? '?'}); update the application to open it`;
  for (let i = 0; i < recorded.length; i++) {
    const r = recorded[i]!;
    const m = migrations[i];
    if (!m || m.name !== r.name) return `the archive's migration record is out of order at ${r.name}; it was not made by this application`;
    if (known.get(r.name) !== r.checksum)
      return `the archive's migration ${r.name} does not match this version's (checksum differs); it was made by a different build`;
  }
  return null;
}

/** SQLite's "busy"/"locked" and "full" (and the file system's ENOSPC) as the archive's own errors; anything else unchanged. */
export function archiveErrorOf(e: unknown): unknown {
  if (e instanceof ArchiveError) return e;
  const code = String((e as { code?: unknown })?.code ?? '');
  const msg = (e as Error)?.message ?? String(e);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code) || /database is locked|database table is locked/.test(msg))
    return new ArchiveError('locked', archiveMessage('locked', msg));
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || /database or disk is full|ENOSPC|no space left/i.test(msg))
    return new ArchiveError('full', archiveMessage('full', msg));
  return e;
}

/** Run `fn`, turning busy/full errors into ArchiveErrors. */
export function worded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw archiveErrorOf(e);
  }
}

const pending = (db: DB, migrations: Migration[]) => (db.pragma('user_version', { simple: true }) as number) < migrations.length;

export function openDatabase(path: string, opts: { create?: boolean; readonly?: boolean; migrations?: Migration[] } = {}): DB {
  const migrations = opts.migrations ?? MIGRATIONS;
  const exists = existsSync(path);
  if (!exists && !opts.create) throw new ArchiveError('not_found', `no archive at ${path}`, { problem: 'no_archive', path });
  let migrateFirst = false;
  if (exists) {
    // An empty file of any name is not adopted (it may be anything the user picked by mistake).
    if (statSync(path).isFile() && statSync(path).size === 0)
      throw new ArchiveError('refused', archiveMessage('refused', `${path} is an empty file, not an archive`));
    // Check read-only first: a refused archive is never modified.
    let probe: DB;
    try {
      probe = new Database(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new ArchiveError('refused', `cannot open ${path}: ${(e as Error).message}`);
    }
    try {
      probe.pragma('busy_timeout = 10000');
      const why = refusal(probe, migrations);
      if (why) throw new ArchiveError('refused', `${path}: ${why}`);
      migrateFirst = !!opts.readonly && pending(probe, migrations);
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      const w = archiveErrorOf(e);
      if (w instanceof ArchiveError) throw w;
      throw new ArchiveError('refused', `${path} is not a readable archive: ${(e as Error).message}`);
    } finally {
      probe.close();
    }
  } else mkdirSync(dirname(path), { recursive: true });

  // A read-only open of an archive from an older version: bring it up to date once, then read.
  if (migrateFirst) openDatabase(path, { migrations }).close();
  return worded(() => {
    const db = new Database(path, { readonly: !!opts.readonly });
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    if (opts.readonly) return db;
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL in WAL mode: a crash (kill -9) never corrupts or half-applies a transaction.
      db.pragma('synchronous = NORMAL');
      migrate(db, migrations);
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  });
}

function migrate(db: DB, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const done = new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const record = db.prepare('INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  migrations.forEach((m, i) => {
    if (done.has(m.name)) return;
    db.transaction(() => {
      // Another process may have applied it while we waited for the write lock.
      if (db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?').get(m.name)) return;
      db.exec(m.sql);
      record.run(i + 1, m.name, checksum(m), new Date().toISOString());
      db.pragma(`user_version = ${i + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  });
}

const STATEMENTS = new WeakMap<DB, Map<string, Database.Statement>>();
/** SQL for the archive's reviewer name (settings), used inside every INSERT into the review logs. */
export const REVIEWER = "(SELECT value FROM settings WHERE key = 'reviewer')";

/** A prepared statement, compiled once per connection (imports run these thousands of times). */
export function st(db: DB, sql: string): Database.Statement {
  let m = STATEMENTS.get(db);
  if (!m) STATEMENTS.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
