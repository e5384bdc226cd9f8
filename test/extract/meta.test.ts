// Metadata in the layouts real archives contain: agency and year wherever the
// title puts them, conflicts and guesses flagged, the publication date.
import { describe, expect, it } from 'vitest';
import { findMeta } from '../../src-main/core/extract/meta.js';
import { normalize } from '../../src-main/core/normalize/index.js';
import { readDocument } from '../../src-main/core/read/index.js';
import { extractDocument } from '../../src-main/core/extract/index.js';
import { base, extractText } from './helpers.js';

const meta = (t: string) => findMeta(normalize(t).text);
const kinds = (t: string) => meta(t).flags.map((f) => f.kind);

describe('agency and year from the title', () => {
  it.each([
    ['淮安市人民政府\n2024年政府信息公开工作年度报告\n', '淮安市人民政府', 2024],
    ['淮安市人民政府\n\n2024年政府信息公开\n工作年度报告\n', '淮安市人民政府', 2024],
    ['首页 > 政务公开\n淮安市人民政府\n2024年政府信息公开工作年度报告\n', '淮安市人民政府', 2024],
    ['  淮 安 市 人 民 政 府\n  2 0 2 4 年 政 府 信 息 公 开 工 作 年 度 报 告\n', '淮安市人民政府', 2024],
    ['某市交通运输局关于2023年政府信息公开工作年度报告\n', '某市交通运输局', 2023],
    ['2023年度某市交通运输局政府信息公开工作年度报告\n', '某市交通运输局', 2023],
    ['2023年度淮安市人民政府信息公开工作年度报告\n', '淮安市人民政府', 2023],
    ['某市交通运输局2023年政府信息公开工作年度报告_淮安市人民政府\n', '某市交通运输局', 2023],
    ['某市交通运输局政府信息公开工作年度报告（2023年）\n', '某市交通运输局', 2023],
    ['某市交通运输局政府信息公开工作年度报告(2023年度)\n', '某市交通运输局', 2023],
    ['某市交通運輸局2023年政府資訊公開工作年度報告\n', '某市交通运输局', 2023],
    ['某市商務(wù)局2023年政府信息公開工作年度報告\n', '某市商务局', 2023],
    ['某县民政局二〇二三年政府信息公开工作年度报告\n', '某县民政局', 2023],
    ['某县民政局二○二二年度政府信息公开工作年度报告\n', '某县民政局', 2022],
    ['某县人民政府2023年度政务公开工作年度报告\n', '某县人民政府', 2023],
  ])('%j → %s %d, no flag', (t, agency, year) => {
    expect(meta(t)).toMatchObject({ agency, year, agencyFrom: 'title', yearFrom: 'title', flags: [] });
  });

  it('reads an HTML <title> with the site name after it', async () => {
    const html =
      '<html><head><title>某市交通运输局2023年政府信息公开工作年度报告_淮安市人民政府</title></head><body><div>首页 &gt; 信息公开</div><p>一、总体情况</p></body></html>';
    const doc = await readDocument(new TextEncoder().encode(html), 'r.html');
    const x = extractDocument(doc, 'r.html');
    expect(x).toMatchObject({ agency: '某市交通运输局', year: 2023 });
    expect(x.flags.some((f) => f.kind === 'unknown_agency')).toBe(false);
  });
});

