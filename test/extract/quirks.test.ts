// One small test per quirk of the spec.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile, extractBytes } from '../../src-main/core/extract/index.js';
import { findMeta } from '../../src-main/core/extract/meta.js';
import { validate } from '../../src-main/core/validate/index.js';
import { RESULT_ROWS } from '../../src-main/core/catalogue/index.js';
import { base, extractText, flagged, withRow } from './helpers.js';
import { generateReport } from '../gen/generate.js';

describe('metadata', () => {
  it('reads the agency from a title broken over two lines', () => {
    const m = findMeta('湛江奋勇高新区招商服务局2020年度政府\n信息公开工作年度报告\n\n本报告由…');
    expect(m).toMatchObject({ agency: '湛江奋勇高新区招商服务局', year: 2020 });
  });
  it('reads a spaced markdown title', () => {
    const m = findMeta('# 东莞市商务局 2020 年政府信息公开 工作年度报告\n2020 年，市商务局…');
    expect(m).toMatchObject({ agency: '东莞市商务局', year: 2020 });
  });
  it('reads a title with the year first and a publication date', () => {
    const m = findMeta('2021年度广州市财政局政府信息公开工作年度报告\n…\n广州市财政局\n2022年1月25日');
    expect(m).toMatchObject({ agency: '广州市财政局', year: 2021, publishedAt: '2022-01-25' });
  });
  it('flags an unknown agency and year', () => {
    const g = base(1);
    const x = extractText(g.text.split('\n').slice(1).join('\n'));
    expect(x.agency).toBeNull();
    expect(x.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['unknown_agency', 'unknown_year']));
    expect(x.values['requests.total.total']).toBe(g.values['requests.total.total']);
  });
});

describe('values', () => {
  const g = base(3);
  it('reads signed changes in every spelling', () => {
    let t = withRow(g.text, '行政许可', ['5', '+1', '6']);
    t = withRow(t, '其他对外管理服务事项', ['14', '减 6', '8']);
    t = withRow(t, '行政处罚', ['2', '增加2', '4']);
    t = withRow(t, '行政强制', ['15(子项)', '-6(子项)', '9']);
    const x = extractText(t);
    expect(x.values['active.license.change']).toBe(1);
    expect(x.values['active.other_service.change']).toBe(-6);
    expect(x.values['active.penalty.change']).toBe(2);
    expect(x.values['active.coercion.prev']).toBe(15);
    expect(x.values['active.coercion.change']).toBe(-6);
    expect(x.cells['active.coercion.prev']!.note).toBe('子项');
    expect(x.cells['active.coercion.prev']!.raw).toBe('15(子项)');
  });
  it.each([
    ['476.32万元', 476.32],
    ['1898468.07 元', 189.846807],
    ['5600元', 0.56],
    ['12.5', 12.5],
  ])('money %s → %f 万元', (cell, want) => {
    const x = extractText(withRow(g.text, '政府集中采购', ['3', cell]));
    expect(x.values['active.procurement.amount_wan']).toBeCloseTo(want, 8);
    expect(x.values['active.procurement.projects']).toBe(3);
  });
  it('reads a bare number under a 元 header as yuan', () => {
    const t = withRow(g.text.replace(/采购总金额（单位：万元，保留4位小数）/, '采购总金额（元）'), '政府集中采购', ['3', '56000']);
    expect(extractText(t).values['active.procurement.amount_wan']).toBeCloseTo(5.6, 8);
  });
  it.each(['-', '/', '无'])('reads %s as blank (null), not zero', (mark) => {
    const x = extractText(withRow(g.text, '规范性文件', ['2', mark, '7']));
    expect(x.values['active.normative.published']).toBeNull();
    expect(x.values['active.normative.made']).toBe(2);
    expect(x.cells['active.normative.published']!.raw).toBe(mark);
  });
  it('flags money in a count column as unparseable', () => {
    const x = extractText(withRow(g.text, '规章', ['5元', '1', '1']));
    expect(x.values['active.rules.made']).toBeNull();
    expect(flagged(x, 'active.rules.made', 'unparseable')).toBe(true);
  });
});

