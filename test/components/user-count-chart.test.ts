import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import { BillingClient, type DailyUsage } from '../../src/client/index.js';
import type { BillingProvider } from '../../src/context/billing-provider.js';
import { onFirstUse, type BillingUserCountChart } from '../../src/components/user-count-chart/user-count-chart.js';
import { all, BASE_URL, find, render, shadow, text, useMockBackend, waitForText } from './support.js';

const store = useMockBackend('injixo-advanced');
const client = new BillingClient({ baseUrl: BASE_URL });

interface XY {
  x: number;
  y: number | null;
}

/** Every request the provider's elements make, as `path?query`. */
let requests: string[] = [];
function recordingFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  requests.push(`${url.pathname.replace(BASE_URL, '')}${url.search}`);
  return fetch(request);
}

beforeEach(() => {
  requests = [];
});

afterEach(() => resetMouse());

async function chartEl(lang = 'en'): Promise<BillingUserCountChart> {
  return render<BillingUserCountChart>(
    html`<billing-provider base-url=${BASE_URL} lang=${lang} .fetch=${recordingFetch}
      ><billing-user-count-chart></billing-user-count-chart
    ></billing-provider>`,
    'billing-user-count-chart',
  );
}

/** Waits until the chart is drawn, and returns it. */
async function drawn(el: BillingUserCountChart): Promise<Chart> {
  await waitUntil(() => el.chart, 'the chart was never drawn', { timeout: 10_000 });
  return el.chart!;
}

/** The points of the series named `label`, as drawn. */
function series(chart: Chart | undefined, label: string): XY[] {
  const dataset = chart?.data.datasets.find((d) => d.label === label);
  if (!dataset) throw new Error(`no series "${label}"`);
  return dataset.data as XY[];
}

const values = (points: XY[]): (number | null)[] => points.map((p) => p.y);

function button(el: HTMLElement, label: string): HTMLButtonElement {
  const b = all<HTMLButtonElement>(el, 'button').find((x) => text(x) === label);
  if (!b) throw new Error(`no button "${label}"`);
  return b;
}

function select(el: HTMLElement): HTMLSelectElement {
  return shadow(el).querySelector<HTMLSelectElement>('.toolbar select')!;
}

async function pick(el: HTMLElement, value: string): Promise<void> {
  const s = select(el);
  s.value = value;
  s.dispatchEvent(new Event('change'));
}

function stat(el: HTMLElement, label: string): string {
  const item = all(el, '.stat').find((s) => text(s.querySelector('dt')) === label);
  return text(item?.querySelector('dd'));
}

/** The lines of the readout, as shown. */
function readout(el: HTMLElement): string[] {
  return all(el, '[part=readout] > *').map((line) => text(line));
}

function canvas(el: HTMLElement): HTMLCanvasElement {
  return shadow(el).querySelector('canvas')!;
}

/** Moves the mouse over the chart, above the value `x` of its x axis. */
async function pointAt(el: BillingUserCountChart, x: number): Promise<void> {
  const box = canvas(el).getBoundingClientRect();
  const px = el.chart!.scales['x']!.getPixelForValue(x);
  await sendMouse({ type: 'move', position: [Math.round(box.left + px), Math.round(box.top + box.height / 2)] });
}

const count = (n: number, lang = 'en'): string => new Intl.NumberFormat(lang).format(n);
const mediumDate = (iso: string): string =>
  new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** A long daily series, as a host or the benchmark would pass it in `data`. */
function longSeries(days: number): DailyUsage {
  const start = Date.UTC(2017, 0, 1);
  const days_ = Array.from({ length: days }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    count: 40 + ((i * 7) % 23),
  }));
  const peak = days_.reduce((a, d) => (d.count > a.count ? d : a));
  return {
    month: days_[0]!.date.slice(0, 7),
    days: days_,
    peak: { count: peak.count, on: peak.date },
    includedUsers: 50,
    provisional: false,
  };
}

