/**
 * Issue 15, "every figure is a way in": a point (a day) or a bar (a month) of
 * `<billing-user-count-chart>` opens the people behind its count, by mouse (a click on the
 * point or bar, at the pixel chart.js drew it), by keyboard (Enter on the readout's day or
 * month, or the count's button in the table), through `billing-people` (cancelable: a
 * host's `preventDefault()` keeps the dialog shut), and the people dialog's billed tab
 * counts the figure shown.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import { BillingClient, type DailyUsage } from '../../src/client/index.js';
import type { BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import type { BillingPeopleEvent, PeopleQuery } from '../../src/internal/events.js';
import { all, BASE_URL, deepActiveElement, find, render, shadow, text, useMockBackend } from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

/** The `billing-people` events that reached the document, and whether the host cancels them. */
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

afterEach(async () => {
  document.removeEventListener('billing-people', onPeople);
  await resetMouse();
});

async function chartEl(): Promise<BillingUserCountChart> {
  return render<BillingUserCountChart>(
    html`<billing-provider base-url=${BASE_URL} lang="en"
      ><billing-user-count-chart></billing-user-count-chart
    ></billing-provider>`,
    'billing-user-count-chart',
  );
}

async function drawn(el: BillingUserCountChart, label = 'Users per day'): Promise<Chart> {
  await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === label), `no ${label} drawn`, {
    timeout: 10_000,
  });
  return el.chart!;
}

function canvas(el: HTMLElement): HTMLCanvasElement {
  return shadow(el).querySelector('canvas')!;
}

function readout(el: HTMLElement): string[] {
  return all(el, '[part=readout] > *').map((line) => text(line));
}

/** Clicks the chart where chart.js drew the value `y` at `x` (a point's dot, or inside a bar just below its top). */
async function clickAt(el: BillingUserCountChart, x: number, y: number): Promise<void> {
  const chart = el.chart!;
  const box = canvas(el).getBoundingClientRect();
  const px = chart.scales['x']!.getPixelForValue(x);
  const py = chart.scales['y']!.getPixelForValue(y);
  await sendMouse({ type: 'click', position: [Math.round(box.left + px), Math.round(box.top + py)] });
}

const count = (n: number): string => new Intl.NumberFormat('en').format(n);
const mediumDate = (iso: string): string =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** The people the API lists for a day: active that day (listed) and deleted since (not listed). */
async function peopleOn(month: string, day: string): Promise<number> {
  const page = await client.listUsers({ month, day, billed: true, limit: 1 });
  return page.billedCount + (page.hiddenDeleted ?? 0);
}

/** A day of the month other than the first and the last, with people. */
function middleDay(daily: DailyUsage): number {
  const i = Math.floor(daily.days.length / 2);
  expect(daily.days[i]!.count).to.be.greaterThan(0);
  return i;
}

/** The people dialog the chart opened, once its table shows the billed tab's count. */
async function peopleDialog(el: HTMLElement): Promise<{ title: string; billed: string }> {
  const dialog = await find(el, 'billing-people-dialog');
  await waitUntil(
    () => dialog.shadowRoot?.querySelector('billing-users-table')?.shadowRoot?.querySelector('#tab-billed .count'),
    'the people dialog shows no billed tab',
    { timeout: 10_000 },
  );
  const table = dialog.shadowRoot!.querySelector('billing-users-table')!;
  return {
    title: text(dialog.shadowRoot!.querySelector('h2')),
    billed: text(table.shadowRoot!.querySelector('#tab-billed .count')),
  };
}

