// Child of bench/office.ts: reads and extracts the PDFs named on the command
// line three times over, as the shipped app does (bundled by esbuild, plain
// Node, no tsx loader, whose source-map handling of pdf.js alone adds ~150 MB),
// and prints the peak RSS as JSON.
import { readFileSync } from 'node:fs';
import { extractDocument } from '../src-main/core/extract/index.js';
import { read as readPdf } from '../src-main/core/read/pdf.js';

let peak = process.memoryUsage().rss;
const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
const start = process.memoryUsage().rss;
for (let round = 0; round < 3; round++) for (const f of process.argv.slice(2)) extractDocument(await readPdf(new Uint8Array(readFileSync(f)), f), f);
clearInterval(t);
console.log(JSON.stringify({ startMb: start / 2 ** 20, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 }));
