/**
 * The countries <billing-contacts-editor> offers for the billing address, and their names
 * in the reader's language (also said by the conflict review, refusal.ts). Small and
 * eager: the address section's select lists them.
 */

/** Countries offered for the billing address (ISO 3166-1 alpha-2); a stored other code is added. */
export const COUNTRIES = [
  'AT', 'AU', 'BE', 'BG', 'CA', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU',
  'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'NZ', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'US',
] as const; // prettier-ignore

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in `locale` (English, then the code itself, when the locale has none). */
export function countryName(locale: string, code: string): string {
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

const countryLists = new Map<string, [code: string, name: string][]>();

/** The countries to choose from, sorted by name in the locale; a stored other code is among them. */
export function countries(locale: string, current: string): [code: string, name: string][] {
  const key = `${locale} ${current}`;
  let list = countryLists.get(key);
  if (!list) {
    list = [...new Set([...COUNTRIES, current])]
      .filter((code) => code)
      .map((code): [string, string] => [code, countryName(locale, code)])
      .sort((a, b) => a[1].localeCompare(b[1], locale));
    countryLists.set(key, list);
  }
  return list;
}
