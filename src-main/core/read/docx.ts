// Word 2007+ (.docx/.docm, and .doc/.wps files that are really OOXML).
// Paragraphs become lines; tables become true grids with gridSpan/vMerge
// expanded (shadows marked `covered`), and one tab-separated line per row.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ReadError, type ReportDocument } from '../model.js';
import { TextBuilder, cellText, joinFragments, type CellIn } from './builder.js';
import type { Reader } from './index.js';
import { CellBudget, checkTable, MAX_DOCX_XML, MAX_TABLE_COLS } from './limits.js';
import { listZip, readEntry } from './zip.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type El = Element;

function kids(n: El): El[] {
  const out: El[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
}
const local = (n: El) => n.localName ?? n.nodeName.replace(/^.*:/, '');
function child(n: El, name: string): El | undefined {
  return kids(n).find((k) => local(k) === name);
}
function attr(n: El | undefined, name: string): string | null {
  if (!n) return null;
  return n.getAttribute('w:' + name) ?? n.getAttribute(name);
}

// Elements whose text is not document text: field instructions, deleted
// runs, properties, and the fallback copy of text boxes.
const SKIP = new Set([
  'instrText',
  'delText',
  'delInstrText',
  'pPr',
  'rPr',
  'tblPr',
  'trPr',
  'tcPr',
  'sectPr',
  'Fallback',
  'footnoteReference',
  'endnoteReference',
  'commentReference',
]);

/** The text of a paragraph, keeping hyperlinks, smartTags, sdt content and fields' results. */
function paragraphText(p: El): string {
  let s = '';
  const walk = (n: El) => {
    for (const k of kids(n)) {
      const name = local(k);
      if (SKIP.has(name)) continue;
      if (name === 't') s += k.textContent ?? '';
      else if (name === 'tab' || name === 'ptab') s += '\t';
      else if (name === 'br' || name === 'cr') s += ' ';
      else if (name === 'noBreakHyphen') s += '-';
      else if (name === 'sym') s += '';
      else walk(k);
    }
  };
  walk(p);
  return s;
}

/** Text of a cell: its paragraphs (and nested tables) joined into one line. */
function cellContent(tc: El): string {
  let s = '';
  const walk = (n: El) => {
    for (const k of kids(n)) {
      const name = local(k);
      if (name === 'p') s = joinFragments(s, cellText(paragraphText(k)));
      else if (name === 'tbl' || name === 'tr' || name === 'tc' || name === 'sdt' || name === 'sdtContent' || name === 'customXml') walk(k);
    }
  };
  walk(tc);
  return s;
}

interface RawCell {
  text: string;
  span: number;
  vMerge: 'restart' | 'continue' | null;
}

/** A grid count from an attribute (gridBefore, gridAfter, gridSpan): a whole number ≥ `min`. */
const gridCount = (n: El | undefined, min: number): number => Math.max(min, Math.floor(Number(attr(n, 'val') ?? min) || min));

/**
 * The rows of table number `n`, its declared width checked against the cap
 * BEFORE a cell is made for it (gridBefore/gridAfter/gridSpan come from the
 * file: `w:gridBefore w:val=100000000` must not become a loop count).
 */
function tableRows(tbl: El, tableNo: number): RawCell[][] {
  const rows: RawCell[][] = [];
  const collectRows = (n: El) => {
    for (const k of kids(n)) {
      const name = local(k);
      if (name === 'tr') {
        const row: RawCell[] = [];
        const trPr = child(k, 'trPr');
        const before = gridCount(trPr && child(trPr, 'gridBefore'), 0);
        let width = before + gridCount(trPr && child(trPr, 'gridAfter'), 0);
        checkTable(rows.length + 1, width, tableNo);
        for (let i = 0; i < before; i++) row.push({ text: '', span: 1, vMerge: null });
        const collectCells = (m: El) => {
          for (const c of kids(m)) {
            const cn = local(c);
            if (cn === 'tc') {
              const pr = child(c, 'tcPr');
              const span = gridCount(pr && child(pr, 'gridSpan'), 1);
              width += span;
              if (width > MAX_TABLE_COLS) checkTable(rows.length + 1, width, tableNo);
              const vm = pr && child(pr, 'vMerge');
              const v = vm ? (attr(vm, 'val') === 'restart' ? 'restart' : 'continue') : null;
              row.push({ text: cellContent(c), span, vMerge: v });
            } else if (cn === 'sdt' || cn === 'sdtContent' || cn === 'customXml') collectCells(c);
          }
        };
        collectCells(k);
        rows.push(row);
      } else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') collectRows(k);
    }
  };
  collectRows(tbl);
  return rows;
}

/** Expand spans into a rectangular grid with shadows pointing at their origin (its size counted in `budget` first). */
export function expandTable(raw: RawCell[][], budget = new CellBudget()): CellIn[][] {
  const grid: CellIn[][] = [];
  const width = raw.reduce(
    (w, r) =>
      Math.max(
        w,
        r.reduce((s, c) => s + c.span, 0),
      ),
    0,
  );
  budget.table(raw.length, width);
  for (let r = 0; r < raw.length; r++) {
    const row: CellIn[] = [];
    let col = 0;
    for (const cell of raw[r]!) {
      const above = grid[r - 1]?.[col];
      if (cell.vMerge === 'continue' && above) {
        const o = above.origin ?? [r - 1, col];
        const origin = grid[o[0]]![o[1]]!;
        origin.rowSpan = (origin.rowSpan ?? 1) + (above.origin || o[0] === r - 1 ? 1 : 0);
        for (let i = 0; i < cell.span; i++) row.push({ text: '', origin: [o[0], o[1] + i] as [number, number] });
        // the origin's colSpan already covers the extra columns
        if (cell.text) origin.text = joinFragments(origin.text, cell.text);
      } else {
        row.push({ text: cell.text, colSpan: cell.span, rowSpan: 1 });
        for (let i = 1; i < cell.span; i++) row.push({ text: '', origin: [r, col] });
      }
      col += cell.span;
    }
    while (row.length < width) row.push({ text: '', missing: true });
    grid.push(row);
  }
  // A vMerge chain's shadows must point at the chain's origin, not at a
  // column shadow of it.
  for (const row of grid)
    for (const c of row) {
      if (!c.origin) continue;
      let o = grid[c.origin[0]]![c.origin[1]]!;
      while (o.origin) {
        c.origin = o.origin;
        o = grid[o.origin[0]]![o.origin[1]]!;
      }
    }
  return grid;
}

export function docxBody(xml: string): { b: TextBuilder; tables: number } {
  let root: El | null;
  try {
    root = new DOMParser({
      onError: (level, msg) => {
        if (level === 'fatalError') throw new Error(msg);
      },
    }).parseFromString(xml, 'text/xml').documentElement;
  } catch {
    throw new ReadError('corrupt', 'the file is damaged (word/document.xml is not valid XML)');
  }
  const body = root && child(root, 'body');
  if (!body) throw new ReadError('corrupt', 'the file is damaged (no document body)');
  const b = new TextBuilder();
  const budget = new CellBudget();
  let tables = 0;
  const walk = (n: El) => {
    for (const k of kids(n)) {
      const name = local(k);
      if (name === 'p') {
        const t = paragraphText(k).replace(/\s+$/, '');
        if (t.trim()) b.line(t);
      } else if (name === 'tbl') {
        tables++;
        b.table(expandTable(tableRows(k, tables), budget));
      } else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml' || name === 'ins' || name === 'smartTag') walk(k);
    }
  };
  walk(body);
  return { b, tables };
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
    ({ b } = docxBody(xml));
  } catch (e) {
    if (e instanceof ReadError) throw e;
    // e.g. absurd nesting that exhausts the stack
    throw new ReadError('corrupt', `the Word document's structure cannot be read (${(e as Error).message})`);
  }
  const doc: ReportDocument = { format: 'docx', text: b.text(), grids: b.grids, warnings: [] };
  if (!doc.text.trim()) doc.warnings.push('the document has no text');
  return doc;
};
