/**
 * The bounds of a world the engine can run. The world validator refuses anything outside
 * them (naming the field), and the rules that write worlds (license orders, the clock)
 * stay inside them, so every world the mock writes loads back.
 *
 * Why these numbers: every figure the engine computes must stay an exact integer (below
 * 2^53 ≈ 9 × 10^15), sums over the whole ledger included. The largest bill is a month of
 * 1,000,000 licenses (or users) at the highest unit price plus 100 % tax, 2 × 10^12; over
 * every month from 2000 through 2110 that is under 3 × 10^15, within {@link LIMITS.ledger}.
 * Dates keep four-digit years with room to spare, and `today` stops early enough that
 * everything derived from it (period ends, due dates, the test card's expiry) stays
 * within {@link LIMITS.lastDate}.
 */
export const LIMITS = {
  /** First calendar date anywhere in a world. */
  firstDate: '2000-01-01',
  /** Last `today` (the clock stops here). */
  lastToday: '2100-12-31',
  /** Last calendar date anywhere else in a world (period ends, due dates, scheduled changes). */
  lastDate: '2110-12-31',
  /** A unit price (per user, per license) per month, in minor units: 10,000.00 in a two-decimal currency. */
  unitPrice: 1_000_000,
  /** A monthly base fee, in minor units: 1,000,000.00 in a two-decimal currency. */
  baseFee: 100_000_000,
  /** Any one amount stored in a world (invoice figures, payments, order amounts), in minor units, either sign. */
  amount: 100_000_000_000_000,
  /** The sum of all invoice totals, and of all payments, in minor units. */
  ledger: 4_000_000_000_000_000,
  /** Licenses held on any day. */
  licenses: 1_000_000,
  /** Users included in a base fee. */
  includedUsers: 1_000_000,
  /** Months per billing period. */
  periodMonths: 36,
  /** Trial length in days. */
  trialDays: 365,
  /** Payment term in days. */
  paymentTermDays: 365,
  /** File storage, in GB (included or used). */
  storageGb: 1_000_000,
  /** Array sizes. */
  people: 1_000_000,
  activity: 20_000_000,
  plans: 100,
  orders: 100_000,
  invoices: 100_000,
  invoiceLines: 1_000,
  payments: 1_000_000,
  /** String lengths, in UTF-16 code units. */
  idLength: 100,
  nameLength: 200,
  /** Invoice line descriptions (the engine's are a few hundred characters at most). */
  descriptionLength: 1_000,
  /** Short codes and labels: VAT number, card brand, decline reason, time zone, locale. */
  codeLength: 100,
  /** PO numbers (as the billing details accept them). */
  poNumberLength: 50,
  /** Idempotency keys (as the API accepts them). */
  keyLength: 200,
} as const;
