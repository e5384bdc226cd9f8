// `extract --json` prints one JSON array, one object per file (even for a
// file that cannot be read); without --json a readable table.
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src-main/cli/commands/extract.js';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';
import { haveSeeds, SEEDS } from '../seeds.js';

const SEED = join(SEEDS, '003_1ab496935088b8c6.txt');

function capture(): { out: () => string } {
  let buf = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    buf += String(s);
    return true;
  });
  return { out: () => buf };
}

describe.skipIf(!haveSeeds)('extract command', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints one JSON array with the contract fields', async () => {
    const c = capture();
    const code = await run({ command: 'extract', positional: [SEED, '/nonexistent.txt'], flags: { json: true } });
    const arr = JSON.parse(c.out());
    expect(Array.isArray(arr)).toBe(true);
    expect(arr).toHaveLength(2);
    expect(arr[0]).toMatchObject({ file: SEED, agency: '东莞市商务局', year: 2020, template: '2019' });
    expect(arr[0].values['active.procurement.amount_wan']).toBeCloseTo(189.846807, 6);
    expect(arr[0].cells['active.procurement.amount_wan']).toMatchObject({ raw: '1898468.07 元', confidence: 1 });
    expect(Object.keys(arr[0].values).sort()).toEqual(TEMPLATES['2019'].fields.map((f) => f.id).sort());
    expect(arr[1]).toMatchObject({ file: '/nonexistent.txt', values: {}, agency: null });
    expect(arr[1].error).toBeTruthy();
    expect(code).toBe(1);
  });

  it('prints a readable table with flagged cells marked', async () => {
    const c = capture();
    await run({ command: 'extract', positional: [join(SEEDS, '001_502fd0f0e67df8d6.txt')], flags: {} });
    const out = c.out();
    expect(out).toContain('西工区商务局 · 2020 · 模板 2019');
    expect(out).toMatch(/予以公开[^\n]*—!/);
    expect(out).toContain('   疑问：');
    expect(out).toMatch(/! incomplete_row: （[一二三四五六七]）[^\n]*：该行数字少于列数，单元格留空待核/);
  });

  it('prints English with --lang en', async () => {
    const c = capture();
    await run({ command: 'extract', positional: [join(SEEDS, '001_502fd0f0e67df8d6.txt')], flags: { lang: 'en' } });
    const out = c.out();
    expect(out).toContain('西工区商务局 · 2020 · template 2019');
    expect(out).toContain('   flags:');
  });
});
