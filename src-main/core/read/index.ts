// Reader registry: bytes → ReportDocument, by detected format. Each format's
// reader is its own module, loaded on first use so that pdf.js or SheetJS
// cost nothing when a folder holds only text.
import { ReadError, type ReportDocument, type SourceFormat } from '../model.js';
import { detectFormat } from './detect.js';
import { readRegularFile } from './file.js';
import type { OcrOptions } from './ocr/index.js';

export interface ReadOptions {
  /**
   * Read scans (PDF pages without text, image files) by OCR. Seconds per
   * page: only callers off the main thread pass it (import workers, the
   * CLI). Without it a scan comes back with `needsOcr` and no text.
   */
  ocr?: OcrOptions;
}

export type Reader = (bytes: Uint8Array, name: string, opts?: ReadOptions) => Promise<ReportDocument>;

/** Largest file a reader accepts; real reports are well under this. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

// One line per format: a lazy import of the module that reads it.
// Each reader module exports `read: Reader`.
const READERS: Partial<Record<SourceFormat, () => Promise<Reader>>> = {
  // txt / csv / html: text readers (extraction core)
  // (memoised: a dynamic import per file costs more than reading a small text)
  txt: (
    (p?: Promise<Reader>) => () =>
      (p ??= import('./text.js').then((m) => m.read))
  )(),
  csv: (
    (p?: Promise<Reader>) => () =>
      (p ??= import('./text.js').then((m) => m.read))
  )(),
  html: (
    (p?: Promise<Reader>) => () =>
      (p ??= import('./html.js').then((m) => m.read))
  )(),
  // docx / doc / wps / pdf / xlsx / xls / et: office and PDF readers
  docx: async () => (await import('./docx.js')).read,
  pdf: async () => (await import('./pdf.js')).read,
  doc: async () => (await import('./doc.js')).read,
  wps: async () => (await import('./doc.js')).read,
  xlsx: async () => (await import('./sheet.js')).read,
  xls: async () => (await import('./sheet.js')).read,
  et: async () => (await import('./sheet.js')).read,
  image: async () => (await import('./image.js')).read,
};

export async function readDocument(bytes: Uint8Array, name: string, opts?: ReadOptions): Promise<ReportDocument> {
  if (bytes.length === 0) throw new ReadError('empty', 'the file is empty');
  if (bytes.length > MAX_FILE_BYTES) throw new ReadError('too_large', `the file is larger than ${MAX_FILE_BYTES >> 20} MB`);
  const format = detectFormat(bytes, name);
  if (format === 'zip') throw new ReadError('unsupported', 'a zip archive that is neither a Word nor a spreadsheet file');
  if (format === 'ole') throw new ReadError('unsupported', 'an Office binary file of unknown kind; save it as .docx');
  if (format === 'unknown') throw new ReadError('unsupported', 'unsupported file format (RTF or unknown); save it as .docx or .txt');
  const load = READERS[format];
  if (!load) throw new ReadError('unsupported', `no reader for ${format} files yet`);
  const reader = await load();
  return reader(bytes, name, opts);
}

/** Read a file by path (the CLI's `extract`): one descriptor, the same caps as an import worker. */
export async function readPath(path: string, opts?: ReadOptions): Promise<ReportDocument> {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(path, MAX_FILE_BYTES).bytes;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError('io', `cannot open the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return readDocument(bytes, path, opts);
}
