// Caps on what a file may make a reader allocate, checked BEFORE allocating:
// a small hostile file (a 530-byte .docx declaring 100 million grid columns,
// a 350-byte JPEG declaring 20000×20000 pixels) must fail with a clear error,
// never exhaust the process. Real reports are far below every cap (their
// tables are ~60 rows × ~12 columns, a few thousand PDF text runs).
// The import workers add a heap limit and a time limit on top
// (jobs/pool.ts), for whatever the caps do not foresee.
import { ReadError } from '../model.js';

/** Columns of one table (docx gridBefore + gridSpan… + gridAfter, HTML colspan, a sheet's width). */
export const MAX_TABLE_COLS = 256;
/** Rows of one table (HTML rowspan counts the rows it reaches). */
export const MAX_TABLE_ROWS = 5000;
/** Cells of one table once spans are expanded (rows × widest row). */
export const MAX_TABLE_CELLS = 250_000;
/** Cells of all tables of one document together. */
export const MAX_DOC_CELLS = 1_000_000;
/** Text runs (pdf.js text items) of one PDF, all pages together. */
export const MAX_TEXT_RUNS = 300_000;
/**
 * Batches of text runs pdf.js hands over, per page and per PDF. A real page
 * comes in ~15 batches of ~10 runs; a page that draws a form drawing a form…
 * comes one run per batch, each costing ~1 ms of pdf.js's time.
 */
export const MAX_TEXT_BATCHES_PAGE = 5000;
export const MAX_TEXT_BATCHES = 30_000;
/** Pixels of one image, read from its header before it is decoded (an A4 page at 600 dpi is 35 M). */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** Entries of one zip (docx, xlsx). */
export const MAX_ZIP_ENTRIES = 5000;
/** Bytes a Word file's zip may inflate to (declared, and counted while inflating). */
export const MAX_DOCX_INFLATED = 200 * 1024 * 1024;
/** Bytes word/document.xml may inflate to: streamed, it costs about its size; the DOM of the tolerant path (odd XML) ~10× this. */
export const MAX_DOCX_XML = 48 * 1024 * 1024;
/** Bytes a spreadsheet's zip may inflate to, all entries together, checked before SheetJS sees it. */
export const MAX_SHEET_INFLATED = 64 * 1024 * 1024;

/** `table_too_large` for table number `n` (1-based) of `rows` × `cols`; `why` is the English detail. */
export function tableTooLarge(n: number, rows: number, cols: number, why: string): ReadError {
  return new ReadError('table_too_large', `table ${n}: ${why}`, {
    table: n,
    rows,
    cols,
    maxRows: MAX_TABLE_ROWS,
    maxCols: MAX_TABLE_COLS,
    maxCells: MAX_TABLE_CELLS,
  });
}

/** Counts cells of one document against MAX_DOC_CELLS and each table against the table caps. */
export class CellBudget {
  private used = 0;
  /** Tables counted so far. */
  tables = 0;

  /** A table of `rows` rows, `cols` wide at its widest, is about to be built. */
  table(rows: number, cols: number): void {
    this.tables++;
    checkTable(rows, cols, this.tables);
    this.used += rows * cols;
    if (this.used > MAX_DOC_CELLS) throw tableTooLarge(this.tables, rows, cols, `the tables hold more than ${MAX_DOC_CELLS} cells together`);
  }
}

/** Throws `table_too_large` when a table's size passes a cap (`n`: the table's number, 1-based). */
export function checkTable(rows: number, cols: number, n: number, cells = rows * cols): void {
  if (cols > MAX_TABLE_COLS) throw tableTooLarge(n, rows, cols, `${cols} columns; the limit is ${MAX_TABLE_COLS}`);
  if (rows > MAX_TABLE_ROWS) throw tableTooLarge(n, rows, cols, `${rows} rows; the limit is ${MAX_TABLE_ROWS}`);
  if (cells > MAX_TABLE_CELLS) throw tableTooLarge(n, rows, cols, `${cells} cells; the limit is ${MAX_TABLE_CELLS}`);
}

/** Throws `image_too_large` for declared dimensions past MAX_IMAGE_PIXELS (or absurd sides). */
export function checkImage(width: number, height: number): void {
  if (width * height > MAX_IMAGE_PIXELS || width > 65535 || height > 65535)
    throw new ReadError('image_too_large', `the image is too large (${width}×${height} pixels; the limit is ${MAX_IMAGE_PIXELS / 1e6} megapixels)`, {
      width,
      height,
      limitMp: MAX_IMAGE_PIXELS / 1e6,
    });
}

/** `zip_bomb`: the zip inflates (or says it inflates) past `limit` bytes, or holds too many entries. */
export function zipBombError(why: string, limit: number): ReadError {
  return new ReadError('zip_bomb', `${why} (zip bomb?)`, { limitMb: Math.round(limit / 2 ** 20), maxEntries: MAX_ZIP_ENTRIES });
}
