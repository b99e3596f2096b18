/** A message: plain text with `{name}` placeholders, or plural forms picked by `count`. */
export type Message = string | { readonly one: string; readonly other: string; readonly zero?: string };

/** A translation of a catalogue: the same keys, each a message. */
export type Translations<T> = { readonly [K in keyof T]: Message };
