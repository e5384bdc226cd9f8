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

export const SHEET_TIMEOUT_MS = 20_000;
const MAX_ROWS = 5000;
const MAX_COLS = 200;

interface Merge { s: { r: number; c: number }; e: { r: number; c: number } }
export interface SheetOut { name: string; rows: string[][]; merges: Merge[] }

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.xlsxPath);
try {
  const wb = XLSX.read(workerData.bytes, { type: 'array', cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: workerData.maxRows, codepage: 936, raw: false });
  const sheets = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) { sheets.push({ name, rows: [], merges: [] }); continue; }
    const range = XLSX.utils.decode_range(ws['!ref']);
    const rows = [];
    for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + workerData.maxRows - 1); r++) {
      const row = [];
      for (let c = range.s.c; c <= Math.min(range.e.c, range.s.c + workerData.maxCols - 1); c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })];
        row.push(cell == null ? '' : String(cell.w != null ? cell.w : cell.v != null ? cell.v : ''));
      }
      rows.push(row);
    }
    const merges = (ws['!merges'] || []).map((m) => ({ s: { r: m.s.r - range.s.r, c: m.s.c - range.s.c }, e: { r: m.e.r - range.s.r, c: m.e.c - range.s.c } }));
    sheets.push({ name, rows, merges });
  }
  parentPort.postMessage({ sheets });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message || e) });
}
`;

export function runWorker(bytes: Uint8Array, timeoutMs = SHEET_TIMEOUT_MS): Promise<SheetOut[]> {
  const xlsxPath = createRequire(import.meta.url).resolve('xlsx');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { bytes, xlsxPath, maxRows: MAX_ROWS, maxCols: MAX_COLS },
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 },
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
    worker.on('message', (m: { sheets?: SheetOut[]; error?: string }) =>
      done(() => {
        if (m.sheets) return resolve(m.sheets);
        const msg = m.error ?? 'unknown error';
        if (/password|encrypt/i.test(msg)) return reject(new ReadError('encrypted', 'the spreadsheet is password-protected; save an unprotected copy'));
        reject(new ReadError('corrupt', `the spreadsheet cannot be read (${msg})`));
      }),
    );
    worker.on('error', (e) => done(() => reject(new ReadError(/memory|heap/i.test(String(e)) ? 'too_large' : 'corrupt', `the spreadsheet cannot be read (${e.message})`))));
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
    for (let r = m.s.r; r <= m.e.r; r++) for (let c = m.s.c; c <= m.e.c; c++) {
      if ((r !== m.s.r || c !== m.s.c) && grid[r]?.[c]) grid[r]![c] = { text: '', origin: [m.s.r, m.s.c] };
    }
  }
  // drop empty rows (renumbering shadow origins) and empty trailing columns
  const keep = grid.map((row) => row.some((c) => c.text.trim() || c.rowSpan || c.colSpan));
  const newIndex: number[] = [];
  let n = 0;
  keep.forEach((k, i) => { newIndex[i] = k ? n++ : -1; });
  const out = grid.filter((_, i) => keep[i]).map((row) => row.map((c) => (c.origin ? { ...c, origin: [newIndex[c.origin[0]]!, c.origin[1]] as [number, number] } : c)));
  let w = width;
  while (w > 0 && out.every((row) => !row[w - 1]!.text.trim() && !row[w - 1]!.origin && !row[w - 1]!.colSpan)) w--;
  return out.map((row) => row.slice(0, w));
}

export const read: Reader = async (bytes, name) => {
  const sheets = await runWorker(bytes);
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const format: SourceFormat = ext === 'xls' ? 'xls' : ext === 'et' ? 'et' : ext === 'csv' ? 'csv' : 'xlsx';
  const b = new TextBuilder();
  const warnings: string[] = [];
  for (const s of sheets) {
    if (s.rows.length >= MAX_ROWS) warnings.push(`sheet ${s.name}: only the first ${MAX_ROWS} rows were read`);
    const rows = sheetGrid(s);
    if (rows.length) b.table(rows);
  }
  const doc: ReportDocument = { format, text: b.text(), grids: b.grids, warnings };
  if (!doc.text.trim()) throw new ReadError('empty', 'the spreadsheet has no cells with text');
  return doc;
};
