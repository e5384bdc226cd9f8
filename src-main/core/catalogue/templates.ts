// The two national templates (国办公开办函〔2019〕60号 and 〔2021〕30号) as
// data. Source: shared/spec/annual-report-format.md. Keys are normalised
// label texts (simplified characters, no spaces or punctuation); the first key
// is the official wording, later ones are variants and typos seen in reports.
import type { ColumnDef, FieldIdOf, Label, RowDef, TableDef, TemplateId, Unit } from './types.js';

const L = (zh: string, en: string): Label => ({ zh, en });
// The helpers keep each id's literal type, so FieldId (below) is derived from these lists.
const col = <const C extends string>(id: C, zh: string, en: string, unit: Unit, variants: string[] = [], group?: Label): ColumnDef<C> => ({
  id,
  label: L(zh, en),
  variants: [zh, ...variants],
  unit,
  ...(group ? { group } : {}),
});

export const TABLES: TableDef[] = [
  { id: 'active', numeral: '二', label: L('主动公开政府信息情况', 'Proactive disclosure'), headingKeys: ['主动公开政府信息情况'] },
  {
    id: 'requests',
    numeral: '三',
    label: L('收到和处理政府信息公开申请情况', 'Requests received and handled'),
    headingKeys: ['收到和处理政府信息公开申请情况'],
  },
  {
    id: 'review',
    numeral: '四',
    label: L('政府信息公开行政复议、行政诉讼情况', 'Administrative reconsideration and litigation'),
    headingKeys: ['政府信息公开行政复议行政诉讼情况', '行政复议行政诉讼情况'],
    headingWords: ['复议', '诉讼'],
  },
];

/** A table's definition by id. */
export const tableDef = (id: TableDef['id']): TableDef => TABLES.find((t) => t.id === id)!;

// ---- Table 二: 主动公开 --------------------------------------------------
const ART20_1 = L('第二十条第（一）项', 'Art. 20 (1)');
const ART20_5 = L('第二十条第（五）项', 'Art. 20 (5)');
const ART20_6 = L('第二十条第（六）项', 'Art. 20 (6)');
const ART20_8 = L('第二十条第（八）项', 'Art. 20 (8)');
const ART20_9 = L('第二十条第（九）项', 'Art. 20 (9)');

const c2019Doc = () => [
  col('made', '本年新制作数量', 'Made this year', 'count'),
  col('published', '本年新公开数量', 'Published this year', 'count'),
  col('total', '对外公开总数量', 'Total public', 'count'),
];
const c2019Fee = () => [col('prev', '上一年项目数量', 'Items last year', 'count'), col('change', '本年增/减', 'Change this year', 'change', ['本年增减'])];
const c2019Item = () => [...c2019Fee(), col('decisions', '处理决定数量', 'Decisions', 'count')];
const c2021Doc = () => [
  col('issued', '本年制发件数', 'Issued this year', 'count'),
  col('repealed', '本年废止件数', 'Repealed this year', 'count'),
  col('in_force', '现行有效件数', 'In force', 'count'),
];
const c2021Decisions = () => [col('decisions', '本年处理决定数量', 'Decisions this year', 'count', ['处理决定数量'])];

const activeRow = <const I extends string, C extends string>(
  id: I,
  zh: string,
  en: string,
  keys: string[],
  group: Label,
  columns: ColumnDef<C>[],
  t: TemplateId,
): RowDef<`active.${I}`, C> => ({
  id: `active.${id}`,
  table: 'active',
  label: L(zh, en),
  keys: [zh, ...keys],
  group,
  columns,
  templates: [t],
});

export const ACTIVE_2019 = [
  activeRow('rules', '规章', 'Rules (规章)', [], ART20_1, c2019Doc(), '2019'),
  activeRow('normative', '规范性文件', 'Normative documents', ['行政规范性文件'], ART20_1, c2019Doc(), '2019'),
  activeRow('license', '行政许可', 'Administrative licensing', [], ART20_5, c2019Item(), '2019'),
  activeRow('other_service', '其他对外管理服务事项', 'Other public services', ['其他对外管理服务'], ART20_5, c2019Item(), '2019'),
  activeRow('penalty', '行政处罚', 'Administrative penalties', [], ART20_6, c2019Item(), '2019'),
  activeRow('coercion', '行政强制', 'Administrative coercion', [], ART20_6, c2019Item(), '2019'),
  activeRow('fee', '行政事业性收费', 'Administrative fees', [], ART20_8, c2019Fee(), '2019'),
  activeRow(
    'procurement',
    '政府集中采购',
    'Central government procurement',
    [],
    ART20_9,
    [
      col('projects', '采购项目数量', 'Procurement projects', 'count'),
      col('amount_wan', '采购总金额', 'Procurement amount (万元)', 'wan', ['采购总金额单位万元保留4位小数']),
    ],
    '2019',
  ),
];

