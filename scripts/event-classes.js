/**
 * Event name → event class, read from a custom-elements manifest: the classes whose static
 * `eventName` is a `billing-…` name, whether a field (`static eventName = 'x'`: its default)
 * or a getter (`static get eventName(): 'x'`: its type). One reader for the framework
 * bindings (scripts/framework-bindings.js) and Storybook's API tables (.storybook/manifest.ts).
 * @param {{ modules: { declarations?: { kind: string, name: string, members?: { name: string, static?: boolean, default?: string, type?: { text: string } }[] }[] }[] }} manifest
 * @returns {Map<string, string>}
 */
export function eventClasses(manifest) {
  const classes = new Map();
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class') continue;
      const member = decl.members?.find((m) => m.static && m.name === 'eventName');
      const name = (member?.default ?? member?.type?.text)?.match(/^(['"`])(billing-[\w-]+)\1$/)?.[2];
      if (name) classes.set(name, decl.name);
    }
  }
  return classes;
}
