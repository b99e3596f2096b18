import { ContextRoot } from '@lit/context';

const ROOT = Symbol.for('billing-elements.context-root');

/**
 * Defines `tag` unless the page already has it (two copies of the kit on one page, or a
 * host that registered it first). Returns true when this call defined it.
 *
 * The first call also attaches a context root to the document, so an element that asks
 * for its `<billing-provider>` before the provider is upgraded still gets the context when
 * it arrives.
 *
 * Without a DOM (a server rendering the host's page, a Node test importing the kit) it
 * does nothing and returns false: importing a `define` module never throws.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (typeof document === 'undefined') return false; // no DOM: server rendering, Node
  const doc = document as Document & { [ROOT]?: ContextRoot };
  if (!doc[ROOT]) {
    doc[ROOT] = new ContextRoot();
    doc[ROOT].attach(document.documentElement);
  }
  if (customElements.get(tag)) return false;
  customElements.define(tag, ctor);
  return true;
}
