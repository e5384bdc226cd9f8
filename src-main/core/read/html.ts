// Reader for saved web pages (.html/.htm/.shtml, any encoding including
// `<meta charset=gbk>`). The page text is laid out the way the extractor
// expects (a table row per line, cells separated by tabs) and every <table>
// also becomes a Grid with rowspan/colspan expanded. Scripts, styles and
// navigation are dropped.
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
import { ReadError, type Grid, type GridCell, type ReportDocument } from '../model.js';
import { decodeText } from './decode.js';
import type { Reader } from './index.js';
import { CellBudget, checkTable, MAX_TABLE_CELLS, MAX_TABLE_COLS } from './limits.js';
import { inlineScriptReport } from './script-page.js';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'select', 'button', 'nav', 'svg', 'object', 'textarea', 'head']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'dt',
  'dd',
  'dl',
  'blockquote',
  'pre',
  'hr',
  'form',
  'center',
  'main',
  'aside',
  'address',
  'figure',
  'caption',
]);
const CHROME = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|footer|foot|topbar|sidebar|login|search|toolbar)([\s_-]|$)/i;

function charsetOf(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!m) return null;
  const cs = m[1]!.toLowerCase();
  if (cs === 'gb2312' || cs === 'gbk' || cs === 'x-gbk' || cs === 'gb18030') return 'GB18030';
  if (cs === 'big5' || cs === 'big5-hkscs') return 'Big5';
  if (cs === 'utf-8' || cs === 'utf8') return 'UTF-8';
  return iconv.encodingExists(cs) ? cs : null;
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const cs = hasBom ? null : charsetOf(bytes);
  if (cs && cs !== 'UTF-8') {
    // A page re-saved as UTF-8 often keeps its old meta charset; real GBK/Big5
    // text with Chinese in it is practically never valid UTF-8.
    const asUtf8 = strictUtf8(bytes);
    if (asUtf8 !== null && /[^\x00-\x7f]/.test(asUtf8)) return { text: asUtf8, encoding: 'UTF-8' };
    return { text: iconv.decode(Buffer.from(bytes), cs), encoding: cs };
  }
  return decodeText(bytes); // a wrong meta charset=utf-8 still gets detected
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
function strictUtf8(b: Uint8Array): string | null {
  try {
    return utf8Strict.decode(b);
  } catch {
    return null;
  }
}

interface TableCtx {
  rows: GridCell[][];
  row: GridCell[] | null;
  cell: { start: number; rowSpan: number; colSpan: number } | null;
}

/** Text being built: pieces plus length, so appends and tail checks stay O(1). */
class Out {
  private parts: string[] = [];
  length = 0;
  last(): number {
    const p = this.parts[this.parts.length - 1];
    return p ? p.charCodeAt(p.length - 1) : -1;
  }
  add(s: string): void {
    if (!s) return;
    this.parts.push(s);
    this.length += s.length;
  }
  /** Drop trailing spaces/tabs/newlines (only spaces when `spacesOnly`), never before `min`. */
  trimEnd(min: number, spacesOnly: boolean): void {
    while (this.length > min) {
      const c = this.last();
      if (!(c === 0x20 || (!spacesOnly && (c === 0x0a || c === 0x09)))) return;
      const p = this.parts.pop()!;
      const q = p.slice(0, -1);
      this.length--;
      if (q) this.parts.push(q);
    }
  }
  toString(): string {
    const s = this.parts.join('');
    this.parts = [s];
    return s;
  }
}