describe('rows', () => {
  const g = base(5);
  it('leaves a row with fewer numbers than columns null and flags it', () => {
    const x = extractText(withRow(g.text, '属于国家秘密', ['0', '0', '0', '0', '0']));
    for (const c of ['person', 'business', 'total']) expect(x.values[`requests.denied_state_secret.${c}`]).toBeNull();
    expect(flagged(x, 'requests.denied_state_secret.person', 'incomplete_row')).toBe(true);
    expect(x.values['requests.denied_law.person']).toBe(g.values['requests.denied_law.person']);
  });
  it('treats a row with only blank cells as incomplete', () => {
    const x = extractText(withRow(g.text, '予以公开', ['', '', '', '', '', '']));
    expect(x.values['requests.granted.total']).toBeNull();
    expect(flagged(x, 'requests.granted', 'incomplete_row')).toBe(true);
  });
  it('finds a label placed in another cell than usual', () => {
    const t = g.text.replace(/\n\t\t2\.其他法律/, '\n2.其他法律').replace(/\n\t\t(\d)\./g, '\n\t$1.');
    const x = extractText(t);
    expect(x.values['requests.denied_law.total']).toBe(g.values['requests.denied_law.total']);
    expect(x.flags).toEqual([]);
  });
  it('reads a label printed after its numbers (PDF order)', () => {
    const lines = g.text.split('\n');
    const i = lines.findIndex((l) => l.includes('部分公开'));
    const cells = lines[i]!.split('\t');
    lines[i] = [...cells.slice(3), '', ...cells.slice(0, 3)].join('\t');
    const x = extractText(lines.join('\n'));
    for (const c of ['person', 'total']) {
      expect(x.values[`requests.partial.${c}`]).toBe(g.values[`requests.partial.${c}`]);
      expect(x.values[`requests.granted.${c}`]).toBe(g.values[`requests.granted.${c}`]);
    }
    expect(x.cells['requests.partial.person']!.confidence).toBeLessThan(1);
  });
  it('splits glued crawler digits only where the rules leave one reading', () => {
    const x = extractText(withRow(g.text, '予以公开', ['640020470']));
    expect(['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => x.values[`requests.granted.${c}`])).toEqual([
      64, 0, 0, 2, 0, 4, 70,
    ]);
    expect(x.cells['requests.granted.total']!.confidence).toBeLessThan(1);
    expect(flagged(x, 'requests.granted', 'inferred')).toBe(true);
    const y = extractText(withRow(g.text, '予以公开', ['1111114']));
    expect(y.values['requests.granted.person']).toBeNull(); // 1|1|1|1|1|1|... no: 7 digits, 6 ones sum to 6 ≠ 4
    expect(flagged(y, 'requests.granted')).toBe(true);
    const z = extractText(withRow(g.text, '予以公开', ['1010102']));
    expect(z.values['requests.granted.person']).toBeNull(); // several readings add up
    expect(flagged(z, 'requests.granted', 'ambiguous')).toBe(true);
  });
  it('keeps extra cells when every reading agrees; picks the one that adds up otherwise', () => {
    const same = extractText(withRow(g.text, '予以公开', ['0', '0', '0', '0', '0', '0', '0', '0']));
    expect(same.values['requests.granted.total']).toBe(0);
    const diff = extractText(withRow(g.text, '予以公开', ['9', '1', '0', '0', '0', '0', '0', '1']));
    expect(diff.values['requests.granted.person']).toBe(1);
    expect(diff.values['requests.granted.total']).toBe(1);
    expect(flagged(diff, 'requests.granted', 'extra_cells')).toBe(true);
  });
  it('keeps a review total that does not add up and flags R4 with expected vs found', () => {
    const lines = g.text.split('\n');
    const i = lines.findIndex((l) => /^\d+(\t\d+){14}$/.test(l));
    lines[i] = ['10', '1', '0', '0', '0', ...Array(10).fill('0')].join('\t');
    const x = extractText(lines.join('\n'));
    expect(x.values['review.reconsideration.total']).toBe(0);
    const f = x.flags.find((fl) => fl.rule === 'R4');
    expect(f).toMatchObject({ kind: 'rule', expected: 0, found: 11 });
    expect(f!.fields).toContain('review.reconsideration.total');
  });
  it('flags a missing table', () => {
    const t = g.text.replace(/四、政府信息公开行政复议[\s\S]*?五、/, '五、');
    const x = extractText(t);
    expect(flagged(x, 'review.reconsideration.total', 'missing_table')).toBe(true);
    expect(x.values['review.reconsideration.total']).toBeNull();
  });
});

