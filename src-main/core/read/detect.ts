// Detect a file's real format from its bytes (magic numbers, zip entries),
// never from its extension alone: a `.doc` that is really HTML or docx is
// read as what it is. The extension only breaks ties (txt vs csv).
import { extname } from 'node:path';
import type { SourceFormat } from '../model.js';
import { listZip } from './zip.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
// Images of pages (scans, photos): read by OCR.
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
  [0x47, 0x49, 0x46, 0x38], // GIF8
];

/** The first `n` bytes as a Buffer over the same memory (no copy). */
function view(b: Uint8Array, n: number): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, Math.min(n, b.byteLength));
}

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((v, i) => b[at + i] === v);
}

/** Names of a zip's entries, read from its local headers (cheap, no inflate). */
export function zipEntryNames(b: Uint8Array, limit = 64): string[] {
  const names: string[] = [];
  let i = 0;
  while (i + 30 < b.length && names.length < limit && startsWith(b, ZIP, i)) {
    const u16 = (o: number) => b[o]! | (b[o + 1]! << 8);
    const u32 = (o: number) => (u16(o) | (u16(o + 2) << 16)) >>> 0;
    const flags = u16(i + 6);
    const compSize = u32(i + 18);
    const nameLen = u16(i + 26);
    const extraLen = u16(i + 28);
    names.push(Buffer.from(b.subarray(i + 30, i + 30 + nameLen)).toString('utf8'));
    if (flags & 0x08) break; // sizes only in the data descriptor: stop scanning
    i += 30 + nameLen + extraLen + compSize;
  }
  return names;
}

export type Detected = SourceFormat | 'zip' | 'ole' | 'unknown';

export function detectFormat(bytes: Uint8Array, name: string): Detected {
  const ext = extname(name).toLowerCase().replace('.', '');
  if (IMAGES.some((sig) => startsWith(bytes, sig))) return 'image'; // before %PDF-: image metadata may hold any text
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image'; // RIFF….WEBP
  if (startsWith(bytes, PDF) || (bytes.subarray(0, 1024).includes(0x25) && view(bytes, 1024).toString('latin1').includes('%PDF-'))) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    let names = zipEntryNames(bytes);
    if (!names.some((n) => n.startsWith('word/') || n.startsWith('xl/'))) {
      // entries written with data descriptors hide what follows: use the central directory
      try {
        names = listZip(bytes).map((e) => e.name);
      } catch {
        /* truncated: keep what the local headers said */
      }
    }
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (names.includes('[Content_Types].xml')) {
      // entries may come in any order; let the reader decide by content
      if (['xlsx', 'xlsm', 'et'].includes(ext)) return 'xlsx';
      return 'docx';
    }
    return 'zip';
  }
  if (startsWith(bytes, OLE)) {
    // stream names sit in the directory as UTF-16LE; a cheap look is enough
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const has = (s: string) => buf.includes(Buffer.from(s, 'utf16le'));
    if (has('EncryptionInfo')) return 'docx'; // encrypted OOXML: the docx reader says so
    if (has('WordDocument')) return ext === 'wps' ? 'wps' : 'doc';
    if (has('Workbook') || has('Book')) return 'xls';
    if (['xls', 'et'].includes(ext)) return 'xls';
    if (ext === 'wps') return 'wps';
    if (['doc', 'dot'].includes(ext)) return 'doc';
    return 'ole';
  }
  const head = view(bytes, 4096).toString('latin1').toLowerCase();
  if (/<(!doctype html|html|head|body|table|meta|div|p)[\s>]/.test(head) && /<\/?[a-z]+[^>]*>/.test(head)) return 'html';
  if (head.includes('{\\rtf')) return 'unknown';
  if (ext === 'csv') return 'csv';
  return 'txt';
}

/** Extensions the importer picks up when walking a folder. */
export const SUPPORTED_EXTENSIONS = new Set([
  'txt',
  'text',
  'md',
  'html',
  'htm',
  'shtml',
  'mht',
  'docx',
  'docm',
  'doc',
  'wps',
  'pdf',
  'xlsx',
  'xls',
  'et',
  'csv',
  'png',
  'jpg',
  'jpeg',
  'tif',
  'tiff',
  'webp',
]);
