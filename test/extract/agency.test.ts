// Agency identity: a page word is never the agency; the printed name is kept
// and a canonical one added (abbreviations, traditional forms, city prefix).
import { describe, expect, it } from 'vitest';
import { canonicalAgency, notAnAgency, sameAgency } from '../../src-main/core/extract/agency.js';
import { findMeta } from '../../src-main/core/extract/meta.js';
import { base, extractText } from './helpers.js';

describe('agency identity', () => {
  it('never outputs 正文 (a page word) as the agency: null and flagged', () => {
    const m = findMeta('正文：2022年度政府信息公开工作年度报告\n根据《条例》…');
    expect(m.agency).toBeNull();
    expect(m.flags.some((f) => f.kind === 'unknown_agency')).toBe(true);
    expect(notAnAgency('正文')).toBe(true);
    expect(notAnAgency('附件')).toBe(true);
    expect(notAnAgency('广州市商务局')).toBe(false);
  });

  it('writes common abbreviations out, folds traditional forms, puts the city before a bare county', () => {
    expect(canonicalAgency('湛江市发改局')).toBe('湛江市发展和改革局');
    expect(canonicalAgency('某区科委')).toBe('某区科学技术委员会');
    expect(canonicalAgency('东莞市市监局')).toBe('东莞市市场监督管理局');
    expect(canonicalAgency('廣州市商務局')).toBe('广州市商务局');
    expect(canonicalAgency('洪泽区人民政府')).toBe('淮安市洪泽区人民政府');
    expect(canonicalAgency('淮安市洪泽区人民政府')).toBe('淮安市洪泽区人民政府');
    expect(canonicalAgency('湛江市发展和改革局')).toBe('湛江市发展和改革局');
    expect(sameAgency('洪泽区人民政府', '淮安市洪泽区人民政府')).toBe(true);
    expect(sameAgency('湛江市发改局', '湛江市发展和改革局')).toBe(true);
    expect(sameAgency('湛江市发改局', '湛江市商务局')).toBe(false);
  });

  it('keeps the name as printed and adds the canonical one to the extraction', () => {
    const g = base(4);
    const t = g.text.replace(g.agency, '洪泽区发改局');
    const x = extractText(t);
    expect(x.agency).toBe('洪泽区发改局');
    expect(x.agencyCanonical).toBe('淮安市洪泽区发展和改革局');
  });
});
