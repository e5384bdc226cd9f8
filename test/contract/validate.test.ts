import { describe, expect, it } from 'vitest';
import { ARG_PARSERS, ArgsError, HANDLER_NAMES, isHandlerName, parseArgsFor, type Args, type HandlerName, type Result } from '../../src-main/contract/index.js';

describe('contract', () => {
  it('has one validator per handler and no other', () => {
    expect(Object.keys(ARG_PARSERS).sort()).toEqual([...HANDLER_NAMES].sort());
    expect(HANDLER_NAMES.length).toBeGreaterThan(25);
    expect(isHandlerName('reports.get')).toBe(true);
    expect(isHandlerName('reports.gett')).toBe(false);
    expect(isHandlerName('__proto__')).toBe(false);
    expect(isHandlerName('constructor')).toBe(false);
  });

  it('returns fresh objects with only the declared keys', () => {
    const raw = { id: 5, field: 'requests.total.total', value: 14, note: '核对原文' };
    const parsed = parseArgsFor('cells.correct', raw);
    expect(parsed).toEqual(raw);
    expect(parsed).not.toBe(raw);
    expect(parseArgsFor('reports.list', { year: 2020, flaggedOnly: true, limit: 200 })).toEqual({ year: 2020, flaggedOnly: true, limit: 200 });
    expect(parseArgsFor('app.info', undefined)).toEqual({});
    expect(parseArgsFor('cells.correct', { id: 1, field: 'active.fee.change', value: null })).toEqual({ id: 1, field: 'active.fee.change', value: null });
    expect(parseArgsFor('flags.accept', { id: 3, flagId: 41, note: '原文如此' })).toEqual({ id: 3, flagId: 41, note: '原文如此' });
    expect(parseArgsFor('flags.unaccept', { id: 3, flagId: 41 })).toEqual({ id: 3, flagId: 41 });
  });

  it('rejects wrong types, unknown keys, missing keys and out-of-range values with the path', () => {
    const bad: [HandlerName, unknown, RegExp][] = [
      ['reports.get', { id: 0 }, /^id: expected an integer/],
      ['reports.get', { id: 1.5 }, /^id:/],
      ['reports.get', {}, /^id: expected a value/],
      ['reports.get', { id: 1, sql: 'drop table' }, /^sql: unknown argument/],
      ['reports.get', [1], /expected an object/],
      ['reports.list', { status: 'deleted' }, /^status: expected one of unreviewed, flagged, verified/],
      ['reports.setMeta', { id: 1, year: 1800 }, /^year:/],
      ['reports.setMeta', { id: 1, template: '2020' }, /^template:/],
      ['cells.correct', { id: 1, field: 'requests.total.total', value: '14' }, /^value: expected a finite number/],
      ['cells.correct', { id: 1, field: 'x', value: 1 }, /^field:/],
      ['export.start', { years: [2020, 'x'], format: 'xlsx', folder: '/tmp' }, /^years\[1\]:/],
      ['export.start', { years: [2020], format: 'xlsx', folder: '   ' }, /^folder:/],
      ['search', { text: '' }, /^text:/],
      ['flags.accept', { id: 1, flagId: 0 }, /^flagId: expected an integer/],
      ['flags.accept', { id: 1 }, /^flagId: expected a value/],
      ['flags.accept', { id: 1, flagId: 2, note: 'x'.repeat(1001) }, /^note: expected a string of at most 1000/],
      ['flags.accept', { id: 1, flagId: 2, fields: ['requests.total.total'] }, /^fields: unknown argument/],
      ['flags.unaccept', { id: 1, flagId: '2' }, /^flagId: expected an integer/],
      ['flags.unaccept', { id: 1, flagId: 2, note: 'x' }, /^note: unknown argument/],
      ['import.start', { folder: 'a'.repeat(5000) }, /^folder:/],
    ];
    for (const [name, raw, msg] of bad) {
      expect(() => parseArgsFor(name, raw), `${name} ${JSON.stringify(raw)}`).toThrow(ArgsError);
      expect(() => parseArgsFor(name, raw)).toThrow(msg);
    }
  });

  it('is checked at compile time: a renamed or mistyped call does not compile', () => {
    // These lines are type-checked by `npm run typecheck` (test/ is in tsconfig).
    type Call = <K extends HandlerName>(name: K, args: Args<K>) => Result<K>;
    const call = (() => null) as unknown as Call;
    // @ts-expect-error unknown handler name
    call('reports.fetch', { id: 1 });
    // @ts-expect-error id must be a number
    call('reports.get', { id: '1' });
    // @ts-expect-error missing field
    call('cells.correct', { id: 1, value: 2 });
    const r: Result<'reports.get'> | null = call('reports.get', { id: 1 });
    // @ts-expect-error result type is ReportDetail, which has no `rows`
    void r?.rows;
    expect(true).toBe(true);
  });
});
