// Test helper: render a hand-read report (seeds/expected/*.json) as the
// tables a real Word report has — merged headers (法人或其他组织 over five
// columns), the vertically merged 三、本年度办理结果 block — as an abstract
// table model, then as .docx (gridSpan/vMerge) or HTML (for LibreOffice).
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { rowsOfTable, REQUEST_COLUMNS, type TemplateId } from '../../src-main/core/catalogue/index.js';
import { haveSeeds, SEEDS_EXPECTED } from '../seeds.js';

export interface Expected {
  agency: string;
  year: number;
  template: TemplateId;
  values: Record<string, number | null>;
  incomplete_rows?: string[];
}
export interface TCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}
export type TTable = TCell[][];
export interface Report {
  title: string;
  blocks: (string | TTable)[];
}

// the seeds' hand-read values, committed in the repo
export const SEEDS = SEEDS_EXPECTED;
/** A seed's ground truth (an empty one when the shared seeds are absent: the tests reading it are skipped then). */
export function loadExpected(path: string): Expected {
  if (!haveSeeds) return { agency: '', year: 0, template: '2019', values: {} } as unknown as Expected;
  return JSON.parse(readFileSync(path, 'utf8')) as Expected;
}

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The report's three tables laid out like the official template. */
export function reportOf(e: Expected): Report {
  const t = e.template;
  const v = (id: string) => num(e.values[id]);
  const blocks: (string | TTable)[] = [];
  blocks.push(`一、总体情况`, `${e.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`);
  blocks.push('二、主动公开政府信息情况');
  const active: TTable = [];
  let group = '';
  for (const row of rowsOfTable(t, 'active')) {
    if (row.group && row.group.zh !== group) {
      group = row.group.zh;
      active.push([{ text: group, colspan: 4 }]);
      const head = row.columns.map((c) => ({ text: c.label.zh }));
      while (head.length < 3) head.push({ text: '' });
      active.push([{ text: '信息内容' }, ...head]);
    }
    const cells = row.columns.map((c) => ({ text: c.id === 'amount_wan' ? `${v(`${row.id}.${c.id}`)}万元` : v(`${row.id}.${c.id}`) }));
    while (cells.length < 3) cells.push({ text: '' });
    active.push([{ text: row.label.zh }, ...cells]);
  }
  blocks.push(active);

  blocks.push('三、收到和处理政府信息公开申请情况');
  const req: TTable = [
    [
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: '自然人', rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: '总计', rowspan: 2 },
    ],
    REQUEST_COLUMNS.filter((c) => c.group).map((c) => ({ text: c.label.zh })),
  ];
  const rows = rowsOfTable(t, 'requests');
  const results = rows.filter((r) => r.group?.zh === '三、本年度办理结果' || (r.group && r.group.zh.startsWith('（')));
  const nums = (id: string) => REQUEST_COLUMNS.map((c) => ({ text: v(`${id}.${c.id}`) }));
  let top = 0;
  let first = true;
  let sub = 0;
  let lastGroup = '';
  for (const row of rows) {
    if (!results.includes(row)) {
      req.push([{ text: `${CN[top++]}、${row.label.zh}`, colspan: 3 }, ...nums(row.id)]);
      if (top === 2) top = 2; // 三 is the result block
      continue;
    }
    const lead: TCell[] = first ? [{ text: '三、本年度办理结果', rowspan: results.length }] : [];
    if (first) top = 3;
    first = false;
    const g = row.group!.zh;
    if (g.startsWith('（')) {
      const size = results.filter((r) => r.group?.zh === g).length;
      if (g !== lastGroup) {
        sub = 0;
        lead.push({ text: g, rowspan: size });
      }
      lastGroup = g;
      req.push([...lead, { text: `${++sub}.${row.label.zh}` }, ...nums(row.id)]);
    } else {
      lastGroup = '';
      const label = row.id.endsWith('.partial')
        ? '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
        : row.id.endsWith('.granted')
          ? '（一）予以公开'
          : row.id.endsWith('.total')
            ? '（七）总计'
            : '（六）其他处理';
      req.push([...lead, { text: label, colspan: 2 }, ...nums(row.id)]);
    }
  }
  blocks.push(req);

  blocks.push('四、政府信息公开行政复议、行政诉讼情况');
  const groups = ['review.reconsideration', 'review.litigation_direct', 'review.litigation_after'];
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((text) => ({ text }));
  const cols = ['upheld', 'corrected', 'other', 'pending', 'total'];
  blocks.push([
    [
      { text: '行政复议', colspan: 5, rowspan: 2 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      { text: '未经复议直接起诉', colspan: 5 },
      { text: '复议后起诉', colspan: 5 },
    ],
    [...heads, ...heads, ...heads],
    groups.flatMap((g) => cols.map((c) => ({ text: v(`${g}.${c}`) }))),
  ]);
  blocks.push('五、存在的主要问题及改进情况', '信息公开工作仍有不足，下一步将持续改进。', '六、其他需要报告的事项', '无。');
  return { title: `${e.agency}${e.year}年政府信息公开工作年度报告`, blocks };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function reportHtml(r: Report): string {
  const body = r.blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${esc(b)}</p>`
        : `<table border="1" cellspacing="0">${b.map((row) => `<tr>${row.map((c) => `<td${c.colspan ? ` colspan="${c.colspan}"` : ''}${c.rowspan ? ` rowspan="${c.rowspan}"` : ''}>${esc(c.text)}</td>`).join('')}</tr>`).join('\n')}</table>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(r.title)}</title></head><body><p style="text-align:center;font-size:16pt"><b>${esc(r.title)}</b></p>\n${body}\n</body></html>`;
}

/** Expand rowspans into Word's vMerge cells (a restart cell and continuations). */
function wordTable(t: TTable): string {
  const pending: { col: number; left: number; span: number }[] = [];
  const rows: string[] = [];
  for (const row of t) {
    const out: string[] = [];
    let col = 0;
    let i = 0;
    const take = () => {
      for (;;) {
        const p = pending.find((x) => x.col === col && x.left > 0);
        if (!p) return;
        p.left--;
        out.push(`<w:tc><w:tcPr>${p.span > 1 ? `<w:gridSpan w:val="${p.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        col += p.span;
      }
    };
    take();
    for (; i < row.length; i++) {
      const c = row[i]!;
      const span = c.colspan ?? 1;
      const vm = c.rowspan && c.rowspan > 1 ? '<w:vMerge w:val="restart"/>' : '';
      if (vm) pending.push({ col, left: c.rowspan! - 1, span });
      // a label split over two runs with a bookmark between, as Word writes them
      const text =
        c.text.length > 4 && /[^\d.]/.test(c.text)
          ? `<w:r><w:t>${esc(c.text.slice(0, 2))}</w:t></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/><w:r><w:t>${esc(c.text.slice(2))}</w:t></w:r>`
          : `<w:r><w:t>${esc(c.text)}</w:t></w:r>`;
      out.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vm}</w:tcPr><w:p>${text}</w:p></w:tc>`);
      col += span;
      take();
    }
    rows.push(`<w:tr>${out.join('')}</w:tr>`);
  }
  return `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;
}

export function docxXml(r: Report): string {
  const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const body = [para(r.title), ...r.blocks.map((b) => (typeof b === 'string' ? para(b) : wordTable(b)))].join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function makeDocx(documentXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(documentXml),
    ...extra,
  });
}
