// Each quality check on the seeds' real text: late publication, copied text,
// a missing or empty section, years that disagree, prose figures against the
// tables. Findings are flags of source 'quality' (质量问题), apart from the
// extraction doubts, accepted as 情况属实 like any flag, never blocking 已核实.
import { describe, expect, it } from 'vitest';
import { agencyKindOf, checkReport, DEFAULT_SETTINGS, prepareText } from '../../src-main/core/quality/index.js';
import { checkLate } from '../../src-main/core/quality/late.js';
import { describeFlag } from '../../src-main/core/validate/describe.js';
import { seedExtraction } from '../archive/helpers.js';
import { add, archive, DONGGUAN, GUANGZHOU, NANSHA, quality, replaceSection, seedText, XIGONG, ZHANJIANG } from './helpers.js';
import { haveSeeds } from '../seeds.js';

const kinds = (fs: { kind: string }[]) => fs.map((f) => f.kind).sort();

describe.skipIf(!haveSeeds)('late_publication (条例第四十九条)', () => {
  it('a department’s 2020 report dated 2021-04-15 is 74 days late; the flag says deadline, date and days', async () => {
    const a = await archive();
    const id = add(a, NANSHA);
    expect(kinds(quality(a, id))).toEqual(['publication_date_unknown']); // the seed states no date
    const r = a.setMeta(id, { publishedAt: '2021-04-15' }, 'date from the portal');
    const late = r.flags.filter((f) => f.kind === 'late_publication');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({
      source: 'quality',
      found: 74,
      detail: { deadline: '2021-01-31', publishedAt: '2021-04-15', days: 74, agencyKind: 'department' },
    });
    expect(describeFlag(late[0]!, 'zh')).toBe('逾期发布：2021年4月15日发布，部门的发布期限为2021年1月31日（条例第四十九条），逾期 74 天');
    expect(describeFlag(late[0]!, 'en')).toContain('74 days late');
    expect(r.flags.some((f) => f.kind === 'publication_date_unknown')).toBe(false);
    // a people's government has until 3月31日: the same agency set as one is 15 days late
    a.setAgencyKind('南沙区商务局', 'government');
    expect(quality(a, id).find((f) => f.kind === 'late_publication')?.found).toBe(15);
    a.setAgencyKind('南沙区商务局', null);
    expect(quality(a, id).find((f) => f.kind === 'late_publication')?.found).toBe(74);
    // the date a person set survives re-extraction (the report itself states none)
    expect(a.getReport(id).publishedAt).toBe('2021-04-15');
    a.close();
  });

  it('agency kind from the name; on time is no flag; no date is an info flag', () => {
    expect(agencyKindOf('南沙区商务局')).toBe('department');
    expect(agencyKindOf('广州市人民政府')).toBe('government');
    expect(agencyKindOf('广州开发区管委会')).toBe('government');
    expect(agencyKindOf('广州市人民政府办公厅')).toBe('department');
    expect(agencyKindOf('南沙街道办事处')).toBe('township');
    expect(agencyKindOf('大岗镇人民政府')).toBe('township');
    expect(checkLate(2020, '2021-01-31', 'department', DEFAULT_SETTINGS)).toBeNull();
    expect(checkLate(2020, '2021-02-01', 'department', DEFAULT_SETTINGS)?.found).toBe(1);
    expect(checkLate(2020, '2021-03-31', 'government', DEFAULT_SETTINGS)).toBeNull();
    expect(checkLate(2023, '2024-04-01', 'township', DEFAULT_SETTINGS)?.found).toBe(1); // 2024 is a leap year: 3月31日 + 1
    expect(checkLate(2020, null, 'department', DEFAULT_SETTINGS)?.kind).toBe('publication_date_unknown');
  });

  it('广州市商务局 states 2021-01-30 itself: on time', async () => {
    const a = await archive();
    const id = add(a, GUANGZHOU, undefined, { publishedAt: '2021-01-30' });
    expect(kinds(quality(a, id))).toEqual([]);
    a.close();
  });
});

