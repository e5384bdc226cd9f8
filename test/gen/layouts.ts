// More layouts for the generated reports (issue 12): markdown pipe tables
// whose 总计 column is left blank on every 办理结果 row, and the official
// layout as Word and HTML grids (merged 三、本年度办理结果 / 法人或其他组织
// cells, test/office/report-tables.ts) with grid damage: two columns printed
// in the other order, a blank cell, two value cells merged into one, table
// 四's two 行政诉讼 groups printed the other way round.
import { RESULT_ROWS } from '../../src-main/core/catalogue/index.js';
import { docxXml, makeDocx, reportHtml, reportOf, type Report, type TTable } from '../office/report-tables.js';
import { generateReport, rng, type GeneratedReport } from './generate.js';

export type GridDamage = 'none' | 'swapColumns' | 'blankCell' | 'mergedCells' | 'droppedCell' | 'mergedHeader' | 'swapGroups';
export const GRID_DAMAGES: GridDamage[] = ['none', 'swapColumns', 'blankCell', 'mergedCells', 'swapGroups'];
/** Damage no reader can undo (a cell lost, two headers merged): the adversarial test asks only for no silent error. */
export const HARD_GRID_DAMAGES: GridDamage[] = ['droppedCell', 'mergedHeader'];

export interface LayoutReport {
  name: string;
  bytes: Uint8Array;
  template: GeneratedReport['template'];
  values: Record<string, number | null>;
  /** Fields whose truth is unknowable after the damage (a merged cell): they must be flagged or right. */
  doubtful: string[];
}

/** A markdown report whose 办理结果 rows print `|  |` for 总计 (truth: null). */
export function pipeBlankTotal(seed: number): LayoutReport {
  const g = generateReport(seed, { layout: 'markdown', template: seed % 2 ? '2021' : '2019', hybrid: false });
  const values = { ...g.values };
  const results = new Set(RESULT_ROWS as readonly string[]);
  const lines = g.text.split('\n').map((l) => {
    if (!l.startsWith('|')) return l;
    const row = [...results].find((r) => values[`requests.${r}.total`] !== undefined && lineIsRow(l, r));
    if (!row) return l;
    values[`requests.${row}.total`] = null;
    return l.replace(/\| \d+ \|\s*$/, '|  |');
  });
  const text = lines.join('\n');
  return { name: `pipe-${seed}.md`, bytes: new TextEncoder().encode(text), template: g.template, values, doubtful: [] };
}

const ROW_WORDS: Record<string, string> = {
  granted: '予以公开',
  partial: '部分公开',
  denied_state_secret: '国家秘密',
  denied_law: '禁止公开',
  denied_three_safety: '三安全一稳定',
  denied_third_party: '第三方合法权益',
  denied_internal: '内部事务信息',
  denied_process: '过程性信息',
  denied_enforcement: '行政执法案卷',
  denied_query: '行政查询事项',
  unable_not_held: '不掌握相关政府信息',
  unable_create: '另行制作',
  unable_unclear: '仍不明确',
  rejected_petition: '信访举报投诉',
  rejected_repeat: '重复申请',
  rejected_publication: '公开出版物',
  rejected_mass: '大量反复申请',
  rejected_confirm: '已获取信息',
  other: '其他处理',
  other_no_supplement: '逾期不补正',
  other_no_fee: '缴纳费用',
  other_misc: '3.其他',
};
function lineIsRow(l: string, row: string): boolean {
  const w = ROW_WORDS[row];
  if (!w) return false;
  if (row === 'other' && /其他处理 \|\s*\|?\s*1\./.test(l)) return false;
  return l.includes(w) && /\| \d+ \|\s*$/.test(l);
}

