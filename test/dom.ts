/**
 * Reading a rendered element as a user sees it: one tree, whatever shadow roots its
 * private elements bring (a dialog's body, a review panel). Used by the browser tests and
 * by the stories' play functions.
 */

/** Every match of `selector` in `root` and in the shadow roots inside it, in document order. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  for (const node of root.querySelectorAll('*')) {
    if (node.matches(selector)) found.push(node as T);
    if (node.shadowRoot) found.push(...deepQueryAll<T>(node.shadowRoot, selector));
  }
  return found;
}

/** The first match of `selector` in `root` or in the shadow roots inside it. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** `root` as one tree to query: its own nodes and those of every shadow root inside it. */
export interface FlatTree {
  querySelector<T extends Element = HTMLElement>(selector: string): T | null;
  querySelectorAll<T extends Element = HTMLElement>(selector: string): T[];
}

export function flat(root: ParentNode): FlatTree {
  return {
    querySelector: (selector) => deepQuery(root, selector),
    querySelectorAll: (selector) => deepQueryAll(root, selector),
  };
}
