import { de, en, nl } from './invoice-list.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type {
  Balance,
  Invoice,
  InvoicePage,
  InvoiceStatus,
  InvoiceSummary,
  PaymentMethod,
  SettleResult,
} from '../../client/client.js';
import { BillingApiError } from '../../client/errors.js';
import { listInvoicesLimits } from '../../client/limits.js';
import type { ChangeTopic } from '../../context/context.js';
import { BillingElement } from '../../internal/billing-element.js';
import { Query } from '../../internal/query.js';
import { BillingUpdatePaymentMethodEvent } from '../../internal/payment-method-event.js';
import { onDemand } from '../../internal/on-demand.js';
import { privateElement } from '../../internal/private-element.js';
import { emptyState, errorMessage, errorState, loadingState } from '../../internal/states.js';
import { InvoiceElement } from './invoice-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import { toolbarStyles } from '../../internal/toolbar.styles.js';
import { invoiceListStyles, invoiceSharedStyles } from './invoice-list.styles.js';
import { formatMoney } from '../../internal/money.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl, de };

/** The statuses a user can filter by, in the order the filter lists them. */
const STATUSES: readonly InvoiceStatus[] = ['upcoming', 'open', 'paid', 'past_due', 'payment_failed'];

/** The first columns of the table, each with a heading `invoices.col.<name>`. */
const COLUMNS = ['number', 'issued', 'due'] as const;

/** The changes that alter what the list shows (the upcoming invoice follows users and licenses). */
const TOPICS: readonly ChangeTopic[] = ['invoices', 'payment-method', 'users', 'licenses', 'subscription', 'details'];

/**
 * What only a user's act shows, loaded then (a chunk each, so a page that only lists
 * invoices does not download them): the invoice detail (whose module also opens the
 * credit ledger, a chunk of its own: the list's module does not name it), the outcome
 * of settling the balance (loaded first: its module sends the request) and saving a PDF. Tests replace one to see
 * what the list shows when it cannot be loaded.
 */
export const onFirstUse = {
  detail: privateElement(() => import('./invoice-detail.js')),
  settle: privateElement(() => import('./settle-outcome.js')),
  pdf: onDemand(() => import('../../internal/save-file.js')),
};

/** Card brands not written as their code capitalised (`visa` → Visa, `mastercard` → Mastercard). */
const BRANDS: Record<string, string> = { amex: 'American Express', jcb: 'JCB' };

/** What the last "settle balance" (or a payment-method update) came to. */
type Outcome =
  | { kind: 'result'; result: SettleResult; pm: PaymentMethod | null | undefined }
  | { kind: 'error'; message: string }
  | { kind: 'pm-updated'; settle: boolean };

/** The invoice shown in the detail dialog. */
interface Detail {
  summary: InvoiceSummary;
  invoice?: Invoice;
  error?: BillingApiError;
}