export const ACTIVE_2021 = [
  activeRow('rules', '规章', 'Rules (规章)', [], ART20_1, c2021Doc(), '2021'),
  activeRow('normative', '行政规范性文件', 'Normative documents', ['规范性文件'], ART20_1, c2021Doc(), '2021'),
  activeRow('license', '行政许可', 'Administrative licensing', [], ART20_5, c2021Decisions(), '2021'),
  activeRow('penalty', '行政处罚', 'Administrative penalties', [], ART20_6, c2021Decisions(), '2021'),
  activeRow('coercion', '行政强制', 'Administrative coercion', [], ART20_6, c2021Decisions(), '2021'),
  activeRow(
    'fee',
    '行政事业性收费',
    'Administrative fees',
    [],
    ART20_8,
    [col('amount_wan', '本年收费金额', 'Fees collected (万元)', 'wan', ['本年收费金额单位万元'])],
    '2021',
  ),
];

// ---- Table 三: 依申请公开 -------------------------------------------------
const LEGAL = L('法人或其他组织', 'Legal persons or other organisations');
export const REQUEST_COLUMNS = [
  col('person', '自然人', 'Natural persons', 'count'),
  col('business', '商业企业', 'Businesses', 'count', [], LEGAL),
  col('research', '科研机构', 'Research institutions', 'count', [], LEGAL),
  col('nonprofit', '社会公益组织', 'Non-profit organisations', 'count', ['社会组织', '公益组织'], LEGAL),
  col('legal', '法律服务机构', 'Legal service providers', 'count', [], LEGAL),
  col('other_org', '其他', 'Other', 'count', [], LEGAL),
  col('total', '总计', 'Total', 'count', ['合计']),
];
type RequestColumn = (typeof REQUEST_COLUMNS)[number]['id'];

const RESULT = L('三、本年度办理结果', 'III. Outcomes this year');
const DENIED = L('（三）不予公开', '(3) Not disclosed');
const UNABLE = L('（四）无法提供', '(4) Unable to provide');
const REJECTED = L('（五）不予处理', '(5) Not processed');
const OTHER = L('（六）其他处理', '(6) Other handling');

const reqRow = <const I extends string>(
  id: I,
  zh: string,
  en: string,
  keys: string[],
  templates: TemplateId[],
  group?: Label,
): RowDef<`requests.${I}`, RequestColumn> => ({
  id: `requests.${id}`,
  table: 'requests',
  label: L(zh, en),
  keys: [zh, ...keys],
  ...(group ? { group } : {}),
  columns: REQUEST_COLUMNS,
  templates,
});
const BOTH: TemplateId[] = ['2019', '2021'];

