// What the command line (src-main/cli) says, Chinese and English, with
// {param} placeholders. The CLI picks the language once (--lang, else
// NIANBAO_LANG / LC_ALL / LC_MESSAGES / LANG starting with en; Chinese by
// default); --json output never changes with it. Import outcomes are worded
// here for the UI too (typed over FileOutcome: a new outcome without words
// fails to compile).
import type { FileOutcome } from '../archive/types.js';
import type { Lang, Words } from './words.js';

/** How one imported file landed (import summaries, set-meta and merge landings). */
export const OUTCOME_WORDS: { readonly [K in FileOutcome]: Words } = {
  new: { zh: '新报告', en: 'new' },
  same_report_other_format: { zh: '同一报告的另一份文件', en: 'same report, other file' },
  new_version: { zh: '新版本', en: 'new version' },
  needs_compare: { zh: '新版本待比较', en: 'new version to compare' },
  duplicate: { zh: '重复', en: 'duplicate' },
  failed: { zh: '失败', en: 'failed' },
  skipped: { zh: '跳过', en: 'skipped' },
  in_progress: { zh: '读取中', en: 'in progress' },
};

export const CLI_WORDS = {
  none: { zh: '无', en: 'none' },
  nothing: { zh: '（空）', en: 'nothing' },
  usage: { zh: '用法：{usage}', en: 'usage: {usage}' },
  unknownCommand: { zh: '未知的命令：{name}', en: 'unknown command: {name}' },
  expectedId: { zh: '须给出{what}（正整数），得到 {got}', en: 'expected {what}, got {got}' },
  unknownField: { zh: '未知字段 {field}（字段名如 requests.total.total）', en: 'unknown field {field} (a field id such as requests.total.total)' },
  reportIdWord: { zh: '报告编号', en: 'a report id' },
  versionIdWord: { zh: '版本编号', en: 'a version id' },
  flagNumber: { zh: '--{name} 须为数字，得到“{got}”', en: '--{name} expects a number, got "{got}"' },
  valueNeeded: { zh: '须给出数值（数字；null 或 blank 表示原文空白）', en: 'expected a value (a number, or "null" for blank)' },
  statusFlag: {
    zh: '--status 须为 unreviewed（未审核）、flagged（有疑问）或 verified（已核实）',
    en: '--status is unreviewed, flagged or verified',
  },
  templateFlag: { zh: '--template 须为 2019 或 2021', en: '--template is 2019 or 2021' },
  langFlag: { zh: '--lang 须为 zh 或 en', en: '--lang must be zh or en' },
  jobFailed: { zh: '任务失败：{reason}', en: 'the job failed: {reason}' },
  noArchive: { zh: '{path} 处没有档案库（请先导入报告，或用 --archive 指定路径）', en: 'no archive at {path} (import reports first, or pass --archive PATH)' },
  // import
  importHead: {
    zh: '第 {run} 次导入{status}：{reports} 个文件成为报告，{duplicates} 个已在档案库中，{skipped} 个跳过，{failed} 个失败 — {counts}',
    en: 'run {run} {status}: {reports} imported, {duplicates} already archived, {skipped} skipped, {failed} failed — {counts}',
  },
  runCompleted: { zh: '完成', en: 'completed' },
  runCancelled: { zh: '已取消', en: 'cancelled' },
  // list
  listRow: { zh: '{flags} 个疑问 {quality} 个质量问题', en: '{flags} flags {quality} quality' },
  versionsCount: { zh: '[{n} 个版本]', en: '[{n} versions]' },
  needsCompare: { zh: '待比较', en: 'to compare' },
  noReports: { zh: '没有报告', en: 'no reports' },
  // show
  template: { zh: '模板 {template}', en: 'template {template}' },
  inTrash: { zh: '在回收站中', en: 'in the trash' },
  notActive: { zh: '不是当前版本', en: 'not the active version' },
  waitsCompare: { zh: '待比较（有新版本等待比较）', en: '待比较 (a new version waits to be compared)' },
  showPlace: { zh: '地区：{region}   文件：{file}   档案库副本：{stored}', en: 'region: {region}   file: {file}   archived copy: {stored}' },
  versionsHead: { zh: '版本（* 为当前版本）：', en: 'versions (* active):' },
  errorLine: { zh: '错误：{error}', en: 'error: {error}' },
  correctedWas: { zh: '已更正（原为 {was}）', en: 'corrected (was {was})' },
  flagOpen: { zh: '疑问', en: 'FLAG' },
  flagAccepted: { zh: '已接受', en: 'accepted' },
  flagResolved: { zh: '已解决', en: 'resolved' },
  asPrinted: { zh: '原文如此', en: 'as in the original' },
  confirmed: { zh: '情况属实', en: 'confirmed as it is' },
  noFlags: { zh: '没有疑问标记', en: 'no flags' },
  // versions
  versionLine: {
    zh: '第 {id} 版{pending}{reviewed} — {status}，{values} 个数值，缺 {missing} 张表，{flags} 个未解决疑问',
    en: 'version {id}{pending}{reviewed} — {status}, {values} values, {missing} tables missing, {flags} open flags',
  },
  versionPending: { zh: ' 待比较', en: ' 待比较 (waiting to be compared)' },
  versionReviewed: { zh: ' 已审核', en: ' reviewed' },
  sourceLine: { zh: '#{id} {file}（{format}，{size} 字节，导入于 {at}）', en: '#{id} {file} ({format}, {size} bytes, imported {at})' },
  sourceActive: { zh: ' 当前', en: ' active' },
  compareHead: {
    zh: '第 {a} 版（当前，{fileA}）与第 {b} 版（{fileB}）：{n} 个单元格不同',
    en: 'version {a} (active, {fileA}) vs version {b} ({fileB}): {n} cells differ',
  },
  compareNote: { zh: '（* 为人工更正）', en: '(* corrected by a person)' },
  useVersion: {
    zh: '报告 #{id} 现为当前版本；沿用的更正：{carried}；标记的单元格（更正留在旧版本）：{flagged}',
    en: 'report #{id} is now the active version; corrections carried over: {carried}; cells flagged (the correction stays on the old version): {flagged}',
  },
  useVersionMore: { zh: '；沿用的接受：{acceptances} 个', en: '; acceptances carried over: {acceptances}' },
  useVersionVerified: { zh: '；已核实一并沿用（数值相同）', en: '; 已核实 carried over (same values)' },
  keepVersion: { zh: '#{id} 保留为当前版本', en: '#{id} kept as the active version' },
  takeCell: { zh: '#{id} {field} = {value}（取自第 {version} 版）', en: '#{id} {field} = {value} (taken from version {version})' },
  // trash
  removed: {
    zh: '#{id} 已移入回收站（{n} 个文件）；restore {id} 可恢复',
    en: '#{id} moved to the trash (回收站) with {n} file(s); restore {id} brings it back',
  },
  restored: { zh: '#{id} {agency} {year} 已恢复（{status}）', en: '#{id} {agency} {year} restored ({status})' },
  trashNotReport: { zh: '非年报', en: 'not a report' },
  trashRemoved: { zh: '移出档案库', en: 'removed' },
  trashFiles: { zh: '（{n} 个文件）', en: '({n} file(s))' },
  trashEmpty: { zh: '回收站是空的', en: 'the trash is empty' },
  // corrections
  corrected: { zh: '#{id} {field} = {value}（{status}，{flags} 个未解决疑问）', en: '#{id} {field} = {value} ({status}, {flags} open flags)' },
  nothingToUndo: { zh: '#{id}：没有可撤销的更正', en: '#{id}: nothing to undo' },
  nothingToRedo: { zh: '#{id}：没有可重做的更正', en: '#{id}: nothing to redo' },
  undone: { zh: '#{id} 撤销：{field} {from} → {to}', en: '#{id} undo: {field} {from} → {to}' },
  redone: { zh: '#{id} 重做：{field} {from} → {to}', en: '#{id} redo: {field} {from} → {to}' },
  histSet: { zh: '更正', en: 'set' },
  histUndo: { zh: '撤销', en: 'undo' },
  histRedo: { zh: '重做', en: 'redo' },
  histMeta: { zh: '修改信息', en: 'meta' },
  histAccept: { zh: '接受', en: 'accept' },
  histUnaccept: { zh: '撤回接受', en: 'unaccept' },
  wasUndone: { zh: '（已撤销）', en: ' (undone)' },
  noCorrections: { zh: '没有更正记录', en: 'no corrections' },
  noChanges: { zh: '没有修改记录', en: 'no changes recorded' },
  queueHead: {
    zh: '{run}待审 {todo} · 有疑问 {flagged} · 待比较 {compare}{kinds} · 已核实 {verified}',
    en: '{run}待审 to review {todo} · 有疑问 flagged {flagged} · 待比较 to compare {compare}{kinds} · 已核实 verified {verified}',
  },
  queueRun: { zh: '第 {run} 次导入：', en: 'run {run}: ' },
  queueNone: { zh: '下一份：已全部审完', en: 'next: none left' },
  queueNext: { zh: '下一份：#{id}（还剩 {n} 份）', en: 'next: #{id} ({n} left)' },
  verified: { zh: '#{id} {status}', en: '#{id} {status}' },
  verifiedOpen: { zh: '#{id} {status}（尚有 {flags} 个未解决疑问）', en: '#{id} {status} (with {flags} open flags)' },
  flagAcceptedNow: {
    zh: '#{id} 该疑问已按原文如此接受（{status}，{flags} 个未解决疑问）',
    en: '#{id} flag accepted as in the original ({status}, {flags} open flags)',
  },
  flagOpenAgain: { zh: '#{id} 该疑问重新打开（{status}，{flags} 个未解决疑问）', en: '#{id} flag open again ({status}, {flags} open flags)' },
  metaSet: { zh: '#{id} {agency} {year} 模板 {template}（{status}）', en: '#{id} {agency} {year} template {template} ({status})' },
  landed: { zh: '  成为{outcome}；{agency} {year} 的当前报告为 #{active}', en: '  landed as {outcome}; the active report of {agency} {year} is #{active}' },
  noMatches: { zh: '没有找到', en: 'no matches' },
  agencyRow: { zh: '{name}  [{region}]  {n} 份报告 {years}{aliases}', en: '{name}  [{region}]  {n} reports {years}{aliases}' },
  aka: { zh: '  又名 {names}', en: '  aka {names}' },
  noAgencies: { zh: '没有机关', en: 'no agencies' },
  merged: {
    zh: '已把“{from}”并入“{into}”：移动 {moved} 份报告，其中 {landed} 份落在“{into}”已有报告的年度上',
    en: 'merged "{from}" into "{into}": {moved} reports moved, {landed} landed on a year "{into}" already had',
  },
  landedLine: { zh: '  #{id} {year}：{outcome}（当前：#{active}）', en: '  #{id} {year}: {outcome} (active: #{active})' },
  regionSet: { zh: '{name}  [{region}]（人工设定）', en: '{name}  [{region}] (set by hand)' },
  renamed: { zh: '已把“{from}”改名为“{name}”；别名：{aliases}', en: 'renamed "{from}" to "{name}"; aliases: {aliases}' },
  reextracted: {
    zh: '重新提取 {n} 份报告，{changed} 份有变化，{conflicts} 处更正需要查看',
    en: '{n} reports re-extracted, {changed} changed, {conflicts} corrections to look at',
  },
  failedLine: { zh: '  失败：{file}：{reason}', en: '  failed: {file}: {reason}' },
  qualityThreshold: {
    zh: '内容雷同：相同 ≥ {pct}%；套话：一年中 ≥ {n} 个机关的报告都有的句子',
    en: "copied text at ≥ {pct} %; boilerplate: sentences in ≥ {n} agencies' reports of a year",
  },
  qualityDeadlines: {
    zh: '发布期限（次年）：部门 {department}，人民政府 {government}，乡镇（街道） {township}',
    en: 'deadlines (the year after): department {department}, government {government}, township {township}',
  },
  recheckedAll: { zh: '已重新检查全部报告', en: 'every report re-checked' },
  rechecked: { zh: '已重新检查 {n} 份报告', en: '{n} reports re-checked' },
  kindSet: { zh: '{agency}：{kind}；已重新检查 {n} 份报告', en: '{agency}: {kind}; {n} reports re-checked' },
  kindDepartment: { zh: '部门', en: 'department' },
  kindGovernment: { zh: '人民政府', en: 'government' },
  kindTownship: { zh: '乡镇（街道）', en: 'township' },
  kindAuto: { zh: '按名称判断', en: 'kind read from the name again' },
  passagesHead: { zh: '{pct}% 相同；相同部分在【】中', en: '{pct} % the same; common parts in 【】' },
  backupWritten: {
    zh: '备份已写入：{path}（{bytes} 字节）及 {files} 个原文件（{path}.files）',
    en: 'backup written: {path} ({bytes} bytes) and {files} originals in {path}.files',
  },
  // extract
  extractError: { zh: '   错误：{error}', en: '   error: {error}' },
  extractAgency: { zh: '（机关？）', en: '(agency?)' },
  extractYear: { zh: '（年度？）', en: '(year?)' },
  extractPublished: { zh: ' · 发布于 {date}', en: ' · published {date}' },
  extractFlags: { zh: '   疑问：', en: '   flags:' },
  ocrPages: { zh: '--ocr-pages 须为不小于 0 的整数', en: '--ocr-pages must be a whole number' },
  // export and demo
  exportNothing: { zh: '没有符合条件的报告，未写出文件', en: 'no reports match; nothing written' },
  wrote: { zh: '已写出 {files}', en: 'wrote {files}' },
  exportStats: {
    zh: '  {reports} 份报告，{agencies} 个机关，{flagged} 份有未解决检查，{verified} 份已核实，{corrected} 个单元格已更正；工作表：{sheets}',
    en: '  {reports} reports, {agencies} agencies, {flagged} with open checks, {verified} verified, {corrected} corrected cells; sheets: {sheets}',
  },
  exportReports: { zh: '  {reports} 份报告', en: '  {reports} reports' },
  exportSkipped: { zh: '  跳过报告 {id}：{reason}', en: '  skipped report {id}: {reason}' },
  formatFlag: { zh: '--format 须为 xlsx、csv 或 json', en: '--format must be xlsx, csv or json' },
  exportStatusFlag: {
    zh: '--status 须为 verified（已核实）、unreviewed（未审核）或 flagged（有疑问）',
    en: '--status must be verified, unreviewed or flagged',
  },
  yearsFlag: { zh: '--years 须为 A-B（如 2019-2024），得到“{got}”', en: '--years expects A-B (e.g. 2019-2024), got "{got}"' },
  yearsOrder: { zh: '--years：{from} 晚于 {to}', en: '--years: {from} is after {to}' },
  demoMissing: {
    zh: '缺少示例报告：请把共享文件夹 shared（含 seeds）放在项目文件夹旁边（{dir}）',
    en: 'the sample reports are missing: put the shared folder (with seeds/) beside the project folder ({dir})',
  },
  demoImported: {
    zh: '已把 {n} 份示例报告导入 {path}（{flagged} 份有疑问，{failed} 份失败）',
    en: 'imported {n} sample reports into {path} ({flagged} flagged, {failed} failed)',
  },
  demoNone: { zh: '示例中没有 2020 年的报告，未写出文件', en: 'no 2020 reports in the samples; nothing written' },
  demoStats: {
    zh: '  {reports} 份报告，{agencies} 个机关，{flagged} 份有未解决检查；工作表：{sheets}',
    en: '  {reports} reports, {agencies} agencies, {flagged} with open checks; sheets: {sheets}',
  },
  // web
  webArchive: { zh: 'web：须用 --archive 指定档案库文件（打开或新建）', en: 'web: --archive PATH is required (the archive file to open or create)' },
  webPort: { zh: 'web：--port 须为 0–65535，得到 {port}', en: 'web: --port must be 0..65535, got {port}' },
  webBuildFailed: { zh: 'web：构建界面失败：{reason}', en: 'web: building the UI failed: {reason}' },
  webNoRenderer: { zh: 'web：{dir} 中没有构建好的界面（npm run build:renderer）', en: 'web: no built renderer in {dir} (npm run build:renderer)' },
  webArchiveLine: { zh: '年报档案 — 档案库 {path}', en: '年报档案 — archive {path}' },
  webOpen: { zh: '打开：{url}', en: 'open: {url}' },
  webStop: { zh: '（按 Ctrl+C 停止）', en: '(Ctrl+C to stop)' },
} as const satisfies Record<string, Words>;
export type CliKey = keyof typeof CLI_WORDS;

export type CliParams = Record<string, string | number | null | undefined>;

/** One CLI sentence in `lang`, its {params} filled (a missing one reads —). */
export function cliText(key: CliKey, lang: Lang, params: CliParams = {}): string {
  return CLI_WORDS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v === null || v === undefined ? '—' : String(v);
  });
}

/** The language from the environment: an explicit choice, else a locale starting with en; Chinese otherwise. */
export function langFromEnv(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  if (flag === 'en' || flag === 'zh') return flag;
  for (const v of [env.NIANBAO_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    if (!v || v === 'C' || v === 'POSIX' || /^C\./.test(v)) continue;
    return /^en/i.test(v) ? 'en' : 'zh';
  }
  return 'zh';
}