describe('templates', () => {
  it('flags a report whose year and labels disagree', () => {
    const g = base(7, { template: '2019' });
    const x = extractText(g.text.replace(/^(.*?)20(19|20)年/, '$12022年'));
    expect(x.year).toBe(2022);
    expect(x.template).toBe('2019');
    expect(x.flags.some((f) => f.kind === 'template_mismatch')).toBe(true);
  });
  it('reads a 2021 hybrid with （六）其他处理 as one row', () => {
    const g = base(8, { template: '2021', hybrid: true });
    const x = extractText(g.text);
    expect(x.template).toBe('2021');
    expect(x.values['requests.other.total']).toBe(g.values['requests.other.total']);
    expect(x.values['requests.other_misc.total']).toBeNull();
    expect(x.flags.map((f) => f.kind)).toEqual(['hybrid_template']);
  });
});

describe('validate()', () => {
  it('works on values alone, skips null operands, counts optional fields as 0', () => {
    const v: Record<string, number | null> = {
      'review.reconsideration.upheld': 1,
      'review.reconsideration.corrected': 2,
      'review.reconsideration.other': 0,
      'review.reconsideration.pending': 0,
      'review.reconsideration.total': 4,
      'review.litigation_direct.upheld': null,
      'review.litigation_direct.total': 9,
    };
    const flags = validate(v, '2019');
    expect(flags.filter((f) => f.rule === 'R4')).toHaveLength(1);
    expect(flags[0]).toMatchObject({ expected: 4, found: 3 });
    // R3 on the optional 2021 （六）其他处理 row: all null → 0 = 0, no flag
    expect(validate({}, '2021').length).toBe(0);
  });
});

describe('files', () => {
  it('extractFile never throws: a missing or binary file becomes an error object', async () => {
    const x = await extractFile('/nonexistent/r.txt');
    expect(x).toMatchObject({ agency: null, year: null, template: null, values: {}, flags: [], cells: {} });
    expect(x.error).toMatch(/cannot (?:open|read) the file/);
    const dir = mkdtempSync(join(tmpdir(), 'nb-'));
    const bin = join(dir, 'x.txt');
    writeFileSync(bin, Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37) % 256)));
    const y = await extractFile(bin);
    expect(y.error).toBeTruthy();
    const z = await extractBytes(new Uint8Array(0), 'empty.txt');
    expect(z.error).toMatch(/empty/);
  });
});

describe('pdftotext-style layout', () => {
  it('splits cells on runs of spaces and reads labels wrapped around their numbers', () => {
    const g = base(11, { template: '2021' });
    let t = g.text.replace(/\t/g, '    ');
    // the 5th 不予处理 label wraps: its start, then the numbers, then its end
    const lines = t.split('\n');
    const i = lines.findIndex((l) => l.includes('要求行政机关确认或重新出具已获取信息'));
    const nums = lines[i]!.split(/\s{2,}/).filter((c) => /^\d+$/.test(c));
    lines[i] = `        5.要求行政机关确认或重新出\n                   ${nums.join('       ')}\n        具已获取信息`;
    t = lines.join('\n');
    const x = extractText(t);
    expect(x.values['requests.rejected_confirm.total']).toBe(g.values['requests.rejected_confirm.total']);
    expect(x.values['requests.new.person']).toBe(g.values['requests.new.person']);
    expect(x.flags).toEqual([]);
  });
  it('reads the agency from the line above the year', () => {
    expect(findMeta('            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n')).toMatchObject({ agency: '淮安市人民政府', year: 2024 });
  });
});

describe('rules R1–R3 name their fields with expected vs found', () => {
  const g = base(21);
  it('R3: a row total that is not the sum of its columns', () => {
    const v = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org'].map((c) => g.values[`requests.carried_forward.${c}`]!);
    const sum = v.reduce((a, b) => a + b, 0);
    const x = extractText(withRow(g.text, '结转下年度继续办理', [...v.map(String), String(sum + 3)]));
    const r3 = x.flags.find((f) => f.rule === 'R3');
    expect(r3).toMatchObject({ expected: sum + 3, found: sum });
    expect(r3!.fields).toContain('requests.carried_forward.total');
    expect(x.flags.some((f) => f.rule === 'R1')).toBe(true); // the total column's R1 breaks too
  });
  it('R2: a 总计 row that is not the sum of the outcomes', () => {
    const cells = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => g.values[`requests.total.${c}`]!);
    cells[0] = cells[0]! + 2;
    cells[6] = cells[6]! + 2;
    const x = extractText(withRow(g.text, '（七）总计', cells.map(String)));
    const r2 = x.flags.find((f) => f.rule === 'R2' && f.fields.includes('requests.total.person'));
    expect(r2).toMatchObject({ expected: g.values['requests.total.person']! + 2, found: g.values['requests.total.person'] });
  });
});

