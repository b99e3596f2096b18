/**
 * The people behind a figure (issue 15): `showPeople` from an element inside a provider
 * fires the cancelable `billing-people` event and, unless the host cancels it, shows the
 * people dialog in the element's shadow root: a heading naming the figure, a users table of
 * that month (or day) whose billed tab counts the figure. The figures are the API's own
 * (an invoice's user count, the month's peak, a day of /usage/daily, the licenses).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { BillingClient } from '../../src/client/index.js';
import type { BillingUsersTable } from '../../src/components/users-table/users-table.js';
import { BillingElement } from '../../src/internal/billing-element.js';
import type { BillingPeopleEvent, PeopleQuery } from '../../src/internal/events.js';
import { showPeople } from '../../src/internal/show-people.js';
import { BASE_URL, deepActiveElement, deepQuery, find, render, shadow, text, useMockBackend } from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

/** An element with a figure (a button), as the kit's elements show one. */
class PeopleHost extends BillingElement {
  protected override render() {
    return html`<button type="button">53 users</button>`;
  }
}
customElements.define('test-people-host', PeopleHost);

async function host(lang = 'en'): Promise<PeopleHost> {
  const el = await render<PeopleHost>(
    html`<billing-provider base-url=${BASE_URL} lang=${lang}><test-people-host></test-people-host></billing-provider>`,
    'test-people-host',
  );
  await el.updateComplete;
  return el;
}

/** Opens `query` from the host's button (focused first), and waits for the table's first rows. */
async function open(
  el: PeopleHost,
  query: PeopleQuery,
): Promise<{ dialog: HTMLDialogElement; table: BillingUsersTable }> {
  shadow(el).querySelector('button')!.focus();
  await showPeople(el, query);
  const people = await find(el, 'billing-people-dialog');
  const dialog = await find<HTMLDialogElement>(people, 'dialog[open]');
  const table = await find<BillingUsersTable>(el, 'billing-users-table');
  await find(table, 'tbody tr.row', 10_000);
  await waitUntil(() => !text(shadow(table).querySelector('.footer')).includes('Loading'));
  return { dialog, table };
}

const heading = (dialog: HTMLDialogElement): string => text(dialog.querySelector('h2'));
const billedTab = (table: BillingUsersTable): HTMLElement => shadow(table).querySelector<HTMLElement>('#tab-billed')!;
const billedCount = (table: BillingUsersTable): string => text(billedTab(table).querySelector('.count'));

