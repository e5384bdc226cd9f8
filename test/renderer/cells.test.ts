import { describe, expect, it } from 'vitest';
import { flagsOf, formatValue, parseValue } from '../../src-renderer/features/report/cells.js';
import { en } from '../../src-renderer/i18n/en.js';
import { zhCN } from '../../src-renderer/i18n/zh-CN.js';
import type { Flag } from '../../src-main/contract/index.js';

describe('renderer cell helpers', () => {
  it('parses typed values by unit; blank is null, never 0', () => {
    expect(parseValue('', 'count')).toEqual({ ok: true, value: null });
    expect(parseValue(' 14 ', 'count')).toEqual({ ok: true, value: 14 });
    expect(parseValue('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseValue('-1', 'count')).toEqual({ ok: false, error: 'invalidCount' });
    expect(parseValue('3.5', 'count')).toEqual({ ok: false, error: 'invalidCount' });
    expect(parseValue('+1', 'change')).toEqual({ ok: true, value: 1 });
    expect(parseValue('－6', 'change')).toEqual({ ok: true, value: -6 });
    expect(parseValue('减6', 'change')).toEqual({ ok: false, error: 'invalidChange' });
    expect(parseValue('476.32', 'wan')).toEqual({ ok: true, value: 476.32 });
    expect(parseValue('476.32万元', 'wan')).toEqual({ ok: false, error: 'invalidWan' });
  });

  it('formats values for display', () => {
    expect(formatValue(null, 'count')).toBe('');
    expect(formatValue(0, 'count')).toBe('0');
    expect(formatValue(1, 'change')).toBe('+1');
    expect(formatValue(-6, 'change')).toBe('-6');
    expect(formatValue(189.846807, 'wan')).toBe('189.8468');
  });

  it('a flag concerns a field by id or by prefix', () => {
    const flags: Flag[] = [
      { kind: 'rule', rule: 'R3', fields: ['requests.granted.total', 'requests.granted.person'], message: 'r3' },
      { kind: 'incomplete_row', fields: ['requests.denied_law'], message: 'row' },
      { kind: 'missing_table', fields: ['review'], message: 'table' },
    ];
    expect(flagsOf(flags, 'requests.granted.person').map((f) => f.message)).toEqual(['r3']);
    expect(flagsOf(flags, 'requests.denied_law.business').map((f) => f.message)).toEqual(['row']);
    expect(flagsOf(flags, 'requests.denied_lawyer.business')).toEqual([]);
    expect(flagsOf(flags, 'review.reconsideration.total').map((f) => f.message)).toEqual(['table']);
  });

  it('both languages have every message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [k, v] of Object.entries(en)) expect(v.length, k).toBeGreaterThan(0);
  });
});
