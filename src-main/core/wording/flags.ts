// A flag in words an archivist reads: rule failures spelt out with the
// catalogue's labels (R2（自然人）：总计为 13，而各项办理结果之和为 14), other
// kinds named with the field or row they concern. The stored message (the
// extractor's English detail) is never mixed into the Chinese sentence: the
// UI shows it behind 技术信息, the English sentence carries it.
import { fieldById, targetLabel } from '../catalogue/index.js';
import type { CrossYearRule } from '../validate/cross-year.js';
import { qualityText } from './quality.js';
import { FLAG_KIND_WORDS, type AnyFlagKind, type Lang } from './words.js';

export interface FlagLike {
  kind: string;
  fields: string[];
  message: string;
  rule?: string | null;
  expected?: number | null;
  found?: number | null;
  source?: string;
  /** Quality flags: the figures their sentence is built from. */
  detail?: Record<string, string | number | null>;
}

function fmt(v: number | null | undefined): string {
  return v === undefined || v === null ? '?' : String(Math.round(v * 1e4) / 1e4);
}

/** Text in Chinese with no English words (allowed: PDF, Word, Excel, WPS, OCR). */
export function isChinese(s: string): boolean {
  return /[\u4e00-\u9fff]/.test(s) && !/[A-Za-z]{3,}/.test(s.replace(/\b(PDF|Word|Excel|WPS|OCR)\b/g, ''));
}

const isKind = (k: string): k is AnyFlagKind => Object.prototype.hasOwnProperty.call(FLAG_KIND_WORDS, k);

function ruleText(f: FlagLike, lang: Lang): string | null {
  const first = f.fields.map((id) => fieldById(id)).find(Boolean);
  if (!f.rule || !first) return null;
  const e = fmt(f.expected);
  const n = fmt(f.found);
  const col = first.column.label[lang];
  const row = first.row.label[lang];
  if (lang === 'zh') {
    switch (f.rule) {
      case 'R1':
        return `R1（${col}）：本年新收 + 上年结转 = ${e}，而总计 + 结转下年度 = ${n}`;
      case 'R2':
        return `R2（${col}）：总计为 ${e}，而各项办理结果之和为 ${n}`;
      case 'R3':
        return `R3（“${row}”行）：总计列为 ${e}，而各类申请人之和为 ${n}`;
      case 'R4':
        return `R4（${row}）：总计为 ${e}，而维持、纠正、其他、尚未审结之和为 ${n}`;
    }
    return null;
  }
  switch (f.rule) {
    case 'R1':
      return `R1 (${col}): new + carried over = ${e}, but total + carried forward = ${n}`;
    case 'R2':
      return `R2 (${col}): total is ${e}, but the outcome rows add up to ${n}`;
    case 'R3':
      return `R3 (row ${row}): the total column is ${e}, but the applicant columns add up to ${n}`;
    case 'R4':
      return `R4 (${row}): total is ${e}, but upheld + corrected + other + pending = ${n}`;
  }
  return null;
}

interface CrossYearParts {
  col: string;
  row: string;
  prev: string;
  e: string;
  n: string;
}
/** The cross-year checks (validate/cross-year.ts) in words: a new rule without them fails to compile. */
const CROSS_YEAR_TEXT: { readonly [K in CrossYearRule]: { zh(p: CrossYearParts): string; en(p: CrossYearParts): string } } = {
  X1: {
    zh: (p) => `X1（${p.col}）：上年结转为 ${p.n}，而${p.prev}报告的结转下年度为 ${p.e}`,
    en: (p) => `X1 (${p.col}): carried over from last year is ${p.n}, but ${p.prev} report carried ${p.e} forward`,
  },
  X2: {
    zh: (p) => `X2（${p.row}）：现行有效件数为 ${p.n}，而${p.prev}现行有效件数 + 本年制发 − 本年废止 = ${p.e}（清理、修订可使其不符；属实可确认）`,
    en: (p) =>
      `X2 (${p.row}): ${p.n} in force, but ${p.prev} report's in force + issued − repealed = ${p.e} (a clean-up or revision can break it; accept it if so)`,
  },
};

