/** Month arithmetic on the API's `YYYY-MM` months (no time zone involved: a month is a label). */

/** `YYYY-MM` `n` months after `month` (before it when negative). */
export function addMonths(month: string, n: number): string {
  const idx = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