export function htmlToDocument(html: string, encoding: string): ReportDocument {
  html = inlineScriptReport(html) ?? html; // a report inside `let content = "<p…>"` (script-page.ts)
  const out = new Out();
  const grids: Grid[] = [];
  const budget = new CellBudget();
  const tables: TableCtx[] = [];
  const skipStack: boolean[] = [];
  let skipping = 0;
  let title = '';
  let inTitle = false;
  let pre = 0;

  const inCell = () => tables.length > 0 && tables[tables.length - 1]!.cell !== null;
  const newline = () => {
    const c = out.last();
    if (inCell()) {
      if (out.length && c !== 0x20 && c !== 0x09 && c !== 0x0a) out.add(' ');
      return;
    }
    out.trimEnd(0, true);
    if (out.length && out.last() !== 0x0a) out.add('\n');
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const cls = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        const skip =
          SKIP.has(name) ||
          (name !== 'body' && name !== 'html' && cls.trim() !== '' && CHROME.test(cls)) ||
          attrs.hidden !== undefined ||
          /display\s*:\s*none/i.test(attrs.style ?? '');
        skipStack.push(skip);
        if (skip) skipping++;
        if (name === 'title') inTitle = true;
        if (skipping) return;
        if (name === 'pre') pre++;
        if (name === 'table') {
          newline();
          tables.push({ rows: [], row: null, cell: null });
        } else if (name === 'tr') {
          const t = tables[tables.length - 1];
          if (t) {
            newline();
            t.row = [];
            t.rows.push(t.row);
          }
        } else if (name === 'td' || name === 'th') {
          const t = tables[tables.length - 1];
          if (t) {
            if (!t.row) {
              t.row = [];
              t.rows.push(t.row);
            }
            if (t.row.length > 0) out.add('\t');
            t.cell = {
              start: out.length,
              rowSpan: Math.max(1, Math.min(200, parseInt(attrs.rowspan ?? '1', 10) || 1)),
              colSpan: Math.max(1, Math.min(200, parseInt(attrs.colspan ?? '1', 10) || 1)),
            };
          }
        } else if (BLOCK.has(name)) newline();
      },
      ontext(data) {
        if (inTitle) title += data;
        if (skipping) return;
        const t = pre ? data : data.replace(/[\s\u00a0]+/g, (m) => (m.includes('\u00a0') ? ' ' : ' '));
        const c = out.last();
        const atCell = tables.length > 0 && tables[tables.length - 1]!.cell?.start === out.length;
        const lead = c === 0x20 || c === 0x0a || c === 0x09 || c === -1 || atCell;
        out.add(lead ? t.replace(/^ +/, '') : t);
      },
      onclosetag(name) {
        const skip = skipStack.pop();
        if (name === 'title') inTitle = false;
        if (skip) {
          skipping--;
          return;
        }
        if (skipping) return;
        if (name === 'pre') pre--;
        if (name === 'td' || name === 'th') {
          const t = tables[tables.length - 1];
          if (t?.cell && t.row) {
            // trim the cell's text in place so offsets cover the text only
            const s = t.cell.start;
            out.trimEnd(s, false);
            t.row.push({ text: '', start: s, end: out.length, rowSpan: t.cell.rowSpan, colSpan: t.cell.colSpan });
            t.cell = null;
          }
        } else if (name === 'tr') {
          newline();
          const t = tables[tables.length - 1];
          if (t) t.row = null;
        } else if (name === 'table') {
          const t = tables.pop();
          if (t) {
            const g = expand(t.rows, budget);
            if (g.rows.length) grids.push(g);
          }
          newline();
        } else if (BLOCK.has(name)) newline();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (tables.length) {
    const t = tables.pop()!;
    const g = expand(t.rows, budget);
    if (g.rows.length) grids.push(g);
  }
  let text = out.toString();
  // cell texts, now that the text is final
  for (const g of grids) for (const row of g.rows) for (const cell of row) cell.text = text.slice(cell.start, cell.end);
  title = title.replace(/\s+/g, ' ').trim();
  if (title && !text.slice(0, 400).includes(title.slice(0, 12))) {
    const pad = `${title}\n`;
    text = pad + text;
    for (const g of grids)
      for (const r of g.rows)
        for (const c of r) {
          c.start += pad.length;
          c.end += pad.length;
        }
  }
  if (!text.trim()) {
    const stripped = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, '').replace(/<[^>]+>/g, '\n');
    if (!stripped.trim()) throw new ReadError('empty', 'the web page holds no text');
    return { format: 'html', text: stripped, grids: [], encoding, warnings: ['the page structure could not be read; plain text used'] };
  }
  return { format: 'html', text, grids, encoding, warnings: [] };
}

/**
 * Expand rowspan/colspan into a rectangular grid; covered positions repeat the
 * origin. The spans come from the page: the table's width and cell count are
 * checked against the caps before each span is filled in (a 9 KB page of
 * rowspan=200 colspan=200 cells would otherwise fill gigabytes).
 */
function expand(rows: GridCell[][], budget: CellBudget): Grid {
  const grid: GridCell[][] = [];
  const n = budget.tables + 1;
  checkTable(rows.length, 1, n);
  let cells = 0;
  let cols = 0;
  for (let r = 0; r < rows.length; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of rows[r]!) {
      while (grid[r]![c]) c++;
      cells += Math.min(cell.rowSpan, rows.length - r) * cell.colSpan;
      cols = Math.max(cols, c + cell.colSpan);
      if (cols > MAX_TABLE_COLS || cells > MAX_TABLE_CELLS) checkTable(rows.length, cols, n, cells);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        if (r + dr >= rows.length) break;
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? cell : { ...cell, covered: true };
        }
      }
      c += cell.colSpan;
    }
  }
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  budget.table(grid.length, width);
  for (const row of grid) {
    const last = row.reduce((m, x) => (x ? Math.max(m, x.end) : m), 0);
    for (let c = 0; c < width; c++) row[c] ??= { text: '', start: last, end: last, rowSpan: 1, colSpan: 1, missing: true };
  }
  return { rows: grid.filter((r) => r.length > 0) };
}

export const read: Reader = async (bytes) => {
  const { text, encoding } = decodeHtml(bytes);
  return htmlToDocument(text, encoding);
};
