/**
 * The demo host page. For now it shows the billing engine's figures for a generated
 * tenant, computed in the page; the elements and the mock backend replace this view as
 * they land.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { generateWorld } from '../mocks/engine/generate.js';
import { upcomingInvoice } from '../mocks/engine/invoices.js';
import { licenseSummary } from '../mocks/engine/licenses.js';
import { trialInfo } from '../mocks/engine/trial.js';
import type { BillingModel, World } from '../mocks/engine/types.js';
import { dailyCounts, monthBilling, monthlyBilling, planForMonth } from '../mocks/engine/usage.js';
import { formatCount, formatDate, formatMonth } from '../src/internal/format.js';
import { formatMoney } from '../src/internal/money.js';

const MODELS: { model: BillingModel; label: string }[] = [
  { model: 'peak-daily', label: 'Peak daily users (injixo Essential/Advanced/Enterprise)' },
  { model: 'per-user', label: 'Per created user (injixo Classic)' },
  { model: 'full-month', label: 'Full calendar month (Workplace Core)' },
  { model: 'invited', label: 'Invited users (Workplace Advanced)' },
  { model: 'prepaid-licenses', label: 'Prepaid licenses (Severa, Microsoft 365)' },
];

const params = new URLSearchParams(location.search);
const state = {
  model: (params.get('model') as BillingModel | null) ?? 'peak-daily',
  people: Number(params.get('people') ?? 2000),
  locale: params.get('lang') ?? navigator.language ?? 'en',
};

const app = document.getElementById('app') as HTMLElement;
app.textContent = ''; // drop the static "Loading…" before Lit takes over

function figures(items: [string, string][]): TemplateResult {
  return html`<dl class="figures">
    ${items.map(
      ([k, v]) =>
        html`<div>
          <dt>${k}</dt>
          <dd>${v}</dd>
        </div>`,
    )}
  </dl>`;
}

function view(world: World): TemplateResult {
  const { locale } = state;
  const { currency } = world.tenant;
  const month = world.today.slice(0, 7);
  const plan = planForMonth(world, month);
  const bill = monthBilling(world, month);
  const daily = dailyCounts(world, month);
  const year = monthlyBilling(world, Number(world.today.slice(0, 4)));
  const upcoming = upcomingInvoice(world);
  const trial = trialInfo(world);
  const licenses = plan.model === 'prepaid-licenses' ? licenseSummary(world) : null;
  const max = Math.max(1, ...daily.days.map((d) => d.count));
  const money = (n: number): string => formatMoney(n, currency, locale);
  const count = (n: number): string => formatCount(n, locale);

  return html`
    <section>
      <h1>${world.tenant.name}: ${plan.name}</h1>
      <p class="note">
        Today is ${formatDate(world.today, locale, 'long')} (${world.tenant.timeZone}). ${count(world.people.length)}
        people in the tenant's directories. Figures for ${formatMonth(month, locale)} are provisional: the month is in
        progress.
      </p>
      <label for="model">Billing model</label>
      <select
        id="model"
        @change=${(e: Event) => rerender({ model: (e.target as HTMLSelectElement).value as BillingModel })}
      >
        ${MODELS.map((m) => html`<option value=${m.model} ?selected=${m.model === state.model}>${m.label}</option>`)}
      </select>
      <label for="people">People</label>
      <select id="people" @change=${(e: Event) => rerender({ people: Number((e.target as HTMLSelectElement).value) })}>
        ${[200, 2000, 10000, 100000].map(
          (n) => html`<option value=${n} ?selected=${n === state.people}>${count(n)}</option>`,
        )}
      </select>
    </section>

    <section aria-labelledby="month-h">
      <h2 id="month-h">This month so far</h2>
      ${figures([
        ['Billed users (provisional)', count(bill.billedCount)],
        ...(bill.peak
          ? ([['Peak so far', `${count(bill.peak.count)} on ${formatDate(bill.peak.on, locale)}`]] as [
              string,
              string,
            ][])
          : []),
        ...(bill.includedUsers !== null ? ([['Included users', count(bill.includedUsers)]] as [string, string][]) : []),
        ...(bill.extraUsers !== null ? ([['Extra users', count(bill.extraUsers)]] as [string, string][]) : []),
        ...(bill.monthlyActiveUsers !== null
          ? ([['Monthly active users', count(bill.monthlyActiveUsers)]] as [string, string][])
          : []),
        ['Upcoming invoice (estimate)', money(upcoming.total)],
      ])}
      ${
        trial
          ? html`<p>
              Trial ${trial.inTrial ? 'ends' : 'ended'} on ${formatDate(trial.endsOn, locale, 'long')}; the first billed
              month is ${formatMonth(trial.firstBilledMonth, locale)}.
            </p>`
          : nothing
      }
    </section>

    ${
      licenses
        ? html`<section aria-labelledby="lic-h">
            <h2 id="lic-h">Licenses</h2>
            ${figures([
              ['Licenses', count(licenses.licenses)],
              ['Assigned', count(licenses.assigned)],
              ['Free (still charged)', count(licenses.free)],
              [
                'This period',
                `${count(licenses.licenses)} × ${licenses.periodMonths} months = ${count(licenses.periodQuantity)}`,
              ],
              ['Price per period', money(licenses.pricePerPeriod)],
            ])}
          </section>`
        : nothing
    }

    <section aria-labelledby="inv-h">
      <h2 id="inv-h">Upcoming invoice (provisional)</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" class="num">Quantity</th>
            <th scope="col" class="num">Unit price</th>
            <th scope="col" class="num">Amount</th>
          </tr>
        </thead>
        <tbody>
          ${upcoming.lines.map(
            (l) =>
              html`<tr>
                <td>${l.description}</td>
                <td class="num">${count(l.quantity)}</td>
                <td class="num">${l.informative ? '' : money(l.unitPrice)}</td>
                <td class="num">${l.informative ? '' : money(l.amount)}</td>
              </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="3">Subtotal</th>
            <td class="num">${money(upcoming.subtotal)}</td>
          </tr>
          <tr>
            <th scope="row" colspan="3">Tax (${upcoming.taxRate / 100} %)</th>
            <td class="num">${money(upcoming.tax)}</td>
          </tr>
          <tr>
            <th scope="row" colspan="3">Total</th>
            <td class="num">${money(upcoming.total)}</td>
          </tr>
        </tfoot>
      </table>
    </section>

    <section aria-labelledby="daily-h">
      <h2 id="daily-h">Daily users, ${formatMonth(month, locale)}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col" class="num">Users</th>
            <th scope="col"><span class="visually-hidden">Bar</span></th>
          </tr>
        </thead>
        <tbody>
          ${daily.days.map(
            (d) =>
              html`<tr class=${daily.peak?.on === d.date ? 'peak' : ''}>
                <td>${formatDate(d.date, locale)}${daily.peak?.on === d.date ? ' (peak)' : ''}</td>
                <td class="num">${count(d.count)}</td>
                <td><span class="bar" style="width:${Math.round((d.count / max) * 100)}%"></span></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>

    <section aria-labelledby="year-h">
      <h2 id="year-h">Billed users per month, ${world.today.slice(0, 4)}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="num">Billed</th>
            <th scope="col" class="num">Active at some point</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          ${year.map(
            (m) =>
              html`<tr>
                <td>${formatMonth(m.month, locale)}</td>
                <td class="num">${m.provisional && m.distinctActive === 0 ? '' : count(m.billedCount)}</td>
                <td class="num">${m.provisional && m.distinctActive === 0 ? '' : count(m.distinctActive)}</td>
                <td>${m.beforeFirstBilledMonth ? 'not charged' : m.provisional ? 'provisional' : ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `;
}

function rerender(change: Partial<typeof state>): void {
  Object.assign(state, change);
  const url = new URL(location.href);
  url.searchParams.set('model', state.model);
  url.searchParams.set('people', String(state.people));
  history.replaceState(null, '', url);
  show();
}

function show(): void {
  const t0 = performance.now();
  const world = generateWorld({ seed: 7, people: state.people, model: state.model });
  render(view(world), app);
  app.dataset.ms = (performance.now() - t0).toFixed(0);
}

show();
