// Spreadsheets (.xlsx, .xls, .et, and .csv read as a sheet) via SheetJS, run
// in an isolated worker thread with a heap limit and a time limit: SheetJS
// parses untrusted files and a hostile one must not hang or exhaust the app.
// The worker is eval'd from a string (no separate file to ship next to a
// bundle); it loads SheetJS from the path resolved here.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ReadError, type ReportDocument, type SourceFormat } from '../model.js';
import { TextBuilder, type CellIn } from './builder.js';
import type { Reader } from './index.js';
import { CellBudget, MAX_SHEET_INFLATED, MAX_TABLE_CELLS, MAX_TABLE_ROWS, tableTooLarge } from './limits.js';
import { repackZip } from './zip.js';

export const SHEET_TIMEOUT_MS = 20_000;
const SHEET_HEAP_MB = 512;
const MAX_ROWS = MAX_TABLE_ROWS;
const MAX_COLS = 200;

interface Merge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}
export interface SheetOut {
  name: string;
  rows: string[][];
  merges: Merge[];
  truncated?: boolean;
}

// In the worker, before anything is allocated per cell: the sheet's extent is
// taken from the cells that exist (a declared range such as A1:XFD1048576 is
// not trusted), cut to MAX_ROWS × MAX_COLS and to MAX_CELLS cells (rows
// dropped from the bottom, `truncated`); merges are cut to that extent and
// their total area capped, so a whole-sheet merge costs nothing.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.xlsxPath);
const { maxRows, maxCols, maxCells } = workerData;
const limit = (where, rows, cols) => Object.assign(new Error('merged cells ' + where + ': ' + rows * cols + ' cells; the limit is ' + maxCells), { limit: { rows, cols } });
try {
  const wb = XLSX.read(workerData.bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: maxRows, codepage: 936, raw: false });
  const sheets = [];
  let mergeArea = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) { sheets.push({ name, rows: [], merges: [] }); continue; }
    const range = XLSX.utils.decode_range(ws['!ref']);
    let lastR = -1, lastC = -1;
    for (const k in ws) {
      if (k[0] === '!') continue;
      const a = XLSX.utils.decode_cell(k);
      if (a.r < range.s.r || a.c < range.s.c) continue;
      if (a.r - range.s.r < maxRows && a.r - range.s.r > lastR) lastR = a.r - range.s.r;
      if (a.c - range.s.c < maxCols && a.c - range.s.c > lastC) lastC = a.c - range.s.c;
    }
    const width = lastC + 1;
    let height = lastR + 1;
    let truncated = false;
    if (height * width > maxCells) { height = Math.floor(maxCells / width); truncated = true; }
    const rows = [];
    for (let r = 0; r < height; r++) {
      const row = [];
      for (let c = 0; c < width; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r: r + range.s.r, c: c + range.s.c })];
        row.push(cell == null ? '' : String(cell.w != null ? cell.w : cell.v != null ? cell.v : ''));
      }
      rows.push(row);
    }
    const merges = [];
    for (const m of ws['!merges'] || []) {
      if ((m.e.r - m.s.r + 1) * (m.e.c - m.s.c + 1) > maxCells) throw limit(XLSX.utils.encode_range(m), m.e.r - m.s.r + 1, m.e.c - m.s.c + 1);
      const s = { r: m.s.r - range.s.r, c: m.s.c - range.s.c };
      if (s.r < 0 || s.c < 0 || s.r >= height || s.c >= width) continue;
      const e = { r: Math.min(m.e.r - range.s.r, height - 1), c: Math.min(m.e.c - range.s.c, width - 1) };
      if (e.r < s.r || e.c < s.c) continue;
      mergeArea += (e.r - s.r + 1) * (e.c - s.c + 1);
      if (mergeArea > 4 * maxCells) throw limit(name + ' (overlapping)', height, width);
      merges.push({ s, e });
    }
    sheets.push({ name, rows, merges, truncated });
  }
  parentPort.postMessage({ sheets });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message || e), limit: e && e.limit });
}
`;

export function runWorker(bytes: Uint8Array, timeoutMs = SHEET_TIMEOUT_MS): Promise<SheetOut[]> {
  const xlsxPath = createRequire(import.meta.url).resolve('xlsx');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { bytes, xlsxPath, maxRows: MAX_ROWS, maxCols: MAX_COLS, maxCells: MAX_TABLE_CELLS },
      resourceLimits: { maxOldGenerationSizeMb: SHEET_HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    let settled = false;
    const done = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => done(() => reject(new ReadError('timeout', `the spreadsheet took longer than ${timeoutMs / 1000} s to read`))), timeoutMs);
    worker.on('message', (m: { sheets?: SheetOut[]; error?: string; limit?: { rows: number; cols: number } }) =>
      done(() => {
        if (m.sheets) return resolve(m.sheets);
        const msg = m.error ?? 'unknown error';
        if (m.limit) return reject(tableTooLarge(1, m.limit.rows, m.limit.cols, msg));
        if (/password|encrypt/i.test(msg)) return reject(new ReadError('encrypted', 'the spreadsheet is password-protected; save an unprotected copy'));
        reject(new ReadError('corrupt', `the spreadsheet cannot be read (${msg})`));
      }),
    );
    worker.on('error', (e) =>
      done(() =>
        reject(
          (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory|heap/i.test(String(e))
            ? new ReadError('out_of_memory', `the spreadsheet needed more than ${SHEET_HEAP_MB} MB`, { limitMb: SHEET_HEAP_MB })
            : new ReadError('corrupt', `the spreadsheet cannot be read (${e.message})`),
        ),
      ),
    );
    worker.on('exit', (code) => done(() => reject(new ReadError('corrupt', `the spreadsheet reader stopped (exit ${code})`))));
  });
}

/** One sheet → expanded grid rows (merges as origin + shadows), empty rows dropped. */
export function sheetGrid(s: SheetOut): CellIn[][] {
  const width = Math.max(0, ...s.rows.map((r) => r.length));
  const grid: CellIn[][] = s.rows.map((r) => Array.from({ length: width }, (_, c) => ({ text: r[c] ?? '' })));
  for (const m of s.merges) {
    const o = grid[m.s.r]?.[m.s.c];
    if (!o) continue;
    o.rowSpan = m.e.r - m.s.r + 1;
    o.colSpan = m.e.c - m.s.c + 1;
    for (let r = m.s.r; r <= m.e.r; r++)
      for (let c = m.s.c; c <= m.e.c; c++) {
        if ((r !== m.s.r || c !== m.s.c) && grid[r]?.[c]) grid[r]![c] = { text: '', origin: [m.s.r, m.s.c] };
      }
  }
  // drop empty rows (renumbering shadow origins) and empty trailing columns
  const keep = grid.map((row) => row.some((c) => c.text.trim() || c.rowSpan || c.colSpan));
  const newIndex: number[] = [];
  let n = 0;
  keep.forEach((k, i) => {
    newIndex[i] = k ? n++ : -1;
  });
  const out = grid
    .filter((_, i) => keep[i])
    .map((row) => row.map((c) => (c.origin ? { ...c, origin: [newIndex[c.origin[0]]!, c.origin[1]] as [number, number] } : c)));
  let w = width;
  while (w > 0 && out.every((row) => !row[w - 1]!.text.trim() && !row[w - 1]!.origin && !row[w - 1]!.colSpan)) w--;
  return out.map((row) => row.slice(0, w));
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

export const read: Reader = async (bytes, name) => {
  // an xlsx is inflated here, within MAX_SHEET_INFLATED (a zip bomb fails before SheetJS sees it)
  const sheets = await runWorker(isZip(bytes) ? repackZip(bytes, MAX_SHEET_INFLATED) : bytes);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const format: SourceFormat = ext === 'xls' ? 'xls' : ext === 'et' ? 'et' : ext === 'csv' ? 'csv' : 'xlsx';
  const b = new TextBuilder();
  const warnings: string[] = [];
  const budget = new CellBudget();
  for (const s of sheets) {
    if (s.truncated || s.rows.length >= MAX_ROWS) warnings.push(`sheet ${s.name}: only the first ${s.rows.length} rows were read`);
    budget.table(s.rows.length, s.rows[0]?.length ?? 0);
    const rows = sheetGrid(s);
    if (rows.length) b.table(rows);
  }
  const doc: ReportDocument = { format, text: b.text(), grids: b.grids, warnings };
  if (!doc.text.trim()) throw new ReadError('empty', 'the spreadsheet has no cells with text');
  return doc;
};
