// queue and log on the command line (the same handlers as the app): the
// imported seeds' run, its flagged reports after a correction breaks a rule,
// the next report, and 修改记录 as text and as CSV.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, SEEDS, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('queue and log on the command line', () => {
  it('counts the run, lists its flagged reports, names the next, prints the log', async () => {
    const P = ['--archive', join(tmp(), 'a.sqlite')];
    const J = [...P, '--json'];
    const run = (JSON.parse((await cli('import', SEEDS, ...J)).out) as { run: number }).run;
    const list = JSON.parse((await cli('list', ...J)).out) as { id: number; agency: string }[];
    const gz = String(list.find((r) => r.agency === '广州市商务局')!.id);
    await cli('correct', gz, 'requests.total.other_org', '0', '--note', '见原件', ...J);
    const flagged = (JSON.parse((await cli('list', '--flagged', ...J)).out) as { id: number }[]).map((r) => r.id); // by agency
    expect(flagged).toContain(Number(gz));
    const q = JSON.parse((await cli('queue', '--run', String(run), '--flagged', '--after', gz, ...J)).out) as {
      counts: { todo: number; flagged: number };
      next: { id: number | null; remaining: number };
      reports: { id: number }[];
    };
    expect(q.counts).toMatchObject({ todo: 5, flagged: flagged.length });
    expect(q.reports.map((r) => r.id)).toEqual(flagged);
    // the next flagged report after 广州 in agency order, wrapping round
    const at = flagged.indexOf(Number(gz));
    expect(q.next).toEqual({ id: flagged.length > 1 ? flagged[(at + 1) % flagged.length] : null, remaining: flagged.length - 1 });
    expect((await cli('queue', '--run', String(run), ...P)).out.split('\n')[0]).toBe(
      `第 ${run} 次导入：待审 5 · 有疑问 ${flagged.length} · 待比较 0 · 已核实 0`,
    );
    expect((await cli('queue', '--run', String(run), ...P, '--lang', 'en')).out.split('\n')[0]).toBe(
      `run ${run}: 待审 to review 5 · 有疑问 flagged ${flagged.length} · 待比较 to compare 0 · 已核实 verified 0`,
    );
    await cli('verify', gz, ...J);
    const log = (await cli('log', gz, ...P)).out.split('\n');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  —  更正  总计 · 其他: 1 → 0  — 见原件$/);
    expect(log[1]).toMatch(/标记已核实  审核状态: 有疑问 → 已核实$/);
    const csv = (await cli('log', gz, '--csv', ...P)).out;
    expect(csv.startsWith('\uFEFF时间,审核人,操作')).toBe(true);
  });
});