/**
 * The invoices of the account, newest first, with the upcoming (provisional) one on top:
 * number, period, issue and due dates, amount and status, filtered by status and year and
 * paged on the server. A prominent warning appears while anything is past due or a
 * charge failed, with the way out: settle the balance (one idempotent request per click,
 * showing whether it was paid or why it failed) or update the payment method, which is
 * the host's job (`billing-update-payment-method`). Each invoice opens in a dialog with
 * its lines, tax, credit applied, PO number and payments, and downloads as the PDF the
 * server renders. Each line shows its arithmetic ("2 licenses × €20.00 × 6 months ×
 * 91/181 days = €120.66"), the tax its own, the credit where it came from; a count of
 * users or licenses opens the people behind it (`billing-people`). The account's
 * outstanding amount, credit balance (which opens the credit ledger: where the credit
 * came from and went) and payment method on file are shown above the list.
 *
 * What only a user's action shows loads on demand, as chunks of its own next to the
 * element's: the invoice detail (the dialog opens at once, with a loading state), the
 * credit ledger, the outcome of settling the balance (before the request is sent) and
 * saving a PDF. When a
 * chunk cannot be fetched, the element says so like any failed request, with a retry.
 *
 * @summary Invoices with status, details, PDF download, past-due warning and settle balance.
 * @tagname billing-invoice-list
 *
 * @event billing-change - The balance was settled (topic `invoices`, `detail` is the `SettleResult`); the other elements of the provider refetch.
 * @event billing-update-payment-method - The user wants to update (or add) the payment method: open your payment provider's form, then call `paymentMethodUpdated()`. `event.current` is the method on file.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 * @fires billing-people - The user opened the people behind an invoice's user count, extra users, users or licenses line (`detail`: `{ month, figure, count }`, a `BillingPeopleEvent`). Cancelable: call `preventDefault()` to show them on your own users page; otherwise a dialog lists them.
 *
 * @csspart alert - The past-due / payment-failed warning at the top.
 * @csspart settle-button - The "Settle balance" button.
 * @csspart update-payment-method-button - Every "Update payment method" button.
 * @csspart outcome - The result of settling the balance.
 * @csspart summary - The outstanding amount, credit balance and payment method.
 * @csspart toolbar - The status and year filters.
 * @csspart table - The invoice table.
 * @csspart row - Each invoice row (the upcoming one also has `upcoming`).
 * @csspart status - Each status badge.
 * @csspart download-button - Each PDF download button.
 * @csspart pager - The previous / next page controls.
 * @csspart dialog - The invoice detail dialog.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-invoice-list-min-height - Space reserved for the list while it loads. Default `28rem`.
 */
export class BillingInvoiceList extends InvoiceElement {
  static override styles = [
    ...BillingElement.styles,
    toolbarStyles,
    dialogStyles,
    invoiceSharedStyles,
    invoiceListStyles,
  ];
  static override messages = messages;

  static override properties = {
    offset: { state: true },
    settling: { state: true },
    outcome: { state: true },
    downloading: { state: true },
    notice: { state: true },
    detail: { state: true },
    status: { reflect: true },
    year: { type: Number, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** The invoices page shown (status, year, page); the previous one stays while the next loads. */
  #list = new Query(this, {
    topics: TOPICS,
    args: () => [this.status, this.year, this.offset, this.pageSize] as const,
    run: (client, signal, [status, year, offset, pageSize]) =>
      client.listInvoices(
        {
          ...(status ? { status: [status] } : {}),
          ...(year ? { year } : {}),
          offset,
          limit: Math.min(
            listInvoicesLimits.limit.max,
            Math.max(listInvoicesLimits.limit.min, Math.floor(pageSize) || 10),
          ),
        },
        { signal },
      ),
  });