/** The 2020 report re-dated as a 2021 one: every year moved on by one, nothing else changed. */
const copyForward = (t: string) =>
  t
    .replace(/2021/g, '2022')
    .replace(/2020/g, '2021')
    .replace(/2019/g, '2020')
    .replace(/二〇二〇/g, '二〇二一');

describe.skipIf(!haveSeeds)('copied_text (内容雷同)', () => {
  it('an agency’s 2020 report copied into its 2021 report with the years changed: copied_text on every prose section, not on the 2020 one', async () => {
    const a = await archive();
    const y2020 = add(a, GUANGZHOU, undefined, { publishedAt: '2021-01-30' });
    const y2021 = add(a, GUANGZHOU, copyForward(seedText(GUANGZHOU)), { year: 2021, publishedAt: '2022-01-30' });
    const copied = quality(a, y2021).filter((f) => f.kind === 'copied_text');
    expect(copied.map((f) => f.fields[0])).toEqual(['section.1', 'section.5', 'section.6']);
    for (const f of copied) expect(f.detail).toMatchObject({ percent: 100, otherId: y2020, otherYear: 2020, sameAgency: 1 });
    expect(describeFlag(copied[0]!, 'zh')).toBe(`内容雷同：一、总体情况与本机关2020年度报告（报告 ${y2020}）相同 100%（已除去模板套话）`);
    expect(quality(a, y2020).filter((f) => f.kind === 'copied_text')).toEqual([]);
    // the passages side by side: the whole of section 一 is common, years apart
    const p = a.copiedPassages(y2021, copied[0]!.id);
    expect(p.a.year).toBe(2021);
    expect(p.b.year).toBe(2020);
    expect(p.a.text).toContain('2021');
    expect(p.b.text).toContain('2020');
    const covered = (s: { text: string; common: [number, number][] }) => s.common.reduce((n, [x, y]) => n + y - x, 0) / s.text.length;
    expect(covered(p.a)).toBeGreaterThan(0.95);
    expect(covered(p.b)).toBeGreaterThan(0.95);
    a.close();
  });

  it('a report on its own, or next to a different report of its agency, has no copied_text; a partial rewrite below the threshold neither', async () => {
    const a = await archive();
    add(a, NANSHA);
    // 2021: section 一 rewritten (own words), 五 kept: only 五 is copied
    const t = replaceSection(
      copyForward(seedText(NANSHA)),
      '一、总体情况',
      '2021年，我局围绕优化营商环境，重点公开了惠企政策、招商引资项目和商贸流通数据，新设政策解读专栏，全年组织专题培训三次，公开工作的及时性和准确性明显提高。',
      '二、主动公开政府信息情况',
    );
    const id = add(a, NANSHA, t, { year: 2021 });
    expect(
      quality(a, id)
        .filter((f) => f.kind === 'copied_text')
        .map((f) => f.fields[0]),
    ).toEqual(['section.5']);
    a.close();
  });

  it('template boilerplate alone never triggers copied_text across two different agencies; the same own words do', async () => {
    // What many agencies print (learned from the archive: ≥ 3 agencies this year) and the template's own words.
    const common =
      '我单位高度重视政府信息公开工作，坚持以公开为常态、不公开为例外，严格落实条例各项要求。进一步健全完善政府信息公开工作机制，明确分管领导和具体工作人员，确保信息公开工作落到实处。';
    const template = '本报告根据《中华人民共和国政府信息公开条例》编制。本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。';
    const only = (seed: string, six: string) =>
      replaceSection(
        replaceSection(
          replaceSection(seedText(seed), '一、总体情况', `${template}${common}`, '二、主动公开政府信息情况'),
          '五、存在的主要问题及改进情况',
          common,
          '六、其他需要报告的事项',
        ),
        '六、其他需要报告的事项',
        six,
      );
    const withCommon = (seed: string, own: string) => replaceSection(seedText(seed), '一、总体情况', `${common}${own}`, '二、主动公开政府信息情况');
    const a = await archive();
    const nansha = add(a, NANSHA, only(NANSHA, '无。'));
    const xigong = add(a, XIGONG, only(XIGONG, '本机关无其他需要报告的事项。'));
    add(a, DONGGUAN, withCommon(DONGGUAN, '东莞市商务局以外贸、外资信息为重点，全年更新进出口数据专栏十二期。'));
    add(a, ZHANJIANG, withCommon(ZHANJIANG, '招商服务局将园区招商项目清单按月公开，并答复企业咨询。'));
    for (const id of [nansha, xigong]) expect(quality(a, id).filter((f) => f.kind === 'copied_text')).toEqual([]);
    a.recheckQuality(); // again, with everything learned
    for (const id of [nansha, xigong]) expect(quality(a, id).filter((f) => f.kind === 'copied_text')).toEqual([]);
    a.close();

    // Only these two agencies print the paragraph: it is not boilerplate, it is their own words, and the same.
    const b = await archive();
    const n2 = add(b, NANSHA, only(NANSHA, '无。'));
    const x2 = add(b, XIGONG, only(XIGONG, '无。'));
    const cross = quality(b, n2).filter((f) => f.kind === 'copied_text');
    expect(cross.map((f) => f.fields[0])).toEqual(['section.1', 'section.5']);
    expect(cross[0]!.detail).toMatchObject({ otherId: x2, otherAgency: '西工区商务局', sameAgency: 0, percent: 100 });
    expect(
      quality(b, x2)
        .filter((f) => f.kind === 'copied_text')
        .map((f) => f.detail!.otherId),
    ).toEqual([n2, n2]); // same year: both
    b.close();
  });
});