describe('agency not in the title', () => {
  it('takes it from 本报告由…编制, flagged only when an office compiled it', () => {
    const own = meta('2023年政府信息公开工作年度报告\n本报告由某市交通运输局根据《中华人民共和国政府信息公开条例》编制。\n');
    expect(own).toMatchObject({ agency: '某市交通运输局', year: 2023, agencyFrom: 'body', flags: [] });
    const office = meta('2023年政府信息公开工作年度报告\n本报告由某县人民政府办公室根据《条例》\n要求编制。\n');
    expect(office).toMatchObject({ agency: '某县人民政府办公室', agencyFrom: 'body' });
    expect(office.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
  it('takes an agency line under a bare title (PDF reading order), flagged', () => {
    const m = meta('2024年政府信息公开工作年度报告\n淮安市人民政府\n\n一、总体情况\n');
    expect(m).toMatchObject({ agency: '淮安市人民政府', year: 2024, agencyFrom: 'below' });
    expect(m.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
  it('takes the site name after a bare title, flagged', () => {
    const m = meta('2023年政府信息公开工作年度报告_某市交通运输局\n一、总体情况\n');
    expect(m).toMatchObject({ agency: '某市交通运输局', year: 2023, agencyFrom: 'site' });
    expect(m.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
  it('reads a site name with 门户网站, flagged', () => {
    const m = meta('2023年政府信息公开工作年度报告_淮安市人民政府门户网站\n');
    expect(m).toMatchObject({ agency: '淮安市人民政府', agencyFrom: 'site' });
    expect(m.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
  it('reads the real layout: agency line, bare title, 本报告由…办公室…编制 (the title wins, no flag)', () => {
    const t =
      '            淮安市人民政府\n     2024 年政府信息公开工作年度报告\n\n   本报告由淮安市人民政府办公室根据《中华人民共和国政府\n信息公开条例》（国令第 711 号）（以下简称《条例》）规定编\n制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。\n';
    expect(meta(t)).toMatchObject({ agency: '淮安市人民政府', year: 2024, agencyFrom: 'title', flags: [] });
  });
  it('skips a sentence that mentions the report, and flags a title agency that does not look like one', () => {
    expect(meta('按照2023年政府信息公开工作年度报告格式要求，现予公布。\n某县民政局2023年政府信息公开工作年度报告\n')).toMatchObject({
      agency: '某县民政局',
      year: 2023,
      flags: [],
    });
    const m = meta('某县实验小学2023年政府信息公开工作年度报告\n');
    expect(m.agency).toBe('某县实验小学');
    expect(m.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
  it('leaves it null and flagged when nothing names it', () => {
    expect(meta('2023年政府信息公开工作年度报告\n一、总体情况\n')).toMatchObject({ agency: null, year: 2023 });
    expect(kinds('2023年政府信息公开工作年度报告\n')).toEqual(['unknown_agency']);
    const g = base(2);
    const x = extractText(g.text.replace(/^.*\n/, '2020年政府信息公开工作年度报告\n'));
    expect(x.agency).toBeNull();
    expect(x.flags.map((f) => f.kind)).toEqual(['unknown_agency']);
  });
});

describe('year', () => {
  it('keeps the title year over a conflicting reporting period, flagged', () => {
    const m = meta('某县民政局2023年政府信息公开工作年度报告\n本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。\n');
    expect(m.year).toBe(2023);
    expect(m.flags).toHaveLength(1);
    expect(m.flags[0]).toMatchObject({ kind: 'unknown_year' });
    expect(m.flags[0]!.message).toMatch(/2023.*2022/);
  });
  it('agrees silently when title and period agree, and uses the period when the title has no year', () => {
    expect(kinds('某县民政局2022年政府信息公开工作年度报告\n统计期限为2022年1月1日至2022年12月31日。\n')).toEqual([]);
    expect(meta('某县民政局政府信息公开工作年度报告\n统计期限为 2022 年 1 月 1 日至 2022 年 12 月 31 日。')).toMatchObject({
      year: 2022,
      yearFrom: 'period',
      flags: [],
    });
  });
  it('flags a title that names two different years', () => {
    const m = meta('某县民政局2023年政府信息公开工作年度报告（2022年）\n');
    expect(m.year).toBe(2023);
    expect(m.flags.map((f) => f.kind)).toEqual(['unknown_year']);
  });
  it('reads a period that leaves out the second year', () => {
    expect(meta('某县民政局政府信息公开工作年度报告\n统计期限为2022年1月1日至12月31日。')).toMatchObject({ year: 2022, yearFrom: 'period' });
  });
  it('flags a year before the reports began', () => {
    expect(kinds('某县民政局2003年政府信息公开工作年度报告\n')).toEqual(['unknown_year']);
  });
  it('is null and flagged when nowhere', () => {
    expect(meta('某县民政局政府信息公开工作年度报告\n')).toMatchObject({ agency: '某县民政局', year: null });
    expect(kinds('某县民政局政府信息公开工作年度报告\n')).toEqual(['unknown_year']);
  });
});

describe('template against year', () => {
  it('flags a 2022 report in the 2019 layout', () => {
    const g = base(21, { template: '2019' });
    const x = extractText(g.text.replace(/^(.*?)20(19|20)( ?)年/, '$12022$3年'));
    expect(x).toMatchObject({ year: 2022, template: '2019' });
    expect(x.flags.map((f) => f.kind)).toEqual(['template_mismatch']);
    expect(x.values['requests.total.total']).toBe(g.values['requests.total.total']);
  });
  it('flags a 2020 report already in the 2021 layout', () => {
    const g = base(22, { template: '2021' });
    const x = extractText(g.text.replace(/^(.*?)20(2\d)( ?)年/, '$12020$3年'));
    expect(x).toMatchObject({ year: 2020, template: '2021' });
    expect(x.flags.map((f) => f.kind)).toEqual(['template_mismatch']);
    expect(x.values['requests.total.total']).toBe(g.values['requests.total.total']);
  });
  it('does not flag a report whose year and layout agree', () => {
    for (const t of ['2019', '2021'] as const) expect(extractText(base(23, { template: t }).text).flags).toEqual([]);
  });
});

describe('publication date', () => {
  const title = '某县民政局2023年政府信息公开工作年度报告\n';
  it.each([
    ['发布日期：2024-01-30\n', '2024-01-30'],
    ['来源：某县民政局  发布时间：2024-01-30 10:22  字号：大 中 小\n', '2024-01-30'],
    ['发布日期：2024年1月30日\n', '2024-01-30'],
    ['2024-01-30\n', '2024-01-30'],
    ['  • 2024-01-30 10:22\n', '2024-01-30'],
  ])('in the page chrome: %j', (chrome, want) => {
    expect(meta(title + chrome + '一、总体情况\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n').publishedAt).toBe(want);
  });
  it.each([
    ['某县民政局\n2024年1月30日\n', '2024-01-30'],
    ['某县民政局\n二〇二四年一月三十日\n', '2024-01-30'],
    ['某县民政局 2024年2月5日\n', '2024-02-05'],
  ])('as the signature: %j', (sig, want) => {
    expect(meta(title + '一、总体情况\n2023年1月1日起施行的办法……\n六、其他需要报告的事项\n无。\n' + sig).publishedAt).toBe(want);
  });
  it('takes no date from the report year, and none at all when there is none', () => {
    expect(meta(title + '2023年1月1日起施行。\n').publishedAt).toBeNull();
    expect(meta(title + '一、总体情况\n').publishedAt).toBeNull();
    expect(
      meta(title + '一、总体情况\n本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。\n六、其他需要报告的事项\n截至2024年12月31日\n').publishedAt,
    ).toBeNull();
  });
});

describe('a page whose line breaks were lost', () => {
  it('reads the title where the one long line starts', () => {
    const body = '一、总体情况 2020年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，'.repeat(4);
    const m = findMeta(`西工区商务局2020年政府信息公开工作年度报告 ${body}`);
    expect([m.agency, m.year]).toEqual(['西工区商务局', 2020]);
    // a long line that does not start with a title names nothing
    expect(findMeta(`${body}西工区商务局2020年政府信息公开工作年度报告`).agency).toBeNull();
  });
});
