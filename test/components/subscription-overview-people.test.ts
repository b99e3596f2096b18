/**
 * Issue 15 in `<billing-subscription-overview>`: its figures of people (the peak so far, the
 * billed users, the licenses) open the people behind them (`billing-people`, cancelable),
 * and the change dialog says what a change does to this period's bill and the next one's,
 * each sentence checked against what the engine then bills (the order placed, the mock's
 * clock moved past the period's end, the invoice read through the API).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BillingClient, type Invoice } from '../../src/client/index.js';
import type { BillingSubscriptionOverview } from '../../src/components/subscription-overview/subscription-overview.js';
import type { BillingPeopleEvent, PeopleQuery } from '../../src/internal/events.js';
import {
  BASE_URL,
  deepActiveElement,
  deepQuery,
  find,
  render,
  shadow,
  text,
  useMockBackend,
  waitForText,
} from './support.js';

const store = useMockBackend('severa-prepaid');
const client = new BillingClient({ baseUrl: BASE_URL });

let opened: PeopleQuery[] = [];
let cancel = true;
function onPeople(e: BillingPeopleEvent): void {
  opened.push(e.detail);
  if (cancel) e.preventDefault();
}

beforeEach(() => {
  opened = [];
  cancel = true;
  document.addEventListener('billing-people', onPeople);
});
afterEach(() => document.removeEventListener('billing-people', onPeople));

const fold = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');
const money = (minor: number, currency = 'EUR'): string =>
  fold(new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100));
const day = (iso: string): string =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const frequency = (months: number): string =>
  ({ 1: 'monthly', 6: 'every 6 months', 12: 'yearly' })[months] ?? `every ${months} months`;
const count = (n: number): string => new Intl.NumberFormat('en').format(n);

async function overview(): Promise<BillingSubscriptionOverview> {
  const el = await render<BillingSubscriptionOverview>(
    html`<billing-provider base-url=${BASE_URL} lang="en"
      ><billing-subscription-overview></billing-subscription-overview
    ></billing-provider>`,
    'billing-subscription-overview',
  );
  await find(el, '.cards');
  return el;
}

function peopleButton(el: HTMLElement, row: string): HTMLButtonElement | null {
  return shadow(el).querySelector<HTMLButtonElement>(`.row.${row} .value button[part~=people-button]`);
}

function button(root: ParentNode, label: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => text(x).startsWith(label));
  if (!b) throw new Error(`no button "${label}"`);
  return b;
}

async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: value });
}

function field(el: HTMLElement, action: string): HTMLInputElement & HTMLSelectElement {
  return shadow(el).querySelector(`#${action}-field`)!;
}

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

/** The dialog's what-if rows, as they read ("label value"). */
function quoteRows(dialog: Element): string[] {
  return [...dialog.querySelectorAll('.quote .row')].map((r) => fold(text(r)));
}

/** Confirms the open dialog and waits until the overview says it was done. */
async function confirm(el: HTMLElement, dialog: HTMLDialogElement, done: string): Promise<void> {
  dialog.querySelector<HTMLButtonElement>('[part=confirm-button]')!.click();
  await waitForText(el, done);
}

/** The issued invoice of the period or month starting on `start`, in full (its lines and subtotal). */
async function invoiceFrom(start: string): Promise<Invoice> {
  // Issued on the period's first day (in advance) or after the month (in arrears): that year or the next.
  const year = Number(start.slice(0, 4));
  const pages = await Promise.all([year, year + 1].map((y) => client.listInvoices({ year: y })));
  const found = pages.flatMap((p) => p.items).filter((i) => i.periodStart === start);
  expect(found.length, `invoices from ${start}`).to.equal(1);
  return client.getInvoice(found[0]!.id);
}

