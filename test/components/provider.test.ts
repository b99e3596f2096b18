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

    /**
     * A provider with all five elements, the requests it sent (`GET /api/billing/me`, …) and
     * how many had been sent when `/me` answered (`-1` before).
     */
    async function page(): Promise<{
      provider: BillingProvider;
      elements: HTMLElement[];
      seen: string[];
      sentBeforeMe: () => number;
    }> {
      const seen: string[] = [];
      let beforeMe = -1;
      const hostFetch = (request: Request): Promise<Response> => {
        const what = `${request.method} ${new URL(request.url).pathname}`;
        seen.push(what);
        const answer = fetch(request);
        if (what === ME && beforeMe < 0) void answer.then(() => (beforeMe = seen.length));
        return answer;
      };
      const provider = await render<BillingProvider>(
        html`<billing-provider base-url=${BASE_URL} lang="en" .fetch=${hostFetch}>
          ${ELEMENTS.map(([tag]) => document.createElement(tag))}
        </billing-provider>`,
        'billing-provider',
      );
      const elements = ELEMENTS.map(([tag]) => provider.querySelector<HTMLElement>(tag)!);
      return { provider, elements, seen, sentBeforeMe: () => beforeMe };
    }

    const ME = 'GET /api/billing/me';
    const REMEMBERED = `billing-elements:me:${BASE_URL}`;

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
        expect(seen).to.deep.equal([ME]);
        for (const el of elements) expect(all(el, '.state.loading'), el.localName).to.have.length(0);
      });
    }

    it('admin: every element shows its data', async () => {
      const { elements, seen } = await page();
      await ready(elements);
      expect(seen[0]).to.equal(ME);
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
      expect(seen.filter((s) => s !== ME).length).to.be.greaterThan(ELEMENTS.length);

      // The role is taken away: the reload asks /me, and nothing under the old role meanwhile.
      await settle();
      const from = seen.length;
      store().setSession({ role: 'member' });
      provider.reload();
      await forbidden(elements);
      await settle();
      expect(seen.slice(from)).to.deep.equal([ME]);
    });

    describe('a later load in the tab (a reload, the page opened again)', () => {
      /** The first load in the tab, as admin: /me's answer is remembered. */
      async function loadedBefore(): Promise<void> {
        const { elements, provider } = await page();
        await ready(elements);
        provider.remove();
        expect(JSON.parse(sessionStorage.getItem(REMEMBERED)!)).to.include({ role: 'admin', canRead: true });
      }

      it('asks for its data beside /me, and shows it once /me answered', async () => {
        await loadedBefore();
        store().setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 1500 }]);
        const { elements, seen, sentBeforeMe } = await page();
        // /me is on its way: every element has asked for its data, and shows none yet.
        await waitUntil(() => seen.length > ELEMENTS.length, 'the data was not asked for beside /me', {
          timeout: 1200,
        });
        await settle();
        expect(sentBeforeMe(), '/me answered too soon for this test').to.equal(-1);
        elements.forEach((el, i) => {
          expect(all(el, ELEMENTS[i]![1]), `${el.localName} shows data before /me answered`).to.have.length(0);
          expect(all(el, '.state.loading'), el.localName).to.have.length(1);
        });
        await ready(elements);
        expect(sentBeforeMe()).to.be.greaterThan(ELEMENTS.length);
        expect(seen[0]).to.equal(ME);
        // /me confirmed the remembered answer: nothing is asked again.
        const sent = seen.length;
        await settle();
        expect(seen.length).to.equal(sent);
        for (const el of elements) expect(all(el, '.state.error'), el.localName).to.have.length(0);
      });

      it('a role taken away meanwhile: /me says so, every element is forbidden, and the next load asks only /me', async () => {
        await loadedBefore();
        store().setSession({ role: 'member' });
        const first = await page();
        await forbidden(first.elements);
        await settle();
        for (const el of first.elements)
          expect(all(el, 'tbody tr, .cards, canvas, form'), el.localName).to.have.length(0);
        expect(sessionStorage.getItem(REMEMBERED)).to.equal(null);
        first.provider.remove();

        const next = await page();
        await forbidden(next.elements);
        await settle();
        expect(next.seen).to.deep.equal([ME]);
      });

      it("the tenant's day moved meanwhile: the elements ask again with /me's answer, and show its month", async () => {
        await loadedBefore();
        const was = store().today;
        const next = `${was.slice(0, 4)}-${String(Number(was.slice(5, 7)) + 1).padStart(2, '0')}-15`;
        if (was.slice(5, 7) === '12') throw new Error(`the scenario's day ${was} is in December: pick another month`);
        store().setToday(next);
        store().setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 800 }]);
        const { elements, seen, sentBeforeMe } = await page();
        const table = elements[0] as BillingUsersTable;
        // The remembered day's month first, then /me's.
        await waitUntil(() => sentBeforeMe() > 0, '/me never answered', { timeout: 5000 });
        await waitUntil(
          () => shadow(table).querySelector('select')?.value === next.slice(0, 7),
          "the new day's month is not shown",
        );
        await ready(elements);
        expect(
          seen.slice(sentBeforeMe()).filter((s) => s.startsWith('GET /api/billing/users')).length,
        ).to.be.greaterThan(0);
      });

      const admin = {
        role: 'admin',
        today: '2026-11-22',
        canRead: true,
        canWrite: true,
        tenantId: 't',
        locale: 'en',
        timeZone: 'UTC',
        currency: 'EUR',
      };
      const records = {
        'of another shape': JSON.stringify({ canRead: true, role: 'admin' }),
        'not JSON': '{"canRead": true,',
        'too long to be a /me answer': JSON.stringify({ ...admin, role: 'a'.repeat(5000) }),
      };
      for (const [what, record] of Object.entries(records)) {
        it(`a remembered record ${what} is forgotten: nothing is asked before /me answered`, async () => {
          sessionStorage.setItem(REMEMBERED, record);
          store().setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 500 }]);
          const { elements, seen, sentBeforeMe } = await page();
          await ready(elements);
          expect(sentBeforeMe()).to.equal(1);
          expect(seen[0]).to.equal(ME);
          // What /me answered is remembered in its place.
          expect(JSON.parse(sessionStorage.getItem(REMEMBERED)!)).to.include({ role: 'admin', canRead: true });
        });
      }

      it("a failed /me shows its error, not the remembered role's data, and forgets it", async () => {
        await loadedBefore();
        store().setFaults([{ operation: 'getMe', kind: 'error-500' }]);
        const { elements } = await page();
        await Promise.all(elements.map((el) => find(el, '.state.error')));
        await settle();
        for (const el of elements) expect(all(el, 'tbody tr, .cards, canvas, form'), el.localName).to.have.length(0);
        expect(sessionStorage.getItem(REMEMBERED)).to.equal(null);
      });
    });
  });
});
