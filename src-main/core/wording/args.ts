// What was wrong with an input, in words: a `bad_args` (contract validation)
// or `invalid` (the archive's own checks) error carries params
// { field, expect, min?, max?, values? } and is worded from them here —
// 年份须为 1990–2100 之间的整数, 机关名称不能为空 — instead of a bare 输入无效.
import type { ErrorParams } from './codes.js';
import { FLAG_KIND_WORDS, STATUS_WORDS, type Lang, type Words } from './words.js';

/** What a value was expected to be. */
export type ArgExpect =
  | 'value' // a required argument is missing
  | 'unknown' // an argument that does not exist
  | 'object'
  | 'text' // {max}: text of at most max characters
  | 'non_empty'
  | 'int' // {min, max}
  | 'int_min' // {min}
  | 'bool'
  | 'one_of' // {values}
  | 'list' // {max}
  | 'number' // {max}: a finite number
  | 'count' // a correction of a count: whole, not negative, ≤ 1e9
  | 'amount' // a correction of an amount: ≤ 1e12 万元
  | 'change' // a signed change (可为负数), whole, ≤ 1e9
  | 'field' // a field of the two templates
  | 'date' // YYYY-MM-DD, or empty to clear
  | 'month_day' // MM-DD
  | 'share' // (0, 1]
  | 'folder' // an existing folder
  | 'json'; // the request body

export const ARG_EXPECT_WORDS: { readonly [E in ArgExpect]: Words } = {
  value: { zh: '缺少{field}', en: '{field} is missing' },
  unknown: { zh: '不认识的参数“{field}”', en: 'unknown argument "{field}"' },
  object: { zh: '{field}格式不对', en: '{field} is not in the expected form' },
  text: { zh: '{field}须为不超过 {max} 个字的文字', en: '{field} must be text of at most {max} characters' },
  non_empty: { zh: '{field}不能为空', en: '{field} cannot be empty' },
  int: { zh: '{field}须为 {min}–{max} 之间的整数', en: '{field} must be a whole number from {min} to {max}' },
  int_min: { zh: '{field}须为不小于 {min} 的整数', en: '{field} must be a whole number of at least {min}' },
  bool: { zh: '{field}须为“是”或“否”', en: '{field} must be true or false' },
  one_of: { zh: '{field}须为以下之一：{values}', en: '{field} must be one of: {values}' },
  list: { zh: '{field}须为不超过 {max} 项的列表', en: '{field} must be a list of at most {max} items' },
  number: { zh: '{field}须为数字（绝对值不超过 {max}）', en: '{field} must be a number of at most {max}' },
  count: { zh: '{field}须为不小于 0 的整数（件数至多 10 亿）', en: '{field} must be a whole number, not negative (counts ≤ 1e9)' },
  amount: { zh: '{field}须为不小于 0 的金额（至多 1 万亿万元）', en: '{field} must be an amount, not negative (at most 1e12 wan yuan)' },
  change: { zh: '{field}须为整数（可为负数，绝对值至多 10 亿）', en: '{field} must be a whole number (may be negative, at most 1e9)' },
  field: { zh: '{field}须为两种模板表格中的一项', en: '{field} must be a field of the two templates, such as requests.total.total' },
  date: { zh: '{field}须为日期（年-月-日，如 2021-03-31），或留空以清除', en: '{field} must be a date YYYY-MM-DD, or empty to clear' },
  month_day: { zh: '{field}须为月-日（如 01-31）', en: '{field} must be a date MM-DD' },
  share: { zh: '{field}须为大于 0、不超过 1 的比例（0.8 即 80%）', en: '{field} must be a share above 0 and at most 1 (0.8 = 80 %)' },
  folder: { zh: '{field}须为已有的文件夹', en: '{field} must be a folder that exists' },
  json: { zh: '请求内容格式不对', en: 'the request body is not JSON' },
};

