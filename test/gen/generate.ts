// Synthetic annual reports for property tests and benchmarks: random but
// realistic values that satisfy R1–R4, rendered in the layouts real reports
// come in (tab rows, one cell per line, markdown, HTML with rowspan/colspan,
// traditional with pinyin, broken labels, a table split over a page break
// with its header repeated) and encodings (UTF-8, BOM, GBK, Big5, UTF-16).
// Deterministic by seed; rows and columns come from the catalogue.
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { TEMPLATES, type RowDef, type TemplateId } from '../../src-main/core/catalogue/index.js';
import { makeDamage, type Damage } from './damage.js';

export type Layout = 'tabs' | 'spaces' | 'lines' | 'markdown' | 'html';
export type Encoding = 'utf8' | 'utf8bom' | 'gbk' | 'big5' | 'utf16le' | 'utf16be';

export interface GenOptions {
  template?: TemplateId;
  layout?: Layout;
  encoding?: Encoding;
  traditional?: boolean;
  /** Insert pinyin after characters (implies traditional). */
  pinyin?: boolean;
  /** Break long labels over two lines / with stray spaces. */
  brokenLabels?: boolean;
  /** Repeat table 三's header in the middle (page break). */
  pageBreak?: boolean;
  /** Corrupt one total so a rule fails; the field id is returned in `broken`. */
  breakTotal?: boolean;
  /** A 2021 report with （六）其他处理 as one row. */
  hybrid?: boolean;
  /** How the title names agency and year (default: `XX局2023年政府信息公开…`). */
  titleStyle?: TitleStyle;
  /** Damage beyond the layouts (damage.ts); drawn from its own random stream. */
  damage?: Damage[];
  /** 上年结转 per applicant column (e.g. last year's 结转下年度, so X1 holds); 本年新收 follows so R1 holds. Same random stream. */
  carriedOver?: Record<string, number>;
}

export type TitleStyle = 'plain' | 'agencyLine' | 'guanyu' | 'yearFirst' | 'bracket' | 'cnYear';

