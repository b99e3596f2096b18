/**
 * Money in integer minor units (cents) with an ISO 4217 currency.
 *
 * Amounts are plain integers, never floats of euros. Anything that divides (proration,
 * tax) is done as an exact fraction of BigInts and rounded half-up to the minor unit
 * once, where the rule says so.
 */

/** An amount in minor units of `currency` (e.g. 12066 EUR = €120.66). */
export interface Money {
  /** Integer number of minor units; may be negative for credits. */
  amount: number;
  /** ISO 4217 code, upper case (e.g. `EUR`, `USD`, `JPY`). */
  currency: string;
}

let knownCurrencies: Set<string> | undefined;

/** True when `code` is an ISO 4217 currency this runtime knows. */
export function isCurrency(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/** How many minor-unit digits a currency has (EUR 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A `Money` value; throws when the amount is not a safe integer. */
export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`Money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency };
}

/**
 * `numerator / denominator` rounded half-up (half away from zero) to an integer.
 * Exact for any integers: the division happens once, on BigInts.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) return roundHalfUp(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  const result = Number(negative ? -q : q);
  if (!Number.isSafeInteger(result)) throw new RangeError('Amount out of range');
  return result;
}

/**
 * `amount × factors… × num / den`, exact, rounded half-up once. Used for proration:
 * `prorate(2000, [2, 6], 91, 181)` = 2 × 20.00 × 6 × 91/181 = 120.66 → 12066.
 */
export function prorate(unitAmount: number, factors: readonly number[], num: number, den: number): number {
  let n = BigInt(unitAmount) * BigInt(num);
  for (const f of factors) n *= BigInt(f);
  return roundHalfUp(n, BigInt(den));
}

/** Tax on a subtotal at a rate in basis points (2100 = 21 %), rounded half-up. */
export function taxOn(subtotal: number, rateBasisPoints: number): number {
  return roundHalfUp(BigInt(subtotal) * BigInt(rateBasisPoints), 10000n);
}

/** Sum of amounts in one currency; throws on a currency mismatch. */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total = 0;
  for (const m of items) {
    if (m.currency !== currency) throw new RangeError(`Currency mismatch: ${m.currency} in a ${currency} sum`);
    total += m.amount;
  }
  return money(total, currency);
}
