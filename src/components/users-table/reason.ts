import type { BillingModel, BillingUser } from '../../client/client.js';
import type { MessageKey } from '../../i18n/index.js';

/** What a verdict needs of a person: the month's verdict, and whether they are still active. */
export type Verdict = Pick<BillingUser, 'billable' | 'status' | 'reason' | 'reasonDate' | 'deactivatedOn'>;

/**
 * A person's verdict for `month` in words: the message key (`users.reason.*`) and the date
 * it names. Deactivated yet billed (after the peak day, or once invited and active) says
 * so; on peak plans, joining or leaving within the month is said against the month's peak.
 * The table's reason cell and the person panel word it the same way.
 */
export function reasonKey(u: Verdict, model: BillingModel, month: string): [MessageKey, string?] {
  const still = u.billable && u.status !== 'active';
  return [
    still
      ? 'users.reason.deactivated-billed'
      : u.reason === 'created-mid-month' && model === 'peak-daily'
        ? 'users.reason.created-after-peak'
        : u.reason === 'deactivated' && model === 'peak-daily' && u.reasonDate?.startsWith(month)
          ? 'users.reason.deactivated-before-peak'
          : `users.reason.${u.reason}`,
    still ? u.deactivatedOn : u.reasonDate,
  ];
}
