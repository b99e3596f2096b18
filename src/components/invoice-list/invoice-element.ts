import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceSummary } from '../../client/client.js';
import { BillingElement } from '../../internal/billing-element.js';

/** Decline reasons with a sentence of their own; any other is shown by its code. */
const KNOWN_REASONS = ['card_expired', 'card_declined', 'no_payment_method', 'not_chargeable', 'declined'] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];

/**
 * What `<billing-invoice-list>` and its private elements (the invoice detail, the settle
 * outcome) say alike: an invoice's period, its status badge, a decline reason. Their
 * catalogues include the list's.
 */
export class InvoiceElement extends BillingElement {
  /** `2026-11-01..2026-11-30` → "November 2026"; any other span as a date range. */
  protected period(start: string, end: string): string {
    const [ys, ms, ds] = start.split('-').map(Number);
    const [ye, me, de] = end.split('-').map(Number);
    const lastDay = new Date(Date.UTC(ye ?? 1970, me ?? 1, 0)).getUTCDate();
    if (ys === ye && ms === me && ds === 1 && de === lastDay) return this.fmtMonth(start.slice(0, 7));
    const f = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return f.formatRange(
      new Date(Date.UTC(ys ?? 1970, (ms ?? 1) - 1, ds ?? 1)),
      new Date(Date.UTC(ye ?? 1970, (me ?? 1) - 1, de ?? 1)),
    );
  }

  /** Why a charge was declined, in words. */
  protected reason(code: string): string {
    return (KNOWN_REASONS as readonly string[]).includes(code)
      ? this.t(`invoices.reason.${code as KnownReason}`)
      : this.t('invoices.reason.other', { reason: code });
  }

  /** The status badge of an invoice, with the decline reason of one not paid. */
  protected statusBadge(s: InvoiceSummary): TemplateResult {
    return html`<span class="badge ${s.status}" part="status"
      ><span class="badge-label">${this.t(`invoices.status.${s.status}`)}</span>${
        s.declineReason && s.status !== 'paid'
          ? html`<span class="badge-reason">${this.reason(s.declineReason)}</span>`
          : nothing
      }</span
    >`;
  }
}
