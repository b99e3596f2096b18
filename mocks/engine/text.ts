/** `plural(1, 'month')` → `1 month`; `plural(6, 'month')` → `6 months` (English invoice line text). */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
