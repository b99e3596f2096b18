/**
 * The months the users table's picker offers: from the subscription's first month (its
 * trial's, when it had one) to the current month, at most {@link MAX_MONTHS}, never a month
 * before the tenant subscribed. Loaded on demand when the table first shows its toolbar (a
 * chunk of its own): the picker offers the month shown until it answers.
 *
 * `/subscription` gives both ends: `startedOn` (its trial's first day, when it had one) and
 * `firstBilledMonth` (the months before it are not charged).
 */
import type { ReactiveControllerHost } from 'lit';
import type { BillingClient } from '../../client/client.js';
import { addMonths } from '../../internal/months.js';

/** The picker offers at most this many months (two years). */
const MAX_MONTHS = 24;

/** What the picker offers: `months` newest first; the months before `billedFrom` are not charged (the trial). */
export interface OfferedMonths {
  months: string[];
  billedFrom: string;
}

/**
 * The months from the subscription's first to `today`'s (newest first), at most two years.
 * A request that fails leaves the picker its last two years (as before it knew the start),
 * so a missing answer never hides a month.
 */
export async function offeredMonths(
  host: ReactiveControllerHost & { readonly isConnected: boolean },
  client: BillingClient,
  today: string,
): Promise<OfferedMonths> {
  const current = today.slice(0, 7);
  const oldest = addMonths(current, 1 - MAX_MONTHS);
  let first = oldest;
  let billedFrom = oldest;
  // A table taken off the page stops asking (and asks again when it is back: this rejects),
  // also when it was taken off while this chunk loaded: then it does not ask at all.
  const stop = new AbortController();
  const watch = { hostDisconnected: () => stop.abort() };
  host.addController(watch);
  if (!host.isConnected) stop.abort();
  try {
    const subscription = await client.getSubscription({ signal: stop.signal });
    first = subscription.startedOn.slice(0, 7);
    billedFrom = subscription.firstBilledMonth;
  } catch (e) {
    if (stop.signal.aborted) throw e;
    // Unknown: the last two years, as before.
  } finally {
    host.removeController(watch);
  }
  const months: string[] = [];
  for (let m = current; m >= first && m >= oldest; m = addMonths(m, -1)) months.push(m);
  return { months, billedFrom };
}
