/**
 * `<billing-change-dialog>`, private to `<billing-subscription-overview>`: the change flow,
 * loaded when an admin first submits one of the change forms (add or remove licenses,
 * change the edition or the billing frequency), so a page view that changes nothing does
 * not download it; and the confirmation of cancelling a scheduled change. It prices added
 * licenses, asks for confirmation in a modal dialog (what the change costs, from when, what
 * it means) and sends the change with one idempotency key per action. It shows in the
 * overview (the element whose shadow root holds it) that it opened (the form's button is no
 * longer busy), that it closed, and how it ended (so that code loads with this chunk, not
 * with the overview): what the server confirmed ({@link done}), or why the rules or the
 * quote refused it ({@link refused}: the reason goes next to the form's field, or next to
 * the scheduled changes).
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { BillingClient, LicenseQuote, Order, Plan } from '../../client/client.js';
import type { BillingApiError, FieldError } from '../../client/errors.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import type { ChangeTopic } from '../../context/context.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import { errorMessage } from '../../internal/states.js';
import { de, en, nl } from './change-dialog.messages.js';
import { OverviewElement } from './overview-element.js';
import { de as overviewDe, en as overviewEn, nl as overviewNl } from './subscription-overview.messages.js';
import type { BillingSubscriptionOverview } from './subscription-overview.js';
import type { Action, OverviewData } from './types.js';
import { formatMoney } from '../../internal/money.js';

/** A change an admin asked for, checked by the form; or (`cancel`) a scheduled change to cancel. */
export interface ChangeRequest {
  action: Action | 'cancel';
  quantity?: number;
  planId?: string;
  periodMonths?: number;
  /** The scheduled change to cancel (`cancel`). */
  order?: Order;
}

/**
 * Shows in overview `o` a change the server confirmed: the dialog is done, the change's
 * fields start again from what is in force (a number of 1, the current choice), `message`
 * says what was done, and the provider's other elements (and `billing-change`) hear of it.
 */
function done(
  o: BillingSubscriptionOverview,
  action: Action | 'cancel',
  topic: ChangeTopic,
  answer: unknown,
  message: string,
): void {
  o['pending'] = undefined;
  if (action !== 'cancel') {
    o['inputs'] = { ...o['inputs'], [action]: action === 'add' || action === 'remove' ? '1' : '' };
  }
  o['cancelError'] = '';
  o['status'] = message;
  o['changed'](topic, answer);
}

/**
 * Shows in overview `o` why `action` was refused: next to its field (which takes the
 * focus), or, for a cancellation (the change is in force or gone), where the list of
 * scheduled changes was, which is fetched again to show it as it is now.
 */
function refused(o: BillingSubscriptionOverview, action: Action | 'cancel', message: string): void {
  o['pending'] = o['opening'] = undefined;
  if (action === 'cancel') {
    o['cancelError'] = message;
    o.refresh();
  } else {
    o['fieldErrors'] = { ...o['fieldErrors'], [action]: message };
  }
  void o.updateComplete.then(() =>
    o.renderRoot.querySelector<HTMLElement>(action === 'cancel' ? '#cancel-error' : `#${action}-field`)?.focus(),
  );
}

const styles = css`
  .quote dl,
  .row,
  dd {
    display: grid;
    gap: 2px;
    margin: 0;
  }
  .value {
    font-weight: 600;
  }
  dialog p {
    line-height: 1.45;
  }
  .quote {
    margin: calc(var(--_space) * 1.5) 0;
    padding: calc(var(--_space) * 1.5);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .quote .value {
    font-size: 1.3rem;
  }
  .alert {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9rem;
    line-height: 1.4;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: end;
    margin-top: calc(var(--_space) * 2);
  }
`;

export class BillingChangeDialog extends OverviewElement {
  static override styles = [...BillingElement.styles, dialogStyles, styles];
  static override messages = joinMessages({ en: overviewEn, nl: overviewNl, de: overviewDe }, { en, nl, de });

  static override properties = {
    quote: { state: true },
    ready: { state: true },
    busy: { state: true },
    error: { state: true },
    change: { attribute: false },
    data: { attribute: false },
  };

  get #dialogEl(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  /** The prorated price of added licenses, fetched before the dialog opens. */
  private quote: LicenseQuote | undefined;
  /** The dialog shows (after the quote, for added licenses). */
  private ready = false;
  /** The change is on its way. */
  private busy = false;
  /** Why the last attempt failed, when it may be tried again. */
  private error: BillingApiError | undefined;

  /** The change to confirm. */
  change: ChangeRequest | undefined;
  /** The overview's data (the subscription, the plans). */
  data: OverviewData | undefined;

  /** One key per change asked for: a retry or a double click never orders twice. */
  #key = '';

