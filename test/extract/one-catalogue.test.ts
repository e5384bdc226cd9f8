// The catalogue is the one description of the templates: field ids as a type,
// the rules inside a row (R3, R4), the row a 2021 report may print whole
// (（六）其他处理) and the tables' headings are read from it by extraction,
// validation and the contract.
import { describe, expect, it } from 'vitest';
import {
  ALL_FIELD_IDS,
  isFieldId,
  APPEALS_COLUMNS,
  rowSum,
  SPLIT_FIELDS,
  tableDef,
  TEMPLATE_EVIDENCE,
  TEMPLATES,
  type FieldId,
} from '../../src-main/core/catalogue/index.js';
import { parseArgsFor } from '../../src-main/contract/validate.js';
import { extractDocument } from '../../src-main/core/extract/index.js';
import { validate } from '../../src-main/core/validate/index.js';
import type { ReportDocument } from '../../src-main/core/model.js';

const doc = (text: string): ReportDocument => ({ text, format: 'txt', grids: [] }) as unknown as ReportDocument;

describe('FieldId', () => {
  it('is every field of both templates, and nothing else', () => {
    const ids: FieldId[] = ['requests.granted.person', 'active.procurement.amount_wan', 'review.litigation_after.pending', 'active.fee.amount_wan'];
    // @ts-expect-error a misspelt column is no field id
    const bad: FieldId = 'requests.granted.persons';
    // @ts-expect-error 行政事业性收费 has no 处理决定数量 in either template
    const fee: FieldId = 'active.fee.decisions';
    for (const id of ids) expect(isFieldId(id)).toBe(true);
    expect(isFieldId(bad)).toBe(false);
    expect(isFieldId(fee)).toBe(false);
    expect(ALL_FIELD_IDS).toHaveLength(new Set([...TEMPLATES['2019'].fields, ...TEMPLATES['2021'].fields].map((f) => f.id)).size);
  });

  it('is what the contract accepts where a cell is named', () => {
    expect(parseArgsFor('cells.correct', { id: 1, field: 'requests.new.person', value: 3 }).field).toBe('requests.new.person');
    expect(() => parseArgsFor('cells.correct', { id: 1, field: 'requests.new.persons', value: 3 })).toThrow(/field id/);
    expect(() => parseArgsFor('charts.top', { year: 2020, field: 'requests.nothing.total', n: 5 })).toThrow(/field id/);
    // history also names metadata and acceptances
    expect(parseArgsFor('cells.history', { id: 1, field: 'meta.agency' }).field).toBe('meta.agency');
  });
});

describe('rules inside a row, from the catalogue', () => {
  it('R3 on a row of table 三: 总计 is the sum of the six applicant columns', () => {
    const r3 = rowSum('requests.granted')!;
    expect(r3.rule).toBe('R3');
    expect(r3.total).toBe(6);
    expect(r3.parts).toEqual([0, 1, 2, 3, 4, 5]);
    expect(r3.holds([1, 2, 0, 0, 0, 4, 7])).toBe(true);
    expect(r3.holds([1, 2, 0, 0, 0, 4, 6])).toBe(false);
    expect(r3.holds([1, 2, 0, 0, 0, 3])).toBe(false); // a short row never holds
  });
  it('R4 on a group of table 四, none on table 二', () => {
    const r4 = rowSum('review.litigation_direct')!;
    expect(r4.rule).toBe('R4');
    expect(r4.total).toBe(APPEALS_COLUMNS.findIndex((c) => c.id === 'total'));
    expect(r4.holds([1, 2, 3, 4, 10])).toBe(true);
    expect(r4.holds([1, 2, 3, 4, 11])).toBe(false);
    expect(rowSum('active.license')).toBeNull();
  });
});

describe('a row printed whole in place of its parts (（六）其他处理)', () => {
  it('maps each column of the whole to its three 2021 parts', () => {
    expect(SPLIT_FIELDS.partsOf.get('requests.other.person')).toEqual([
      'requests.other_no_supplement.person',
      'requests.other_no_fee.person',
      'requests.other_misc.person',
    ]);
    expect(SPLIT_FIELDS.wholeOf.get('requests.other_misc.total')).toBe('requests.other.total');
  });
  it('validation sums the whole or its parts, never both', () => {
    const v: Record<string, number | null> = {};
    for (const f of TEMPLATES['2021'].fields) v[f.id] = 0;
    for (const c of ['person', 'total']) {
      v[`requests.other.${c}`] = 2;
      v[`requests.other_no_supplement.${c}`] = 1;
      v[`requests.other_misc.${c}`] = 1;
      v[`requests.total.${c}`] = 2;
      v[`requests.new.${c}`] = 2;
    }
    expect(validate(v, '2021').filter((f) => f.rule === 'R2')).toEqual([]);
    // the parts absent: the whole alone counts (a hybrid)
    for (const c of ['person', 'total']) for (const p of ['other_no_supplement', 'other_no_fee', 'other_misc']) v[`requests.${p}.${c}`] = null;
    expect(validate(v, '2021').filter((f) => f.rule === 'R2')).toEqual([]);
  });
});

describe('table headings from TableDef', () => {
  it('numbers the tables as the sections do', () => {
    expect(['active', 'requests', 'review'].map((t) => tableDef(t as 'active').numeral)).toEqual(['二', '三', '四']);
  });
  it('finds table 四 under a heading worded off the template, by its heading words', () => {
    const text = [
      '某某市商务局2020年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1',
      '四、行政复议和诉讼情况',
      '0 0 0 0 0 1 0 0 0 1 0 0 0 0 0',
      '五、存在的主要问题及改进情况',
    ].join('\n');
    const x = extractDocument(doc(text), 'x.txt');
    expect(x.values['review.litigation_direct.upheld']).toBe(1);
    expect(x.values['review.litigation_direct.total']).toBe(1);
    expect(x.values['review.reconsideration.total']).toBe(0);
    expect(x.values['requests.new.person']).toBe(1);
  });
});

describe('words that tell the templates apart, from the catalogue', () => {
  const words = (t: '2019' | '2021') => TEMPLATES[t].fields.flatMap((f) => [...f.column.variants, ...f.row.keys]);
  it('each evidence word is part of its own template’s labels and of none of the other’s', () => {
    for (const [t, other] of [
      ['2019', '2021'],
      ['2021', '2019'],
    ] as const) {
      expect(TEMPLATE_EVIDENCE[t].length).toBeGreaterThanOrEqual(5);
      for (const k of TEMPLATE_EVIDENCE[t]) {
        expect(
          words(t).some((w) => w.includes(k)),
          `${k} in ${t}`,
        ).toBe(true);
        expect(
          words(other).some((w) => w.includes(k)),
          `${k} not in ${other}`,
        ).toBe(false);
      }
    }
  });

  it('a 万元 column headed in 元 (its label from the catalogue) is converted, 本年 or not', () => {
    const head = (label: string) =>
      extractDocument(
        doc(`2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n信息内容 ${label}（单位：元）\n行政事业性收费 52000\n`),
        'x.txt',
      ).values['active.fee.amount_wan'];
    expect(head('本年收费金额')).toBe(5.2);
    expect(head('收费金额')).toBe(5.2);
  });
});
