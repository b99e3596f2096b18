/**
 * The invoice list explains its figures (issue 15): each line of an invoice shows its
 * arithmetic and it adds up, the tax shows its own, the rounding rule is stated once; the
 * user count, extra users, users and licenses lines open the people behind them (a
 * cancelable `billing-people`); the credit ledger says where the credit came from and
 * went, and the entries add up to the balance.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { recordPayment } from '../../mocks/engine/payments.js';
import type { World } from '../../mocks/engine/types.js';
import { BillingClient, type CreditEntry, type Invoice } from '../../src/client/index.js';
import { parts } from '../../src/components/invoice-list/invoice-detail.js';
import type { BillingInvoiceList } from '../../src/components/invoice-list/invoice-list.js';
import type { BillingPeopleEvent, PeopleQuery } from '../../src/internal/events.js';
import { privateElement } from '../../src/internal/private-element.js';
import {
  all,
  BASE_URL,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  find,
  render,
  shadow,
  text,
  useMockBackend,
} from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

async function list(lang = 'en'): Promise<BillingInvoiceList> {
  const el = await render<BillingInvoiceList>(
    html`<billing-provider base-url=${BASE_URL} lang=${lang}
      ><billing-invoice-list page-size="100"></billing-invoice-list
    ></billing-provider>`,
    'billing-invoice-list',
  );
  await find(el, 'tbody tr', 10_000);
  await waitUntil(() => !shadow(el).querySelector('table[aria-busy="true"]'), 'the list kept loading');
  return el;
}

/** Opens the invoice whose button reads `label` and waits for its lines. */
async function openDetail(el: BillingInvoiceList, label: string): Promise<HTMLDialogElement> {
  const b = all<HTMLButtonElement>(el, 'button.link').find((x) => text(x) === label);
  if (!b) throw new Error(`no invoice ${label}`);
  b.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
  await waitUntil(() => deepQuery(dialog, 'table.lines'), `no detail of ${label}`, { timeout: 8000 });
  return dialog;
}

async function closeDetail(el: BillingInvoiceList): Promise<void> {
  shadow(el).querySelector<HTMLDialogElement>('dialog')?.close();
  await waitUntil(() => !shadow(el).querySelector('dialog'), 'the dialog stayed');
}

/** A number as the locale writes it: `1,234.5` (en) or `1.234,5` (nl, de); symbols and words dropped. */
function num(s: string, lang: string): number {
  const bare = s.replace(/[^\d.,-]/g, '');
  const plain = lang === 'en' ? bare.replace(/,/g, '') : bare.replace(/\./g, '').replace(',', '.');
  const n = Number(plain);
  if (plain === '' || !Number.isFinite(n)) throw new Error(`not a number: ${s}`);
  return n;
}

/** Money shown, in minor units (the scenarios' currencies have cents). */
const cents = (s: string, lang = 'en'): number => Math.round(num(s, lang) * 100);
const isMoney = (s: string): boolean => /[€$£]|[A-Z]{3}/.test(s);

/** `n / d` rounded half up, as the contract rounds each line and the tax once. */
const halfUp = (n: number, d: number): number => Math.floor((2 * n + d) / (2 * d));

/**
 * Reads "2 licenses × €20.00 × 6 months × 91/181 days = €120.66" back: the counts, the one
 * unit price and the share of days multiplied, rounded half up once; and the amount shown.
 */
function redo(math: string, lang = 'en'): { shown: number; computed: number } {
  const [left, right] = math.split(' = ');
  expect(right, math).to.be.a('string');
  let n = 1;
  let d = 1;
  let prices = 0;
  for (const factor of left!.split(' × ')) {
    const share = /^([\d.,]+)\/([\d.,]+)(?: \p{L}+)?$/u.exec(factor);
    if (isMoney(factor)) {
      n *= cents(factor, lang);
      prices++;
    } else if (share) {
      n *= num(share[1]!, lang);
      d *= num(share[2]!, lang);
    } else {
      expect(factor, math).to.match(/^[\d.,]+( \p{L}+)?$/u);
      n *= num(factor, lang);
    }
  }
  expect(prices, `one unit price in ${math}`).to.equal(1);
  return { shown: cents(right!, lang), computed: halfUp(n, d) };
}

