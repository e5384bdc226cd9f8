// Child of bench/office.ts: OCRs the image-only PDF named on the command line
// as the shipped app does (bundled by esbuild, plain Node; tesseract.js and
// its worker thread in this process) and prints seconds per page and the
// peak RSS as JSON. The engine's start (wasm + chi_sim) is timed apart.
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src-main/core/extract/index.js';
import { closeOcr } from '../src-main/core/read/ocr/engine.js';
import { ocrPdf } from '../src-main/core/read/ocr/index.js';

let peak = process.memoryUsage().rss;
const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const bytes = new Uint8Array(readFileSync(process.argv[2]!));
const t0 = performance.now();
const doc = await ocrPdf(bytes, { budgetMs: 600_000 });
const t1 = performance.now();
// again with the engine warm: the per-page figure of an import
const again = await ocrPdf(bytes, { budgetMs: 600_000 });
const t2 = performance.now();
const x = extractDocument(again, 'scan.pdf');
await closeOcr();
clearInterval(t);
console.log(
  JSON.stringify({
    pages: doc.ocr!.pages,
    firstS: (t1 - t0) / 1000,
    warmS: (t2 - t1) / 1000,
    values: Object.values(x.values).filter((v) => v !== null).length,
    peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
  }),
);
