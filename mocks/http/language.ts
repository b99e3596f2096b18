/**
 * Which language a document (the invoice PDF, the users CSV) or a worded field
 * (`companyManagedAt`) is written in, negotiated once for every handler:
 *
 * - the sources, in order: the `lang` query parameter (where the operation has one), the
 *   `Accept-Language` header (its tags by their `q`, ties in the order given, `q=0`
 *   refused), the tenant's locale. The first source present decides; a later one is only
 *   read when the earlier is absent (an `Accept-Language` of `*` reads the tenant's locale);
 * - a tag matches a language it names exactly (case ignored) or by its primary subtag
 *   (`de-AT` → `de`, `nl-BE` → `nl`); a source that names none of the languages at hand
 *   gets the fallback (`fr` → `en`);
 * - numbers and dates are formatted for the tag that matched when it has a region
 *   (`de-AT`, `en-US`), else the tenant's locale when it is of the same language, else the
 *   language's usual region (`en-GB`, `nl-NL`, `de-DE`).
 *
 * The answer says which language it chose in `Content-Language`.
 */

/** The languages the mock writes its documents in. */
export const DOCUMENT_LANGUAGES = ['en', 'nl', 'de'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Where the language of an answer may come from. */
export interface LanguageSources {
  /** The `lang` query parameter (a BCP 47 tag), if the operation has one and it was sent. */
  lang?: string | undefined;
  /** The `Accept-Language` header as sent. */
  acceptLanguage?: string | null | undefined;
  /** The tenant's locale (`world.tenant.locale`). */
  locale?: string | undefined;
}

/** A language chosen, and the tag that chose it (when a source named one of the languages). */
export interface Negotiated<T extends string> {
  language: T;
  tag?: string;
}

/**
 * The tags of an `Accept-Language` header, most wanted first: by `q` (default 1), ties in
 * the order given; tags with `q=0` and malformed entries left out.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  const entries: { tag: string; q: number; i: number }[] = [];
  header.split(',').forEach((part, i) => {
    const [rawTag = '', ...params] = part.split(';').map((s) => s.trim());
    if (!/^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$/.test(rawTag)) return;
    let q = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([01](\.\d{0,3})?)$/i.exec(p);
      if (m) q = Math.min(1, Number(m[1]));
      else if (/^q\s*=/i.test(p)) q = -1; // a malformed weight: ignore the entry
    }
    if (q > 0) entries.push({ tag: rawTag, q, i });
  });
  return entries.sort((a, b) => b.q - a.q || a.i - b.i).map((e) => e.tag);
}

/** The language of `available` a tag names: exactly (case ignored), else by its primary subtag. */
export function nearestLanguage<T extends string>(tag: string, available: readonly T[]): T | undefined {
  const lower = tag.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const primary = lower.split('-')[0];
  return available.find((a) => a.toLowerCase().split('-')[0] === primary);
}

/**
 * The language of `available` to answer in, from the first source present (see the
 * module's comment); `fallback` when that source names none of them.
 */
export function negotiateLanguage<T extends string>(
  available: readonly T[],
  sources: LanguageSources,
  fallback: T,
): Negotiated<T> {
  const fromTag = (tag: string | undefined): Negotiated<T> | undefined => {
    if (tag === undefined || tag === '') return undefined;
    const language = nearestLanguage(tag, available);
    return language === undefined ? undefined : { language, tag };
  };
  if (sources.lang !== undefined && sources.lang !== '') return fromTag(sources.lang) ?? { language: fallback };
  const accepted = acceptedLanguages(sources.acceptLanguage);
  if (accepted.length > 0) {
    for (const tag of accepted) {
      const hit = tag === '*' ? fromTag(sources.locale) : fromTag(tag);
      if (hit) return hit;
    }
    return { language: fallback };
  }
  return fromTag(sources.locale) ?? { language: fallback };
}

/** The usual region of each document language, for formats when no tag says one. */
const USUAL_LOCALE: Record<DocumentLanguage, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE' };

/** A tag `Intl` accepts, canonicalised; `undefined` for one it refuses. */
function canonical(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * The locale to format numbers and dates with when writing in `language`: the tag that
 * chose it when it names a region, else the tenant's locale when of the same language,
 * else the language's usual region.
 */
export function formatLocale(language: DocumentLanguage, tag: string | undefined, tenantLocale: string): string {
  const sameLanguage = (t: string | undefined): t is string =>
    t !== undefined && new Intl.Locale(t).language === language;
  const asked = canonical(tag);
  if (sameLanguage(asked) && new Intl.Locale(asked).region !== undefined) return asked;
  const tenant = canonical(tenantLocale);
  if (sameLanguage(tenant)) return tenant;
  return USUAL_LOCALE[language];
}

/** The document language and format locale of a request, as the PDF and CSV handlers use them. */
export function documentLanguage(
  request: Request,
  lang: string | undefined,
  tenantLocale: string,
): { language: DocumentLanguage; locale: string } {
  const { language, tag } = negotiateLanguage(
    DOCUMENT_LANGUAGES,
    { lang, acceptLanguage: request.headers.get('Accept-Language'), locale: tenantLocale },
    'en',
  );
  return { language, locale: formatLocale(language, tag, tenantLocale) };
}

/**
 * Words given in one language or several (`{ en, nl, de… }`), in the language nearest the
 * request's `Accept-Language` (else the tenant's locale), else English, else the first
 * given. A plain string is the same in every language.
 */
export function pickWords(
  words: string | Readonly<Record<string, string | undefined>> | undefined,
  acceptLanguage: string | null | undefined,
  tenantLocale: string,
): { text: string; language?: string } | undefined {
  if (words === undefined) return undefined;
  if (typeof words === 'string') return words === '' ? undefined : { text: words };
  const given = Object.keys(words).filter((k) => typeof words[k] === 'string' && words[k] !== '');
  if (given.length === 0) return undefined;
  const fallback = given.includes('en') ? 'en' : (given[0] as string);
  const { language } = negotiateLanguage(given, { acceptLanguage, locale: tenantLocale }, fallback);
  return { text: words[language] as string, language };
}
