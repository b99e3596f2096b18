import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';

/**
 * Library build: ES modules into dist/, one chunk per entry, Lit left to the host
 * (a peer dependency) so two elements on a page share one copy of it.
 * Not minified (the host's bundler does that), except the markup inside `html` and `css`
 * templates, which no JavaScript minifier touches. Type declarations come from
 * `tsc -p tsconfig.build.json`; the manifest from `cem`.
 */
export default defineConfig({
  plugins: [minifyLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        define: 'src/define.ts',
        engine: 'mocks/engine/index.ts',
        mocks: 'mocks/index.ts',
        'mocks-browser': 'mocks/browser.ts',
        'mocks-node': 'mocks/node.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      // Dependencies stay dependencies: the host's bundler dedupes them.
      external: [/^lit($|\/)/, /^@lit\//, /^msw($|\/)/, /^pdf-lib($|\/)/, /^chart\.js($|\/)/],
    },
  },
});
