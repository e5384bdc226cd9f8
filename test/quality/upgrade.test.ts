// An archive at schema 0012 (band rows indexed by report, with a foreign key)
// holding a copied_text flag accepted as 情况属实 with a note, opened by this
// version (0013: the band table rebuilt, found by key only): every band row,
// flag and acceptance kept, and the bands written before the upgrade still
// find a copy imported after it.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptFlag } from '../../src-main/core/archive/accepts.js';
import { openDatabase, type DB } from '../../src-main/core/archive/db.js';
import { refreshDerived } from '../../src-main/core/archive/derived.js';
import { openArchive } from '../../src-main/core/archive/index.js';
import { MIGRATIONS } from '../../src-main/core/archive/migrations/index.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import { seedExtraction, tmp } from '../archive/helpers.js';
import { haveSeeds } from '../seeds.js';
import { GUANGZHOU, NANSHA, quality, seedText } from './helpers.js';

/** The 2020 report re-dated as a 2021 one (as checks.test.ts): every year moved on by one, nothing else changed. */
const copyForward = (t: string) =>
  t
    .replace(/2021/g, '2022')
    .replace(/2020/g, '2021')
    .replace(/2019/g, '2020')
    .replace(/二〇二〇/g, '二〇二一');

function put(db: DB, text: string, over: { year?: number; agency?: string; publishedAt?: string }): number {
  const sha256 = createHash('sha256').update(text).digest('hex');
  return db.transaction(() => {
    const fileId = insertFile(
      db,
      { sha256, name: `${sha256.slice(0, 8)}.txt`, originalPath: `/old/${sha256}.txt`, size: text.length, mtime: null, format: 'txt', text },
      null,
    );
    const { reportId } = insertReport(db, fileId, { ...seedExtraction(GUANGZHOU), ...over }, 'test-1');
    refreshDerived(db, [reportId]);
    return reportId;
  })();
}

const NOTE = '经核对，2021年报告确系沿用上年文字';

describe.skipIf(!haveSeeds)('upgrade of the copied_text band table (0012 → 0013)', () => {
  it('keeps band rows, copied_text flags and their acceptance; the old bands still find a new copy', async () => {
    const p = join(tmp('nb-quality-up-'), 'a.sqlite');
    const at12 = MIGRATIONS.findIndex((m) => m.name.startsWith('0013_'));
    expect(at12).toBe(12);
    const old = openDatabase(p, { create: true, migrations: MIGRATIONS.slice(0, at12) });
    expect(old.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'quality_bands_report'").get()).toEqual({ n: 1 });
    const y2020 = put(old, seedText(GUANGZHOU), { publishedAt: '2021-01-30' });
    const y2021 = put(old, copyForward(seedText(GUANGZHOU)), { year: 2021, publishedAt: '2022-01-30' });
    const flagsOf = (db: DB) =>
      db.prepare("SELECT id, report_id, kind, fields, resolved, detail FROM flags WHERE source = 'quality' AND kind = 'copied_text' ORDER BY id").all() as {
        id: number;
        resolved: number;
        fields: string;
      }[];
    const before = flagsOf(old);
    expect(before.map((f) => f.fields)).toEqual(['["section.1"]', '["section.5"]', '["section.6"]']);
    acceptFlag(old, y2021, before[1]!.id, NOTE);
    const bandsOf = (db: DB) => db.prepare('SELECT band, report_id, section FROM quality_bands ORDER BY band, report_id, section').all();
    const bands = bandsOf(old);
    expect(bands.length).toBe(96); // two reports × 16 bands × sections 一, 五, 六
    const accepted = flagsOf(old);
    expect(accepted[1]!.resolved).toBe(1);
    old.close();

    const a = await openArchive(p);
    try {
      expect(a.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(a.db.prepare("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'quality_bands_report'").get()).toEqual({ n: 0 });
      expect(bandsOf(a.db)).toEqual(bands);
      expect(flagsOf(a.db)).toEqual(accepted);
      const shown = () => quality(a, y2021).find((f) => f.id === before[1]!.id);
      expect(shown()).toMatchObject({ kind: 'copied_text', fields: ['section.5'], resolved: true, accepted: { note: NOTE } });
      // re-checked with the new code: the same flags, the acceptance kept
      a.recheckQuality();
      expect(flagsOf(a.db)).toEqual(accepted);
      expect(shown()).toMatchObject({ kind: 'copied_text', fields: ['section.5'], resolved: true, accepted: { note: NOTE } });
      // another agency's copy of the 2020 report: found only through the band rows written before the upgrade
      const other = put(a.db, `${seedText(GUANGZHOU)}\n\n`, { agency: '某市商务局', publishedAt: '2021-02-20' });
      const found = quality(a, other).filter((f) => f.kind === 'copied_text');
      expect(found.map((f) => f.fields[0])).toEqual(['section.1', 'section.5', 'section.6']);
      for (const f of found) expect(f.detail).toMatchObject({ otherId: y2020, sameAgency: 0, percent: 100 });
      // a changed text replaces its band rows, deleted by the keys of the stored signatures: none left under the old keys
      const keysOf = (id: number) => (a.db.prepare('SELECT band FROM quality_bands WHERE report_id = ? ORDER BY band').pluck().all(id) as number[]).join();
      const was = keysOf(other);
      expect(was.split(',').length).toBe(48);
      a.db.prepare('UPDATE file_text SET text = ? WHERE file_id = (SELECT file_id FROM reports WHERE id = ?)').run(seedText(NANSHA), other);
      a.recheckQuality([other]);
      const now = keysOf(other).split(',');
      expect(now.length).toBeGreaterThan(16);
      expect(now.filter((k) => was.split(',').includes(k))).toEqual([]);
      expect(quality(a, other).filter((f) => f.kind === 'copied_text')).toEqual([]);
      expect(a.integrityCheck()).toBe('ok');
      expect(a.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      a.close();
    }
  });
});