  /** The upcoming invoice and the payment method on file. */
  #account = new Query(this, {
    topics: TOPICS,
    run: async (client, signal) => {
      const [upcoming, paymentMethod] = await Promise.all([
        client.getUpcomingInvoice({ signal }),
        client.getPaymentMethod({ signal }),
      ]);
      return { upcoming, paymentMethod };
    },
  });

  get #dialogEl(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  private offset = 0;
  private settling = false;
  private outcome: Outcome | undefined;
  private downloading = '';
  private notice = '';
  private detail: Detail | undefined;

  /** Show only invoices of this status (`upcoming`, `open`, `paid`, `past_due`, `payment_failed`); empty for all. */
  status: InvoiceStatus | '' = '';

  /** Show only invoices issued in this year; unset for all years. */
  year: number | undefined;

  /** Invoices per page. */
  pageSize = 10;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new filter starts at the first page.
    if (this.hasUpdated && (changed.has('status') || changed.has('year') || changed.has('pageSize'))) this.offset = 0;
    // A new payment method (e.g. after the provider's refresh()) makes an old decline moot.
    const o = this.outcome;
    const pm = this.#paymentMethodOnFile;
    if (
      o?.kind === 'result' &&
      o.result.outcome === 'failed' &&
      pm !== undefined &&
      JSON.stringify(pm) !== JSON.stringify(o.pm)
    ) {
      this.#pmUpdated();
    }
  }

  /** Says the payment method was updated, and invites to settle what is overdue or failed. */
  #pmUpdated(): void {
    const b = this.#list.value?.balance;
    this.outcome = { kind: 'pm-updated', settle: !!b && (b.pastDue > 0 || b.failed > 0) };
  }

  /** Fetches everything again (e.g. after the host changed billing data). */
  refresh(): void {
    void this.#reload();
  }

  /**
   * Tell the element the payment method was updated (after your payment provider's form
   * closed): it shows the new method and, when something is outstanding, invites the
   * user to settle the balance.
   */
  async paymentMethodUpdated(): Promise<void> {
    await this.#reload();
    this.#pmUpdated();
  }

  async #reload(): Promise<void> {
    await Promise.all([this.#list.refresh(), this.#account.refresh()]);
  }

  get #paymentMethodOnFile(): PaymentMethod | null | undefined {
    return this.#account.value?.paymentMethod;
  }

  // ---------------------------------------------------------------------------------
  // Handlers

  #onStatusChange(e: Event): void {
    this.status = (e.target as HTMLSelectElement).value as InvoiceStatus | '';
  }

  #onYearChange(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    this.year = value ? Number(value) : undefined;
  }

  #clearFilters(): void {
    this.status = '';
    this.year = undefined;
  }

  #goTo(offset: number): void {
    this.offset = Math.max(0, offset);
  }

  #requestPaymentMethodUpdate(): void {
    this.dispatchEvent(new BillingUpdatePaymentMethodEvent(this.#paymentMethodOnFile ?? null));
  }

  async #settle(): Promise<void> {
    const billing = this.billing;
    if (!billing || this.settling) return;
    this.settling = true;
    this.outcome = undefined;
    try {
      // The outcome's element first, which then asks for the payment: its answer can always be shown.
      await (await onFirstUse.settle()).settle(this, billing.client, this.#list, this.#paymentMethodOnFile);
    } catch (e) {
      this.outcome = { kind: 'error', message: errorMessage(this.locale, this.reportError(e)) };
    } finally {
      this.settling = false;
    }
  }

  async #download(inv: InvoiceSummary): Promise<void> {
    const billing = this.billing;
    if (!billing || this.downloading) return;
    this.downloading = inv.id;
    this.notice = this.t('invoices.download.busy');
    try {
      const [{ saveFile }, { blob, fileName }] = await Promise.all([
        onFirstUse.pdf().catch((cause: unknown) => {
          throw new BillingApiError({ status: 0, kind: 'network', message: String(cause), cause });
        }),
        billing.client.getInvoicePdf(inv.id, { lang: this.locale }),
      ]);
      const file = saveFile(this.renderRoot as ShadowRoot, blob, fileName, `${inv.number || inv.id}.pdf`);
      this.notice = this.t('invoices.download.done', { file });
    } catch (e) {
      this.notice = this.t('invoices.download.failed', {
        number: inv.number,
        reason: errorMessage(this.locale, this.reportError(e)),
      });
    } finally {
      this.downloading = '';
    }
  }

  async #openDetail(summary: InvoiceSummary): Promise<void> {
    this.detail = { summary };
    await this.updateComplete;
    if (!this.#dialogEl?.open) this.#dialogEl?.showModal();
    await this.#loadDetail(summary);
  }

  /** The invoice and the dialog's body (its own chunk, on first use), in parallel. */
  async #loadDetail(summary: InvoiceSummary): Promise<void> {
    const billing = this.billing;
    if (!billing) return;
    this.detail = { summary };
    try {
      const [, invoice] = await Promise.all([
        onFirstUse.detail(),
        summary.status === 'upcoming' && this.#account.value
          ? this.#account.value.upcoming
          : billing.client.getInvoice(summary.id),
      ]);
      if (this.detail?.summary.id === summary.id) this.detail = { summary, invoice };
    } catch (e) {
      const error = this.reportError(e);
      if (this.detail?.summary.id === summary.id) this.detail = { summary, error };
    }
  }

  /** The credit ledger: where the credit came from and went (its own chunk, loaded by the detail's). */
  #openCredit(): void {
    onFirstUse
      .detail()
      .then((m) => m.openLedger(this))
      .catch((e: unknown) => (this.notice = errorMessage(this.locale, this.reportError(e))));
  }

  #closeDetail(): void {
    this.#dialogEl?.close();
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #expiryMonth(): string | undefined {
    const pm = this.#paymentMethodOnFile;
    return pm?.kind === 'card' && pm.expires ? this.fmtMonth(pm.expires) : undefined;
  }

  #paymentMethodText(pm: PaymentMethod | null): string {
    if (!pm) return this.t('invoices.pm.none');
    if (pm.kind === 'invoice') return this.t('invoices.pm.invoice');
    if (pm.kind === 'sepa-debit') {
      return pm.last4 ? this.t('invoices.pm.sepa', { last4: pm.last4 }) : this.t('invoices.pm.sepa-no-digits');
    }
    const b = pm.brand;
    const brand = b ? (BRANDS[b.toLowerCase()] ?? b[0]!.toUpperCase() + b.slice(1)) : this.t('invoices.pm.card-brand');
    return pm.last4
      ? this.t('invoices.pm.card', { brand, last4: pm.last4 })
      : this.t('invoices.pm.card-no-digits', { brand });
  }

  #updateButton(primary = false): TemplateResult | typeof nothing {
    if (!this.canWrite) return nothing;
    return html`<button
      type="button"
      class=${primary ? 'primary' : ''}
      part="update-payment-method-button"
      @click=${this.#requestPaymentMethodUpdate}
    >
      ${this.t(this.#paymentMethodOnFile ? 'invoices.pm.update' : 'invoices.pm.add')}
    </button>`;
  }

  #settleButton(balance: Balance): TemplateResult | typeof nothing {
    const pm = this.#paymentMethodOnFile;
    if (!this.canWrite || !pm || pm.kind === 'invoice' || balance.outstanding === 0) return nothing;
    return html`<button
      type="button"
      class="primary"
      part="settle-button"
      ?disabled=${this.settling}
      @click=${this.#settle}
    >
      ${this.settling ? this.t('invoices.settle.busy') : this.t('invoices.settle', { amount: formatMoney(balance.outstanding, balance.currency, this.locale) })}
    </button>`;
  }

  #renderAlert(balance: Balance): TemplateResult | typeof nothing {
    if (balance.pastDue === 0 && balance.failed === 0) return nothing;
    const pm = this.#paymentMethodOnFile;
    const money = (n: number) => formatMoney(n, balance.currency, this.locale);
    const wayOut =
      pm === null || pm === undefined
        ? this.t('invoices.alert.way-out.none')
        : pm.kind === 'invoice'
          ? this.t('invoices.alert.way-out.transfer')
          : pm.expired && this.#expiryMonth()
            ? this.t('invoices.alert.way-out.expired', { month: this.#expiryMonth()! })
            : this.t('invoices.alert.way-out.settle');
    return html`<section class="alert" part="alert" role="alert" aria-labelledby="alert-title">
      <h2 id="alert-title">
        <span class="alert-icon" aria-hidden="true">!</span>
        ${this.t(balance.pastDue > 0 ? 'invoices.alert.title.past-due' : 'invoices.alert.title.failed')}
      </h2>
      <p>
        ${balance.pastDue > 0 ? this.t('invoices.alert.past-due', { amount: money(balance.pastDue) }) : nothing}
        ${balance.failed > 0 ? this.t('invoices.alert.failed', { amount: money(balance.failed) }) : nothing}
        <strong>${this.t('invoices.alert.suspension')}</strong>
      </p>
      <p>${wayOut}</p>
      <div class="actions">${this.#settleButton(balance)} ${this.#updateButton()}</div>
    </section>`;
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    const o = this.outcome;
    if (!o) return nothing;
    if (o.kind === 'result') {
      const update = this.#updateButton(true);
      return html`<billing-settle-outcome
        part="outcome"
        lang=${this.locale}
        .result=${o.result}
        expiry=${this.#expiryMonth() ?? ''}
        >${update}</billing-settle-outcome
      >`;
    }
    const failed = o.kind === 'error';
    return html`<div class="outcome ${failed ? 'failed' : 'info'}" part="outcome" role=${failed ? 'alert' : 'status'}>
      <p>
        ${
          failed
            ? this.t('invoices.settle.error', { reason: o.message })
            : this.t(o.settle ? 'invoices.pm.updated-settle' : 'invoices.pm.updated')
        }
      </p>
    </div>`;
  }

  #renderSummary(balance: Balance): TemplateResult {
    const pm = this.#paymentMethodOnFile ?? null;
    const month = this.#expiryMonth();
    const money = (n: number) => formatMoney(n, balance.currency, this.locale);
    return html`<dl class="summary" part="summary" aria-label=${this.t('invoices.summary.label')}>
      <div class="tile">
        <dt>${this.t('invoices.summary.outstanding')}</dt>
        <dd class="figure">${money(balance.outstanding)}</dd>
        <dd class="note">
          ${
            balance.outstanding === 0
              ? this.t('invoices.summary.outstanding.none')
              : balance.pastDue > 0
                ? this.t('invoices.summary.outstanding.past-due', { amount: money(balance.pastDue) })
                : balance.failed === 0
                  ? this.t('invoices.summary.outstanding.open')
                  : nothing
          }
        </dd>
      </div>
      <div class="tile">
        <dt>
          <button type="button" class="link" aria-haspopup="dialog" @click=${this.#openCredit}>
            ${this.t('invoices.summary.credit')}
          </button>
        </dt>
        <dd class="figure">${money(balance.creditBalance)}</dd>
        <dd class="note">${this.t('invoices.summary.credit.body')}</dd>
      </div>
      <div class="tile pm ${pm?.expired ? 'expired' : ''}">
        <dt>${this.t('invoices.summary.pm')}</dt>
        <dd class="pm-name">
          ${this.#paymentMethodText(pm)}
          ${pm?.expired ? html`<span class="badge payment_failed">${this.t('invoices.pm.expired')}</span>` : nothing}
        </dd>
        ${
          month
            ? html`<dd class="note">
                ${this.t(pm?.expired ? 'invoices.pm.expired-in' : 'invoices.pm.valid', { month })}
              </dd>`
            : nothing
        }
        <dd class="pm-action">${this.#updateButton()}</dd>
      </div>
    </dl>`;
  }

  #renderToolbar(): TemplateResult {
    // The years that have invoices come with every page.
    const years = [...(this.#list.value?.years ?? [])];
    if (this.year && !years.includes(this.year)) years.unshift(this.year);
    return html`<div class="toolbar" part="toolbar">
      <label
        >${this.t('invoices.filter.status')}
        <select @change=${this.#onStatusChange}>
          <option value="" .selected=${!this.status}>${this.t('invoices.filter.status.all')}</option>
          ${STATUSES.map(
            (s) => html`<option value=${s} .selected=${this.status === s}>${this.t(`invoices.status.${s}`)}</option>`,
          )}
        </select>
      </label>
      <label
        >${this.t('invoices.filter.year')}
        <select @change=${this.#onYearChange}>
          <option value="" .selected=${!this.year}>${this.t('invoices.filter.year.all')}</option>
          ${years.map((y) => html`<option value=${y} .selected=${this.year === y}>${y}</option>`)}
        </select>
      </label>
    </div>`;
  }

  #showsUpcoming(): boolean {
    const up = this.#account.value?.upcoming;
    if (!up || this.offset > 0) return false;
    if (this.status && this.status !== 'upcoming') return false;
    return !this.year || up.issuedOn.startsWith(`${this.year}-`);
  }

  #renderRow(inv: InvoiceSummary, upcoming: boolean): TemplateResult {
    const credit = inv.total - inv.amountDue;
    const unpaid = !upcoming && inv.status !== 'paid';
    const label = upcoming ? this.t('invoices.upcoming.number') : inv.number;
    // In a narrow list the status folds into the amount column: the same badge in both.
    const status = html`${this.statusBadge(inv)}
    ${upcoming ? html`<span class="sub provisional">${this.t('invoices.provisional')}</span>` : nothing}`;
    return html`<tr part=${upcoming ? 'row upcoming' : 'row'} class=${upcoming ? 'upcoming' : ''} data-id=${inv.id}>
      <th scope="row" class="col-number">
        <button
          type="button"
          class="link"
          aria-haspopup="dialog"
          title=${this.t('invoices.details', { number: label })}
          @click=${() => this.#openDetail(inv)}
        >
          ${label}
        </button>
        <span class="sub">${this.period(inv.periodStart, inv.periodEnd)}</span>
      </th>
      <td class="col-issued">
        ${upcoming ? this.t('invoices.upcoming.issued', { date: this.fmtDate(inv.issuedOn) }) : this.fmtDate(inv.issuedOn)}
      </td>
      <td class="col-due ${inv.status === 'past_due' ? 'late' : ''}">${upcoming ? '—' : this.fmtDate(inv.dueOn)}</td>
      <td class="col-amount">
        <span class="money">${formatMoney(inv.total, inv.currency, this.locale)}</span>
        ${credit > 0 ? html`<span class="sub credit">${this.t('invoices.from-credit', { amount: formatMoney(credit, inv.currency, this.locale) })}</span>` : nothing}
        ${
          unpaid && inv.balance > 0 && inv.balance !== inv.total
            ? html`<span class="sub"
                >${this.t('invoices.to-pay', { amount: formatMoney(inv.balance, inv.currency, this.locale) })}</span
              >`
            : nothing
        }
        <span class="status-inline">
          ${status}
          ${upcoming ? nothing : html`<span class="sub">${this.t('invoices.due-inline', { date: this.fmtDate(inv.dueOn) })}</span>`}
        </span>
      </td>
      <td class="col-status">${status}</td>
      <td class="col-download">
        ${
          upcoming
            ? nothing
            : html`<button
                type="button"
                part="download-button"
                class="download"
                aria-label=${this.t('invoices.download.label', { number: inv.number })}
                ?disabled=${this.downloading === inv.id}
                @click=${() => this.#download(inv)}
              >
                <span aria-hidden="true">↓</span> ${this.t('invoices.download')}
              </button>`
        }
      </td>
    </tr>`;
  }

  #renderTable(page: InvoicePage): TemplateResult {
    const up = this.#showsUpcoming() ? this.#account.value?.upcoming : undefined;
    const filtered = !!this.status || !!this.year;
    if (page.total === 0 && !up) {
      return filtered
        ? emptyState(
            this.t('invoices.empty.filter.title'),
            this.t('invoices.empty.filter.body'),
            html`<button type="button" @click=${this.#clearFilters}>${this.t('invoices.empty.filter.clear')}</button>`,
          )
        : emptyState(this.t('invoices.empty.title'), this.t('invoices.empty.body'));
    }
    return html`<div class="table-wrap">
        <table part="table" aria-label=${this.t('invoices.label')} aria-busy=${this.#list.loading}>
          <thead>
            <tr>
              ${COLUMNS.map((c) => html`<th scope="col" class="col-${c}">${this.t(`invoices.col.${c}`)}</th>`)}
              <th scope="col" class="col-amount">
                <span class="wide">${this.t('invoices.col.amount')}</span
                ><span class="narrow">${this.t('invoices.col.amount-status')}</span>
              </th>
              <th scope="col" class="col-status">${this.t('invoices.col.status')}</th>
              <th scope="col" class="col-download">
                <span class="visually-hidden">${this.t('invoices.col.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            ${up ? this.#renderRow(up, true) : nothing}
            ${repeat(
              page.items,
              (i) => i.id,
              (i) => this.#renderRow(i, false),
            )}
          </tbody>
        </table>
      </div>
      ${
        up
          ? html`<p class="note provisional-note">
              ${
                page.total === 0 && !filtered
                  ? this.t('invoices.empty.first', {
                      period: this.period(up.periodStart, up.periodEnd),
                      date: this.fmtDate(up.issuedOn),
                    })
                  : this.t('invoices.upcoming.note', { date: this.fmtDate(up.issuedOn) })
              }
            </p>`
          : nothing
      }`;
  }

  #renderPager(page: InvoicePage): TemplateResult | typeof nothing {
    if (page.total === 0) return nothing;
    const from = page.offset + 1;
    const to = page.offset + page.items.length;
    const limit = page.limit;
    const range = html`<span class="range" aria-live="polite">
      ${
        this.#list.loading
          ? this.t('invoices.pager.loading')
          : this.t('invoices.pager.range', {
              count: page.total,
              from: this.fmtCount(from),
              to: this.fmtCount(to),
              n: this.fmtCount(page.total),
            })
      }
    </span>`;
    // Everything fits on one page: just say how many there are.
    if (page.offset === 0 && to >= page.total) return html`<p class="pager single" part="pager">${range}</p>`;
    return html`<nav class="pager" part="pager" aria-label=${this.t('invoices.pager.label')}>
      <button
        type="button"
        ?disabled=${page.offset === 0 || this.#list.loading}
        @click=${() => this.#goTo(page.offset - limit)}
      >
        <span aria-hidden="true">←</span> ${this.t('invoices.pager.previous')}
      </button>
      ${range}
      <button
        type="button"
        ?disabled=${to >= page.total || this.#list.loading}
        @click=${() => this.#goTo(page.offset + limit)}
      >
        ${this.t('invoices.pager.next')} <span aria-hidden="true">→</span>
      </button>
    </nav>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const d = this.detail;
    if (!d) return nothing;
    const { summary, invoice, error } = d;
    const upcoming = summary.status === 'upcoming';
    return html`<dialog part="dialog" aria-labelledby="detail-title" @close=${() => (this.detail = undefined)}>
      <div class="dialog-head">
        <h2 id="detail-title">
          ${upcoming ? this.t('invoices.upcoming.number') : this.t('invoices.detail.title', { number: summary.number })}
        </h2>
        <button type="button" class="close" aria-label=${this.t('common.close')} @click=${this.#closeDetail}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${
        error
          ? errorState(this.locale, error, () => void this.#loadDetail(summary))
          : invoice
            ? html`<billing-invoice-detail lang=${this.locale} .invoice=${invoice}></billing-invoice-detail>`
            : loadingState(this.locale)
      }
      <div class="actions">
        ${
          upcoming
            ? nothing
            : html`<button
                type="button"
                part="download-button"
                ?disabled=${this.downloading === summary.id}
                @click=${() => this.#download(summary)}
              >
                ${this.t('invoices.detail.download')}
              </button>`
        }
        <button type="button" class="primary" @click=${this.#closeDetail}>${this.t('common.close')}</button>
      </div>
    </dialog>`;
  }

  protected override render() {
    return this.renderQuery(
      this.#account,
      () => this.renderQuery(this.#list, (page) => this.#renderPanel(page), 10),
      10,
    );
  }

  #renderPanel(page: InvoicePage): TemplateResult {
    const balance = page.balance;
    const error = this.#list.error ?? this.#account.error;
    return html`<div class="panel">
      ${this.#renderAlert(balance)} ${this.#renderOutcome()} ${this.#renderSummary(balance)} ${this.#renderToolbar()}
      <div class="list">${error ? errorState(this.locale, error, () => this.refresh()) : this.#renderTable(page)}</div>
      ${error ? nothing : this.#renderPager(page)}
      <p class="status-message" role="status">${this.notice}</p>
      ${this.#renderDialog()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-invoice-list': BillingInvoiceList;
  }
}
