/**
 * Numbers, money, dates and countries as the invoice PDF prints them: `Intl` in the
 * locale of the document's language (see `mocks/http/language.ts`), money in the invoice
 * currency (minor units → major), dates written out (`13 oktober 2026`,
 * `13. Oktober 2026`; `shortDate` for date ranges in lines), country names in the
 * document's language, every result in WinAnsi for the standard fonts.
 */
import { minorUnitDigits } from '../engine/money.js';
import type { IsoDate } from '../engine/types.js';
import { toWinAnsi } from './winansi.js';

/** The formatters of one locale and currency. */
export interface Formats {
  money(minor: number): string;
  /** A date with its month's name: `13 October 2026`, `13 oktober 2026`, `13. Oktober 2026`. */
  date(d: IsoDate): string;
  /** A shorter date for ranges: `1 Jan 2026`, `1 jan 2026`, `01.01.2026`. */
  shortDate(d: IsoDate): string;
  percent(basisPoints: number): string;
  number(n: number): string;
  country(code: string): string;
}

/** The formatters of `locale`, money in `currency`, country names in `language` (default: the locale's). */
export function formats(locale: string, currency: string, language: string = locale): Formats {
  const digits = minorUnitDigits(currency);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames([language, 'en'], { type: 'region' });
  const utc = (d: IsoDate): Date => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, day));
  };
  return {
    money: (minor) => toWinAnsi(moneyFormat.format(minor / 10 ** digits)),
    date: (d) => toWinAnsi(dateFormat.format(utc(d))),
    shortDate: (d) => toWinAnsi(shortDateFormat.format(utc(d))),
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
