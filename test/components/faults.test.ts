/**
 * Every element against every fault a backend or a network can throw at it, in Chromium
 * against the real mock: what it shows (never a blank box, never an endless skeleton), the
 * way out (a retry that works, or recovery on its own when the cause goes), and where the
 * focus lands. A hanging request ends at the provider's deadline (here 400 ms), not after
 * a real wait.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BillingProvider } from '../../src/context/billing-provider.js';
import type { Fault } from '../../mocks/store/store.js';
import { onFirstUse, type BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import {
  all,
  deepActiveElement,
  find,
  render,
  shadow,
  text,
  useMockBackend,
  waitForText,
  BASE_URL,
} from './support.js';

const store = useMockBackend('injixo-advanced');

/** Each element, the request its data comes from, and what shows once it is there. */
const ELEMENTS = [
  { tag: 'billing-users-table', operation: 'listUsers', ready: 'tbody tr.row' },
  { tag: 'billing-subscription-overview', operation: 'getSubscription', ready: '.cards' },
  { tag: 'billing-user-count-chart', operation: 'getDailyUsage', ready: 'canvas' },
  { tag: 'billing-invoice-list', operation: 'listInvoices', ready: 'tbody tr' },
  { tag: 'billing-contacts-editor', operation: 'getBillingDetails', ready: 'form' },
] as const;

const DEADLINES = { read: 400, write: 400, file: 400 };

async function mount(tag: string): Promise<{ el: HTMLElement; provider: BillingProvider }> {
  const host = document.createElement('div');
  const provider = document.createElement('billing-provider');
  provider.baseUrl = BASE_URL;
  provider.lang = 'en';
  provider.deadlines = DEADLINES;
  const el = document.createElement(tag);
  provider.append(el);
  host.append(provider);
  const root = await render<HTMLDivElement>(html`<div></div>`, 'div');
  root.append(host);
  return { el, provider };
}

/** What the element shows is one of its states or its content: never nothing. */
function shows(el: HTMLElement): string {
  const t = text(shadow(el));
  expect(t.length, `${el.localName} shows nothing`).to.be.greaterThan(10);
  return t;
}

/** No skeleton left once a failure is known. */
function noSkeleton(el: HTMLElement): void {
  expect(all(el, '.state.loading'), `${el.localName} still shows a skeleton`).to.have.length(0);
}

/** Presses the error state's "Try again" by keyboard; the focus moves on to the new state, not to the page. */
async function retryByKeyboard(el: HTMLElement): Promise<void> {
  const retry = await find<HTMLButtonElement>(el, '.state.error [part~="retry-button"]');
  retry.focus();
  await sendKeys({ press: 'Enter' });
}

async function focusStaysIn(el: HTMLElement): Promise<void> {
  await waitUntil(() => deepActiveElement() !== document.body, 'the focus fell to the page body', { timeout: 4000 });
  const active = deepActiveElement()!;
  expect(el.contains(active) || el.shadowRoot!.contains(active) || active.getRootNode() !== document).to.equal(true);
}

const setFaults = (faults: Fault[]) => store().setFaults(faults);

for (const { tag, operation, ready } of ELEMENTS) {
  describe(`<${tag}> under faults`, () => {
    it('500: says so in words, and "Try again" by keyboard shows the data with the focus in the element', async () => {
      // Until the error shows (not `times: 1`: a stray request of an earlier test's element
      // could take a one-time fault; the full CI run saw this once for the overview).
      setFaults([{ operation, kind: 'error-500' }]);
      const { el } = await mount(tag);
      const error = await find(el, '.state.error');
      expect(text(error)).to.include('had a problem');
      noSkeleton(el);
      setFaults([]);
      await retryByKeyboard(el);
      await find(el, ready);
      await focusStaysIn(el);
    });

    it('a request that hangs ends at the deadline: "taking longer than expected", and the retry works', async () => {
      setFaults([{ operation, kind: 'hang' }]);
      const { el } = await mount(tag);
      const error = await find(el, '.state.error', 5000);
      expect(text(error)).to.include('taking longer than expected');
      noSkeleton(el);
      setFaults([]);
      await retryByKeyboard(el);
      await find(el, ready);
      await focusStaysIn(el);
    });

    // The page's network cannot really go down here (the test runner talks to the page
    // over it): no answer from the service, then the browser's `online` event.
    it('offline: says the service cannot be reached, and recovers by itself when back online', async () => {
      setFaults([{ operation, kind: 'network-error' }]);
      const { el } = await mount(tag);
      const error = await find(el, '.state.error');
      expect(text(error)).to.include('could not be reached');
      setFaults([]);
      window.dispatchEvent(new Event('online'));
      await find(el, ready);
    });

    it('429: says when it tries again, and does so on its own after Retry-After', async () => {
      setFaults([{ operation, kind: 'rate-limit-429', retryAfter: 1, times: 1 }]);
      const { el } = await mount(tag);
      await waitForText(el, 'Trying again in 1 second');
      noSkeleton(el);
      await find(el, ready, 5000);
    });

    it('401 (signed out): says the session ended; after signing in, "Try again" shows the data', async () => {
      store().setSession({ role: null });
      const { el } = await mount(tag);
      await waitForText(el, 'Sign in again');
      noSkeleton(el);
      expect(all(el, ready)).to.have.length(0);
      store().setSession({ role: 'admin' });
      await retryByKeyboard(el);
      await find(el, ready);
    });

    it('403 (a member): forbidden; made admin, the provider’s reload shows the data', async () => {
      store().setSession({ role: 'member' });
      const { el, provider } = await mount(tag);
      await find(el, '.state.forbidden');
      store().setSession({ role: 'admin' });
      provider.reload();
      await find(el, ready);
    });

    for (const kind of ['error-500', 'network-error', 'hang', 'rate-limit-429'] as const) {
      it(`/me fails (${kind}): an error with a retry, never a skeleton nor a silent read-only view`, async () => {
        setFaults([{ operation: 'getMe', kind, ...(kind === 'rate-limit-429' ? { retryAfter: 60 } : {}) }]);
        const { el } = await mount(tag);
        const error = await find(el, '.state.error', 5000);
        expect(text(error)).to.include('Your access to billing could not be checked');
        noSkeleton(el);
        expect(all(el, ready)).to.have.length(0);
        shows(el);
        setFaults([]);
        await retryByKeyboard(el);
        await find(el, ready);
        await focusStaysIn(el);
      });
    }
  });
}

