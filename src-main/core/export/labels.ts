// Every fixed text of the export in both languages. Labels of rows and
// columns come from the catalogue, never from here.
import type { ExportFlag, ExportFlagStatus, ExportScope, Lang } from './types.js';

const T = {
  sheetReadme: { zh: '说明', en: 'About' },
  sheetSummary: { zh: '汇总', en: 'Summary' },
  sheetActive: { zh: '主动公开', en: 'Proactive' },
  sheetRequests: { zh: '依申请公开', en: 'Requests' },
  sheetReview: { zh: '复议诉讼', en: 'Review' },
  sheetFlags: { zh: '校验问题', en: 'Checks' },
  sheetSources: { zh: '来源', en: 'Sources' },
  region: { zh: '地区', en: 'Region' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '模板', en: 'Template' },
  status: { zh: '状态', en: 'Status' },
  reportId: { zh: '报告编号', en: 'Report ID' },
  flagsCount: { zh: '校验问题数', en: 'Open checks' },
  correctedCount: { zh: '更正单元格数', en: 'Corrected cells' },
  totalRow: { zh: '合计（全部机关）', en: 'Total (all agencies)' },
  verified: { zh: '已核验', en: 'verified' },
  unverified: { zh: '未核验', en: 'not verified' },
  kind: { zh: '问题类型', en: 'Kind' },
  rule: { zh: '规则', en: 'Rule' },
  fieldId: { zh: '字段编号', en: 'Field id' },
  fieldName: { zh: '字段名称', en: 'Field' },
  message: { zh: '说明', en: 'Message' },
  expected: { zh: '应为', en: 'Expected' },
  found: { zh: '实为', en: 'Found' },
  flagStatus: { zh: '处理状态', en: 'Status' },
  flagNote: { zh: '处理说明', en: 'Note' },
  acceptedWithReport: { zh: '整份报告已核验', en: 'the report was verified as a whole' },
  fileName: { zh: '原始文件名', en: 'Original file' },
  sha256: { zh: 'SHA-256', en: 'SHA-256' },
  format: { zh: '格式', en: 'Format' },
  importedAt: { zh: '导入时间', en: 'Imported at' },
  extractorVersion: { zh: '提取程序版本', en: 'Extractor version' },
  summaryRequests: { zh: '依申请公开（总计列）', en: 'Requests (total column)' },
  summaryReview: { zh: '行政复议、行政诉讼', en: 'Reconsideration and litigation' },
  summaryChecks: { zh: '数据质量', en: 'Data quality' },
} as const;

export type TextKey = keyof typeof T;
export const t = (key: TextKey, lang: Lang): string => T[key][lang];

export const FLAG_STATUS: Record<ExportFlagStatus, { zh: string; en: string }> = {
  open: { zh: '待处理', en: 'open' },
  accepted: { zh: '已确认（原文如此）', en: 'accepted (as in the original)' },
  fixed: { zh: '已更正', en: 'fixed by a correction' },
};

/** Why an accepted check was accepted: the archivist's note, or the report verified as a whole; '' otherwise. */
export function flagNote(f: Pick<ExportFlag, 'status' | 'note' | 'byReport'>, lang: Lang): string {
  if (f.status !== 'accepted') return '';
  return f.byReport ? t('acceptedWithReport', lang) : (f.note ?? '');
}

export const FLAG_KIND: Record<string, { zh: string; en: string }> = {
  rule: { zh: '勾稽关系不符', en: 'rule failed' },
  incomplete_row: { zh: '行数据不完整', en: 'incomplete row' },
  unparseable: { zh: '无法识别的数值', en: 'unreadable value' },
  missing_table: { zh: '缺少表格', en: 'missing table' },
  missing_row: { zh: '缺少行', en: 'missing row' },
  ambiguous: { zh: '存在多种读法', en: 'ambiguous' },
  inferred: { zh: '推断值', en: 'inferred value' },
  template_mismatch: { zh: '模板不符', en: 'template mismatch' },
  hybrid_template: { zh: '混用模板', en: 'hybrid template' },
  unknown_agency: { zh: '机关不明', en: 'unknown agency' },
  unknown_year: { zh: '年度不明', en: 'unknown year' },
  needs_ocr: { zh: '需要文字识别', en: 'needs OCR' },
  ocr: { zh: '文字识别所得，需核对', en: 'read by OCR, check' },
  extra_cells: { zh: '多余单元格', en: 'extra cells' },
  cross_year: { zh: '跨年度不符', en: 'cross-year mismatch' },
};

export const flagKindLabel = (kind: string, lang: Lang): string => FLAG_KIND[kind]?.[lang] ?? kind;

export function statusLabel(status: string, lang: Lang): string {
  return status === 'verified' ? t('verified', lang) : t('unverified', lang);
}

export function scopeTitle(scope: ExportScope, lang: Lang): string {
  const zh = lang === 'zh';
  switch (scope.kind) {
    case 'year':
      return zh ? `${scope.year}年度政府信息公开工作年度报告汇总` : `Government information disclosure annual reports, ${scope.year}`;
    case 'years':
      return zh
        ? `${scope.from}—${scope.to}年度政府信息公开工作年度报告汇总`
        : `Government information disclosure annual reports, ${scope.from}–${scope.to}`;
    case 'agency':
      return zh ? `${scope.agency}政府信息公开工作年度报告（历年）` : `${scope.agency}: annual reports across years`;
  }
}
