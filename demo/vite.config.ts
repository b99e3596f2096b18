import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** `npm start`: the demo host page on a local dev server. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // mockServiceWorker.js (MSW) is served from the page's root.
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  server: { port: 5173, strictPort: false },
  build: { outDir: fileURLToPath(new URL('../dist-demo', import.meta.url)), emptyOutDir: true },
});