describe('<billing-user-count-chart>: the people behind a count (issue 15)', () => {
  it("a click on a day's point opens the people active that day: its date, and the count the readout shows", async () => {
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const i = middleDay(daily);
    const day = daily.days[i]!;
    await clickAt(el, i, day.count);
    await waitUntil(() => opened.length === 1, 'no billing-people event');
    expect(opened[0]).to.deep.equal({ figure: 'day', month: '2026-11', day: day.date, count: day.count });
    // The figure on screen: the readout of the day clicked.
    expect(readout(el)).to.deep.equal([mediumDate(day.date), `Users: ${count(day.count)}`]);
    // The count is /usage/daily's, and the people listed for that day add up to it.
    expect(await peopleOn('2026-11', day.date)).to.equal(day.count);
    // The host cancelled it: no dialog.
    await new Promise((r) => setTimeout(r, 100));
    expect(shadow(el).querySelector('billing-people-dialog')).to.equal(null);
  });

  it("a click on a month's bar opens the month's billed users, with the bar's count", async () => {
    const el = await chartEl();
    await drawn(el);
    shadow(el).querySelector<HTMLButtonElement>('[part=period-button]:nth-child(2)')!.click();
    await drawn(el, 'Billed users');
    const year = await client.getMonthlyUsage(2026);
    const i = 3; // April: a closed month
    const m = year.months[i]!;
    expect(m.billedCount).to.be.greaterThan(0);
    await clickAt(el, i, m.billedCount / 2); // inside the bar
    await waitUntil(() => opened.length === 1, 'no billing-people event');
    expect(opened[0]).to.deep.equal({ figure: 'month', month: m.month, count: m.billedCount });
    expect(readout(el)[0]).to.equal('April 2026');
    expect(readout(el)[1]).to.equal(`Billed users: ${count(m.billedCount)}`);
    const page = await client.listUsers({ month: m.month, billed: true, limit: 1 });
    expect(page.billedCount + (page.hiddenDeleted ?? 0)).to.equal(m.billedCount);
  });

  it('Enter on the day in the readout opens its people, from the keyboard alone', async () => {
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(canvas(el));
    expect(canvas(el).getAttribute('aria-label')).to.include('Enter to see the people behind one');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    const day = daily.days[1]!;
    await waitUntil(() => readout(el)[0] === mediumDate(day.date), 'the readout is not on the second day');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened.length === 1, 'Enter opened nothing');
    expect(opened[0]).to.deep.equal({ figure: 'day', month: '2026-11', day: day.date, count: day.count });
  });

  it("the table's counts are buttons that open the day's or the month's people; a count of 0 opens nothing", async () => {
    store().loadScenario('workplace-trial');
    const el = await chartEl();
    await drawn(el);
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    const table = await find<HTMLTableElement>(el, 'table');
    const today = (await client.getMe()).today;
    const daily = await client.getDailyUsage(today.slice(0, 7));
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(daily.days.length);
    rows.forEach((row, r) => {
      const b = row.querySelector('td button');
      expect(Boolean(b)).to.equal(daily.days[r]!.count > 0);
      if (b) expect(text(b)).to.equal(count(daily.days[r]!.count));
    });
    // From the keyboard: the first count's button, Enter.
    const first = table.querySelector<HTMLButtonElement>('td button')!;
    const r = rows.findIndex((row) => row.contains(first));
    first.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => opened.length === 1, 'Enter on the count opened nothing');
    expect(opened[0]).to.deep.equal({
      figure: 'day',
      month: daily.month,
      day: daily.days[r]!.date,
      count: daily.days[r]!.count,
    });
    await expect(el).to.be.accessible();

    // The year: the trial's months open their people too (they are the month's listed
    // people), a month whose count is 0 (nobody active every day of it) has no button.
    shadow(el).querySelector<HTMLButtonElement>('[part=period-button]:nth-child(2)')!.click();
    await waitUntil(() => text(shadow(el).querySelector('caption')).includes('per month'), 'no year table');
    const year = await client.getMonthlyUsage(Number(today.slice(0, 4)));
    const monthRows = all(el, 'tbody tr');
    const shownMonths = year.months.filter((m) =>
      monthRows.some((row) => text(row.querySelector('th')) === monthName(m.month)),
    );
    expect(shownMonths.length).to.equal(monthRows.length);
    expect(shownMonths.some((m) => m.billedCount === 0)).to.equal(true);
    expect(shownMonths.some((m) => m.beforeFirstBilledMonth && m.billedCount > 0)).to.equal(true);
    monthRows.forEach((row, k) => {
      const m = shownMonths[k]!;
      expect(Boolean(row.querySelector('td button')), m.month).to.equal(m.billedCount > 0);
    });
    const k = shownMonths.findIndex((m) => m.beforeFirstBilledMonth && m.billedCount > 0);
    monthRows[k]!.querySelector<HTMLButtonElement>('td button')!.click();
    await waitUntil(() => opened.length === 2, 'the month button opened nothing');
    const m = shownMonths[k]!;
    expect(opened[1]).to.deep.equal({ figure: 'month', month: m.month, count: m.billedCount });
    await expect(el).to.be.accessible();
  });

  it("unless the host cancels it, the people dialog opens: its billed tab counts the day's and the month's figure", async () => {
    cancel = false;
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const i = middleDay(daily);
    const day = daily.days[i]!;
    canvas(el).focus();
    await sendKeys({ press: 'Home' });
    for (let k = 0; k < i; k++) await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => readout(el)[0] === mediumDate(day.date));
    await sendKeys({ press: 'Enter' });
    const shown = await peopleDialog(el);
    expect(opened.length).to.equal(1);
    expect(shown.billed).to.equal(
      count(
        day.count -
          ((await client.listUsers({ month: '2026-11', day: day.date, billed: true, limit: 1 })).hiddenDeleted ?? 0),
      ),
    );
    expect(shown.title).to.include(count(day.count));
    // Escape closes it, and the focus is back on the chart.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('billing-people-dialog'), 'the dialog stayed');
    expect(deepActiveElement()).to.equal(canvas(el));

    // A month: the bar's people.
    shadow(el).querySelector<HTMLButtonElement>('[part=period-button]:nth-child(2)')!.click();
    await drawn(el, 'Billed users');
    const year = await client.getMonthlyUsage(2026);
    const m = year.months[3]!;
    await clickAt(el, 3, m.billedCount / 2);
    const month = await peopleDialog(el);
    const page = await client.listUsers({ month: m.month, billed: true, limit: 1 });
    expect(month.billed).to.equal(count(m.billedCount - (page.hiddenDeleted ?? 0)));
    expect(month.title).to.include(count(m.billedCount));
  });

  it('figures the host gives open nothing', async () => {
    const daily = await client.getDailyUsage('2026-11');
    const el = await render<BillingUserCountChart>(
      html`<billing-user-count-chart lang="en" .data=${daily} show-table></billing-user-count-chart>`,
      'billing-user-count-chart',
    );
    await find(el, 'table');
    expect(shadow(el).querySelector('td button')).to.equal(null);
  });
});

function monthName(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, 1)),
  );
}
