/**
 * Issue 15 in the users table: every verdict in full (the person panel, from the row's
 * reason) and the deactivation's what-if, checked against what the engine then bills: the
 * test deactivates, moves the mock's clock past the month's end, and compares the invoices
 * issued and the person's verdict with what the dialog said.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { BillingClient, type DeactivationPreview, type Invoice } from '../../src/client/index.js';
import type { BillingUsersTable } from '../../src/components/users-table/users-table.js';
import { all, BASE_URL, find, render, shadow, text, useMockBackend } from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

const date = (iso: string): string =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const month = (ym: string): string =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${ym}-01T00:00:00Z`),
  );
const money = (minor: number, currency: string): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);

async function table(attrs: { day?: string } = {}): Promise<BillingUsersTable> {
  const el = await render<BillingUsersTable>(
    html`<billing-provider base-url=${BASE_URL} lang="en"
      ><billing-users-table day=${attrs.day ?? ''}></billing-users-table
    ></billing-provider>`,
    'billing-users-table',
  );
  await find(el, 'tbody tr.row');
  return el;
}

const rows = (el: HTMLElement): HTMLTableRowElement[] => all<HTMLTableRowElement>(el, 'tbody tr.row');

/** Narrows the table to one person by their e-mail. */
async function only(
  el: BillingUsersTable,
  email: string,
  tab: 'billed' | 'not-billed' = 'billed',
): Promise<HTMLTableRowElement> {
  if (tab !== el.tab) {
    shadow(el).querySelector<HTMLButtonElement>(`#tab-${tab}`)!.click();
    await waitUntil(() => el.tab === tab);
  }
  const input = shadow(el).querySelector<HTMLInputElement>('input[type=search]')!;
  input.focus();
  await sendKeys({ type: email });
  // The whole address searched (a prefix may narrow to one row before the last keystroke's search).
  await waitUntil(
    () =>
      el.search === email &&
      rows(el).length === 1 &&
      text(rows(el)[0]).includes(email) &&
      !text(shadow(el).querySelector('.footer')).includes('Loading'),
    `no row of ${email}`,
  );
  return rows(el)[0]!;
}

/** The user dialog's open `<dialog>`. */
async function userDialog(el: BillingUsersTable): Promise<HTMLDialogElement> {
  const host = await find(el, 'billing-user-dialog');
  return find<HTMLDialogElement>(host, 'dialog[open]');
}

/** The issued invoice of `ym` (a month, or a license period's first month). */
async function invoiceOf(ym: string): Promise<Invoice> {
  const page = await client.listInvoices({ limit: 100 });
  const summary = page.items.find((i) => i.periodStart.startsWith(ym) && i.status !== 'upcoming');
  if (!summary) throw new Error(`no invoice issued for ${ym}`);
  return client.getInvoice(summary.id);
}

/** Opens the deactivate question of the person with `email`, and waits for its what-if. */
async function askDeactivate(el: BillingUsersTable, email: string): Promise<HTMLDialogElement> {
  const row = await only(el, email);
  row.querySelector<HTMLButtonElement>('.act button')!.click();
  const dialog = await userDialog(el);
  await waitUntil(() => /\.$/.test(text(dialog.querySelector('.what-if'))), 'no what-if'); // sentences, not "Working out…"
  return dialog;
}

