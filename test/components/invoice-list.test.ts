import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { upcomingInvoice } from '../../mocks/engine/invoices.js';
import { taxOn } from '../../mocks/engine/money.js';
import { recordPayment } from '../../mocks/engine/payments.js';
import type { World } from '../../mocks/engine/types.js';
import { BillingClient, type InvoiceSummary } from '../../src/client/index.js';
import { onFirstUse, type BillingInvoiceList } from '../../src/components/invoice-list/invoice-list.js';
import type { BillingChangeEvent } from '../../src/internal/events.js';
import type { BillingUpdatePaymentMethodEvent } from '../../src/internal/payment-method-event.js';
import { privateElement } from '../../src/internal/private-element.js';
import {
  all,
  BASE_URL,
  deepQuery,
  deepQueryAll,
  find,
  render,
  shadow,
  text,
  useMockBackend,
  waitForText,
} from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

/** Money as the element shows it in English, whitespace folded like `text()`. */
function money(minor: number, currency = 'EUR', locale = 'en'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100).replace(/\s+/g, ' ');
}

async function list(mode: 'provider' | 'standalone' | 'nl' = 'provider'): Promise<BillingInvoiceList> {
  const el = await render<BillingInvoiceList>(
    mode === 'standalone'
      ? html`<billing-invoice-list base-url=${BASE_URL} lang="en"></billing-invoice-list>`
      : html`<billing-provider base-url=${BASE_URL} lang=${mode === 'nl' ? 'nl' : 'en'}
          ><billing-invoice-list></billing-invoice-list
        ></billing-provider>`,
    'billing-invoice-list',
  );
  await find(el, 'tbody tr', 10_000);
  await settled(el);
  return el;
}

/** Waits until no list request is in flight. */
async function settled(el: BillingInvoiceList): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('table[aria-busy="true"]') === null, 'the list kept loading', {
    timeout: 10_000,
  });
  await el.updateComplete;
}

function rows(el: HTMLElement): HTMLTableRowElement[] {
  return all<HTMLTableRowElement>(el, 'tbody tr');
}

function issuedRows(el: HTMLElement): HTMLTableRowElement[] {
  return rows(el).filter((r) => !r.classList.contains('upcoming'));
}

/** The button labelled `label` in `root`, in the shadow roots inside it, or slotted into it. */
function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const slotted = deepQueryAll<HTMLSlotElement>(root, 'slot').flatMap((s) => s.assignedElements({ flatten: true }));
  const buttons = [root, ...slotted].flatMap((r) => [
    ...(r instanceof HTMLButtonElement ? [r] : []),
    ...deepQueryAll<HTMLButtonElement>(r, 'button'),
  ]);
  const found = buttons.find((b) => (typeof label === 'string' ? text(b) === label : label.test(text(b))));
  if (!found) throw new Error(`no button "${String(label)}"`);
  return found;
}

function select(el: HTMLElement, label: string): HTMLSelectElement {
  const l = all<HTMLLabelElement>(el, '.toolbar label').find((x) => text(x).startsWith(label));
  if (!l) throw new Error(`no ${label} filter`);
  return l.querySelector('select')!;
}

async function choose(el: BillingInvoiceList, label: string, value: string): Promise<void> {
  const s = select(el, label);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
  await settled(el);
}

/** Asserts the issued rows show the page's invoices: number, period, amount and status, in order. */
function expectRows(el: HTMLElement, items: InvoiceSummary[]): void {
  const shown = issuedRows(el);
  expect(shown.map((r) => text(r.querySelector('button.link')))).to.deep.equal(items.map((i) => i.number));
  const labels: Record<string, string> = {
    open: 'Open',
    paid: 'Paid',
    past_due: 'Past due',
    payment_failed: 'Payment failed',
  };
  items.forEach((inv, i) => {
    const row = shown[i]!;
    expect(text(row.querySelector('.col-amount .money')), inv.number).to.equal(money(inv.total, inv.currency));
    expect(text(row.querySelector('.badge')), inv.number).to.match(new RegExp(`^${labels[inv.status]}`));
  });
}

async function openDetail(el: BillingInvoiceList, label: string): Promise<HTMLDialogElement> {
  const b = all<HTMLButtonElement>(el, 'button.link').find((x) => text(x) === label);
  if (!b) throw new Error(`no invoice ${label}`);
  b.click();
  const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
  await waitUntil(() => deepQuery(dialog, 'table.lines') || deepQuery(dialog, '.state.error'), 'no detail');
  return dialog;
}

/** Captures the next download: the blob given to `URL.createObjectURL` and the `<a download>` name. */
async function captureDownload(act: () => void): Promise<{ blob: Blob; fileName: string }> {
  let blob: Blob | undefined;
  let fileName: string | undefined;
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (b: Blob | MediaSource) => {
    blob = b as Blob;
    return createObjectURL.call(URL, b);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download)
      fileName = this.download; // no real download in the test browser
    else click.call(this);
  };
  try {
    act();
    await waitUntil(() => blob && fileName, 'no download');
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return { blob: blob!, fileName: fileName! };
}