describe('numbers drifting between rows', () => {
  it('blanks and flags rows whose numbers may belong to a neighbour instead of guessing', () => {
    const g = base(31);
    const lines = g.text.split('\n');
    // 予以公开 and 部分公开 both printed after their numbers (a cascade)
    for (const label of ['予以公开', '部分公开']) {
      const i = lines.findIndex((l) => l.includes(label));
      const cells = lines[i]!.split('\t');
      lines[i] = [...cells.slice(3), '', ...cells.slice(0, 3)].join('\t');
    }
    const x = extractText(lines.join('\n'));
    for (const row of ['requests.carried_over', 'requests.granted', 'requests.partial']) {
      const v = x.values[`${row}.person`];
      const ok = v === g.values[`${row}.person`];
      // never a silent wrong number: right, or null and flagged
      expect(ok || (v === null && flagged(x, `${row}.person`)), row).toBe(true);
    }
  });
});

describe('more spellings', () => {
  it('reads counts with a measure word (1229件) and 政务公开 titles', () => {
    const g = base(41);
    const x = extractText(withRow(g.text, '行政许可', ['14件', '减 6', '1229件']));
    expect(x.values['active.license.prev']).toBe(14);
    expect(x.values['active.license.decisions']).toBe(1229);
    expect(findMeta('某县民政局2021年政务公开工作年度报告\n')).toMatchObject({ agency: '某县民政局', year: 2021 });
  });
  it('takes the year from the reporting period when the title has none', () => {
    expect(findMeta('某县民政局政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。').year).toBe(2022);
  });
});

describe('table 四 without its heading', () => {
  it('starts table 四 at its header row', () => {
    const g = base(51);
    const x = extractText(g.text.replace('四、政府信息公开行政复议、行政诉讼情况', ''));
    expect(x.flags).toEqual([]);
    expect(x.values['review.litigation_after.total']).toBe(g.values['review.litigation_after.total']);
    expect(x.values['requests.carried_forward.total']).toBe(g.values['requests.carried_forward.total']);
  });
});

describe('validate: （六）其他处理 as a subtotal of the 2021 sub-rows', () => {
  it('does not count the subtotal and its sub-rows twice in R2', () => {
    const v: Record<string, number | null> = {
      'requests.granted.person': 1,
      'requests.other.person': 2,
      'requests.other_no_supplement.person': 1,
      'requests.other_no_fee.person': 0,
      'requests.other_misc.person': 1,
      'requests.total.person': 3,
    };
    const r2 = (vals: Record<string, number | null>) => validate(vals, '2021').filter((f) => f.rule === 'R2' && f.fields.includes('requests.total.person'));
    // other parts of R2 (denied_* ...) are absent → the check is skipped; fill them with 0
    for (const id of RESULT_ROWS) if (!(`requests.${id}.person` in v)) v[`requests.${id}.person`] = 0;
    expect(r2(v)).toEqual([]);
    expect(r2({ ...v, 'requests.total.person': 5 })).toHaveLength(1);
    // hybrid: sub-rows absent, the single row counts
    expect(r2({ ...v, 'requests.other_no_supplement.person': null, 'requests.other_no_fee.person': null, 'requests.other_misc.person': null })).toEqual([]);
  });
});

describe('crawler text with a label glued to its digits', () => {
  it('splits the label off and the digits by the rules', () => {
    const g = base(61);
    const lines = g.text.split('\n');
    const i = lines.findIndex((l) => l.includes('予以公开'));
    lines[i] = '三、本年度办理结果（一）予以公开640020470';
    const x = extractText(lines.join('\n'));
    expect(['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => x.values[`requests.granted.${c}`])).toEqual([
      64, 0, 0, 2, 0, 4, 70,
    ]);
    expect(x.cells['requests.granted.person']!.raw).toBe('640020470');
  });
});

describe('总计 column left blank on every 办理结果 row', () => {
  it('reads the six columns when they add up to the 总计 row, total null', () => {
    const g = base(71);
    const lines = g.text.split('\n');
    const results = [
      '予以公开',
      '部分公开',
      '国家秘密',
      '禁止公开',
      '三安全一稳定',
      '第三方合法权益',
      '内部事务信息',
      '过程性信息',
      '行政执法案卷',
      '行政查询事项',
      '不掌握相关政府信息',
      '另行制作',
      '仍不明确',
      '信访举报投诉',
      '重复申请',
      '公开出版物',
      '大量反复申请',
      '已获取信息',
      '其他处理',
    ];
    for (const label of results) {
      const i = lines.findIndex((l) => l.includes(label) && /\t\d+$/.test(l));
      const cells = lines[i]!.split('\t');
      lines[i] = [...cells.slice(0, -1), ''].join('\t');
    }
    const x = extractText(lines.join('\n'));
    expect(x.values['requests.granted.person']).toBe(g.values['requests.granted.person']);
    expect(x.values['requests.granted.total']).toBeNull();
    expect(x.values['requests.total.total']).toBe(g.values['requests.total.total']);
    expect(x.flags).toEqual([]);
    // and when they do not add up, the rows stay incomplete and flagged
    const j = lines.findIndex((l) => l.includes('予以公开'));
    lines[j] = lines[j]!.replace(/\t(\d+)\t/, (_, d) => `\t${Number(d) + 1}\t`);
    const y = extractText(lines.join('\n'));
    expect(y.values['requests.granted.person']).toBeNull();
    expect(flagged(y, 'requests.granted', 'incomplete_row')).toBe(true);
  });
});

