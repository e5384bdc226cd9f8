// Verification with care: the archive's reviewer name (set once, kept in
// the archive) is written on corrections, acceptances and verifications, and
// a change after 已核实 reopens the report with an entry saying so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import { REOPENED_NOTE } from '../../src-main/core/archive/checks.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import { seedExtraction, seedFile, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const SEED = '002_3c51f0ab0323fab2.txt';

describe.skipIf(!haveSeeds)('reviewer name and reopening a verified report', () => {
  it('records who, and logs the reopening', async () => {
    const path = join(tmp(), 'a.sqlite');
    let a = await openArchive(path, { create: true, workers: 1 });
    const ex = seedExtraction(SEED);
    const { reportId: id } = a.db.transaction(() => insertReport(a.db, insertFile(a.db, seedFile(SEED, ex), null), ex, 'test-1'))();
    expect(a.reviewer()).toBeNull();
    a.correct(id, 'requests.granted.person', 4, 'before a name');
    a.undo(id);
    a.setReviewer('  张三 ');
    expect(a.reviewer()).toBe('张三');
    a.close();
    a = await openArchive(path, { workers: 1 });
    expect(a.reviewer()).toBe('张三'); // stored in the archive
    a.correct(id, 'requests.granted.person', 4, '核对原件');
    const flag = a.getReport(id).flags.find((f) => f.rule === 'R3' && !f.resolved)!;
    a.acceptFlag(id, flag.id, '原文如此');
    a.setReviewer('李四');
    a.undo(id); // back to the printed value: the report adds up again
    a.verify(id, true);
    expect(a.getReport(id).status).toBe('verified');
    // a later change reopens it: the log says so, with who
    a.correct(id, 'requests.granted.person', 5);
    expect(a.getReport(id).status).not.toBe('verified');
    const h = a.history(id);
    const who = h.map((e) => [e.kind, e.field, e.reviewer ?? null]);
    expect(who[0]).toEqual(['set', 'requests.granted.person', null]);
    expect(who).toContainEqual(['set', 'requests.granted.person', '张三']);
    expect(who).toContainEqual(['accept', 'flag.R3', '张三']);
    expect(who).toContainEqual(['undo', 'requests.granted.person', '李四']);
    const status = h.filter((e) => e.field === 'meta.status');
    expect(status).toHaveLength(2);
    expect(status[0]).toMatchObject({ to: 'verified', reviewer: '李四' });
    expect(status[1]).toMatchObject({ from: 'verified', to: a.getReport(id).status, reviewer: '李四' });
    expect(status[1]!.note).toBe(REOPENED_NOTE);
    // clearing the name: later entries carry none
    a.setReviewer('');
    expect(a.reviewer()).toBeNull();
    a.close();
  });
});
