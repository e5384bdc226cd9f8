// The 年报质量 sheet: one row per agency-year, the scorecard an assessor of
// 政务公开 builds by hand — published on time (days late), sections complete,
// tables consistent (R1–R4, and X1/X2 across years where the workbook spans
// years), copied sections with their percentage, prose against the tables,
// the year said consistently, and how many checks are open or accepted.
// Read from the reports' flags (quality flags: src-main/core/quality).
import type ExcelJS from 'exceljs';
import { SECTIONS } from '../catalogue/index.js';
import { cellText } from './text.js';
import { breathe, HEADER_TOP, writeFixed, writeListHead, type FixedColumn, type Sheet } from './sheets.js';
import { CENTER_STYLE, FILL, numStyle, WRAP_STYLE } from './style.js';
import type { ExportFlag, ExportReport, Lang } from './types.js';

export const QUALITY_SHEET = { zh: '年报质量', en: 'Report quality' };

const numeral = (n: unknown) => SECTIONS.find((s) => s.n === Number(n))?.numeral ?? String(n);
const live = (f: ExportFlag) => f.status !== 'fixed';
const of = (r: ExportReport, kind: string) => r.flags.filter((f) => f.kind === kind && live(f));

/** crossYear: the workbook spans years (X1/X2 were checked); hasPrev: the report's agency has the year before in it. */
interface Ctx {
  crossYear: boolean;
  hasPrev: (r: ExportReport) => boolean;
}

interface Col {
  label: { zh: string; en: string };
  width: number;
  /** The cell, and whether it is a finding (shown red while open). */
  value: (r: ExportReport, lang: Lang, ctx: Ctx) => { v: string | number | null; bad?: boolean; num?: boolean };
}

const ok = (lang: Lang) => (lang === 'zh' ? '是' : 'yes');