describe('explicit blank cells are positions', () => {
  const md = () => generateReport(5, { layout: 'markdown', template: '2021' });
  const cols = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
  it('reads `| 0 | 0 | 0 | 0 | 0 | 0 |  |` as six numbers and a blank 总计', () => {
    const g = md();
    const t = g.text.replace(/(（一）予以公开 \|  \|)((?: \d+ \|){6}) \d+ \|/, '$1$2  |');
    expect(t).not.toBe(g.text);
    const x = extractText(t);
    expect(cols.slice(0, 6).map((c) => x.values[`requests.granted.${c}`])).toEqual(cols.slice(0, 6).map((c) => g.values[`requests.granted.${c}`]));
    expect(x.values['requests.granted.total']).toBeNull();
    expect(flagged(x, 'requests.granted', 'incomplete_row')).toBe(false); // a blank as printed, not a lost cell
  });
  it('reads a blank in the middle of a row at its column, not as a short row', () => {
    const g = md();
    const t = g.text.replace(/(（一）予以公开 \|  \|)( \d+ \|)( \d+ \|)/, '$1$2  |');
    const x = extractText(t);
    expect(x.values['requests.granted.person']).toBe(g.values['requests.granted.person']);
    expect(x.values['requests.granted.business']).toBeNull();
    expect(x.values['requests.granted.total']).toBe(g.values['requests.granted.total']);
    // a tab row the same way
    const tabs = base(5, { template: '2021' });
    const y = extractText(withRow(tabs.text, '予以公开', ['3', '', '0', '0', '0', '0', '3']));
    expect(cols.map((c) => y.values[`requests.granted.${c}`])).toEqual([3, null, 0, 0, 0, 0, 3]);
  });
  it('still drops a grid row’s padding (`| 行政许可 | 73 |  |  |`)', () => {
    const g = md();
    const x = extractText(g.text);
    expect(x.values['active.license.decisions']).toBe(g.values['active.license.decisions']);
    expect(x.flags).toEqual([]);
  });
});

describe('a scrambled table taints itself', () => {
  it('flags every value read in a table with two or more rows shifted or ambiguous', () => {
    const g = base(81, { template: '2021' });
    // glued digits with several readings that add up: two rows read as ambiguous
    let t = withRow(g.text, '予以公开', ['1010102']);
    t = withRow(t, '重复申请', ['1010102']);
    const x = extractText(t);
    expect(x.values['requests.granted.total']).toBeNull();
    expect(flagged(x, 'requests.granted', 'ambiguous')).toBe(true);
    // the other rows of table 三 are still read, each under a layout_doubt naming its row
    expect(x.values['requests.new.total']).toBe(g.values['requests.new.total']);
    const doubt = x.flags.filter((f) => f.kind === 'layout_doubt');
    expect(doubt.map((f) => f.fields[0])).toContain('requests.new');
    expect(doubt.map((f) => f.fields[0])).toContain('requests.carried_forward');
    expect(doubt.every((f) => f.fields.length === 1 && f.fields[0]!.startsWith('requests.'))).toBe(true);
    for (const id of Object.keys(x.values)) if (id.startsWith('requests.') && x.values[id] !== null) expect(flagged(x, id)).toBe(true);
    expect(x.cells['requests.new.total']!.confidence).toBeLessThanOrEqual(0.5);
    // table 二 is in order: untouched
    expect(flagged(x, 'active.rules.issued')).toBe(false);
    // one doubtful row alone does not taint its table
    const y = extractText(withRow(g.text, '予以公开', ['1010102']));
    expect(flagged(y, 'requests.granted', 'ambiguous')).toBe(true);
    expect(y.flags.some((f) => f.kind === 'layout_doubt')).toBe(false);
  });
});