describe('the people behind a figure (showPeople)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it("an invoice's user count: the heading names it, and the table's billed tab counts as many", async () => {
    const invoices = await client.listInvoices({ limit: 50 });
    const october = invoices.items.find((i) => i.periodStart.startsWith('2026-10'))!;
    const line = (await client.getInvoice(october.id)).lines.find((l) => l.kind === 'user-count')!;
    const el = await host();
    const { dialog, table } = await open(el, { month: '2026-10', figure: 'user-count', count: line.quantity });
    expect(heading(dialog)).to.equal(`${line.quantity} billed users in October 2026`);
    expect(table.month).to.equal('2026-10');
    expect(billedCount(table)).to.equal(String(line.quantity));
    expect(dialog.getAttribute('aria-labelledby')).to.equal('people-title');
    await expect(el).to.be.accessible();
  });

  it("the month's peak (in progress): the billed tab counts the peak", async () => {
    const usage = await client.getMonthlyUsage(2026);
    const november = usage.months.find((m) => m.month === '2026-11')!;
    expect(november.peak!.count).to.equal(november.billedCount);
    const el = await host();
    const { dialog, table } = await open(el, { month: '2026-11', figure: 'peak', count: november.peak!.count });
    expect(heading(dialog)).to.equal(`${november.peak!.count} billed users in November 2026`);
    expect(billedCount(table)).to.equal(String(november.peak!.count));
  });

  it('a day of the chart: the people active that day, as many as /usage/daily counts', async () => {
    const daily = await client.getDailyUsage('2026-11');
    // A day whose count is not the peak's, so the list is not the month's billed one.
    const day = daily.days.find((d) => d.count !== daily.peak!.count && d.date <= store().today)!;
    const el = await host();
    const { dialog, table } = await open(el, { month: '2026-11', day: day.date, figure: 'day', count: day.count });
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${day.date}T00:00:00Z`),
    );
    expect(heading(dialog)).to.equal(`People active on ${date}: ${day.count}`);
    expect(table.day).to.equal(day.date);
    expect(text(billedTab(table)).startsWith(`Active on ${date}`)).to.equal(true);
    expect(billedCount(table)).to.equal(String(day.count));
    // The rows are that day's people: each one active on the day.
    const page = await client.listUsers({ month: '2026-11', day: day.date, billed: true, limit: 500 });
    expect(
      page.items.every((u) => u.startDate <= day.date && (!u.deactivatedOn || day.date < u.deactivatedOn)),
    ).to.equal(true);
    await expect(el).to.be.accessible();
  });

  describe('under prepaid licenses', () => {
    beforeEach(() => store().loadScenario('severa-prepaid'));

    it('the licenses of the period in progress: held and free, the billed tab counting the held ones', async () => {
      const licenses = await client.getLicenses();
      const el = await host();
      const { dialog, table } = await open(el, { month: '2026-11', figure: 'licenses', count: licenses.licenses });
      await waitUntil(() => heading(dialog).includes('free'), 'the free licenses never shown');
      expect(heading(dialog)).to.equal(
        `${licenses.licenses} licenses: ${licenses.assigned} held, ${licenses.free} free`,
      );
      expect(licenses.assigned + licenses.free).to.equal(licenses.licenses);
      const page = await client.listUsers({ month: '2026-11', billed: true, limit: 1 });
      expect(billedCount(table)).to.equal(String(page.billedCount));
      expect(billedCount(table)).to.equal(String(licenses.assigned)); // the holders are the billed tab
      await expect(el).to.be.accessible();
    });

    it('a past month: the licenses held then', async () => {
      const page = await client.listUsers({ month: '2026-03', billed: true, limit: 1 });
      const el = await host();
      const { dialog, table } = await open(el, { month: '2026-03', figure: 'licenses', count: 40 });
      await waitUntil(() => heading(dialog).includes('held'), 'the held licenses never shown');
      expect(heading(dialog)).to.equal(`40 licenses in March 2026: ${page.billedCount} held`);
      expect(billedCount(table)).to.equal(String(page.billedCount));
    });
  });

  it('a host that cancels the event shows its own page: no dialog', async () => {
    const el = await host();
    const seen: PeopleQuery[] = [];
    document.addEventListener(
      'billing-people',
      (e: BillingPeopleEvent) => {
        seen.push(e.detail);
        e.preventDefault();
      },
      { once: true },
    );
    const query: PeopleQuery = { month: '2026-10', figure: 'month', count: 53 };
    await showPeople(el, query);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).to.deep.equal([query]);
    expect(deepQuery(shadow(el), 'billing-people-dialog')).to.equal(null);
  });

  it('closes with Escape or its close button, gives the focus back, and leaves nothing behind', async () => {
    const el = await host();
    const opener = shadow(el).querySelector('button')!;
    await open(el, { month: '2026-10', figure: 'month', count: 53 });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !deepQuery(shadow(el), 'billing-people-dialog'), 'the dialog stayed');
    expect(deepActiveElement()).to.equal(opener);

    const { dialog } = await open(el, { month: '2026-10', figure: 'month', count: 53 });
    dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    await waitUntil(() => !deepQuery(shadow(el), 'billing-people-dialog'), 'the dialog stayed');
    expect(deepActiveElement()).to.equal(opener);
  });

  it('speaks the language of the page (Dutch)', async () => {
    const el = await host('nl');
    const { dialog, table } = await open(el, { month: '2026-10', figure: 'month', count: 53 });
    expect(heading(dialog)).to.equal('53 gefactureerde gebruikers in oktober 2026');
    expect(text(billedTab(table))).to.include('Gefactureerde gebruikers');
    expect(dialog.querySelector('button.close')!.getAttribute('aria-label')).to.equal('Sluiten');
  });

  it('fits a 360 px screen: the dialog within it, the table as cards', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await host();
    const { dialog, table } = await open(el, { month: '2026-10', figure: 'month', count: 53 });
    const box = dialog.getBoundingClientRect();
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    const row = shadow(table).querySelector<HTMLElement>('tbody tr.row')!;
    expect(row.getBoundingClientRect().right).to.be.at.most(box.right);
    expect(getComputedStyle(row).display).to.not.equal('table-row'); // a card
    await expect(el).to.be.accessible();
  });
});
