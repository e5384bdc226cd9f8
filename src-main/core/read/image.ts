// Image files (a scanned or photographed page: PNG, JPEG; TIFF, one page or
// many, through the PDF path). There is no text without OCR: with
// ReadOptions.ocr the pages are read by tesseract (ocr/), otherwise the
// document says it needs OCR.
import type { Reader } from './index.js';

const isTiff = (b: Uint8Array) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a);

export const read: Reader = async (bytes, _name, opts) => {
  if (opts?.ocr && isTiff(bytes)) {
    const { tiffToPdf } = await import('./ocr/tiff.js');
    const doc = await (await import('./ocr/index.js')).ocrPdf(tiffToPdf(bytes), opts.ocr);
    return { ...doc, format: 'image' };
  }
  if (opts?.ocr) return (await import('./ocr/index.js')).ocrImage(bytes, opts.ocr);
  return { format: 'image', text: '', grids: [], needsOcr: { pages: 1 }, warnings: ['an image: its text needs OCR'] };
};
