import { minifyHTMLLiterals } from 'minify-literals';
import type { Plugin } from 'vite';

/**
 * Minifies the markup inside Lit's `html` and `css` templates of the kit's source
 * (`src/`): whitespace, comments and CSS shorthands that a JavaScript minifier leaves
 * alone because they are string contents. Used by every production build of the kit
 * (the library in dist/, the bench's size figures, Storybook, the examples), so what is
 * measured and smoke-tested is what ships.
 *
 * CSS goes through Lightning CSS without browser targets, so modern CSS such as
 * `light-dark()` is kept as written; HTML through html-minifier-next with
 * minify-literals' Lit-aware defaults (bindings are kept in place), made conservative
 * where the defaults change what a reader sees or break a binding (`HTML_OPTIONS`).
 * test/node/minify-literals.test.ts keeps those cases.
 */
const HTML_OPTIONS = {
  // Whitespace runs become one space, never none: ` <small>` at the start of a nested
  // template, or between two inline elements, is a space the reader sees.
  conservativeCollapse: true,
  // Inline `style` attributes are left as written: minifying one that is a whole binding
  // (`style=${s}`) appends a `;` after the binding, which breaks it.
  minifyCSS: false,
  // `alt=""`, `value=""` mean something; keep empty attributes.
  removeEmptyAttributes: false,
};

export function minifyLiterals(): Plugin {
  return {
    name: 'billing-minify-literals',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || id.includes('/node_modules/')) return null;
      if (!code.includes('html`') && !code.includes('css`')) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, html: HTML_OPTIONS });
      return result ? { code: result.code, map: result.map ?? null } : null;
    },
  };
}
