// Crawler pages whose table cells lost every separator (extract/glued.ts):
// the three real pages in ../shared/real-glued, and hand-made ones where a
// row splits only one way and another is left ambiguous.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src-main/core/extract/index.js';
import { extractText, flagged } from './helpers.js';

const REAL = new URL('../../../shared/real-glued/', import.meta.url).pathname;

const Z7 = '0000000';
/** A 2021-template page as the 平潭 crawler saves it: metadata header, the body on one line. */
function page(cells: Record<string, string>): string {
  const c = (k: string, d: string) => cells[k] ?? d;
  return [
    '标题: 平潭综合实验区测试局2022年政府信息公开工作年度报告',
    '发布时间: 2023-01-10 09:00',
    '==================== 正文 ====================',
    '一、总体情况2022年，我局收到申请30件。二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数' +
      `规章${c('rules', '000')}行政规范性文件${c('normative', '002')}第二十条第（五）项信息内容本年处理决定数量行政许可${c('license', '7')}` +
      `第二十条第（六）项信息内容本年处理决定数量行政处罚${c('penalty', '141')}行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费${c('fee', '0')}` +
      '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他' +
      `一、本年新收政府信息公开申请数量${c('new', '291000030')}二、上年结转政府信息公开申请数量${Z7}三、本年度办理结果（一）予以公开${c('granted', '2000002')}` +
      `（二）部分公开（区分处理的，只计这一情形，不计其他情形）${c('partial', '1100002')}（三）不予公开1.属于国家秘密${Z7}2.其他法律行政法规禁止公开${Z7}3.危及“三安全一稳定”${Z7}` +
      `4.保护第三方合法权益${Z7}5.属于三类内部事务信息${Z7}6.属于四类过程性信息${Z7}7.属于行政执法案卷${Z7}8.属于行政查询事项${Z7}` +
      `（四）无法提供1.本机关不掌握相关政府信息${c('not_held', '2600000 26')}2.没有现成信息需要另行制作${Z7}3.补正后申请内容仍不明确${Z7}` +
      `（五）不予处理1.信访举报投诉类申请${Z7}2.重复申请${Z7}3.要求提供公开出版物${Z7}4.无正当理由大量反复申请${Z7}5.要求行政机关确认或重新出具已获取信息${Z7}` +
      `（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请${Z7}2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请${Z7}3.其他${Z7}` +
      `（七）总计${c('total', '291000030')}四、结转下年度继续办理${Z7}` +
      '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计' +
      `${c('review', '01 0 1 20 0 0 0 0 0 0 0 00')}五、存在的主要问题及改进情况2023年，我局将继续。六、其他需要报告的事项无。`,
  ].join('\n');
}

const cols = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'];
const row = (x: ReturnType<typeof extractText>, r: string) => cols.map((c) => x.values[`requests.${r}.${c}`]);

