/**
 * Numbers, money, dates and countries as the invoice PDF prints them: `Intl` in the
 * tenant's (or the asked) locale, money in the invoice currency (minor units → major),
 * every result in WinAnsi for the standard fonts.
 */
import { minorUnitDigits } from '../engine/money.js';
import type { IsoDate } from '../engine/types.js';
import { toWinAnsi } from './winansi.js';

/** The formatters of one locale and currency. */
export interface Formats {
  money(minor: number): string;
  date(d: IsoDate): string;
  percent(basisPoints: number): string;
  number(n: number): string;
  country(code: string): string;
}

/** The formatters of `locale`, money in `currency`. */
export function formats(locale: string, currency: string): Formats {
  const digits = minorUnitDigits(currency);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  return {
    money: (minor) => toWinAnsi(moneyFormat.format(minor / 10 ** digits)),
    date: (d) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      return toWinAnsi(dateFormat.format(new Date(Date.UTC(y, m - 1, day))));
    },
    percent: (bp) => toWinAnsi(percentFormat.format(bp / 10_000)),
    number: (n) => toWinAnsi(numberFormat.format(n)),
    country: (code) => {
      try {
        return toWinAnsi(regions.of(code) ?? code);
      } catch {
        return code; // not a well-formed region code: print it as given
      }
    },
  };
}
