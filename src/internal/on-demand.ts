import { supportsAdoptingStyleSheets, type CSSResult } from 'lit';

/**
 * A module that only a user's action needs (a dialog, a panel, a flow), as a function that
 * imports it the first time it is called (a chunk of its own) and answers with the same
 * module after. A failed load (offline, a deployment that replaced the chunk) is not
 * remembered: the next call tries again, so an element can offer a retry.
 *
 * @example
 * const detail = onDemand(() => import('./invoice-detail.js'));
 * const { renderDetail } = await detail();
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/**
 * Adds the styles of a part loaded on demand to an element's shadow root, next to the
 * element's own, once however often it is called. Without constructable style sheets (an
 * old engine, a polyfill) a `<style>` does the same.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (supportsAdoptingStyleSheets && sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  const added = (root as ShadowRoot & { [ADDED]?: Set<CSSResult> })[ADDED] ?? new Set<CSSResult>();
  (root as ShadowRoot & { [ADDED]?: Set<CSSResult> })[ADDED] = added;
  if (added.has(styles)) return;
  added.add(styles);
  const style = document.createElement('style');
  style.textContent = styles.cssText;
  root.append(style);
}

const ADDED = Symbol('billing-elements.part-styles');
