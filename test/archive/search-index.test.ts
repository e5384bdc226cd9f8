// The search index is built behind the imports (search-index.ts): a report
// whose text is stored but not yet indexed is still found, and opening the
// archive indexes what a killed import left behind.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openArchive } from '../../src-main/core/archive/index.js';
import { backlog, indexedUpto } from '../../src-main/core/archive/search-index.js';
import { SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('search index backlog', () => {
  it('an import leaves nothing unindexed; a backlog is searched by LIKE and indexed on the next open', async () => {
    const path = join(tmp(), 'a.sqlite');
    let a = await openArchive(path, { create: true, workers: 2 });
    await a.importFolder(SEEDS);
    expect(backlog(a.db)).toBe(0);
    const maxFile = (a.db.prepare('SELECT MAX(file_id) AS m FROM file_text').get() as { m: number }).m;
    expect(indexedUpto(a.db)).toBe(maxFile);
    const indexed = a.search('东莞市商务局').map((h) => h.agency);
    expect(indexed).toContain('东莞市商务局');
    const listed = a.listReports({ text: '东莞市商务局' }).total;
    expect(listed).toBeGreaterThanOrEqual(1);

    // As a kill -9 between an import's commit and its indexing leaves it: text stored, index behind.
    a.db.exec("INSERT INTO file_fts (file_fts) VALUES ('delete-all')");
    a.db.exec('UPDATE search_index SET indexed_upto = 0');
    expect(backlog(a.db)).toBe(5);
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM file_fts WHERE file_fts MATCH \'"东莞市商务局"\'').get()).toEqual({ n: 0 });
    expect(a.search('东莞市商务局').map((h) => h.agency)).toEqual(indexed);
    expect(a.search('东莞市商务局')[0]!.snippet).toContain('[东莞市商务局]');
    expect(a.listReports({ text: '东莞市商务局' }).total).toBe(listed);
    expect(a.search('没有这样的文字内容')).toEqual([]);
    a.close();

    // An archive from before search forms: no search column values either.
    a = await openArchive(path);
    expect(backlog(a.db)).toBe(0);
    a.db.exec("INSERT INTO file_fts (file_fts) VALUES ('delete-all'); UPDATE file_text SET search = NULL; UPDATE search_index SET indexed_upto = 0");
    a.close();

    a = await openArchive(path);
    expect(backlog(a.db)).toBe(0);
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM file_text WHERE search IS NULL').get()).toEqual({ n: 0 });
    expect(a.db.prepare('SELECT COUNT(*) AS n FROM file_fts WHERE file_fts MATCH \'"东莞市商务局"\'').get()).toEqual({ n: listed });
    expect(a.search('东莞市商务局').map((h) => h.agency)).toEqual(indexed);
    expect(a.integrityCheck()).toBe('ok');
    a.close();
  });
});

describe.skipIf(!haveSeeds)('search form', () => {
  it('matches simplified queries against traditional text with pinyin notes and spaced characters, and the other way round', async () => {
    const a = await openArchive(join(tmp(), 'a.sqlite'), { create: true, workers: 2 });
    await a.importFolder(SEEDS);
    // seed 002 prints 廣州市商務(wù)局
    const gz = a.listReports({ agency: '广州' }).items[0]!;
    expect(a.reportText(gz.id).text).toContain('廣州市商務(wù)局');
    for (const q of ['广州市商务局', '廣州市商務局', '广州', '廣 州 市'])
      expect(
        a.search(q).map((h) => h.id),
        q,
      ).toContain(gz.id);
    expect(a.search('广州市商务局')[0]!.snippet).toContain('[广州市商务局]');
    expect(a.listReports({ text: '廣州市商務局' }).items.map((r) => r.id)).toEqual([gz.id]);
    expect(a.listReports({ text: '廣州' }).items.map((r) => r.id)).toEqual([gz.id]);
    expect(a.search('广州市商务局2019年')).toEqual([]);
    a.close();
  });
});