/** Every argument name of the contract (src-main/contract/validate.ts checks the list is complete at compile time). */
export const ARG_NAME_WORDS = {
  args: { zh: '参数', en: 'arguments' },
  id: { zh: '报告编号', en: 'report id' },
  ids: { zh: '报告编号列表', en: 'report ids' },
  after: { zh: '当前报告编号', en: 'current report id' },
  versionId: { zh: '版本编号', en: 'version id' },
  flagId: { zh: '标记编号', en: 'flag id' },
  field: { zh: '字段', en: 'field' },
  fields: { zh: '字段列表', en: 'fields' },
  value: { zh: '数值', en: 'value' },
  note: { zh: '备注', en: 'note' },
  reason: { zh: '原因', en: 'reason' },
  name: { zh: '名称', en: 'name' },
  agency: { zh: '机关名称', en: 'agency name' },
  from: { zh: '要合并的机关', en: 'agency to merge' },
  into: { zh: '合并到的机关', en: 'agency to merge into' },
  kind: { zh: '机关类别', en: 'agency kind' },
  year: { zh: '年份', en: 'year' },
  years: { zh: '年份', en: 'years' },
  template: { zh: '模板', en: 'template' },
  status: { zh: '审核状态', en: 'status' },
  publishedAt: { zh: '发布日期', en: 'publication date' },
  province: { zh: '省份', en: 'province' },
  city: { zh: '城市', en: 'city' },
  county: { zh: '区县', en: 'county' },
  region: { zh: '地区', en: 'region' },
  text: { zh: '搜索文字', en: 'search text' },
  limit: { zh: '条数上限', en: 'limit' },
  offset: { zh: '起始位置', en: 'offset' },
  n: { zh: '数量', en: 'count' },
  sort: { zh: '排序方式', en: 'sort' },
  desc: { zh: '倒序', en: 'descending' },
  path: { zh: '路径', en: 'path' },
  folder: { zh: '文件夹', en: 'folder' },
  create: { zh: '新建', en: 'create' },
  retry: { zh: '重试', en: 'retry' },
  all: { zh: '全部', en: 'all' },
  format: { zh: '格式', en: 'format' },
  layout: { zh: '文件安排', en: 'layout' },
  includeUnidentified: { zh: '包括未识别的报告', en: 'include unidentified reports' },
  unidentified: { zh: '未识别的报告', en: 'unidentified reports' },
  jobId: { zh: '任务编号', en: 'job id' },
  verified: { zh: '已核实', en: 'verified' },
  notReport: { zh: '标记为非年报', en: 'not a report' },
  flaggedOnly: { zh: '仅有疑问', en: 'flagged only' },
  quality: { zh: '质量问题', en: 'quality check' },
  crossYear: { zh: '跨年度不符', en: 'cross-year mismatch' },
  allVersions: { zh: '全部版本', en: 'all versions' },
  needsCompare: { zh: '待比较', en: 'needs compare' },
  copiedThreshold: { zh: '内容雷同阈值', en: 'copied-text threshold' },
  boilerplateAgencies: { zh: '套话所需机关数', en: 'boilerplate agencies' },
  deadlines: { zh: '发布期限', en: 'deadlines' },
  department: { zh: '部门的发布期限', en: 'department deadline' },
  government: { zh: '人民政府的发布期限', en: 'government deadline' },
  township: { zh: '乡镇（街道）的发布期限', en: 'township deadline' },
  recheck: { zh: '重新检查', en: 'recheck' },
  unverified: { zh: '仅未核实', en: 'unverified only' },
  runId: { zh: '导入批次', en: 'import run' },
  flagKinds: { zh: '标记类别', en: 'flag kinds' },
  kinds: { zh: '类别', en: 'kinds' },
  lang: { zh: '语言', en: 'language' },
} as const satisfies Record<string, Words>;
export type ArgName = keyof typeof ARG_NAME_WORDS;

