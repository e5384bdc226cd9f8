// Corrections, undo/redo, rule re-checks and re-extraction at the repository
// level, on the seeds' ground-truth values (no extractor involved).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/core/archive/db.js';
import { insertFile, insertReport, replaceExtraction } from '../../src-main/core/archive/store.js';
import * as c from '../../src-main/core/archive/corrections.js';
import { getReport, listReports, search } from '../../src-main/core/archive/queries.js';
import { listAgencies, mergeAgencies } from '../../src-main/core/archive/agencies.js';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';
import { seedExtraction, seedFile, seedNames, tmp } from './helpers.js';
import { haveSeeds } from '../seeds.js';

function fresh() {
  const dir = tmp();
  const db = openDatabase(join(dir, 'a.sqlite'), { create: true });
  const add = (name: string, ex = seedExtraction(name)) => db.transaction(() => insertReport(db, insertFile(db, seedFile(name, ex), null), ex, 'test-1'))();
  return { db, dir, add, files: join(dir, 'a.sqlite.files') };
}

describe.skipIf(!haveSeeds)('corrections', () => {
  it('stores every template field as a cell row and passes the rules on ground truth', () => {
    const { db, add, files } = fresh();
    const name = seedNames()[0]!;
    const { reportId, isVersion } = add(name);
    expect(isVersion).toBe(false);
    const r = getReport(db, files, reportId);
    expect(Object.keys(r.values).sort()).toEqual(TEMPLATES['2019'].fields.map((f) => f.id).sort());
    expect(r.values).toEqual(expect.objectContaining(seedExtraction(name).values));
    expect(r.flags.filter((f) => f.source === 'rules')).toEqual([]);
    expect(r.status).toBe('unreviewed');
    expect(r.region).toBe('广东省 广州市 南沙区');
  });

  it('re-checks R1 after a correction, and undo/redo round-trip through the log', () => {
    const { db, add, files } = fresh();
    const { reportId: id } = add(seedNames()[0]!);
    const before = getReport(db, files, id).values['requests.new.person']!;
    db.transaction(() => c.correct(db, id, 'requests.new.person', before + 5, 'misread'))();
    let r = getReport(db, files, id);
    expect(r.values['requests.new.person']).toBe(before + 5);
    expect(r.corrected).toEqual(['requests.new.person']);
    expect(r.original['requests.new.person']).toBe(before);
    expect(r.status).toBe('flagged');
    const r1 = r.flags.find((f) => f.rule === 'R1' && f.fields.includes('requests.new.person'));
    expect(r1?.expected).toBe(r1!.found! + 5);
    expect(r.canUndo).toBe(true);

    db.transaction(() => c.undo(db, id))();
    r = getReport(db, files, id);
    expect(r.values['requests.new.person']).toBe(before);
    expect(r.corrected).toEqual([]);
    expect(r.status).toBe('unreviewed');
    expect(r.canRedo).toBe(true);

    db.transaction(() => c.redo(db, id))();
    r = getReport(db, files, id);
    expect(r.values['requests.new.person']).toBe(before + 5);
    expect(r.status).toBe('flagged');

    const h = c.history(db, id, 'requests.new.person');
    expect(h.map((e) => e.kind)).toEqual(['set', 'undo', 'redo']);
    expect(h[0]).toMatchObject({ from: before, to: before + 5, note: 'misread', undone: false });
    expect(h[1]).toMatchObject({ from: before + 5, to: before, target: h[0]!.id });
    // append-only
    expect(() => db.prepare('UPDATE corrections SET note = ?').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM corrections').run()).toThrow(/append-only/);
  });

  it('a new correction clears the redo stack; two corrections undo in reverse order', () => {
    const { db, add } = fresh();
    const { reportId: id } = add(seedNames()[1]!);
    db.transaction(() => c.correct(db, id, 'review.reconsideration.upheld', 1))();
    db.transaction(() => c.correct(db, id, 'review.reconsideration.upheld', 2))();
    db.transaction(() => c.undo(db, id))();
    const value = () =>
      db.prepare("SELECT value, corrected FROM cells WHERE report_id = ? AND field_id = 'review.reconsideration.upheld'").get(id) as {
        value: number;
        corrected: number;
      };
    expect(value()).toEqual({ value: 1, corrected: 1 });
    db.transaction(() => c.correct(db, id, 'review.reconsideration.upheld', 7))();
    expect(c.undoState(db, id)).toEqual({ canUndo: true, canRedo: false });
    db.transaction(() => c.undo(db, id))();
    db.transaction(() => c.undo(db, id))();
    expect(value().corrected).toBe(0);
    expect(c.undoState(db, id).canUndo).toBe(false);
    expect(c.history(db, id).filter((e) => e.undone).length).toBe(3); // 1 (undone last), 2 (undone, then replaced), 7
  });

  it('refuses values that cannot be right for the field', () => {
    const { db, add } = fresh();
    const { reportId: id } = add(seedNames()[0]!);
    expect(() => c.correct(db, id, 'requests.new.person', -1)).toThrow(/count/);
    expect(() => c.correct(db, id, 'requests.new.person', 1.5)).toThrow(/count/);
    expect(() => c.correct(db, id, 'active.rules.issued', 1)).toThrow(/not part of template 2019/);
    expect(() => c.correct(db, id, 'nope', 1)).toThrow(/unknown field/);
    expect(() => c.correct(db, 9999, 'requests.new.person', 1)).toThrow(/no report/);
    expect(c.correct(db, id, 'active.license.change', -3)).toBe(true);
    expect(c.correct(db, id, 'active.procurement.amount_wan', 12.3456)).toBe(true);
  });

  it('re-extraction keeps a correction and flags a cell whose new reading disagrees', () => {
    const { db, add, files } = fresh();
    const name = seedNames()[0]!;
    const ex = seedExtraction(name);
    const wrong = { ...ex, values: { ...ex.values, 'requests.granted.person': 99 } };
    const { reportId: id } = add(name, wrong);
    db.transaction(() => c.correct(db, id, 'requests.granted.person', ex.values['requests.granted.person']!, 'from the PDF'))();
    db.transaction(() => c.verify(db, id))();
    expect(getReport(db, files, id).status).toBe('verified');

    // Same reading again: nothing to look at, still verified.
    let out = db.transaction(() => replaceExtraction(db, id, wrong, 'test-2'))();
    expect(out).toEqual({ changed: false, conflicts: 0 });
    expect(getReport(db, files, id).status).toBe('verified');

    // A third reading, neither the old one nor the correction: kept, flagged.
    const third = { ...ex, values: { ...ex.values, 'requests.granted.person': 42, 'requests.new.person': 1234 } };
    out = db.transaction(() => replaceExtraction(db, id, third, 'test-3'))();
    expect(out).toEqual({ changed: true, conflicts: 1 });
    const r = getReport(db, files, id);
    expect(r.values['requests.granted.person']).toBe(ex.values['requests.granted.person']);
    expect(r.extracted['requests.granted.person']).toBe(42);
    expect(r.values['requests.new.person']).toBe(1234); // uncorrected cells take the new reading
    expect(r.extractorVersion).toBe('test-3');
    expect(r.flags.some((f) => f.source === 'archive' && !f.resolved && f.fields[0] === 'requests.granted.person')).toBe(true);
    expect(r.status).toBe('flagged');
    // Correcting the cell again resolves the look.
    db.transaction(() => c.correct(db, id, 'requests.granted.person', 42, 'checked: 42 is right'))();
    expect(getReport(db, files, id).flags.some((f) => f.source === 'archive' && !f.resolved)).toBe(false);
  });

  it('keeps sources: a second file reading the same as an archived report joins its version; the first stays active', () => {
    const { db, add, files } = fresh();
    const name = seedNames()[2]!;
    const { reportId: a } = add(name);
    const ex = { ...seedExtraction(name), values: { ...seedExtraction(name).values } };
    // a different file (another sha) for the same agency+year
    const f = { ...seedFile(name, ex), sha256: 'f'.repeat(64), name: 'revised.txt' };
    const b = db.transaction(() => insertReport(db, insertFile(db, f, null), ex, 'test-1'))();
    expect(b).toMatchObject({ isVersion: true, outcome: 'same_report_other_format', activeId: a });
    const list = listReports(db, {});
    expect(list.items.map((r) => [r.id, r.versionCount, r.needsCompare])).toEqual([[a, 1, false]]);
    expect(listReports(db, { allVersions: true }).total).toBe(2);
    expect(getReport(db, files, a).versions.map((v) => [v.id, v.active, v.sources.map((s) => s.reportId)])).toEqual([[a, true, [a, b.reportId]]]);
  });

  it('setMeta moves a report, merge keeps aliases, filters and search find it', () => {
    const { db, add, files } = fresh();
    for (const n of seedNames()) add(n);
    const [first] = listReports(db, { agency: '南沙' }).items;
    db.transaction(() => c.setMeta(db, first!.id, { year: 2021, template: '2021' }))();
    const r = getReport(db, files, first!.id);
    expect(r).toMatchObject({ year: 2021, template: '2021' });
    expect(Object.keys(r.values)).toContain('active.rules.issued');
    expect(
      c
        .history(db, first!.id)
        .filter((e) => e.kind === 'meta')
        .map((e) => e.field),
    ).toEqual(['meta.year', 'meta.template']);
    expect(listReports(db, { year: 2021 }).items.map((x) => x.id)).toEqual([first!.id]);
    expect(listReports(db, { region: '河南' }).items.map((x) => x.agency)).toEqual(['西工区商务局']);

    const moved = db.transaction(() => mergeAgencies(db, '西工区商务局', '东莞市商务局'))();
    expect(moved.moved).toBe(1);
    // both had 2020: 西工区's report landed on 东莞's 2020 as a version (reads differently), never hidden without a word
    expect(moved.landed.map((l) => [l.year, l.outcome])).toEqual([[2020, 'new_version']]);
    const ag = listAgencies(db).find((g) => g.name === '东莞市商务局')!;
    expect(ag.aliases).toEqual(['西工区商务局']);
    expect(listReports(db, { agency: '西工区' }).items.every((x) => x.agency === '东莞市商务局')).toBe(true);

    // trigram FTS for 3+ characters, LIKE for 1–2; all five seeds, the traditional 002 (政府信息公開) included
    // (search covers active versions: the merged 2020 now has two versions, one active)
    const hits = search(db, '政府信息公开');
    expect(hits.length).toBe(4);
    expect(search(db, '商務').length).toBe(4); // every seed mentions 商务; a 2-character traditional query on the simplified search form
    expect(search(db, '商務')[0]!.snippet).toContain('[商务]');
    expect(listReports(db, { text: '南沙区商务局' }).total).toBe(1);
  });
});
