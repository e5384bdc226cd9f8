// accept / unaccept from the command line, on the imported seeds: 广州市商务局
// 2020 with 依申请公开 总计 · 其他组织 corrected to 0, so the 总计 row adds
// up to 13 against its 总计 14 (R3).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEEDS, tmp } from './helpers.js';

describe('accept / unaccept on the command line', () => {
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
    expect((await cli('show', id, ...P)).out).toContain(`#${r3.id} FLAG [rule R3] R3 (total):`);

    expect(JSON.parse((await cli('accept', id, String(r3.id), '--note', '原件如此', ...J)).out)).toEqual({ id: Number(id), status: 'flagged', flags: 2 });
    const text = (await cli('show', id, ...P)).out;
    expect(text).toMatch(
      /#\d+ accepted \[rule R3\] R3 \(total\): requests\.total\.total = 14, but 13 from 6 parts\n\s+原文如此 \(as in the original\), \d{4}-\d\d-\d\dT[\d:.]+Z: 原件如此/,
    );
    const accepted = (JSON.parse((await cli('show', id, ...J)).out) as typeof show).flags.find((f) => f.rule === 'R3')!;
    expect(accepted.accepted).toMatchObject({ note: '原件如此' });

    const hist = (await cli('history', id, ...P)).out.split('\n');
    expect(hist).toHaveLength(2);
    expect(hist[0]).toMatch(/set  requests\.total\.other_org: 1 → 0$/);
    expect(hist[1]).toMatch(/accept flag\.R3: R3 \(total\): requests\.total\.total = 14, but 13 from 6 parts  — 原件如此$/);

    expect(JSON.parse((await cli('unaccept', id, String(accepted.id), ...J)).out)).toEqual({ id: Number(id), status: 'flagged', flags: 3 });
    const h = JSON.parse((await cli('history', id, ...J)).out) as { kind: string }[];
    expect(h.map((e) => e.kind)).toEqual(['set', 'accept', 'unaccept']);

    // Errors: an unknown flag id, a missing one, a flag that is not accepted.
    expect(await cli('accept', id, '999999', ...P)).toMatchObject({ code: 1, err: expect.stringMatching(/has no flag 999999/) });
    expect(await cli('accept', id, ...P)).toMatchObject({ code: 1, err: expect.stringMatching(/usage: accept REPORT_ID FLAG_ID/) });
    const open = (JSON.parse((await cli('show', id, ...J)).out) as typeof show).flags.find((f) => f.rule === 'R3')!;
    expect(await cli('unaccept', id, String(open.id), ...P)).toMatchObject({ code: 1, err: expect.stringMatching(/is not accepted/) });
  });
});
