/**
 * Calendar dates (`YYYY-MM-DD`) and months (`YYYY-MM`) without clock times.
 *
 * Every billing rule works on calendar dates in the tenant's time zone, so nothing
 * here touches `Date` with local time: days are counted as whole days since
 * 1970-01-01 (an epoch day number), which makes DST, midnight and UTC offsets
 * irrelevant by construction. The only place a clock time enters is
 * {@link dateInZone}, which turns an instant into the tenant's calendar date.
 */

import type { IsoDate, YearMonth } from './world.js';

/** A calendar date, `YYYY-MM-DD`, and a month, `YYYY-MM` (the world schema's `IsoDate`, `YearMonth`). */
export type { IsoDate, YearMonth };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** True when `y` is a Gregorian leap year. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Number of days in month `m` (1–12) of year `y`. */
export function daysInMonthOf(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (e.g. not 2026-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonthOf(y, mo);
}

/** True when `s` is a month in `YYYY-MM` form. */
export function isYearMonth(s: unknown): s is YearMonth {
  if (typeof s !== 'string') return false;
  const m = MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Splits a date into numbers; throws a `RangeError` on anything that is not a calendar date. */
export function parseDate(d: IsoDate): { y: number; m: number; d: number } {
  if (!isIsoDate(d)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return { y: Number(d.slice(0, 4)), m: Number(d.slice(5, 7)), d: Number(d.slice(8, 10)) };
}

/**
 * Days since 1970-01-01 for a calendar date (proleptic Gregorian; Howard Hinnant's
 * `days_from_civil`). Pure integer arithmetic: no `Date`, no time zone.
 */
export function toDayNumber(date: IsoDate): number {
  const p = parseDate(date);
  return civilToDays(p.y, p.m, p.d);
}

function civilToDays(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of an epoch day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** `date` plus `n` days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from `a` to `b` (`b − a`); 0 when equal, negative when `b` is earlier. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Compares two dates (or two months) as strings sort: `-1`, `0` or `1`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The month a date falls in. */
export function monthOf(date: IsoDate): YearMonth {
  parseDate(date);
  return date.slice(0, 7);
}

function parseMonth(month: YearMonth): { y: number; m: number } {
  if (!isYearMonth(month)) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return { y: Number(month.slice(0, 4)), m: Number(month.slice(5, 7)) };
}

/** First day of a month. */
export function firstDayOfMonth(month: YearMonth): IsoDate {
  parseMonth(month);
  return `${month}-01`;
}

/** Last day of a month (28, 29, 30 or 31). */
export function lastDayOfMonth(month: YearMonth): IsoDate {
  const { y, m } = parseMonth(month);
  return `${month}-${pad(daysInMonthOf(y, m))}`;
}

/** Number of days in a month. */
export function daysInMonth(month: YearMonth): number {
  const { y, m } = parseMonth(month);
  return daysInMonthOf(y, m);
}

/** `month` plus `n` months (n may be negative). */
export function addMonths(month: YearMonth, n: number): YearMonth {
  const { y, m } = parseMonth(month);
  const idx = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1)}`;
}

/** Whole months from `a` to `b` (`b − a`). */
export function monthsBetween(a: YearMonth, b: YearMonth): number {
  const pa = parseMonth(a);
  const pb = parseMonth(b);
  return pb.y * 12 + pb.m - (pa.y * 12 + pa.m);
}

/**
 * `date` plus `n` calendar months, for period boundaries. The day of month is kept;
 * where the target month is shorter, the result is clamped to its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  const p = parseDate(date);
  const month = addMonths(date.slice(0, 7), n);
  const { y, m } = parseMonth(month);
  return `${month}-${pad(Math.min(p.d, daysInMonthOf(y, m)))}`;
}

/** Every date from `start` through `end`, both included. */
export function eachDay(start: IsoDate, end: IsoDate): IsoDate[] {
  const a = toDayNumber(start);
  const b = toDayNumber(end);
  const out: IsoDate[] = [];
  for (let n = a; n <= b; n++) out.push(fromDayNumber(n));
  return out;
}

/** The twelve months of a year, `YYYY-01` … `YYYY-12`. */
export function monthsOfYear(year: number): YearMonth[] {
  return Array.from({ length: 12 }, (_, i) => `${pad(year, 4)}-${pad(i + 1)}`);
}

/** True when `timeZone` is an IANA time zone this runtime knows. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date an instant falls on in a time zone: the one place where a clock
 * time becomes a billing date. 00:30 on 29 March 2026 in Amsterdam (the night clocks go
 * forward) is 2026-03-28T23:30Z, and its billing date is still 2026-03-29.
 */
export function dateInZone(instant: Date | number | string, timeZone: string): IsoDate {
  const t = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(t.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(t);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
