/**
 * `plural(1, 'month')` → `1 month`; `plural(6, 'month')` → `6 months`: for the English
 * `message` of a refusal only (logs, and clients without words for its code). Invoice
 * lines and refusals carry typed `params` that clients and the PDF word in any language.
 */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
