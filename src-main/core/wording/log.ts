// The report's 修改记录 (change log) in words: what each entry did, on what,
// from which value to which, Chinese and English; and the CSV an archivist
// opens in Excel (UTF-8 with a byte-order mark, so Chinese reads right).
import { targetLabel } from '../catalogue/index.js';
import { flagText } from './flags.js';
import { STATUS_WORDS, type Lang } from './words.js';
import type { GridState } from './codes.js';

export type LogAction = 'correct' | 'undo' | 'redo' | 'accept' | 'unaccept' | 'verify' | 'unverify' | 'reopen' | 'version' | 'remove' | 'restore' | 'meta';

export const LOG_ACTION_WORDS: Record<LogAction, { zh: string; en: string }> = {
  correct: { zh: '更正', en: 'correction' },
  undo: { zh: '撤销更正', en: 'undo' },
  redo: { zh: '重做更正', en: 'redo' },
  accept: { zh: '确认原文如此', en: 'accepted as printed' },
  unaccept: { zh: '撤回原文如此', en: 'acceptance revoked' },
  verify: { zh: '标记已核实', en: 'marked verified' },
  unverify: { zh: '取消已核实', en: 'verification removed' },
  reopen: { zh: '重新待审', en: 'reopened for review' },
  version: { zh: '切换版本', en: 'version switched' },
  remove: { zh: '移出档案库', en: 'removed' },
  restore: { zh: '恢复', en: 'restored' },
  meta: { zh: '修改报告信息', en: 'report details changed' },
};

const META_WORDS: Record<string, { zh: string; en: string }> = {
  'meta.agency': { zh: '机关', en: 'agency' },
  'meta.year': { zh: '年度', en: 'year' },
  'meta.template': { zh: '模板', en: 'template' },
  'meta.publishedAt': { zh: '发布日期', en: 'publication date' },
  'meta.status': { zh: '审核状态', en: 'review state' },
  'meta.version': { zh: '版本', en: 'version' },
  'meta.removed': { zh: '回收站', en: 'trash' },
};

/** One entry of the log as the archive gives it (archive/log.ts). */
export interface LogEntryLike {
  action: LogAction;
  field: string;
  from: number | string | null;
  to: number | string | null;
  note: string | null;
  at: string;
  reviewer: string | null;
  versionId: number | null;
  reportId: number;
  undone?: boolean;
  flag?: { kind: string; fields: string[]; message: string; rule?: string | null; expected?: number | null; found?: number | null; source?: string };
}

const value = (v: number | string | null, field: string, lang: Lang): string => {
  if (v === null || v === undefined) return lang === 'zh' ? '（空）' : '(blank)';
  if (field === 'meta.status' && typeof v === 'string' && v in STATUS_WORDS) return STATUS_WORDS[v as GridState][lang];
  if (field === 'meta.version') return lang === 'zh' ? `第 ${v} 版` : `version ${v}`;
  return String(v);
};

/** What the entry concerns: a cell's row and column, a flag's sentence, or a report detail. */
export function logItem(e: LogEntryLike, lang: Lang): string {
  if (e.flag) return flagText(e.flag, lang);
  return META_WORDS[e.field]?.[lang] ?? targetLabel(e.field, lang);
}

export function logValues(e: LogEntryLike, lang: Lang): { from: string; to: string } {
  if (e.flag || e.action === 'remove' || e.action === 'restore') return { from: '', to: '' };
  return { from: value(e.from, e.field, lang), to: value(e.to, e.field, lang) };
}

/** A local time as 2026-12-03 14:02:05 (sorts as text in a spreadsheet). */
export function localStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A spreadsheet would run text starting with = + @ (or - not before a digit) as a formula: such text gets a leading '. */
const FORMULA = /^(?:[=+@]|-(?!\d))/;
const cell = (s: string) => {
  const t = FORMULA.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

/** The log as CSV: a byte-order mark, a header in the language, one line per entry (oldest first), CRLF. */
export function logCsv(entries: LogEntryLike[], lang: Lang): string {
  const head =
    lang === 'zh'
      ? ['时间', '审核人', '操作', '项目', '原值', '新值', '说明', '版本', '报告编号', '已撤销']
      : ['time', 'reviewer', 'action', 'item', 'from', 'to', 'note', 'version', 'report id', 'undone'];
  const lines = entries.map((e) => {
    const v = logValues(e, lang);
    return [
      localStamp(e.at),
      e.reviewer ?? '',
      LOG_ACTION_WORDS[e.action][lang],
      logItem(e, lang),
      v.from,
      v.to,
      e.note ?? '',
      e.versionId === null ? '' : String(e.versionId),
      String(e.reportId),
      e.undone ? (lang === 'zh' ? '是' : 'yes') : '',
    ]
      .map(cell)
      .join(',');
  });
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}
