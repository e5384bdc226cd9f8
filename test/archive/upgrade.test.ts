// An archive made by the first release (schema 0001–0002: search over the raw
// text, flag ids reusable) opened by this version: its data is kept, search
// is rebuilt over the normalised form, and flag ids are no longer reused.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/archive/db.js';
import { openArchive } from '../../src-main/core/archive/index.js';
import { MIGRATIONS } from '../../src-main/core/archive/migrations/index.js';
import { backlog } from '../../src-main/core/archive/search-index.js';
import { tmp } from './helpers.js';

describe('upgrade from schema 2', () => {
  it('keeps reports and flags, indexes the normalised text, never reuses a flag id', async () => {
    const p = join(tmp(), 'old.sqlite');
    const old = openDatabase(p, { create: true, migrations: MIGRATIONS.slice(0, 2) });
    const text = '廣州市商務(wù)局2020年政府信息公開工作年度報告';
    old.exec(
      `INSERT INTO files (id, sha256, name, original_path, size, format, imported_at) VALUES (7, '${'a'.repeat(64)}', 'gz.txt', '/src/gz.txt', 10, 'txt', 'x')`,
    );
    old.prepare('INSERT INTO file_text (file_id, text) VALUES (7, ?)').run(text);
    old.prepare('INSERT INTO file_fts (rowid, text) VALUES (7, ?)').run(text);
    old.exec(`INSERT INTO agencies (id, name, created_at) VALUES (1, '广州市商务局', 'x');
      INSERT INTO agency_aliases (alias, agency_id) VALUES ('广州市商务局', 1);
      INSERT INTO reports (id, file_id, agency_id, year, template, status, open_flags, extractor_version, extracted_at, created_at)
        VALUES (3, 7, 1, 2020, '2019', 'flagged', 2, '1.0.0', 'x', 'x');
      INSERT INTO flags (id, report_id, source, kind, fields, message, rule, expected, found) VALUES
        (41, 3, 'rules', 'rule', '["requests.total.other"]', 'R3', 'R3', 14, 13),
        (42, 3, 'extract', 'incomplete_row', '["requests.granted"]', 'incomplete', NULL, NULL, NULL);`);
    old.close();

    const a = await openArchive(p);
    try {
      expect(a.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(a.db.prepare('SELECT id, kind, expected, found FROM flags ORDER BY id').all()).toEqual([
        { id: 41, kind: 'rule', expected: 14, found: 13 },
        { id: 42, kind: 'incomplete_row', expected: null, found: null },
      ]);
      // the search form was computed and indexed on opening
      expect(backlog(a.db)).toBe(0);
      expect(a.search('广州市商务局').map((h) => h.id)).toEqual([3]);
      expect(a.search('政府信息公开').map((h) => h.id)).toEqual([3]);
      expect(a.reportText(3).text).toBe(text); // the original text is untouched
      // a freed id is not handed out again
      a.db.prepare('DELETE FROM flags WHERE id = 42').run();
      const next = a.db.prepare("INSERT INTO flags (report_id, source, kind, message) VALUES (3, 'rules', 'rule', 'x')").run().lastInsertRowid;
      expect(Number(next)).toBe(43);
      expect(a.integrityCheck()).toBe('ok');
    } finally {
      a.close();
    }
  });
});
