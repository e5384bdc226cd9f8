// Image files (a scanned or photographed page: PNG, JPEG, WebP, GIF, BMP).
// There is no text without OCR: with ReadOptions.ocr the page is read by
// tesseract (ocr/), otherwise the document says it needs OCR.
import type { Reader } from './index.js';

export const read: Reader = async (bytes, _name, opts) => {
  if (opts?.ocr) return (await import('./ocr/index.js')).ocrImage(bytes, opts.ocr);
  return { format: 'image', text: '', grids: [], needsOcr: { pages: 1 }, warnings: ['an image: its text needs OCR'] };
};