/** An `invalid` that is about the state of things rather than one field: params { problem, … }. */
export const INVALID_WORDS = {
  not_folder: { zh: '{path} 不是文件夹', en: '{path} is not a folder' },
  same_agency: { zh: '“{a}”与“{b}”已是同一机关', en: '"{a}" and "{b}" are already the same agency' },
  name_taken: { zh: '“{name}”是另一机关的名称；请改用合并', en: '"{name}" is another agency\'s name; merge them instead' },
  backup_self: { zh: '备份不能覆盖档案库本身', en: 'the backup cannot overwrite the archive itself' },
  backup_exists: { zh: '{path} 已存在；请换一个文件名', en: '{path} already exists; choose a new file name' },
  in_trash: { zh: '报告 #{id} 在回收站中；请先恢复', en: 'report {id} is in the trash; restore it first' },
  already_in_trash: { zh: '报告 #{id} 已在回收站中', en: 'report {id} is already in the trash' },
  not_in_trash: { zh: '报告 #{id} 不在回收站中', en: 'report {id} is not in the trash' },
  version_active: { zh: '第 {version} 版已是当前版本', en: 'version {version} is already the active one' },
  version_no_field: { zh: '第 {version} 版没有此项（{field}）', en: 'version {version} has no field "{field}"' },
  flag_resolved: { zh: '疑问 #{flag} 已由更正解决，无需接受', en: 'flag {flag} is already resolved by a correction' },
  flag_not_accepted: { zh: '疑问 #{flag} 未被接受', en: 'flag {flag} is not accepted' },
  // not_found with what was not found
  no_report: { zh: '没有编号为 #{id} 的报告（可能已被永久删除）', en: 'there is no report {id} (it may have been deleted for good)' },
  no_version: { zh: '报告 #{id} 没有第 {version} 版', en: 'report {id} has no version {version}' },
  no_agency: { zh: '没有名为“{name}”的机关', en: 'there is no agency "{name}"' },
  no_folder: { zh: '找不到文件夹 {path}', en: 'there is no folder at {path}' },
  no_archive: { zh: '找不到档案库 {path}', en: 'there is no archive at {path}' },
  no_original: { zh: '档案库中原件的存档副本不见了：{name}', en: 'the archived copy of the original is missing: {name}' },
  no_copied_flag: { zh: '报告 #{id} 没有编号为 {flag} 的内容雷同疑问', en: 'report {id} has no copied-text flag {flag}' },
  no_flag: {
    zh: '报告 #{id} 没有编号为 {flag} 的疑问（可能在列出后已改变或已解决；请重新查看报告）',
    en: 'report {id} has no flag {flag} (it changed or was resolved since it was listed; show the report again)',
  },
} as const satisfies Record<string, Words>;
export type InvalidProblem = keyof typeof INVALID_WORDS;

const isArgName = (k: string): k is ArgName => Object.prototype.hasOwnProperty.call(ARG_NAME_WORDS, k);
const isExpect = (k: unknown): k is ArgExpect => typeof k === 'string' && Object.prototype.hasOwnProperty.call(ARG_EXPECT_WORDS, k);

/** An argument path (filter.year, years[2], deadlines.department) in words: its last name, the item's number. */
export function argNameText(path: string, lang: Lang): string {
  const m = /([A-Za-z]+)((?:\[\d+\])*)$/.exec(path || 'args');
  const key = m?.[1] ?? path;
  const base = isArgName(key) ? ARG_NAME_WORDS[key][lang] : key;
  const index = m?.[2] ? Number(/\[(\d+)\]$/.exec(m[2])![1]) + 1 : null;
  if (index === null) return base;
  return lang === 'zh' ? `${base}第 ${index} 项` : `${base} (item ${index})`;
}

const own = <T>(o: Record<string, T>, k: string): T | undefined => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
/** One allowed value in words: a status (未审核 …) or a quality kind (发布超期 …) by its name, anything else (2019, xlsx) as it is. */
function valueText(v: string, lang: Lang): string {
  if (v === 'any') return lang === 'zh' ? '任一' : 'any';
  return own(STATUS_WORDS, v)?.[lang] ?? own(FLAG_KIND_WORDS, v)?.name[lang] ?? v;
}

/** The params of an input error, or null when they say nothing about a field. */
export function argProblemText(params: ErrorParams | undefined, lang: Lang): string | null {
  if (params && typeof params.problem === 'string' && Object.prototype.hasOwnProperty.call(INVALID_WORDS, params.problem))
    return INVALID_WORDS[params.problem as InvalidProblem][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
  if (!params || !isExpect(params.expect)) return null;
  const field = argNameText(String(params.field ?? ''), lang);
  const values =
    params.values === undefined
      ? ''
      : String(params.values)
          .split(',')
          .map((v) => valueText(v.trim(), lang))
          .join(lang === 'zh' ? '、' : ', ');
  const vars: Record<string, string> = { field, values, min: String(params.min ?? ''), max: String(params.max ?? '') };
  return ARG_EXPECT_WORDS[params.expect][lang].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