export interface GeneratedReport {
  seed: number;
  template: TemplateId;
  agency: string;
  year: number;
  layout: Layout;
  encoding: Encoding;
  /** Expected value of every field of the template. */
  values: Record<string, number | null>;
  /** The document as text (before encoding). */
  text: string;
  bytes: Uint8Array;
  name: string;
  broken?: { field: string; rule: 'R1' | 'R2' | 'R3' | 'R4' };
  hybrid?: boolean;
  /** The signature date at the end, YYYY-MM-DD. */
  publishedAt: string;
  /** Rows left out by the `missingRow` damage. */
  missing?: string[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['广州市', '南沙区', '东莞市', '湛江市', '西工区', '杭州市', '成都市', '武汉市', '长沙市', '济南市', '福州市', '昆明市'];
const BODIES = ['商务局', '财政局', '教育局', '民政局', '自然资源局', '生态环境局', '交通运输局', '卫生健康委员会', '市场监督管理局', '人民政府办公室'];
const PINYIN = ['wù', 'kāi', 'bào', 'guó', 'jú', 'shì', 'zhèng', 'xìn', 'xī', 'gōng', 'nián', 'dù', 'qíng', 'kuàng', 'chǔ', 'lǐ'];

let toTrad: ((s: string) => string) | null = null;
function trad(s: string): string {
  const conv = (toTrad ??= OpenCC.Converter({ from: 'cn', to: 'hk' }));
  return conv(s);
}

interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  covered?: boolean;
}
type Table = Cell[][];

const c = (text: string | number, rowSpan?: number, colSpan?: number): Cell => ({
  text: String(text),
  ...(rowSpan && rowSpan > 1 ? { rowSpan } : {}),
  ...(colSpan && colSpan > 1 ? { colSpan } : {}),
});
const cov = (): Cell => ({ text: '', covered: true });

export function generateReport(seed: number, opts: GenOptions = {}): GeneratedReport {
  const r = rng(seed * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const small = () => (r() < 0.55 ? 0 : r() < 0.8 ? int(1, 9) : int(10, 300));

  const template: TemplateId = opts.template ?? (r() < 0.5 ? '2019' : '2021');
  const year = template === '2019' ? int(2019, 2020) : int(2021, 2024);
  const agency = pick(PLACES) + pick(BODIES);
  const layout: Layout = opts.layout ?? pick(['tabs', 'spaces', 'lines', 'markdown', 'html'] as const);
  const traditional = opts.traditional ?? opts.pinyin ?? false;
  const encoding: Encoding = opts.encoding ?? 'utf8';
  const hybrid = template === '2021' && !!opts.hybrid;
  const tpl = TEMPLATES[template];
  const values: Record<string, number | null> = {};
  const shown: Record<string, string> = {};

  // ---- values -------------------------------------------------------
  for (const f of tpl.fields.filter((x) => x.table === 'active')) {
    if (f.unit === 'wan') {
      const style = int(0, 3);
      if (style === 0) {
        const v = int(0, 9_999_999) / 100; // 万元 with 2 decimals
        values[f.id] = v;
        shown[f.id] = `${v}万元`;
      } else if (style === 1) {
        const yuan = int(0, 999_999_999) / 100;
        values[f.id] = Math.round((yuan / 10000) * 1e8) / 1e8;
        shown[f.id] = `${yuan}${pick(['元', ' 元'])}`;
      } else {
        const v = int(0, 99_999_999) / 10000; // bare number under the 万元 header
        values[f.id] = v;
        shown[f.id] = String(v);
      }
    } else if (f.unit === 'change') {
      const v = r() < 0.5 ? 0 : int(-20, 20);
      values[f.id] = v;
      shown[f.id] = v > 0 ? pick([`+${v}`, `增加${v}`, `${v}`]) : v < 0 ? pick([`${v}`, `减 ${-v}`, `减少${-v}`]) : '0';
    } else if (r() < 0.04) {
      values[f.id] = null;
      shown[f.id] = pick(['-', '/', '无']);
    } else {
      const v = small();
      values[f.id] = v;
      shown[f.id] = r() < 0.08 ? `${v}(子项)` : String(v);
    }
  }
  const reqRows = tpl.rows.filter(
    (x) => x.table === 'requests' && !(x.optionalIn?.includes(template) && !hybrid) && !(hybrid && x.id.startsWith('requests.other_')),
  );
  const resultRows = reqRows.filter((x) => x.group !== undefined && x.id !== 'requests.total');
  const cols = TEMPLATES[template].rows.find((x) => x.id === 'requests.new')!.columns.map((x) => x.id);
  for (const col of cols.slice(0, 6)) {
    let total = 0;
    for (const row of resultRows) {
      const v = r() < 0.7 ? 0 : small();
      values[`${row.id}.${col}`] = v;
      total += v;
    }
    values[`requests.total.${col}`] = total;
    const drawn = r() < 0.6 ? 0 : int(0, 5);
    const carriedOver = opts.carriedOver?.[col] ?? drawn;
    let carriedForward = r() < 0.6 ? 0 : int(0, 5);
    let nw = total + carriedForward - carriedOver;
    let co = carriedOver;
    if (nw < 0) {
      // a given 上年结转 stays: more is carried forward instead
      if (opts.carriedOver?.[col] !== undefined) carriedForward -= nw;
      else co += nw;
      nw = 0;
    }
    values[`requests.new.${col}`] = nw;
    values[`requests.carried_over.${col}`] = co;
    values[`requests.carried_forward.${col}`] = carriedForward;
  }
  for (const row of reqRows) {
    if (!values[`${row.id}.person`] && values[`${row.id}.person`] !== 0) continue;
    values[`${row.id}.total`] = cols.slice(0, 6).reduce((s, col) => s + (values[`${row.id}.${col}`] ?? 0), 0);
  }
  for (const f of tpl.fields) if (f.table === 'requests' && !(f.id in values)) values[f.id] = null; // optional / hybrid rows
  for (const row of tpl.rows.filter((x) => x.table === 'review')) {
    const parts = [small(), small(), small(), small()];
    row.columns.forEach((col, i) => {
      values[`${row.id}.${col.id}`] = i < 4 ? parts[i]! : parts.reduce((a, b) => a + b, 0);
    });
  }

  let broken: GeneratedReport['broken'];
  if (opts.breakTotal) {
    const choice = int(0, 2);
    if (choice === 0) {
      const col = pick(cols.slice(0, 6));
      broken = { field: `requests.total.${col}`, rule: 'R2' };
    } else if (choice === 1) {
      broken = { field: `requests.new.total`, rule: 'R3' };
    } else {
      broken = { field: `${pick(tpl.rows.filter((x) => x.table === 'review')).id}.total`, rule: 'R4' };
    }
    values[broken.field] = (values[broken.field] ?? 0) + int(1, 5);
  }
  const dmg = opts.damage?.length
    ? makeDamage(seed, opts.damage, { template, layout, encoding: encoding === 'gbk' && traditional ? 'big5' : encoding, agency, year, values, shown })
    : null;
  const baseVal = (id: string) => shown[id] ?? (values[id] === null ? '' : String(values[id]));
  const val = dmg ? (id: string) => dmg.cell(id, baseVal(id)) : baseVal;

  // ---- tables ---------------------------------------------------------
  const broke = (s: string) => {
    if (!opts.brokenLabels || s.length < 6 || r() < 0.5) return s;
    const at = int(2, s.length - 2);
    return layout === 'html' || layout === 'spaces' ? s : s.slice(0, at) + (r() < 0.5 ? '\n' : ' ') + s.slice(at);
  };
  const active: Table = [];
  const activeRows = tpl.rows.filter((x) => x.table === 'active');
  let lastGroup = '';
  for (const row of activeRows) {
    const g = row.group!.zh;
    const n = row.columns.length;
    if (g !== lastGroup) {
      lastGroup = g;
      active.push([c(g.replace('第二十条', pick(['第二十条', '第二十条'])), 1, 4), cov(), cov(), cov()]);
      const head = [c('信息内容'), ...row.columns.map((col) => c(broke(headerLabel(col.label.zh, col.variants))))];
      while (head.length < 4) head.push(c(''));
      active.push(head);
    }
    const cells = [c(broke(pick(row.keys.length > 1 && r() < 0.3 ? row.keys : [row.label.zh]))), ...row.columns.map((col) => c(val(`${row.id}.${col.id}`)))];
    while (cells.length < 4) cells.push(c(''));
    void n;
    active.push(cells);
  }

  const reqHeader = (): Cell[][] => [
    [c('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3, 3), cov(), cov(), c('申请人情况', 1, 7), ...Array.from({ length: 6 }, cov)],
    [cov(), cov(), cov(), c('自然人', 2), c('法人或其他组织', 1, 5), cov(), cov(), cov(), cov(), c('总计', 2)],
    [cov(), cov(), cov(), cov(), c('商业企业'), c('科研机构'), c(pick(['社会公益组织', '社会组织'])), c('法律服务机构'), c('其他'), cov()],
  ];
  const requests: Table = reqHeader();
  const labelCells = requestLabelCells(reqRows, hybrid, broke);
  const breakAt = opts.pageBreak && layout !== 'html' ? int(4, reqRows.length - 3) : -1;
  reqRows.forEach((row, i) => {
    if (i === breakAt) requests.push(...reqHeader());
    requests.push([...labelCells.get(row.id)!, ...cols.map((col) => c(val(`${row.id}.${col}`)))]);
  });

  const review: Table = [
    [c('行政复议', 1, 5), cov(), cov(), cov(), cov(), c('行政诉讼', 1, 10), ...Array.from({ length: 9 }, cov)],
    [
      c('结果维持', 2),
      c('结果纠正', 2),
      c('其他结果', 2),
      c('尚未审结', 2),
      c('总计', 2),
      c('未经复议直接起诉', 1, 5),
      cov(),
      cov(),
      cov(),
      cov(),
      c('复议后起诉', 1, 5),
      cov(),
      cov(),
      cov(),
      cov(),
    ],
    [cov(), cov(), cov(), cov(), cov(), ...[0, 1].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((t) => c(t)))],
    tpl.rows.filter((x) => x.table === 'review').flatMap((row) => row.columns.map((col) => c(val(`${row.id}.${col.id}`)))),
  ];

  // ---- document -------------------------------------------------------
  const titleRaw = `${agency}${year}年${pick(['', '度'])}政府信息公开工作年度报告`;
  const title0 = opts.brokenLabels && r() < 0.5 ? titleRaw.replace('信息公开', '\n信息公开') : r() < 0.3 ? titleRaw.replace('年', ' 年 ') : titleRaw;
  const title = styledTitle(opts.titleStyle ?? 'plain', agency, year) ?? title0;
  const prose = `${year}年，${agency.slice(-6)}认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${int(10, 900)}条，其中政策解读${int(0, 30)}篇。`;
  const month = int(1, 3);
  const day = int(1, 28);
  const date = `${year + 1}年${month}月${day}日`;
  const sections: [string, Table | string][] = [
    ['一、总体情况', prose],
    ['二、主动公开政府信息情况', active],
    ['三、收到和处理政府信息公开申请情况', requests],
    ['四、政府信息公开行政复议、行政诉讼情况', review],
    ['五、存在的主要问题及改进情况', '主要问题是公开内容不够丰富。下一步将加强培训，提高公开质量。'],
    ['六、其他需要报告的事项', '无。'],
  ];
  dmg?.sections(sections);
  let text = layout === 'html' ? renderHtml(title, sections, date) : renderText(title, sections, date, layout, r);
  if (traditional) text = trad(text);
  if (opts.pinyin) {
    text = text.replace(/[\u4e00-\u9fff]/g, (ch) => (r() < 0.15 ? `${ch}(${pick(PINYIN)})` : ch));
  }
  const enc: Encoding = encoding === 'gbk' && traditional ? 'big5' : encoding;
  const bytes = encode(text, enc, layout === 'html');
  const ext = layout === 'html' ? 'html' : layout === 'markdown' ? 'md' : 'txt';
  return {
    seed,
    template,
    agency,
    year,
    layout,
    encoding: enc,
    values,
    text,
    bytes,
    name: `gen_${seed}.${ext}`,
    publishedAt: `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    ...(broken ? { broken } : {}),
    ...(hybrid ? { hybrid } : {}),
    ...(dmg?.missing.length ? { missing: dmg.missing } : {}),
  };
}

function headerLabel(zh: string, variants: string[]): string {
  if (zh === '采购总金额') return '采购总金额（单位：万元，保留4位小数）';
  return variants.includes('本年增减') ? '本年增/减' : zh;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The three label cells of each row of table 三: top-level rows span all
 * three; 办理结果 rows sit under a rowspan'd 三、本年度办理结果, grouped rows
 * under their group's rowspan'd label. Numbering follows the catalogue order.
 */
function requestLabelCells(rows: RowDef[], hybrid: boolean, broke: (s: string) => string): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>();
  const results = rows.filter((x) => x.group !== undefined);
  let top = 0;
  let item = 0;
  let lastGroup = '';
  let inResults = false;
  for (const row of rows) {
    if (!row.group) {
      if (inResults) top = 3;
      out.set(row.id, [c(broke(`${CN[top++]}、${row.label.zh}`), 1, 3), cov(), cov()]);
      continue;
    }
    const first = !inResults;
    inResults = true;
    const col0 = first ? c('三、本年度办理结果', results.length) : cov();
    const g = row.group.zh;
    const grouped = g.startsWith('（') && !(hybrid && row.id === 'requests.other');
    if (grouped) {
      const firstOfGroup = g !== lastGroup;
      if (firstOfGroup) {
        item++;
        lastGroup = g;
      }
      const k = rows.filter((x) => x.group?.zh === g).length;
      const sub = rows.filter((x) => x.group?.zh === g).indexOf(row) + 1;
      out.set(row.id, [col0, firstOfGroup ? c(`（${CN[item - 1]}）${g.slice(3)}`, k) : cov(), c(broke(`${sub}.${row.label.zh}`))]);
    } else {
      item++;
      lastGroup = '';
      const name =
        row.id === 'requests.other' ? '其他处理' : row.id === 'requests.partial' ? '部分公开（区分处理的，只计这一情形，不计其他情形）' : row.label.zh;
      out.set(row.id, [col0, c(broke(`（${CN[item - 1]}）${name}`), 1, 2), cov()]);
    }
  }
  return out;
}

const CN_DIGITS = '〇一二三四五六七八九';

/** Title layouts real archives contain; null for the default one. */
function styledTitle(style: TitleStyle, agency: string, year: number): string | null {
  const rest = '政府信息公开工作年度报告';
  switch (style) {
    case 'plain':
      return null;
    case 'agencyLine':
      return `${agency}\n${year}年${rest}`;
    case 'guanyu':
      return `${agency}关于${year}年${rest}`;
    case 'yearFirst':
      return `${year}年度${agency}${rest}`;
    case 'bracket':
      return `${agency}${rest}（${year}年）`;
    case 'cnYear':
      return `${agency}${String(year)
        .split('')
        .map((d) => CN_DIGITS[Number(d)])
        .join('')}年${rest}`;
  }
}

function renderText(title: string, sections: [string, Table | string][], date: string, layout: Layout, r: () => number): string {
  const parts: string[] = [layout === 'markdown' ? `# ${title}` : title, ''];
  const blank = r() < 0.5;
  const tab = r() < 0.5 ? '\t' : '';
  for (const [h, body] of sections) {
    parts.push(layout === 'markdown' ? `## ${h}` : h, '');
    if (typeof body === 'string') parts.push(body, '');
    else if (layout === 'tabs') parts.push(body.map((row) => row.map((x) => x.text).join('\t')).join('\n'), '');
    else if (layout === 'spaces')
      parts.push(
        body
          .map((row) =>
            row
              .map((x) => x.text)
              .filter((x) => x)
              .join(' '),
          )
          .join('\n'),
        '',
      ); // crawler text
    else if (layout === 'markdown') {
      const w = Math.max(...body.map((x) => x.length));
      const lines = body.map((row) => `| ${[...row.map((x) => x.text.replace(/\n/g, ' ')), ...Array(w - row.length).fill('')].join(' | ')} |`);
      lines.splice(1, 0, `|${Array(w).fill('---').join('|')}|`);
      parts.push(lines.join('\n'), '');
    } else {
      const cells = body.flatMap((row) => row.filter((x) => !x.covered).map((x) => tab + x.text));
      parts.push(cells.join(blank ? '\n\n' : '\n'), '');
    }
  }
  parts.push(date, '');
  return parts.join('\n');
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function renderHtml(title: string, sections: [string, Table | string][], date: string): string {
  const body: string[] = [
    '<div class="nav"><a href="/">首页</a> &gt; <a href="#">政务公开</a></div>',
    `<h1>${esc(title)}</h1>`,
    '<script>var x = "<td>1</td>";</script><style>td{border:1px}</style>',
  ];
  for (const [h, b] of sections) {
    body.push(`<p><strong>${esc(h)}</strong></p>`);
    if (typeof b === 'string') body.push(`<p>${esc(b)}</p>`);
    else {
      body.push('<table border="1">');
      for (const row of b) {
        body.push(
          '<tr>' +
            row
              .filter((x) => !x.covered)
              .map((x) => `<td${x.rowSpan ? ` rowspan="${x.rowSpan}"` : ''}${x.colSpan ? ` colspan="${x.colSpan}"` : ''}><p>${esc(x.text)}</p></td>`)
              .join('') +
            '</tr>',
        );
      }
      body.push('</table>');
    }
  }
  body.push(`<p style="text-align:right">${date}</p>`, '<div class="footer">版权所有 打印本页 关闭窗口</div>');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title.replace(/\n/g, ''))}</title></head><body>\n${body.join('\n')}\n</body></html>`;
}

function encode(text: string, enc: Encoding, html: boolean): Uint8Array {
  switch (enc) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'gbk':
      return iconv.encode(html ? text.replace('charset="utf-8"', 'charset="gbk"') : text, 'GBK');
    case 'big5':
      return iconv.encode(html ? text.replace('charset="utf-8"', 'charset="big5"') : text, 'Big5');
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'UTF-16LE')]);
    case 'utf16be':
      return iconv.encode(text, 'UTF-16BE');
  }
}
