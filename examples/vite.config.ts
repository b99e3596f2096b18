import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * The example host apps, built as a host builds its app: in a project where the packed
 * kit is installed (`billing-elements` from the tarball, no path into this repository).
 * `npm test` makes that project in `.package-check/` (scripts/consumer.js) and builds all
 * four pages into examples/dist/ there; to look at them after a run:
 *
 *   cd .package-check && npx vite --config examples/vite.config.ts
 *
 * The mock backend is imported only while `VITE_BILLING_MOCK` is not `off`: with
 * `VITE_BILLING_MOCK=off` the build holds no mock at all (the check asserts it), as a
 * host's production build should.
 */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: at('.'),
  // MSW's worker, written by `npx msw init examples/public`, served at the root.
  publicDir: at('public'),
  plugins: [
    // billing-* tags are custom elements, not Vue components.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('billing-') } } }),
  ],
  server: { port: 4180, strictPort: false },
  preview: { port: 4180, strictPort: false },
  build: {
    target: 'es2022',
    // Keep light-dark() as written: lowered for older browsers, it ignores a color-scheme
    // set at run time (the theme switch).
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    outDir: at('dist'),
    emptyOutDir: true,
    // With the mock (scenarios, invoice PDFs) the examples hold about 1 MB more.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: {
        html: at('html/index.html'),
        react: at('react/index.html'),
        vue: at('vue/index.html'),
        angular: at('angular/index.html'),
      },
    },
  },
});
