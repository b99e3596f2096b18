import * as messages from './subscription-overview.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { BillingClient, Invoice, LicenseQuote, Order, Plan, SubscriptionOverview } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { ChangeTopic } from '../../context/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorMessage, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { subscriptionOverviewStyles } from './subscription-overview.styles.js';

/** The four things an admin can change; each has its own field and its own error. */
type Action = 'add' | 'remove' | 'plan' | 'period';

/** Everything the overview shows, fetched together. */
interface OverviewData {
  sub: SubscriptionOverview;
  /** The provisional next invoice: its lines give the engine's own amounts (extra users so far). */
  upcoming: Invoice;
  plans: Plan[];
}

type Period = SubscriptionOverview['currentPeriod'];

/** A change waiting for the admin's confirmation. */
interface Pending {
  action: Action;
  quantity?: number;
  quote?: LicenseQuote;
  planId?: string;
  periodMonths?: number;
  /** One key per user action: a retry or a double click never orders twice. */
  key: string;
  busy: boolean;
  error?: string;
}

/** Billing frequencies the contract offers (`ChangeRequest.periodMonths`). */
const FREQUENCIES = [1, 6, 12] as const;

const RULE_KEYS: Record<SubscriptionOverview['model'], MessageKey> = {
  'peak-daily': 'overview.rule.peak-daily',
  'per-user': 'overview.rule.per-user',
  'full-month': 'overview.rule.full-month',
  invited: 'overview.rule.invited',
  'prepaid-licenses': 'overview.rule.prepaid-licenses',
};

/**
 * What the organisation is subscribed to and what it costs: the edition and its billing
 * model in one plain sentence, the current and next billing period, the price and the
 * provisional estimate of the next invoice, this month's users (peak plans: included
 * users, the peak so far and its day, extra users and their cost so far) or the prepaid
 * licenses (assigned, free — still charged —, licenses × months and the price per
 * period), scheduled changes with their dates, the trial and file storage. Admins add
 * licenses (after seeing the prorated price), remove licenses from the next period, and
 * change the edition or billing frequency at the period boundary; the order history is
 * one click away.
 *
 * Every figure comes from the billing API; nothing is computed here. After a confirmed
 * change the other elements of the provider refetch, and the overview refetches whenever
 * any element changed something.
 *
 * @summary Plan, periods, price, usage or licenses, scheduled changes, and license orders.
 * @tagname billing-subscription-overview
 *
 * @event billing-change - A change was confirmed by the server: licenses added or removed (topic `licenses`), edition or billing frequency scheduled (topic `subscription`); `event.detail` is the server's order confirmation.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart header - Edition, badge and the billing rule.
 * @csspart card - Each figure card (period, price, usage, licenses, scheduled changes, storage).
 * @csspart figure - Each figure value.
 * @csspart provisional - The notes that say a figure is provisional.
 * @csspart manage - The admin's change forms.
 * @csspart add-form - The form that adds licenses (prepaid licenses).
 * @csspart remove-form - The form that removes licenses from the next period.
 * @csspart plan-form - The form that schedules an edition change.
 * @csspart period-form - The form that schedules a billing-frequency change.
 * @csspart field - Each input or select of the change forms.
 * @csspart field-error - The server's reason next to a field.
 * @csspart action-button - Each button that opens a confirmation.
 * @csspart orders - The order history disclosure.
 * @csspart dialog - The confirmation dialog.
 * @csspart confirm-button - The dialog's confirm button.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-subscription-overview-card-min-width - Narrowest a card gets before the grid wraps. Default `17rem`.
 * @cssproperty --billing-subscription-overview-min-height - Space reserved while loading. Default `32rem`.
 */
export class BillingSubscriptionOverview extends BillingElement {
  static override styles = [...BillingElement.styles, subscriptionOverviewStyles];
  static override messages = messages;

  @query('dialog') private dialogEl?: HTMLDialogElement;

  @state() private data: OverviewData | undefined;
  @state() private error: BillingApiError | undefined;
  @state() private loading = false;
  /** The API has no subscription for this organisation (404). */
  @state() private missing = false;
  @state() private orders: Order[] | undefined;
  @state() private ordersError: BillingApiError | undefined;
  @state() private ordersOpen = false;
  @state() private pending: Pending | undefined;
  @state() private quoting = false;
  @state() private fieldErrors: Partial<Record<Action, string>> = {};
  @state() private inputs: Record<Action, string> = { add: '1', remove: '1', plan: '', period: '' };
  @state() private status = '';

