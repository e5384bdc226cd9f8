// Word 2007+ (.docx/.docm, and .doc/.wps files that are really OOXML).
// Paragraphs become lines; tables become true grids with gridSpan/vMerge
// expanded (shadows marked `covered`), and one tab-separated line per row.
// word/document.xml is read in one streaming pass (xml-scan.ts) by the sink
// below; XML the strict scanner is unsure of goes through the tolerant DOM
// walk (docx-dom.ts), which reads the same things the same way.
import { ReadError, type ReportDocument } from '../model.js';
import { cellText, joinFragments, TextBuilder } from './builder.js';
import { docxBodyDom } from './docx-dom.js';
import { expandTable, gridCount, type RawCell, SKIP } from './docx-grid.js';
import type { Reader } from './index.js';
import { CellBudget, checkTable, MAX_DOCX_XML, MAX_TABLE_COLS } from './limits.js';
import { scanXml, type Tag, Unsure, type XmlSink } from './xml-scan.js';
import { listZip, readEntry } from './zip.js';

export { expandTable } from './docx-grid.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// What an open element is to the walk (the DOM walk's functions, as states):
const TOP = 0; // before the root element
const ROOT = 1; // the root: its first <body> is read
const BODY = 2; // body, or sdt/customXml/ins/smartTag inside it
const PARA_BODY = 3; // a body paragraph (ends as a line)
const PARA_CELL = 4; // a paragraph in a cell (ends as a fragment of the cell's text)
const PARA = 5; // anything inside a paragraph (runs, hyperlinks, fields, text boxes …)
const TEXT = 6; // <w:t> and everything in it: text
const IGNORE = 7; // not read
const TBL = 8; // a body table
const TBL_IN = 15; // sdt/customXml inside a table
const TR = 9; // a row
const TR_IN = 10; // sdt/customXml inside a row
const TR_PR = 11; // the row's first trPr
const TC = 12; // a cell
const TC_FLAT = 13; // nested tables, rows, cells, sdt … inside a cell: their paragraphs join the cell
const TC_PR = 14; // the cell's first tcPr

const WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml']);
const BODY_WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'smartTag']);
const CELL_FLAT = new Set(['tbl', 'tr', 'tc', 'sdt', 'sdtContent', 'customXml']);

interface Row {
  trPr: boolean;
  before: { seen: boolean; val: string | null };
  after: { seen: boolean; val: string | null };
  cells: RawCell[];
}
interface Cell {
  text: string;
  tcPr: boolean;
  span: { seen: boolean; val: string | null };
  vMerge: { seen: boolean; val: string | null };
}

/**
 * Builds the document while word/document.xml is scanned: the DOM walk of
 * docx-dom.ts as a state per open element. A table's caps are checked as its
 * rows end, in the DOM walk's order; the first error is kept and thrown once
 * the whole part has been scanned (a part that is not well-formed is an XML
 * error first, as it was).
 */
class DocxSink implements XmlSink {
  wantText = false;
  private modes: number[] = [TOP];
  private body = false;
  private para = '';
  private tables = 0;
  private rows: RawCell[][] = [];
  private row: Row | null = null;
  private cell: Cell | null = null;
  /** The first table error; the rest of the part is only checked for well-formedness. */
  error: ReadError | null = null;

  constructor(
    readonly b: TextBuilder,
    private readonly budget: CellBudget,
  ) {}

  get bodySeen(): boolean {
    return this.body;
  }

  open(name: string, tag: Tag): void {
    const modes = this.modes;
    const parent = modes[modes.length - 1]!;
    let mode = IGNORE;
    switch (parent) {
      case TOP:
        mode = ROOT;
        break;
      case ROOT:
        if (name === 'body' && !this.body) {
          this.body = true;
          mode = BODY;
        }
        break;
      case BODY:
        if (name === 'p') {
          this.para = '';
          mode = PARA_BODY;
        } else if (name === 'tbl') {
          this.tables++;
          this.rows = [];
          mode = TBL;
        } else if (BODY_WRAPPERS.has(name)) mode = BODY;
        break;
      case PARA_BODY:
      case PARA_CELL:
      case PARA:
        if (SKIP.has(name)) break;
        if (name === 't') mode = TEXT;
        else if (name === 'tab' || name === 'ptab') this.para += '\t';
        else if (name === 'br' || name === 'cr') this.para += ' ';
        else if (name === 'noBreakHyphen') this.para += '-';
        else if (name !== 'sym') mode = PARA;
        break;
      case TEXT:
        mode = TEXT;
        break;
      case TBL:
      case TBL_IN:
        if (name === 'tr') {
          this.row = { trPr: false, before: { seen: false, val: null }, after: { seen: false, val: null }, cells: [] };
          mode = TR;
        } else if (WRAPPERS.has(name)) mode = TBL_IN;
        break;
      case TR:
        // the row's first trPr, else its cells (directly or inside sdt/customXml)
        if (name === 'trPr' && !this.row!.trPr) {
          this.row!.trPr = true;
          mode = TR_PR;
        } else mode = this.rowChild(name);
        break;
      case TR_IN:
        mode = this.rowChild(name);
        break;
      case TR_PR:
        if (name === 'gridBefore') first(this.row!.before, tag);
        else if (name === 'gridAfter') first(this.row!.after, tag);
        break;
      case TC:
        // the cell's first tcPr, else its content
        if (name === 'tcPr' && !this.cell!.tcPr) {
          this.cell!.tcPr = true;
          mode = TC_PR;
        } else mode = this.cellChild(name);
        break;
      case TC_FLAT:
        mode = this.cellChild(name);
        break;
      case TC_PR:
        if (name === 'gridSpan') first(this.cell!.span, tag);
        else if (name === 'vMerge') first(this.cell!.vMerge, tag);
        break;
    }
    modes.push(mode);
    this.wantText = mode === TEXT;
  }

