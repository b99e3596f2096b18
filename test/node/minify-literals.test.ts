/**
 * The production builds minify the markup inside `html` and `css` templates
 * (scripts/minify-literals.ts). Tests run the source, so these cases check here that the
 * minifier keeps what a reader sees and what Lit needs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyLiterals } from '../../scripts/minify-literals.js';

async function minified(source: string): Promise<string> {
  const plugin = minifyLiterals();
  const transform = plugin.transform as (code: string, id: string) => Promise<{ code: string } | null>;
  const result = await transform.call({}, source, '/repo/src/components/x/x.ts');
  return result?.code ?? source;
}

describe('template minifier', () => {
  it('collapses whitespace to one space, never to none', async () => {
    const out = await minified('const a = html` <small>on ${d}</small>\n      <span>${x}</span>\n  <b>y</b>`;');
    assert.equal(out, 'const a = html` <small>on ${d}</small> <span>${x}</span> <b>y</b>`;');
  });

  it('leaves a style attribute that is one binding alone', async () => {
    const out = await minified('const a = html`<div style=${s}></div><i style="width:${w}%"></i>`;');
    assert.equal(out, 'const a = html`<div style=${s}></div><i style="width:${w}%"></i>`;');
  });

  it('keeps bindings, boolean and property attributes, and empty attributes', async () => {
    const out = await minified(
      'const a = html`<input  .value=${v}  ?disabled=${d}  @input=${f}  alt=""  aria-label=${l} />`;',
    );
    assert.equal(out, 'const a = html`<input .value=${v} ?disabled=${d} @input=${f} alt="" aria-label=${l}>`;');
  });

  it('minifies CSS templates and keeps light-dark() as written', async () => {
    const out = await minified(
      'const c = css`\n  :host {\n    /* a comment */\n    color: light-dark(#ffffff, #000000);\n  }\n`;',
    );
    assert.equal(out, 'const c = css`:host{color:light-dark(#fff,#000)}`;');
  });

  it('touches only the kit’s source', async () => {
    const plugin = minifyLiterals();
    const transform = plugin.transform as (code: string, id: string) => Promise<unknown>;
    assert.equal(await transform.call({}, 'const a = html` <b> x </b> `;', '/repo/node_modules/lit/x.js'), null);
  });
});
