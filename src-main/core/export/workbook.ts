// The summary workbook. Written with ExcelJS's streaming WorkbookWriter (rows
// are flushed as they are committed, so 20 000 reports stay within memory
// limits; merges, frozen panes and notes all stream), into a temporary file
// renamed into place at the end: a failed export never leaves a half file.
import { rename, rm, stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { TEMPLATES, TABLES, type TableId, type TemplateId } from '../catalogue/index.js';
import { withCrossYearFlags } from './cross-year.js';
import { flagKindLabel, flagNote, scopeTitle, t } from './labels.js';
import { flagStatusWords } from '../wording/quality.js';
import { tableLayout } from './layout.js';
import { openFlagCount, targetLabel } from './marks.js';
import { HEADER_TOP, breathe, fixedColumns, writeFixed, writeSummarySheet, writeTableSheet, writeListHead, type FixedColumn, type Sheet } from './sheets.js';
import { BY_AGENCY_MAX_REPORTS, writeByAgencySheet } from './by-agency.js';
import { formatDateTime } from '../wording/format.js';

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);
import { FILL, TEXT_STYLE, WRAP_STYLE, numStyle, pageSetup } from './style.js';
import { cellText } from './text.js';
import type { ExportFlag, ExportMeta, ExportReport, ExportScope, Lang } from './types.js';
import { writeReadme } from './readme.js';
import { flagText as describeFlag } from '../wording/flags.js';
import { QUALITY_SHEET, writeQualitySheet } from './quality-sheet.js';
import { guardedStream, partOf, throwIfCancelled, writeFailure } from './output.js';

export interface WorkbookStats {
  file: string;
  bytes: number;
  reports: number;
  agencies: number;
  /** Reports with at least one open flag. */
  flagged: number;
  verified: number;
  correctedCells: number;
  flags: number;
  templates: TemplateId[];
  sheets: string[];
}

const TABLE_SHEETS: { table: TableId; key: 'sheetActive' | 'sheetRequests' | 'sheetAppeals' }[] = [
  { table: 'active', key: 'sheetActive' },
  { table: 'requests', key: 'sheetRequests' },
  { table: 'review', key: 'sheetAppeals' },
];

/** Report order: by year first when the workbook spans years, then region and agency. */
export function sortReports(reports: ExportReport[], scope: ExportScope): ExportReport[] {
  const key = (r: ExportReport) => [r.region.province ?? '', r.region.city ?? '', r.region.county ?? '', r.agency];
  return [...reports].sort((a, b) => {
    if (scope.kind !== 'year' && a.year !== b.year) return a.year - b.year;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = ka[i]!.localeCompare(kb[i]!, 'zh-Hans-CN');
      if (c) return c;
    }
    return a.year - b.year || String(a.id).localeCompare(String(b.id));
  });
}

export function workbookStats(reports: ExportReport[]): Omit<WorkbookStats, 'file' | 'bytes' | 'sheets'> {
  return {
    reports: reports.length,
    agencies: new Set(reports.map((r) => r.agency)).size,
    flagged: reports.filter((r) => openFlagCount(r) > 0).length,
    verified: reports.filter((r) => r.status === 'verified').length,
    correctedCells: reports.reduce((s, r) => s + Object.keys(r.corrected).length, 0),
    flags: reports.reduce((s, r) => s + r.flags.length, 0),
    templates: (['2019', '2021'] as TemplateId[]).filter((tp) => reports.some((r) => r.template === tp)),
  };
}

function frozen(xSplit: number, ySplit: number): Partial<ExcelJS.WorksheetView>[] {
  return [{ state: 'frozen', xSplit, ySplit, topLeftCell: `${String.fromCharCode(65 + xSplit)}${ySplit + 1}`, activeCell: 'A1' }];
}

async function writeFlagsSheet(ws: Sheet, reports: ExportReport[], fixed: FixedColumn[], title: string, lang: Lang): Promise<void> {
  const cols = [
    { label: t('kind', lang), width: 14 },
    { label: t('rule', lang), width: 6 },
    { label: t('fieldName', lang), width: 44 },
    { label: t('message', lang), width: 50 },
    { label: t('expected', lang), width: 9 },
    { label: t('found', lang), width: 9 },
    { label: t('flagStatus', lang), width: 16 },
    { label: t('flagNote', lang), width: 30 },
  ];
  writeListHead(
    ws,
    fixed,
    cols,
    title,
    lang === 'zh' ? '每条校验问题一行；X1、X2 为导出时进行的跨年度检查。' : 'One row per check; X1 and X2 are cross-year checks made at export.',
    reports.reduce((s, r) => s + r.flags.length, 0),
  );
  let n = HEADER_TOP + 1;
  for (const r of reports) {
    for (const f of r.flags) {
      await breathe(n);
      writeFlagRow(ws.getRow(n++), fixed, r, f, lang);
    }
  }
  if (n === HEADER_TOP + 1) {
    const row = ws.getRow(n);
    row.getCell(1).value = lang === 'zh' ? '没有校验问题。' : 'No checks raised.';
    row.commit();
  }
}