/** The chunks of the list's parts loaded on demand that this page fetched so far. */
function partsFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map(
      (e) =>
        /(?:invoice-list|internal)\/(invoice-detail|settle-outcome|save-file|credit-ledger)\.(js|ts)/.exec(e.name)?.[1],
    )
    .filter((name) => name !== undefined);
}

/** Makes a part of the list fail to load (offline, a broken deployment) until `restore` is called. */
function breakPart(name: keyof typeof onFirstUse): { restore(): void } {
  const real = onFirstUse[name];
  const fail = () => Promise.reject<never>(new TypeError('Failed to fetch dynamically imported module'));
  // A private element's failure is a network error (privateElement says so); saving a file's is the raw one.
  (onFirstUse as Record<string, unknown>)[name] = name === 'pdf' ? fail : privateElement(fail);
  return {
    restore: () => {
      (onFirstUse as Record<string, unknown>)[name] = real;
    },
  };
}

describe('<billing-invoice-list>', () => {
  // First in this file: no part of the list is loaded yet.
  it('lists the invoices without the parts only a click shows; opening an invoice loads its detail', async () => {
    performance.setResourceTimingBufferSize(10_000);
    store().loadScenario('m365-declined'); // with a past-due alert and its settle button
    const el = await list();
    await new Promise((r) => setTimeout(r, 300));
    expect(shadow(el).querySelector('[part=settle-button]')).to.not.equal(null);
    expect(partsFetched()).to.deep.equal([]);
    await openDetail(el, text(issuedRows(el)[0]!.querySelector('button.link')));
    expect(partsFetched()).to.deep.equal(['invoice-detail']);
  });

  describe('shows each scenario as the API does', () => {
    for (const scenario of [
      'injixo-advanced',
      'injixo-classic',
      'workplace-advanced',
      'severa-prepaid',
      'm365-declined',
    ] as const) {
      it(scenario, async function () {
        this.timeout(30_000);
        store().loadScenario(scenario);
        const el = await list();
        const page = await client.listInvoices({ offset: 0, limit: 10 });
        const upcoming = await client.getUpcomingInvoice();
        expect(page.total).to.be.greaterThan(0);
        expectRows(el, page.items);
        // The upcoming invoice comes first, marked provisional.
        const first = rows(el)[0]!;
        expect(first.classList.contains('upcoming')).to.equal(true);
        expect(text(first)).to.include('Upcoming invoice');
        expect(text(first)).to.include('Provisional');
        expect(text(first.querySelector('.col-amount .money'))).to.equal(money(upcoming.total, upcoming.currency));
        expect(text(shadow(el).querySelector('.provisional-note'))).to.include('Provisional');
        // The account: outstanding and credit as the API says.
        const tiles = all(el, '.summary .tile');
        expect(text(tiles[0]!.querySelector('.figure'))).to.equal(
          money(page.balance.outstanding, page.balance.currency),
        );
        expect(text(tiles[1]!.querySelector('.figure'))).to.equal(
          money(page.balance.creditBalance, page.balance.currency),
        );
        const range = text(shadow(el).querySelector('.pager .range'));
        expect(range).to.equal(`1–${page.items.length} of ${page.total} invoices`);
        await expect(el).to.be.accessible();
      });
    }

    it('workplace-trial: says no invoice is issued yet, and when the first one is', async () => {
      store().loadScenario('workplace-trial');
      const el = await list();
      const upcoming = await client.getUpcomingInvoice();
      expect((await client.listInvoices()).total).to.equal(0);
      expect(rows(el)).to.have.length(1);
      expect(text(rows(el)[0])).to.include('Upcoming invoice');
      expect(text(rows(el)[0])).to.include(money(upcoming.total, 'USD'));
      const note = text(shadow(el).querySelector('.provisional-note'));
      expect(note).to.include('No invoices have been issued yet');
      expect(note).to.include('December 2026');
      expect(note).to.include('Jan 1, 2027');
      expect(shadow(el).querySelector('.pager')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('invoice details', () => {
    it('shows the lines, tax, total and PO number as the API does', async () => {
      const el = await list();
      const page = await client.listInvoices({ limit: 1 });
      const invoice = await client.getInvoice(page.items[0]!.id);
      const dialog = await openDetail(el, invoice.number);
      expect(text(deepQuery(dialog, 'h2'))).to.equal(`Invoice ${invoice.number}`);
      const lines = [...deepQueryAll<HTMLTableRowElement>(dialog, 'tbody tr.line')];
      expect(lines.map((l) => l.dataset['kind'])).to.deep.equal(invoice.lines.map((l) => l.kind));
      invoice.lines.forEach((line, i) => {
        const row = lines[i]!;
        expect(text(row.querySelector('.quantity'))).to.equal(String(line.quantity));
        if (line.informative) expect(text(row.querySelector('.amount'))).to.equal('Not charged');
        else expect(text(row.querySelector('.amount'))).to.equal(money(line.amount));
      });
      expect(text(deepQuery(dialog, '.user-count'))).to.include('This is the number billed');
      expect(text(deepQuery(dialog, '.totals .subtotal dd'))).to.equal(money(invoice.subtotal));
      expect(text(deepQuery(dialog, '.totals .tax'))).to.equal(
        `Tax (21%) 21% of ${money(invoice.subtotal)} = ${money(invoice.tax)} ${money(invoice.tax)}`,
      );
      expect(text(deepQuery(dialog, '.totals .total dd'))).to.equal(money(invoice.total));
      expect(text(deepQuery(dialog, '.po'))).to.equal(invoice.poNumber);
      expect(text(deepQuery(dialog, '.totals .balance dd'))).to.equal(money(invoice.balance));
      await expect(el).to.be.accessible();
    });

    it('shows the upcoming invoice as the engine computes it, provisional', async () => {
      const el = await list();
      const engine = upcomingInvoice(store().world);
      const dialog = await openDetail(el, 'Upcoming invoice');
      expect(text(deepQuery(dialog, 'h2'))).to.equal('Upcoming invoice');
      expect(text(dialog)).to.include('Provisional: this invoice is not issued yet');
      const lines = [...deepQueryAll<HTMLTableRowElement>(dialog, 'tbody tr.line')];
      expect(lines.map((l) => l.dataset['kind'])).to.deep.equal(engine.lines.map((l) => l.kind));
      engine.lines.forEach((line, i) => {
        expect(text(lines[i]!.querySelector('.quantity'))).to.equal(String(line.quantity));
        if (!line.informative) expect(text(lines[i]!.querySelector('.amount'))).to.equal(money(line.amount));
      });
      const subtotal = engine.lines.filter((l) => !l.informative).reduce((s, l) => s + l.amount, 0);
      const tax = taxOn(subtotal, store().world.tenant.taxRate);
      expect(text(deepQuery(dialog, '.totals .subtotal dd'))).to.equal(money(subtotal));
      expect(text(deepQuery(dialog, '.totals .tax dd'))).to.equal(money(tax));
      expect(text(deepQuery(dialog, '.totals .total dd'))).to.equal(money(subtotal + tax));
      // The peak is explained in one sentence on the user-count line.
      const peak = engine.lines.find((l) => l.kind === 'user-count')!.peak!;
      expect(text(deepQuery(dialog, '.user-count'))).to.include(`${peak.count}, first reached on`);
      // Not issued: no PDF.
      expect([...deepQueryAll(dialog, 'button')].some((b) => text(b) === 'Download PDF')).to.equal(false);
    });

    it('shows the credit applied and the payments of an invoice', async () => {
      store().loadScenario('injixo-classic');
      const el = await list();
      const withCredit = (await client.listInvoices({ limit: 100 })).items.find((i) => i.amountDue < i.total)!;
      const invoice = await client.getInvoice(withCredit.id);
      expect(invoice.creditApplied).to.be.greaterThan(0);
      const row = issuedRows(el).find((r) => text(r.querySelector('button.link')) === invoice.number)!;
      expect(text(row.querySelector('.credit'))).to.equal(`${money(invoice.creditApplied)} paid from credit`);
      const dialog = await openDetail(el, invoice.number);
      expect(text(deepQuery(dialog, '.totals .credit dd'))).to.equal(money(-invoice.creditApplied));
      expect(text(deepQuery(dialog, '.totals .amount-due dd'))).to.equal(money(invoice.amountDue));
      expect(deepQuery(dialog, 'tbody tr.credit')).to.equal(null); // shown once, in the totals
      const payments = [...deepQueryAll(dialog, '.payments li')].map((li) => text(li));
      expect(payments).to.have.length(invoice.payments!.length);
      expect(payments[0]).to.include(`${money(invoice.payments![0]!.amount)} received`);
    });

    it('shows the credit balance, and where it will be applied next', async () => {
      store().loadScenario('injixo-classic');
      const w = store().world;
      store().loadWorld({ ...w, payments: [...w.payments, ...recordPayment(w, { amount: 5_000 })] } satisfies World);
      const el = await list();
      const page = await client.listInvoices();
      const upcoming = await client.getUpcomingInvoice();
      expect(page.balance.creditBalance).to.equal(5_000);
      expect(text(all(el, '.summary .tile')[1]!.querySelector('.figure'))).to.equal(money(5_000));
      expect(text(all(el, '.summary .tile')[1])).to.include('applied automatically to your next invoices');
      expect(upcoming.creditApplied).to.equal(5_000);
      expect(text(rows(el)[0]!.querySelector('.credit'))).to.equal(`${money(5_000)} paid from credit`);
    });

    it('opens with the keyboard, closes with Escape and returns focus', async () => {
      const el = await list();
      const opener = shadow(el).querySelectorAll<HTMLButtonElement>('button.link')[1]!;
      opener.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
      await waitUntil(() => deepQuery(dialog, 'table.lines'));
      expect(dialog.getAttribute('aria-labelledby')).to.equal('detail-title');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !shadow(el).querySelector('dialog'), 'dialog did not close');
      expect(shadow(el).activeElement).to.equal(opener);
    });

    it('says when an invoice could not be loaded, and retries', async () => {
      const el = await list();
      store().setFaults([{ operation: 'getInvoice', kind: 'error-500', times: 1 }]);
      const number = text(issuedRows(el)[0]!.querySelector('button.link'));
      const dialog = await openDetail(el, number);
      const error = deepQuery(dialog, '.state.error')!;
      expect(text(error)).to.include('The billing service had a problem');
      await expect(el).to.be.accessible();
      error.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => deepQuery(dialog, 'table.lines'), 'retry did not load the invoice');
    });

    // The detail's body, styles and messages load on demand: the dialog opens at once and
    // shows a loading state until both they and the invoice are there.
    it('opens at once with a loading state, focus inside, then shows the invoice', async () => {
      const el = await list();
      store().setFaults([{ operation: 'getInvoice', kind: 'latency', latencyMs: 800 }]);
      const opener = issuedRows(el)[0]!.querySelector<HTMLButtonElement>('button.link')!;
      opener.focus();
      opener.click();
      const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
      const loading = deepQuery(dialog, '.state.loading')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(text(deepQuery(dialog, 'h2'))).to.equal(`Invoice ${text(opener)}`);
      expect(dialog.contains(shadow(el).activeElement)).to.equal(true);
      await expect(el).to.be.accessible();
      await waitUntil(() => deepQuery(dialog, 'table.lines'), 'the invoice never showed', { timeout: 5000 });
      expect(deepQuery(dialog, '.state.loading')).to.equal(null);
      // Its styles came with it: the lines table is laid out as the detail's stylesheet says.
      expect(getComputedStyle(deepQuery(dialog, '.totals')!).display).to.equal('grid');
      button(dialog, 'Close').click();
      await waitUntil(() => !shadow(el).querySelector('dialog'), 'dialog did not close');
      expect(shadow(el).activeElement).to.equal(opener);
    });

    it('says when the invoice could not be reached, and retries', async () => {
      const el = await list();
      store().setFaults([{ operation: 'getInvoice', kind: 'network-error', times: 1 }]);
      const dialog = await openDetail(el, text(issuedRows(el)[0]!.querySelector('button.link')));
      const error = deepQuery(dialog, '.state.error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.include('could not be reached');
      button(error, 'Try again').click();
      await waitUntil(() => deepQuery(dialog, 'table.lines'), 'retry did not load the invoice');
    });

    it('shows the detail in Dutch, its own messages loaded with it', async () => {
      store().loadScenario('m365-declined');
      const el = await list('nl');
      const dialog = await openDetail(el, text(issuedRows(el)[0]!.querySelector('button.link')));
      expect(text(deepQuery(dialog, 'h2'))).to.match(/^Factuur /);
      expect(text(deepQuery(dialog, 'table.lines thead'))).to.include('Omschrijving');
      expect(text(deepQuery(dialog, '.totals .total dt'))).to.equal('Totaal');
      expect(text(dialog)).to.include('Betalingen');
    });

    it('says so when the detail cannot be loaded, and retries', async () => {
      const el = await list();
      const broken = breakPart('detail');
      let dialog: HTMLDialogElement;
      let error: Element;
      try {
        dialog = await openDetail(el, text(issuedRows(el)[0]!.querySelector('button.link')));
        error = deepQuery(dialog, '.state.error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.include('The billing service could not be reached');
        await expect(el).to.be.accessible();
      } finally {
        broken.restore();
      }
      button(error, 'Try again').click();
      await waitUntil(() => deepQuery(dialog, 'table.lines'), 'retry did not load the detail');
    });
  });

  describe('PDF', () => {
    it('downloads an invoice as a real PDF named after its number', async () => {
      const el = await list();
      const first = (await client.listInvoices({ limit: 1 })).items[0]!;
      const row = issuedRows(el)[0]!;
      const { blob, fileName } = await captureDownload(() =>
        row.querySelector<HTMLButtonElement>('[part=download-button]')!.click(),
      );
      expect(fileName).to.equal(`${first.number}.pdf`);
      expect(blob.type).to.equal('application/pdf');
      const head = new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer());
      expect(head).to.equal('%PDF-');
      expect(row.querySelector('[part=download-button]')!.getAttribute('aria-label')).to.equal(
        `Download ${first.number} as PDF`,
      );
      await waitForText(el, `Downloaded ${first.number}.pdf`);
    });

    it('says so when the PDF cannot be saved because its part cannot be loaded', async () => {
      const el = await list();
      const first = (await client.listInvoices({ limit: 1 })).items[0]!;
      const broken = breakPart('pdf');
      try {
        issuedRows(el)[0]!.querySelector<HTMLButtonElement>('[part=download-button]')!.click();
        await waitForText(
          el,
          `The PDF of ${first.number} could not be downloaded: The billing service could not be reached`,
        );
      } finally {
        broken.restore();
      }
    });

    it('downloads from the invoice details too', async () => {
      store().loadScenario('m365-declined');
      const el = await list();
      const failed = (await client.listInvoices({ status: ['payment_failed'] })).items[0]!;
      const dialog = await openDetail(el, failed.number);
      const { blob, fileName } = await captureDownload(() => button(dialog, 'Download PDF').click());
      expect(fileName).to.equal(`${failed.number}.pdf`);
      expect(new TextDecoder().decode(await blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
    });
  });

  describe('past due and settling the balance', () => {
    beforeEach(() => store().loadScenario('m365-declined'));

    it('warns prominently at the top while anything is past due, with the way out', async () => {
      const el = await list();
      const { balance } = await client.listInvoices();
      expect(balance.pastDue).to.be.greaterThan(0);
      const alert = shadow(el).querySelector<HTMLElement>('.panel > :first-child')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.getAttribute('part')).to.equal('alert');
      expect(text(alert)).to.include('Payment past due');
      expect(text(alert)).to.include(`${money(balance.pastDue)} is past its due date`);
      expect(text(alert)).to.include('Late payment can lead to suspension of your subscription.');
      expect(text(alert)).to.include('The card on file expired in October 2026');
      expect(text(button(alert, /^Settle balance/))).to.equal(`Settle balance (${money(balance.outstanding)})`);
      expect(button(alert, 'Update payment method')).to.exist;
      // The expired card is flagged where the payment method is shown.
      const pm = all(el, '.summary .tile')[2]!;
      expect(text(pm)).to.include('Visa ending in 4417');
      expect(text(pm)).to.include('Expired');
      await expect(el).to.be.accessible();
    });

    it('shows no warning when nothing is past due or failed', async () => {
      store().loadScenario('injixo-advanced');
      const el = await list();
      expect(shadow(el).querySelector('[part=alert]')).to.equal(null);
    });

    it('fails with the reason while the card is expired, then pays after the card is swapped', async function () {
      this.timeout(30_000);
      const el = await list();
      const before = await client.listInvoices({ limit: 100 });
      const owed = before.items.filter((i) => i.balance > 0);
      const paymentsBefore = store().world.payments.length;

      // 1. Settle: declined, with the reason and what to do. A double click settles once.
      const settle = shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!;
      settle.click();
      settle.click();
      const failed = await find(el, '.outcome.failed');
      expect(failed.getAttribute('role')).to.equal('alert');
      expect(text(failed)).to.include(
        'The card on file expired in October 2026. Update your payment method, then try again.',
      );
      expect(store().world.payments.length).to.equal(paymentsBefore + owed.length);
      await expect(el).to.be.accessible();

      // 2. Update the payment method: the host hears it and opens its provider's form.
      const asked = oneEvent(document, 'billing-update-payment-method');
      button(failed, 'Update payment method').click();
      const event = (await asked) as unknown as BillingUpdatePaymentMethodEvent;
      expect(event.current).to.deep.include({ last4: '4417', expired: true });
      await fetch(`${BASE_URL}/__mock/payment-method/test-swap`, { method: 'POST' });
      await el.paymentMethodUpdated();
      await waitForText(el, 'Visa ending in 4242');
      await waitForText(el, 'Your payment method was updated. Settle the balance');

      // 3. Settle again (a new user action, a new idempotency key): paid.
      const changed = oneEvent(el, 'billing-change');
      shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
      const change = (await changed) as unknown as BillingChangeEvent;
      expect(change.topic).to.equal('invoices');
      const paid = await find(el, '.outcome.paid');
      const total = owed.reduce((s, i) => s + i.balance, 0);
      expect(text(paid)).to.include(`Paid: ${money(total)} was charged to your payment method`);
      const after = await client.listInvoices({ limit: 100 });
      expect(after.balance.outstanding).to.equal(0);
      await waitUntil(() => !shadow(el).querySelector('[part=alert]'), 'the warning stayed');
      await settled(el);
      expectRows(el, after.items.slice(0, 10));
      expect(store().world.payments.filter((p) => p.outcome === 'succeeded').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('drops a stale decline when the host refreshes the provider after a card update', async () => {
      const el = await list();
      shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
      await find(el, '.outcome.failed');
      store().swapTestCard();
      el.closest('billing-provider')!.refresh();
      await waitForText(el, 'Your payment method was updated. Settle the balance');
      expect(deepQuery(shadow(el), '.outcome.failed')).to.equal(null);
      expect(text(all(el, '.summary .tile')[2])).to.include('Visa ending in 4242');
    });

    it('sends a new idempotency key per click, and the same one when retrying an unanswered attempt', async () => {
      const keys: string[] = [];
      const spy = new BillingClient({
        baseUrl: BASE_URL,
        fetch: (request: Request) => {
          if (request.method === 'POST' && request.url.endsWith('/invoices/settle')) {
            keys.push(request.headers.get('Idempotency-Key') ?? '');
          }
          return fetch(request);
        },
      });
      const el = await render<BillingInvoiceList>(
        html`<billing-invoice-list .client=${spy} lang="en"></billing-invoice-list>`,
        'billing-invoice-list',
      );
      await find(el, 'tbody tr', 10_000);
      await waitUntil(() => shadow(el).querySelector('[part=settle-button]'), 'no settle button');
      const settle = async (): Promise<void> => {
        const before = keys.length;
        await waitUntil(() => !shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.disabled);
        shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
        await waitUntil(() => keys.length === before + 1);
        await waitUntil(
          () =>
            !shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.disabled &&
            deepQuery(shadow(el), '.outcome'),
        );
      };
      await settle(); // declined: a definite answer
      await settle(); // a new click: a new key
      expect(keys[1]).to.not.equal(keys[0]);
      store().setFaults([{ operation: 'settleBalance', kind: 'network-error', times: 1 }]);
      await settle(); // no answer: the outcome is unknown
      await waitForText(el, 'The balance could not be settled');
      await settle(); // retrying that attempt reuses its key, so the server charges at most once
      expect(keys[3]).to.equal(keys[2]);
      expect(new Set(keys).size).to.equal(3);
      expect(keys.every((k) => k.length >= 8)).to.equal(true);
    });

    it('says so, and charges nothing, when what shows the outcome cannot be loaded', async () => {
      const el = await list();
      const payments = store().world.payments.length;
      const broken = breakPart('settle');
      try {
        shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
        const outcome = await find(el, '.outcome.failed');
        expect(outcome.getAttribute('role')).to.equal('alert');
        expect(text(outcome)).to.include('The balance could not be settled: The billing service could not be reached');
        expect(store().world.payments.length).to.equal(payments);
      } finally {
        broken.restore();
      }
      await waitUntil(() => !shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.disabled);
      shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
      await waitForText(el, 'The card on file expired in October 2026. Update your payment method, then try again.');
    });

    it('says so when the settle request itself fails', async () => {
      const el = await list();
      store().setFaults([{ operation: 'settleBalance', kind: 'error-500', times: 1 }]);
      shadow(el).querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
      const outcome = await find(el, '.outcome.failed');
      expect(text(outcome)).to.include('The balance could not be settled');
    });
  });

  describe('filters and paging', () => {
    beforeEach(() => store().loadScenario('m365-declined'));

    it('filters by status', async () => {
      const el = await list();
      await choose(el, 'Status', 'paid');
      expect(el.status).to.equal('paid');
      const paid = await client.listInvoices({ status: ['paid'], limit: 10 });
      expectRows(el, paid.items);
      expect(shadow(el).querySelector('tr.upcoming')).to.equal(null);
      expect(text(shadow(el).querySelector('.pager .range'))).to.equal(`1–10 of ${paid.total} invoices`);

      await choose(el, 'Status', 'past_due');
      const pastDue = await client.listInvoices({ status: ['past_due'], limit: 10 });
      expectRows(el, pastDue.items);

      await choose(el, 'Status', 'upcoming');
      expect(rows(el)).to.have.length(1);
      expect(rows(el)[0]!.classList.contains('upcoming')).to.equal(true);
    });

    it('filters by year, from the years that have invoices', async () => {
      const el = await list();
      await waitUntil(() => select(el, 'Year').options.length > 1, 'no years');
      const years = [...select(el, 'Year').options].map((o) => o.value);
      expect(years).to.deep.equal(['', '2026', '2025']);
      await choose(el, 'Year', '2025');
      const y2025 = await client.listInvoices({ year: 2025, limit: 10 });
      expect(y2025.total).to.be.greaterThan(0);
      expectRows(el, y2025.items);
      expect(shadow(el).querySelector('tr.upcoming')).to.equal(null); // to be issued in 2026
      expect(el.year).to.equal(2025);
    });

    it('says when nothing matches, and clears the filters', async () => {
      const el = await list();
      await waitUntil(() => select(el, 'Year').options.length > 1, 'no years');
      await choose(el, 'Year', '2025');
      await choose(el, 'Status', 'past_due');
      const empty = await find(el, '.state.empty');
      expect(text(empty)).to.include('No matching invoices');
      await expect(el).to.be.accessible();
      button(empty, 'Show all invoices').click();
      await find(el, 'tbody tr');
      await settled(el);
      expect(select(el, 'Status').value).to.equal('');
      expect(select(el, 'Year').value).to.equal('');
      expectRows(el, (await client.listInvoices({ limit: 10 })).items);
    });

    it('pages through the invoices with the keyboard', async () => {
      const el = await list();
      const page1 = await client.listInvoices({ offset: 0, limit: 10 });
      const page2 = await client.listInvoices({ offset: 10, limit: 10 });
      expect(page1.total).to.be.greaterThan(10);
      expectRows(el, page1.items);
      const next = button(shadow(el).querySelector('.pager')!, /^Next/);
      const previous = button(shadow(el).querySelector('.pager')!, /^← Previous|^Previous/);
      expect(previous.disabled).to.equal(true);
      next.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(shadow(el).querySelector('.pager .range')).startsWith('11–'));
      expectRows(el, page2.items);
      expect(shadow(el).querySelector('tr.upcoming')).to.equal(null);
      expect(text(shadow(el).querySelector('.pager .range'))).to.equal(
        `11–${10 + page2.items.length} of ${page2.total} invoices`,
      );
      expect(next.disabled).to.equal(true);
      previous.click();
      await waitUntil(() => text(shadow(el).querySelector('.pager .range')).startsWith('1–'));
      expectRows(el, page1.items);
    });

    it('honours page-size', async () => {
      const el = await render<BillingInvoiceList>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-invoice-list page-size="5"></billing-invoice-list
        ></billing-provider>`,
        'billing-invoice-list',
      );
      await find(el, 'tbody tr');
      await settled(el);
      expectRows(el, (await client.listInvoices({ limit: 5 })).items);
    });
  });

  describe('payment method', () => {
    it('asks the host to update the payment method, with a typed, composed event', async () => {
      const el = await list();
      const pm = await client.getPaymentMethod();
      const tile = all(el, '.summary .tile')[2]!;
      expect(text(tile)).to.include(`SEPA direct debit from the account ending in ${pm!.last4}`);
      const asked = oneEvent(document, 'billing-update-payment-method');
      button(tile, 'Update payment method').click();
      const event = (await asked) as unknown as BillingUpdatePaymentMethodEvent;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.current).to.deep.equal(pm);
    });

    it('shows a valid card with its expiry month', async () => {
      store().loadScenario('workplace-advanced');
      const el = await list();
      const pm = (await client.getPaymentMethod())!;
      const tile = all(el, '.summary .tile')[2]!;
      expect(text(tile)).to.include(`American Express ending in ${pm.last4}`);
      expect(text(tile)).to.include('Valid through February 2027');
      expect(text(tile)).not.to.include('Expired');
    });
  });

  describe('layout', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('fits a 360 px wide screen: amount and status fold into one column, nothing scrolls sideways', async () => {
      await setViewport({ width: 360, height: 800 });
      store().loadScenario('m365-declined');
      const el = await list('nl');
      const wrap = shadow(el).querySelector<HTMLElement>('.table-wrap')!;
      expect(wrap.scrollWidth).to.be.at.most(wrap.clientWidth);
      const row = issuedRows(el)[0]!;
      expect(getComputedStyle(row.querySelector('.col-status')!).display).to.equal('none');
      expect(getComputedStyle(row.querySelector('.col-download')!).display).to.equal('none');
      expect(text(row.querySelector('.status-inline'))).to.match(/^Betaling mislukt/);
      expect(el.getBoundingClientRect().width).to.be.at.most(360);
      await expect(el).to.be.accessible();
    });

    it('shows every column at 1440 px', async () => {
      await setViewport({ width: 1440, height: 900 });
      const el = await list();
      const row = issuedRows(el)[0]!;
      for (const col of ['.col-issued', '.col-due', '.col-status', '.col-download']) {
        expect(getComputedStyle(row.querySelector(col)!).display, col).to.not.equal('none');
      }
      expect(getComputedStyle(row.querySelector('.status-inline')!).display).to.equal('none');
    });
  });

  describe('states', () => {
    it('shows a loading state that reserves space and is announced', async () => {
      store().setFaults([{ operation: 'listInvoices', kind: 'latency', latencyMs: 1500 }]);
      const el = await render<BillingInvoiceList>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-invoice-list></billing-invoice-list
        ></billing-provider>`,
        'billing-invoice-list',
      );
      const loading = await find(el, '.state.loading');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.offsetHeight).to.be.greaterThan(300);
      await expect(el).to.be.accessible();
      await find(el, 'tbody tr', 10_000);
    });

    it('shows an error in words with a retry that works', async () => {
      store().setFaults([{ operation: 'listInvoices', kind: 'error-500', times: 1 }]);
      const el = await render<BillingInvoiceList>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-invoice-list></billing-invoice-list
        ></billing-provider>`,
        'billing-invoice-list',
      );
      const error = await find(el, '.state.error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.include('The billing service had a problem');
      await expect(el).to.be.accessible();
      error.querySelector<HTMLButtonElement>('button')!.click();
      await find(el, 'tbody tr');
    });

    it('says the service is unreachable on a network error', async () => {
      store().setFaults([{ operation: 'getUpcomingInvoice', kind: 'network-error', times: 1 }]);
      const el = await render<BillingInvoiceList>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-invoice-list></billing-invoice-list
        ></billing-provider>`,
        'billing-invoice-list',
      );
      const error = await find(el, '.state.error');
      expect(text(error)).to.include('could not be reached');
    });

    it('keeps the list and shows an error in its place when a page fails', async () => {
      store().loadScenario('m365-declined');
      const el = await list();
      await waitUntil(() => select(el, 'Year').options.length > 1, 'no years'); // nothing else in flight
      store().setFaults([{ operation: 'listInvoices', kind: 'error-500', times: 1 }]);
      button(shadow(el).querySelector('.pager')!, /^Next/).click();
      const error = await find(el, '.list .state.error');
      expect(shadow(el).querySelector('.summary')).to.not.equal(null);
      error.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => text(shadow(el).querySelector('.pager .range')).startsWith('11–'));
    });

    it('shows "ask your administrator" and no data to other roles', async () => {
      store().setSession({ role: 'member' });
      const el = await render<BillingInvoiceList>(
        html`<billing-provider base-url=${BASE_URL} lang="en"
          ><billing-invoice-list></billing-invoice-list
        ></billing-provider>`,
        'billing-invoice-list',
      );
      const forbidden = await find(el, '.state.forbidden');
      expect(text(forbidden)).to.include('Ask your administrator');
      expect(shadow(el).querySelector('table')).to.equal(null);
      expect(shadow(el).querySelector('.summary')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lets the finance role settle and update the payment method', async () => {
      store().loadScenario('m365-declined');
      store().setSession({ role: 'finance' });
      const el = await list();
      expect(shadow(el).querySelector('[part=settle-button]')).to.not.equal(null);
      expect(all(el, '[part=update-payment-method-button]').length).to.be.greaterThan(0);
    });

    it('works on its own with a base-url, without a provider', async () => {
      const el = await list('standalone');
      expectRows(el, (await client.listInvoices({ limit: 10 })).items);
    });

    it('speaks Dutch when asked', async () => {
      store().loadScenario('m365-declined');
      const el = await list('nl');
      const { balance } = await client.listInvoices();
      expect(all(el, 'thead th').map((th) => text(th.querySelector('.wide') ?? th))).to.include.members([
        'Factuur',
        'Bedrag',
        'Status',
      ]);
      const alert = shadow(el).querySelector('[part=alert]')!;
      expect(text(alert)).to.include('Betaling achterstallig');
      expect(text(alert)).to.include('Te late betaling kan leiden tot opschorting van uw abonnement.');
      expect(text(alert)).to.include(money(balance.pastDue, 'EUR', 'nl'));
      expect(text(alert)).to.include('oktober 2026');
      expect(text(rows(el)[0])).to.include('Komende factuur');
      expect(text(rows(el)[0])).to.include('Voorlopig');
      expect(text(shadow(el).querySelector('.pager .range'))).to.match(/^1–10 van \d+ facturen$/);
      await expect(el).to.be.accessible();
    });

    it('renders API text as text, never as HTML', async () => {
      const w = store().world;
      const hostile = '<img src=x onerror="window.__xssInvoice=1">';
      const last = w.invoices.length - 1;
      const invoices = w.invoices.map((inv, i) =>
        i === last
          ? {
              ...inv,
              poNumber: hostile,
              // A plan's name is data the line is worded with.
              lines: inv.lines.map((l, j) => (j === 0 ? { ...l, params: { ...l.params, plan: hostile } } : l)),
            }
          : inv,
      );
      store().loadWorld({ ...w, invoices } satisfies World);
      const el = await list();
      const dialog = await openDetail(el, w.invoices[last]!.number);
      expect(text(deepQuery(dialog, '.po'))).to.equal(hostile);
      expect(text(deepQuery(dialog, '.line-description'))).to.contain(hostile);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect((window as unknown as { __xssInvoice?: number }).__xssInvoice).to.equal(undefined);
    });

    it('refetches when the host refreshes the provider', async () => {
      const el = await list();
      const provider = el.closest('billing-provider')!;
      store().setFaults([]);
      const w = store().world;
      store().loadWorld({ ...w, payments: [...w.payments, ...recordPayment(w, { amount: 2_500_000 })] });
      provider.refresh();
      const { balance } = await client.listInvoices();
      await waitUntil(
        () => text(all(el, '.summary .tile')[1]!.querySelector('.figure')) === money(balance.creditBalance),
        'the credit balance was not refetched',
      );
      expect(balance.outstanding).to.equal(0);
    });
  });
});
