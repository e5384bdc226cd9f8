// The issue-10 scenario end to end through the command line (the command
// table over the services' handlers): corrected + verified 广州 survives a
// re-downloaded copy, a truncated 南沙 never replaces the complete one, every
// file is listed with its outcome, and versions / compare / use-version /
// remove / restore / trash work by report id.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, SEEDS, seedNames, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const [NANSHA, , GUANGZHOU] = seedNames();

describe.skipIf(!haveSeeds)('versions on the command line', () => {
  it('show keeps the corrected, verified value; list keeps 5 reports; versions, compare, use-version, remove, restore, trash', async () => {
    const dir = tmp();
    const A = ['--archive', join(dir, 'a.sqlite'), '--json'];
    const seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    for (const n of seedNames()) copyFileSync(join(SEEDS, n), join(seeds, n));
    expect((await cli('import', seeds, ...A)).code).toBe(0);
    const list = JSON.parse((await cli('list', ...A)).out) as { id: number; agency: string }[];
    const gz = list.find((r) => r.agency === '广州市商务局')!.id;
    const ns = list.find((r) => r.agency === '南沙区商务局')!.id;
    expect((await cli('correct', String(gz), 'active.normative.made', '9', ...A)).code).toBe(0);
    expect((await cli('verify', String(gz), ...A)).code).toBe(0);

    const more = join(dir, 'more');
    mkdirSync(more);
    writeFileSync(join(more, 'gz-again.txt'), readFileSync(join(SEEDS, GUANGZHOU!), 'utf8') + '\n来源：广州市人民政府网站\n');
    writeFileSync(join(more, 'ns-cut.txt'), readFileSync(join(SEEDS, NANSHA!), 'utf8').slice(0, 400));
    writeFileSync(join(more, 'script.js'), 'console.log(1)');
    const imp = JSON.parse((await cli('import', more, ...A)).out) as { outcomes: { file: string; outcome: string; code: string | null }[] };
    expect(imp.outcomes.map((o) => [o.file.split('/').pop(), o.outcome, o.code])).toEqual(
      [
        ['gz-again.txt', 'same_report_other_format', 'same_report'],
        ['ns-cut.txt', 'new_version', 'new_version'],
        ['script.js', 'skipped', 'unsupported_extension'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)) as unknown[],
    );
    // the text summary names every file with its outcome and reason, in Chinese (English with --lang en)
    const text = (await cli('import', more, '--archive', join(dir, 'a.sqlite'))).out;
    expect(text).toMatch(/重复\s+.*gz-again\.txt\s+已导入（同一路径、大小与修改时间）$/m);
    expect(text).toMatch(/跳过\s+.*script\.js\s+不支持的文件类型（不是年报的文件格式）$/m);
    const en = (await cli('import', more, '--archive', join(dir, 'a.sqlite'), '--lang', 'en')).out;
    expect(en).toMatch(/duplicate\s+.*gz-again\.txt\s+already imported/);

    const show = JSON.parse((await cli('show', String(gz), ...A)).out);
    expect(show).toMatchObject({ id: gz, status: 'verified', active: true });
    expect(show.values['active.normative.made']).toBe(9);
    const nsShow = JSON.parse((await cli('show', String(ns), ...A)).out);
    expect(nsShow.active).toBe(true);
    expect(nsShow.flags.filter((f: { kind: string }) => f.kind === 'missing_table')).toEqual([]);
    expect(JSON.parse((await cli('list', ...A)).out)).toHaveLength(5);
    expect((await cli('show', String(gz), '--archive', join(dir, 'a.sqlite'))).out).toMatch(/\* 第 \d+ 版 已审核 — 已核实/);
    expect((await cli('show', String(gz), '--archive', join(dir, 'a.sqlite'), '--lang', 'en')).out).toMatch(/\* version \d+ reviewed — verified/);

    // versions and compare by report id; switch to the truncated 南沙 copy and back
    const versions = JSON.parse((await cli('versions', String(ns), ...A)).out) as { id: number; active: boolean; missingTables: number }[];
    expect(versions.map((v) => [v.active, v.missingTables])).toEqual([
      [true, 0],
      [false, 3],
    ]);
    const cut = versions[1]!.id;
    const cmp = JSON.parse((await cli('compare', String(ns), String(cut), ...A)).out);
    expect(cmp.differing).toBeGreaterThan(50);
    const sw = JSON.parse((await cli('use-version', String(ns), String(cut), ...A)).out);
    expect(sw.id).toBe(cut);
    expect(JSON.parse((await cli('list', '--agency', '南沙', ...A)).out).map((r: { id: number }) => r.id)).toEqual([cut]);
    expect(JSON.parse((await cli('use-version', String(ns), String(ns), ...A)).out).id).toBe(ns);

    // remove / trash / restore
    expect((await cli('remove', String(ns), '--reason', '测试', '--not-report', ...A)).code).toBe(0);
    expect(JSON.parse((await cli('list', ...A)).out)).toHaveLength(4);
    expect(JSON.parse((await cli('trash', ...A)).out)).toMatchObject([{ agency: '南沙区商务局', year: 2020, kind: 'not_report', reason: '测试', sources: 2 }]);
    expect(JSON.parse((await cli('restore', String(ns), ...A)).out)).toMatchObject({ id: ns });
    expect(JSON.parse((await cli('list', ...A)).out)).toHaveLength(5);
    expect(JSON.parse((await cli('trash', ...A)).out)).toEqual([]);
    // bad arguments are refused by the contract's validators, with the handler's path
    expect(await cli('compare', String(ns), '0', ...A)).toMatchObject({ code: 1 });
  }, 120_000);
});