async function confirmDeactivate(el: BillingUsersTable, dialog: HTMLDialogElement, name: string): Promise<void> {
  [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Deactivate')!.click();
  await waitUntil(() => text(shadow(el).querySelector('.status-message')).includes(`${name} is deactivated`));
}

const whatIf = (dialog: HTMLDialogElement): string => text(dialog.querySelector('.what-if'));

describe('<billing-users-table>: every verdict in full', () => {
  it("a billed person's reason opens their verdict in a sentence and the month's facts, each with its effect", async () => {
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    const person = page.items.find((u) => u.role === 'member' && u.reason === 'active-on-peak-day')!;
    const timeline = await client.getUserTimeline(person.id, '2026-11');
    const el = await table();
    const row = await only(el, person.email);
    // A real click (the row takes the focus, as under a mouse).
    const box = row.querySelector<HTMLElement>('td.reason')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 10), Math.round(box.y + box.height / 2)] });
    const dialog = await userDialog(el);
    await waitUntil(() => dialog.querySelector('.verdict'), 'no verdict');
    expect(text(dialog.querySelector('h2'))).to.equal(person.name);
    expect(text(dialog.querySelector('.verdict'))).to.equal(
      `Billed: Active on ${date(person.reasonDate!)}, the day of the month's peak.`,
    );
    const items = [...dialog.querySelectorAll('.facts li')];
    expect(items.length).to.equal(timeline.events.length);
    const words = { bills: 'Counts: why billed', excludes: 'Why not billed', none: 'No effect on this bill' };
    timeline.events.forEach((e, i) => {
      expect(text(items[i]), `fact ${i}`).to.include(date(e.on));
      expect(text(items[i]!.querySelector('.effect'))).to.equal(words[e.effect]);
    });
    const peak = timeline.events.find((e) => e.kind === 'peak-day')!;
    expect(text(items[timeline.events.indexOf(peak)])).to.include(`The month's peak: ${peak.count} users`);
    await expect(el).to.be.accessible();

    // Closed: the focus is back on the row.
    [...dialog.querySelectorAll('button')].find((b) => text(b) === 'Close')!.click();
    await waitUntil(() => !shadow(el).querySelector('billing-user-dialog'));
    await waitUntil(() => shadow(el).activeElement === rows(el)[0], 'focus not back on the row');
  });

  it('Enter on a focused row opens a not billed person: why not, and the fact that excludes them', async () => {
    const page = await client.listUsers({ month: '2026-11', billed: false, limit: 500 });
    const person = page.items.find((u) => u.reason === 'deactivated')!;
    const el = await table();
    const row = await only(el, person.email, 'not-billed');
    row.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await userDialog(el);
    await waitUntil(() => dialog.querySelector('.verdict'), 'no verdict');
    expect(text(dialog.querySelector('.verdict'))).to.equal(`Not billed: Deactivated on ${date(person.reasonDate!)}.`);
    const excludes = dialog.querySelector('.facts li.excludes')!;
    expect(text(excludes)).to.include(`${date(person.reasonDate!)}: Deactivated`);
    expect(text(excludes)).to.include('Why not billed');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('billing-user-dialog'));
    await waitUntil(() => shadow(el).activeElement === rows(el)[0], 'focus not back on the row');
  });

  it('says when the facts cannot be loaded, and loads them on retry', async () => {
    const person = (await client.listUsers({ month: '2026-11', billed: true })).items[0]!;
    store().setFaults([{ operation: 'getUserTimeline', kind: 'network-error', times: 1 }]);
    const el = await table();
    (await only(el, person.email)).querySelector<HTMLElement>('td.reason')!.click();
    const dialog = await userDialog(el);
    await waitUntil(() => dialog.querySelector('.state.error'), 'no error state');
    expect(text(dialog.querySelector('.state.error'))).to.include('could not be reached');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => dialog.querySelector('.verdict'), 'no verdict after the retry');
    expect(text(dialog.querySelector('.verdict'))).to.match(/^Billed: /);
  });

  it("a day: the billed tab lists that day's people, as many as /usage/daily counts", async () => {
    const daily = await client.getDailyUsage('2026-11');
    const day = daily.days.find((d) => d.date === '2026-11-03')!;
    const el = await table({ day: day.date });
    const tab = shadow(el).querySelector('#tab-billed')!;
    expect(text(tab).startsWith(`Active on ${date(day.date)}`)).to.equal(true);
    expect(text(tab.querySelector('.count'))).to.equal(String(day.count));
    expect(el.getAttribute('day')).to.equal(day.date);
    const page = await client.listUsers({ month: '2026-11', day: day.date, billed: true });
    expect(text(rows(el)[0])).to.include(page.items[0]!.name);
    await expect(el).to.be.accessible();
    // Another month picked: the day goes.
    const select = shadow(el).querySelector('select')!;
    select.value = select.options[1]!.value;
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => !el.day && text(shadow(el).querySelector('#tab-billed')).startsWith('Billed users'));
  });
});