/** Checks every line's arithmetic, the tax's and the rounding rule of the invoice shown in `dialog`. */
function expectArithmetic(dialog: HTMLElement, invoice: Invoice, lang = 'en'): string[] {
  const where = invoice.number || 'upcoming';
  const rows = deepQueryAll<HTMLTableRowElement>(dialog, 'tbody tr.line');
  const lines = invoice.lines.filter((l) => l.kind !== 'credit');
  expect(
    rows.map((r) => r.dataset['kind']),
    where,
  ).to.deep.equal(lines.map((l) => l.kind));
  const kinds: string[] = [];
  lines.forEach((line, i) => {
    const math = rows[i]!.querySelector('.math');
    if (line.informative) {
      expect(math, `${where} ${line.kind}`).to.equal(null);
      return;
    }
    const { shown, computed } = redo(text(math), lang);
    expect(computed, `${where}: ${text(math)}`).to.equal(shown);
    expect(shown, `${where}: ${text(math)} is the API's amount`).to.equal(line.amount);
    expect(cents(text(rows[i]!.querySelector('.amount')), lang), where).to.equal(line.amount);
    kinds.push(line.kind);
  });
  // The tax: "21% of €1,234.00 = €259.14", on the subtotal shown, rounded half up.
  const tax = text(deepQuery(dialog, '.totals .tax .math'));
  const m = /^([\d.,]+) ?% \p{L}+ (.+) = (.+)$/u.exec(tax);
  expect(m, tax).to.not.equal(null);
  const rate = Math.round(num(m![1]!, lang) * 100); // basis points
  const subtotal = cents(m![2]!, lang);
  expect(rate, tax).to.equal(invoice.taxRate);
  expect(subtotal, tax).to.equal(cents(text(deepQuery(dialog, '.totals .subtotal dd')), lang));
  expect(subtotal, `${where}: the lines add up to the subtotal`).to.equal(
    lines.filter((l) => !l.informative).reduce((s, l) => s + l.amount, 0),
  );
  expect(halfUp(subtotal * rate, 10_000), tax).to.equal(cents(m![3]!, lang));
  expect(cents(m![3]!, lang), tax).to.equal(invoice.tax);
  // The rounding rule, once.
  expect(deepQueryAll(dialog, '.rounding'), where).to.have.length(1);
  return kinds;
}

/** Records `billing-people` on the document; with `cancel`, the host handles it (no dialog). */
function listenPeople(cancel: boolean): { events: PeopleQuery[]; stop(): void } {
  const events: PeopleQuery[] = [];
  const on = (e: BillingPeopleEvent) => {
    events.push(e.detail);
    if (cancel) e.preventDefault();
  };
  document.addEventListener('billing-people', on);
  return { events, stop: () => document.removeEventListener('billing-people', on) };
}

/** Every entry of the ledger, from the API. */
async function ledgerEntries(): Promise<CreditEntry[]> {
  const first = await client.listCredit({ limit: 500 });
  return first.entries;
}

/** Adds `n` payments on account (after everything is paid: each one becomes credit). */
function withPaymentsOnAccount(amounts: number[]): void {
  let w: World = store().world;
  for (const amount of amounts) w = { ...w, payments: [...w.payments, ...recordPayment(w, { amount })] };
  store().loadWorld(w);
}

