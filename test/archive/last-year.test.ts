// Compare with last year: the same agency's report of the year before, cell by
// cell in the catalogue's order, differing cells marked; none for a first year.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openArchive } from '../../src-main/core/archive/index.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import { seedExtraction, seedFile, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const SEED = '002_3c51f0ab0323fab2.txt'; // 广州市商务局 2020

describe.skipIf(!haveSeeds)('compare with last year', () => {
  it('pairs 2020 with 2019 and marks the cells that changed', async () => {
    const a = await openArchive(join(tmp(), 'a.sqlite'), { create: true, workers: 1 });
    const ex = seedExtraction(SEED);
    const { reportId: cur } = a.db.transaction(() => insertReport(a.db, insertFile(a.db, seedFile(SEED, ex), null), ex, 'test-1'))();
    expect(a.lastYear(cur)).toEqual({ previous: null, cells: [], differing: 0 });
    const old = { ...seedExtraction(SEED), year: 2019, values: { ...ex.values, 'requests.new.total': 99, 'requests.granted.person': 1234 } };
    const file = { ...seedFile(SEED, old), sha256: 'a'.repeat(64), name: 'old.txt' };
    const { reportId: prev } = a.db.transaction(() => insertReport(a.db, insertFile(a.db, file, null), old, 'test-1'))();
    const c = a.lastYear(cur);
    expect(c.previous).toMatchObject({ id: prev, year: 2019 });
    expect(c.differing).toBe(2);
    expect(c.cells.filter((x) => x.differs).map((x) => [x.field, x.current, x.previous])).toEqual([
      ['requests.new.total', ex.values['requests.new.total'], 99],
      ['requests.granted.person', ex.values['requests.granted.person'], 1234],
    ]);
    expect(c.cells.length).toBe(Object.keys(ex.values).length);
    // corrections win: correcting 2020 to last year's value removes the difference
    a.correct(cur, 'requests.new.total', 99);
    expect(a.lastYear(cur).differing).toBe(1);
    // the 2019 report has no year before it
    expect(a.lastYear(prev).previous).toBeNull();
    a.close();
  });
});
