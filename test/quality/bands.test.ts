// copied_text's LSH band look-up over the archive: one statement for a
// report's bands, and a bucket too full to be a copy (common text) left out
// without losing the copy the other bands find.
import { describe, expect, it } from 'vitest';
import { haveSeeds } from '../seeds.js';
import { add, archive, GUANGZHOU, quality, seedText } from './helpers.js';

describe.skipIf(!haveSeeds)('copied_text band look-up', () => {
  it('another agency’s copy is found through the bands, also when one of its buckets holds thousands of rows', async () => {
    const a = await archive();
    const first = add(a, GUANGZHOU, undefined, { publishedAt: '2021-01-30' });
    const bands = a.db.prepare('SELECT band, section FROM quality_bands WHERE report_id = ? ORDER BY section, band').all(first) as {
      band: number;
      section: number;
    }[];
    expect(bands.length).toBe(48); // 16 bands × sections 一, 五, 六
    // one bucket of section 一 made common: 2 500 rows of reports that are not in the archive (foreign keys off for the fixture only)
    a.db.pragma('foreign_keys = OFF');
    const ins = a.db.prepare('INSERT INTO quality_bands (band, report_id, section) VALUES (?, ?, ?)');
    a.db.transaction(() => {
      for (let i = 0; i < 2500; i++) ins.run(bands[0]!.band, 1_000_000 + i, bands[0]!.section);
    })();
    a.db.pragma('foreign_keys = ON');
    const copy = add(a, GUANGZHOU, `${seedText(GUANGZHOU)}\n\n`, { agency: '某市商务局', publishedAt: '2021-02-20' });
    const found = quality(a, copy).filter((f) => f.kind === 'copied_text');
    expect(found.map((f) => f.fields[0])).toEqual(['section.1', 'section.5', 'section.6']);
    for (const f of found) expect(f.detail).toMatchObject({ otherId: first, sameAgency: 0, percent: 100 });
    // the same year, two agencies: both are flagged
    expect(quality(a, first).filter((f) => f.kind === 'copied_text').length).toBe(3);
    a.close();
  });
});