describe('<billing-invoice-list> explains its figures', () => {
  describe('the arithmetic of every line adds up', () => {
    for (const [scenario, model] of [
      ['injixo-advanced', 'peak-daily'],
      ['injixo-classic', 'per-user'],
      ['workplace-advanced', 'invited'],
      ['workplace-trial', 'full-month'],
      ['severa-prepaid', 'prepaid-licenses'],
      ['m365-declined', 'prepaid-licenses with a proration'],
    ] as const) {
      it(`${scenario} (${model}): every invoice, every line, the tax`, async function () {
        this.timeout(120_000);
        store().loadScenario(scenario);
        const el = await list();
        const issued = (await client.listInvoices({ limit: 100 })).items;
        const upcoming = await client.getUpcomingInvoice();
        const kinds = new Set<string>();
        for (const summary of [upcoming, ...issued]) {
          const invoice = summary.status === 'upcoming' ? upcoming : await client.getInvoice(summary.id);
          const dialog = await openDetail(el, summary.status === 'upcoming' ? 'Upcoming invoice' : summary.number);
          for (const k of expectArithmetic(dialog, invoice)) kinds.add(k);
          await closeDetail(el);
        }
        const expected: Record<typeof model, string[]> = {
          'peak-daily': ['base-fee', 'extra-users'],
          'per-user': ['users'],
          invited: ['users'],
          'full-month': ['users'],
          'prepaid-licenses': ['licenses'],
          'prepaid-licenses with a proration': ['licenses', 'proration'],
        };
        for (const k of expected[model]) expect([...kinds], scenario).to.include(k);
      });
    }

    it('reads "2 licenses × €20.00 × 6 months × 91/181 days = €120.66" on a proration, not "18 × €20.00"', async () => {
      store().loadScenario('m365-declined');
      const el = await list();
      const invoices = await Promise.all(
        (await client.listInvoices({ limit: 100 })).items.map((i) => client.getInvoice(i.id)),
      );
      const invoice = invoices.find((i) => i.lines.some((l) => l.kind === 'proration'))!;
      const line = invoice.lines.find((l) => l.kind === 'proration')!;
      const p = line.params as { licenses: number; months: number; days: number; periodDays: number };
      const dialog = await openDetail(el, invoice.number);
      const row = deepQuery(dialog, 'tr.proration')!;
      const unit = new Intl.NumberFormat('en', { style: 'currency', currency: invoice.currency }).format(
        line.unitPrice / 100,
      );
      const amount = new Intl.NumberFormat('en', { style: 'currency', currency: invoice.currency }).format(
        line.amount / 100,
      );
      expect(text(row.querySelector('.math'))).to.equal(
        `${p.licenses} license${p.licenses === 1 ? '' : 's'} × ${unit} × ${p.months} month${p.months === 1 ? '' : 's'} × ` +
          `${p.days}/${p.periodDays} days = ${amount}`,
      );
      // The quantity column says the share of the period too: quantity × unit price is the amount.
      expect(text(row.querySelector('.quantity'))).to.equal(`${line.quantity} × ${p.days}/${p.periodDays}`);
      await expect(el).to.be.accessible();
    });

    it('in Dutch and German, the arithmetic still adds up', async function () {
      this.timeout(30_000);
      store().loadScenario('m365-declined');
      for (const lang of ['nl', 'de']) {
        const el = await list(lang);
        const invoices = await Promise.all(
          (await client.listInvoices({ limit: 100 })).items.map((i) => client.getInvoice(i.id)),
        );
        const added = invoices.find((i) => i.lines.some((l) => l.kind === 'proration'))!;
        const dialog = await openDetail(el, added.number);
        expectArithmetic(dialog, added, lang);
        const math = text(deepQuery(dialog, 'tr.proration .math'));
        expect(math).to.match(lang === 'nl' ? / dag(en)? = / : / Tage? = /);
        expect(text(deepQuery(dialog, '.rounding'))).to.include(
          lang === 'nl' ? 'op de cent afgerond' : 'auf den Cent gerundet',
        );
        await closeDetail(el);
        el.closest('billing-provider')!.remove();
      }
    });
  });

  describe('the people behind a line', () => {
    it('user count and extra users: a host that cancels billing-people gets the figure, and no dialog opens', async () => {
      const el = await list();
      const page = await client.listInvoices({ limit: 1 });
      const invoice = await client.getInvoice(page.items[0]!.id);
      const userCount = invoice.lines.find((l) => l.kind === 'user-count')!;
      const extra = invoice.lines.find((l) => l.kind === 'extra-users')!;
      const dialog = await openDetail(el, invoice.number);
      const host = listenPeople(true);
      try {
        const byCount = deepQuery<HTMLButtonElement>(dialog, 'tr.user-count button.people')!;
        expect(text(byCount)).to.equal(`Show the ${userCount.quantity} billed users`);
        byCount.click();
        deepQuery<HTMLButtonElement>(dialog, 'tr.extra-users button.people')!.click();
        await new Promise((r) => setTimeout(r, 300));
        expect(host.events).to.deep.equal([
          { month: invoice.periodStart.slice(0, 7), figure: 'user-count', count: userCount.quantity },
          { month: invoice.periodStart.slice(0, 7), figure: 'extra-users', count: extra.peak!.count },
        ]);
        // The billed users are the peak: the count a host gets is the one on the invoice.
        expect(extra.peak!.count).to.equal(userCount.quantity);
        expect(deepQuery(document.body, 'billing-people-dialog')).to.equal(null);
      } finally {
        host.stop();
      }
    });

    it('opens with Enter and with Space', async () => {
      const el = await list();
      const invoice = (await client.listInvoices({ limit: 1 })).items[0]!;
      const dialog = await openDetail(el, invoice.number);
      const host = listenPeople(true);
      try {
        deepQuery<HTMLButtonElement>(dialog, 'tr.user-count button.people')!.focus();
        await sendKeys({ press: 'Enter' });
        await sendKeys({ press: 'Space' });
        await waitUntil(() => host.events.length === 2, 'Enter and Space did not both open the people');
        expect(host.events.map((e) => e.figure)).to.deep.equal(['user-count', 'user-count']);
      } finally {
        host.stop();
      }
    });

    it('users (per user) and licenses lines: the billed users, the licenses', async () => {
      for (const [scenario, kind] of [
        ['injixo-classic', 'users'],
        ['severa-prepaid', 'licenses'],
      ] as const) {
        store().loadScenario(scenario);
        const el = await list();
        const invoice = await client.getInvoice((await client.listInvoices({ limit: 1 })).items[0]!.id);
        const line = invoice.lines.find((l) => l.kind === kind)!;
        const dialog = await openDetail(el, invoice.number);
        const host = listenPeople(true);
        try {
          deepQuery<HTMLButtonElement>(dialog, `tr.${kind} button.people`)!.click();
          await waitUntil(() => host.events.length === 1, `no billing-people from the ${kind} line`);
          expect(host.events[0]).to.deep.equal({
            month: invoice.periodStart.slice(0, 7),
            figure: kind,
            count: kind === 'licenses' ? line.params!.licenses : line.quantity,
          });
        } finally {
          host.stop();
        }
        el.closest('billing-provider')!.remove();
      }
    });

    it('without a host that handles it, the people open in a dialog', async () => {
      const el = await list();
      const invoice = (await client.listInvoices({ limit: 1 })).items[0]!;
      const dialog = await openDetail(el, invoice.number);
      const host = listenPeople(false);
      try {
        deepQuery<HTMLButtonElement>(dialog, 'tr.user-count button.people')!.click();
        await waitUntil(() => deepQuery(shadow(el), 'billing-people-dialog'), 'no people dialog', { timeout: 8000 });
        expect(host.events).to.have.length(1);
      } finally {
        host.stop();
      }
    });
  });

  describe('the credit, traced', () => {
    it('the ledger lists where the credit came from and went, newest first, paged; it adds up to the balance', async function () {
      this.timeout(30_000);
      store().loadScenario('injixo-classic');
      withPaymentsOnAccount([1_000, 2_500, 120, 75, 3_000, 410, 999, 1, 250, 600, 80, 1_234]);
      const el = await list();
      const api = await client.listCredit({ limit: 500 });
      expect(api.total).to.be.greaterThan(10); // more than a page
      const balanceShown = text(all(el, '.summary .tile')[1]!.querySelector('.figure'));
      // Keyboard only: to the credit balance, Enter.
      const opener = all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!;
      expect(text(opener)).to.equal('Credit balance');
      opener.focus();
      await sendKeys({ press: 'Enter' });
      const ledger = await find(el, 'billing-credit-ledger');
      await waitUntil(() => deepQuery(ledger.shadowRoot!, 'dialog[open] tbody tr'), 'the ledger did not show', {
        timeout: 8000,
      });
      const dialog = deepQuery<HTMLDialogElement>(ledger.shadowRoot!, 'dialog')!;
      expect(text(deepQuery(dialog, 'h2'))).to.equal('Credit');
      expect(text(deepQuery(dialog, '.balance'))).to.equal(`Credit balance now: ${balanceShown}`);
      expect(cents(balanceShown)).to.equal(api.balance);
      await expect(ledger).to.be.accessible();
      // Read every page, moving with the keyboard.
      const seen: { date: string; entry: string; amount: number; after: number }[] = [];
      for (;;) {
        await waitUntil(() => deepQuery(dialog, 'table[aria-busy="false"]'), 'a page kept loading');
        for (const r of deepQueryAll(dialog, 'tbody tr')) {
          seen.push({
            date: text(r.querySelector('.date')),
            entry: text(r.querySelector('.entry')),
            amount: cents(text(r.querySelector('.amount')).replace('−', '-')),
            after: cents(text(r.querySelector('.after'))),
          });
        }
        const next = deepQueryAll<HTMLButtonElement>(dialog, '.pager button').find((b) => text(b).startsWith('Next'));
        if (!next || next.disabled) break;
        const range = text(deepQuery(dialog, '.range'));
        next.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => text(deepQuery(dialog, '.range')) !== range, 'Next did not turn the page');
      }
      expect(seen).to.have.length(api.total);
      // Signs as shown: + adds, − uses; every entry's balance is the one before it (older) plus its amount.
      const all_ = await ledgerEntries();
      seen.forEach((s, i) => {
        expect(s.amount, s.entry).to.equal(all_[i]!.amount);
        const before = i + 1 < seen.length ? seen[i + 1]!.after : 0;
        expect(s.after, s.entry).to.equal(before + s.amount);
      });
      // The entries add up to the balance on screen and to the API's.
      expect(seen.reduce((sum, s) => sum + s.amount, 0)).to.equal(cents(balanceShown));
      expect(seen[0]!.after).to.equal(api.balance);
      expect(seen.some((s) => s.entry === 'Payment on account')).to.equal(true);
      expect(seen.some((s) => /^Applied to INV-\d{4}-\d{4}$/.test(s.entry))).to.equal(true);
      // Escape closes it; the focus is back on the credit balance.
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !deepQuery(shadow(el), 'billing-credit-ledger'), 'the ledger stayed');
      expect(deepActiveElement()).to.equal(opener);
    });

    it('the credit line of an invoice names the ledger entries it came from', async () => {
      store().loadScenario('injixo-classic');
      const el = await list();
      const withCredit = (await client.listInvoices({ limit: 100 })).items.find((i) => i.amountDue < i.total)!;
      const invoice = await client.getInvoice(withCredit.id);
      const entries = await ledgerEntries();
      const applied = entries.find((e) => e.kind === 'applied' && e.invoiceId === invoice.id)!;
      expect(-applied.amount).to.equal(invoice.creditApplied);
      const dialog = await openDetail(el, invoice.number);
      await waitUntil(() => deepQuery(dialog, '.credit-source'), 'no credit source', { timeout: 8000 });
      const source = text(deepQuery(dialog, '.credit-source'));
      const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${applied.on}T00:00:00Z`),
      );
      expect(source).to.match(new RegExp(`^Taken from your credit on ${date}: `));
      // Each source "<entry> of <date> (<amount>)", adding up to the credit applied; each a credit-making entry.
      const items = [
        ...source.matchAll(/(Overpayment on \S+|Overpayment|Payment on account) of ([^()]+?) \(([^)]+)\)/g),
      ];
      expect(items.length).to.be.greaterThan(0);
      expect(items.reduce((s, m) => s + cents(m[3]!), 0)).to.equal(invoice.creditApplied);
      for (const m of items) {
        expect(
          entries.some(
            (e) =>
              e.amount > 0 &&
              e.on <= applied.on &&
              (m[1] === 'Payment on account') === (e.kind === 'payment-on-account'),
          ),
        ).to.equal(true);
      }
      // And opens the whole ledger.
      const open = deepQueryAll<HTMLButtonElement>(dialog, 'button.ledger')[0]!;
      expect(text(open)).to.equal('Credit history');
      open.click();
      await waitUntil(
        () => deepQuery(deepQuery(dialog, 'billing-credit-ledger')?.shadowRoot ?? dialog, 'dialog[open] tbody tr'),
        'no ledger',
        {
          timeout: 8000,
        },
      );
      await expect(el).to.be.accessible();
    });

    it('the upcoming invoice says which credit it will take', async () => {
      store().loadScenario('injixo-classic');
      withPaymentsOnAccount([5_000]);
      const el = await list();
      const upcoming = await client.getUpcomingInvoice();
      expect(upcoming.creditApplied).to.equal(5_000);
      const dialog = await openDetail(el, 'Upcoming invoice');
      await waitUntil(() => deepQuery(dialog, '.credit-source'), 'no credit source', { timeout: 8000 });
      const source = text(deepQuery(dialog, '.credit-source'));
      expect(source).to.match(/^To be taken from your credit: Payment on account of .+ \(€50\.00\)\.$/);
    });

    it('says when there is no credit yet', async () => {
      const el = await list();
      expect((await client.listCredit()).total).to.equal(0);
      all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!.click();
      const ledger = await find(el, 'billing-credit-ledger');
      await waitUntil(() => deepQuery(ledger.shadowRoot!, '.state.empty'), 'no empty state', { timeout: 8000 });
      expect(text(deepQuery(ledger.shadowRoot!, '.state.empty h2'))).to.equal('No credit yet');
      await expect(ledger).to.be.accessible();
    });

    it('shows the ledger loading, then a failure with a retry that works', async () => {
      store().loadScenario('injixo-classic');
      const el = await list();
      store().setFaults([{ operation: 'listCredit', kind: 'latency', latencyMs: 600, times: 1 }]);
      all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!.click();
      const ledger = await find(el, 'billing-credit-ledger');
      await waitUntil(() => deepQuery(ledger.shadowRoot!, '.state.loading'), 'no loading state');
      await expect(ledger).to.be.accessible();
      await waitUntil(() => deepQuery(ledger.shadowRoot!, 'tbody tr'), 'never loaded', { timeout: 8000 });
      deepQuery<HTMLDialogElement>(ledger.shadowRoot!, 'dialog')!.close();
      await waitUntil(() => !deepQuery(shadow(el), 'billing-credit-ledger'), 'the ledger stayed');

      store().setFaults([{ operation: 'listCredit', kind: 'error-500', times: 1 }]);
      all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!.click();
      const again = await find(el, 'billing-credit-ledger');
      await waitUntil(() => deepQuery(again.shadowRoot!, '.state.error'), 'no error state', { timeout: 8000 });
      expect(text(deepQuery(again.shadowRoot!, '.state.error'))).to.include('The billing service had a problem');
      await expect(again).to.be.accessible();
      deepQuery<HTMLButtonElement>(again.shadowRoot!, '[part~="retry-button"]')!.click();
      await waitUntil(() => deepQuery(again.shadowRoot!, 'tbody tr'), 'the retry did not load the ledger', {
        timeout: 8000,
      });
    });

    it('says so when the ledger cannot be loaded (its chunk)', async () => {
      const el = await list();
      const real = parts.ledger;
      parts.ledger = privateElement(() =>
        Promise.reject<never>(new TypeError('Failed to fetch dynamically imported module')),
      );
      try {
        all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!.click();
        await waitUntil(() => text(shadow(el).querySelector('.status-message')) !== '', 'nothing said');
        expect(text(shadow(el).querySelector('.status-message'))).to.include('could not be reached');
        expect(deepQuery(shadow(el), 'billing-credit-ledger')).to.equal(null);
      } finally {
        parts.ledger = real;
      }
    });
  });

  describe('at 360 px', () => {
    afterEach(() => setViewport({ width: 1280, height: 900 }));

    it('the arithmetic wraps inside the dialog and the ledger fits, nothing scrolls sideways', async () => {
      await setViewport({ width: 360, height: 800 });
      store().loadScenario('m365-declined');
      const el = await list();
      const invoices = await Promise.all(
        (await client.listInvoices({ limit: 100 })).items.map((i) => client.getInvoice(i.id)),
      );
      const added = invoices.find((i) => i.lines.some((l) => l.kind === 'proration'))!;
      const dialog = await openDetail(el, added.number);
      const math = deepQuery(dialog, 'tr.proration .math')!;
      expect(math.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(math.getBoundingClientRect().right).to.be.at.most(dialog.getBoundingClientRect().right);
      expect(dialog.scrollWidth).to.be.at.most(dialog.clientWidth + 1);
      await expect(el).to.be.accessible();
      await closeDetail(el);

      store().loadScenario('injixo-classic');
      withPaymentsOnAccount([1_000, 2_500, 120, 75, 3_000, 410, 999, 1, 250, 600, 80, 1_234]);
      el.refresh();
      await waitUntil(() => !shadow(el).querySelector('table[aria-busy="true"]'), 'the list kept loading');
      all<HTMLButtonElement>(el, '.summary .tile button.link')[0]!.click();
      const ledger = await find(el, 'billing-credit-ledger');
      await waitUntil(() => deepQuery(ledger.shadowRoot!, 'tbody tr'), 'no ledger', { timeout: 8000 });
      const wrap = deepQuery(ledger.shadowRoot!, '.table-wrap')!;
      expect(wrap.scrollWidth, 'the ledger scrolls sideways').to.be.at.most(wrap.clientWidth + 1);
      const box = deepQuery(ledger.shadowRoot!, 'dialog')!.getBoundingClientRect();
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(360);
      await expect(ledger).to.be.accessible();
    });
  });
});