describe('glued crawler pages', () => {
  it('reads agency and year from the metadata header and splits rows that allow one reading', () => {
    const x = extractText(page({}));
    expect([x.agency, x.year, x.template]).toEqual(['平潭综合实验区测试局', 2022, '2021']);
    expect(row(x, 'new')).toEqual([29, 1, 0, 0, 0, 0, 30]); // 7 splits of 291000030, one passes R3
    expect(row(x, 'unable_not_held')).toEqual([26, 0, 0, 0, 0, 0, 26]); // not 2|60|…
    expect(row(x, 'granted')).toEqual([2, 0, 0, 0, 0, 0, 2]); // one digit a cell: no choice
    expect(flagged(x, 'requests.new', 'inferred')).toBe(true);
    expect(flagged(x, 'requests.granted')).toBe(false);
    expect([x.values['active.normative.issued'], x.values['active.normative.in_force'], x.values['active.penalty.decisions']]).toEqual([0, 2, 141]);
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => x.values[`review.reconsideration.${c}`])).toEqual([0, 1, 0, 1, 2]);
    expect(x.values['review.litigation_after.total']).toBe(0);
    expect(x.cells['requests.new.total']!.raw).toBe('30'); // each part keeps its own span
  });

  it('leaves a row with several readings null and flagged', () => {
    const x = extractText(page({ normative: '24432' }));
    expect([x.values['active.normative.issued'], x.values['active.normative.repealed'], x.values['active.normative.in_force']]).toEqual([null, null, null]);
    expect(flagged(x, 'active.normative', 'ambiguous')).toBe(true);
    expect(x.values['active.rules.in_force']).toBe(0); // the neighbours are still read
  });

  it('settles a row R3 leaves open by R1 and R2 over the table, or leaves it', () => {
    // 予以公开 `101000011` splits two ways that pass R3: 10|1|0|0|0|0|11 and 1|0|10|0|0|0|11
    const y = extractText(page({ granted: '101000011', new: '391000040', total: '391000040' }));
    // with 部分公开 1|1 and 不掌握 26: 自然人 10+1+26 = 37 or 1+1+26 = 28, neither the 39 of 总计 → left null, flagged
    expect(row(y, 'granted')).toEqual([null, null, null, null, null, null, null]);
    expect(flagged(y, 'requests.granted', 'ambiguous')).toBe(true);
    const z = extractText(page({ granted: '101000011', new: '372000039', total: '372000039' }));
    // 自然人 37 = 10+1+26 and 商业企业 2 = 1+1: R2 picks 10|1|0|0|0|0|11
    expect(row(z, 'granted')).toEqual([10, 1, 0, 0, 0, 0, 11]);
    expect(z.flags.filter((f) => f.rule)).toEqual([]);
    expect(flagged(z, 'requests.granted', 'inferred')).toBe(true);
  });

  it('keeps a unit written after a glued money cell', () => {
    const x = extractText(page({ fee: '59490.9元' }));
    expect(x.values['active.fee.amount_wan']).toBeCloseTo(5.94909, 8);
  });
});

const haveReal = existsSync(`${REAL}104.txt`);
describe.skipIf(!haveReal)('real glued pages (../shared/real-glued; skipped when absent)', () => {
  for (const name of ['104', '108', '112']) {
    it(name, async () => {
      const want = JSON.parse(readFileSync(`${REAL}expected/${name}.json`, 'utf8')) as {
        agency: string;
        year: number;
        template: string;
        values: Record<string, number | null>;
      };
      const x = await extractFile(`${REAL}${name}.txt`);
      expect([x.agency, x.year, x.template]).toEqual([want.agency, want.year, want.template]);
      const wrong = Object.entries(want.values).filter(([id, v]) =>
        v === null ? x.values[id] != null : x.values[id] == null || Math.abs(x.values[id]! - v) > 1e-6,
      );
      expect(wrong).toEqual([]);
      if (name === '108') expect(flagged(x, 'active.normative', 'ambiguous')).toBe(true); // 24432: six splits, no rule
      if (name === '104') expect(x.flags.some((f) => f.rule === 'R1')).toBe(true); // broken in the original, shown
    });
  }
});

describe.skipIf(!haveReal)('a real glued page hard-wrapped every 40 characters (a copy through a fixed-width tool)', () => {
  it('reads nothing wrong unflagged: a label wrapped into text with its number glued inside takes no later number', async () => {
    const want = JSON.parse(readFileSync(`${REAL}expected/112.json`, 'utf8')) as { values: Record<string, number | null> };
    const text = readFileSync(`${REAL}112.txt`, 'utf8')
      .split('\n')
      .map((l) => l.match(/.{1,40}/gu)?.join('\n') ?? l)
      .join('\n');
    const x = extractText(text);
    const silent = Object.entries(want.values).filter(([id, v]) => {
      const got = x.values[id];
      const right = v === null ? got == null : got != null && Math.abs(got - v) < 1e-6;
      return !right && !flagged(x, id);
    });
    expect(silent).toEqual([]);
    // 行政事业性 | 收费5949.09(二)主动公开…的107: not 107
    expect(x.values['active.fee.amount_wan']).not.toBe(107);
    expect(flagged(x, 'active.fee')).toBe(true);
  });
});
