/**
 * The custom-elements manifest (feeds Storybook's docs and editors). Events are
 * documented with `@event` on each class; the analyzer also guesses events from
 * `dispatchEvent(new SomeEvent(arg))` calls and names them after the argument (`error`,
 * `topic`), so those guesses are dropped: only `billing-*` events stay. Internal state
 * (`state: true`) is not listed as an attribute.
 *
 * `frameworkBindings()` then writes the framework bindings shipped in the package into
 * dist/frameworks/ (React, Vue, Svelte and Solid types, VS Code custom data, JetBrains
 * web-types): see scripts/framework-bindings.js.
 */
import { frameworkBindings } from './scripts/framework-bindings.js';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.messages.ts', 'src/client/schema.ts'],
  litelement: true,
  plugins: [
    {
      name: 'billing-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('billing-'));
          }
        }
      },
    },
    {
      // `static properties = { x: { state: true } }` is internal state (Lit gives it no
      // attribute), but the analyzer lists it as an attribute: a private or protected
      // member is never one.
      name: 'billing-no-state-attributes',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (!decl.attributes) continue;
            const hidden = new Set(
              (decl.members ?? [])
                .filter((m) => m.privacy === 'private' || m.privacy === 'protected')
                .map((m) => m.name),
            );
            decl.attributes = decl.attributes.filter((a) => !hidden.has(a.fieldName ?? a.name));
          }
        }
      },
    },
    ...frameworkBindings(),
  ],
};
