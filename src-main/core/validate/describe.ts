// A flag in words an archivist reads: rule failures spelt out with the
// catalogue's labels (R2（自然人）：总计为 13，而各项办理结果之和为 14), other
// kinds named in the UI's language with the field or row they concern. The
// stored message stays as it is (the extractor's detail, in English) and is
// appended where it carries more than the kind says.
import { fieldById, targetLabel } from '../catalogue/index.js';

export type Lang = 'zh' | 'en';

// Export flags carry kinds and rules of their own (cross_year, X1/X2, already worded): any string passes through.
type Described = { kind: string; fields: string[]; message: string; rule?: string; expected?: number; found?: number; source?: string };


function fmt(v: number | undefined): string {
  return v === undefined ? '?' : String(Math.round(v * 1e4) / 1e4);
}


function ruleText(f: Described, lang: Lang): string | null {
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

const KINDS: Record<string, { zh: string; en: string; detail?: boolean }> = {
  incomplete_row: { zh: '该行数字少于列数，单元格留空待核', en: 'fewer numbers than columns; cells left blank to check', detail: true },
  unparseable: { zh: '无法识别的数值', en: 'a value that could not be read', detail: true },
  missing_table: { zh: '未找到此表', en: 'table not found' },
  missing_row: { zh: '未找到此行', en: 'row not found' },
  ambiguous: { zh: '读数不唯一，留空或待核', en: 'more than one reading; left blank or to check', detail: true },
  inferred: { zh: '数值由推算得出，并非直接读出', en: 'value inferred, not read', detail: true },
  extra_cells: { zh: '数字多于列数，取舍为推测', en: 'more numbers than columns; which were kept is a guess', detail: true },
  template_mismatch: { zh: '年度与表格模板不符', en: "the tables' template does not match the year", detail: true },
  hybrid_template: { zh: '表格混用两版模板', en: 'the tables mix the two templates', detail: true },
  unknown_agency: { zh: '未能识别机关名称', en: 'agency not recognised', detail: true },
  unknown_year: { zh: '未能识别报告年度', en: 'report year not recognised', detail: true },
  needs_ocr: { zh: '扫描件，无文字层，需要文字识别', en: 'a scan without a text layer: needs OCR', detail: true },
  ocr: { zh: '数值由文字识别（OCR）从扫描件读出，请逐一核对原件', en: 'values read by OCR from a scan; check each against the original', detail: true },
};

/** The flag's text for people, in `lang`. */
export function describeFlag(f: Described, lang: Lang = 'zh'): string {
  if (f.source === 'archive') {
    // re-extraction disagrees with a correction (archive/store.ts)
    const where = f.fields.map((id) => targetLabel(id, lang)).join(', ');
    return lang === 'zh'
      ? `${where}：重新提取的读数与更正前不同，更正已保留，请核对（${f.message}）`
      : `${where}: re-extraction reads differently; the correction is kept — please check (${f.message})`;
  }
  if (f.kind === 'rule') return ruleText(f, lang) ?? (f.rule ? `${f.rule}: ${f.message}` : f.message);
  const k = KINDS[f.kind];
  if (!k) return f.rule && !f.message.startsWith(f.rule) ? `${f.rule}: ${f.message}` : f.message;
  const where = f.fields.length ? `${f.fields.slice(0, 3).map((id) => targetLabel(id, lang)).join(lang === 'zh' ? '、' : ', ')}${f.fields.length > 3 ? ' …' : ''}` : '';
  const head = where ? `${where}${lang === 'zh' ? '：' : ': '}${k[lang]}` : k[lang];
  return k.detail && f.message ? `${head}${lang === 'zh' ? '（' : ' ('}${f.message}${lang === 'zh' ? '）' : ')'}` : head;
}