describe.skipIf(!haveSeeds)('missing_section', () => {
  it('section 五 that says 无 gets missing_section; a seed without 六 gets it for 六; the others none', async () => {
    const a = await archive();
    const empty = add(a, NANSHA, replaceSection(seedText(NANSHA), '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项'));
    const five = quality(a, empty).filter((f) => f.kind === 'missing_section');
    expect(five).toHaveLength(1);
    expect(five[0]).toMatchObject({ fields: ['section.5'], detail: { what: 'empty' } });
    expect(describeFlag(five[0]!, 'zh')).toBe('章节空洞：“五、存在的主要问题及改进情况”为空或仅写“无”');
    const one = add(
      a,
      XIGONG,
      replaceSection(seedText(XIGONG), '五、存在的主要问题及改进情况', '我局将进一步做好政府信息公开工作。', '六、其他需要报告的事项'),
    );
    expect(
      quality(a, one)
        .filter((f) => f.kind === 'missing_section')
        .map((f) => f.detail!.what),
    ).toEqual(['one_sentence']);
    const z = add(a, ZHANJIANG);
    expect(
      quality(a, z)
        .filter((f) => f.kind === 'missing_section')
        .map((f) => f.fields[0]),
    ).toEqual(['section.6']);
    for (const seed of [GUANGZHOU, DONGGUAN]) {
      const id = add(a, seed);
      expect(quality(a, id).filter((f) => f.kind === 'missing_section')).toEqual([]);
    }
    a.close();
  });

  it('numbering damage is tolerated; a 2021-template report must state the 信息处理费 in 六', () => {
    const t = seedText(NANSHA)
      .replace('五、存在的主要问题及改进情况', '5. 存在的主要问题及改进情况')
      .replace('三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况');
    const p = prepareText(t);
    expect(p.sections.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6]);
    const r = { year: 2021, template: '2021' as const, publishedAt: '2022-01-20', agencyKind: 'department' as const, values: {} };
    expect(checkReport(p, r, DEFAULT_SETTINGS).map((f) => f.detail.what)).toContain('no_fee');
    const paid = prepareText(replaceSection(t, '六、其他需要报告的事项', '本机关2021年度未收取信息处理费。'));
    expect(checkReport(paid, r, DEFAULT_SETTINGS).filter((f) => f.kind === 'missing_section')).toEqual([]);
  });
});

