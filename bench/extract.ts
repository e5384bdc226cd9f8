// Extraction throughput: N generated reports (pre-rendered, so generation is
// not timed) through read + normalise + extract + validate, on this thread.
// Prints reports/s per input kind and the peak RSS.
import { extractBytes } from '../src-main/core/extract/index.js';
import { generateReport, type GenOptions } from '../test/gen/generate.js';

const quick = process.argv.includes('--quick');

async function run(label: string, n: number, opts: (i: number) => GenOptions): Promise<void> {
  const docs = Array.from({ length: n }, (_, i) => generateReport(i + 1, opts(i)));
  const bytes = docs.reduce((s, d) => s + d.bytes.length, 0);
  // warm-up (JIT, opencc dictionaries)
  for (const d of docs.slice(0, 20)) await extractBytes(d.bytes, d.name);
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let wrong = 0;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const x = await extractBytes(d.bytes, d.name);
    if (x.error || x.values['requests.total.total'] !== d.values['requests.total.total']) wrong++;
    if ((i & 255) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const ms = performance.now() - t0;
  const cu = process.cpuUsage(c0);
  const cpuMs = (cu.user + cu.system) / 1000; // on a shared machine, CPU time is the fair measure
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `extract ${label.padEnd(22)} ${n} reports (${(bytes / n / 1024).toFixed(1)} KB avg): ${((n / ms) * 1000).toFixed(0)} reports/s wall, ` +
      `${((n / cpuMs) * 1000).toFixed(0)} reports/CPU-s (${(cpuMs / n).toFixed(2)} ms CPU/report), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB${wrong ? `, ${wrong} WRONG` : ''}`,
  );
}

export async function bench(): Promise<void> {
  const n = quick ? 300 : 2000;
  await run('text (tabs, UTF-8)', n, () => ({ layout: 'tabs' }));
  await run('text (one cell/line)', n, () => ({ layout: 'lines' }));
  await run('text GBK', n, () => ({ layout: 'tabs', encoding: 'gbk' }));
  await run('html', quick ? 200 : 1000, () => ({ layout: 'html' }));
  await run('traditional + pinyin', quick ? 100 : 500, () => ({ layout: 'lines', pinyin: true }));
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