  /**
   * The overview that shows the dialog (the host of the shadow root that holds it), kept
   * from when it was added: the dialog's `close` event comes after the overview removed it.
   */
  #overview: BillingSubscriptionOverview | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#overview = (this.getRootNode() as ShadowRoot).host as BillingSubscriptionOverview;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('change') && this.change) {
      this.#key = newIdempotencyKey();
      this.quote = this.error = undefined;
      this.ready = this.busy = false;
      void this.#prepare(this.change);
    }
  }

  /** Prices added licenses, then opens the dialog with focus inside. */
  async #prepare(change: ChangeRequest): Promise<void> {
    const client = this.billing?.client;
    if (!client) return;
    if (change.action === 'add') {
      try {
        const quote = await client.quoteLicenses(change.quantity ?? 1);
        if (this.change !== change) return;
        this.quote = quote;
      } catch (e) {
        this.#refused(change.action, this.reportError(e));
        return;
      }
    }
    this.ready = true;
    await this.updateComplete;
    if (this.#dialogEl && !this.#dialogEl.open) this.#dialogEl.showModal();
    if (this.#overview) this.#overview['opening'] = undefined;
  }

  /**
   * Tells the overview why `action` was refused: the field's own reason when the server
   * names one, else the problem's code worded by the kit (a cancellation's refusals).
   */
  #refused(action: Action | 'cancel', err: BillingApiError): void {
    const errors = err.problem?.errors ?? [];
    const fallback = errorMessage(this.locale, err);
    const fe =
      errors.find((e) => ['quantity', 'planId', 'periodMonths'].includes(e.field)) ??
      errors[0] ??
      (err.code ? { field: '', code: err.code, params: err.problem?.params ?? {}, message: fallback } : undefined);
    const message = fe ? this.#reason(fe) : fallback;
    this.#dialogEl?.close();
    if (this.#overview) refused(this.#overview, action, message);
  }

  /**
   * A rule's refusal in the reader's language, worded from its code and params; the
   * server's English sentence only for a code the kit has no words for.
   */
  #reason(fe: FieldError): string {
    const p = fe.params ?? {};
    const n = (key: 'overview.count.licenses' | 'overview.count.active-users', count: number) =>
      this.t(key, { count, n: this.fmtCount(count) });
    const date = p.date ? this.fmtDate(p.date) : '';
    switch (fe.code) {
      case 'below-active-users':
        if (p.count === undefined || p.licenses === undefined || !date) break;
        return [
          this.t('overview.refused.below-active-users', {
            licenses: n('overview.count.licenses', p.licenses),
            users: n('overview.count.active-users', p.count),
            date,
          }),
          p.max === undefined
            ? this.t('overview.refused.deactivate-first')
            : this.t('overview.refused.remove-at-most', { count: p.max, n: this.fmtCount(p.max) }),
        ].join(' ');
      case 'same-plan':
        if (p.plan === undefined || !date) break;
        return this.t('overview.refused.same-plan', { plan: p.plan, date });
      case 'same-period':
        if (p.months === undefined || !date) break;
        return this.t('overview.refused.same-period', { period: this.frequency(p.months), date });
      case 'too-many-licenses':
      case 'invalid-quantity':
        if (p.max === undefined) break;
        return this.t('overview.refused.quantity', { max: this.fmtCount(p.max) });
      case 'already-effective':
        if (!date) break;
        return this.t('overview.refused.already-effective', { date });
      case 'unknown-order':
        return this.t('overview.refused.unknown-order');
      case 'order-invoiced':
        return this.t('overview.refused.order-invoiced');
    }
    return fe.message;
  }

  /** Cancels the change (not while it is on its way: that would hide its outcome). */
  #close(): void {
    if (this.busy) return;
    this.#dialogEl?.close();
  }

  /**
   * Sends the confirmed change. It turns busy at once, so a second click in the same task
   * sends nothing; a retry reuses the key, so the server orders once.
   */
  async #confirm(): Promise<void> {
    const change = this.change;
    const client = this.billing?.client;
    if (!change || this.busy || !client) return;
    this.busy = true;
    this.error = undefined;
    try {
      const [topic, answer, message] = await this.#send(change, client);
      this.busy = false;
      this.#dialogEl?.close();
      if (this.#overview) done(this.#overview, change.action, topic, answer, message);
    } catch (e) {
      const err = this.reportError(e);
      this.busy = false;
      // The rules refused it: nothing changed; the reason goes next to the field (a
      // cancellation's: next to the scheduled changes, also when the change is gone).
      if (err.kind === 'invalid' || err.kind === 'conflict' || (change.action === 'cancel' && err.kind === 'not-found'))
        this.#refused(change.action, err);
      else this.error = err;
    }
  }

  /** Sends `c`; resolves to the topic that changed, the server's answer, and what was done in words. */
  async #send(c: ChangeRequest, client: BillingClient): Promise<[ChangeTopic, unknown, string]> {
    const options = { idempotencyKey: this.#key };
    if (c.action === 'cancel') {
      const order = await client.cancelScheduledChange(c.order?.id ?? '', options);
      return [
        order.kind === 'remove-licenses' || order.kind === 'add-licenses' ? 'licenses' : 'subscription',
        order,
        this.t('overview.done.cancel', {
          change: this.changeText(this.data, order),
          date: this.fmtDate(order.effectiveOn),
        }),
      ];
    }
    if (c.action === 'add' || c.action === 'remove') {
      const result = await client.orderLicenses(c.action, c.quantity ?? 0, options);
      const n = result.order.quantity ?? c.quantity ?? 0;
      const count = { count: n, n: this.fmtCount(n) };
      const invoice = result.invoice;
      return [
        'licenses',
        result,
        c.action === 'add'
          ? [
              this.t('overview.done.add', count),
              invoice
                ? this.t('overview.done.add-invoice', {
                    number: invoice.number,
                    total: formatMoney(invoice.total, invoice.currency, this.locale),
                  })
                : '',
            ]
              .filter(Boolean)
              .join(' ')
          : this.t('overview.done.remove', { ...count, date: this.fmtDate(result.order.effectiveOn) }),
      ];
    }
    const order = await client.scheduleChange(
      c.action === 'plan'
        ? { kind: 'change-plan', planId: c.planId ?? '' }
        : { kind: 'change-period', periodMonths: (c.periodMonths ?? 1) as 1 | 6 | 12 },
      options,
    );
    const date = this.fmtDate(order.effectiveOn);
    return [
      'subscription',
      order,
      c.action === 'plan'
        ? this.t('overview.done.plan', { plan: this.planName(this.data, order.planId ?? c.planId ?? ''), date })
        : this.t('overview.done.period', { period: this.frequency(order.periodMonths ?? c.periodMonths ?? 1), date }),
    ];
  }

  /** A plan's monthly price in words: base fee and extra users (peak plans), or per user or license. */
  #planPrice(p: Plan): string {
    const money = (n: number) => formatMoney(n, this.data!.sub.currency, this.locale);
    return p.model === 'peak-daily'
      ? `${this.t('overview.price.base-fee', { fee: money(p.baseFee ?? 0), included: this.fmtCount(p.includedUsers ?? 0) })}; ${this.t('overview.price.extra-user', { price: money(p.unitPrice) })}`
      : this.t(p.model === 'prepaid-licenses' ? 'overview.price.per-license' : 'overview.price.per-user', {
          price: money(p.unitPrice),
        });
  }

  /**
   * A period's price in words, as the engine bills it in advance: licenses × months × the
   * price per license-month ("€1,200.00 (every 6 months)").
   */
  #periodPrice(licenses: number, months: number, unitPrice: number): string {
    return this.t('overview.dialog.price.period', {
      price: formatMoney(licenses * months * unitPrice, this.data!.sub.currency, this.locale),
      period: this.frequency(months),
    });
  }

  /** The price per license-month of the next period: its edition's (a scheduled change's, else the current one's). */
  #nextUnitPrice(): number {
    const l = this.data!.sub.licenses!;
    return this.data!.plans.find((p) => p.id === l.nextPeriod.planId)?.unitPrice ?? l.unitPrice;
  }

  /**
   * What a license change does to the bills, per period: this period's price (billed in
   * advance, never credited) and the next period's with `delta` licenses more or fewer,
   * `months` long at `unitPrice` (the next period's, unless given).
   */
  #periodRows(delta: number, months?: number, unitPrice?: number): [string, string][] {
    const l = this.data?.sub.licenses;
    if (!l) return [];
    return [
      [this.t('overview.dialog.price.period-now'), this.#periodPrice(l.licenses, l.periodMonths, l.unitPrice)],
      [
        this.t('overview.dialog.price.period-from', { date: this.fmtDate(l.nextPeriod.start) }),
        this.#periodPrice(
          l.nextPeriod.licenses + delta,
          months ?? l.nextPeriod.months,
          unitPrice ?? this.#nextUnitPrice(),
        ),
      ],
    ];
  }

  /** The dialog asking to confirm the change: what it costs, from when, and what it means. */
  protected override render() {
    const c = this.change;
    const sub = this.data?.sub;
    if (!c || !sub || !this.ready) return nothing;
    const date = (iso: string): string => this.fmtDate(iso);
    const n = c.quantity ?? 0;
    const count = { count: n, n: this.fmtCount(n) };
    const nextStart = date(sub.nextPeriod.start);
    let title: string;
    let body: string;
    let confirmText: string;
    /** What the change does to the price: [label, value] rows. */
    let rows: [string, string][] = [];
    let dismiss = this.t('common.cancel');
    switch (c.action) {
      case 'add': {
        const q = this.quote!;
        const price = formatMoney(q.amount, q.currency, this.locale);
        title = this.t('overview.dialog.add.title', count);
        body = this.t('overview.dialog.add.body', {
          start: date(sub.today),
          end: date(q.period.end),
          days: this.fmtCount(q.daysRemaining),
          total: this.fmtCount(q.daysInPeriod),
        });
        confirmText = this.t('overview.dialog.add.confirm', { price });
        // Billed now for the rest of this period; the next period bills them in full.
        rows = [[this.t('overview.dialog.add.price'), price], ...this.#periodRows(n).slice(1)];
        break;
      }
      case 'remove':
        title = this.t('overview.dialog.remove.title', count);
        body = this.t('overview.dialog.remove.body', { end: date(sub.currentPeriod.end), date: nextStart });
        confirmText = this.t('overview.dialog.remove.confirm');
        // This period stays billed as it is; the next one bills fewer licenses.
        rows = this.#periodRows(-n);
        break;
      case 'plan': {
        const plan = this.planName(this.data, c.planId ?? '');
        title = this.t('overview.dialog.plan.title', { plan });
        body = this.t('overview.dialog.plan.body', {
          plan,
          current: sub.plan.name,
          end: date(sub.currentPeriod.end),
          date: nextStart,
        });
        confirmText = this.t('overview.dialog.schedule');
        const next = this.data?.plans.find((p) => p.id === c.planId);
        if (next) {
          rows = [
            [this.t('overview.dialog.price.now'), this.#planPrice(sub.plan)],
            [this.t('overview.dialog.price.from', { date: nextStart }), this.#planPrice(next)],
            // Prepaid licenses: a period's price now and under the new edition.
            ...this.#periodRows(0, undefined, next.unitPrice),
          ];
        }
        break;
      }
      case 'period': {
        title = this.t('overview.dialog.period.title', { period: this.frequency(c.periodMonths ?? 1) });
        body = this.t('overview.dialog.period.body', { date: nextStart });
        confirmText = this.t('overview.dialog.schedule');
        // A period's price now and at the new frequency (the next period's edition and licenses).
        rows = this.#periodRows(0, c.periodMonths ?? 1);
        break;
      }
      case 'cancel': {
        const o = c.order!;
        const on = date(o.effectiveOn);
        const q = o.quantity ?? 0;
        title = this.t('overview.dialog.cancel.title', { change: this.changeText(this.data, o), date: on });
        body = this.t(`overview.dialog.cancel.${o.kind}`, {
          count: q,
          n: this.fmtCount(q),
          date: on,
          plan: this.planName(this.data, o.planId ?? ''),
          current: sub.plan.name,
          period: this.frequency(o.periodMonths ?? 1),
          frequency: this.frequency(sub.currentPeriod.months ?? 1),
        });
        confirmText = this.t('overview.dialog.cancel.confirm');
        dismiss = this.t('overview.dialog.cancel.keep');
        break;
      }
    }
    const error = this.error;
    return html`<dialog
      part="dialog"
      aria-labelledby="dialog-title"
      aria-describedby="dialog-body"
      @cancel=${(e: Event) => {
        // Escape while the order is on its way would hide its outcome.
        if (this.busy) e.preventDefault();
      }}
      @close=${() => {
        const o = this.#overview;
        if (o) o['pending'] = o['opening'] = undefined;
      }}
    >
      <h2 id="dialog-title">${title}</h2>
      <p id="dialog-body">${body}</p>
      ${
        rows.length
          ? html`<dl class="quote">
              ${rows.map(
                ([label, value]) =>
                  html`<div class="row quote-price">
                    <dt>${label}</dt>
                    <dd><span class="value" part="figure">${value}</span></dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }
      ${
        error
          ? html`<p class="alert" role="alert">
              ${errorMessage(this.locale, error)} ${error.retryable ? this.t('overview.dialog.retry') : nothing}
            </p>`
          : nothing
      }
      <div class="dialog-actions">
        <button type="button" @click=${this.#close} ?disabled=${this.busy}>${dismiss}</button>
        <button type="button" class="primary" part="confirm-button" @click=${this.#confirm} ?disabled=${this.busy}>
          ${confirmText}
        </button>
      </div>
    </dialog>`;
  }
}

/** Defines the tag (once): the overview loads this module when a change is first asked for. */
export function define(): void {
  defineElement('billing-change-dialog', BillingChangeDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-change-dialog': BillingChangeDialog;
  }
}
