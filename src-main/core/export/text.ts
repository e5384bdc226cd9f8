// Text from reports goes into workbooks and CSV files. Two dangers: control
// characters that make the XML invalid (Excel then offers to "repair" the
// file), and formula injection (`=HYPERLINK(...)` as an agency name).

// XML 1.0 forbids C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const EXCEL_MAX_CELL = 32_767;

/** Text that is safe to put in a workbook cell. ExcelJS writes plain strings as strings, never formulas. */
export function cellText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  const clean = s.replace(INVALID_XML, '');
  return clean.length > EXCEL_MAX_CELL ? `${clean.slice(0, EXCEL_MAX_CELL - 1)}…` : clean;
}

/** True for text a spreadsheet would take as a formula when typed or read from CSV. */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}

/**
 * A CSV field. Text that a spreadsheet would read as a formula gets a leading
 * apostrophe (the OWASP advice); numbers are written as numbers.
 */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = cellText(v);
  if (looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}
