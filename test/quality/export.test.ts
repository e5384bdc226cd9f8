// The workbook's 年报质量 sheet (one row per agency-year) and the quality
// flags on the 校验问题 sheet, read back from the written file.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../src-main/core/export/job.js';
import { tmp } from '../archive/helpers.js';
import { cell, findRow, readBook } from '../export/read.js';
import { add, archive, DONGGUAN, GUANGZHOU, NANSHA, replaceSection, seedText, XIGONG, ZHANJIANG } from './helpers.js';
import { haveSeeds } from '../seeds.js';

describe.skipIf(!haveSeeds)('年报质量 sheet', () => {
  it('one row per agency-year: on time (days), sections, tables, copied (%), prose, year, open/accepted counts', async () => {
    const a = await archive();
    const nansha = add(a, NANSHA, replaceSection(seedText(NANSHA), '五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项'));
    a.setMeta(nansha, { publishedAt: '2021-04-15' });
    add(a, XIGONG, undefined, { publishedAt: '2021-01-25' });
    const gz = add(a, GUANGZHOU, undefined, { publishedAt: '2021-01-30' });
    add(a, DONGGUAN);
    add(a, ZHANJIANG, undefined, { publishedAt: '2021-02-10' });
    // 广州市商务局's 2021 report: its 2020 report with the years moved on
    add(a, GUANGZHOU, seedText(GUANGZHOU).replace(/2021/g, '2022').replace(/2020/g, '2021'), { year: 2021, publishedAt: '2022-01-28' });
    const five = a.getReport(nansha).flags.find((f) => f.kind === 'missing_section')!;
    a.acceptFlag(nansha, five.id, '原件即如此');

    const dir = tmp('nb-quality-x-');
    const r = await runExport(a, { years: { from: 2020, to: 2021 }, format: 'xlsx', out: join(dir, 'q.xlsx'), lang: 'zh' });
    const book = readBook(r.files[0]!);
    const ws = book.Sheets['年报质量']!;
    expect(ws).toBeDefined();
    // header: the fixed columns (地区, 机关, 年度, 状态, 编号), then the checks
    const header: string[] = [];
    for (let c = 1; c <= 16; c++) header.push(String(cell(ws, 3, c)?.v ?? ''));
    const col = (label: string) => header.indexOf(label) + 1;
    expect(header.slice(5)).toEqual([
      '发布日期',
      '按时发布',
      '逾期天数',
      '章节完整',
      '表格勾稽（R1–R4）',
      '跨年度（X1、X2）',
      '内容雷同（%）',
      '正文与表格一致',
      '年度一致',
      '待处理问题',
      '已确认问题',
    ]);
    const row = (agency: string, year: number) => {
      for (let i = 4; i < 20; i++) if (cell(ws, i, col('机关'))?.v === agency && cell(ws, i, col('年度'))?.v === year) return i;
      throw new Error(`no row for ${agency} ${year}`);
    };
    const v = (agency: string, year: number, label: string) => cell(ws, row(agency, year), col(label))?.v;
    expect(findRow(ws, col('机关'), '南沙区商务局')).toBeGreaterThan(3);
    // 南沙区商务局 2020: 74 days late, section 五 empty (accepted)
    expect(v('南沙区商务局', 2020, '发布日期')).toBe('2021-04-15');
    expect(v('南沙区商务局', 2020, '按时发布')).toBe('否');
    expect(v('南沙区商务局', 2020, '逾期天数')).toBe(74);
    expect(v('南沙区商务局', 2020, '章节完整')).toBe('五空洞');
    expect(v('南沙区商务局', 2020, '内容雷同（%）')).toBe('无');
    expect(v('南沙区商务局', 2020, '已确认问题')).toBe(1);
    expect(v('南沙区商务局', 2020, '待处理问题')).toBe(1); // the late publication
    // 西工区商务局 2020 (its hand-read values: no extraction doubts): on time, sections complete, nothing open
    expect(v('西工区商务局', 2020, '按时发布')).toBe('是');
    expect(v('西工区商务局', 2020, '逾期天数')).toBe(0);
    expect(v('西工区商务局', 2020, '章节完整')).toBe('是');
    expect(v('西工区商务局', 2020, '待处理问题')).toBe(0);
    // 东莞市商务局: no date
    expect(v('东莞市商务局', 2020, '按时发布')).toBe('不明');
    expect(v('东莞市商务局', 2020, '逾期天数')).toBeUndefined();
    expect(v('湛江奋勇高新区招商服务局', 2020, '章节完整')).toBe('缺少六');
    // 广州市商务局: 2020 fine; 2021 copied on 一, 五, 六 at 100 %, and checked across years (X1 holds)
    expect(v('广州市商务局', 2020, '内容雷同（%）')).toBe('无');
    expect(v('广州市商务局', 2021, '内容雷同（%）')).toBe('一 100%（本机关2020年）；五 100%（本机关2020年）；六 100%（本机关2020年）');
    expect(v('广州市商务局', 2021, '表格勾稽（R1–R4）')).toBe('是');
    // the copy kept 2020's 上年结转 while 2020 carried forward other figures: X1 fails in two columns
    expect(v('广州市商务局', 2021, '跨年度（X1、X2）')).toBe('2 处不符');
    expect(v('广州市商务局', 2020, '跨年度（X1、X2）')).toBe('—（无上年报告）');

    // 校验问题 lists the quality flags too, worded, with their kind
    const flags = book.Sheets['校验问题']!;
    const late = findRow(flags, 6, '逾期发布');
    expect(String(cell(flags, late, 9)?.v)).toBe('逾期发布：2021年4月15日发布，部门的发布期限为2021年1月31日（条例第四十九条），逾期 74 天');
    expect(cell(flags, late, 2)?.v).toBe('南沙区商务局');
    expect(findRow(flags, 6, '内容雷同')).toBeGreaterThan(3);
    void gz;
    a.close();
  });
});
