// The library's region filter as a hierarchy (province → city → county):
// the facets list every place of an agency with reports, special zones such
// as 平潭综合实验区 in their province and city, and each level filters exactly
// (朝阳区 of 北京市 is not 朝阳区 of 长春市).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArgsFor } from '../../src-main/contract/index.js';
import { openArchivePort } from '../../src-main/services/adapter.js';
import { createServices } from '../../src-main/services/index.js';
import { SEEDS, seedNames } from '../archive/helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('library region filter (province → city → county)', () => {
  let s: Awaited<ReturnType<typeof createServices>>;
  const tmp = mkdtempSync(join(tmpdir(), 'nb-region-'));
  beforeAll(async () => {
    s = await createServices({ openArchive: openArchivePort, archivePath: join(tmp, 'a.nianbao'), bridge: 'web' });
    const seeds = join(tmp, 'seeds');
    mkdirSync(seeds);
    for (const n of seedNames()) copyFileSync(join(SEEDS, n), join(seeds, n));
    const { jobId } = await s.call('import.start', { folder: seeds });
    expect((await s.jobs.wait(jobId))?.status).toBe('done');
    // 南沙 → a special zone, 西工区 → 北京 朝阳区, 湛江 → 长春 朝阳区
    const id = async (agency: string) => (await s.call('reports.list', { agency })).items[0]!.id;
    await s.call('reports.setMeta', { id: await id('南沙区商务局'), agency: '平潭综合实验区管理委员会' });
    await s.call('reports.setMeta', { id: await id('西工区商务局'), agency: '北京市朝阳区商务局' });
    await s.call('reports.setMeta', { id: await id('湛江奋勇高新区招商服务局'), agency: '长春市朝阳区商务局' });
  }, 120_000);
  afterAll(() => (s?.close(), rmSync(tmp, { recursive: true, force: true })));

  const agencies = async (filter: Record<string, string>) =>
    (await s.call('reports.list', parseArgsFor('reports.list', filter))).items.map((r) => r.agency).sort();

  it('lists every place once, special zones in their province', async () => {
    const f = await s.call('library.facets', {});
    const key = (p: { province: string; city: string | null; county: string | null }) => [p.province, p.city, p.county].join(' ');
    expect(f.places.map(key).sort()).toEqual(
      ['北京市 北京市 朝阳区', '吉林省 长春市 朝阳区', '福建省 福州市 平潭综合实验区', '广东省 广州市 ', '广东省 东莞市 '].sort(),
    );
  });

  it('filters each level exactly: a province, a city, a county of that city', async () => {
    expect(await agencies({ province: '福建省' })).toEqual(['平潭综合实验区管理委员会']);
    expect(await agencies({ province: '广东省' })).toEqual(['东莞市商务局', '广州市商务局']);
    expect(await agencies({ province: '广东省', city: '广州市' })).toEqual(['广州市商务局']);
    expect(await agencies({ province: '北京市', city: '北京市', county: '朝阳区' })).toEqual(['北京市朝阳区商务局']);
    expect(await agencies({ province: '吉林省', city: '长春市', county: '朝阳区' })).toEqual(['长春市朝阳区商务局']);
    // the free-text region (CLI --region) still matches any level: both 朝阳区
    expect(await agencies({ region: '朝阳区' })).toEqual(['北京市朝阳区商务局', '长春市朝阳区商务局']);
    const grid = await s.call('library.grid', parseArgsFor('library.grid', { province: '广东省' }));
    expect(grid.rows.map((r) => r.agency).sort()).toEqual(['东莞市商务局', '广州市商务局']);
  });
});
