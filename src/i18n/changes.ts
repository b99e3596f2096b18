/**
 * Word changes while the page runs: the page's `<html lang>`, a language a host registered,
 * strings it overrode. A module of its own: only sessions (which give their elements a new
 * context) and the host's registration use it, so an element's bundle does not carry it.
 */
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Tells every listener that words may read differently now. @internal */
export function languageChanged(): void {
  for (const listener of listeners) listener();
}

/**
 * Calls `listener` whenever the words may read differently: the page's `<html lang>`
 * changed, or a host registered a language or overrode strings. Answers the function that
 * stops it. Sessions (a provider's, an element's own) listen and give their elements a
 * new context, so every element inside renders again.
 *
 * @internal
 */
export function onLanguageChange(listener: () => void): () => void {
  if (!observer && typeof MutationObserver === 'function') {
    observer = new MutationObserver(languageChanged);
    observer.observe(document.documentElement, { attributeFilter: ['lang'] });
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}
