import { languageChanged } from './changes.js';
import { hostMessages, supportedLanguages, type MessageKey } from './index.js';
import type { Message } from './types.js';

/**
 * Every message of the kit in one language: each element's, each dialog's and the shared
 * ones. A catalogue a host registers has all of them (a missing key fails its type check).
 */
export type KitMessages = { readonly [K in MessageKey]: Message };

/** Some messages of the kit, by key: what a host overrides. */
export type KitMessageOverrides = Partial<KitMessages>;

function add(lang: string, messages: KitMessageOverrides | (() => Promise<KitMessageOverrides>)): void {
  const tag = lang.toLowerCase().replace('_', '-');
  (hostMessages[tag] ??= []).unshift(messages as (typeof hostMessages)[string][number]);
  if (!supportedLanguages.includes(tag)) supportedLanguages.push(tag);
  languageChanged();
}

/**
 * Adds a language to the kit, or replaces the kit's words in one it speaks: every element
 * on the page (and every one added later) shows `lang` (a BCP 47 tag, e.g. `fr`, `pt-BR`)
 * in these words. `messages` holds every key of the kit, or is a function that loads
 * them (a dynamic `import()`), called the first time an element shows the language.
 * Numbers, money, dates and plural forms follow `lang` through `Intl`.
 *
 * @example
 * registerLanguage('fr', () => import('./billing-fr.js').then((m) => m.fr));
 */
export function registerLanguage(lang: string, messages: KitMessages | (() => Promise<KitMessages>)): void {
  add(lang, messages);
}

/**
 * Replaces some of the kit's words in `lang` (`en`, `nl`, `de` or a registered language);
 * the latest override of a key wins, and elements already shown take it at once. English
 * overrides also stand in where another language has no word of its own.
 *
 * @example
 * overrideMessages('en', { 'users.tab.billed': 'Billed seats' });
 */
export function overrideMessages(lang: string, messages: KitMessageOverrides): void {
  add(lang, messages);
}