  /** A row's child (or an sdt/customXml's inside it): a cell opens. */
  private rowChild(name: string): number {
    if (name === 'tc') {
      this.cell = { text: '', tcPr: false, span: { seen: false, val: null }, vMerge: { seen: false, val: null } };
      return TC;
    }
    return WRAPPERS.has(name) ? TR_IN : IGNORE;
  }

  /** A cell's content: paragraphs, and nested tables, rows, cells, sdt … whose paragraphs join the cell. */
  private cellChild(name: string): number {
    if (name === 'p') {
      this.para = '';
      return PARA_CELL;
    }
    return CELL_FLAT.has(name) ? TC_FLAT : IGNORE;
  }

  text(s: string): void {
    this.para += s;
  }

  close(): void {
    const modes = this.modes;
    const mode = modes.pop()!;
    this.wantText = modes[modes.length - 1] === TEXT;
    if (this.error) return;
    try {
      switch (mode) {
        case PARA_BODY: {
          const t = this.para.replace(/\s+$/, '');
          if (t.trim()) this.b.line(t);
          break;
        }
        case PARA_CELL:
          this.cell!.text = joinFragments(this.cell!.text, cellText(this.para));
          break;
        case TC: {
          const c = this.cell!;
          const vMerge = c.vMerge.seen ? (c.vMerge.val === 'restart' ? 'restart' : 'continue') : null;
          this.row!.cells.push({ text: c.text, span: gridCount(c.span.val, 1), vMerge });
          break;
        }
        case TR:
          this.rows.push(rowCells(this.row!, this.rows.length + 1, this.tables));
          break;
        case TBL:
          this.b.table(expandTable(this.rows, this.budget));
          break;
      }
    } catch (e) {
      if (!(e instanceof ReadError)) throw e;
      this.error = e;
    }
  }
}

/** The first element of its name sets the value (as the DOM walk's `child(n, name)` finds the first). */
function first(slot: { seen: boolean; val: string | null }, tag: Tag): void {
  if (slot.seen) return;
  slot.seen = true;
  slot.val = tag.attr('w:val') ?? tag.attr('val');
}

/**
 * A row's cells with gridBefore's empty cells first, its declared width
 * checked against the cap BEFORE a cell is made for it (gridBefore/gridAfter/
 * gridSpan come from the file: `w:gridBefore w:val=100000000` must not
 * become a loop count).
 */
function rowCells(row: Row, rowNo: number, tableNo: number): RawCell[] {
  const before = gridCount(row.before.val, 0);
  let width = before + gridCount(row.after.val, 0);
  checkTable(rowNo, width, tableNo);
  const out: RawCell[] = [];
  for (let i = 0; i < before; i++) out.push({ text: '', span: 1, vMerge: null });
  for (const c of row.cells) {
    width += c.span;
    if (width > MAX_TABLE_COLS) checkTable(rowNo, width, tableNo);
    out.push(c);
  }
  return out;
}

/** The body of word/document.xml as text and grids (the strict scan, else the tolerant DOM walk). */
export function docxBody(xml: string): TextBuilder {
  const budget = new CellBudget();
  const sink = new DocxSink(new TextBuilder(), budget);
  try {
    scanXml(xml, sink);
  } catch (e) {
    if (!(e instanceof Unsure)) throw e;
    const b = new TextBuilder();
    docxBodyDom(xml, b, new CellBudget());
    return b;
  }
  if (sink.error) throw sink.error;
  if (!sink.bodySeen) throw new ReadError('corrupt', 'the file is damaged (no document body)');
  return sink.b;
}

export const read: Reader = async (bytes) => {
  if (OLE.every((v, i) => bytes[i] === v)) {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from('EncryptionInfo', 'utf16le')))
      throw new ReadError('encrypted', 'the Word file is password-protected; remove the password in Word and save it again');
    throw new ReadError('needs_conversion', 'an Office binary file that is not a Word document; save it as .docx');
  }
  const entries = listZip(bytes);
  const main = entries.find((e) => e.name === 'word/document.xml') ?? entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!main) {
    if (entries.some((e) => e.name.startsWith('xl/'))) throw new ReadError('unsupported', 'a spreadsheet saved with a Word extension; rename it to .xlsx');
    throw new ReadError('corrupt', 'not a Word document (no word/document.xml)');
  }
  const xml = new TextDecoder('utf-8').decode(readEntry(bytes, main, MAX_DOCX_XML));
  let b: TextBuilder;
  try {
    b = docxBody(xml);
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // e.g. absurd nesting that exhausts the stack
    throw new ReadError('corrupt', `the Word document's structure cannot be read (${(e as Error).message})`);
  }
  const doc: ReportDocument = { format: 'docx', text: b.text(), grids: b.grids, warnings: [] };
  if (!doc.text.trim()) doc.warnings.push('the document has no text');
  return doc;
};
