/**
 * The demo page (demo/index.html and demo/main.ts) in Chromium, with its own mock as
 * `npm start` runs it: the role picker, a world of one's own, and "Reset demo data".
 */
import { expect, waitUntil } from '@open-wc/testing';
// Not ../components/support.js: it defines the elements, and the demo defines them only
// once its mock answers (before that, the provider's /me would go unanswered).
import { deepQuery } from '../dom.js';

const API = '/api/billing';
const ELEMENTS = [
  'billing-subscription-overview',
  'billing-user-count-chart',
  'billing-users-table',
  'billing-invoice-list',
  'billing-contacts-editor',
];

const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Waits until `selector` matches in the element's shadow tree. */
async function find(el: HTMLElement, selector: string, timeout = 10_000): Promise<void> {
  await waitUntil(() => el.shadowRoot && deepQuery(el.shadowRoot, selector), `no ${selector} in ${el.localName}`, {
    timeout,
  });
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const elements = () => ELEMENTS.map((tag) => document.querySelector<HTMLElement>(tag)!);

function choose(id: string, value: string): void {
  const select = $<HTMLSelectElement>(id);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function world(): Promise<{ today: string } & Record<string, unknown>> {
  return (await fetch(`${API}/__mock/world`)).json() as Promise<{ today: string } & Record<string, unknown>>;
}

const toastSays = (message: string) =>
  waitUntil(() => text($('toast')) === message, `the toast never said "${message}" (said "${text($('toast'))}")`, {
    timeout: 8000,
  });

describe('the demo page', () => {
  before(async () => {
    // The demo keeps the mock's state in IndexedDB: start from nothing.
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('billing-elements-mock');
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
    localStorage.removeItem('billing-elements-demo');
    sessionStorage.removeItem('billing-elements-demo-world');
    const page = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    for (const script of page.body.querySelectorAll('script')) script.remove();
    document.body.append(...page.body.childNodes);
    await import('../../demo/main.js');
  });

  it('offers the guest role: as a guest, every element says it is forbidden', async () => {
    expect([...$<HTMLSelectElement>('role').options].map((o) => o.value)).to.include('guest');
    choose('role', 'guest');
    await Promise.all(elements().map((el) => find(el, '.state.forbidden')));
    expect(text($('who'))).to.include('guest');
    choose('role', 'admin');
    await find(document.querySelector('billing-users-table')!, 'tbody tr.row');
  });

  it("loads a world of one's own, and says in words why the mock refuses one", async () => {
    const problems = $('world-problems');
    $<HTMLTextAreaElement>('world-text').value = JSON.stringify({ today: '2026-13-40' });
    $<HTMLFormElement>('world-form').requestSubmit();
    await waitUntil(() => text(problems).startsWith('Not loaded:'), 'the refusal was not shown', { timeout: 8000 });
    // Every problem the mock listed, one an item, in words.
    const items = [...problems.querySelectorAll('li')].map(text);
    expect(items.length).to.be.greaterThan(1);
    for (const item of items) expect(item).to.match(/\w+.*: \w/);
    expect(problems.getAttribute('role')).to.equal('alert');

    const mine = await world();
    $<HTMLTextAreaElement>('world-text').value = JSON.stringify(mine);
    $<HTMLFormElement>('world-form').requestSubmit();
    await toastSays('Loaded your world.');
    expect(text(problems)).to.equal('');
    expect(text($('scenario-hint'))).to.equal('A world loaded by hand.');
    await find(document.querySelector('billing-users-table')!, 'tbody tr.row');
  });

  it('"Reset demo data" starts the tenant shown over, not the default one, and keeps the role', async () => {
    choose('scenario', 'severa-prepaid');
    await toastSays(`Loaded ${$<HTMLSelectElement>('scenario').selectedOptions[0]!.text}.`);
    const fresh = await world();
    choose('role', 'finance');
    // A change to the data: the clock moved on a month.
    const later = new Date(`${fresh.today}T00:00:00Z`);
    later.setUTCMonth(later.getUTCMonth() + 1);
    const put = await fetch(`${API}/__mock/session`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ today: later.toISOString().slice(0, 10) }),
    });
    expect(put.status).to.equal(204);
    expect((await world()).today).not.to.equal(fresh.today);

    $('reset').click();
    await toastSays('Demo data reset.');
    expect((await world()).today).to.equal(fresh.today);
    expect($<HTMLSelectElement>('scenario').value).to.equal('severa-prepaid');
    expect($<HTMLSelectElement>('role').value).to.equal('finance');
    await find(document.querySelector('billing-users-table')!, 'tbody tr.row');
  });
});
