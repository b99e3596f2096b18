/**
 * Vendor data has no line breaks to offer: a plan named in one long word, an invoice
 * number of sixty characters, people and e-mails as long as the contract allows. On a
 * 360 px screen every element still fits (the page never scrolls sideways), the figures
 * that matter stay in view, and the long text is all there to read (wrapped, not cut).
 */
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { World } from '../../mocks/engine/world.js';
import { all, BASE_URL, find, render, shadow, text, useMockBackend } from './support.js';

const store = useMockBackend('injixo-advanced');

const LONG = 'Enterprise'.repeat(6); // 60 characters, no break
const DIGITS = '0123456789'.repeat(5); // invoice numbers of 60 characters and more
// Sorts first, so the users table's first rows (those in the DOM) are theirs.
const NAME = 'Aaliyah'.repeat(8);
const EMAIL = `${'verylongmailbox'.repeat(4)}@${'subdomain'.repeat(4)}.example`;

function longWorld(w: World): World {
  return {
    ...w,
    tenant: { ...w.tenant, name: LONG },
    subscription: { ...w.subscription, plans: w.subscription.plans.map((p) => ({ ...p, name: LONG })) },
    invoices: w.invoices.map((inv) => ({ ...inv, number: `${inv.number}${DIGITS}` })),
    people: w.people.map((p, i) => (i < 40 ? { ...p, name: NAME, email: `${i}${EMAIL}` } : p)),
  };
}

const ELEMENTS = [
  { tag: 'billing-users-table', ready: 'tbody tr.row', shows: NAME },
  { tag: 'billing-subscription-overview', ready: '.cards', shows: LONG },
  { tag: 'billing-invoice-list', ready: 'tbody tr', shows: DIGITS },
  { tag: 'billing-user-count-chart', ready: 'canvas', shows: '' },
  { tag: 'billing-contacts-editor', ready: 'form', shows: LONG },
] as const;

describe('long unbreakable data at 360 px', () => {
  before(() => setViewport({ width: 360, height: 800 }));
  after(() => setViewport({ width: 800, height: 600 }));
  beforeEach(() => store().loadWorld(longWorld(store().world)));

  for (const { tag, ready, shows } of ELEMENTS) {
    it(`<${tag}> fits, and the long text is all there`, async () => {
      const el = await render<HTMLElement>(
        html`<billing-provider base-url=${BASE_URL} lang="en">${document.createElement(tag)}</billing-provider>`,
        tag,
      );
      await find(el, ready, 10_000);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(el.getBoundingClientRect().width, 'the element is wider than the screen').to.be.at.most(360);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(360);
      // Nothing inside sticks out of the element's box (a scroll container of its own may).
      const right = el.getBoundingClientRect().right;
      for (const node of all(el, 'h2, h3, th, td, [part~="field"], button, p, dd, dt, label')) {
        const box = node.getBoundingClientRect();
        if (box.width === 0 || node.closest('.table-wrap, .scroller, [data-scroll]')) continue;
        expect(box.right, `${node.localName}.${node.className} sticks out`).to.be.at.most(right + 0.5);
      }
      if (shows) expect(text(shadow(el))).to.include(shows);
    });
  }

  it('the invoice list keeps amount and status in view beside a long number', async () => {
    const el = await render<HTMLElement>(
      html`<billing-provider base-url=${BASE_URL} lang="en"
        ><billing-invoice-list></billing-invoice-list
      ></billing-provider>`,
      'billing-invoice-list',
    );
    const row = await find(el, 'tbody tr.issued, tbody tr:not(.upcoming)');
    const right = el.getBoundingClientRect().right;
    for (const cell of row.querySelectorAll<HTMLElement>('th, td')) {
      if (getComputedStyle(cell).display === 'none') continue;
      expect(cell.getBoundingClientRect().right, cell.className).to.be.at.most(right + 0.5);
    }
  });
});
