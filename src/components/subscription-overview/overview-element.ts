import type { Order } from '../../client/client.js';
import { BillingElement } from '../../internal/billing-element.js';
import type { OverviewData } from './types.js';

/**
 * What `<billing-subscription-overview>` and its private elements (the change dialog, the
 * order history) say alike: an edition's name, a billing frequency, an order in words.
 * Their catalogues include the overview's.
 */
export class OverviewElement extends BillingElement {
  /** The name of edition `id`, from the plans offered or the subscription's own. */
  protected planName(data: OverviewData | undefined, id: string): string {
    return data?.plans.find((p) => p.id === id)?.name ?? (data?.sub.plan.id === id ? data.sub.plan.name : id);
  }

  /** "Monthly", "Every 6 months", … */
  protected frequency(months: number): string {
    return months === 1 || months === 6 || months === 12
      ? this.t(`overview.frequency.${months}`)
      : this.t('overview.frequency.other', { count: months, n: this.fmtCount(months) });
  }

  /** An order in words ("2 licenses added"), as the scheduled changes say it. */
  protected changeText(data: OverviewData | undefined, o: Order): string {
    const n = o.quantity ?? 0;
    return this.t(`overview.change.${o.kind}`, {
      count: n,
      n: this.fmtCount(n),
      plan: this.planName(data, o.planId ?? ''),
      period: this.frequency(o.periodMonths ?? 1),
    });
  }
}
