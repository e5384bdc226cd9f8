// The archive commands end to end, in process (same code path as `nianbao`).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultArchivePath } from '../../src-main/cli/commands/archive.js';
import { openArchive } from '../../src-main/core/archive/index.js';
import { cli, SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('archive command line', () => {
  it('import, list, show, correct, undo, redo, history, verify, set-meta, search, agencies, merge, reextract, backup', async () => {
    const dir = tmp();
    const A = ['--archive', join(dir, 'a.sqlite'), '--json'];
    const imp = JSON.parse((await cli('import', SEEDS, ...A)).out);
    expect(imp).toMatchObject({ run: 1, imported: 5, duplicates: 0, skipped: 5, reports: 5 });
    expect(imp.failed).toEqual([{ file: join(SEEDS, 'README.md'), code: 'not_report', error: expect.stringMatching(/not an annual report/) }]);
    expect(JSON.parse((await cli('import', SEEDS, ...A)).out)).toMatchObject({ imported: 0, duplicates: 5, reports: 0 });

    const list = JSON.parse((await cli('list', ...A)).out) as { id: number; agency: string; year: number; status: string; flags: number; file: string }[];
    expect(list.map((r) => r.agency)).toEqual(['东莞市商务局', '南沙区商务局', '广州市商务局', '湛江奋勇高新区招商服务局', '西工区商务局']);
    expect(Object.keys(list[0]!).sort()).toEqual(['agency', 'file', 'flags', 'id', 'needsCompare', 'quality', 'status', 'template', 'versions', 'year']);
    expect(JSON.parse((await cli('list', '--agency', '南沙', ...A)).out)).toHaveLength(1);
    expect(JSON.parse((await cli('list', '--year', '2019', ...A)).out)).toHaveLength(0);
    const flagged = JSON.parse((await cli('list', '--flagged', ...A)).out) as { flags: number }[];
    expect(flagged.every((r) => r.flags > 0)).toBe(true);

    const id = String(list.find((r) => r.agency === '南沙区商务局')!.id);
    const show = JSON.parse((await cli('show', id, ...A)).out);
    const v = show.values['requests.new.person'] as number;
    expect(await cli('correct', id, 'requests.new.person', String(v + 2), '--note', '核对原件', ...A)).toMatchObject({ code: 0 });
    let s = JSON.parse((await cli('show', id, ...A)).out);
    expect(s.values['requests.new.person']).toBe(v + 2);
    expect(s.corrected).toEqual(['requests.new.person']);
    expect(s.status).toBe('flagged');
    // the text output is Chinese unless asked for English (--lang en, or an English locale); --json never changes
    expect((await cli('show', id, '--archive', join(dir, 'a.sqlite'))).out).toMatch(/requests\.new\.person\s+\d+\s+已更正（原为 \d+）/);
    expect((await cli('show', id, '--archive', join(dir, 'a.sqlite'), '--lang', 'en')).out).toMatch(/requests\.new\.person\s+\d+\s+corrected \(was \d+\)/);
    expect(JSON.parse((await cli('undo', id, ...A)).out)).toMatchObject({ kind: 'undo', from: v + 2, to: v });
    expect(JSON.parse((await cli('redo', id, ...A)).out)).toMatchObject({ kind: 'redo', to: v + 2 });
    const hist = JSON.parse((await cli('history', id, 'requests.new.person', ...A)).out) as { kind: string; note: string | null }[];
    expect(hist.map((h) => h.kind)).toEqual(['set', 'undo', 'redo']);
    expect(hist[0]!.note).toBe('核对原件');
    expect(JSON.parse((await cli('verify', id, ...A)).out)).toEqual({ id: Number(id), status: 'verified' });
    expect(await cli('correct', id, 'requests.new.person', 'abc', ...A)).toMatchObject({ code: 1 });
    expect(await cli('correct', id, 'no.such.field', '1', ...A)).toMatchObject({ code: 1 });

    expect(JSON.parse((await cli('set-meta', id, '--agency', '广州市南沙区商务局', ...A)).out)).toMatchObject({ agency: '广州市南沙区商务局', year: 2020 });
    const ag = JSON.parse((await cli('agencies', ...A)).out) as { name: string; region: string }[];
    expect(ag.find((g) => g.name === '广州市南沙区商务局')?.region).toBe('广东省 广州市 南沙区');
    expect(JSON.parse((await cli('merge-agencies', '南沙区商务局', '广州市南沙区商务局', ...A)).out)).toMatchObject({ moved: 0 });
    const merged = (JSON.parse((await cli('agencies', ...A)).out) as { name: string; aliases: string[] }[]).find((g) => g.name === '广州市南沙区商务局');
    expect(merged?.aliases).toEqual(['南沙区商务局']);
    // region and name by hand: the old name stays an alias, the region is marked manual
    expect(JSON.parse((await cli('set-region', '南沙区商务局', '--city', '广州市', '--county', '', ...A)).out)).toMatchObject({
      name: '广州市南沙区商务局',
      province: '广东省',
      city: '广州市',
      county: null,
      regionSource: 'manual',
    });
    expect(await cli('set-region', '南沙区商务局', ...A)).toMatchObject({ code: 1 });
    expect(await cli('set-region', '没有这个机关', '--city', '广州市', ...A)).toMatchObject({ code: 1 });
    const renamed = JSON.parse((await cli('rename-agency', '广州市南沙区商务局', '广州市南沙区商务局（区口岸办）', ...A)).out);
    expect(renamed).toMatchObject({ name: '广州市南沙区商务局（区口岸办）', city: '广州市' });
    expect([...renamed.aliases].sort()).toEqual(['南沙区商务局', '广州市南沙区商务局']);
    expect(await cli('rename-agency', '广州市南沙区商务局（区口岸办）', '东莞市商务局', ...A)).toMatchObject({ code: 1 }); // another agency's name
    expect(JSON.parse((await cli('show', id, ...A)).out).agency).toBe('广州市南沙区商务局（区口岸办）');
    expect(JSON.parse((await cli('rename-agency', '广州市南沙区商务局（区口岸办）', '广州市南沙区商务局', ...A)).out).name).toBe('广州市南沙区商务局');

    const hits = JSON.parse((await cli('search', '政府集中采购', ...A)).out) as { id: number; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toContain('[政府集中采购]');

    const rx = JSON.parse((await cli('reextract', '--all', ...A)).out);
    expect(rx).toMatchObject({ reports: 5, conflicts: 0, errors: [] });
    s = JSON.parse((await cli('show', id, ...A)).out);
    expect(s.values['requests.new.person']).toBe(v + 2); // the correction survived
    expect(s.agency).toBe('广州市南沙区商务局'); // so did the edited agency

    const b = JSON.parse((await cli('backup', join(dir, 'backup', 'b.sqlite'), ...A)).out);
    expect(b.files).toBe(5);
    const copy = await openArchive(b.path);
    try {
      expect(copy.integrityCheck()).toBe('ok');
      expect(copy.getReport(Number(id)).values['requests.new.person']).toBe(v + 2);
      expect(existsSync(copy.originalPath(Number(id)))).toBe(true);
    } finally {
      copy.close();
    }
    expect(await cli('backup', join(dir, 'backup', 'b.sqlite'), ...A)).toMatchObject({ code: 1 }); // never overwrites
  });

  it('refuses to create an archive except on import, and has a per-user default', async () => {
    const dir = tmp();
    const r = await cli('list', '--archive', join(dir, 'none.sqlite'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${join(dir, 'none.sqlite')} 处没有档案库（请先导入报告，或用 --archive 指定路径）`);
    expect((await cli('list', '--archive', join(dir, 'none.sqlite'), '--lang', 'en')).err).toMatch(/no archive/);
    expect(existsSync(join(dir, 'none.sqlite'))).toBe(false);
    expect(defaultArchivePath()).toMatch(/nianbao-archive[\\/]archive\.sqlite$/);
  });
});
