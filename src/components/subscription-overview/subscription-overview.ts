import { de, en, nl } from './subscription-overview.messages.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { Order, Plan, SubscriptionOverview } from '../../client/client.js';
import { licenseOrderRequestLimits } from '../../client/limits.js';
import type { ChangeTopic } from '../../context/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { Query } from '../../internal/query.js';
import { privateElement } from '../../internal/private-element.js';
import type { PeopleFigure } from '../../internal/events.js';
import { showPeople } from '../../internal/show-people.js';
import { emptyState, errorState, loadingState } from '../../internal/states.js';
import type { ChangeRequest } from './change-dialog.js';
import { OverviewElement } from './overview-element.js';
import { subscriptionOverviewStyles } from './subscription-overview.styles.js';
import type { Action, OverviewData } from './types.js';
import { formatMoney } from '../../internal/money.js';

type Period = SubscriptionOverview['currentPeriod'];

/** How many licenses one order may add or remove (the contract's bounds). */
const QUANTITY = licenseOrderRequestLimits.quantity;

/** Every change alters some figure of the overview (users the usage, invoices the next invoice). */
const TOPICS: readonly ChangeTopic[] = ['subscription', 'licenses', 'users', 'invoices', 'details'];

/**
 * What only an admin's act shows, loaded then (a chunk each): the change dialog, when a
 * change is first asked for; the order history, when it is first opened. Tests replace
 * one to see what the overview shows when it cannot be loaded.
 */
export const onFirstUse = {
  dialog: privateElement(() => import('./change-dialog.js')),
  history: privateElement(() => import('./order-history.js')),
};

/** Billing frequencies the contract offers (`ChangeRequest.periodMonths`). */
const FREQUENCIES: readonly number[] = [1, 6, 12];

/**
 * What the organisation is subscribed to and what it costs: the edition and its billing
 * model in one plain sentence, the current and next billing period, the price and the
 * provisional estimate of the next invoice, this month's users (peak plans: included
 * users, the peak so far and its day, extra users and their cost so far) or the prepaid
 * licenses (assigned, free — still charged —, licenses × months and the price per
 * period), scheduled changes with their dates, the trial and file storage. Admins add
 * licenses (after seeing the prorated price), remove licenses from the next period (the
 * field says how many can go, and refuses more at once, before any confirmation), change
 * the edition or billing frequency at the period boundary (the choices mark what is in
 * force now and what is scheduled), and cancel a scheduled change before its date; the
 * order history is one click away. The figures that count people (the peak so far, the
 * billed users, the licenses) open the people behind them (see `billing-people`).
 *
 * Every figure comes from the billing API; nothing is computed here. After a confirmed
 * change the other elements of the provider refetch, and the overview refetches whenever
 * any element changed something.
 *
 * The confirmation dialog and the order history load on demand (a chunk each, fetched
 * when an admin first asks for a change or opens the history); the button says so
 * meanwhile, and a part that cannot be downloaded is reported with a retry.
 *
 * @summary Plan, periods, price, usage or licenses, scheduled changes, and license orders.
 * @tagname billing-subscription-overview
 *
 * @event billing-change - A change was confirmed by the server: licenses added or removed (topic `licenses`), edition or billing frequency scheduled (topic `subscription`), a scheduled change cancelled (topic `licenses` for a license removal, else `subscription`); `event.detail` is the server's order confirmation (for a cancellation, the cancelled order).
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 * @fires billing-people - A figure was opened to see the people behind it (`BillingPeopleEvent`, cancelable): `detail` is `{ figure: 'peak' | 'users' | 'licenses', month, count }` (the peak so far; the billed users so far; the licenses held, whose people are their holders). Unless the host calls `preventDefault()`, the people show in a dialog.
 *
 * @csspart header - Edition, badge and the billing rule.
 * @csspart card - Each figure card (period, price, usage, licenses, scheduled changes, storage).
 * @csspart figure - Each figure value.
 * @csspart people-button - A figure that opens the people behind it (peak so far, billed users, licenses).
 * @csspart provisional - The notes that say a figure is provisional.
 * @csspart manage - The admin's change forms.
 * @csspart add-form - The form that adds licenses (prepaid licenses).
 * @csspart remove-form - The form that removes licenses from the next period.
 * @csspart plan-form - The form that schedules an edition change.
 * @csspart period-form - The form that schedules a billing-frequency change.
 * @csspart field - Each input or select of the change forms.
 * @csspart field-error - The reason next to a field (the server's, or the license guard's before any request), or why a cancellation was refused.
 * @csspart action-button - Each button that opens a confirmation.
 * @csspart cancel-button - The button next to each scheduled change that cancels it (after a confirmation).
 * @csspart orders - The order history disclosure.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirm-button - The dialog's confirm button.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of an error: the error state, or a dialog or order history that could not be downloaded.
 *
 * @cssproperty --billing-subscription-overview-card-min-width - Narrowest a card gets before the grid wraps. Default `17rem`.
 * @cssproperty --billing-subscription-overview-min-height - Space reserved while loading. Default `32rem`.
 */