describe.skipIf(!haveSeeds)('year_mismatch', () => {
  it('a 2021 report still saying 2020年 throughout (title changed only) is flagged in the body and the period', async () => {
    const a = await archive();
    const t = seedText(ZHANJIANG).replace('湛江奋勇高新区招商服务局2020年度政府', '湛江奋勇高新区招商服务局2021年度政府');
    const id = add(a, ZHANJIANG, t, { year: 2021 });
    const y = quality(a, id).filter((f) => f.kind === 'year_mismatch');
    expect(y.map((f) => f.detail!.place).sort()).toEqual(['body', 'period']);
    expect(y.every((f) => f.expected === 2021 && f.found === 2020)).toBe(true);
    expect(describeFlag(y.find((f) => f.detail!.place === 'period')!, 'zh')).toBe('年度不一致：统计期限写的是2020年，报告年度为2021年');
    // the title says 2020 while the year was set to 2021 by hand
    const t2 = add(a, NANSHA, undefined, { year: 2021 });
    expect(
      quality(a, t2)
        .filter((f) => f.kind === 'year_mismatch')
        .map((f) => f.detail!.place)
        .sort(),
    ).toEqual(['body', 'title']);
    a.close();
  });

  it('no seed as published has a year mismatch', () => {
    for (const seed of [NANSHA, XIGONG, GUANGZHOU, DONGGUAN, ZHANJIANG]) {
      const ex = seedExtraction(seed);
      const f = checkReport(
        prepareText(seedText(seed)),
        { year: ex.year, template: ex.template, publishedAt: '2021-01-01', agencyKind: 'department', values: ex.values },
        DEFAULT_SETTINGS,
      );
      expect(f.filter((x) => x.kind === 'year_mismatch' || x.kind === 'prose_mismatch')).toEqual([]);
    }
  });
});

describe.skipIf(!haveSeeds)('prose_mismatch', () => {
  it('行政复议2件 in the prose against 0 in table 四: flagged with both places; a figure that agrees, or about last year, is not', async () => {
    const a = await archive();
    const body = seedText(NANSHA).replace(
      '（二）依申请公开政府信息情况',
      '2020年，我局发生政府信息公开行政复议2件，收到政府信息公开申请0件，上年发生行政诉讼3件。\n\n（二）依申请公开政府信息情况',
    );
    const id = add(a, NANSHA, body);
    const p = quality(a, id).filter((f) => f.kind === 'prose_mismatch');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ fields: ['review.reconsideration.total'], expected: 0, found: 2, detail: { section: 1, quote: '行政复议2件' } });
    expect(describeFlag(p[0]!, 'zh')).toBe('正文数字与表格不符：一、总体情况写“行政复议2件”，而表格行政复议 · 总计为 0');
    // correcting the table to what the prose says settles it
    a.correct(id, 'review.reconsideration.total', 2, 'per the prose');
    expect(quality(a, id).filter((f) => f.kind === 'prose_mismatch')).toEqual([]);
    a.close();
  });
});

