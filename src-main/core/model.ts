// The data that flows through the pipeline:
// file → reader → ReportDocument → extractor → Extraction → archive → views.
// Every reader (txt, html, docx, pdf, xlsx ...) produces a ReportDocument; the
// extractor knows nothing about file formats.
import type { FieldId, TemplateId } from './catalogue/types.js';
import type { FileIssueCode } from './wording/codes.js';

export type SourceFormat = 'txt' | 'html' | 'docx' | 'doc' | 'wps' | 'pdf' | 'xlsx' | 'xls' | 'et' | 'csv' | 'image'; // PNG, JPEG … (a photographed or scanned page), read by OCR

/** Where a piece of text sits on a PDF page (points, origin top-left). */
export interface PagePosition {
  page: number; // 1-based
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One cell of a real table structure (HTML <table>, Word table, spreadsheet). */
export interface GridCell {
  text: string;
  /** Offsets of the cell's text in ReportDocument.text (start inclusive, end exclusive). */
  start: number;
  end: number;
  rowSpan: number;
  colSpan: number;
  /**
   * True for the positions a merged cell covers beyond its origin (vMerge
   * continuation, rowspan/colspan shadow). Their text is the origin's; the
   * extractor can tell a merged header from a blank cell.
   */
  covered?: boolean;
  /** True for a position the row has no cell for (a row shorter than the table): not a blank, a cell lost. */
  missing?: boolean;
  position?: PagePosition;
}

export interface Grid {
  /** Row-major; every row has the same length once merges are expanded. */
  rows: GridCell[][];
  page?: number;
}

export interface ReportDocument {
  format: SourceFormat;
  /** Full text in reading order (tables included, cells separated by tabs, rows by newlines). */
  text: string;
  /** Real table structures, where the format has them; offsets point into `text`. */
  grids: Grid[];
  /** For paginated formats: page boundaries in `text`. */
  pages?: { page: number; start: number; end: number; width: number; height: number }[];
  /** For PDF: positions of text runs, sorted by start, so any offset maps to a spot on a page. */
  positions?: { start: number; end: number; position: PagePosition }[];
  /** Encoding detected for text formats (e.g. 'UTF-8', 'GB18030', 'UTF-16LE', 'Big5'). */
  encoding?: string;
  /** A scan without a text layer: nothing to extract until OCR. */
  needsOcr?: { pages: number };
  /**
   * The text was read by OCR from page images (a scan, a photo): `pages` read
   * of `of`, and the recogniser's confidence (0..1) for each span of the text.
   * Every value extracted from it is flagged for checking.
   */
  ocr?: { pages: number; of: number; spans: { start: number; end: number; confidence: number }[] };
  /** Things the reader noticed that the user should know (recovered errors, dropped parts). */
  warnings: string[];
}

/** Why a reader could not make a document; worded in core/wording. */
export type ReadErrorCode =
  | 'unsupported'
  | 'not_text'
  | 'empty'
  | 'too_large'
  | 'corrupt'
  | 'encrypted'
  | 'needs_conversion'
  | 'timeout'
  | 'io'
  // caps (read/limits.ts) and the import workers (jobs/pool.ts)
  | 'table_too_large'
  | 'too_much_text'
  | 'image_too_large'
  | 'zip_bomb'
  | 'out_of_memory'
  | 'worker_crashed'
  | 'not_regular' // a FIFO, device or socket where a file was listed
  | 'symlink'; // opened without following links (O_NOFOLLOW)

/** A reader could not make a document out of the bytes. The message is the English detail; the words come from the code (core/wording). */
export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    message: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

export type FlagKind =
  | 'rule' // R1–R4 failed
  | 'incomplete_row' // fewer numbers than columns: cells null
  | 'unparseable' // a cell's text is not a number we understand
  | 'missing_table'
  | 'missing_row'
  | 'ambiguous' // several readings possible (glued digits, shifted cells)
  | 'inferred' // a value filled by inference, not read
  | 'template_mismatch' // template by year and by labels disagree
  | 'hybrid_template' // a row of the other template is used (（六）其他处理 in 2021)
  | 'unknown_agency'
  | 'unknown_year'
  | 'needs_ocr'
  | 'ocr' // values read by OCR from a scan: each must be checked against the original
  | 'extra_cells' // more numbers than columns: which were kept is a guess
  | 'layout_doubt' // a value read in a table the extractor found out of order (2+ rows shifted or ambiguous)
  | 'readings_differ' // the table grid and the text read a cell differently (the grid's value kept)
  | 'source_conflict' // two sources of one version read the cell differently (archive: both readings in expected/found)
  | 'version_changed'; // the active version was switched and reads this corrected cell differently (archive)

export interface Flag {
  kind: FlagKind;
  /** Field ids, or row/table prefixes (`requests.granted`, `review`), that the flag concerns. */
  fields: string[];
  message: string;
  rule?: 'R1' | 'R2' | 'R3' | 'R4';
  expected?: number;
  found?: number;
}

export interface CellSource {
  /** The raw text the value was read from, as it appears in the original. */
  raw: string;
  /** Offsets in ReportDocument.text. */
  start: number;
  end: number;
  /** 0..1; below 1 when the reading needed repair (shifted row, glued digits, unit guess). */
  confidence: number;
  note?: string; // e.g. 子项 from `15(子项)`
  inferred?: boolean;
  position?: PagePosition;
}

/**
 * Values by canonical field id (null: not stated, or not read). The known ids
 * are typed; a key computed at run time (`requests.${row}.${col}`) still reads.
 */
export type FieldValues = { [K in FieldId]?: number | null } & { [id: string]: number | null };

export interface Extraction {
  file: string;
  agency: string | null;
  /** The agency's canonical name (abbreviations written out, simplified, city before a bare county); `agency` stays as printed. */
  agencyCanonical?: string | null;
  year: number | null;
  template: TemplateId | null;
  publishedAt?: string | null; // YYYY-MM-DD when the report states it
  /** Every field of the template by its canonical id (null: not stated, or not read). */
  values: FieldValues;
  flags: Flag[];
  cells: { [K in FieldId]?: CellSource } & { [id: string]: CellSource };
  format?: SourceFormat;
  /** Set when the file could not be read; then there are no values. English detail; `errorCode` says why, for the words. */
  error?: string;
  errorCode?: FileIssueCode;
  errorParams?: Record<string, string | number>;
}
