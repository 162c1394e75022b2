import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// The renderer is built to plain files: Electron loads them from disk, browser mode serves them.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Which chunk holds the app's code: electron/launch/first-screen.mjs names it for the browser to fetch early.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
});
