// Builds the Electron main process and preload with esbuild:
//   dist-main/electron/main.js     ESM bundle (package.json "main")
//   dist-main/electron/preload.cjs CommonJS bundle (sandboxed preloads cannot be ESM)
// Native and heavy modules stay external and ship in node_modules:
// better-sqlite3 (rebuilt for Electron by electron-builder), pdfjs-dist,
// tesseract.js (its worker script and wasm are loaded by path) and
// @napi-rs/canvas (native).
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

const external = ['electron', 'better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*', 'tesseract.js', '@napi-rs/canvas'];
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'info', external };

await build({
  ...common,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist-main/electron/main.js',
  format: 'esm',
  // Bundled CommonJS dependencies call require(); give them one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// The import job's worker threads: worker.mjs loads task.js from its own
// folder when it exists (see src-main/core/jobs/worker.mjs).
await build({
  ...common,
  entryPoints: ['src-main/core/jobs/task.ts'],
  outfile: 'dist-main/electron/task.js',
  format: 'esm',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
copyFileSync('src-main/core/jobs/worker.mjs', 'dist-main/electron/worker.mjs');
await build({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist-main/electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
