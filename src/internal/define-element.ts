/** Defines `tag` unless the page already has it. Returns true when this call defined it. */
export function defineElement(tag: string, ctor: CustomElementConstructor): boolean {
  if (customElements.get(tag)) return false;
  customElements.define(tag, ctor);
  return true;
}
