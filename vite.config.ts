import { defineConfig } from 'vite';
import { minifyLiterals } from './scripts/minify-literals.js';
import { defineModule, ELEMENTS } from './src/elements.js';

/**
 * Library build: ES modules into dist/, **one module per source module**
 * (`preserveModules`: dist/src/… and dist/mocks/… mirror the tree), so a host's bundler
 * keeps only the modules the host imports: one element from the main entry, or one
 * `define/<element>.js`, brings that element's code and nothing of the others.
 * package.json's `sideEffects` names the only modules with side effects (the `define`
 * ones); every other module may be dropped when unused.
 *
 * Lit, chart.js, MSW and pdf-lib stay imports (dependencies and peers: the host's bundler
 * dedupes them). Not minified (the host's bundler does that), except the markup inside
 * `html` and `css` templates, which no JavaScript minifier touches. Type declarations
 * come from `tsc -p tsconfig.build.json` into the same folders; the manifest and the
 * framework bindings from `cem`.
 */
export default defineConfig({
  plugins: [minifyLiterals()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false,
    minify: false,
    lib: {
      entry: {
        'src/index': 'src/index.ts',
        'src/define': 'src/define.ts',
        // One entry per element (src/elements.ts): `billing-elements/define/<name>.js`.
        ...Object.fromEntries(ELEMENTS.map((e) => [`src/${defineModule(e)}`, `src/${defineModule(e)}.ts`])),
        'mocks/engine/index': 'mocks/engine/index.ts',
        'mocks/index': 'mocks/index.ts',
        'mocks/browser': 'mocks/browser.ts',
        'mocks/node': 'mocks/node.ts',
        'mocks/server/index': 'mocks/server/index.ts',
        'mocks/cli/bin': 'mocks/cli/bin.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Dependencies stay dependencies: the host's bundler dedupes them.
      // Node's built-ins too (the mock's HTTP server and CLI): never browser stand-ins; ajv is
      // the conformance check's optional peer.
      external: [
        /^lit($|\/)/,
        /^@lit\//,
        /^msw($|\/)/,
        /^pdf-lib($|\/)/,
        /^chart\.js($|\/)/,
        /^ajv($|\/)/,
        /^ajv-formats($|\/)/,
        /^node:/,
      ],
      output: {
        preserveModules: true,
        preserveModulesRoot: '.',
        entryFileNames: '[name].js',
      },
    },
  },
});
