/**
 * Formatting of figures for display: always `Intl`, never string concatenation of
 * numbers. Money arrives in integer minor units; dates are calendar dates
 * (`YYYY-MM-DD`) that must not shift with the viewer's time zone. Money is in `money.ts`,
 * so that only the parts that show money load it.
 */

/** The formatters made so far, by what they format and for which locale (`money|nl|EUR`). */
const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

export function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = formats.get(key) as T | undefined;
  if (!f) {
    f = make();
    formats.set(key, f);
  }
  return f;
}

/** A plain count: `100000, 'nl'` → `100.000`. */
export function formatCount(n: number, locale: string): string {
  return cached(`count|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/**
 * A calendar date (`YYYY-MM-DD`; of `YYYY-MM`, the month's first day), formatted as that
 * same date everywhere: it is pinned to UTC midnight and formatted in UTC, so a viewer west
 * of Greenwich never sees the day before. Its formatter is cached by locale and date style
 * (none: a month's), not by the options' text: a table formats two dates a row.
 */
function formatDay(iso: string, locale: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = iso.split('-').map(Number);
  const f = cached(
    `${locale}|${options.dateStyle}`,
    () => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }),
  );
  return f.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

/** A calendar date, `2026-03-05` → `Mar 5, 2026` / `5 mrt 2026` (see `formatDay`). */
export function formatDate(
  isoDate: string,
  locale: string,
  style: Intl.DateTimeFormatOptions['dateStyle'] = 'medium',
): string {
  return formatDay(isoDate, locale, { dateStyle: style });
}

/** A month, `2026-03` → `March 2026` / `maart 2026`. */
export function formatMonth(yearMonth: string, locale: string): string {
  return formatDay(yearMonth, locale, { year: 'numeric', month: 'long' });
}
