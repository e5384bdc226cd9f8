// The tolerant path for word/document.xml: the part parsed by @xmldom/xmldom
// into a DOM and walked. docx.ts reads with the strict streaming scanner
// (xml-scan.ts) and comes here only for what that scanner is unsure of —
// comments, CDATA, a DOCTYPE, damaged or oddly written XML that @xmldom
// tolerates, nesting deeper than 256 — so such files read exactly as they
// always did. What this walk reads is what docx.ts's sink reads (the test
// test/office/docx-scan.test.ts holds the two to the same output).
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ReadError } from '../model.js';
import { cellText, joinFragments, type TextBuilder } from './builder.js';
import { expandTable, gridCount, SKIP, type RawCell } from './docx-grid.js';
import { type CellBudget, checkTable, MAX_TABLE_COLS } from './limits.js';

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

/** A grid count from an attribute (gridBefore, gridAfter, gridSpan): a whole number ≥ `min`. */
const count = (n: El | undefined, min: number): number => gridCount(attr(n, 'val'), min);

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
        const before = count(trPr && child(trPr, 'gridBefore'), 0);
        let width = before + count(trPr && child(trPr, 'gridAfter'), 0);
        checkTable(rows.length + 1, width, tableNo);
        for (let i = 0; i < before; i++) row.push({ text: '', span: 1, vMerge: null });
        const collectCells = (m: El) => {
          for (const c of kids(m)) {
            const cn = local(c);
            if (cn === 'tc') {
              const pr = child(c, 'tcPr');
              const span = count(pr && child(pr, 'gridSpan'), 1);
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

/** Reads the body of word/document.xml into `b` through a DOM. */
export function docxBodyDom(xml: string, b: TextBuilder, budget: CellBudget): void {
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
}
