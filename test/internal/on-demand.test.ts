import { expect } from '@open-wc/testing';
import { BillingApiError } from '../../src/client/errors.js';
import { onDemand } from '../../src/internal/on-demand.js';
import { defineElement } from '../../src/internal/define-element.js';
import { privateElement } from '../../src/internal/private-element.js';

describe('onDemand: a part loaded the first time it is needed', () => {
  it('loads once, however often and however concurrently it is asked for', async () => {
    let calls = 0;
    const part = onDemand(async () => ({ n: ++calls }));
    const [a, b] = await Promise.all([part(), part()]);
    const c = await part();
    expect(calls).to.equal(1);
    expect(a).to.equal(b);
    expect(b).to.equal(c);
  });

  it('forgets a failed load, so the next call tries again (a retry button works)', async () => {
    let calls = 0;
    const part = onDemand(() =>
      ++calls === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve('ok'),
    );
    const failure = await part().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.be.instanceOf(TypeError);
    expect(await part()).to.equal('ok');
    expect(await part()).to.equal('ok');
    expect(calls).to.equal(2);
  });

  it('loads a real chunk: an import() of a module of the kit', async () => {
    const part = onDemand(() => import('../../src/internal/format.js'));
    const { formatCount } = await part();
    expect(formatCount(1234, 'en')).to.equal('1,234');
  });
});

describe('privateElement: a piece of an element defined the first time it is needed', () => {
  it('defines its tag once; a module that cannot be fetched fails as a network error and is fetched again', async () => {
    let calls = 0;
    const tag = 'billing-test-private';
    // A private element's module: its class, and define(), which registers its own tag.
    const module = { define: () => void defineElement(tag, class extends HTMLElement {}) };
    const piece = privateElement(() =>
      ++calls === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve(module),
    );
    const error = await piece().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(BillingApiError);
    expect((error as BillingApiError).kind).to.equal('network');
    expect(customElements.get(tag)).to.equal(undefined);
    await Promise.all([piece(), piece()]);
    expect(await piece()).to.equal(module);
    expect(calls).to.equal(2);
    expect(customElements.get(tag)).to.not.equal(undefined);
    expect(document.createElement(tag)).to.be.instanceOf(customElements.get(tag)!);
  });
});
