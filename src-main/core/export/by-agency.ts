// 分机关: every report in the official three-table layout (表二 主动公开, 表三
// 依申请公开, 表四 复议诉讼; 表四's three lines under its five result columns),
// one report per printed A4 page (a page break after each). Rows, columns and labels come from the catalogue; nothing is summed.
import type ExcelJS from 'exceljs';
import { TABLES, rowsOfTable, type ColumnDef, type RowDef, type TableId } from '../catalogue/index.js';
import { reportNumber, statusLabel } from './labels.js';
import { cellMarks } from './marks.js';
import type { Sheet } from './sheets.js';
import { regionText } from './sheets.js';
import { BOLD, HEADER_STYLE, SUBTITLE_FONT, TEXT_STYLE, TITLE_FONT, numStyle } from './style.js';
import { cellText } from './text.js';
import type { ExportReport, Lang } from './types.js';

/** Widest table (表三: the row label and 7 applicant columns) sets the sheet's columns. */
export const BY_AGENCY_COLUMNS = 8;
/** Above this many reports the sheet would pass Excel's row limit or be unprintable: it is left out (said in 说明). */
export const BY_AGENCY_MAX_REPORTS = 5000;

const rowLabel = (r: RowDef, lang: Lang) => (r.group ? `${r.group[lang]} — ${r.label[lang]}` : r.label[lang]);
const colLabel = (c: ColumnDef, lang: Lang) => (c.group && c.group[lang] !== c.label[lang] ? `${c.group[lang]}：${c.label[lang]}` : c.label[lang]);
const LABEL_STYLE: Partial<ExcelJS.Style> = { ...TEXT_STYLE, alignment: { vertical: 'middle', wrapText: true } };
const wrapHeader: Partial<ExcelJS.Style> = { ...HEADER_STYLE, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };

/** Groups consecutive rows that share the same columns (表二's blocks), each block under its own header line. */
function blocks(rows: RowDef[]): RowDef[][] {
  const out: RowDef[][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    const key = (x: RowDef) => x.columns.map((c) => c.id).join(',');
    if (last && key(last[0]!) === key(r)) last.push(r);
    else out.push([r]);
  }
  return out;
}

export async function writeByAgencySheet(ws: Sheet, reports: ExportReport[], lang: Lang): Promise<void> {
  const zh = lang === 'zh';
  ws.columns = [{ width: 44 }, ...Array.from({ length: BY_AGENCY_COLUMNS - 1 }, () => ({ width: 12 }))];
  let n = 1;
  const line = () => ws.getRow(n++);
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i]!;
    if (i % 20 === 19) await new Promise((ok) => setImmediate(ok));
    const ids = rowsOfTable(r.template, 'active')
      .concat(rowsOfTable(r.template, 'requests'), rowsOfTable(r.template, 'review'))
      .flatMap((row) => row.columns.map((c) => `${row.id}.${c.id}`));
    const marks = cellMarks(r, ids, lang);
    const head = line();
    head.getCell(1).value = cellText(`${r.agency} ${zh ? `${r.year}年度政府信息公开工作年度报告` : `annual report ${r.year}`}`);
    head.getCell(1).font = TITLE_FONT;
    head.commit();
    const sub = line();
    sub.getCell(1).value = cellText(
      [
        regionText(r),
        `${zh ? '报告编号' : 'Report number'}${zh ? '：' : ': '}${reportNumber(r, lang)}`,
        `${zh ? '状态' : 'Status'}${zh ? '：' : ': '}${statusLabel(r.status, lang)}`,
      ]
        .filter(Boolean)
        .join(zh ? '　' : '  '),
    );
    sub.getCell(1).font = SUBTITLE_FONT;
    sub.commit();
    for (const table of ['active', 'requests', 'review'] as TableId[]) {
      const t = line();
      t.getCell(1).value = TABLES.find((x) => x.id === table)!.label[lang];
      t.getCell(1).font = BOLD;
      t.commit();
      const rows = rowsOfTable(r.template, table);
      for (const block of blocks(rows)) {
        const cols = block[0]!.columns;
        const h = line();
        h.getCell(1).value = zh ? '项目' : 'Item';
        h.getCell(1).style = wrapHeader;
        cols.forEach((c, j) => {
          h.getCell(j + 2).value = cellText(colLabel(c, lang));
          h.getCell(j + 2).style = wrapHeader;
        });
        h.height = cols.some((c) => c.label[lang].length > 6) ? 42 : 22;
        h.commit();
        for (const rr of block) {
          const l = line();
          l.getCell(1).value = cellText(rowLabel(rr, lang));
          l.getCell(1).style = LABEL_STYLE;
          rr.columns.forEach((c, j) => writeValue(l.getCell(j + 2), r, `${rr.id}.${c.id}`, c.unit, marks));
          l.commit();
        }
      }
    }
    const last = line();
    last.addPageBreak();
    last.commit();
  }
}

function writeValue(cell: ExcelJS.Cell, r: ExportReport, id: string, unit: ColumnDef['unit'], marks: ReturnType<typeof cellMarks>): void {
  const v = r.values[id];
  if (v !== null && v !== undefined && Number.isFinite(v)) cell.value = v;
  const mark = marks.get(id);
  cell.style = numStyle(unit, mark?.kind ?? null);
  if (mark) cell.note = cellText(mark.note);
}
