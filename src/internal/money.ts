/**
 * Money for display, apart from `format.ts` so that an element, or a part, that shows no
 * money does not load it: the users table's own chunk has none (its dialog does).
 */
import { cached } from './format.js';

/** Minor-unit digits of a currency as `Intl` knows them (EUR 2, JPY 0). */
export function currencyDigits(currency: string): number {
  return (
    cached(`digits|${currency}`, () => new Intl.NumberFormat('en', { style: 'currency', currency })).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** `12066, 'EUR', 'nl'` → `€ 120,66`. */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  const f = cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));
  return f.format(minorUnits / 10 ** digits);
}
