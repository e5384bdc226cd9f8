import { describe, expect, it } from 'vitest';
import { compact, normalize, origSpan } from '../../src-main/core/normalize/index.js';

describe('normalize', () => {
  it('removes pinyin after characters but keeps real brackets', () => {
    const n = normalize('廣州市商務(wù)局政府信息公開(kāi)工作 15(子項) （一）予以公開 (区分处理的，只计这一情形) 國家機關');
    expect(n.traditional).toBe(true);
    expect(n.text).toContain('广州市商务局政府信息公开工作');
    expect(n.text).toContain('15(子项)');
    expect(n.text).toContain('(一)予以公开');
    expect(n.text).toContain('(区分处理的,只计这一情形)');
    expect(n.text).not.toContain('wù');
    expect(normalize('附件(PDF) 距离(km) 报(bào)告').text).toBe('附件(PDF) 距离(km) 报告');
  });

  it('folds full-width digits, brackets and spaces', () => {
    const n = normalize('（三）不予公开　１２３：４');
    expect(n.text).toBe('(三)不予公开 123:4');
  });

  it('drops markdown marks, Word bookmarks and page numbers', () => {
    const n = normalize('# 东莞市商务局\n**一是**加强\n政府集中采购\t1\t[bookmark: _GoBack]5600元\n- 3 -\n第 2 页 共 5 页\n规章');
    expect(n.text).toBe('东莞市商务局\n一是加强\n政府集中采购\t1\t5600元\n\n\n规章');
  });

  it('turns markdown table pipes into cells and drops the rule line', () => {
    const n = normalize('| 规章 | 0 | 1 |\n|---|---|---|\n| 行政许可 | 2 | 3 |');
    expect(
      n.text
        .split('\n')[0]!
        .split('\t')
        .map((s) => s.trim()),
    ).toEqual(['', '规章', '0', '1', '']);
    expect(n.text).not.toContain('---');
  });

  it('maps every normalised offset back to the original text', () => {
    const orig = '# 國家機關標題\n行政許可(xǔ)\t１５(子項)\t[bookmark: x]476.32萬元';
    const n = normalize(orig);
    const i = n.text.indexOf('15(子项)');
    const [s, e] = origSpan(n, i, i + '15(子项)'.length);
    expect(orig.slice(s, e)).toBe('１５(子項)');
    const j = n.text.indexOf('476.32万元');
    const [s2, e2] = origSpan(n, j, j + '476.32万元'.length);
    expect(orig.slice(s2, e2)).toBe('476.32萬元');
  });

  it('compact() rejoins words broken by spaces and strips list markers', () => {
    expect(compact('三、 本年 度办 理结 果')).toBe('本年度办理结果');
    expect(compact('(三) 不予公 开')).toBe('不予公开');
    expect(compact('尚 未 审 结')).toBe('尚未审结');
    expect(compact('2.其他法律行政法规禁止公开')).toBe('其他法律行政法规禁止公开');
    expect(compact('危及“三安全一稳定”')).toBe('危及三安全一稳定');
  });
});
