import { en, type Catalogue, type Message, type MessageKey } from './en.js';
import { nl } from './nl.js';

export type { MessageKey } from './en.js';

const catalogues: Record<string, Catalogue> = { en, nl };

/** The languages the kit speaks. */
export const supportedLanguages = Object.keys(catalogues);

/** The catalogue language for a BCP 47 tag: `nl-BE` → `nl`; anything unknown → `en`. */
export function languageOf(locale: string | undefined): string {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return lang in catalogues ? lang : 'en';
}

export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();

function pick(message: Message, locale: string, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params['count'] ?? 0);
  if (count === 0 && message.zero !== undefined) return message.zero;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return rules.select(count) === 'one' ? message.one : message.other;
}

/**
 * The message `key` in the language of `locale`, with `{name}` placeholders filled from
 * `params`. Parameters are inserted as plain text (callers format numbers, money and
 * dates with Intl first); the result is text, never HTML.
 */
export function translate(locale: string, key: MessageKey, params: MessageParams = {}): string {
  const lang = languageOf(locale);
  const message = (catalogues[lang] ?? en)[key] ?? en[key];
  return pick(message, locale, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
