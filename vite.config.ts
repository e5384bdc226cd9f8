// Renderer build: src-renderer → dist-renderer, relative asset paths so the
// same build loads from the Electron package (app://) and the web bridge.
import react from '@vitejs/plugin-react';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const repo = dirname(fileURLToPath(import.meta.url));

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
  plugins: [react(), recordSources()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
