// Renderer build: src-renderer → dist-renderer, relative asset paths so the
// same build loads from the Electron package (app://) and the web bridge.
// pdf.js's CMaps and standard fonts are copied beside it (pdfjs/), so the
// page viewer draws Chinese PDFs with no network.
import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repo = dirname(fileURLToPath(import.meta.url));
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function pdfjsData(): Plugin {
  let outDir = '';
  return {
    name: 'pdfjs-data',
    apply: 'build',
    configResolved(c) {
      outDir = resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      for (const d of ['cmaps', 'standard_fonts']) cpSync(join(pdfjsRoot, d), join(outDir, 'pdfjs', d), { recursive: true });
    },
  };
}

/** dist-renderer/build-sources.json: the repository files the bundle was built
 *  from (src-renderer and what it imports from src-main), so `npm run web`
 *  rebuilds when one of them is newer than the build (src-main/cli/renderer-build.ts). */
function recordSources(): Plugin {
  return {
    name: 'nianbao-record-sources',
    generateBundle(_options, bundle) {
      const files = new Set<string>();
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const id of out.moduleIds) {
          const file = id.split('?')[0] ?? '';
          if (id.startsWith('\0') || file.includes('node_modules')) continue;
          const rel = relative(repo, file).split('\\').join('/');
          if (!rel.startsWith('..')) files.add(rel);
        }
      }
      this.emitFile({ type: 'asset', fileName: 'build-sources.json', source: JSON.stringify([...files].sort(), null, 1) });
    },
  };
}

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react(), recordSources(), pdfjsData()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
