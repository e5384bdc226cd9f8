// Renderer build: src-renderer → dist-renderer, relative asset paths so the
// same build loads from the Electron package (file://) and the web bridge.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