describe('<billing-subscription-overview>: the people behind a figure (issue 15)', () => {
  it('the peak so far is a button: it opens the people of the peak, with the peak as shown', async () => {
    store().loadScenario('injixo-advanced');
    const el = await overview();
    const sub = await client.getSubscription();
    const peak = sub.usage!.peak!;
    const b = peopleButton(el, 'peak')!;
    expect(fold(text(b))).to.equal(`${count(peak.count)} on ${day(peak.on)}`);
    expect(b.title).to.equal('Show the people behind this figure');
    b.click();
    await waitUntil(() => opened.length === 1, 'no billing-people event');
    expect(opened[0]).to.deep.equal({ figure: 'peak', month: sub.today.slice(0, 7), count: peak.count });
    // The host routed it elsewhere: no dialog.
    await new Promise((r) => setTimeout(r, 100));
    expect(deepQuery(shadow(el), 'billing-people-dialog')).to.equal(null);
    // From the keyboard too.
    b.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened.length === 2, 'Enter opened nothing');
    // No other figure of that card opens people.
    expect(peopleButton(el, 'included')).to.equal(null);
    expect(peopleButton(el, 'extra')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('unless the host cancels it, the people dialog opens, its billed tab counting the peak, and gives the focus back', async () => {
    store().loadScenario('injixo-advanced');
    cancel = false;
    const el = await overview();
    const sub = await client.getSubscription();
    const peak = sub.usage!.peak!;
    const b = peopleButton(el, 'peak')!;
    b.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await find(el, 'billing-people-dialog');
    await waitUntil(
      () => dialog.shadowRoot?.querySelector('billing-users-table')?.shadowRoot?.querySelector('#tab-billed .count'),
      'the people dialog shows no billed tab',
      { timeout: 10_000 },
    );
    const page = await client.listUsers({ month: sub.today.slice(0, 7), billed: true, limit: 1 });
    const table = dialog.shadowRoot!.querySelector('billing-users-table')!;
    expect(text(table.shadowRoot!.querySelector('#tab-billed .count'))).to.equal(
      count(peak.count - (page.hiddenDeleted ?? 0)),
    );
    expect(text(dialog.shadowRoot!.querySelector('h2'))).to.include(count(peak.count));
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !deepQuery(shadow(el), 'billing-people-dialog'), 'the dialog stayed');
    expect(deepActiveElement()).to.equal(b);
  });

  for (const scenario of ['injixo-classic', 'workplace-advanced', 'workplace-trial']) {
    it(`${scenario}: the billed users so far open their people (a trial month's too)`, async () => {
      store().loadScenario(scenario);
      const el = await overview();
      const sub = await client.getSubscription();
      const u = sub.usage!;
      const b = peopleButton(el, 'billed');
      expect(Boolean(b)).to.equal(u.billedCount > 0);
      if (!b) return;
      expect(text(b)).to.equal(count(u.billedCount));
      b.click();
      await waitUntil(() => opened.length === 1, 'no billing-people event');
      expect(opened[0]).to.deep.equal({ figure: 'users', month: u.month, count: u.billedCount });
      expect(peopleButton(el, 'mau')).to.equal(null);
    });
  }

  it('severa-prepaid: the licenses open the people holding them', async () => {
    const el = await overview();
    const sub = await client.getSubscription();
    const l = sub.licenses!;
    const b = peopleButton(el, 'licenses')!;
    expect(text(b)).to.equal(count(l.licenses));
    b.click();
    await waitUntil(() => opened.length === 1, 'no billing-people event');
    expect(opened[0]).to.deep.equal({ figure: 'licenses', month: sub.today.slice(0, 7), count: l.licenses });
    await expect(el).to.be.accessible();
  });
});

describe('<billing-subscription-overview>: what a change does to this bill and the next (issue 15)', () => {
  it('adding licenses: the prorated charge now and the next period’s price, as the engine bills them', async () => {
    const el = await overview();
    const sub = await client.getSubscription();
    const l = sub.licenses!;
    const quote = await client.quoteLicenses(2);
    await typeInto(field(el, 'add'), '2');
    button(shadow(el), 'Add licenses').click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    const next = (l.nextPeriod.licenses + 2) * l.nextPeriod.months * l.unitPrice;
    expect(quoteRows(dialog)).to.deep.equal([
      `Price now, excl. tax ${money(quote.amount)}`,
      `Price per period from ${day(l.nextPeriod.start)} ${money(next)} (${frequency(l.nextPeriod.months)})`,
    ]);
    await expect(el).to.be.accessible();
    const ordersBefore = store().world.invoices.length;
    await confirm(el, dialog, '2 licenses added.');
    // Billed now: an invoice of its own, the quote before tax.
    const added = store().world.invoices.slice(ordersBefore);
    expect(added.length).to.equal(1);
    expect((await client.getInvoice(added[0]!.id)).subtotal).to.equal(quote.amount);
    // The next period, once it has begun: licenses × months × price, as said.
    store().setToday(l.nextPeriod.start);
    expect((await invoiceFrom(l.nextPeriod.start)).subtotal).to.equal(next);
  });

  it('removing licenses: they stay billed until the period ends (not credited), the next period costs less, as the engine bills it', async () => {
    const el = await overview();
    const sub = await client.getSubscription();
    const l = sub.licenses!;
    const current = await invoiceFrom(l.period.start);
    button(shadow(el), 'Remove licenses').click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    expect(fold(text(dialog.querySelector('#dialog-body')))).to.equal(
      `They stay billed until ${day(l.period.end)}, the end of this period, which is not credited; they are removed from ${day(l.nextPeriod.start)}.`,
    );
    const now = l.licenses * l.periodMonths * l.unitPrice;
    const next = (l.nextPeriod.licenses - 1) * l.nextPeriod.months * l.unitPrice;
    expect(quoteRows(dialog)).to.deep.equal([
      `Price per period now ${money(now)} (${frequency(l.periodMonths)})`,
      `Price per period from ${day(l.nextPeriod.start)} ${money(next)} (${frequency(l.nextPeriod.months)})`,
    ]);
    await expect(el).to.be.accessible();
    const invoicesBefore = store().world.invoices.length;
    await confirm(el, dialog, `1 license will be removed from ${day(l.nextPeriod.start)}.`);
    // This period: its invoice as it was (the period's price, plus what was added during it), nothing credited.
    expect(store().world.invoices.length).to.equal(invoicesBefore);
    expect((await client.getInvoice(current.id)).subtotal).to.equal(current.subtotal);
    // Still billed on the period's last day: the licenses held then are the same.
    store().setToday(l.period.end);
    expect((await client.getLicenses()).licenses).to.equal(l.licenses);
    // The next period, as said.
    store().setToday(l.nextPeriod.start);
    expect((await invoiceFrom(l.nextPeriod.start)).subtotal).to.equal(next);
  });

  it("a frequency change: the next period's price at the new frequency, as the engine bills it", async () => {
    const el = await overview();
    const l = (await client.getSubscription()).licenses!;
    choose(field(el, 'period'), '12');
    await el.updateComplete;
    button(shadow(el), 'Change frequency').click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    const next = l.nextPeriod.licenses * 12 * l.unitPrice;
    expect(quoteRows(dialog)[1]).to.equal(`Price per period from ${day(l.nextPeriod.start)} ${money(next)} (yearly)`);
    await confirm(el, dialog, `The billing frequency changes to yearly from ${day(l.nextPeriod.start)}.`);
    store().setToday(l.nextPeriod.start);
    const invoice = await invoiceFrom(l.nextPeriod.start);
    expect(invoice.subtotal).to.equal(next);
    expect(invoice.lines[0]!.quantity).to.equal(l.nextPeriod.licenses * 12); // licenses × 12 months
  });

  it("an edition change of prepaid licenses: the price per license and the next period's price under the new edition, as the engine bills it", async () => {
    const el = await overview();
    const sub = await client.getSubscription();
    const l = sub.licenses!;
    const { items } = await client.listPlans();
    const target = items.find((p) => p.model === 'prepaid-licenses' && p.id !== sub.plan.id)!;
    choose(field(el, 'plan'), target.id);
    await el.updateComplete;
    button(shadow(el), 'Change edition').click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    const now = l.licenses * l.periodMonths * l.unitPrice;
    const next = l.nextPeriod.licenses * l.nextPeriod.months * target.unitPrice;
    expect(quoteRows(dialog)).to.deep.equal([
      `Monthly price now ${money(sub.plan.unitPrice)} per license`,
      `Monthly price from ${day(l.nextPeriod.start)} ${money(target.unitPrice)} per license`,
      `Price per period now ${money(now)} (${frequency(l.periodMonths)})`,
      `Price per period from ${day(l.nextPeriod.start)} ${money(next)} (${frequency(l.nextPeriod.months)})`,
    ]);
    await confirm(el, dialog, `The edition changes to ${target.name} from ${day(l.nextPeriod.start)}.`);
    store().setToday(l.nextPeriod.start);
    const invoice = await invoiceFrom(l.nextPeriod.start);
    expect(invoice.planId).to.equal(target.id);
    expect(invoice.subtotal).to.equal(next);
  });

  it("an edition change billed by users: this month's bill stays on the edition in force, the next month's is at the new prices", async () => {
    store().loadScenario('injixo-advanced');
    const el = await overview();
    const sub = await client.getSubscription();
    const { items } = await client.listPlans();
    const target = items.find((p) => p.id === 'injixo-enterprise')!;
    choose(field(el, 'plan'), target.id);
    await el.updateComplete;
    button(shadow(el), 'Change edition').click();
    const dialog = await find<HTMLDialogElement>(el, 'dialog[open]');
    const price = (p: typeof target): string =>
      `${money(p.baseFee!)} base fee, ${p.includedUsers} users included; ${money(p.unitPrice)} per extra user`;
    expect(quoteRows(dialog)).to.deep.equal([
      `Monthly price now ${price(sub.plan)}`,
      `Monthly price from ${day(sub.nextPeriod.start)} ${price(target)}`,
    ]);
    expect(fold(text(dialog.querySelector('#dialog-body')))).to.equal(
      `You stay on ${sub.plan.name} until ${day(sub.currentPeriod.end)}; ${target.name} applies from ${day(sub.nextPeriod.start)}.`,
    );
    await confirm(el, dialog, `The edition changes to ${target.name} from ${day(sub.nextPeriod.start)}.`);
    // Both months issued: the one after the next period's first month has begun.
    const after = new Date(`${sub.nextPeriod.end}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    store().setToday(after.toISOString().slice(0, 10));
    const line = (i: Invoice, kind: string) => i.lines.find((x) => x.kind === kind)!;
    const thisMonth = await invoiceFrom(sub.currentPeriod.start);
    expect(thisMonth.planId).to.equal(sub.plan.id);
    expect(line(thisMonth, 'base-fee').amount).to.equal(sub.plan.baseFee);
    expect(line(thisMonth, 'extra-users').unitPrice).to.equal(sub.plan.unitPrice);
    const nextMonth = await invoiceFrom(sub.nextPeriod.start);
    expect(nextMonth.planId).to.equal(target.id);
    expect(line(nextMonth, 'base-fee').amount).to.equal(target.baseFee);
    expect(line(nextMonth, 'extra-users').unitPrice).to.equal(target.unitPrice);
  });
});
