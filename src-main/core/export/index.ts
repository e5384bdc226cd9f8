// Export: yearly / multi-year / per-agency workbooks and tidy CSV/JSON, over
// the exporter's own plain input model (types.ts). from-archive.ts feeds it.
export * from './types.js';
export { writeWorkbook, sortReports, workbookStats, type WorkbookStats } from './workbook.js';
export { writeTidy, tidyRows, TIDY_COLUMNS, type TidyRow } from './tidy.js';
export { crossYearFlags, withCrossYearFlags } from './cross-year.js';
export { cellMarks, flagCovers, type CellMark, type MarkKind } from './marks.js';
export { tableLayout, SUMMARY_COLUMNS, valuesRecord } from './layout.js';
export { cellText, csvField, looksLikeFormula } from './text.js';