describe('a chunk that fails to load', () => {
  it('the chart shows its table, and draws itself once the browser is back online', async () => {
    const real = onFirstUse.chart;
    onFirstUse.chart = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const { el } = await mount('billing-user-count-chart');
      await waitForText(el, 'The chart could not be drawn');
      expect((await find<HTMLButtonElement>(el, '[part=table-toggle]')).disabled).to.equal(true);
      onFirstUse.chart = real;
      window.dispatchEvent(new Event('online'));
      await find(el, 'canvas');
      await waitUntil(() => (el as BillingUserCountChart).chart, 'no chart drawn');
      expect((await find<HTMLButtonElement>(el, '[part=table-toggle]')).disabled).to.equal(false);
    } finally {
      onFirstUse.chart = real;
    }
  });
});

describe('a save that hangs', () => {
  it('is "Not saved" at the deadline, with the edit kept and a retry that saves it', async () => {
    setFaults([{ operation: 'putBillingDetails', kind: 'hang' }]);
    const { el } = await mount('billing-contacts-editor');
    const city = await find<HTMLInputElement>(el, '#city');
    city.focus();
    city.select();
    await sendKeys({ type: 'Zeist' });
    const status = () => text(shadow(el).querySelector('[part=save-status] .status-text'));
    await waitUntil(() => status().startsWith('Not saved.'), `no failure shown (was "${status()}")`, { timeout: 8000 });
    expect(status()).to.include('taking longer than expected');
    expect(city.value).to.equal('Zeist');
    setFaults([]);
    (await find<HTMLButtonElement>(el, '[part=retry-button]')).click();
    await waitUntil(() => status() === 'Saved', 'never saved', { timeout: 8000 });
    expect(store().world.billingDetails!.address.city).to.equal('Zeist');
  });
});

describe('the session', () => {
  it('keeps what is on screen while the provider reloads, and after a failed /me says so in every element', async () => {
    const root = await render<HTMLElement>(
      html`<billing-provider base-url=${BASE_URL} lang="en" .deadlines=${DEADLINES}>
        ${ELEMENTS.map(({ tag }) => document.createElement(tag))}
      </billing-provider>`,
      'billing-provider',
    );
    const provider = root as BillingProvider;
    const elements = ELEMENTS.map(({ tag }) => provider.querySelector<HTMLElement>(tag)!);
    await Promise.all(elements.map((el, i) => find(el, ELEMENTS[i]!.ready, 10_000)));
    setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 600, times: 1 }]);
    provider.reload();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Halfway through the reload, the rows are still there.
    for (const [i, el] of elements.entries())
      expect(all(el, ELEMENTS[i]!.ready).length, el.localName).to.be.greaterThan(0);
    setFaults([{ operation: 'getMe', kind: 'error-500' }]);
    provider.reload();
    for (const el of elements) {
      await waitForText(el, 'Your access to billing could not be checked');
      noSkeleton(el);
    }
    setFaults([]);
    await retryByKeyboard(elements[0]!);
    await Promise.all(elements.map((el, i) => find(el, ELEMENTS[i]!.ready, 10_000)));
  });

  it('the chart’s own figures (the host’s data) need no /me', async () => {
    setFaults([{ operation: 'getMe', kind: 'error-500' }]);
    const el = await render<HTMLElement>(
      html`<billing-provider base-url=${BASE_URL} lang="en"
        ><billing-user-count-chart
          .data=${{
            month: '2026-11',
            days: [{ date: '2026-11-01', count: 3 }],
            peak: { count: 3, on: '2026-11-01' },
            includedUsers: null,
            provisional: false,
          }}
        ></billing-user-count-chart
      ></billing-provider>`,
      'billing-user-count-chart',
    );
    await find(el, 'canvas');
    expect(all(el, '.state.error')).to.have.length(0);
  });
});
