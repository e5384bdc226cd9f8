// Every path that changes a report's agency, year or active version checks it
// again (quality and cross-year, issue 14), keeping acceptances; a version
// switch carries acceptances and 已核实 where they still hold on the same values.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS } from './helpers.js';
import { haveSeeds } from '../seeds.js';
import { archive, COLS, put, values } from './put.js';

const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');
const NANSHA = '000_837c288e23ba6919.txt';
const XIGONG = '001_502fd0f0e67df8d6.txt';

/** 2021 readings: 上年结转 0 everywhere (2020 carried 1…6 forward), plus `extra` cells. */
const y21 = (extra: Record<string, number> = {}) => values('2021', extra);
function y20() {
  const set: Record<string, number> = {};
  COLS.forEach((c, i) => {
    set[`requests.carried_forward.${c}`] = c === 'total' ? 21 : i + 1;
    set[`requests.new.${c}`] = c === 'total' ? 21 : i + 1;
  });
  return values('2019', set);
}
/** Four cells another version reads otherwise (R4 holds). */
const OTHER = {
  'review.reconsideration.upheld': 1,
  'review.reconsideration.total': 1,
  'review.litigation_direct.upheld': 2,
  'review.litigation_direct.total': 2,
};

describe.skipIf(!haveSeeds)('re-checks on merge and version switch', () => {
  it('a merge re-checks quality: a government report moved under a department is late by the department deadline', async () => {
    const a = await archive();
    put(a, '某县商务局', 2019, values('2019'));
    const id = put(a, '某县人民政府', 2020, values('2019'), { publishedAt: '2021-02-20' });
    expect(a.getReport(id).flags.filter((f) => f.kind === 'late_publication')).toEqual([]); // 人民政府: 3月31日
    a.mergeAgencies('某县人民政府', '某县商务局');
    const late = a.getReport(id).flags.filter((f) => f.kind === 'late_publication');
    expect(late).toHaveLength(1);
    expect(late[0]!.detail).toMatchObject({ deadline: '2021-01-31', days: 20 });
    a.close();
  });

  it('a version switch re-checks quality: the version copying last year gets copied_text once it is active, and loses it when left', async () => {
    const a = await archive();
    const text20 = seed(NANSHA);
    put(a, '南沙区商务局', 2020, values('2019'), { text: text20 });
    const v1 = put(a, '南沙区商务局', 2021, y21(), { text: seed(XIGONG).replace(/西工区/g, '南沙区') });
    const v2 = put(a, '南沙区商务局', 2021, y21(OTHER), { text: text20.replace(/2021/g, '2022').replace(/2020/g, '2021') });
    expect(a.versions(v1)).toHaveLength(2);
    const copied = (id: number) => a.getReport(id).flags.filter((f) => f.kind === 'copied_text');
    expect(copied(v1)).toEqual([]);
    expect(copied(v2)).toEqual([]); // not active: not compared
    a.useVersion(v1, v2);
    expect(copied(v2).length).toBeGreaterThanOrEqual(2);
    expect(copied(v2).every((f) => f.detail?.sameAgency === 1 && f.detail?.otherYear === 2020)).toBe(true);
    a.useVersion(v2, v1);
    expect(copied(v2)).toEqual([]);
    a.close();
  });

  it('a version switch carries acceptances (原文如此, 情况属实) where the same flag holds on the same values, and 已核实 where every value is the same', async () => {
    const a = await archive();
    put(a, '某区司法局', 2020, y20());
    const v1 = put(a, '某区司法局', 2021, y21());
    const v2 = put(a, '某区司法局', 2021, y21({ ...OTHER, 'requests.carried_over.business': 7, 'requests.granted.business': 7, 'requests.total.business': 7 }));
    const flagsOf = (id: number) => a.getReport(id).flags;
    const x1 = (id: number, col: string) => flagsOf(id).find((f) => f.kind === 'cross_year' && f.fields[0] === `requests.carried_over.${col}`)!;
    a.acceptFlag(v1, x1(v1, 'person').id, '原件如此');
    a.acceptFlag(v1, x1(v1, 'business').id, '原件如此');
    const q = flagsOf(v1).find((f) => f.kind === 'missing_section')!;
    a.acceptFlag(v1, q.id, '原件确无此节');
    // the user corrects version 1's four cells to version 2's readings, then verifies
    for (const [f, v] of Object.entries(OTHER)) a.correct(v1, f, v);
    a.correct(v1, 'requests.carried_over.business', 7);
    a.correct(v1, 'requests.granted.business', 7);
    a.correct(v1, 'requests.total.business', 7);
    a.verify(v1);
    expect(a.getReport(v1).status).toBe('verified');
    const r = a.useVersion(v1, v2);
    expect(r.report.id).toBe(v2);
    // person: the same X1 on the same value (0 against 1) — carried; business: v1 accepted "0 against 2", v2 reads 7 — not
    expect(x1(v2, 'person').accepted?.note).toBe('原件如此 — 沿用第 ' + v1 + ' 版的确认 / carried over from version ' + v1);
    expect(x1(v2, 'business').accepted).toBeNull();
    expect(x1(v2, 'business').resolved).toBe(false);
    const q2 = flagsOf(v2).find((f) => f.kind === 'missing_section' && f.message === q.message)!;
    expect(q2.accepted?.note).toContain('原件确无此节');
    expect([...r.acceptances].sort()).toEqual(['cross_year', 'missing_section']);
    // every value the same as version 1's (as corrected): 已核实 carried, logged
    expect(r.verified).toBe(true);
    expect(a.getReport(v2).status).toBe('verified');
    expect(a.history(v2).some((h) => h.field === 'meta.status' && String(h.note).includes('沿用第'))).toBe(true);
    // version 1 keeps its own review work
    expect(x1(v1, 'person')).toBeUndefined(); // not active: no cross-year flags …
    expect(a.history(v1).filter((h) => h.kind === 'accept')).toHaveLength(3); // … its acceptances stay logged
    a.close();
  });

  it('已核实 is not carried when a value differs', async () => {
    const a = await archive();
    const v1 = put(a, '某区审计局', 2021, y21());
    const v2 = put(a, '某区审计局', 2021, y21(OTHER));
    a.verify(v1);
    const r = a.useVersion(v1, v2);
    expect(r.verified).toBe(false);
    expect(a.getReport(v2).status).not.toBe('verified');
    a.close();
  });
});
