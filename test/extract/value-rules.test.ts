// The catalogue's value rules per unit (catalogue/values.ts), applied alike by
// extraction, corrections and the UI's cell editor.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AMOUNT_MAX_WAN, BLANK_MARKS, COUNT_MAX, parseTyped, valueProblem } from '../../src-main/core/catalogue/index.js';
import { openDatabase } from '../../src-main/core/archive/db.js';
import { insertFile, insertReport } from '../../src-main/core/archive/store.js';
import * as c from '../../src-main/core/archive/corrections.js';
import { parseValue } from '../../src-renderer/features/report/cells.js';
import { cli, SEEDS, seedExtraction, seedFile, seedNames, tmp } from '../archive/helpers.js';
import { base, extractText, flagged, withRow } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const THIRTY = '123456789012345678901234567890';

describe.skipIf(!haveSeeds)('value rules per unit, from the catalogue', () => {
  it('caps counts at 1e9 and amounts at 1e12 万元', () => {
    expect(valueProblem('count', COUNT_MAX)).toBeNull();
    expect(valueProblem('count', COUNT_MAX + 1)).toBe('too_large');
    expect(valueProblem('wan', AMOUNT_MAX_WAN)).toBeNull();
    expect(valueProblem('wan', AMOUNT_MAX_WAN * 10)).toBe('too_large');
    expect(valueProblem('count', 1.5)).toBe('not_integer');
    expect(valueProblem('count', -1)).toBe('negative');
    expect(valueProblem('change', -6)).toBeNull();
  });

  it('never reads a 30-digit cell as 1e29: null and flagged unparseable', () => {
    const g = base(91);
    const x = extractText(withRow(g.text, '行政许可', ['1', '2', THIRTY]));
    expect(x.values['active.license.decisions']).toBeNull();
    expect(flagged(x, 'active.license.decisions', 'unparseable')).toBe(true);
    expect(x.values['active.license.prev']).toBe(1);
    const y = extractText(withRow(g.text, '政府集中采购', ['3', `${THIRTY}万元`]));
    expect(y.values['active.procurement.amount_wan']).toBeNull();
    expect(flagged(y, 'active.procurement.amount_wan', 'unparseable')).toBe(true);
  });

  it('refuses the same values as a correction and in the cell editor', () => {
    const db = openDatabase(join(tmp(), 'a.sqlite'), { create: true });
    const name = seedNames()[0]!;
    const ex = seedExtraction(name);
    const { reportId } = db.transaction(() => insertReport(db, insertFile(db, seedFile(name, ex), null), ex, 'test-1'))();
    expect(() => db.transaction(() => c.correct(db, reportId, 'requests.new.person', 1e30, 'x'))()).toThrow(/beyond any real value/);
    db.transaction(() => c.correct(db, reportId, 'requests.new.person', 12, 'x'))();
    expect(parseValue(THIRTY, 'count')).toEqual({ ok: false, error: 'valueTooLarge' });
    expect(parseValue('无', 'count')).toEqual({ ok: true, value: null });
    expect(parseValue('999999999', 'count')).toEqual({ ok: true, value: 999999999 });
  });

  it('reads typed values alike in the cell editor and the CLI: every blank mark is null, the caps and signs by unit', async () => {
    for (const m of BLANK_MARKS) {
      expect(parseTyped(m, 'count')).toEqual({ value: null });
      expect(parseValue(m, 'wan')).toEqual({ ok: true, value: null });
    }
    expect(parseTyped('1，234', 'count')).toEqual({ value: 1234 });
    expect(parseTyped('＋3', 'change')).toEqual({ value: 3 });
    expect(parseTyped('+3', 'count')).toEqual({ problem: 'not_number' });
    expect(parseTyped('-3', 'count')).toEqual({ problem: 'negative' });
    expect(parseTyped('1e3', 'count')).toEqual({ problem: 'not_number' });
    expect(parseTyped(THIRTY, 'count')).toEqual({ problem: 'too_large' });
    const A = ['--archive', join(tmp(), 'a.sqlite'), '--json'];
    await cli('import', SEEDS, ...A);
    const id = String((JSON.parse((await cli('list', ...A)).out) as { id: number }[])[0]!.id);
    // '—' and '空' were refused by the CLI before it used the catalogue's marks
    for (const m of ['—', '空', '无']) {
      expect(JSON.parse((await cli('correct', id, 'requests.new.person', '7', ...A)).out)).toMatchObject({ value: 7 });
      expect(JSON.parse((await cli('correct', id, 'requests.new.person', m, ...A)).out)).toMatchObject({ value: null });
    }
    const bad = await cli('correct', id, 'requests.new.person', THIRTY, ...A);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/超出合理范围/);
    expect((await cli('correct', id, 'requests.new.person', THIRTY, ...A, '--lang', 'en')).err).toMatch(/beyond any real value/);
  });
});
