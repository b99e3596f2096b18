import { de as commonDe, en as commonEn, nl as commonNl } from './common.js';
import type { MessageKey } from './en.js';
import type { Catalogue, CatalogueSource, Message } from './types.js';

export type { MessageKey } from './en.js';
export type { Catalogue, CatalogueSource, Message, Translations } from './types.js';

/** The shared catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const common: Record<string, CatalogueSource> = { en: commonEn, nl: commonNl, de: commonDe };

/**
 * An element's own messages, by language: `en` (the fallback for every key) is bundled
 * with the element, other languages load on first use.
 */
export interface ElementMessages {
  en: Catalogue;
  [lang: string]: CatalogueSource;
}

/**
 * The languages the kit speaks: its own (`en`, `nl`, `de`) and those a host registered
 * with `registerLanguage` (the array grows).
 */
export const supportedLanguages: string[] = ['en', 'nl', 'de'];

/**
 * The host's words, by language, newest first: languages it registered and strings it
 * overrode. They come before the kit's own (see `registerLanguage`).
 *
 * @internal
 */
export const hostMessages: Record<string, CatalogueSource[]> = {};

/**
 * The catalogue language for a BCP 47 tag: the tag itself when a host registered it
 * (`pt-BR`), else its language (`nl-BE` → `nl`) when the kit speaks it; anything else → `en`.
 */
export function languageOf(locale: string | undefined): string {
  const tag = (locale ?? '').toLowerCase();
  const lang = tag.split(/[-_]/)[0]!;
  return supportedLanguages.includes(tag) ? tag : supportedLanguages.includes(lang) ? lang : 'en';
}

export type MessageParams = Record<string, string | number>;

type Loader = () => Promise<Catalogue>;

/** Catalogues loaded so far, by their loader (each module's loader is one function). */
const loaded = new WeakMap<Loader, Catalogue>();
const loading = new WeakMap<Loader, Promise<void>>();

/** A catalogue if it is at hand: bundled, or loaded earlier. */
function ready(source: CatalogueSource | undefined): Catalogue | undefined {
  return typeof source === 'function' ? loaded.get(source) : source;
}

function load(source: CatalogueSource | undefined): Promise<void> | undefined {
  if (typeof source !== 'function' || loaded.has(source)) return undefined;
  let pending = loading.get(source);
  if (!pending) {
    pending = source().then(
      (catalogue) => void loaded.set(source, catalogue),
      // A chunk that cannot be fetched (offline, a broken deployment) must not leave the
      // element blank: its words fall back to English, and the next call tries again.
      () => void loading.delete(source),
    );
    loading.set(source, pending);
  }
  return pending;
}

/** Where `lang`'s words come from, in order: the host's, the element's own, the shared ones. */
function sources(lang: string, messages: ElementMessages | undefined): (CatalogueSource | undefined)[] {
  return [...(hostMessages[lang] ?? []), messages?.[lang], common[lang]];
}

/**
 * Loads the messages of `locale`'s language: the shared ones and, given, an element's own.
 * Resolves at once when they are at hand (English always is); never rejects: what cannot
 * be loaded falls back to English. Elements call this before they render, so a host calls
 * it only to use `translate` directly in another language.
 */
export function loadLanguage(locale: string, messages?: ElementMessages): Promise<void> {
  return languagePending(locale, messages) ?? Promise.resolve();
}

/** `undefined` when `locale`'s messages are at hand, else the promise of their loading. */
export function languagePending(locale: string, messages?: ElementMessages): Promise<void> | undefined {
  const pending = sources(languageOf(locale), messages)
    .map(load)
    .filter((p) => p !== undefined);
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

/**
 * The form of `message` for `params.count`: `zero` for exactly 0 when the message has it,
 * else the CLDR category of the count in `locale` (`one`, `two`, `few`, `many`), else `other`.
 */
function pick(message: Message, locale: string, params: MessageParams): string {
  if (typeof message === 'string') return message;
  const count = Number(params['count'] ?? 0);
  return (count === 0 && message.zero) || message[new Intl.PluralRules(locale).select(count)] || message.other;
}

/**
 * The message `key` in the language of `locale`, from the host's words, the element's own
 * `messages` or the shared ones, with `{name}` placeholders filled from `params`.
 * Parameters are inserted as plain text (callers format numbers, money and dates with Intl
 * first); the result is text, never HTML. A key found nowhere is returned as is (and shows
 * up in tests). Languages other than English answer in English until `loadLanguage` has
 * loaded them.
 */
export function translate(
  locale: string,
  key: MessageKey,
  params: MessageParams = {},
  messages?: ElementMessages,
): string {
  let message: Message | undefined;
  for (const source of [...sources(languageOf(locale), messages), ...sources('en', messages)]) {
    message ??= ready(source)?.[key];
  }
  return pick(message ?? key, locale, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