describe('<billing-user-count-chart>', () => {
  it("draws the month's daily counts with the peak, the included users and the days so far", async () => {
    const el = await chartEl();
    const chart = await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const usage = (await client.getMonthlyUsage(2026)).months.find((m) => m.month === '2026-11')!;
    expect(daily.provisional).to.equal(true);

    const days = series(chart, 'Users per day');
    expect(days.length).to.equal(daily.days.length); // the days so far…
    expect(chart.scales['x']!.max).to.equal(29); // …on an axis that runs to November 30
    expect(values(days)).to.deep.equal(daily.days.map((d) => d.count));
    const peakIndex = daily.days.findIndex((d) => d.date === daily.peak!.on);
    expect(series(chart, 'Peak')).to.deep.equal([{ x: peakIndex, y: daily.peak!.count }]);
    expect(values(series(chart, 'Included users'))).to.deep.equal([daily.includedUsers, daily.includedUsers]);
    expect(chart.scales['y']!.max).to.be.greaterThan(daily.peak!.count);
    expect(chart.scales['y']!.min).to.be.lessThan(daily.includedUsers!);

    expect(stat(el, 'Peak')).to.equal(`${count(daily.peak!.count)} on ${mediumDate(daily.peak!.on)}`);
    expect(stat(el, 'Included users')).to.equal(count(daily.includedUsers!));
    expect(stat(el, 'Extra users')).to.equal(count(usage.extraUsers!));
    expect(text(shadow(el).querySelector('.provisional'))).to.include('Provisional');
    expect(text(shadow(el).querySelector('[part=rule]'))).to.include('highest daily user count');
    expect(all(el, '[part=legend] li').map((li) => text(li))).to.deep.equal([
      'Users per day',
      'Included users',
      'Above the included users',
      'Peak',
    ]);

    // For screen readers: what the chart is, how to read it, and the figures above it.
    expect(canvas(el).getAttribute('role')).to.equal('img');
    expect(canvas(el).getAttribute('aria-label')).to.equal(
      'Daily users, November 2026. Focus the chart and use the arrow keys to read its values one by one, Enter to see the people behind one; “Show as table” shows them all.',
    );
    const described = shadow(el).getElementById(canvas(el).getAttribute('aria-describedby')!);
    expect(text(described)).to.include(`Extra users ${count(usage.extraUsers!)}`);
    await expect(el).to.be.accessible();
  });

  it('shows the figures of the day pointed at', async () => {
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const peakIndex = daily.days.findIndex((d) => d.date === daily.peak!.on);
    expect(readout(el)).to.deep.equal([]);
    await pointAt(el, 2);
    await waitUntil(() => readout(el).length, 'no readout');
    expect(readout(el)).to.deep.equal([mediumDate(daily.days[2]!.date), `Users: ${count(daily.days[2]!.count)}`]);
    await pointAt(el, peakIndex);
    await waitUntil(() => readout(el)[0] === mediumDate(daily.peak!.on), 'the readout did not follow');
    expect(readout(el)).to.deep.equal([mediumDate(daily.peak!.on), `Users: ${count(daily.peak!.count)}`, 'Peak']);
    // Past the last day so far: the last day.
    await pointAt(el, 29);
    await waitUntil(() => readout(el)[0] === mediumDate(daily.days.at(-1)!.date), 'not the last day');
    expect(shadow(el).querySelector('[part=readout]')!.getAttribute('role')).to.equal('status');
    await sendMouse({ type: 'move', position: [0, 0] });
    await waitUntil(() => readout(el).length === 0, 'the readout stayed');
  });

  it('reads the days one by one from the keyboard', async () => {
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const day = (i: number): string => mediumDate(daily.days.at(i)!.date);
    // Tab from the table toggle (the last control before the chart) to the chart.
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(canvas(el));
    await waitUntil(() => readout(el)[0] === day(-1), 'focus shows no readout');
    expect(readout(el)[1]).to.equal(`Users: ${count(daily.days.at(-1)!.count)}`);
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => readout(el)[0] === day(-2));
    await sendKeys({ press: 'Home' });
    await waitUntil(() => readout(el)[0] === day(0));
    await sendKeys({ press: 'ArrowLeft' }); // stays on the first day
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => readout(el)[0] === day(1));
    await sendKeys({ press: 'End' });
    await waitUntil(() => readout(el)[0] === day(-1));
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => readout(el).length === 0, 'the readout stayed after the chart lost focus');
  });

  it('shows the figures as a table, and says why, when chart.js cannot be loaded; a later chart draws', async () => {
    const real = onFirstUse.chart;
    onFirstUse.chart = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await chartEl();
      await waitForText(el, 'The chart could not be drawn. The table shows the same figures.');
      expect(shadow(el).querySelectorAll('table tbody tr').length).to.be.greaterThan(0);
      expect(shadow(el).querySelector('canvas')).to.equal(null);
      expect(el.chart).to.equal(undefined);
      await expect(el).to.be.accessible();
    } finally {
      onFirstUse.chart = real;
    }
    await drawn(await chartEl()); // the network is back: the next chart loads chart.js
  });

  it('offers the same figures as a table, toggled from the keyboard', async () => {
    const el = await chartEl();
    await drawn(el);
    const daily = await client.getDailyUsage('2026-11');
    const toggle = shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    const table = await find<HTMLTableElement>(el, 'table');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(shadow(el).querySelector('[part=chart]')).to.equal(null);
    expect(text(table.querySelector('caption'))).to.equal('Daily users, November 2026 (provisional)');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(daily.days.length);
    rows.forEach((row, i) => {
      expect(text(row.querySelector('th'))).to.equal(mediumDate(daily.days[i]!.date));
      expect(text(row.querySelector('td'))).to.equal(count(daily.days[i]!.count));
    });
    const peakRow = table.querySelector('tr.peak')!;
    expect(text(peakRow)).to.include('Peak');
    expect(text(peakRow.querySelector('th'))).to.equal(mediumDate(daily.peak!.on));
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Space' });
    await waitUntil(() => !shadow(el).querySelector('table'));
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await drawn(el);
  });

  it('shows another month when picked: a new request, a whole closed month, not provisional', async () => {
    const el = await chartEl();
    await drawn(el);
    expect(requests).to.include('/usage/daily?month=2026-11');
    await pick(el, '2026-10');
    const october = await client.getDailyUsage('2026-10');
    await waitUntil(
      () => el.chart && series(el.chart, 'Users per day').length === october.days.length,
      'October never drawn',
    );
    expect(requests).to.include('/usage/daily?month=2026-10');
    expect(el.month).to.equal('2026-10');
    expect(values(series(el.chart, 'Users per day'))).to.deep.equal(october.days.map((d) => d.count));
    expect(october.days.length).to.equal(31);
    expect(text(shadow(el).querySelector('h2'))).to.equal('Daily users, October 2026');
    expect(shadow(el).querySelector('.provisional')).to.equal(null);
    const peakIndex = october.days.findIndex((d) => d.date === october.peak!.on);
    expect(series(el.chart, 'Peak')).to.deep.equal([{ x: peakIndex, y: october.peak!.count }]);
    // The year was fetched with the month: October 2025 is another year, so another request.
    await pick(el, '2025-10');
    await waitUntil(() => requests.includes('/usage/monthly?year=2025'), 'no request for 2025');
    await waitForText(el, 'Daily users, October 2025');
  });

  it("switches to the year's billed users per month, and to another year", async () => {
    const el = await chartEl();
    await drawn(el);
    button(el, 'Year').click();
    await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Billed users'), 'no year drawn');
    expect(button(el, 'Year').getAttribute('aria-pressed')).to.equal('true');
    expect(el.view).to.equal('year');
    const year = await client.getMonthlyUsage(2026);
    const chart = el.chart!;
    const shown = year.months.filter((m) => m.month <= '2026-11');
    const billed = values(series(chart, 'Billed users'));
    expect(billed.length).to.equal(12);
    expect(billed.slice(0, shown.length)).to.deep.equal(shown.map((m) => m.billedCount));
    expect(billed[11]).to.equal(null); // December has not started
    expect(series(chart, 'Included users')[0]!.y).to.equal(shown[0]!.includedUsers);
    expect(chart.scales['y']!.min).to.equal(0); // bars start at zero
    await waitForText(el, 'November 2026 is still in progress');
    expect(canvas(el).getAttribute('aria-label')).to.include('Billed users per month, 2026. Highest:');
    await expect(el).to.be.accessible();

    // The readout of a month, from the keyboard: the table's row in words.
    canvas(el).focus();
    await sendKeys({ press: 'Home' });
    const jan = year.months[0]!;
    await waitUntil(() => readout(el)[0] === 'January 2026', 'no readout of January');
    expect(readout(el)).to.deep.equal([
      'January 2026',
      `Billed users: ${count(jan.billedCount)}`,
      `Included users: ${count(jan.includedUsers!)}`,
      `Extra users: ${count(jan.extraUsers!)}`,
    ]);
    await sendKeys({ press: 'End' });
    await waitUntil(() => readout(el)[0] === 'November 2026', 'no readout of November');
    expect(readout(el).at(-1)).to.equal('Provisional');

    requests = [];
    await pick(el, '2025');
    await waitUntil(() => text(shadow(el).querySelector('h2')) === 'Billed users per month, 2025');
    // At most 2025's counts (the year picker may have had them already, to find the subscription's start).
    expect(requests.filter((r) => r !== '/usage/monthly?year=2025')).to.deep.equal([]);
    const y2025 = await client.getMonthlyUsage(2025);
    await waitUntil(
      () =>
        JSON.stringify(values(series(el.chart, 'Billed users'))) ===
        JSON.stringify(y2025.months.map((m) => m.billedCount)),
      '2025 never drawn',
    );
    expect(shadow(el).querySelector('.provisional')).to.equal(null);

    // The table lists the months with their notes.
    shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
    const table = await find<HTMLTableElement>(el, 'table');
    expect(text(table.querySelector('caption'))).to.equal('Billed users per month, 2025');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.length).to.equal(12);
    const before = y2025.months.filter((m) => m.beforeFirstBilledMonth).length;
    expect(rows.filter((r) => text(r).includes('Not charged (before the subscription)')).length).to.equal(before);
    await expect(el).to.be.accessible();

    // Back to the month view: a month of the year that was picked.
    button(el, 'Month').click();
    await waitForText(el, 'Daily users, December 2025');
  });

  describe('full-month plans (workplace-trial)', () => {
    beforeEach(() => store().loadScenario('workplace-trial'));

    it('shows the billable count and the monthly active users, and why the invoice is lower', async () => {
      const el = await chartEl();
      await drawn(el);
      const usage = (await client.getMonthlyUsage(2026)).months.find((m) => m.month === '2026-11')!;
      expect(usage.model).to.equal('full-month');
      expect(usage.monthlyActiveUsers).to.be.greaterThan(usage.billedCount);
      expect(stat(el, 'Billable users')).to.equal(count(usage.billedCount));
      expect(stat(el, 'Monthly active users')).to.equal(count(usage.monthlyActiveUsers!));
      const rule = text(shadow(el).querySelector('[part=rule]'));
      expect(rule).to.include('The invoice is usually lower than monthly active users');
      expect(rule).to.include('every day of the calendar month');
      expect(rule).to.include('qualifying activity');
      expect(rule).to.include('last 30 days');
      expect(text(shadow(el).querySelector('.notice'))).to.include('Not charged'); // still in the trial
      await expect(el).to.be.accessible();
    });

    it('draws both series over the year', async () => {
      const el = await chartEl();
      await drawn(el);
      button(el, 'Year').click();
      await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Billable users'), 'no year drawn');
      const year = await client.getMonthlyUsage(2026);
      const billable = values(series(el.chart, 'Billable users'));
      const mau = values(series(el.chart, 'Monthly active users'));
      const nov = year.months.findIndex((m) => m.month === '2026-11');
      expect(billable[nov]).to.equal(year.months[nov]!.billedCount);
      expect(mau[nov]).to.equal(year.months[nov]!.monthlyActiveUsers);
      // Months before anyone had an account are gaps, not zeros.
      expect(billable[0]).to.equal(null);
      expect(mau[0]).to.equal(null);
      expect(all(el, '[part=legend] li').map((li) => text(li))).to.include.members([
        'Billable users',
        'Monthly active users',
      ]);
      expect(text(shadow(el).querySelector('[part=rule]'))).to.include('The invoice is usually lower');
      expect(canvas(el).getAttribute('aria-label')).to.include(
        `Monthly active users in November 2026: ${year.months[nov]!.monthlyActiveUsers}`,
      );
      // The keyboard starts at the latest month: both figures, and why it is not charged.
      canvas(el).focus();
      await waitUntil(() => readout(el).includes('Not charged (trial)'), 'no readout of the trial month');
      expect(readout(el)).to.include.members([
        'November 2026',
        `Billable users: ${year.months[nov]!.billedCount}`,
        `Monthly active users: ${year.months[nov]!.monthlyActiveUsers}`,
      ]);
      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      const table = await find<HTMLTableElement>(el, 'table');
      expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.include.members([
        'Billable users',
        'Monthly active users',
      ]);
      const novRow = [...table.querySelectorAll('tbody tr')].find((r) => text(r).startsWith('November 2026'))!;
      expect(text(novRow)).to.include(String(year.months[nov]!.monthlyActiveUsers));
      await expect(el).to.be.accessible();
    });
  });

  describe('the count axis (issue 16)', () => {
    /** The y scale starts at 0, reaches the largest value, and has round, evenly spaced ticks. */
    function checkAxis(chart: Chart, largest: number): void {
      const y = chart.scales['y']!;
      expect(y.min).to.equal(0);
      expect(y.max).to.be.at.least(largest);
      const ticks = y.ticks.map((t) => t.value);
      expect(ticks[0]).to.equal(0);
      expect(ticks.length).to.be.within(3, 11);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks.every((v, i) => Number.isInteger(v) && v === i * step)).to.equal(true, String(ticks));
      // A round step: 1, 2 or 5 (or 2.5) times a power of ten.
      const unit = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).to.include(unit);
    }

    for (const scenario of ['generated-100k', 'injixo-advanced']) {
      it(`starts at 0 and reaches the largest count: ${scenario}, month and year`, async () => {
        store().loadScenario(scenario);
        const el = await chartEl();
        const chart = await drawn(el);
        const daily = await client.getDailyUsage('2026-11');
        checkAxis(chart, Math.max(daily.peak!.count, daily.includedUsers ?? 0));
        button(el, 'Year').click();
        await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Billed users'), 'no year drawn');
        const year = await client.getMonthlyUsage(2026);
        checkAxis(el.chart!, Math.max(...year.months.map((m) => m.billedCount)));
      });
    }
  });

  describe('prepaid licenses (severa-prepaid)', () => {
    beforeEach(() => store().loadScenario('severa-prepaid'));
    const HELD = 'Licenses (current period)';

    it("draws the current period's licenses over the month, with its legend entry, figure and column", async () => {
      const el = await chartEl();
      const { licenses, period } = await client.getLicenses();
      expect(period.start <= '2026-11-01' && period.end >= '2026-11-30').to.equal(true);
      await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === HELD), 'no license line');
      const line = series(el.chart, HELD);
      expect(line).to.deep.equal([
        { x: 0, y: licenses },
        { x: 29, y: licenses }, // to the end of November: the licenses are held all month
      ]);
      expect(el.chart!.scales['y']!.max).to.be.at.least(licenses);
      expect(all(el, '[part=legend] li').map((li) => text(li))).to.include(HELD);
      expect(stat(el, HELD)).to.equal(count(licenses));
      canvas(el).focus();
      await waitUntil(() => readout(el).includes(`${HELD}: ${licenses}`), 'no licenses in the readout');

      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      const table = await find<HTMLTableElement>(el, 'table');
      expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.deep.equal([
        'Date',
        'Users',
        HELD,
        'Note',
      ]);
      const cells = [...table.querySelectorAll('tbody tr')].map((r) => text(r.querySelectorAll('td')[1]));
      expect(new Set(cells)).to.deep.equal(new Set([count(licenses)]));
      await expect(el).to.be.accessible();
    });

    it('draws them as a step over the months of the period in the year, and not before it', async () => {
      const el = await chartEl();
      await drawn(el);
      const { licenses } = await client.getLicenses();
      button(el, 'Year').click();
      const labels = (): string[] => el.chart?.data.datasets.map((d) => d.label!) ?? [];
      await waitUntil(
        () => labels().includes('Licenses in use') && labels().includes(HELD),
        'no license line over the year',
      );
      const held = values(series(el.chart, HELD));
      expect(held.slice(10)).to.deep.equal([licenses, licenses]); // November and December 2026
      expect(held.slice(0, 10).every((v) => v === null)).to.equal(true); // no count per month before the period
      expect(all(el, '[part=legend] li').map((li) => text(li))).to.include(HELD);
      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      const table = await find<HTMLTableElement>(el, 'table');
      expect([...table.querySelectorAll('thead th')].map((th) => text(th))).to.include(HELD);
      const nov = [...table.querySelectorAll('tbody tr')].find((r) => text(r).startsWith('November 2026'))!;
      expect(text(nov)).to.include(String(licenses));
      await expect(el).to.be.accessible();

      // A month before the period: no license line (its count is not known).
      button(el, 'Month').click();
      await waitForText(el, 'Daily users, November 2026');
      await pick(el, '2026-10');
      await waitForText(el, 'Daily users, October 2026');
      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Users per day'));
      expect(el.chart!.data.datasets.map((d) => d.label)).to.not.include(HELD);
    });

    it('names the line in Dutch and German', async () => {
      for (const [lang, label] of [
        ['nl', 'Licenties (huidige periode)'],
        ['de', 'Lizenzen (aktueller Zeitraum)'],
      ] as const) {
        const el = await chartEl(lang);
        await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === label), `no ${lang} license line`);
        expect(all(el, '[part=legend] li').map((li) => text(li))).to.include(label);
        expect(stat(el, label)).to.equal(count((await client.getLicenses()).licenses, lang));
      }
    });
  });

  describe('years before the subscription (issue 16)', () => {
    const options = (el: HTMLElement): string[] => [...select(el).options].map((o) => o.value);

    it('offers the years from the subscription on, and calls the months before it so (no trial)', async () => {
      const el = await chartEl(); // injixo-advanced: billed from November 2025, no trial
      await drawn(el);
      await waitUntil(() => options(el).at(-1) === '2025-01', 'the months were not cut to the subscription');
      expect(options(el)[0]).to.equal('2026-11');
      button(el, 'Year').click();
      await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Billed users'), 'no year drawn');
      expect(options(el)).to.deep.equal(['2026', '2025']);
      await pick(el, '2025');
      await waitUntil(() => text(shadow(el).querySelector('h2')) === 'Billed users per month, 2025');
      const legend = (): string[] => all(el, '[part=legend] li').map((li) => text(li));
      await waitUntil(() => legend().includes('Not charged (before the subscription)'), 'no "before" legend');
      expect(legend().some((l) => l.includes('trial'))).to.equal(false);
      canvas(el).focus();
      await sendKeys({ press: 'Home' });
      await waitUntil(() => readout(el)[0] === 'January 2025', 'no readout of January');
      expect(readout(el).at(-1)).to.equal('Not charged (before the subscription)');
      await expect(el).to.be.accessible();
    });

    it('says "trial" only for the months of a trial (workplace-trial)', async () => {
      store().loadScenario('workplace-trial');
      const el = await chartEl();
      await drawn(el);
      // Only the trial's year; the month picker from its January.
      await waitUntil(() => options(el).at(-1) === '2026-01', 'the months were not cut to the trial');
      await waitForText(el, 'Not charged (trial)'); // the month's notice
      button(el, 'Year').click();
      await waitUntil(() => el.chart?.data.datasets.some((d) => d.label === 'Billable users'), 'no year drawn');
      expect(options(el)).to.deep.equal(['2026']);
      const legend = all(el, '[part=legend] li').map((li) => text(li));
      expect(legend).to.include('Not charged (trial)');
      expect(legend).to.not.include('Not charged (before the subscription)');
    });
  });

  it('follows the width of its container', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 700px">
        <billing-provider base-url=${BASE_URL} lang="en"
          ><billing-user-count-chart></billing-user-count-chart
        ></billing-provider>
      </div>`,
    );
    const el = wrapper.querySelector('billing-user-count-chart')!;
    const chart = await drawn(el);
    const box = shadow(el).querySelector<HTMLElement>('[part=chart]')!;
    expect(chart.width).to.equal(box.clientWidth); // drawn at its box's size from the start
    const wide = chart.width;
    wrapper.style.width = '420px';
    await waitUntil(() => chart.width === box.clientWidth && chart.width < wide, 'the chart did not shrink');
    expect(chart.width).to.be.lessThan(420);
    expect(chart.canvas.getBoundingClientRect().width).to.be.at.most(box.getBoundingClientRect().width);
    wrapper.style.width = '900px';
    await waitUntil(() => chart.width === box.clientWidth && chart.width > wide, 'the chart did not grow');
  });

  it('takes its colours from the theme, and follows a switch to dark', async () => {
    const el = await render<BillingUserCountChart>(
      html`<billing-provider base-url=${BASE_URL} lang="en" theme="light"
        ><billing-user-count-chart></billing-user-count-chart
      ></billing-provider>`,
      'billing-user-count-chart',
    );
    const chart = await drawn(el);
    const color = (): string =>
      (chart.data.datasets.find((d) => d.label === 'Users per day') as unknown as { color: string }).color;
    expect(color()).to.equal('rgb(11, 87, 208)'); // --billing-color-accent, light (#0b57d0)
    (el.closest('billing-provider') as BillingProvider).theme = 'dark';
    await waitUntil(() => color() === 'rgb(138, 180, 248)', 'the chart kept its light colours'); // #8ab4f8
    expect(el.chart).to.equal(chart); // updated in place
    // A host's token, changed in the page's style sheet: no update needs asking for.
    document.documentElement.style.setProperty('--billing-color-accent', 'rgb(200, 0, 100)');
    try {
      await waitUntil(() => color() === 'rgb(200, 0, 100)', 'a host token was ignored');
    } finally {
      document.documentElement.style.removeProperty('--billing-color-accent');
    }
  });

  it('loads chart.js while the figures load, not after they arrived', async () => {
    const real = onFirstUse.chart;
    let answered = false;
    let answeredWhenAsked: boolean | undefined;
    onFirstUse.chart = () => {
      answeredWhenAsked ??= answered;
      return real();
    };
    try {
      const el = await render<BillingUserCountChart>(
        html`<billing-provider
          base-url=${BASE_URL}
          lang="en"
          .fetch=${async (request: Request) => {
            const response = await fetch(request);
            if (request.url.includes('/usage/daily')) answered = true;
            return response;
          }}
          ><billing-user-count-chart></billing-user-count-chart
        ></billing-provider>`,
        'billing-user-count-chart',
      );
      await drawn(el);
      expect(answeredWhenAsked).to.equal(false);
    } finally {
      onFirstUse.chart = real;
    }
  });

  it('updates in place when only the figures change: their data, the axes laid out again only when they change', async () => {
    const el = await render<BillingUserCountChart>(
      html`<billing-user-count-chart lang="en" .data=${longSeries(31)}></billing-user-count-chart>`,
      'billing-user-count-chart',
    );
    const chart = await drawn(el);
    const options = chart.config.options;
    let layouts = 0;
    const update = chart.update.bind(chart);
    chart.update = (mode) => (layouts++, update(mode));
    const ticks = (): string => chart.scales['y']!.ticks.map((t) => t.value).join();
    const before = ticks();
    // Other counts, the highest one lower: the same chart draws them, no layout.
    const lower = longSeries(31);
    lower.days = lower.days.map((d) => ({ ...d, count: d.count - 1 }));
    lower.peak = { ...lower.peak!, count: lower.peak!.count - 1 };
    el.data = lower;
    await el.updateComplete;
    expect(el.chart).to.equal(chart);
    expect(values(series(chart, 'Users per day'))).to.deep.equal(lower.days.map((d) => d.count));
    expect(layouts).to.equal(0);
    expect(ticks()).to.equal(before);
    // The series drawn over the axes kept: the picture chart.js draws from scratch.
    const pixels = (): number[] => [...chart.ctx.getImageData(0, 0, chart.canvas.width, chart.canvas.height).data];
    const kept = pixels();
    chart.render();
    expect(pixels()).to.deep.equal(kept);
    update('none'); // what a full layout makes of them: the same axis
    expect(ticks()).to.equal(before);
    // A count far above the axis: laid out again, in place, with the same options.
    const higher = longSeries(31);
    higher.days[5]!.count = 400;
    higher.peak = { count: 400, on: higher.days[5]!.date };
    el.data = higher;
    await el.updateComplete;
    expect(el.chart).to.equal(chart);
    expect(layouts).to.equal(1);
    expect(chart.scales['y']!.max).to.be.at.least(400);
    expect(chart.config.options).to.equal(options); // not built again
  });

  it("reads the theme's colours once per theme change, not on every update", async () => {
    const el = await render<BillingUserCountChart>(
      html`<billing-user-count-chart lang="en" .data=${longSeries(31)}></billing-user-count-chart>`,
      'billing-user-count-chart',
    );
    const chart = await drawn(el);
    const color = (): string =>
      (chart.data.datasets.find((d) => d.label === 'Users per day') as unknown as { color: string }).color;
    // No transition tells of a change here: only the scheme's listener and the element's attributes do.
    const still = new CSSStyleSheet();
    still.replaceSync('.probe { transition: none !important }');
    shadow(el).adoptedStyleSheets = [...shadow(el).adoptedStyleSheets, still];
    const probe = shadow(el).querySelector('.probe');
    const real = window.getComputedStyle;
    let reads = 0;
    window.getComputedStyle = (e: Element, pseudo?: string | null) => {
      if (e === probe) reads++;
      return real(e, pseudo);
    };
    const page = document.documentElement.style;
    try {
      for (const days of [30, 31, 29]) {
        el.data = longSeries(days);
        await el.updateComplete;
      }
      expect(series(chart, 'Users per day').length).to.equal(29);
      expect(reads).to.equal(0);
      expect(color()).to.equal('rgb(11, 87, 208)'); // --billing-color-accent, light (#0b57d0)
      // The system's colour scheme, followed by a page that allows both.
      page.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => color() === 'rgb(138, 180, 248)', 'the chart kept its light colours'); // #8ab4f8
      // A token set on the element itself (its style attribute).
      el.style.setProperty('--billing-color-accent', 'rgb(200, 0, 100)');
      await waitUntil(() => color() === 'rgb(200, 0, 100)', "the element's own token was ignored");
      expect(el.chart).to.equal(chart);
    } finally {
      window.getComputedStyle = real;
      page.removeProperty('color-scheme');
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('is destroyed when it leaves the page, and drawn again when it comes back', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent): void => void errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      const el = await chartEl();
      const chart = await drawn(el);
      const provider = el.parentElement!;
      const canvasEl = chart.canvas;
      el.remove();
      expect(el.chart).to.equal(undefined);
      const { Chart } = await import('chart.js');
      expect(Chart.getChart(canvasEl)).to.equal(undefined);
      await new Promise((r) => setTimeout(r, 50));
      provider.append(el);
      const again = await drawn(el);
      expect(again).to.not.equal(chart);
      provider.remove();
      expect(el.chart).to.equal(undefined);
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('refetches when the provider says billing data changed', async () => {
    const el = await chartEl();
    await drawn(el);
    requests = [];
    (el.closest('billing-provider') as BillingProvider).refresh();
    await waitUntil(() => requests.includes('/usage/daily?month=2026-11'), 'no refetch');
  });

  describe('data given by the host', () => {
    it('draws 3,650 days from `data` without a request, and redraws when it changes', async () => {
      const el = await render<BillingUserCountChart>(
        html`<billing-user-count-chart lang="en" .data=${longSeries(3650)}></billing-user-count-chart>`,
        'billing-user-count-chart',
      );
      const chart = await drawn(el);
      expect(series(chart, 'Users per day').length).to.equal(3650);
      expect(requests).to.deep.equal([]);
      expect(shadow(el).querySelector('.toolbar select')).to.equal(null);
      const last = mediumDate(longSeries(3650).days.at(-1)!.date);
      expect(text(shadow(el).querySelector('h2'))).to.equal(`Daily users, Jan 1, 2017 to ${last}`);
      const peakIndex = series(chart, 'Peak')[0]!.x;
      expect(series(chart, 'Users per day')[peakIndex]!.y).to.equal(62);
      // The readout finds any of the 3,650 days under the pointer.
      // (A pixel is about five days wide: the day is within a few of day 1,000.)
      await pointAt(el, 1000);
      const near = longSeries(3650)
        .days.slice(996, 1005)
        .map((d) => mediumDate(d.date));
      await waitUntil(() => near.includes(readout(el)[0]!), 'not about day 1,000');
      el.data = longSeries(1100);
      await waitUntil(() => series(chart, 'Users per day').length === 1100, 'not redrawn');
      expect(el.chart).to.equal(chart);
      await expect(el).to.be.accessible();
    });

    it('draws a year from `yearData` without a request', async () => {
      const year = await client.getMonthlyUsage(2026);
      requests = [];
      const el = await render<BillingUserCountChart>(
        html`<billing-user-count-chart lang="en" view="year" .yearData=${year}></billing-user-count-chart>`,
        'billing-user-count-chart',
      );
      const chart = await drawn(el);
      expect(requests).to.deep.equal([]);
      expect(series(chart, 'Billed users')[0]!.y).to.equal(year.months[0]!.billedCount);
      expect(text(shadow(el).querySelector('h2'))).to.equal('Billed users per month, 2026');
      await expect(el).to.be.accessible();
    });

    it('renders the given text as text, never as HTML', async () => {
      const hostile = '<img src=x onerror="window.__chartXss=1">';
      const data = { ...longSeries(20), month: hostile };
      const el = await render<BillingUserCountChart>(
        html`<billing-user-count-chart lang="en" .data=${data}></billing-user-count-chart>`,
        'billing-user-count-chart',
      );
      await drawn(el);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect((window as unknown as { __chartXss?: number }).__chartXss).to.equal(undefined);
      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      await find(el, 'table');
      expect(shadow(el).querySelector('img')).to.equal(null);
    });
  });

  describe('states', () => {
    it('shows a loading state that reserves space and is announced', async () => {
      store().setFaults([{ operation: 'getDailyUsage', kind: 'latency', latencyMs: 1500 }]);
      const el = await chartEl();
      const loading = await find(el, '.state.loading');
      expect(loading.getAttribute('role')).to.equal('status');
      expect(loading.offsetHeight).to.be.greaterThan(280); // about the chart's height
      await expect(el).to.be.accessible();
      await drawn(el);
    });

    it('shows an error in words with a retry that works', async () => {
      store().setFaults([{ operation: 'getDailyUsage', kind: 'error-500', times: 1 }]);
      const el = await chartEl();
      const error = await find(el, '.state.error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.include('The billing service had a problem');
      await expect(el).to.be.accessible();
      error.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
      await drawn(el);
      expect(shadow(el).querySelector('.state.error')).to.equal(null);
    });

    it('keeps the pickers when a later month fails, and retries that month', async () => {
      const el = await chartEl();
      await drawn(el);
      store().setFaults([{ operation: 'getDailyUsage', kind: 'network-error', times: 1 }]);
      await pick(el, '2026-09');
      const error = await find(el, '.state.error');
      expect(text(error)).to.include('could not be reached');
      expect(select(el).value).to.equal('2026-09');
      error.querySelector<HTMLButtonElement>('button')!.click();
      await waitForText(el, 'Daily users, September 2026');
      await drawn(el);
    });

    it('shows "ask your administrator" and no data to other roles', async () => {
      store().setSession({ role: 'member' });
      const el = await chartEl();
      const forbidden = await find(el, '.state.forbidden');
      expect(text(forbidden)).to.include('Ask your administrator');
      expect(shadow(el).querySelector('canvas')).to.equal(null);
      expect(requests.filter((r) => r.startsWith('/usage'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says why a month or a year is empty', async () => {
      store().loadScenario('workplace-trial'); // nobody had an account before the trial (October 2026)
      const el = await chartEl();
      await drawn(el);
      await pick(el, '2026-09');
      await waitForText(el, 'No users in September 2026');
      expect(shadow(el).querySelector('canvas')).to.equal(null);
      expect(el.chart).to.equal(undefined);
      await expect(el).to.be.accessible();
      button(el, 'Year').click();
      await drawn(el);
      el.year = 2025; // a host's year before the trial (the picker does not offer it)
      await waitForText(el, 'No billed users in 2025');
      await expect(el).to.be.accessible();
    });

    it('works on its own with a base-url, without a provider', async () => {
      const el = await render<BillingUserCountChart>(
        html`<billing-user-count-chart base-url=${BASE_URL} lang="en"></billing-user-count-chart>`,
        'billing-user-count-chart',
      );
      const chart = await drawn(el);
      const daily = await client.getDailyUsage('2026-11');
      expect(series(chart, 'Users per day').length).to.equal(daily.days.length);
    });

    it('speaks Dutch when asked', async () => {
      const el = await chartEl('nl');
      await drawn(el);
      const daily = await client.getDailyUsage('2026-11');
      expect(text(shadow(el).querySelector('h2'))).to.equal('Gebruikers per dag, november 2026');
      expect(text(shadow(el).querySelector('[part=table-toggle]'))).to.equal('Als tabel tonen');
      expect(text(shadow(el).querySelector('.provisional'))).to.include('Voorlopig');
      expect(stat(el, 'Inbegrepen gebruikers')).to.equal(count(daily.includedUsers!, 'nl'));
      expect(text(select(el).selectedOptions[0])).to.equal('november 2026');
      expect(el.chart!.data.datasets.map((d) => d.label)).to.include('Gebruikers per dag');
      expect(canvas(el).getAttribute('aria-label')).to.include('pijltjestoetsen');
      canvas(el).focus();
      await waitUntil(() => readout(el)[1]?.startsWith('Gebruikers: '), 'no Dutch readout');
      shadow(el).querySelector<HTMLButtonElement>('[part=table-toggle]')!.click();
      const table = await find(el, 'table');
      expect(text(table.querySelector('caption'))).to.equal('Gebruikers per dag, november 2026 (voorlopig)');
      await expect(el).to.be.accessible();
    });
  });
});
