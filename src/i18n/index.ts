import * as common from './common.js';
import type { MessageKey } from './en.js';
import type { Message } from './types.js';

export type { MessageKey } from './en.js';
export type { Message, Translations } from './types.js';

/** An element's own messages, by language (`en` is the fallback for every key). */
export interface ElementMessages {
  en: Readonly<Record<string, Message>>;
  [lang: string]: Readonly<Record<string, Message>>;
}

/** The languages the kit speaks. */
export const supportedLanguages = Object.keys(common);

/** The catalogue language for a BCP 47 tag: `nl-BE` → `nl`; anything unknown → `en`. */
export function languageOf(locale: string | undefined): string {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return lang in common ? lang : 'en';
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
 * The message `key` in the language of `locale`, from the element's own `messages` or the
 * shared ones, with `{name}` placeholders filled from `params`. Parameters are inserted
 * as plain text (callers format numbers, money and dates with Intl first); the result is
 * text, never HTML. A key found nowhere is returned as is (and shows up in tests).
 */
export function translate(
  locale: string,
  key: MessageKey,
  params: MessageParams = {},
  messages?: ElementMessages,
): string {
  const lang = languageOf(locale) as keyof typeof common;
  const shared = common[lang] as Readonly<Record<string, Message>>;
  const message =
    messages?.[lang]?.[key] ?? shared[key] ?? messages?.en[key] ?? (common.en as Record<string, Message>)[key] ?? key;
  return pick(message, locale, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
