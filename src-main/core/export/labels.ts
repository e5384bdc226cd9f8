// Every fixed text of the export in both languages. Labels of rows and
// columns come from the catalogue, never from here.
import { FLAG_STATUS_WORDS, STATUS_WORDS, flagKindName } from '../wording/index.js';
import type { ExportFlag, ExportReport, ExportScope, Lang } from './types.js';

const T = {
  sheetReadme: { zh: '说明', en: 'About' },
  sheetSummary: { zh: '汇总', en: 'Summary' },
  sheetActive: { zh: '主动公开', en: 'Proactive' },
  sheetRequests: { zh: '依申请公开', en: 'Requests' },
  sheetAppeals: { zh: '复议诉讼', en: 'Review' },
  sheetFlags: { zh: '校验问题', en: 'Checks' },
  sheetSources: { zh: '来源', en: 'Sources' },
  sheetByAgency: { zh: '分机关', en: 'By agency' },
  region: { zh: '地区', en: 'Region' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '模板', en: 'Template' },
  status: { zh: '状态', en: 'Status' },
  reportId: { zh: '报告编号', en: 'Report ID' },
  flagsCount: { zh: '校验问题数', en: 'Open checks' },
  correctedCount: { zh: '更正单元格数', en: 'Corrected cells' },
  totalRow: { zh: '合计（全部机关）', en: 'Total (all agencies)' },
  kind: { zh: '问题类型', en: 'Kind' },
  rule: { zh: '规则', en: 'Rule' },
  fieldName: { zh: '字段名称', en: 'Field' },
  message: { zh: '说明', en: 'Message' },
  expected: { zh: '应为', en: 'Expected' },
  found: { zh: '实为', en: 'Found' },
  flagStatus: { zh: '处理状态', en: 'Status' },
  flagNote: { zh: '处理说明', en: 'Note' },
  acceptedWithReport: { zh: '整份报告已核实', en: 'the report was verified as a whole' },
  fileName: { zh: '原始文件名', en: 'Original file' },
  sha256: { zh: 'SHA-256', en: 'SHA-256' },
  format: { zh: '格式', en: 'Format' },
  importedAt: { zh: '导入时间', en: 'Imported at' },
  extractorVersion: { zh: '提取程序版本', en: 'Extractor version' },
  summaryRequests: { zh: '依申请公开（总计列）', en: 'Requests (total column)' },
  summaryAppeals: { zh: '行政复议、行政诉讼', en: 'Reconsideration and litigation' },
  summaryChecks: { zh: '数据质量', en: 'Data quality' },
} as const;

export type TextKey = keyof typeof T;
export const t = (key: TextKey, lang: Lang): string => T[key][lang];

export const FLAG_STATUS = FLAG_STATUS_WORDS;

/** Why an accepted check was accepted: the archivist's note, or the report verified as a whole; '' otherwise. */
export function flagNote(f: Pick<ExportFlag, 'status' | 'note' | 'byReport'>, lang: Lang): string {
  if (f.status !== 'accepted') return '';
  return f.byReport ? t('acceptedWithReport', lang) : (f.note ?? '');
}

export const flagKindLabel = (kind: string, lang: Lang): string => flagKindName(kind, lang);

/** A report's status in the same words as the app (已核实 / 未审核 / 有疑问). */
export function statusLabel(status: string, lang: Lang): string {
  return status === 'verified' || status === 'flagged' || status === 'unreviewed' ? STATUS_WORDS[status][lang] : STATUS_WORDS.unreviewed[lang];
}

/**
 * The number an archivist quotes for a report: agency, year and version
 * (广州市商务局-2020-1; -2 for a second version imported later). Stable
 * across exports and archives, unlike the database id.
 */
export function reportNumber(r: Pick<ExportReport, 'agency' | 'year' | 'version'>, lang: Lang): string {
  const agency = r.agency || (lang === 'zh' ? '机关不明' : 'unknown agency');
  return `${agency}-${r.year}-${r.version ?? 1}`;
}

export function scopeTitle(scope: ExportScope, lang: Lang): string {
  const zh = lang === 'zh';
  switch (scope.kind) {
    case 'year':
      return zh ? `${scope.year}年度政府信息公开工作年度报告汇总` : `Government information disclosure annual reports, ${scope.year}`;
    case 'years':
      return zh ? `${scope.from}—${scope.to}年度政府信息公开工作年度报告汇总` : `Government information disclosure annual reports, ${scope.from}–${scope.to}`;
    case 'agency':
      return zh ? `${scope.agency}政府信息公开工作年度报告（历年）` : `${scope.agency}: annual reports across years`;
  }
}