describe.skipIf(!haveSeeds)('quality flags are apart from extraction doubts', () => {
  it('never counted as open flags, never blocking 已核实; accepted as 情况属实 with a note, the acceptance survives re-checks', async () => {
    const a = await archive();
    const id = add(a, NANSHA, replaceSection(seedText(NANSHA), '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项'));
    let r = a.getReport(id);
    expect(r.flagCount).toBe(0);
    expect(r.qualityCount).toBe(2); // 五 empty, date unknown
    expect(r.status).toBe('unreviewed');
    expect(a.listReports({ quality: 'missing_section' }).items.map((x) => x.id)).toEqual([id]);
    expect(a.listReports({ quality: 'copied_text' }).items).toEqual([]);
    expect(a.listReports({ quality: 'any' }).total).toBe(1);
    r = a.verify(id);
    expect(r.status).toBe('verified');
    const five = r.flags.find((f) => f.kind === 'missing_section')!;
    r = a.acceptFlag(id, five.id, '原件第五部分确为“无”');
    expect(r.status).toBe('verified');
    expect(r.qualityCount).toBe(1);
    expect(r.flags.find((f) => f.kind === 'missing_section')).toMatchObject({ id: five.id, resolved: true, accepted: { note: '原件第五部分确为“无”' } });
    a.recheckQuality();
    a.setMeta(id, { publishedAt: '2021-01-20' }); // on time now: the date flag goes, the acceptance stays
    r = a.getReport(id);
    expect(r.status).toBe('verified');
    expect(r.qualityCount).toBe(0);
    expect(r.flags.filter((f) => f.source === 'quality')).toMatchObject([
      { id: five.id, kind: 'missing_section', resolved: true, accepted: { note: '原件第五部分确为“无”' } },
    ]);
    expect(a.listReports({ quality: 'missing_section' }).items).toEqual([]);
    r = a.unacceptFlag(id, five.id);
    expect(r.qualityCount).toBe(1);
    expect(r.flags.find((f) => f.kind === 'missing_section')?.resolved).toBe(false);
    a.close();
  });
});

describe.skipIf(!haveSeeds)('command line', () => {
  it('`show --json` lists the quality flags with their kind; `list --quality`; `set-meta --published-at`; `passages`', async () => {
    const a = await archive();
    const y2020 = add(a, GUANGZHOU, undefined, { publishedAt: '2021-01-30' });
    const y2021 = add(a, GUANGZHOU, copyForward(seedText(GUANGZHOU)), { year: 2021, publishedAt: '2022-01-30' });
    const path = a.path;
    a.close();
    const { cli } = await import('../archive/helpers.js');
    const shown = await cli('show', String(y2021), '--json', '--archive', path);
    expect(shown.code).toBe(0);
    const flags = (JSON.parse(shown.out) as { flags: { id: number; kind: string; source: string; detail?: { percent?: number } }[] }).flags.filter(
      (f) => f.source === 'quality',
    );
    expect(flags.map((f) => f.kind)).toEqual(['copied_text', 'copied_text', 'copied_text']);
    expect(flags[0]!.detail?.percent).toBe(100);
    const text = await cli('show', String(y2021), '--archive', path);
    expect(text.out).toContain(`疑问 质量问题 [copied_text] 内容雷同：一、总体情况与本机关2020年度报告（报告 ${y2020}）相同 100%`);
    const listed = await cli('list', '--quality', 'copied_text', '--json', '--archive', path);
    expect((JSON.parse(listed.out) as { id: number; quality: number }[]).map((r) => [r.id, r.quality])).toEqual([[y2021, 3]]);
    const late = await cli('set-meta', String(y2020), '--published-at', '2021-02-03', '--archive', path);
    expect(late.code).toBe(0);
    const after = JSON.parse((await cli('show', String(y2020), '--json', '--archive', path)).out) as { flags: { kind: string; found?: number }[] };
    expect(after.flags.find((f) => f.kind === 'late_publication')?.found).toBe(3);
    const p = await cli('passages', String(y2021), String(flags[1]!.id), '--archive', path);
    expect(p.out.split('\n')[0]).toBe('100% 相同；相同部分在【】中');
    expect((await cli('passages', String(y2021), String(flags[1]!.id), '--archive', path, '--lang', 'en')).out.split('\n')[0]).toBe(
      '100 % the same; common parts in 【】',
    );
  });
});
