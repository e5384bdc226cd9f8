// Accepting one flag as printed (原文如此): on the seed 广州市商务局 2020
// read with 依申请公开 总计 · 其他组织 printed as 0 instead of 1, so the
// 总计 row adds up to 13 while its 总计 column says 14 (R3), and the 其他组织
// column fails R1 and R2 with it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive, type Archive, type StoredFlag } from '../../src-main/core/archive/index.js';
import { insertFile, insertReport, replaceExtraction } from '../../src-main/core/archive/store.js';
import { seedExtraction, seedFile, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const SEED = '002_3c51f0ab0323fab2.txt';
const printed = () => {
  const ex = seedExtraction(SEED);
  return { ...ex, values: { ...ex.values, 'requests.total.other_org': 0 } };
};

async function fresh(): Promise<{ a: Archive; id: number }> {
  const a = await openArchive(join(tmp(), 'a.sqlite'), { create: true, workers: 1 });
  const ex = printed();
  const { reportId } = a.db.transaction(() => insertReport(a.db, insertFile(a.db, seedFile(SEED, ex), null), ex, 'test-1'))();
  return { a, id: reportId };
}

const r3 = (flags: StoredFlag[]) => flags.filter((f) => f.rule === 'R3');
// Quality findings (质量问题, test/quality) are apart from these extraction and rule flags.
const open = (flags: StoredFlag[]) => flags.filter((f) => !f.resolved && f.source !== 'quality');

describe.skipIf(!haveSeeds)('flag acceptance (原文如此)', () => {
  it('accepting takes the flag out of the open count; all accepted → unreviewed; a different failure reopens it', async () => {
    const { a, id } = await fresh();
    let r = a.getReport(id);
    expect(r.status).toBe('flagged');
    expect(r.flagCount).toBe(3);
    expect(
      open(r.flags)
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['R1', 'R2', 'R3']);
    const flag = r3(r.flags)[0]!;
    expect(flag).toMatchObject({ expected: 14, found: 13, resolved: false, accepted: null });

    r = a.acceptFlag(id, flag.id, '原件即如此，总计14而分项合计13');
    expect(r.flagCount).toBe(2);
    expect(r.status).toBe('flagged');
    expect(r3(r.flags)[0]).toMatchObject({ resolved: true, accepted: { note: '原件即如此，总计14而分项合计13' } });
    expect(r3(r.flags)[0]!.accepted!.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(a.listReports({ flaggedOnly: true }).items.find((x) => x.id === id)?.flagCount).toBe(2);

    for (const f of open(r.flags)) r = a.acceptFlag(id, f.id, null);
    expect(r.flagCount).toBe(0);
    expect(r.status).toBe('unreviewed');
    expect(r.flags.every((f) => f.resolved && f.accepted)).toBe(true);

    // 总计 corrected to 15: R3 now fails as 15 vs 13, a different failure: open again (and R1, R2 of the 总计 column join).
    r = a.correct(id, 'requests.total.total', 15, 'test');
    expect(r3(r.flags)[0]).toMatchObject({ expected: 15, found: 13, resolved: false, accepted: null });
    expect(
      open(r.flags)
        .map((f) => `${f.rule}:${f.expected}/${f.found}`)
        .sort(),
    ).toEqual(['R1:15/16', 'R2:15/14', 'R3:15/13']);
    expect(r.status).toBe('flagged');

    // Undone: the same failure as accepted comes back, and its acceptance with it.
    a.undo(id);
    r = a.getReport(id);
    expect(r.flagCount).toBe(0);
    expect(r3(r.flags)[0]).toMatchObject({ expected: 14, found: 13, resolved: true, accepted: { note: '原件即如此，总计14而分项合计13' } });
    a.close();
  });

  it('unaccept reopens; re-extraction keeps the acceptance; history lists both; the log is append-only', async () => {
    const { a, id } = await fresh();
    const flag = r3(a.getReport(id).flags)[0]!;
    a.acceptFlag(id, flag.id, '原文如此');
    let r = a.unacceptFlag(id, flag.id);
    expect(r.flagCount).toBe(3);
    // A flag that fails the same way keeps its id through re-checks.
    expect(r3(r.flags)[0]).toMatchObject({ id: flag.id, resolved: false, accepted: null });
    expect(() => a.unacceptFlag(id, r3(r.flags)[0]!.id)).toThrow(/not accepted/);
    expect(() => a.acceptFlag(id, 999_999)).toThrow(/has no flag 999999/);
    expect(() => a.acceptFlag(999, flag.id)).toThrow(/no report 999/);

    r = a.acceptFlag(id, r3(r.flags)[0]!.id, '核对原件：原文如此');
    expect(r.flagCount).toBe(2);
    // Re-extraction deletes and rewrites the flags; the same failure comes back accepted.
    const out = a.db.transaction(() => replaceExtraction(a.db, id, printed(), 'test-2'))();
    expect(out).toEqual({ changed: false, conflicts: 0 });
    r = a.getReport(id);
    expect(r.extractorVersion).toBe('test-2');
    expect(r.flagCount).toBe(2);
    expect(r3(r.flags)[0]).toMatchObject({ expected: 14, found: 13, resolved: true, accepted: { note: '核对原件：原文如此' } });
    // A re-extraction that reads the 总计 row right: no R3 failure, nothing left to accept.
    a.db.transaction(() => replaceExtraction(a.db, id, seedExtraction(SEED), 'test-3'))();
    r = a.getReport(id);
    expect(r.flags).toEqual([]);
    expect(r.status).toBe('unreviewed');

    const h = a.history(id);
    expect(h.map((e) => e.kind)).toEqual(['accept', 'unaccept', 'accept']);
    expect(h[0]).toMatchObject({ field: 'flag.R3', note: '原文如此', flag: { source: 'rules', kind: 'rule', rule: 'R3', expected: 14, found: 13 } });
    expect(h[0]!.flag!.fields).toContain('requests.total.total');
    expect(h[1]!.target).toBe(h[0]!.id);
    expect(h[2]!.note).toBe('核对原件：原文如此');
    // Per field: the entries of flags that concern it.
    expect(a.history(id, 'requests.total.total').map((e) => e.kind)).toEqual(['accept', 'unaccept', 'accept']);
    expect(a.history(id, 'active.rules.made')).toEqual([]);
    expect(() => a.db.prepare('UPDATE flag_accepts SET note = ?').run('x')).toThrow(/append-only/);
    expect(() => a.db.prepare('DELETE FROM flag_accepts').run()).toThrow(/append-only/);
    a.close();
  });

  it('keeps a verified report verified; refuses a flag already fixed by a correction', async () => {
    const { a, id } = await fresh();
    a.verify(id, true);
    const flag = r3(a.getReport(id).flags)[0]!;
    const r = a.acceptFlag(id, flag.id, 'ok');
    expect(r.status).toBe('verified');
    expect(r.flagCount).toBe(2);

    // An extraction flag counts as fixed once its cell is corrected: nothing to accept.
    const b = await fresh();
    const ex = printed();
    ex.flags = [{ kind: 'unparseable', fields: ['requests.new.person'], message: 'cell "l3" is not a number' }];
    const { reportId } = b.a.db.transaction(() =>
      insertReport(b.a.db, insertFile(b.a.db, { ...seedFile(SEED, ex), sha256: 'e'.repeat(64) }, null), ex, 'test-1'),
    )();
    const unp = () => b.a.getReport(reportId).flags.find((f) => f.kind === 'unparseable')!;
    b.a.correct(reportId, 'requests.new.person', b.a.getReport(reportId).values['requests.new.person']!, 'read from the PDF');
    expect(unp().resolved).toBe(true);
    expect(() => b.a.acceptFlag(reportId, unp().id)).toThrow(/already resolved by a correction/);

    // A re-extraction conflict (re-extraction reads 5 where 14 was corrected to 0) accepted, then revoked: open again.
    const reread = { ...ex, values: { ...ex.values, 'requests.new.person': 5 } };
    b.a.correct(reportId, 'requests.new.person', 0, null);
    b.a.db.transaction(() => replaceExtraction(b.a.db, reportId, reread, 'test-2'))();
    const conflict = () => b.a.getReport(reportId).flags.find((f) => f.source === 'archive')!;
    expect(conflict()).toMatchObject({ resolved: false, fields: ['requests.new.person'] });
    expect(conflict().message).toMatch(/reads 5 where 14 was read and corrected to 0/);
    b.a.acceptFlag(reportId, conflict().id, '0 is right');
    expect(conflict()).toMatchObject({ resolved: true, accepted: { note: '0 is right' } });
    b.a.unacceptFlag(reportId, conflict().id);
    expect(conflict()).toMatchObject({ resolved: false, accepted: null });
    a.close();
    b.a.close();
  });
});
