// Opt-in damage for generated reports: what real reports do to numbers and
// tables beyond the layouts of generate.ts (thousands separators, measure
// words, stray spaces inside numbers, dashes as blanks, footnotes, page
// chrome and duplicated rows at page breaks, a second table with the same
// labels, table 四 transposed or with another header, other numbering,
// missing rows). Draws from its own random stream, so a report without
// damage is byte-identical to what generate.ts made before.
import { TEMPLATES, type TemplateId } from '../../src-main/core/catalogue/index.js';
import iconv from 'iconv-lite';
import { rng, type Encoding, type Layout } from './generate.js';

export type Damage =
  | 'thousands'
  | 'units'
  | 'decimals'
  | 'strayspace'
  | 'oddCell'
  | 'blanks'
  | 'footnote'
  | 'pageChrome'
  | 'pageNumber'
  | 'duplicateRow'
  | 'rowSplit'
  | 'missingRow'
  | 'numbering'
  | 'comparison'
  | 'feeTable'
  | 'appealsTransposed'
  | 'appealsHeader';

export const DAMAGES: Damage[] = [
  'thousands',
  'units',
  'decimals',
  'strayspace',
  'oddCell',
  'blanks',
  'footnote',
  'pageChrome',
  'pageNumber',
  'duplicateRow',
  'rowSplit',
  'missingRow',
  'numbering',
  'comparison',
  'feeTable',
  'appealsTransposed',
  'appealsHeader',
];

/** Damage a careful reader still reads exactly: the extractor must too. */
export const BENIGN: Damage[] = [
  'thousands',
  'units',
  'decimals',
  'blanks',
  'footnote',
  'pageChrome',
  'duplicateRow',
  'rowSplit',
  'numbering',
  'appealsTransposed',
  'appealsHeader',
];

export interface DCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  covered?: boolean;
}
export type DTable = DCell[][];

const c = (text: string | number, rowSpan?: number, colSpan?: number): DCell => ({
  text: String(text),
  ...(rowSpan && rowSpan > 1 ? { rowSpan } : {}),
  ...(colSpan && colSpan > 1 ? { colSpan } : {}),
});
const cov = (): DCell => ({ text: '', covered: true });
const line = (text: string, w: number): DCell[] => [c(text, 1, w), ...Array.from({ length: w - 1 }, cov)];

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const APPEALS_COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

export interface Damager {
  /** The text of one value cell. */
  cell(id: string, base: string): string;
  /** Rewrite the tables/sections in place, once they are built. */
  sections(sections: [string, DTable | string][]): void;
  /** Row ids left out of the report (their values cannot be read). */
  missing: string[];
}