function writeFlagRow(row: ExcelJS.Row, fixed: FixedColumn[], r: ExportReport, f: ExportFlag, lang: Lang): void {
  const F = fixed.length;
  writeFixed(row, fixed, r);
  const values: (string | number | null)[] = [
    flagKindLabel(f.kind, lang),
    f.rule ?? '',
    cellText(
      f.fields
        .slice(0, 6)
        .map((id) => targetLabel(id, lang))
        .join('\n') + (f.fields.length > 6 ? (lang === 'zh' ? `\n等 ${f.fields.length} 项` : `\n… ${f.fields.length} in all`) : ''),
    ),
    cellText(describeFlag(f, lang)),
    finite(f.expected),
    finite(f.found),
    flagStatusWords(f.status, f, lang),
    cellText(flagNote(f, lang)) || null,
  ];
  values.forEach((v, i) => {
    const cell = row.getCell(F + i + 1);
    if (v !== null) cell.value = v;
    cell.style = i === 4 || i === 5 ? numStyle('wan', null) : WRAP_STYLE;
  });
  // Expected/found are counts or 万元: show whole numbers without decimals.
  for (const i of [4, 5]) {
    const v = values[i];
    if (typeof v === 'number' && Number.isInteger(v)) row.getCell(F + i + 1).style = numStyle('count', null);
  }
  row.getCell(F + 7).style = { ...WRAP_STYLE, fill: f.status === 'open' ? FILL.flagged : FILL.resolved };
  row.commit();
}

async function writeSourcesSheet(ws: Sheet, reports: ExportReport[], fixed: FixedColumn[], title: string, lang: Lang): Promise<void> {
  const cols: { label: string; width: number; value: (r: ExportReport) => string }[] = [
    { label: t('fileName', lang), width: 40, value: (r) => r.source.fileName },
    { label: t('sha256', lang), width: 66, value: (r) => r.source.sha256 },
    { label: t('format', lang), width: 8, value: (r) => r.source.format },
    { label: t('importedAt', lang), width: 22, value: (r) => formatDateTime(r.source.importedAt, lang) },
    { label: t('extractorVersion', lang), width: 14, value: (r) => r.source.extractorVersion },
  ];
  const F = fixed.length;
  writeListHead(
    ws,
    fixed,
    cols,
    title,
    lang === 'zh' ? '每份报告的原始文件；SHA-256 可用于核对档案中的原件。' : 'The original file of every report; the SHA-256 identifies it in the archive.',
    reports.length,
  );
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    await breathe(i);
    const row = ws.getRow(HEADER_TOP + 1 + i);
    writeFixed(row, fixed, r);
    cols.forEach((c, j) => {
      row.getCell(F + j + 1).value = cellText(c.value(r));
      row.getCell(F + j + 1).style = TEXT_STYLE;
    });
    row.commit();
  }
}

/** A report whose values are all finite or null (NaN and ±Infinity cannot be written: Excel would offer to repair the file). */
function finiteValues(r: ExportReport): ExportReport {
  let bad = false;
  for (const k in r.values) {
    const v = r.values[k];
    if (v !== null && v !== undefined && !Number.isFinite(v)) bad = true;
  }
  if (!bad) return r;
  const values: Record<string, number | null> = {};
  for (const k in r.values) {
    const v = r.values[k] ?? null;
    values[k] = v !== null && Number.isFinite(v) ? v : null;
  }
  return { ...r, values };
}

/** Sheet names Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; [...taken].some((x) => x.toLowerCase() === name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  taken.add(name);
  return name;
}

export interface WorkbookOptions {
  /** Write the 分机关 sheet (every report in the official layout, one per page). Default: when there are at most BY_AGENCY_MAX_REPORTS. */
  byAgency?: boolean;
  /** Checked between sheets: a cancel stops the export and removes its .part. */
  signal?: AbortSignal;
  /** Opens the temporary file (tests inject a failing stream); default fs.createWriteStream. */
  openStream?: (file: string) => Writable;
}

/**
 * The workbook. Numbers of different years are never added together: a
 * workbook over several years has a sheet set (汇总 and the table sheets) per
 * year, each closed by its own totals row; an agency's workbook (its years
 * side by side) has no totals row at all.
 */
