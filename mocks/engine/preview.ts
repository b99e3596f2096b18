/**
 * What a change to the people does to the bill in progress and the next one, computed by
 * comparing two worlds: `before` (as things stand) and `after` (the same world once the
 * change is made, e.g. by the store's deactivation on a copy). Pure: nothing is changed.
 *
 * Readings (`GET /users/{id}/deactivate/preview`):
 * - Billed by users (B1–B4): the two bills are the month of today and the next month.
 *   "As things stand" is the month as it will close if nothing else changes: each month is
 *   computed as if the clock were on its last day, so the people starting or leaving later
 *   in it (already in the data) count as they will; activity not yet done is not assumed.
 *   A month before the first billed month (a trial) is not charged: 0, nobody billed.
 *   A bill's amount is the subtotal of its invoice (tax excluded), as the engine issues it.
 * - Prepaid licenses (B5): the two bills are the license period in progress (already
 *   invoiced at its start) and the next one; each is the period invoice's subtotal and
 *   license count. The person counts in the period in progress when active today, in the
 *   next when active on its first day.
 */
import { addDays, addMonths, lastDayOfMonth, monthOf } from './dates.js';
import type { YearMonth } from './dates.js';
import { monthDraft, periodDraft } from './invoices.js';
import { isLicensed, periodAt, periodLicenseCount } from './licenses.js';
import type { LicensePeriod } from './licenses.js';
import type { InvoiceDraft } from './payments.js';
import { firstBilledMonth } from './trial.js';
import type { BillingModel, BillingReason, IsoDate, PersonBilling, World } from './types.js';
import { personVerdict, planForMonth, planOn } from './usage.js';

/** One bill, before and after the change. */
export interface BillEffect {
  /** The bill's first month (of its period under prepaid licenses). */
  month: YearMonth;
  /** Prepaid licenses: the period's last day. */
  periodEnd?: IsoDate;
  billedBefore: boolean;
  billedAfter: boolean;
  /** The person's verdict once changed, for the month counted. */
  reason?: BillingReason;
  reasonDate?: IsoDate;
  /** The bill's subtotal, minor units, tax excluded. */
  amountBefore: number;
  amountAfter: number;
  /** Prepaid licenses: licenses the period bills. */
  licensesBefore?: number;
  licensesAfter?: number;
}

/** The bill in progress and the next one, before and after. */
export interface ChangeEffect {
  model: BillingModel;
  currency: string;
  months: [BillEffect, BillEffect];
}

/** An invoice draft's subtotal: its lines, informative ones left out (as {@link issueInvoice} adds them). */
export function draftSubtotal(draft: InvoiceDraft): number {
  let subtotal = 0;
  for (const l of draft.lines) if (!l.informative) subtotal += l.amount;
  return subtotal;
}

/** `world` with its clock on `day` when that is later than today (the data as it will be then). */
function seenOn(world: World, day: IsoDate): World {
  return day > world.today ? { ...world, today: day } : world;
}

function withVerdict(effect: BillEffect, v: PersonBilling | undefined): BillEffect {
  if (v) {
    effect.reason = v.reason;
    if (v.reasonDate !== undefined) effect.reasonDate = v.reasonDate;
  }
  return effect;
}

/** A B1–B4 month as it will close, in one world. */
function monthFigures(
  world: World,
  month: YearMonth,
  i: number,
): { billed: boolean; amount: number; v?: PersonBilling } {
  const charged = month >= firstBilledMonth(world) && planForMonth(world, month).model !== 'prepaid-licenses';
  const closing = seenOn(world, lastDayOfMonth(month));
  const v = personVerdict(closing, month, i);
  if (!charged) return { billed: false, amount: 0, ...(v ? { v } : {}) };
  return { billed: v?.billable === true, amount: draftSubtotal(monthDraft(closing, month)), ...(v ? { v } : {}) };
}

function monthEffect(before: World, after: World, month: YearMonth, i: number): BillEffect {
  const b = monthFigures(before, month, i);
  const a = monthFigures(after, month, i);
  return withVerdict(
    { month, billedBefore: b.billed, billedAfter: a.billed, amountBefore: b.amount, amountAfter: a.amount },
    a.v,
  );
}

/** A B5 period: its invoice's subtotal and licenses, and whether the person holds a license on `countedOn`. */
function periodEffect(before: World, after: World, period: LicensePeriod, countedOn: IsoDate, i: number): BillEffect {
  const month = monthOf(countedOn);
  const vb = personVerdict(seenOn(before, countedOn), month, i);
  const va = personVerdict(seenOn(after, countedOn), month, i);
  const effect: BillEffect = {
    month: monthOf(period.start),
    periodEnd: period.end,
    billedBefore: vb?.billable === true,
    billedAfter: va?.billable === true,
    amountBefore: draftSubtotal(periodDraft(before, period)),
    amountAfter: draftSubtotal(periodDraft(after, period)),
    licensesBefore: periodLicenseCount(before, period.start),
    licensesAfter: periodLicenseCount(after, period.start),
  };
  return withVerdict(effect, va);
}

/**
 * The effect on the bill in progress and the next of changing person `i` (the same
 * position in both worlds): `after` is `before` with the change made, on the same day.
 *
 * @throws WorldError naming an unusable world field.
 */
export function changeEffect(before: World, after: World, i: number): ChangeEffect {
  const today = before.today;
  const model = planOn(before, today).model;
  const currency = before.tenant.currency;
  if (isLicensed(before)) {
    const current = periodAt(before, today < before.subscription.startedOn ? before.subscription.startedOn : today);
    const next = periodAt(before, addDays(current.end, 1));
    return {
      model,
      currency,
      months: [
        periodEffect(before, after, current, today > current.start ? today : current.start, i),
        periodEffect(before, after, next, next.start, i),
      ],
    };
  }
  const month = monthOf(today);
  return {
    model,
    currency,
    months: [monthEffect(before, after, month, i), monthEffect(before, after, addMonths(month, 1), i)],
  };
}
