// Word 97–2003 (.doc) and Kingsoft WPS (.wps) binary files, via word-extractor.
// Word's binary tables come out as tab-separated cells (rows sometimes run
// together); there is no grid. What cannot be read — legacy WPS, encrypted,
// damaged — is an error that asks for a .docx, never garbage text.
import { createRequire } from 'node:module';
import CFB from 'cfb';
import { ReadError, type ReportDocument } from '../model.js';
import type { Reader } from './index.js';

interface WordDoc {
  getBody(): string;
}
interface WordExtractorCtor {
  new (): { extract(src: Buffer): Promise<WordDoc> };
}
const require = createRequire(import.meta.url);
let ctor: WordExtractorCtor | null = null;

const SAVE_AS = 'open it in Word or WPS and save it as .docx';

/** Share of characters that belong in a Chinese report (CJK, digits, punctuation, spaces). */
export function plausibility(s: string): number {
  if (!s.length) return 0;
  const good = s.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef0-9\s.,;:%()\-+/、，。；：（）“”《》A-Za-z]/g)?.length ?? 0;
  return good / s.length;
}

function checkOle(bytes: Uint8Array, format: 'doc' | 'wps'): void {
  let cfb: CFB.CFB$Container;
  try {
    cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch {
    throw new ReadError('corrupt', `the file is damaged (not a readable Office file); ${SAVE_AS}`);
  }
  if (CFB.find(cfb, 'EncryptionInfo') || CFB.find(cfb, 'EncryptedPackage'))
    throw new ReadError('encrypted', `the file is password-protected; remove the password and ${SAVE_AS}`);
  const wd = CFB.find(cfb, 'WordDocument');
  if (!wd?.content || wd.content.length < 12) {
    throw new ReadError(
      'needs_conversion',
      format === 'wps' ? `an old Kingsoft WPS file that cannot be read directly; ${SAVE_AS}` : `not a Word document; ${SAVE_AS}`,
    );
  }
  const c = wd.content as Uint8Array;
  const flags = c[10]! | (c[11]! << 8);
  if (flags & 0x0100) throw new ReadError('encrypted', `the Word file is password-protected; remove the password and ${SAVE_AS}`);
}

export const read: Reader = async (bytes, name) => {
  const format: 'doc' | 'wps' = /\.wps$/i.test(name) ? 'wps' : 'doc';
  checkOle(bytes, format);
  ctor ??= require('word-extractor') as WordExtractorCtor;
  let body: string;
  try {
    const doc = await new ctor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (e) {
    throw new ReadError('corrupt', `the ${format === 'wps' ? 'WPS' : 'Word'} file cannot be read (${(e as Error).message ?? e}); ${SAVE_AS}`);
  }
  // cell marks arrive as tabs; a row's end mark leaves a trailing tab
  // and rows sometimes run together: a run of bare numbers after a double
  // tab is a row of its own (the numbers row under table 四's header)
  const text = body
    .replace(/\r\n?/g, '\n')
    .replace(/\t\t(?=(?:[-+]?\d[\d.,]*\t){4,})/g, '\t\n')
    // and a section heading (四、…) never continues a table row
    .replace(/\t{2,}(?=[一二三四五六七八九十]、)/g, '\t\n')
    .replace(/\t+$/gm, '')
    .replace(/\t\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.replace(/\s/g, '').length < 10 || plausibility(text) < 0.8) {
    throw new ReadError('needs_conversion', `the ${format === 'wps' ? 'WPS' : 'Word'} file's text could not be decoded reliably; ${SAVE_AS}`);
  }
  const doc: ReportDocument = { format, text, grids: [], warnings: ['Word 97–2003 binary file: tables read as text only'] };
  return doc;
};