export async function writeWorkbook(
  input: ExportReport[],
  meta: ExportMeta,
  scope: ExportScope,
  out: string,
  opts: WorkbookOptions = {},
): Promise<WorkbookStats> {
  const lang = meta.lang;
  const zh = lang === 'zh';
  const finiteInput = input.map(finiteValues);
  const reports = sortReports(scope.kind === 'year' ? finiteInput : withCrossYearFlags(finiteInput), scope);
  const stats = workbookStats(reports);
  const title = scopeTitle(scope, lang);
  const tmp = partOf(out);
  throwIfCancelled(opts.signal);
  // Our own stream: ExcelJS's commit() never rejects when its file stream fails (a full disk hung the export forever).
  const file = guardedStream(tmp, opts.openStream);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file.stream, useStyles: true, useSharedStrings: true });
  const commit = async (ws: Sheet) => {
    await file.guard((ws as unknown as { commit(): Promise<void> }).commit());
    throwIfCancelled(opts.signal);
  };
  wb.creator = 'Nianbao Archive 年报档案';
  wb.created = new Date(meta.generatedAt);
  wb.modified = new Date(meta.generatedAt);
  const sheets: string[] = [];
  const taken = new Set<string>();
  const add = (wanted: string, views?: Partial<ExcelJS.WorksheetView>[], fit = true, portrait = false) => {
    const name = sheetName(wanted, taken);
    sheets.push(name);
    // The frozen header rows also repeat on every printed page (打印标题).
    const ySplit = views?.[0]?.state === 'frozen' ? ((views[0] as { ySplit?: number }).ySplit ?? 0) : 0;
    const setup = { ...pageSetup(fit), ...(portrait ? { orientation: 'portrait' as const } : {}), ...(ySplit > 0 ? { printTitlesRow: `1:${ySplit}` } : {}) };
    return wb.addWorksheet(name, { ...(views ? { views } : {}), pageSetup: setup }) as unknown as Sheet;
  };
  const byAgency = opts.byAgency ?? reports.length <= BY_AGENCY_MAX_REPORTS;
  // One set per year when the scope spans years; one set otherwise.
  const sets =
    scope.kind === 'years'
      ? [...new Set(reports.map((r) => r.year))].sort((x, y) => x - y).map((year) => ({ year, reports: reports.filter((r) => r.year === year) }))
      : [{ year: null as number | null, reports }];
  const totals = scope.kind !== 'agency';
  try {
    const readme = add(t('sheetReadme', lang));
    writeReadme(readme, meta, scope, stats, lang, { byAgency, perYear: scope.kind === 'years' });
    await commit(readme);

    for (const set of sets) {
      const suffix = set.year === null ? '' : ` ${set.year}`;
      const setTitle = set.year === null ? title : scopeTitle({ kind: 'year', year: set.year }, lang);
      const templates = workbookStats(set.reports).templates;
      const summaryFixed = fixedColumns(set.reports, lang, true);
      const summary = add(`${t('sheetSummary', lang)}${suffix}`, frozen(3, HEADER_TOP + 1));
      const note = zh ? '依申请公开各项为“总计”列；空白表示报告未填写（不是 0）。' : 'Request figures are the total column; blank means not stated (not zero).';
      const noTotals = zh ? '各行为同一机关的不同年度，不作合计。' : 'Rows are different years of one agency: no total.';
      await writeSummarySheet(summary, set.reports, summaryFixed, setTitle, totals ? note : `${note}${zh ? '' : ' '}${noTotals}`, lang, totals);
      await commit(summary);

      const fixed = fixedColumns(set.reports, lang, false);
      for (const { table, key } of TABLE_SHEETS) {
        for (const tp of templates) {
          const rows = set.reports.filter((r) => r.template === tp);
          const layout = tableLayout(table, tp, lang);
          const base = templates.length > 1 ? `${t(key, lang)}${zh ? `（${tp}版）` : ` (${tp})`}` : t(key, lang);
          const ws = add(`${base}${suffix}`, frozen(3, HEADER_TOP + layout.levels - 1), table !== 'requests');
          const tableLabel = TABLES.find((x) => x.id === table)!.label[lang];
          const unit = zh ? '单位：件；金额：万元。空白 = 报告未填写。' : 'Counts; money in 万元. Blank = not stated.';
          await writeTableSheet(ws, layout, rows, fixed, `${tableLabel} — ${setTitle}`, `${TEMPLATES[tp].label[lang]}${zh ? '。' : '. '}${unit}`, lang, totals);
          await commit(ws);
        }
      }
    }

    if (byAgency) {
      const ws = add(t('sheetByAgency', lang), undefined, true, true);
      await writeByAgencySheet(ws, reports, lang);
      await commit(ws);
    }
    const fixed = fixedColumns(reports, lang, false);
    const flags = add(t('sheetFlags', lang), frozen(3, HEADER_TOP));
    await writeFlagsSheet(flags, reports, fixed, title, lang);
    await commit(flags);
    const quality = add(QUALITY_SHEET[lang], frozen(3, HEADER_TOP));
    await writeQualitySheet(quality, reports, fixed, title, lang, scope.kind !== 'year');
    await commit(quality);
    const sources = add(t('sheetSources', lang), frozen(3, HEADER_TOP));
    await writeSourcesSheet(sources, reports, fixed, title, lang);
    await commit(sources);
    await file.guard(wb.commit());
    await file.closed();
    await rename(tmp, out);
  } catch (err) {
    (wb as unknown as { zip?: { abort?(): void } }).zip?.abort?.();
    file.stream.destroy();
    await rm(tmp, { force: true });
    throw writeFailure(err, out);
  }
  return { file: out, bytes: (await stat(out)).size, sheets, ...stats };
}
