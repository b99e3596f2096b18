import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingProvider } from '../../src/context/billing-provider.js';
import type { BillingUsersTable } from '../../src/components/users-table/users-table.js';
import { BillingClient } from '../../src/client/index.js';
import { all, BASE_URL, deepQuery, find, render, shadow, text, useMockBackend } from './support.js';

const store = useMockBackend('injixo-advanced');

const rows = (el: HTMLElement) => all(el, 'tbody tr.row');

describe('<billing-provider>', () => {
  it('gives late elements their context: a provider upgraded after its children', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <late-billing-provider base-url=${BASE_URL} lang="en">
          <billing-users-table></billing-users-table>
        </late-billing-provider>
      </div>`,
    );
    const table = root.querySelector<BillingUsersTable>('billing-users-table')!;
    await table.updateComplete;
    // Defined only now: the table asked for its context before any provider could answer.
    customElements.define('late-billing-provider', class extends BillingProvider {});
    await find(table, 'tbody tr.row');
    expect(rows(table).length).to.be.greaterThan(0);
  });

  it('keeps elements in step: a change in one shows in the others without a reload', async () => {
    const root = await fixture<HTMLElement>(
      html`<billing-provider base-url=${BASE_URL} lang="en">
        <billing-users-table id="a"></billing-users-table>
        <billing-users-table id="b" tab="not-billed"></billing-users-table>
      </billing-provider>`,
    );
    const a = root.querySelector<BillingUsersTable>('#a')!;
    const b = root.querySelector<BillingUsersTable>('#b')!;
    await find(a, 'tbody tr.row');
    await find(b, 'tbody tr.row');
    const countB = () => text(shadow(b).querySelector('#tab-not-billed'));
    const before = countB();
    const member = [...rows(a)].find((r) => text(r).includes('Member'))!;
    const name = text(member.querySelector('td'));
    member.querySelector('button')!.click();
    const dialog = await find<HTMLDialogElement>(a, 'dialog[open]');
    const changed = oneEvent(document, 'billing-change');
    [...dialog.querySelectorAll('button')].find((x) => text(x) === 'Deactivate')!.click();
    await changed;
    // The other table refetched on its own: the person now appears among the not billed
    // of the coming months' view, and the tab counts were fetched again.
    await waitUntil(() => store().world.people.some((p) => p.name === name && p.deactivatedOn), 'not saved');
    await waitUntil(() => countB() !== '' && b.isConnected, 'b lost');
    const page = await new BillingClient({ baseUrl: BASE_URL }).listUsers({ month: '2026-11', billed: false });
    await waitUntil(
      () => countB().includes(String(page.notBilledCount)),
      `b shows ${countB()}, expected ${page.notBilledCount} (was ${before})`,
    );
  });

  it('refetches only what a change touches: a saved contact leaves the users table alone', async () => {
    const seen: string[] = [];
    const hostFetch = (request: Request): Promise<Response> => {
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname}${url.search}`);
      return fetch(request);
    };
    const provider = await render<BillingProvider>(
      html`<billing-provider base-url=${BASE_URL} lang="en" .fetch=${hostFetch}>
        <billing-users-table></billing-users-table>
        <billing-contacts-editor save-delay="0"></billing-contacts-editor>
        <billing-subscription-overview></billing-subscription-overview>
      </billing-provider>`,
      'billing-provider',
    );
    const table = provider.querySelector<HTMLElement>('billing-users-table')!;
    const editor = provider.querySelector<HTMLElement>('billing-contacts-editor')!;
    const overview = provider.querySelector<HTMLElement>('billing-subscription-overview')!;
    await find(table, 'tbody tr.row');
    await find(editor, '#po-number');
    await find(overview, '.cards');
    const from = seen.length;
    const po = deepQuery<HTMLInputElement>(shadow(editor), '#po-number')!;
    po.focus();
    await sendKeys({ type: '-7' });
    po.blur();
    await waitUntil(() => store().world.subscription.poNumber?.includes('-7'), 'not saved');
    // The overview shows the PO number: it fetches again; the users table does not.
    await waitUntil(() => seen.slice(from).includes('GET /api/billing/subscription'), 'the overview did not refetch');
    await new Promise((r) => setTimeout(r, 300));
    const usersFirstBlock = seen
      .slice(from)
      .filter((s) => s.startsWith('GET /api/billing/users?') && /offset=0\b/.test(s));
    expect(usersFirstBlock).to.deep.equal([]);
  });

  it("passes the host's fetch to every request (for its auth)", async () => {
    const seen: string[] = [];
    const hostFetch = (request: Request): Promise<Response> => {
      seen.push(new URL(request.url).pathname);
      return fetch(request);
    };
    const provider = await render<BillingProvider>(
      html`<billing-provider base-url=${BASE_URL} lang="en" .fetch=${hostFetch}>
        <billing-users-table></billing-users-table>
      </billing-provider>`,
      'billing-provider',
    );
    await find(provider.querySelector('billing-users-table')!, 'tbody tr.row');
    expect(seen).to.include.members(['/api/billing/me', '/api/billing/users']);
  });

  it("speaks the provider's language first, then the page's, then the tenant's", async () => {
    const table = async (attrs: 'nl' | 'none') => {
      const el = await render<BillingUsersTable>(
        attrs === 'nl'
          ? html`<billing-provider base-url=${BASE_URL} lang="nl"
              ><billing-users-table></billing-users-table
            ></billing-provider>`
          : html`<billing-provider base-url=${BASE_URL}><billing-users-table></billing-users-table></billing-provider>`,
        'billing-users-table',
      );
      await find(el, 'tbody tr.row');
      return text(shadow(el).querySelector('#tab-billed'));
    };
    expect(await table('nl')).to.include('Gefactureerde gebruikers');
    const pageLang = document.documentElement.lang;
    try {
      document.documentElement.lang = 'en';
      expect(await table('none')).to.include('Billed users');
      document.documentElement.lang = '';
      // injixo-advanced is a Dutch tenant (nl-NL).
      expect(await table('none')).to.include('Gefactureerde gebruikers');
    } finally {
      document.documentElement.lang = pageLang;
    }
  });

  it('reloads permissions when the host asks (e.g. after a role change)', async () => {
    const provider = await render<BillingProvider>(
      html`<billing-provider base-url=${BASE_URL} lang="en"
        ><billing-users-table></billing-users-table
      ></billing-provider>`,
      'billing-provider',
    );
    const table = provider.querySelector<BillingUsersTable>('billing-users-table')!;
    await find(table, 'tbody tr.row');
    store().setSession({ role: 'member' });
    provider.reload();
    await find(table, '.state.forbidden');
  });

  it('an element without a provider runs its own session, started again when it is moved in the page', async () => {
    const root = await fixture<HTMLElement>(
      html`<div>
        <section id="a"><billing-invoice-list base-url=${BASE_URL} lang="en"></billing-invoice-list></section>
        <section id="b"></section>
      </div>`,
    );
    const list = root.querySelector<HTMLElement>('billing-invoice-list')!;
    await waitUntil(() => all(list, 'tbody tr').length > 0, 'no invoices listed');
    // Moving an element disconnects it (its session ends) and connects it again: the new
    // session asks /me again, so a role changed meanwhile shows.
    store().setSession({ role: 'member' });
    root.querySelector('#b')!.append(list);
    await find(list, '.state.forbidden');
  });

  describe('asks for nothing before /me says the role may read billing', () => {
    /** Every element, and what shows once its data is there. */
    const ELEMENTS = [
      ['billing-users-table', 'tbody tr.row'],
      ['billing-subscription-overview', '.cards'],
      ['billing-user-count-chart', 'canvas'],
      ['billing-invoice-list', 'tbody tr'],
      ['billing-contacts-editor', 'form'],
    ] as const;

    /** A provider with all five elements, and the requests it sent (`GET /api/billing/me`, …). */
    async function page(): Promise<{ provider: BillingProvider; elements: HTMLElement[]; seen: string[] }> {
      const seen: string[] = [];
      const hostFetch = (request: Request): Promise<Response> => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return fetch(request);
      };
      const provider = await render<BillingProvider>(
        html`<billing-provider base-url=${BASE_URL} lang="en" .fetch=${hostFetch}>
          ${ELEMENTS.map(([tag]) => document.createElement(tag))}
        </billing-provider>`,
        'billing-provider',
      );
      return { provider, elements: ELEMENTS.map(([tag]) => provider.querySelector<HTMLElement>(tag)!), seen };
    }

    // A draft the contacts editor kept (an earlier test's unsaved edit) would show instead of "forbidden".
    beforeEach(() => sessionStorage.clear());

    const forbidden = (elements: HTMLElement[]) => Promise.all(elements.map((el) => find(el, '.state.forbidden')));
    const ready = (elements: HTMLElement[]) => Promise.all(elements.map((el, i) => find(el, ELEMENTS[i]![1], 10_000)));
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

    for (const role of ['member', 'guest']) {
      it(`${role}: one request, GET /me, and every element says it is forbidden`, async () => {
        store().setSession({ role });
        const { elements, seen } = await page();
        await forbidden(elements);
        await settle();
        expect(seen).to.deep.equal(['GET /api/billing/me']);
        for (const el of elements) expect(all(el, '.state.loading'), el.localName).to.have.length(0);
      });
    }

    it('admin: every element shows its data', async () => {
      const { elements, seen } = await page();
      await ready(elements);
      expect(seen[0]).to.equal('GET /api/billing/me');
      // Each element's data is asked for once /me answered.
      expect(seen.length).to.be.greaterThan(ELEMENTS.length);
    });

    it('a member made admin: the reload starts the fetching; made member again, only /me is asked', async () => {
      store().setSession({ role: 'member' });
      const { provider, elements, seen } = await page();
      await forbidden(elements);
      store().setSession({ role: 'admin' });
      provider.reload();
      await ready(elements);
      expect(seen.filter((s) => s !== 'GET /api/billing/me').length).to.be.greaterThan(ELEMENTS.length);

      // The role is taken away: the reload asks /me, and nothing under the old role meanwhile.
      await settle();
      const from = seen.length;
      store().setSession({ role: 'member' });
      provider.reload();
      await forbidden(elements);
      await settle();
      expect(seen.slice(from)).to.deep.equal(['GET /api/billing/me']);
    });
  });
});