const requestsTable = (r: Report) => r.blocks.find((b) => typeof b !== 'string' && b.some((row) => row.some((c) => c.text === '商业企业'))) as TTable;
const COLS = ['person', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'];

/** The generated report's values in the official layout, as .docx or .html, with one kind of grid damage. */
export function officialGrid(seed: number, format: 'docx' | 'html', damage: GridDamage): LayoutReport {
  const g = generateReport(seed, { template: seed % 2 ? '2021' : '2019', hybrid: false });
  const values = { ...g.values };
  const r = reportOf({ agency: g.agency, year: g.year, template: g.template, values });
  const t = requestsTable(r);
  const data = t.slice(3);
  const pick = rng(seed * 7 + 3);
  const ids = data.map((row) => rowIdOf(row, g.template));
  const doubtful: string[] = [];
  if (damage === 'swapColumns') {
    // 商业企业 and 科研机构 printed the other way round (header and every data row): the grid's header says which is which
    const head = t.find((row) => row.some((c) => c.text === '商业企业'))!;
    [head[0], head[1]] = [head[1]!, head[0]!];
    for (const row of data) {
      const n = row.length;
      [row[n - 6], row[n - 5]] = [row[n - 5]!, row[n - 6]!];
    }
  } else if (damage === 'blankCell') {
    const k = Math.floor(pick() * data.length);
    const c = Math.floor(pick() * 7);
    const row = data[k]!;
    row[row.length - 7 + c] = { text: '' };
    if (ids[k]) values[`requests.${ids[k]}.${COLS[c]}`] = null;
  } else if (damage === 'mergedCells') {
    const k = Math.floor(pick() * data.length);
    const c = 1 + Math.floor(pick() * 4); // two neighbours inside 法人或其他组织
    const row = data[k]!;
    const at = row.length - 7 + c;
    row.splice(at, 2, { text: row[at]!.text, colspan: 2 });
    if (ids[k]) doubtful.push(`requests.${ids[k]}.${COLS[c]}`, `requests.${ids[k]}.${COLS[c + 1]}`, `requests.${ids[k]}.total`);
  } else if (damage === 'droppedCell') {
    // one value cell gone from a row (its neighbours move left): the row's values are unknowable, never silently shifted
    const k = Math.floor(pick() * data.length);
    const row = data[k]!;
    row.splice(row.length - 7 + Math.floor(pick() * 7), 1);
  } else if (damage === 'mergedHeader') {
    // two neighbouring applicant headers merged into one cell over both columns
    const head = t.find((row) => row.some((c) => c.text === '商业企业'))!;
    const c = Math.floor(pick() * (head.length - 1));
    head.splice(c, 2, { text: `${head[c]!.text}${head[c + 1]!.text}`, colspan: 2 });
  }
  if (damage === 'swapGroups') {
    // table 四 with 复议后起诉 printed before 未经复议直接起诉 (header and numbers): its header says which is which
    const t4 = r.blocks.find((b) => typeof b !== 'string' && b.some((row) => row.some((c) => c.text === '复议后起诉'))) as TTable;
    const groups = t4.find((row) => row.some((c) => c.text === '复议后起诉'))!;
    [groups[0], groups[1]] = [groups[1]!, groups[0]!];
    const nums = t4[t4.length - 1]!;
    t4[t4.length - 1] = [...nums.slice(0, 5), ...nums.slice(10, 15), ...nums.slice(5, 10)];
  }
  const bytes = format === 'docx' ? makeDocx(docxXml(r)) : new TextEncoder().encode(reportHtml(r));
  return { name: `official-${seed}-${damage}.${format}`, bytes, template: g.template, values, doubtful };
}

function rowIdOf(row: TTable[number], template: string): string | null {
  const label = row.map((c) => c.text).join('');
  const order = Object.entries(ROW_WORDS).filter(([id]) => (template === '2021' ? id !== 'other' : !id.startsWith('other_')));
  if (label.includes('本年新收')) return 'new';
  if (label.includes('上年结转')) return 'carried_over';
  if (label.includes('总计')) return 'total';
  if (label.includes('结转下年度')) return 'carried_forward';
  for (const [id, w] of order)
    if (label.includes(w.replace(/^3\./, '')) && (id !== 'other_misc' || /^\d\.其他$/.test(row[row.length - 8]?.text ?? ''))) return id;
  return null;
}
