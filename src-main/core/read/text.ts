// Reader for plain text (.txt/.md/.text) and CSV read as text: the
// extractor treats tabs and commas-between-numbers alike, so a CSV only needs
// its commas turned into tabs where they separate cells.
import { ReadError, type ReportDocument } from '../model.js';
import { decodeText } from './decode.js';
import type { Reader } from './index.js';

export const read: Reader = async (bytes, name) => {
  const { text: raw, encoding } = decodeText(bytes);
  let text = raw.replace(/^\ufeff/, '');
  if (!text.trim()) throw new ReadError('empty', 'the file holds no text');
  // A web page saved in UTF-16 is not recognised by its bytes: by its text then.
  if (/^\s*<(?:!doctype html|html|head)[\s>]/i.test(text.slice(0, 500))) {
    const { htmlToDocument } = await import('./html.js');
    return htmlToDocument(text, encoding);
  }
  const isCsv = /\.csv$/i.test(name);
  if (isCsv) text = csvToTabs(text);
  const doc: ReportDocument = { format: isCsv ? 'csv' : 'txt', text, grids: [], encoding, warnings: [] };
  return doc;
};

/** CSV → tab-separated, quotes removed; same length per field is not needed (the CSV is the text). */
function csvToTabs(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const cells: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = false;
        else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') {
        cells.push(cur);
        cur = '';
      } else cur += c;
    }
    cells.push(cur);
    out.push(cells.join('\t'));
  }
  return out.join('\n');
}
