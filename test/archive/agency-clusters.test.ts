// 机关 panel suggestions: likely-same agencies by key collision on the
// canonical name without its region (abbreviations written out, traditional
// folded), never across regions; merging is left to a person.
import { describe, expect, it } from 'vitest';
import { agencyKey, suggestMerges, type AgencyForClusters } from '../../src-main/core/archive/agency-clusters.js';
import { parseArgsFor } from '../../src-main/contract/validate.js';

const a = (name: string, province: string | null, city: string | null, county: string | null, reports = 1): AgencyForClusters => ({
  name,
  province,
  city,
  county,
  reports,
});

describe('suggestMerges', () => {
  const archive = [
    a('淮安市洪泽区人民政府', '江苏省', '淮安市', '洪泽区', 3),
    a('洪泽区人民政府', '江苏省', '淮安市', '洪泽区', 1),
    a('广州市发改局', '广东省', '广州市', null, 1),
    a('广州市发展和改革局', '广东省', '广州市', null, 4),
    a('廣州市商務局', '广东省', '广州市', null, 1),
    a('广州市商务局', '广东省', '广州市', null, 2),
    a('北京市朝阳区人民政府', '北京市', '北京市', '朝阳区', 2),
    a('长春市朝阳区人民政府', '吉林省', '长春市', '朝阳区', 2),
    a('淮安市商务局', '江苏省', '淮安市', null, 2),
  ];
  const groups = suggestMerges(archive);

  it('puts a county name with and without its city together, into the fuller one', () => {
    expect(groups).toContainEqual(expect.objectContaining({ into: '淮安市洪泽区人民政府', from: ['洪泽区人民政府'] }));
  });
  it('writes abbreviations out and folds traditional characters', () => {
    expect(groups).toContainEqual(expect.objectContaining({ into: '广州市发展和改革局', from: ['广州市发改局'] }));
    expect(groups).toContainEqual(expect.objectContaining({ into: '广州市商务局', from: ['廣州市商務局'] }));
  });
  it('never joins agencies of different regions or different bodies', () => {
    expect(groups).toHaveLength(3);
    expect(groups.some((g) => [g.into, ...g.from].includes('北京市朝阳区人民政府'))).toBe(false);
    expect(groups.some((g) => [g.into, ...g.from].includes('淮安市商务局'))).toBe(false);
    expect(agencyKey(archive[6]!)).not.toBe(agencyKey(archive[7]!));
  });
  it('is a read-only handler with no arguments', () => {
    expect(parseArgsFor('agencies.suggestMerges', {})).toEqual({});
  });
});