function crossYearText(f: FlagLike, lang: Lang): string | null {
  const first = f.fields.map((id) => fieldById(id)).find(Boolean);
  if (!first || !f.rule || !Object.prototype.hasOwnProperty.call(CROSS_YEAR_TEXT, f.rule)) return null;
  const year = f.detail?.prevYear;
  const prev = lang === 'zh' ? (year ? `${year} 年` : '上一年度') : year ? `the ${year}` : "the previous year's";
  return CROSS_YEAR_TEXT[f.rule as CrossYearRule][lang]({
    col: first.column.label[lang],
    row: first.row.label[lang],
    prev,
    e: fmt(f.expected),
    n: fmt(f.found),
  });
}

/** Where a flag applies: up to three rows/fields by label. */
export function flagPlace(f: Pick<FlagLike, 'fields'>, lang: Lang): string {
  if (!f.fields.length) return '';
  const names = f.fields.slice(0, 3).map((id) => targetLabel(id, lang));
  return `${names.join(lang === 'zh' ? '、' : ', ')}${f.fields.length > 3 ? (lang === 'zh' ? ' 等' : ' …') : ''}`;
}

/** The flag's short kind name (a workbook column). Unknown kinds (newer data than this program) get a neutral word. */
export function flagKindName(kind: string, lang: Lang): string {
  return isKind(kind) ? FLAG_KIND_WORDS[kind].name[lang] : lang === 'zh' ? '其他问题' : 'other check';
}

/** The flag's text for people, in `lang`: no English inside the Chinese. */
export function flagText(f: FlagLike, lang: Lang = 'zh'): string {
  if (f.source === 'quality') return qualityText(f, lang);
  if (f.kind === 'cross_year') {
    const x = crossYearText(f, lang);
    if (x) return x;
  }
  const where = flagPlace(f, lang);
  const sep = lang === 'zh' ? '：' : ': ';
  if (f.kind === 'source_conflict' || f.kind === 'version_changed') {
    // archive/versions.ts: the two readings travel as expected (the other source / old version) and found (this one)
    const text = FLAG_KIND_WORDS[f.kind].text[lang];
    const readings =
      f.expected === undefined && f.found === undefined
        ? ''
        : lang === 'zh'
          ? `（读数：${f.expected ?? '空'} 与 ${f.found ?? '空'}）`
          : ` (readings: ${f.expected ?? 'blank'} and ${f.found ?? 'blank'})`;
    return `${where ? `${where}${sep}` : ''}${text}${readings}${lang === 'en' && f.message ? ` — ${f.message}` : ''}`;
  }
  if (f.source === 'archive') {
    // re-extraction disagrees with a correction (archive/store.ts)
    return lang === 'zh'
      ? `${where}${sep}重新提取的读数与更正前不同，更正已保留，请核对`
      : `${where}${sep}re-extraction reads differently; the correction is kept — please check (${f.message})`;
  }
  if (f.kind === 'rule') {
    const r = ruleText(f, lang);
    if (r) return r;
  }
  // A message written in Chinese (the export's cross-year checks, a check made in Chinese) is shown as is.
  const chinese = isChinese(f.message);
  const rulePrefix = f.rule && !f.message.startsWith(f.rule) ? `${f.rule}${sep}` : '';
  if ((f.kind === 'cross_year' || !isKind(f.kind)) && lang === 'zh' && chinese) return `${rulePrefix}${f.message}`;
  if (f.kind === 'rule' && lang === 'zh' && chinese) return `${where ? where + sep : ''}${rulePrefix}${f.message}`;
  if (!isKind(f.kind)) return lang === 'zh' ? `${where ? where + sep : ''}其他问题，请核对原文` : f.message;
  const text = `${f.kind === 'rule' && f.rule ? `${f.rule} ` : ''}${FLAG_KIND_WORDS[f.kind].text[lang]}`;
  const head = where ? `${where}${sep}${text}` : text;
  if (lang === 'zh') return chinese ? `${head}（${f.message}）` : head;
  return lang === 'en' && f.message && f.kind !== 'rule' ? `${head} (${f.message})` : head;
}
