// Flags in words: rule failures spelt out with the catalogue's labels.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src-main/core/validate/index.js';
import { describeFlag } from '../../src-main/core/validate/describe.js';
import { TEMPLATES } from '../../src-main/core/catalogue/index.js';

function zeros(t: '2019' | '2021'): Record<string, number> {
  return Object.fromEntries(TEMPLATES[t].fields.map((f) => [f.id, 0]));
}

describe('describeFlag', () => {
  it('spells out each rule with the labels and the two sums', () => {
    const v = zeros('2021');
    v['requests.new.person'] = 14; // R1 and R3 (row 新收) and nothing else balances
    v['requests.total.person'] = 13; // R2: 13 against 0 outcomes
    v['review.reconsideration.upheld'] = 2; // R4
    const flags = validate(v, '2021');
    const text = (rule: string, lang: 'zh' | 'en' = 'zh') => flags.filter((f) => f.rule === rule).map((f) => describeFlag(f, lang));
    expect(text('R1')).toEqual(['R1（自然人）：本年新收 + 上年结转 = 14，而总计 + 结转下年度 = 13']);
    expect(text('R2')).toEqual(['R2（自然人）：总计为 13，而各项办理结果之和为 0']);
    expect(text('R3').sort()).toEqual(
      ['R3（“总计”行）：总计列为 0，而各类申请人之和为 13', 'R3（“本年新收政府信息公开申请数量”行）：总计列为 0，而各类申请人之和为 14'].sort(),
    );
    expect(text('R4')).toEqual(['R4（行政复议）：总计为 0，而维持、纠正、其他、尚未审结之和为 2']);
    expect(text('R2', 'en')).toEqual(['R2 (Natural persons): total is 13, but the outcome rows add up to 0']);
  });

  it('names the row or table of other flags; the extractor detail only in English', () => {
    expect(describeFlag({ kind: 'incomplete_row', fields: ['requests.granted'], message: '5 numbers for 7 columns' })).toBe(
      '予以公开：该行数字少于列数，单元格留空待核',
    );
    expect(describeFlag({ kind: 'incomplete_row', fields: ['requests.granted'], message: '5 numbers for 7 columns' }, 'en')).toContain(
      '(5 numbers for 7 columns)',
    );
    expect(describeFlag({ kind: 'missing_table', fields: ['review'], message: 'table 四 was not found' })).toBe(
      '政府信息公开行政复议、行政诉讼情况：未找到此表',
    );
    expect(describeFlag({ kind: 'something_new', fields: [], message: 'as stored' } as never)).toBe('其他问题，请核对原文');
    expect(describeFlag({ kind: 'something_new', fields: [], message: 'as stored' } as never, 'en')).toBe('as stored');
    expect(
      describeFlag({ kind: 'ambiguous', fields: ['requests.granted.person'], message: 're-extraction now reads 4', source: 'archive' } as never),
    ).toContain('重新提取的读数与更正前不同，更正已保留');
  });
});
