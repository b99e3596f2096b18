import type { ElementMessages } from './index.js';
import type { CatalogueSource } from './types.js';

/**
 * Two catalogues as one: a private element that also speaks its owner's words (a status,
 * a reason) has its own messages joined with the owner's. Languages other than English
 * still load on first use, both chunks at once.
 *
 * A module of its own: only private elements (chunks loaded on demand) join catalogues, so
 * an element's bundle does not carry it until one of them loads.
 */
export function joinMessages(a: ElementMessages, b: ElementMessages): ElementMessages {
  const joined: ElementMessages = { en: { ...a.en, ...b.en } };
  const get = (source: CatalogueSource | undefined) => (typeof source === 'function' ? source() : source);
  for (const lang of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (lang !== 'en') {
      joined[lang] = () => Promise.all([get(a[lang]), get(b[lang])]).then(([x, y]) => ({ ...x, ...y }));
    }
  }
  return joined;
}