const REQUEST_ROWS_ = [
  reqRow('new', '本年新收政府信息公开申请数量', 'New requests this year', ['本年新收'], BOTH),
  reqRow('carried_over', '上年结转政府信息公开申请数量', 'Carried over from last year', ['上年结转'], BOTH),
  reqRow('granted', '予以公开', 'Disclosed', [], BOTH, RESULT),
  reqRow('partial', '部分公开', 'Partly disclosed', ['部分公开区分处理的只计这一情形不计其他情形'], BOTH, RESULT),
  reqRow('denied_state_secret', '属于国家秘密', 'State secret', ['国家秘密'], BOTH, DENIED),
  reqRow(
    'denied_law',
    '其他法律行政法规禁止公开',
    'Prohibited by other laws',
    ['其他法律法规禁止公开', '法律行政法规禁止公开', '其他法律行政止公开', '法律法规禁止公开', '行政法规禁止公开'],
    BOTH,
    DENIED,
  ),
  reqRow('denied_three_safety', '危及三安全一稳定', 'Endangers the "three securities and one stability"', ['三安全一稳定'], BOTH, DENIED),
  reqRow('denied_third_party', '保护第三方合法权益', "Protects a third party's rights", ['第三方合法权益'], BOTH, DENIED),
  reqRow('denied_internal', '属于三类内部事务信息', 'Internal affairs', ['三类内部事务信息', '内部事务信息'], BOTH, DENIED),
  reqRow('denied_process', '属于四类过程性信息', 'Process information', ['四类过程性信息', '过程性信息'], BOTH, DENIED),
  reqRow('denied_enforcement', '属于行政执法案卷', 'Enforcement case files', ['行政执法案卷'], BOTH, DENIED),
  reqRow('denied_query', '属于行政查询事项', 'Administrative query matters', ['行政查询事项'], BOTH, DENIED),
  reqRow('unable_not_held', '本机关不掌握相关政府信息', 'Not held by this agency', ['不掌握相关政府信息', '本机关不掌握'], BOTH, UNABLE),
  reqRow('unable_create', '没有现成信息需要另行制作', 'Would need to be created', ['没有现成信息需另行制作', '需要另行制作', '需另行制作'], BOTH, UNABLE),
  reqRow('unable_unclear', '补正后申请内容仍不明确', 'Still unclear after correction', ['申请内容仍不明确', '仍不明确'], BOTH, UNABLE),
  reqRow('rejected_petition', '信访举报投诉类申请', 'Petitions and complaints', ['信访举报投诉'], BOTH, REJECTED),
  reqRow('rejected_repeat', '重复申请', 'Repeated requests', [], BOTH, REJECTED),
  reqRow('rejected_publication', '要求提供公开出版物', 'Asks for publications', ['公开出版物'], BOTH, REJECTED),
  reqRow('rejected_mass', '无正当理由大量反复申请', 'Mass repeated requests', ['大量反复申请'], BOTH, REJECTED),
  reqRow(
    'rejected_confirm',
    '要求行政机关确认或重新出具已获取信息',
    'Asks to confirm or reissue information',
    ['确认或重新出具已获取信息', '重新出具已获取信息'],
    BOTH,
    REJECTED,
  ),
  // 2019's single row; in 2021 reports it only appears in hybrids (see spec).
  { ...reqRow('other', '其他处理', 'Other handling', [], BOTH, RESULT), optionalIn: ['2021'] as TemplateId[] },
  reqRow(
    'other_no_supplement',
    '申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请',
    'No correction in time',
    ['逾期不补正', '无正当理由逾期不补正'],
    ['2021'],
    OTHER,
  ),
  reqRow(
    'other_no_fee',
    '申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请',
    'Fee not paid in time',
    ['逾期未按收费通知要求缴纳费用', '未按收费通知要求缴纳费用'],
    ['2021'],
    OTHER,
  ),
  reqRow('other_misc', '其他', 'Other', [], ['2021'], OTHER),
  reqRow('total', '总计', 'Total', ['合计'], BOTH, RESULT),
  reqRow('carried_forward', '结转下年度继续办理', 'Carried forward to next year', ['结转下年度'], BOTH),
];
// （六）其他处理 as one row stands for the rows printed under it in the 2021 template.
for (const r of REQUEST_ROWS_) if (r.optionalIn) r.splitInto = REQUEST_ROWS_.filter((x) => x.group === OTHER).map((x) => x.id);
export const REQUEST_ROWS = REQUEST_ROWS_;

/** Rows of table 三 counted in R2 (办理结果), in report order. */
export const RESULT_ROWS = [
  'granted',
  'partial',
  'denied_state_secret',
  'denied_law',
  'denied_three_safety',
  'denied_third_party',
  'denied_internal',
  'denied_process',
  'denied_enforcement',
  'denied_query',
  'unable_not_held',
  'unable_create',
  'unable_unclear',
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_mass',
  'rejected_confirm',
  'other',
  'other_no_supplement',
  'other_no_fee',
  'other_misc',
] as const;

// ---- Table 四: 行政复议、行政诉讼 -----------------------------------------
export const APPEALS_COLUMNS = [
  col('upheld', '结果维持', 'Upheld', 'count', ['维持']),
  col('corrected', '结果纠正', 'Corrected', 'count', ['纠正']),
  col('other', '其他结果', 'Other outcome', 'count'),
  col('pending', '尚未审结', 'Pending', 'count', ['未审结']),
  col('total', '总计', 'Total', 'count', ['合计']),
];
const LITIGATION = L('行政诉讼', 'Litigation');
const reviewRow = <const I extends string>(
  id: I,
  zh: string,
  en: string,
  keys: string[],
  group?: Label,
): RowDef<`review.${I}`, (typeof APPEALS_COLUMNS)[number]['id']> => ({
  id: `review.${id}`,
  table: 'review',
  label: L(zh, en),
  keys: [zh, ...keys],
  ...(group ? { group } : {}),
  columns: APPEALS_COLUMNS,
  templates: BOTH,
});
export const APPEALS_ROWS = [
  reviewRow('reconsideration', '行政复议', 'Administrative reconsideration', []),
  reviewRow('litigation_direct', '未经复议直接起诉', 'Sued directly', ['直接起诉'], LITIGATION),
  reviewRow('litigation_after', '复议后起诉', 'Sued after reconsideration', [], LITIGATION),
];

/**
 * Every canonical field id of either template (`requests.granted.person` …),
 * derived from the rows above: a misspelt id where a field is named fails to compile.
 */
export type FieldId = FieldIdOf<(typeof ACTIVE_2019)[number] | (typeof ACTIVE_2021)[number] | (typeof REQUEST_ROWS)[number] | (typeof APPEALS_ROWS)[number]>;

/** Label texts found only in one template's tables: which template a report's tables follow. */
export const TEMPLATE_EVIDENCE: Record<TemplateId, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '采购项目数量', '采购总金额'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '缴纳费用'],
};
