// accept / unaccept from the command line, on the imported seeds: 广州市商务局
// 2020 with 依申请公开 总计 · 其他组织 corrected to 0, so the 总计 row adds
// up to 13 against its 总计 14 (R3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('accept / unaccept on the command line', () => {
  it('accepts a rule flag with a note, shows it, lists it in history, and revokes it', async () => {
    const P = ['--archive', join(tmp(), 'a.sqlite')];
    const J = [...P, '--json'];
    expect((await cli('import', SEEDS, ...J)).code).toBe(0);
    const list = JSON.parse((await cli('list', ...J)).out) as { id: number; agency: string }[];
    const id = String(list.find((r) => r.agency === '广州市商务局')!.id);
    expect(JSON.parse((await cli('correct', id, 'requests.total.other_org', '0', ...J)).out)).toMatchObject({ status: 'flagged', flags: 3 });

    const show = JSON.parse((await cli('show', id, ...J)).out) as {
      flags: { id: number; rule?: string; expected?: number; found?: number; accepted: unknown }[];
    };
    const r3 = show.flags.find((f) => f.rule === 'R3')!;
    expect(r3).toMatchObject({ expected: 14, found: 13, accepted: null });
    // text output in Chinese (the default), the flag worded from its figures; English on request
    expect((await cli('show', id, ...P)).out).toContain(`#${r3.id} 疑问 [rule R3] R3（“总计”行）：总计列为 14，而各类申请人之和为 13`);
    expect((await cli('show', id, ...P, '--lang', 'en')).out).toContain(
      `#${r3.id} FLAG [rule R3] R3 (row Total): the total column is 14, but the applicant columns add up to 13`,
    );

    expect(JSON.parse((await cli('accept', id, String(r3.id), '--note', '原件如此', ...J)).out)).toEqual({ id: Number(id), status: 'flagged', flags: 2 });
    const text = (await cli('show', id, ...P)).out;
    expect(text).toMatch(/#\d+ 已接受 \[rule R3\] R3（“总计”行）：总计列为 14，而各类申请人之和为 13\n\s+原文如此，\d{4}-\d\d-\d\d \d\d:\d\d:\d\d：原件如此/);
    const accepted = (JSON.parse((await cli('show', id, ...J)).out) as typeof show).flags.find((f) => f.rule === 'R3')!;
    expect(accepted.accepted).toMatchObject({ note: '原件如此' });

    const hist = (await cli('history', id, ...P)).out.split('\n');
    expect(hist).toHaveLength(2);
    expect(hist[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  更正 requests\.total\.other_org: 1 → 0$/);
    expect(hist[1]).toMatch(/  接受 flag\.R3: R3（“总计”行）：总计列为 14，而各类申请人之和为 13  — 原件如此$/);

    expect(JSON.parse((await cli('unaccept', id, String(accepted.id), ...J)).out)).toEqual({ id: Number(id), status: 'flagged', flags: 3 });
    const h = JSON.parse((await cli('history', id, ...J)).out) as { kind: string }[];
    expect(h.map((e) => e.kind)).toEqual(['set', 'accept', 'unaccept']);

    // Errors: an unknown flag id, a missing one, a flag that is not accepted.
    expect(await cli('accept', id, '999999', ...P)).toMatchObject({
      code: 1,
      err: `报告 #${id} 没有编号为 999999 的疑问（可能在列出后已改变或已解决；请重新查看报告）`,
    });
    // a missing report, version or agency is named, not a bare 未找到
    expect(await cli('show', '987654', ...P)).toMatchObject({ code: 1, err: '没有编号为 #987654 的报告（可能已被永久删除）' });
    expect(await cli('show', '987654', ...P, '--lang', 'en')).toMatchObject({ code: 1, err: expect.stringMatching(/no report 987654/) });
    expect(JSON.parse((await cli('show', '987654', ...J)).err)).toMatchObject({ code: 'not_found', params: { problem: 'no_report', id: 987654 } });
    expect(await cli('accept', id, '999999', ...P, '--lang', 'en')).toMatchObject({ code: 1, err: expect.stringMatching(/has no flag 999999/) });
    expect(JSON.parse((await cli('accept', id, '999999', ...J)).err)).toEqual({
      error: expect.stringMatching(/has no flag 999999/),
      code: 'not_found',
      params: { problem: 'no_flag', id: Number(id), flag: 999999 },
    });
    expect(await cli('accept', id, ...P)).toMatchObject({ code: 1, err: expect.stringMatching(/^用法：accept REPORT_ID FLAG_ID/) });
    const open = (JSON.parse((await cli('show', id, ...J)).out) as typeof show).flags.find((f) => f.rule === 'R3')!;
    expect(await cli('unaccept', id, String(open.id), ...P)).toMatchObject({ code: 1, err: `疑问 #${open.id} 未被接受` });
    expect(await cli('unaccept', id, String(open.id), ...P, '--lang', 'en')).toMatchObject({ code: 1, err: expect.stringMatching(/is not accepted/) });
  });
});
