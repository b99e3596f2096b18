/**
 * A message: plain text with `{name}` placeholders, or forms picked by `count`: `zero` for
 * exactly 0 (when given), else the count's CLDR plural category in the language (`one`,
 * `two`, `few`, `many`; see `Intl.PluralRules`), else `other`.
 */
export type Message =
  | string
  | {
      readonly other: string;
      readonly zero?: string;
      readonly one?: string;
      readonly two?: string;
      readonly few?: string;
      readonly many?: string;
    };

/** A translation of a catalogue: the same keys, each a message. */
export type Translations<T> = { readonly [K in keyof T]: Message };

/** The messages of one language. */
export type Catalogue = Readonly<Record<string, Message>>;

/**
 * A language's messages as a module gives them: English is always there; other languages
 * are a function that loads their chunk (`() => import('./x.messages.nl.js')…`), so a page
 * downloads only the languages it shows.
 */
export type CatalogueSource = Catalogue | (() => Promise<Catalogue>);
