// Extraction worker. Plain JavaScript so Node can start it without a
// TypeScript loader: run from source (tsx, vitest) it registers tsx and loads
// task.ts; in a bundle, the build emits task.js beside this file (a separate
// esbuild entry point, with worker.mjs copied next to it) and that is loaded
// directly. workerData.taskModule overrides both.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

async function load() {
  if (workerData?.taskModule) return import(workerData.taskModule);
  const compiled = new URL('./task.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return import(compiled.href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL('./task.ts', import.meta.url).href);
}

const mod = load();
// One task at a time, in order: extraction is CPU-bound, interleaving would only add memory.
let chain = Promise.resolve();
parentPort.on('message', ({ id, task }) => {
  chain = chain.then(async () => {
    try {
      const { runTask } = await mod;
      // beat: a long file (OCR of a scan) says it is still making progress, page by page
      const beat = () => parentPort.postMessage({ id, beat: true });
      parentPort.postMessage({ id, ok: true, result: await runTask(task, workerData, beat) });
    } catch (e) {
      parentPort.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  });
});