export function makeDamage(
  seed: number,
  kinds: Damage[],
  ctx: {
    template: TemplateId;
    layout: Layout;
    encoding: Encoding;
    agency: string;
    year: number;
    values: Record<string, number | null>;
    shown: Record<string, string>;
  },
): Damager {
  const r = rng(seed * 104729 + 7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  // only characters the report's encoding can hold (a GBK file has no −)
  const codec = ctx.encoding === 'gbk' ? 'GBK' : ctx.encoding === 'big5' ? 'Big5' : null;
  const fits = (x: string) => !codec || iconv.decode(iconv.encode(x, codec), codec) === x;
  const pickText = (xs: string[]): string => pick(xs.filter(fits).length ? xs.filter(fits) : xs);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const has = new Set(kinds);
  const { template, layout, agency, year, values, shown } = ctx;
  const tpl = TEMPLATES[template];
  const unitOf = new Map<string, string>(tpl.fields.map((f) => [f.id, f.unit]));
  const html = layout === 'html';

  // ---- values ---------------------------------------------------------
  if (has.has('thousands')) {
    // Large numbers that keep R1–R4: the same amount on 予以公开, 总计 and
    // 本年新收 of one column and of the 总计 column; on one review group.
    const col = pick(['person', 'business', 'research', 'nonprofit', 'legal', 'other_org']);
    const k = int(1000, 99_999);
    for (const row of ['granted', 'total', 'new'])
      for (const cc of [col, 'total']) values[`requests.${row}.${cc}`] = (values[`requests.${row}.${cc}`] ?? 0) + k;
    const g = pick(tpl.rows.filter((x) => x.table === 'review')).id;
    const k2 = int(1000, 20_000);
    values[`${g}.upheld`] = values[`${g}.upheld`]! + k2;
    values[`${g}.total`] = values[`${g}.total`]! + k2;
    const big = template === '2019' ? 'active.rules.total' : 'active.rules.in_force';
    values[big] = int(1000, 250_000);
    delete shown[big];
  }
  const sep = r() < 0.5 ? ',' : '，';
  const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

  const blankIds = new Set<string>();
  if (has.has('blanks')) {
    const zeros = tpl.fields.filter((f) => f.unit === 'count' && values[f.id] === 0 && !f.id.endsWith('.total')).map((f) => f.id);
    for (let k = 0; k < 3 && zeros.length; k++) {
      const id = zeros.splice(Math.floor(r() * zeros.length), 1)[0]!;
      blankIds.add(id);
      values[id] = null;
    }
  }
  let strayId: string | null = null;
  if (has.has('strayspace')) {
    const cands = tpl.fields.filter((f) => f.unit === 'count' && (values[f.id] ?? 0) >= 10 && !shown[f.id]).map((f) => f.id);
    strayId = cands.length ? pick(cands) : null;
  }

  // a count written so that a reader hesitates (`约8`) or reads it with care (`8（件）`)
  let oddId: string | null = null;
  if (has.has('oddCell')) {
    const cands = tpl.fields.filter((f) => f.unit === 'count' && values[f.id] !== null && !shown[f.id] && f.id !== strayId).map((f) => f.id);
    oddId = pick(cands);
  }

  const cell = (id: string, base: string): string => {
    let s = base;
    const unit = unitOf.get(id);
    if (blankIds.has(id)) return pickText(['—', '——', '－', '-', '/', '－－']);
    if (id === oddId) return pickText([`${s}（件）`, `${s}件次`, `约${s}`, `${s}余`, `${s}（次）`, `${s}*`]);
    if (id === strayId) {
      const at = int(1, s.length - 1);
      return s.slice(0, at) + pickText([' ', ' ', '\u3000']) + s.slice(at);
    }
    if (unit === 'change' && /^-\d/.test(s) && r() < 0.7) s = pickText(['－', '−', '﹣']) + s.slice(1);
    if (has.has('thousands')) s = s.replace(/^([+-]?)(\d{4,})/, (_, sign: string, d: string) => sign + group(d));
    if (unit === 'count' && /^\d+$/.test(s)) {
      if (has.has('decimals') && r() < 0.4) s = `${s}.${pick(['0', '00'])}`;
      else if (has.has('units') && r() < 0.6) s = `${s}${pick(['件', '条', '个', '项', ' 件'])}`;
    }
    return s;
  };

  // ---- tables ---------------------------------------------------------
  const missing: string[] = [];
  const widthOf = (t: DTable) => Math.max(...t.map((row) => row.length));
  const isValue = (x: DCell) => !x.covered && VALUE.test(x.text);
  const dataRows = (t: DTable, from: number) =>
    t.map((_, i) => i).filter((i) => i >= from && t[i]!.slice(1).some(isValue) && !t[i]!.some((x) => x.colSpan && x.colSpan > 3));

  const sections = (secs: [string, DTable | string][]): void => {
    const at = (prefix: string) => secs.findIndex(([h]) => h.startsWith(prefix));
    const table = (prefix: string) => secs[at(prefix)]![1] as DTable;
    const active = table('二、');
    const requests = table('三、');

    if (has.has('numbering')) renumber(active, requests);
    if (has.has('appealsTransposed')) secs[at('四、')]![1] = transposedAppeals();
    else if (has.has('appealsHeader')) secs[at('四、')]![1] = otherAppealsHeader();
    const review = table('四、');

    if (has.has('missingRow')) {
      // a row left out: in HTML only from table 二 (table 三's rowspans would move)
      const t = html || r() < 0.4 ? active : requests;
      const rows = dataRows(t, t === requests ? 3 : 0).filter((i) => !t[i]!.some((x) => x.rowSpan && x.rowSpan > 1));
      const i = pick(rows);
      const key = labelOf(t[i]!);
      const id = tpl.rows.find((x) => x.table !== 'review' && (key.endsWith(x.label.zh) || x.keys.some((k) => key.endsWith(k))))?.id;
      if (id) {
        missing.push(id);
        t.splice(i, 1);
      }
    }
    if (has.has('duplicateRow') && !html) {
      const t = r() < 0.7 ? requests : active;
      const rows = dataRows(t, t === requests ? 3 : 0);
      const i = pick(rows);
      const copy = t[i]!.map((x) => (x.covered ? c('') : { ...x, rowSpan: undefined }));
      t.splice(i + 1, 0, ...(r() < 0.5 ? [line(pageFooter(), widthOf(t)), line(runningHeader(), widthOf(t))] : []), copy);
    }
    if (has.has('rowSplit') && !html) {
      // a page break inside a row of table 三: its last cells on the next page, under the page's chrome
      const rows = dataRows(requests, 3);
      const i = pick(rows);
      const k = 3 + int(1, 6);
      const row = requests[i]!;
      const rest = [...Array.from({ length: k }, () => c('')), ...row.slice(k)];
      const w = widthOf(requests);
      requests.splice(i, 1, row.slice(0, k), ...[[pageFooter()], [pageFooter(), runningHeader()], [runningHeader()]][int(0, 2)]!.map((x) => line(x, w)), rest);
    }
    if (has.has('pageChrome') && !html) {
      for (const t of [active, requests]) {
        if (r() < 0.4) continue;
        const rows = dataRows(t, t === requests ? 3 : 0);
        const i = pick(rows.slice(0, -1));
        const w = widthOf(t);
        const chrome = pick([[pageFooter()], [pageFooter(), runningHeader()], [runningHeader()], [runningHeader(), pageFooter()]]);
        t.splice(i + 1, 0, ...chrome.map((s) => line(s, w)));
      }
    }
    if (has.has('pageNumber') && !html) {
      const t = pick([active, requests]);
      const rows = dataRows(t, t === requests ? 3 : 0);
      t.splice(pick(rows.slice(0, -1)) + 1, 0, line(String(int(2, 30)), widthOf(t)));
    }
    if (has.has('footnote')) {
      for (const t of [active, requests, review]) {
        if (r() < 0.3) continue;
        t.push(line(pick(footnotes()), widthOf(t)));
      }
    }
    if (has.has('feeTable')) {
      // an itemised 收费 table next to table 二: its caption names the 收费 row
      const names = ['不动产登记费', '工本费', '考试考务费', '污水处理费', '证书费'].filter(() => r() < 0.6);
      const amounts = names.map(() => int(1, 999_999) / 100);
      const fee: DTable = [
        [c('收费项目'), c('收费依据'), c(pick(['本年收费金额（万元）', '金额（元）']))],
        ...names.map((n, k) => [c(n), c(pick(['发改价格〔2016〕2559号', '财税〔2015〕102号', '国家标准'])), c(amounts[k]!)]),
        [c(pick(['合计', '总计'])), c(''), c(Math.round(amounts.reduce((a, b) => a + b, 0) * 100) / 100)],
      ];
      const cap = pick(['附表：行政事业性收费明细', '行政事业性收费情况表', '（二）行政事业性收费项目清单']);
      const i = at('二、');
      const [h, real] = secs[i] as [string, DTable];
      if (r() < 0.5) secs.splice(i, 1, [h, '本年度收费情况如下。'], [cap, fee], ['主动公开情况统计表', real]);
      else secs.splice(i + 1, 0, [cap, fee]);
    }
    if (has.has('comparison')) {
      // last year's figures: the real table scaled, so they still add up
      const which = pick([active, requests, review]);
      const i = secs.findIndex(([, b]) => b === which);
      const [h, real] = secs[i] as [string, DTable];
      const m = int(2, 3);
      const comp = real.map((row) => row.map((x) => (/^\d+$/.test(x.text) ? { ...x, text: String(Number(x.text) * m) } : { ...x })));
      const before = r() < 0.5;
      const prevCap = pick([`附：${year - 1}年度同期数据（供对比）`, `${year - 1}年度数据对照表`, `上年度情况（对比）`]);
      const curCap = pick([`${year}年度数据`, `本年度情况`]);
      if (before) secs.splice(i, 1, [h, '与上年对比如下。'], [prevCap, comp], [curCap, real]);
      else secs.splice(i + 1, 0, [prevCap, comp]);
    }
  };

  function renumber(active: DTable, requests: DTable): void {
    const style = int(0, 3);
    const circled = fits(CIRCLED);
    const mark = (n: number) => [`${n}.`, `（${n}）`, circled ? (CIRCLED[n - 1] ?? `${n}.`) : `${n}、`, ''][style]!;
    let n = 0;
    for (const row of active) {
      const x = row[0]!;
      if (
        x.covered ||
        !/\d/.test(
          row
            .slice(1)
            .map((y) => y.text)
            .join(''),
        )
      )
        continue;
      const t =
        template === '2021' && x.text === '行政规范性文件' && r() < 0.6
          ? '规范性文件'
          : template === '2019' && x.text === '规范性文件' && r() < 0.4
            ? '行政规范性文件'
            : x.text;
      x.text = `${mark(++n)}${t}`;
    }
    for (const row of requests) {
      for (const x of row) {
        if (x.covered) continue;
        const sub = /^(\d)\.(\D.*)$/s.exec(x.text);
        if (sub) x.text = `${mark(Number(sub[1]))}${sub[2]}`;
        else if (style === 3) x.text = x.text.replace(/^(?:[一二三四五六七]、|（[一二三四五六七]）)(?=..)/, '');
      }
    }
  }

  function appealsVal(g: string, col: string): string {
    const id = `${g}.${col}`;
    return cell(id, shown[id] ?? (values[id] === null ? '' : String(values[id])));
  }
  const GROUPS = ['review.reconsideration', 'review.litigation_direct', 'review.litigation_after'];
  const COLS = ['upheld', 'corrected', 'other', 'pending', 'total'];

  function transposedAppeals(): DTable {
    const head: DTable = [
      [c('', 2), c('行政复议', 2), c('行政诉讼', 1, 2)],
      [cov(), cov(), c(pick(['未经复议直接起诉', '未经复议 直接起诉'])), c('复议后起诉')],
    ];
    return [...head, ...COLS.map((col, i) => [c(APPEALS_COLS[i]!), ...GROUPS.map((g) => c(appealsVal(g, col)))])];
  }

  function otherAppealsHeader(): DTable {
    const data = GROUPS.flatMap((g) => COLS.map((col) => c(appealsVal(g, col))));
    const style = int(0, 2);
    if (style === 0) {
      // one header row of 15 cells naming group and outcome
      const names = ['行政复议', '未经复议直接起诉', '复议后起诉'].flatMap((g) => APPEALS_COLS.map((o) => c(`${g}${o}`)));
      return [names, data];
    }
    if (style === 1) {
      // header cells broken over lines
      const br = (s: string) => `${s.slice(0, 2)}\n${s.slice(2)}`;
      return [
        [c('行政\n复议', 1, 5), cov(), cov(), cov(), cov(), c('行政\n诉讼', 1, 10), ...Array.from({ length: 9 }, cov)],
        [
          c(br('结果维持'), 2),
          c(br('结果纠正'), 2),
          c(br('其他结果'), 2),
          c(br('尚未审结'), 2),
          c('总\n计', 2),
          c('未经复议\n直接起诉', 1, 5),
          cov(),
          cov(),
          cov(),
          cov(),
          c('复议后\n起诉', 1, 5),
          cov(),
          cov(),
          cov(),
          cov(),
        ],
        [cov(), cov(), cov(), cov(), cov(), ...[0, 1].flatMap(() => APPEALS_COLS.map((t) => c(br(t))))],
        data,
      ];
    }
    // one row per group, outcomes as the header
    return [
      [c('类别'), ...APPEALS_COLS.map((t) => c(t))],
      ...GROUPS.map((g, i) => [c(['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'][i]!), ...COLS.map((col) => c(appealsVal(g, col)))]),
    ];
  }

  const pages = int(5, 12);
  function pageFooter(): string {
    const p = int(2, pages);
    return pick([`第 ${p} 页 共 ${pages} 页`, `- ${p} -`, `— ${p} —`, `${p}/${pages}`, `第${p}页`]);
  }
  function runningHeader(): string {
    return pick([`${agency}${year}年政府信息公开工作年度报告`, agency, `${year}年政府信息公开工作年度报告`]);
  }
  function footnotes(): string[] {
    return [
      `注：本表数据统计时限为${year}年1月1日至${year}年12月31日。`,
      `注：本表中“其他”指除上述类型以外的组织，共${int(0, 9)}件。`,
      '注：1. 数量单位为件；2. 金额单位为万元。',
      `数据来源：${agency}`,
      `注：本年度未发生相关情况的，填“0”。`,
    ];
  }

  return { cell, sections, missing };
}

const VALUE = /^(?:[+\-－−﹣]?\d[\d,，. \u3000]*(?:万元|元|件|条|个|项|\(子项\))?|(?:增加|减少|增|减) ?\d+|[—\-－/无]+)$/;

/** The row's own label: the last label cell before its numbers. */
function labelOf(row: DCell[]): string {
  const first = row.findIndex((x, i) => i > 0 && !x.covered && VALUE.test(x.text));
  const cells = row.slice(0, first).filter((x) => !x.covered && x.text);
  return (cells[cells.length - 1]?.text ?? '')
    .replace(/\s/g, '')
    .replace(/^(?:[一二三四五六七]、|（[一二三四五六七]）|\d\.)/, '')
    .replace(/[（）()，,、“”"]/g, '');
}