const COLS: Col[] = [
  { label: { zh: '发布日期', en: 'Published' }, width: 12, value: (r, lang) => ({ v: r.publishedAt ?? (lang === 'zh' ? '不明' : 'unknown') }) },
  {
    label: { zh: '按时发布', en: 'On time' },
    width: 9,
    value: (r, lang) => {
      if (of(r, 'publication_date_unknown').length || !r.publishedAt) return { v: lang === 'zh' ? '不明' : 'unknown' };
      return of(r, 'late_publication').length ? { v: lang === 'zh' ? '否' : 'no', bad: true } : { v: ok(lang) };
    },
  },
  {
    label: { zh: '逾期天数', en: 'Days late' },
    width: 9,
    value: (r) => {
      const late = of(r, 'late_publication')[0];
      return late ? { v: Number(late.detail?.days ?? late.found ?? 0), bad: true, num: true } : { v: r.publishedAt ? 0 : null, num: true };
    },
  },
  {
    label: { zh: '章节完整', en: 'Sections complete' },
    width: 26,
    value: (r, lang) => {
      const zh = lang === 'zh';
      const miss = of(r, 'missing_section').map((f) => {
        const n = numeral(f.detail?.section);
        const what = String(f.detail?.what);
        if (what === 'missing') return zh ? `缺少${n}` : `${n} missing`;
        if (what === 'no_fee') return zh ? `${n}未说明信息处理费` : `${n}: no fee statement`;
        return zh ? `${n}空洞` : `${n} empty`;
      });
      return miss.length ? { v: miss.join(zh ? '；' : '; '), bad: true } : { v: ok(lang) };
    },
  },
  {
    label: { zh: '表格勾稽（R1–R4）', en: 'Tables add up (R1–R4)' },
    width: 14,
    value: (r, lang) => {
      const n = of(r, 'rule').length;
      return n ? { v: lang === 'zh' ? `${n} 处不符` : `${n} failed`, bad: true } : { v: ok(lang) };
    },
  },
  {
    label: { zh: '跨年度（X1、X2）', en: 'Across years (X1, X2)' },
    width: 14,
    value: (r, lang, ctx) => {
      if (!ctx.crossYear) return { v: lang === 'zh' ? '—（多年度导出时检查）' : '— (checked in multi-year exports)' };
      if (!ctx.hasPrev(r)) return { v: lang === 'zh' ? '—（无上年报告）' : '— (no report of the year before)' };
      const n = of(r, 'cross_year').length;
      return n ? { v: lang === 'zh' ? `${n} 处不符` : `${n} failed`, bad: true } : { v: ok(lang) };
    },
  },
  {
    label: { zh: '内容雷同（%）', en: 'Copied sections (%)' },
    width: 30,
    value: (r, lang) => {
      const zh = lang === 'zh';
      const c = of(r, 'copied_text').map((f) => {
        const d = f.detail ?? {};
        const whose = d.sameAgency
          ? zh
            ? `本机关${d.otherYear}年`
            : `own ${d.otherYear}`
          : `${d.otherAgency ?? '?'}${zh ? '' : ' '}${d.otherYear}${zh ? '年' : ''}`;
        return `${numeral(d.section)} ${d.percent}%（${whose}）`;
      });
      return c.length ? { v: c.join(zh ? '；' : '; '), bad: true } : { v: zh ? '无' : 'none' };
    },
  },
  {
    label: { zh: '正文与表格一致', en: 'Prose agrees with tables' },
    width: 12,
    value: (r, lang) => {
      const n = of(r, 'prose_mismatch').length;
      return n ? { v: lang === 'zh' ? `${n} 处不符` : `${n} differ`, bad: true } : { v: ok(lang) };
    },
  },
  {
    label: { zh: '年度一致', en: 'Year consistent' },
    width: 12,
    value: (r, lang) => {
      const places = { title: { zh: '标题', en: 'title' }, period: { zh: '统计期限', en: 'period' }, body: { zh: '正文', en: 'body' } } as const;
      const y = of(r, 'year_mismatch').map((f) => places[String(f.detail?.place) as keyof typeof places]?.[lang] ?? '?');
      return y.length ? { v: `${lang === 'zh' ? '不一致：' : 'no: '}${y.join(lang === 'zh' ? '、' : ', ')}`, bad: true } : { v: ok(lang) };
    },
  },
  { label: { zh: '待处理问题', en: 'Open checks' }, width: 9, value: (r) => ({ v: r.flags.filter((f) => f.status === 'open').length, num: true }) },
  { label: { zh: '已确认问题', en: 'Accepted checks' }, width: 9, value: (r) => ({ v: r.flags.filter((f) => f.status === 'accepted').length, num: true }) },
];

export async function writeQualitySheet(
  ws: Sheet,
  reports: ExportReport[],
  fixed: FixedColumn[],
  title: string,
  lang: Lang,
  crossYear: boolean,
): Promise<void> {
  const F = fixed.length;
  const seen = new Set(reports.map((r) => `${r.agency}\u0000${r.year}`));
  const ctx: Ctx = { crossYear, hasPrev: (r) => seen.has(`${r.agency}\u0000${r.year - 1}`) };
  writeListHead(
    ws,
    fixed,
    COLS.map((c) => ({ label: c.label[lang], width: c.width })),
    `${QUALITY_SHEET[lang]} — ${title}`,
    lang === 'zh'
      ? '每个机关每年一行：按时发布（条例第四十九条）、章节完整、表格勾稽、内容雷同、正文与表格、年度一致；问题详见“校验问题”。'
      : 'One row per agency and year: on time (Regulations art. 49), sections, tables, copied text, prose, year; details on the Checks sheet.',
    reports.length,
    32,
  );
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    await breathe(i);
    const row: ExcelJS.Row = ws.getRow(HEADER_TOP + 1 + i);
    writeFixed(row, fixed, r);
    COLS.forEach((c, j) => {
      const { v, bad, num } = c.value(r, lang, ctx);
      const cell = row.getCell(F + j + 1);
      if (v !== null) cell.value = typeof v === 'string' ? cellText(v) : v;
      const base = num ? numStyle('count', null) : typeof v === 'string' && v.length > 6 ? WRAP_STYLE : CENTER_STYLE;
      cell.style = bad ? { ...base, fill: FILL.flagged } : base;
    });
    row.commit();
  }
}