describe('<billing-users-table>: what deactivating does to the bill', () => {
  /** The what-if's sentences for `p`, as the dialog should word them, from the API's numbers. */
  function expectNext(said: string, p: DeactivationPreview): void {
    const next = p.months[1]!;
    expect(said).to.include(`Not billed from ${month(next.month)}.`);
    expect(said).to.include(
      `The bill drops from ${money(next.amountBefore, p.currency)} to ${money(next.amountAfter, p.currency)}`,
    );
  }

  it('peak plan, after the peak day: still billed this month, not the next; the engine then bills so', async () => {
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    const person = page.items.find((u) => u.role === 'member' && u.status === 'active')!;
    const p = await client.previewDeactivation(person.id);
    const now = p.months[0]!;
    expect(now.billedAfter).to.equal(true);
    const el = await table();
    const dialog = await askDeactivate(el, person.email);
    const said = whatIf(dialog);
    expect(said).to.include(
      `Still billed for November 2026: Active on ${date(now.reasonDate!)}, the day of the month's peak.`,
    );
    expectNext(said, p);
    await expect(el).to.be.accessible();
    await confirmDeactivate(el, dialog, person.name);

    store().setToday('2027-01-01'); // November and December issued
    const nov = await client.listUsers({ month: '2026-11', billed: true, q: person.email });
    expect(nov.items.map((u) => u.id)).to.include(person.id); // still billed for November
    expect((await invoiceOf('2026-11')).subtotal).to.equal(now.amountAfter);
    const dec = await client.listUsers({ month: '2026-12', billed: true, q: person.email });
    expect(dec.items.map((u) => u.id)).to.not.include(person.id);
    expect(money((await invoiceOf('2026-12')).subtotal, p.currency)).to.equal(
      money(p.months[1]!.amountAfter, p.currency),
    );
  });

  it('peak plan, before the peak day: not billed this month, and the bill drops as said', async () => {
    store().setToday('2026-12-01');
    const page = await client.listUsers({ month: '2026-12', billed: true, limit: 500 });
    const person = page.items.find((u) => u.role === 'member' && u.status === 'active')!;
    const p = await client.previewDeactivation(person.id);
    const now = p.months[0]!;
    expect(now.billedAfter).to.equal(false);
    const el = await table();
    const dialog = await askDeactivate(el, person.email);
    const said = whatIf(dialog);
    expect(said).to.include(
      `Not billed for December 2026: Deactivated on ${date(now.reasonDate!)}, before the month's peak.`,
    );
    if (now.amountAfter !== now.amountBefore) {
      expect(said).to.include(
        `The bill drops from ${money(now.amountBefore, p.currency)} to ${money(now.amountAfter, p.currency)}`,
      );
    }
    await confirmDeactivate(el, dialog, person.name);

    store().setToday('2027-01-01');
    const dec = await client.listUsers({ month: '2026-12', billed: false, q: person.email });
    expect(dec.items.find((u) => u.id === person.id)?.reason).to.equal('deactivated');
    expect((await invoiceOf('2026-12')).subtotal).to.equal(now.amountAfter);
  });

  it('per user: still billed for the month (active in it), not from the next; the engine then bills so', async () => {
    store().loadScenario('injixo-classic');
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    const person = page.items.find((u) => u.role === 'member' && u.status === 'active')!;
    const p = await client.previewDeactivation(person.id);
    const el = await table();
    const dialog = await askDeactivate(el, person.email);
    const said = whatIf(dialog);
    expect(said).to.include('Still billed for November 2026: Active during the month.');
    expectNext(said, p);
    await confirmDeactivate(el, dialog, person.name);

    store().setToday('2027-01-01');
    expect((await invoiceOf('2026-11')).subtotal).to.equal(p.months[0]!.amountAfter);
    expect((await invoiceOf('2026-12')).subtotal).to.equal(p.months[1]!.amountAfter);
    const dec = await client.listUsers({ month: '2026-12', billed: true, q: person.email });
    expect(dec.items.map((u) => u.id)).to.not.include(person.id);
  });

  it('prepaid licenses: the license stays billed for the period; removing it lowers the next, as the engine then bills', async () => {
    store().loadScenario('severa-prepaid');
    const page = await client.listUsers({ month: '2026-11', billed: true, limit: 500 });
    const person = page.items.find((u) => u.role === 'member' && u.status === 'active')!;
    const keep = await client.previewDeactivation(person.id, false);
    const remove = await client.previewDeactivation(person.id, true);
    const el = await table();
    const dialog = await askDeactivate(el, person.email);
    let said = whatIf(dialog);
    expect(said).to.include(`The license stays billed until ${date(keep.months[0]!.periodEnd!)}`);
    expect(said).to.include(`The license stays in the next period, from ${month(keep.months[1]!.month)}`);
    expect(said).to.include(`The bill stays at ${money(keep.months[1]!.amountAfter, keep.currency)}`);
    await expect(el).to.be.accessible();

    // The choice changes what is said.
    [...dialog.querySelectorAll('label')].find((l) => text(l) === 'Remove the license from the next period')!.click();
    await waitUntil(() => whatIf(dialog).includes('removed'), 'the what-if did not follow the choice');
    said = whatIf(dialog);
    expect(said).to.include(`The license is removed from the next period, from ${month(remove.months[1]!.month)}.`);
    expect(said).to.include(
      `The bill drops from ${money(remove.months[1]!.amountBefore, remove.currency)} to ${money(remove.months[1]!.amountAfter, remove.currency)}`,
    );
    await confirmDeactivate(el, dialog, person.name);

    store().setToday(remove.months[1]!.month + '-01'); // the next period's invoice issued
    const invoice = await invoiceOf(remove.months[1]!.month);
    expect(invoice.subtotal).to.equal(remove.months[1]!.amountAfter);
    expect((await client.getLicenses()).licenses).to.equal(remove.months[1]!.licensesAfter);
  });
});