export class BillingSubscriptionOverview extends OverviewElement {
  static override styles = [...BillingElement.styles, subscriptionOverviewStyles];
  static override messages = { en, nl, de };

  static override properties = {
    ordersOpen: { state: true },
    historyLoaded: { state: true },
    pending: { state: true },
    opening: { state: true },
    failed: { state: true },
    fieldErrors: { state: true },
    inputs: { state: true },
    status: { state: true },
    cancelError: { state: true },
    cancelFailed: { state: true },
  };

  /** The subscription, its provisional next invoice and the plans offered. */
  #data = new Query(this, {
    topics: TOPICS,
    run: async (client, signal): Promise<OverviewData> => {
      const [sub, upcoming, plans] = await Promise.all([
        client.getSubscription({ signal }),
        client.getUpcomingInvoice({ signal }),
        client.listPlans({ signal }),
      ]);
      return { sub, upcoming, plans: plans.items };
    },
  });

  private ordersOpen = false;
  /** The order history's element: `true` once defined, `false` when it could not be downloaded. */
  private historyLoaded: boolean | undefined;
  /** The change waiting for the admin's confirmation (its dialog shows it). */
  private pending: ChangeRequest | undefined;
  /** The form whose change is being prepared (its dialog downloaded, the price of added licenses fetched). */
  private opening: Action | undefined;
  /** The form whose change could not be prepared, its dialog not downloaded: a retry is offered next to it. */
  private failed: Action | undefined;
  private fieldErrors: Partial<Record<Action, string>> = {};
  private inputs: Record<Action, string> = { add: '1', remove: '1', plan: '', period: '' };
  private status = '';
  /** Why the last cancellation was refused (shown in the scheduled changes' card). */
  private cancelError = '';
  /** The scheduled change whose confirmation could not be downloaded: a retry is offered. */
  private cancelFailed: Order | undefined;

  // ---------------------------------------------------------------------------------
  // Handlers

  #onInput(action: Action, e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLSelectElement).value;
    this.inputs = { ...this.inputs, [action]: value };
    // More licenses than can be removed: refused at once, next to the field.
    const guard = this.#tooManyToRemove(action, value);
    if (guard || this.fieldErrors[action]) this.fieldErrors = { ...this.fieldErrors, [action]: guard };
  }

  /** The most licenses a removal may take (the backend's `removableLicenses`), if it says. */
  get #removable(): number | undefined {
    return this.#overview?.sub.licenses?.removableLicenses;
  }

  /**
   * The refusal of removing `raw` licenses (`action` is `remove`), worded by the kit, when it
   * is a whole number above what can be removed; `undefined` otherwise (the server has the
   * last word).
   */
  #tooManyToRemove(action: Action, raw: string): string | undefined {
    const max = this.#removable;
    const sub = this.#overview?.sub;
    if (action !== 'remove' || max === undefined || !sub || !/^\d+$/.test(raw.trim()) || Number(raw) <= max) {
      return undefined;
    }
    return `${this.t('overview.refused.too-few-left', { date: this.fmtDate(sub.nextPeriod.start) })} ${this.t(
      'overview.refused.remove-at-most',
      { count: max, n: this.fmtCount(max) },
    )}`;
  }

  #onOrdersToggle(e: Event): void {
    this.ordersOpen = (e.target as HTMLDetailsElement).open;
    if (this.ordersOpen && !this.historyLoaded) void this.#loadHistory();
  }

  async #loadHistory(): Promise<void> {
    this.historyLoaded = undefined;
    this.historyLoaded = await onFirstUse.history().then(
      () => true,
      () => false,
    );
  }

  /** Puts `message` next to `action`'s field, and moves focus there. */
  #fieldError(action: Action, message: string): void {
    this.fieldErrors = { ...this.fieldErrors, [action]: message };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${action}-field`)?.focus());
  }

  /**
   * Checks `action`'s form and opens its confirmation: the change dialog is downloaded the
   * first time (the button says so meanwhile); if it cannot be, a retry is offered next to
   * the form.
   */
  async #open(action: Action, e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.opening) return;
    let change: ChangeRequest;
    if (action === 'add' || action === 'remove') {
      const raw = this.inputs[action].trim();
      const quantity = Number(raw);
      if (!/^\d+$/.test(raw) || quantity < QUANTITY.min || quantity > QUANTITY.max) {
        this.#fieldError(action, this.t('overview.invalid-quantity'));
        return;
      }
      const guard = this.#tooManyToRemove(action, raw);
      if (guard) {
        this.#fieldError(action, guard);
        return;
      }
      change = { action, quantity };
    } else {
      const value = this.#choice(action);
      if (value === this.#current(action) || value === this.#next(action)) return;
      change = action === 'plan' ? { action, planId: value } : { action, periodMonths: Number(value) };
    }
    this.fieldErrors = { ...this.fieldErrors, [action]: undefined };
    this.opening = action;
    this.failed = undefined;
    try {
      await onFirstUse.dialog();
      this.pending = change; // the dialog says when it opened, or why not
    } catch {
      this.failed = action;
      this.opening = undefined;
    }
  }

  /**
   * Asks to confirm cancelling scheduled change `order`: the change dialog is downloaded
   * the first time; if it cannot be, a retry is offered in the scheduled changes' card.
   */
  async #openCancel(order: Order): Promise<void> {
    if (this.opening || this.pending) return;
    this.cancelError = '';
    this.cancelFailed = undefined;
    try {
      await onFirstUse.dialog();
      this.pending = { action: 'cancel', order };
    } catch {
      this.cancelFailed = order;
    }
  }

  // ---------------------------------------------------------------------------------
  // Public methods

  /** Fetches the subscription again (e.g. after the host changed billing data itself). */
  refresh(): void {
    void this.#data.refresh();
    this.renderRoot.querySelector('billing-order-history')?.refresh();
  }

  // ---------------------------------------------------------------------------------
  // Rendering helpers

  get #overview(): OverviewData | undefined {
    return this.#data.value;
  }

  /** The edition or frequency in force now: what the select starts on, marked "(current)". */
  #current(action: Action): string {
    const sub = this.#overview?.sub;
    return action === 'plan'
      ? (sub?.plan.id ?? '')
      : String(sub?.currentPeriod.months ?? sub?.licenses?.periodMonths ?? 1);
  }

  /** The edition or frequency from the next period (a scheduled change's, else the current one). */
  #next(action: Action): string {
    const sub = this.#overview?.sub;
    return action === 'plan'
      ? (sub?.nextPeriod.planId ?? this.#current(action))
      : String(sub?.nextPeriod.months ?? this.#current(action));
  }

  #choice(action: Action): string {
    return this.inputs[action] || this.#current(action);
  }

  #money(minor: number): string {
    return formatMoney(minor, this.#overview?.sub.currency ?? 'EUR', this.locale);
  }

  #range(p: Pick<Period, 'start' | 'end'>): string {
    return this.t('overview.period.range', { start: this.fmtDate(p.start), end: this.fmtDate(p.end) });
  }

  #months(n: number): string {
    return this.t('overview.period.months', { count: n, n: this.fmtCount(n) });
  }

  /** "€9.00 per license" or "€9.00 per user". */
  #unitPrice(p: Plan): string {
    return this.t(p.model === 'prepaid-licenses' ? 'overview.price.per-license' : 'overview.price.per-user', {
      price: this.#money(p.unitPrice),
    });
  }

  /** A figure's row; given `people` (and a count above 0), the figure opens the people behind it. */
  #row(
    cls: string,
    label: MessageKey,
    value: TemplateResult | string,
    note?: TemplateResult | string,
    people?: [PeopleFigure, number],
  ): TemplateResult {
    return html`<div class="row ${cls}">
      <dt>${this.t(label)}</dt>
      <dd>
        <span class="value" part="figure"
          >${
            people?.[1]
              ? html`<button
                  class="people"
                  part="people-button"
                  title=${this.t('overview.people')}
                  @click=${() =>
                    void showPeople(this, {
                      figure: people[0],
                      month: this.#overview!.sub.today.slice(0, 7),
                      count: people[1],
                    }).catch((e) => this.reportError(e))}
                >
                  ${value}
                </button>`
              : value
          }</span
        >
        ${note ? html`<span class="note">${note}</span>` : nothing}
      </dd>
    </div>`;
  }

  /** A figure card: its title, and what it shows. */
  #card(
    name: 'period' | 'price' | 'usage' | 'licenses' | 'scheduled' | 'storage',
    body: TemplateResult,
  ): TemplateResult {
    return html`<section class="card ${name}" part="card" aria-labelledby="${name}-title">
      <h3 id="${name}-title">${this.t(`overview.${name}.title`)}</h3>
      ${body}
    </section>`;
  }

  #provisional(text: string): TemplateResult {
    return html`<p class="provisional" part="provisional">${text}</p>`;
  }

  /** A part that could not be downloaded: says so, with a retry; nothing typed is lost. */
  #loadFailed(retry: () => void): TemplateResult {
    return html`<p class="field-error" role="alert">
      ${this.t('overview.load-failed')}
      <button type="button" part="retry-button" @click=${retry}>${this.t('state.retry')}</button>
    </p>`;
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #renderHeader(sub: SubscriptionOverview): TemplateResult {
    const rule =
      sub.model === 'full-month' && sub.plan.requiresActivity
        ? 'overview.rule.full-month-activity'
        : (`overview.rule.${sub.model}` as const);
    return html`<header part="header">
      <p class="eyebrow">${this.t('overview.title')}</p>
      <div class="title-line">
        <h2 id="overview-title">${sub.plan.name}</h2>
        ${sub.trial?.inTrial ? html`<span class="badge">${this.t('overview.badge.trial')}</span>` : nothing}
        ${this.#data.loading ? html`<span class="refreshing">${this.t('overview.refreshing')}</span>` : nothing}
      </div>
      <p class="rule">${this.t(rule, { included: this.fmtCount(sub.plan.includedUsers ?? 0) })}</p>
    </header>`;
  }

  #renderPeriods(sub: SubscriptionOverview): TemplateResult {
    const next = sub.nextPeriod;
    const nextPlan = next.planId && next.planId !== sub.plan.id ? next.planId : undefined;
    const nextNotes = [
      next.licenses !== undefined && next.licenses !== sub.licenses?.licenses
        ? this.t('overview.period.next-licenses', { count: next.licenses, n: this.fmtCount(next.licenses) })
        : '',
      nextPlan ? this.t('overview.period.next-edition', { plan: this.planName(this.#overview, nextPlan) }) : '',
    ].filter(Boolean);
    const trial = sub.trial?.inTrial ? sub.trial : undefined;
    return this.#card(
      'period',
      html`<dl>
        ${this.#row('', 'overview.period.current', this.#range(sub.currentPeriod), this.#months(sub.currentPeriod.months ?? 1))}
        ${this.#row('next-period', 'overview.period.next', this.#range(next), [this.#months(next.months ?? 1), ...nextNotes].join(' · '))}
        ${
          trial
            ? this.#row(
                'trial',
                'overview.badge.trial',
                this.t('overview.trial.ends', { date: this.fmtDate(trial.endsOn) }),
                this.t('overview.trial.first-month', { month: this.fmtMonth(trial.firstBilledMonth) }),
              )
            : nothing
        }
      </dl>`,
    );
  }

  #renderPrice({ sub, upcoming }: OverviewData): TemplateResult {
    const plan = sub.plan;
    const monthly =
      sub.model === 'peak-daily'
        ? html`<span class="line"
              >${this.t('overview.price.base-fee', {
                fee: this.#money(plan.baseFee ?? 0),
                included: this.fmtCount(plan.includedUsers ?? 0),
              })}</span
            ><span class="line">${this.t('overview.price.extra-user', { price: this.#money(plan.unitPrice) })}</span>`
        : this.#unitPrice(plan);
    const openMonth = sub.usage && upcoming.periodStart === sub.currentPeriod.start;
    const notCharged = sub.usage?.beforeFirstBilledMonth === true;
    return this.#card(
      'price',
      html`<dl>
        ${this.#row('', 'overview.price.monthly', monthly)}
        ${
          notCharged
            ? this.#row('so-far', 'overview.price.month-so-far', this.t('overview.price.not-charged'))
            : openMonth
              ? this.#row(
                  'so-far',
                  'overview.price.month-so-far',
                  this.#money(upcoming.subtotal),
                  this.t('overview.price.excl-tax'),
                )
              : nothing
        }
        ${
          sub.licenses
            ? this.#row('per-period', 'overview.price.per-period', this.#money(sub.licenses.pricePerPeriod))
            : nothing
        }
        ${this.#row(
          'upcoming',
          'overview.upcoming',
          formatMoney(sub.upcoming.total.amount, sub.upcoming.total.currency, this.locale),
          html`${this.t('overview.upcoming.detail', {
            period: this.#range({ start: sub.upcoming.periodStart, end: sub.upcoming.periodEnd }),
            date: this.fmtDate(upcoming.issuedOn),
          })}
          ${sub.upcoming.provisional ? this.#provisional(this.t('overview.upcoming.provisional')) : nothing}`,
        )}
        ${sub.poNumber ? this.#row('po', 'overview.po', sub.poNumber) : nothing}
      </dl>`,
    );
  }

  #renderUsage({ sub, upcoming }: OverviewData): TemplateResult | typeof nothing {
    const u = sub.usage;
    if (!u) return nothing;
    let rows: TemplateResult[];
    if (u.model === 'peak-daily') {
      const extraLine =
        upcoming.periodStart.slice(0, 7) === u.month ? upcoming.lines.find((l) => l.kind === 'extra-users') : undefined;
      rows = [
        this.#row('included', 'overview.usage.included', this.fmtCount(u.includedUsers ?? 0)),
        this.#row(
          'peak',
          'overview.usage.peak',
          u.peak
            ? this.t('overview.usage.peak-value', { n: this.fmtCount(u.peak.count), date: this.fmtDate(u.peak.on) })
            : this.t('overview.usage.none-yet'),
          undefined,
          ['peak', u.peak?.count ?? 0],
        ),
        this.#row('extra', 'overview.usage.extra', this.fmtCount(u.extraUsers ?? 0)),
        this.#row('extra-cost', 'overview.usage.extra-cost', this.#money(extraLine?.amount ?? 0)),
      ];
    } else {
      rows = [
        this.#row('billed', 'overview.usage.billed', this.fmtCount(u.billedCount), undefined, ['users', u.billedCount]),
      ];
      if (u.monthlyActiveUsers !== null) {
        rows.push(
          this.#row(
            'mau',
            'overview.usage.mau',
            this.fmtCount(u.monthlyActiveUsers),
            this.t('overview.usage.mau-note'),
          ),
        );
      }
    }
    return this.#card(
      'usage',
      html`${u.provisional ? this.#provisional(this.t('overview.usage.provisional')) : nothing}
        <dl>${rows}</dl>
        ${u.beforeFirstBilledMonth ? html`<p class="note">${this.t('overview.usage.trial-note')}</p>` : nothing}`,
    );
  }

  #renderLicenses(sub: SubscriptionOverview): TemplateResult | typeof nothing {
    const l = sub.licenses;
    if (!l) return nothing;
    return this.#card(
      'licenses',
      html`<dl>
        ${this.#row('licenses', 'overview.licenses.title', this.fmtCount(l.licenses), undefined, ['licenses', l.licenses])}
        ${this.#row('assigned', 'overview.licenses.assigned', this.fmtCount(l.assigned))}
        ${this.#row('free', 'overview.licenses.free', this.fmtCount(l.free), this.t('overview.licenses.free-note'))}
        ${this.#row(
          'quantity',
          'overview.licenses.quantity',
          this.t('overview.licenses.quantity-value', {
            licenses: this.t('overview.n-licenses', { count: l.licenses, n: this.fmtCount(l.licenses) }),
            months: this.#months(l.periodMonths),
            quantity: this.t('overview.n-license-months', {
              count: l.periodQuantity,
              n: this.fmtCount(l.periodQuantity),
            }),
          }),
        )}
        ${this.#row('unit-price', 'overview.licenses.unit-price', this.#money(l.unitPrice))}
      </dl>`,
    );
  }

  /** The scheduled changes, each with its date and (for admins) a button that cancels it. */
  #renderScheduled(sub: SubscriptionOverview): TemplateResult {
    const failed = this.cancelFailed;
    return this.#card(
      'scheduled',
      html` ${
        sub.scheduledChanges.length === 0
          ? html`<p class="none">${this.t('overview.scheduled.none')}</p>`
          : html`<ul>
              ${sub.scheduledChanges.map(
                (o, i) =>
                  html`<li data-kind=${o.kind} data-order=${o.id}>
                    <span class="change" id="change-${i}">${this.changeText(this.#overview, o)}</span>
                    <span class="when" id="when-${i}"
                      >${this.t('overview.scheduled.on', { date: this.fmtDate(o.effectiveOn) })}</span
                    >
                    ${
                      this.canWrite
                        ? html`<button
                            type="button"
                            part="cancel-button"
                            aria-describedby="change-${i} when-${i}"
                            @click=${() => void this.#openCancel(o)}
                          >
                            ${this.t('overview.scheduled.cancel')}
                          </button>`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
      }
      ${
        this.cancelError
          ? html`<p id="cancel-error" class="field-error" part="field-error" role="alert" tabindex="-1">
              ${this.cancelError}
            </p>`
          : nothing
      }
      ${failed ? this.#loadFailed(() => void this.#openCancel(failed)) : nothing}`,
    );
  }

  #renderStorage(sub: SubscriptionOverview): TemplateResult | typeof nothing {
    const s = sub.storage;
    if (!s) return nothing;
    return this.#card(
      'storage',
      html`<label class="storage-label" for="storage-meter"
          >${this.t('overview.storage.used', { used: this.fmtCount(s.usedGb), included: this.fmtCount(s.includedGb) })}</label
        >
        <meter id="storage-meter" min="0" max=${s.includedGb} value=${s.usedGb} high=${s.includedGb * 0.9}></meter>`,
    );
  }

  /**
   * One change form: a number of licenses, or (given `options`, value and label) a choice
   * that starts on the current one; the field's error, and a retry when its dialog could
   * not be downloaded, sit next to the field.
   */
  #renderForm(action: Action, hint: string, options?: [string, string][]): TemplateResult {
    const error = this.fieldErrors[action];
    const current = options && this.#current(action);
    const next = options && this.#next(action);
    const value = options ? this.#choice(action) : this.inputs[action];
    const max = action === 'remove' ? Math.min(QUANTITY.max, this.#removable ?? QUANTITY.max) : QUANTITY.max;
    const from = this.fmtDate(this.#overview?.sub.nextPeriod.start ?? '');
    const busy = this.opening === action;
    const describedBy = error ? `${action}-error ${action}-hint` : `${action}-hint`;
    const onInput = (e: Event): void => this.#onInput(action, e);
    return html`<form
      class="action"
      part="${action}-form"
      novalidate
      @submit=${(e: SubmitEvent) => void this.#open(action, e)}
    >
      <label for="${action}-field">${this.t(`overview.${action}.label`)}</label>
      <div class="control">
        ${
          options
            ? html`<select
                id="${action}-field"
                part="field"
                aria-describedby=${describedBy}
                aria-invalid=${Boolean(error)}
                @change=${onInput}
              >
                ${options.map(
                  ([v, label]) =>
                    html`<option value=${v} .selected=${v === value}>
                      ${
                        v === current
                          ? this.t('overview.plan.current', { name: label })
                          : v === next
                            ? this.t('overview.plan.scheduled', { name: label, date: from })
                            : label
                      }
                    </option>`,
                )}
              </select>`
            : html`<input
                id="${action}-field"
                part="field"
                type="number"
                inputmode="numeric"
                min=${QUANTITY.min}
                max=${max}
                step="1"
                .value=${value}
                aria-describedby=${describedBy}
                aria-invalid=${Boolean(error)}
                @input=${onInput}
              />`
        }
        <button
          type="submit"
          part="action-button"
          ?disabled=${options && (value === current || value === next)}
          aria-disabled=${busy || nothing}
        >
          ${busy ? this.t(action === 'add' ? 'overview.add.quoting' : 'overview.opening') : this.t(`overview.${action}.button`)}
        </button>
      </div>
      ${error ? html`<p id="${action}-error" class="field-error" part="field-error" role="alert">${error}</p>` : nothing}
      ${this.failed === action ? this.#loadFailed(() => void this.#open(action)) : nothing}
      <p id="${action}-hint" class="hint">${hint}</p>
    </form>`;
  }

  #renderManage({ sub, plans }: OverviewData): TemplateResult | typeof nothing {
    if (!this.canWrite) return nothing;
    const prepaid = sub.model === 'prepaid-licenses';
    const licensed = prepaid && sub.licenses;
    const choices = plans.filter((p) => (p.model === 'prepaid-licenses') === prepaid);
    if (!licensed && choices.length < 2) return nothing;
    const boundary = this.t('overview.plan.hint', { date: this.fmtDate(sub.nextPeriod.start) });
    const months = Number(this.#current('period'));
    const nextMonths = Number(this.#next('period'));
    const removable = this.#removable;
    const label = (p: Plan): string =>
      p.model === 'peak-daily'
        ? this.t('overview.plan.option.peak-daily', {
            name: p.name,
            fee: this.#money(p.baseFee ?? 0),
            included: this.fmtCount(p.includedUsers ?? 0),
          })
        : this.t('overview.plan.option.per-unit', { name: p.name, price: this.#unitPrice(p) });
    // The dialog's part starts downloading as soon as the admin heads for a form.
    const prefetch = (): void => void onFirstUse.dialog().catch(() => undefined);
    return html`<section
      class="manage"
      part="manage"
      aria-labelledby="manage-title"
      @focusin=${prefetch}
      @pointerover=${prefetch}
    >
      <h3 id="manage-title">${this.t('overview.manage.title')}</h3>
      <div class="forms">
        ${
          licensed
            ? [
                this.#renderForm('add', this.t('overview.add.hint')),
                this.#renderForm(
                  'remove',
                  [
                    this.t('overview.remove.hint', { date: this.fmtDate(sub.nextPeriod.start) }),
                    removable === undefined
                      ? ''
                      : this.t('overview.remove.max', { count: removable, n: this.fmtCount(removable) }),
                  ]
                    .filter(Boolean)
                    .join(' '),
                ),
              ]
            : nothing
        }
        ${
          choices.length > 1
            ? this.#renderForm(
                'plan',
                boundary,
                choices.map((p) => [p.id, label(p)]),
              )
            : nothing
        }
        ${
          licensed
            ? this.#renderForm(
                'period',
                boundary,
                [...new Set([months, nextMonths, ...FREQUENCIES])]
                  .sort((a, b) => a - b)
                  .map((m) => [String(m), this.frequency(m)]),
              )
            : nothing
        }
      </div>
    </section>`;
  }

  /** The order history's disclosure: its element fetches the orders once downloaded. */
  #renderOrders(): TemplateResult {
    const body = (): unknown =>
      this.historyLoaded === false
        ? this.#loadFailed(() => void this.#loadHistory())
        : this.historyLoaded
          ? html`<billing-order-history lang=${this.locale} .data=${this.#overview}></billing-order-history>`
          : loadingState(this.locale, 3);
    return html`<details part="orders" class="orders" ?open=${this.ordersOpen} @toggle=${this.#onOrdersToggle}>
      <summary>${this.t('overview.orders.title')}</summary>
      ${this.ordersOpen ? body() : nothing}
    </details>`;
  }

  protected override render() {
    const error = this.#data.error;
    // Only the contract's own "no subscription" answer means none: any other 404 (a
    // backend without this endpoint) is an error that says so.
    if (error?.kind === 'not-found' && error.code === 'no-subscription') {
      return emptyState(this.t('overview.empty.title'), this.t('overview.empty.body'));
    }
    return this.renderQuery(this.#data, (data) => this.#renderOverview(data), 10);
  }

  #renderOverview(data: OverviewData): TemplateResult {
    const sub = data.sub;
    const error = this.#data.error;
    return html`<article
      class="overview"
      aria-labelledby="overview-title"
      aria-busy=${this.#data.loading ? 'true' : 'false'}
    >
      ${this.#renderHeader(sub)}
      ${error ? errorState(this.locale, error, () => this.refresh(), this.t('overview.refresh-failed')) : nothing}
      <div class="cards">
        ${this.#renderPeriods(sub)} ${this.#renderPrice(data)} ${this.#renderUsage(data)} ${this.#renderLicenses(sub)}
        ${this.#renderScheduled(sub)} ${this.#renderStorage(sub)}
      </div>
      ${this.#renderManage(data)} ${this.#renderOrders()}
      <p class="status-message" role="status">${this.status}</p>
      ${
        this.pending
          ? html`<billing-change-dialog
              lang=${this.locale}
              exportparts="dialog, confirm-button"
              .change=${this.pending}
              .data=${data}
            ></billing-change-dialog>`
          : nothing
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscription-overview': BillingSubscriptionOverview;
  }
}