  #abort = new AbortController();
  #ordersAbort = new AbortController();
  #client: BillingClient | undefined;
  #revision = -1;
  /** Set synchronously on confirm, so a second click in the same task sends nothing. */
  #inFlight = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort.abort();
    this.#ordersAbort.abort();
    // Reconnecting fetches afresh.
    this.#client = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const billing = this.billing;
    if (!billing || this.roleForbidden) return;
    if (billing.client !== this.#client || billing.revision !== this.#revision) {
      const sameClient = billing.client === this.#client;
      this.#client = billing.client;
      this.#revision = billing.revision;
      if (!sameClient) {
        this.data = undefined;
        this.orders = undefined;
      }
      void this.#load();
    }
  }

  // ---------------------------------------------------------------------------------
  // Data

  async #load(): Promise<void> {
    const billing = this.billing;
    if (!billing) return;
    this.#abort.abort();
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    this.loading = true;
    try {
      const [sub, upcoming, plans] = await Promise.all([
        billing.client.getSubscription({ signal }),
        billing.client.getUpcomingInvoice({ signal }),
        billing.client.listPlans({ signal }),
      ]);
      if (signal.aborted) return;
      this.data = { sub, upcoming, plans: plans.items };
      this.error = undefined;
      this.missing = false;
    } catch (e) {
      if (signal.aborted) return;
      const err = this.reportError(e);
      if (err.kind === 'aborted') return;
      if (err.kind === 'not-found') {
        this.missing = true;
        this.data = undefined;
        this.error = undefined;
      } else {
        this.error = err;
      }
    } finally {
      if (!signal.aborted) this.loading = false;
    }
    // The history may have changed too: fetch it now if it is open, else when next opened.
    if (this.ordersOpen && this.data) void this.#loadOrders();
    else this.orders = undefined;
  }

  async #loadOrders(): Promise<void> {
    const billing = this.billing;
    if (!billing) return;
    this.#ordersAbort.abort();
    this.#ordersAbort = new AbortController();
    const signal = this.#ordersAbort.signal;
    this.ordersError = undefined;
    try {
      const { items } = await billing.client.listOrders({ signal });
      if (!signal.aborted) this.orders = items;
    } catch (e) {
      if (!signal.aborted) this.ordersError = this.reportError(e);
    }
  }

  // ---------------------------------------------------------------------------------
  // Handlers

  #onInput(action: Action, e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLSelectElement).value;
    this.inputs = { ...this.inputs, [action]: value };
    if (this.fieldErrors[action]) this.#setFieldError(action, undefined);
  }

  #onOrdersToggle(e: Event): void {
    this.ordersOpen = (e.target as HTMLDetailsElement).open;
    if (this.ordersOpen && !this.orders) void this.#loadOrders();
  }

  /** Reads a license quantity from its field; says what is wrong next to it otherwise. */
  #quantity(action: 'add' | 'remove'): number | undefined {
    const raw = this.inputs[action].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > 100_000) {
      this.#setFieldError(action, this.t('overview.invalid-quantity'));
      this.#focusField(action);
      return undefined;
    }
    return n;
  }

  async #onAdd(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const billing = this.billing;
    const quantity = this.#quantity('add');
    if (!billing || quantity === undefined || this.quoting) return;
    this.quoting = true;
    this.#setFieldError('add', undefined);
    try {
      const quote = await billing.client.quoteLicenses(quantity);
      this.#open({ action: 'add', quantity, quote });
    } catch (err) {
      this.#refused('add', this.reportError(err));
    } finally {
      this.quoting = false;
    }
  }

  #onRemove(e: SubmitEvent): void {
    e.preventDefault();
    const quantity = this.#quantity('remove');
    if (quantity === undefined) return;
    this.#setFieldError('remove', undefined);
    this.#open({ action: 'remove', quantity });
  }

  #onPlan(e: SubmitEvent): void {
    e.preventDefault();
    const planId = this.#planChoice;
    if (!planId || planId === this.#nextPlanId) return;
    this.#setFieldError('plan', undefined);
    this.#open({ action: 'plan', planId });
  }

  #onPeriod(e: SubmitEvent): void {
    e.preventDefault();
    const periodMonths = Number(this.#periodChoice);
    if (!periodMonths || periodMonths === this.#nextMonths) return;
    this.#setFieldError('period', undefined);
    this.#open({ action: 'period', periodMonths });
  }

  #open(p: Omit<Pending, 'key' | 'busy'>): void {
    this.pending = { ...p, key: newIdempotencyKey(), busy: false };
    void this.updateComplete.then(() => {
      if (this.dialogEl && !this.dialogEl.open) this.dialogEl.showModal();
    });
  }

  #close(): void {
    if (this.pending?.busy) return;
    this.dialogEl?.close();
    this.pending = undefined;
  }

  #onDialogCancel(e: Event): void {
    // Escape while the order is on its way would hide its outcome.
    if (this.pending?.busy) e.preventDefault();
  }

  /** Sends the confirmed change; a second click, or a retry, reuses the action's key. */
  async #confirm(): Promise<void> {
    const p = this.pending;
    const billing = this.billing;
    if (!p || !billing || this.#inFlight) return;
    this.#inFlight = true;
    this.pending = { ...p, busy: true, error: undefined };
    const client = billing.client;
    const options = { idempotencyKey: p.key };
    try {
      let topic: ChangeTopic;
      let detail: unknown;
      let message: string;
      if (p.action === 'add' || p.action === 'remove') {
        const result = await client.orderLicenses(p.action, p.quantity ?? 0, options);
        const n = result.order.quantity ?? p.quantity ?? 0;
        topic = 'licenses';
        detail = result;
        message =
          p.action === 'add'
            ? [
                this.t('overview.done.add', { count: n, n: this.fmtCount(n) }),
                result.invoice
                  ? this.t('overview.done.add-invoice', {
                      number: result.invoice.number,
                      total: this.fmtMoney(result.invoice.total, result.invoice.currency),
                    })
                  : '',
              ]
                .filter(Boolean)
                .join(' ')
            : this.t('overview.done.remove', {
                count: n,
                n: this.fmtCount(n),
                date: this.fmtDate(result.order.effectiveOn),
              });
      } else {
        const order = await client.scheduleChange(
          p.action === 'plan'
            ? { kind: 'change-plan', planId: p.planId ?? '' }
            : { kind: 'change-period', periodMonths: (p.periodMonths ?? 1) as 1 | 6 | 12 },
          options,
        );
        topic = 'subscription';
        detail = order;
        message =
          p.action === 'plan'
            ? this.t('overview.done.plan', {
                plan: this.#planName(order.planId ?? p.planId ?? ''),
                date: this.fmtDate(order.effectiveOn),
              })
            : this.t('overview.done.period', {
                period: this.#frequency(order.periodMonths ?? p.periodMonths ?? 1),
                date: this.fmtDate(order.effectiveOn),
              });
      }
      this.#inFlight = false;
      this.pending = undefined;
      this.dialogEl?.close();
      this.inputs = {
        ...this.inputs,
        ...(p.action === 'add' || p.action === 'remove' ? { [p.action]: '1' } : { [p.action]: '' }),
      };
      this.status = message;
      this.changed(topic, detail);
    } catch (e) {
      this.#inFlight = false;
      const err = this.reportError(e);
      if (err.kind === 'invalid' || err.kind === 'conflict') {
        // The rules refused it: nothing changed; the reason goes next to the field.
        this.pending = undefined;
        this.dialogEl?.close();
        this.#refused(p.action, err);
      } else {
        const retry = err.retryable ? ` ${this.t('overview.dialog.retry')}` : '';
        this.pending = { ...p, busy: false, error: `${errorMessage(this.locale, err)}${retry}` };
      }
    }
  }

  /** Shows the server's reason for refusing `action` next to its field, and moves focus there. */
  #refused(action: Action, err: BillingApiError): void {
    const fields = err.fieldErrors;
    const reason =
      fields['quantity'] ??
      fields['planId'] ??
      fields['periodMonths'] ??
      Object.values(fields)[0] ??
      errorMessage(this.locale, err);
    this.#setFieldError(action, reason);
    this.#focusField(action);
  }

  #setFieldError(action: Action, message: string | undefined): void {
    const next = { ...this.fieldErrors };
    if (message) next[action] = message;
    else delete next[action];
    this.fieldErrors = next;
  }

  #focusField(action: Action): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${action}-field`)?.focus());
  }

  // ---------------------------------------------------------------------------------
  // Public methods

  /** Fetches the subscription again (e.g. after the host changed billing data itself). */
  refresh(): void {
    void this.#load();
  }

  // ---------------------------------------------------------------------------------
  // Rendering helpers

  get #nextPlanId(): string {
    const sub = this.data?.sub;
    return sub?.nextPeriod.planId ?? sub?.plan.id ?? '';
  }

  get #nextMonths(): number {
    return this.data?.sub.nextPeriod.months ?? this.data?.sub.licenses?.nextPeriod.months ?? 1;
  }

  get #planChoice(): string {
    return this.inputs.plan || this.#nextPlanId;
  }

  get #periodChoice(): string {
    return this.inputs.period || String(this.#nextMonths);
  }

  #money(minor: number): string {
    return this.fmtMoney(minor, this.data?.sub.currency ?? 'EUR');
  }

  #range(p: Pick<Period, 'start' | 'end'>): string {
    return this.t('overview.period.range', { start: this.fmtDate(p.start), end: this.fmtDate(p.end) });
  }

  #months(n: number): string {
    return this.t('overview.period.months', { count: n, n: this.fmtCount(n) });
  }

  #frequency(months: number): string {
    return months === 1 || months === 6 || months === 12
      ? this.t(`overview.frequency.${months}`)
      : this.t('overview.frequency.other', { count: months, n: this.fmtCount(months) });
  }

  #planName(id: string): string {
    const data = this.data;
    return data?.plans.find((p) => p.id === id)?.name ?? (data?.sub.plan.id === id ? data.sub.plan.name : id);
  }

  #changeText(o: Order): string {
    const n = o.quantity ?? 0;
    switch (o.kind) {
      case 'add-licenses':
        return this.t('overview.change.add-licenses', { count: n, n: this.fmtCount(n) });
      case 'remove-licenses':
        return this.t('overview.change.remove-licenses', { count: n, n: this.fmtCount(n) });
      case 'change-plan':
        return this.t('overview.change.change-plan', { plan: this.#planName(o.planId ?? '') });
      case 'change-period':
        return this.t('overview.change.change-period', { period: this.#frequency(o.periodMonths ?? 1) });
    }
  }

  #row(label: string, value: TemplateResult | string, note?: TemplateResult | string, cls = ''): TemplateResult {
    return html`<div class="row ${cls}">
      <dt>${label}</dt>
      <dd>
        <span class="value" part="figure">${value}</span>
        ${note ? html`<span class="note">${note}</span>` : nothing}
      </dd>
    </div>`;
  }

  #provisional(text: string): TemplateResult {
    return html`<p class="provisional" part="provisional">${text}</p>`;
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #renderHeader(sub: SubscriptionOverview): TemplateResult {
    const rule =
      sub.model === 'full-month' && sub.plan.requiresActivity
        ? 'overview.rule.full-month-activity'
        : RULE_KEYS[sub.model];
    return html`<header part="header">
      <p class="eyebrow">${this.t('overview.title')}</p>
      <div class="title-line">
        <h2 id="overview-title">${sub.plan.name}</h2>
        ${sub.trial?.inTrial ? html`<span class="badge">${this.t('overview.badge.trial')}</span>` : nothing}
        ${this.loading ? html`<span class="refreshing">${this.t('overview.refreshing')}</span>` : nothing}
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
      nextPlan ? this.t('overview.period.next-edition', { plan: this.#planName(nextPlan) }) : '',
    ].filter(Boolean);
    const trial = sub.trial?.inTrial ? sub.trial : undefined;
    return html`<section class="card" part="card" aria-labelledby="period-title">
      <h3 id="period-title">${this.t('overview.period.title')}</h3>
      <dl>
        ${this.#row(this.t('overview.period.current'), this.#range(sub.currentPeriod), this.#months(sub.currentPeriod.months ?? 1))}
        ${this.#row(
          this.t('overview.period.next'),
          this.#range(next),
          [this.#months(next.months ?? 1), ...nextNotes].join(' · '),
          'next-period',
        )}
        ${
          trial
            ? this.#row(
                this.t('overview.trial'),
                this.t('overview.trial.ends', { date: this.fmtDate(trial.endsOn) }),
                this.t('overview.trial.first-month', { month: this.fmtMonth(trial.firstBilledMonth) }),
                'trial',
              )
            : nothing
        }
      </dl>
    </section>`;
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
        : this.t(sub.model === 'prepaid-licenses' ? 'overview.price.per-license' : 'overview.price.per-user', {
            price: this.#money(plan.unitPrice),
          });
    const openMonth = sub.usage && upcoming.periodStart === sub.currentPeriod.start;
    const notCharged = sub.usage?.beforeFirstBilledMonth === true;
    return html`<section class="card" part="card" aria-labelledby="price-title">
      <h3 id="price-title">${this.t('overview.price.title')}</h3>
      <dl>
        ${this.#row(this.t('overview.price.monthly'), monthly)}
        ${
          notCharged
            ? this.#row(
                this.t('overview.price.month-so-far'),
                this.t('overview.price.not-charged'),
                undefined,
                'so-far',
              )
            : openMonth
              ? this.#row(
                  this.t('overview.price.month-so-far'),
                  this.#money(upcoming.subtotal),
                  this.t('overview.price.excl-tax'),
                  'so-far',
                )
              : nothing
        }
        ${
          sub.licenses
            ? this.#row(
                this.t('overview.price.per-period'),
                this.#money(sub.licenses.pricePerPeriod),
                undefined,
                'per-period',
              )
            : nothing
        }
        ${this.#row(
          this.t('overview.upcoming'),
          this.fmtMoney(sub.upcoming.total.amount, sub.upcoming.total.currency),
          html`${this.t('overview.upcoming.detail', {
            period: this.#range({ start: sub.upcoming.periodStart, end: sub.upcoming.periodEnd }),
            date: this.fmtDate(upcoming.issuedOn),
          })}
          ${sub.upcoming.provisional ? this.#provisional(this.t('overview.upcoming.provisional')) : nothing}`,
          'upcoming',
        )}
        ${sub.poNumber ? this.#row(this.t('overview.po'), sub.poNumber, undefined, 'po') : nothing}
      </dl>
    </section>`;
  }

  #renderUsage({ sub, upcoming }: OverviewData): TemplateResult | typeof nothing {
    const u = sub.usage;
    if (!u) return nothing;
    const rows: TemplateResult[] = [];
    if (u.model === 'peak-daily') {
      const extraLine =
        upcoming.periodStart.slice(0, 7) === u.month ? upcoming.lines.find((l) => l.kind === 'extra-users') : undefined;
      rows.push(
        this.#row(this.t('overview.usage.included'), this.fmtCount(u.includedUsers ?? 0), undefined, 'included'),
        this.#row(
          this.t('overview.usage.peak'),
          u.peak
            ? this.t('overview.usage.peak-value', { n: this.fmtCount(u.peak.count), date: this.fmtDate(u.peak.on) })
            : this.t('overview.usage.none-yet'),
          undefined,
          'peak',
        ),
        this.#row(this.t('overview.usage.extra'), this.fmtCount(u.extraUsers ?? 0), undefined, 'extra'),
        this.#row(this.t('overview.usage.extra-cost'), this.#money(extraLine?.amount ?? 0), undefined, 'extra-cost'),
      );
    } else {
      rows.push(this.#row(this.t('overview.usage.billed'), this.fmtCount(u.billedCount), undefined, 'billed'));
      if (u.monthlyActiveUsers !== null) {
        rows.push(
          this.#row(
            this.t('overview.usage.mau'),
            this.fmtCount(u.monthlyActiveUsers),
            this.t('overview.usage.mau-note'),
            'mau',
          ),
        );
      }
    }
    return html`<section class="card" part="card" aria-labelledby="usage-title">
      <h3 id="usage-title">${this.t('overview.usage.title')}</h3>
      ${u.provisional ? this.#provisional(this.t('overview.usage.provisional')) : nothing}
      <dl>${rows}</dl>
      ${u.beforeFirstBilledMonth ? html`<p class="note">${this.t('overview.usage.trial-note')}</p>` : nothing}
    </section>`;
  }

  #renderLicenses(sub: SubscriptionOverview): TemplateResult | typeof nothing {
    const l = sub.licenses;
    if (!l) return nothing;
    return html`<section class="card" part="card" aria-labelledby="licenses-title">
      <h3 id="licenses-title">${this.t('overview.licenses.title')}</h3>
      <dl>
        ${this.#row(this.t('overview.licenses.count'), this.fmtCount(l.licenses), undefined, 'licenses')}
        ${this.#row(this.t('overview.licenses.assigned'), this.fmtCount(l.assigned), undefined, 'assigned')}
        ${this.#row(this.t('overview.licenses.free'), this.fmtCount(l.free), this.t('overview.licenses.free-note'), 'free')}
        ${this.#row(
          this.t('overview.licenses.quantity'),
          this.t('overview.licenses.quantity-value', {
            licenses: this.t('overview.n-licenses', { count: l.licenses, n: this.fmtCount(l.licenses) }),
            months: this.#months(l.periodMonths),
            quantity: this.t('overview.n-license-months', {
              count: l.periodQuantity,
              n: this.fmtCount(l.periodQuantity),
            }),
          }),
          undefined,
          'quantity',
        )}
        ${this.#row(this.t('overview.licenses.unit-price'), this.#money(l.unitPrice), undefined, 'unit-price')}
      </dl>
    </section>`;
  }

  #renderScheduled(sub: SubscriptionOverview): TemplateResult {
    return html`<section class="card scheduled" part="card" aria-labelledby="scheduled-title">
      <h3 id="scheduled-title">${this.t('overview.scheduled.title')}</h3>
      ${
        sub.scheduledChanges.length === 0
          ? html`<p class="none">${this.t('overview.scheduled.none')}</p>`
          : html`<ul>
              ${sub.scheduledChanges.map(
                (o) =>
                  html`<li data-kind=${o.kind}>
                    <span class="change">${this.#changeText(o)}</span>
                    <span class="when">${this.t('overview.scheduled.on', { date: this.fmtDate(o.effectiveOn) })}</span>
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  #renderStorage(sub: SubscriptionOverview): TemplateResult | typeof nothing {
    const s = sub.storage;
    if (!s) return nothing;
    return html`<section class="card" part="card" aria-labelledby="storage-title">
      <h3 id="storage-title">${this.t('overview.storage.title')}</h3>
      <label class="storage-label" for="storage-meter"
        >${this.t('overview.storage.used', { used: this.fmtCount(s.usedGb), included: this.fmtCount(s.includedGb) })}</label
      >
      <meter id="storage-meter" min="0" max=${s.includedGb} value=${s.usedGb} high=${s.includedGb * 0.9}></meter>
    </section>`;
  }

  #fieldBits(action: Action): {
    describedBy: string;
    error: TemplateResult | typeof nothing;
    invalid: 'true' | 'false';
  } {
    const error = this.fieldErrors[action];
    return {
      describedBy: error ? `${action}-error ${action}-hint` : `${action}-hint`,
      invalid: error ? 'true' : 'false',
      error: error
        ? html`<p id="${action}-error" class="field-error" part="field-error" role="alert">${error}</p>`
        : nothing,
    };
  }

  #renderQuantityForm(action: 'add' | 'remove', sub: SubscriptionOverview): TemplateResult {
    const bits = this.#fieldBits(action);
    const busy = action === 'add' && this.quoting;
    return html`<form
      class="action"
      part="${action}-form"
      novalidate
      @submit=${action === 'add' ? this.#onAdd : this.#onRemove}
    >
      <label for="${action}-field">${this.t(action === 'add' ? 'overview.add.label' : 'overview.remove.label')}</label>
      <div class="control">
        <input
          id="${action}-field"
          part="field"
          type="number"
          inputmode="numeric"
          min="1"
          max="100000"
          step="1"
          .value=${this.inputs[action]}
          aria-describedby=${bits.describedBy}
          aria-invalid=${bits.invalid}
          @input=${(e: Event) => this.#onInput(action, e)}
        />
        <button type="submit" part="action-button" ?disabled=${busy}>
          ${busy ? this.t('overview.add.quoting') : this.t(action === 'add' ? 'overview.add.button' : 'overview.remove.button')}
        </button>
      </div>
      ${bits.error}
      <p id="${action}-hint" class="hint">
        ${
          action === 'add'
            ? this.t('overview.add.hint')
            : this.t('overview.remove.hint', { date: this.fmtDate(sub.nextPeriod.start) })
        }
      </p>
    </form>`;
  }

  #renderPlanForm({ sub, plans }: OverviewData): TemplateResult | typeof nothing {
    const licensed = sub.model === 'prepaid-licenses';
    const options = plans.filter((p) => (p.model === 'prepaid-licenses') === licensed);
    if (options.length < 2) return nothing;
    const choice = this.#planChoice;
    const bits = this.#fieldBits('plan');
    const label = (p: Plan): string => {
      const text =
        p.model === 'peak-daily'
          ? this.t('overview.plan.option.peak-daily', {
              name: p.name,
              fee: this.#money(p.baseFee ?? 0),
              included: this.fmtCount(p.includedUsers ?? 0),
            })
          : this.t('overview.plan.option.per-unit', {
              name: p.name,
              price: this.t(p.model === 'prepaid-licenses' ? 'overview.price.per-license' : 'overview.price.per-user', {
                price: this.#money(p.unitPrice),
              }),
            });
      return p.id === this.#nextPlanId ? this.t('overview.plan.current', { name: text }) : text;
    };
    return html`<form class="action" part="plan-form" novalidate @submit=${this.#onPlan}>
      <label for="plan-field">${this.t('overview.plan.label')}</label>
      <div class="control">
        <select
          id="plan-field"
          part="field"
          aria-describedby=${bits.describedBy}
          aria-invalid=${bits.invalid}
          @change=${(e: Event) => this.#onInput('plan', e)}
        >
          ${options.map((p) => html`<option value=${p.id} ?selected=${p.id === choice}>${label(p)}</option>`)}
        </select>
        <button type="submit" part="action-button" ?disabled=${choice === this.#nextPlanId}>
          ${this.t('overview.plan.button')}
        </button>
      </div>
      ${bits.error}
      <p id="plan-hint" class="hint">${this.t('overview.plan.hint', { date: this.fmtDate(sub.nextPeriod.start) })}</p>
    </form>`;
  }

  #renderPeriodForm(sub: SubscriptionOverview): TemplateResult {
    const choice = this.#periodChoice;
    const bits = this.#fieldBits('period');
    const current = this.#nextMonths;
    const months: number[] = FREQUENCIES.includes(current as 1 | 6 | 12) ? [...FREQUENCIES] : [current, ...FREQUENCIES];
    return html`<form class="action" part="period-form" novalidate @submit=${this.#onPeriod}>
      <label for="period-field">${this.t('overview.period-change.label')}</label>
      <div class="control">
        <select
          id="period-field"
          part="field"
          aria-describedby=${bits.describedBy}
          aria-invalid=${bits.invalid}
          @change=${(e: Event) => this.#onInput('period', e)}
        >
          ${months.map((m) => {
            const text = this.#frequency(m);
            return html`<option value=${String(m)} ?selected=${String(m) === choice}>
              ${m === current ? this.t('overview.plan.current', { name: text }) : text}
            </option>`;
          })}
        </select>
        <button type="submit" part="action-button" ?disabled=${choice === String(current)}>
          ${this.t('overview.period-change.button')}
        </button>
      </div>
      ${bits.error}
      <p id="period-hint" class="hint">
        ${this.t('overview.period-change.hint', { date: this.fmtDate(sub.nextPeriod.start) })}
      </p>
    </form>`;
  }

  #renderManage(data: OverviewData): TemplateResult | typeof nothing {
    if (!this.canWrite) return nothing;
    const sub = data.sub;
    const licensed = sub.model === 'prepaid-licenses' && sub.licenses;
    const plan = this.#renderPlanForm(data);
    if (!licensed && plan === nothing) return nothing;
    return html`<section class="manage" part="manage" aria-labelledby="manage-title">
      <h3 id="manage-title">${this.t('overview.manage.title')}</h3>
      <div class="forms">
        ${licensed ? html`${this.#renderQuantityForm('add', sub)} ${this.#renderQuantityForm('remove', sub)}` : nothing}
        ${plan} ${licensed ? this.#renderPeriodForm(sub) : nothing}
      </div>
    </section>`;
  }

  #renderOrders(): TemplateResult {
    const orders = this.orders;
    let body: TemplateResult;
    if (this.ordersError) {
      body = errorState(this.locale, this.ordersError, () => void this.#loadOrders());
    } else if (!orders) {
      body = loadingState(this.locale, 3);
    } else if (orders.length === 0) {
      body = html`<p class="none">${this.t('overview.orders.none')}</p>`;
    } else {
      body = html`<div class="table-wrap" role="region" aria-label=${this.t('overview.orders.title')} tabindex="0">
        <table>
          <caption class="visually-hidden">
            ${this.t('overview.orders.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('overview.orders.placed')}</th>
              <th scope="col">${this.t('overview.orders.change')}</th>
              <th scope="col">${this.t('overview.orders.effective')}</th>
              <th scope="col" class="num">${this.t('overview.orders.amount')}</th>
            </tr>
          </thead>
          <tbody>
            ${orders.map(
              (o) =>
                html`<tr data-kind=${o.kind}>
                  <td>${this.fmtDate(o.placedOn)}</td>
                  <td>${this.#changeText(o)}</td>
                  <td>${this.fmtDate(o.effectiveOn)}</td>
                  <td class="num">
                    ${o.amount !== undefined ? this.#money(o.amount) : this.t('overview.orders.no-amount')}
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<details part="orders" class="orders" ?open=${this.ordersOpen} @toggle=${this.#onOrdersToggle}>
      <summary>${this.t('overview.orders.title')}</summary>
      ${this.ordersOpen ? body : nothing}
    </details>`;
  }

  #renderDialog(data: OverviewData): TemplateResult | typeof nothing {
    const p = this.pending;
    if (!p) return nothing;
    const sub = data.sub;
    const n = p.quantity ?? 0;
    const nextStart = this.fmtDate(sub.nextPeriod.start);
    let title: string;
    let body: TemplateResult;
    let confirm: string;
    switch (p.action) {
      case 'add': {
        const q = p.quote as LicenseQuote;
        const price = this.fmtMoney(q.amount, q.currency);
        title = this.t('overview.dialog.add.title', { count: n, n: this.fmtCount(n) });
        body = html`<p id="dialog-body">
            ${this.t('overview.dialog.add.body', {
              start: this.fmtDate(sub.today),
              end: this.fmtDate(q.period.end),
              days: this.fmtCount(q.daysRemaining),
              total: this.fmtCount(q.daysInPeriod),
            })}
          </p>
          <dl class="quote">${this.#row(this.t('overview.dialog.add.price'), price, undefined, 'quote-price')}</dl>`;
        confirm = this.t('overview.dialog.add.confirm', { price });
        break;
      }
      case 'remove':
        title = this.t('overview.dialog.remove.title', { count: n, n: this.fmtCount(n) });
        body = html`<p id="dialog-body">
          ${this.t('overview.dialog.remove.body', { end: this.fmtDate(sub.currentPeriod.end), date: nextStart })}
        </p>`;
        confirm = this.t('overview.dialog.remove.confirm');
        break;
      case 'plan': {
        const plan = this.#planName(p.planId ?? '');
        title = this.t('overview.dialog.plan.title', { plan });
        body = html`<p id="dialog-body">
          ${this.t('overview.dialog.plan.body', {
            plan,
            current: this.#planName(this.#nextPlanId),
            end: this.fmtDate(sub.currentPeriod.end),
            date: nextStart,
          })}
        </p>`;
        confirm = this.t('overview.dialog.schedule');
        break;
      }
      case 'period':
        title = this.t('overview.dialog.period.title', { period: this.#frequency(p.periodMonths ?? 1) });
        body = html`<p id="dialog-body">${this.t('overview.dialog.period.body', { date: nextStart })}</p>`;
        confirm = this.t('overview.dialog.schedule');
        break;
    }
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @cancel=${this.#onDialogCancel}
      @close=${() => {
        if (!this.pending?.busy) this.pending = undefined;
      }}
    >
      <h2 id="dialog-title">${title}</h2>
      ${body} ${p.error ? html`<p class="alert" role="alert">${p.error}</p>` : nothing}
      <div class="dialog-actions">
        <button type="button" @click=${this.#close} ?disabled=${p.busy}>${this.t('common.cancel')}</button>
        <button type="button" class="primary" part="confirm-button" @click=${this.#confirm} ?disabled=${p.busy}>
          ${confirm}
        </button>
      </div>
    </dialog>`;
  }

  protected override render() {
    if (this.roleForbidden || this.error?.kind === 'forbidden') return forbiddenState(this.locale);
    const data = this.data;
    if (!data) {
      if (this.missing) return emptyState(this.t('overview.empty.title'), this.t('overview.empty.body'));
      if (this.error) return errorState(this.locale, this.error, () => this.refresh());
      return loadingState(this.locale, 10);
    }
    const sub = data.sub;
    return html`<article class="overview" aria-labelledby="overview-title" aria-busy=${this.loading ? 'true' : 'false'}>
      ${this.#renderHeader(sub)}
      ${this.error ? errorState(this.locale, this.error, () => this.refresh(), this.t('overview.refresh-failed')) : nothing}
      <div class="cards">
        ${this.#renderPeriods(sub)} ${this.#renderPrice(data)} ${this.#renderUsage(data)} ${this.#renderLicenses(sub)}
        ${this.#renderScheduled(sub)} ${this.#renderStorage(sub)}
      </div>
      ${this.#renderManage(data)} ${this.#renderOrders()}
      <p class="status-message" role="status">${this.status}</p>
      ${this.#renderDialog(data)}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-subscription-overview': BillingSubscriptionOverview;
  }
}
