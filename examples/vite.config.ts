import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyLiterals } from '../scripts/minify-literals.js';

/**
 * The framework examples: `npm run examples:build` builds all four into examples/dist/
 * (html/, react/, vue/, angular/), `npx vite --config examples/vite.config.ts` serves them
 * for development, `npx vite preview --config examples/vite.config.ts` serves the build.
 *
 * The kit is imported from this repository's source (`billing-elements` is an alias of
 * src/), so the examples work without publishing. The plain-HTML example loads two
 * self-contained files built here, kit/define.js and kit/mock.js, through an import map.
 */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The files the plain-HTML page loads by URL, and where they come from. */
const kit: Record<string, string> = {
  'kit/define': at('../src/define.ts'),
  'kit/mock': at('../mocks/browser.ts'),
};

/** In development, serves /kit/*.js from the source (the build writes them to examples/dist/kit/). */
function kitInDevelopment(): Plugin {
  return {
    name: 'billing-examples-kit',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const name = /^\/(kit\/[a-z]+)\.js(\?.*)?$/.exec(req.url ?? '')?.[1];
        const file = name ? kit[name] : undefined;
        if (file) req.url = `/@fs${file}`;
        next();
      });
    },
  };
}

export default defineConfig({
  root: at('.'),
  // MSW's worker (mockServiceWorker.js) is served at the root, so it controls every example.
  publicDir: at('../public'),
  resolve: {
    alias: [
      { find: /^billing-elements\/define\.js$/, replacement: at('../src/define.ts') },
      { find: /^billing-elements$/, replacement: at('../src/index.ts') },
      // Vue templates given as strings are compiled in the browser: the build with the compiler.
      { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' },
    ],
  },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  plugins: [kitInDevelopment(), minifyLiterals()],
  server: { port: 4180, strictPort: false },
  preview: { port: 4180, strictPort: false },
  build: {
    target: 'es2022',
    // Keep light-dark() as written: lowered for older browsers, it ignores a color-scheme
    // set at run time (the theme switch).
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
    outDir: at('dist'),
    emptyOutDir: true,
    // The mock backend (scenarios, invoice PDFs) is about 1 MB; hosts don't ship it.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      input: {
        html: at('html/index.html'),
        react: at('react/index.html'),
        vue: at('vue/index.html'),
        angular: at('angular/index.html'),
        ...kit,
      },
      // kit/mock.js is imported by URL: keep its exports.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name in kit ? '[name].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
