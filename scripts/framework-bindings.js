// @ts-check
/**
 * The framework bindings shipped in the package, generated from the custom-elements
 * manifest by the break-stuff generators on every `npm run manifest` (the last step of
 * `npm run build`), into dist/frameworks/ (never committed):
 *
 * | file                                  | generator                              | package export                                  |
 * | ------------------------------------- | -------------------------------------- | ----------------------------------------------- |
 * | react.d.ts                            | custom-element-jsx-integration         | `billing-elements/react`                        |
 * | vue.d.ts                              | custom-element-vuejs-integration       | `billing-elements/vue`                          |
 * | svelte.d.ts                           | custom-element-svelte-integration      | `billing-elements/svelte`                       |
 * | solid.d.ts                            | custom-element-solidjs-integration     | `billing-elements/solid`                        |
 * | vscode.html-custom-data.json (+ css)  | custom-element-vs-code-integration     | `billing-elements/vscode.html-custom-data.json` |
 * | web-types.json                        | custom-element-jet-brains-integration  | `billing-elements/web-types.json`, "web-types"  |
 *
 * The generators get a copy of the manifest with each `billing-*` event typed by its
 * event class (the class whose static `eventName` is the event's name) and, for the type
 * files, without read-only fields (a host cannot set `chart`). Their type files are then
 * adjusted, each step checked so that a generator update that changes its output fails
 * here instead of shipping wrong types:
 *
 * - an event handler receives the event class (`BillingChangeEvent`), not a `CustomEvent`;
 * - each tag also takes the framework's own props of an element (React's `ref`, `key`,
 *   `className`, `onClick`…; Svelte's and Solid's `HTMLAttributes`) instead of the
 *   generator's short generic list;
 * - each file augments its framework's module itself (React's `JSX.IntrinsicElements`,
 *   Vue's `GlobalComponents`, `svelte/elements`' `SvelteHTMLElements`, Solid's
 *   `JSX.IntrinsicElements`), so one `import type {} from 'billing-elements/react'` in a
 *   host activates it;
 * - React 19: `onbilling-change` (on + the exact event name) is what React listens to, as
 *   generated. Vue: props are camelCase (`pageSize`, which Vue matches to `page-size`;
 *   under the kebab-case name vue-tsc would not check the value) and event props
 *   `onBillingChange`, the name `@billing-change` compiles to; the generator's global
 *   `JSX.IntrinsicElements` block is dropped. Svelte: properties are plain names (Svelte
 *   sets a property when the element has one; the generator's `bind:` means two-way
 *   binding), events both `onbilling-change` (Svelte 5) and `on:billing-change` (Svelte 4).
 *
 * For the editors' data, each attribute whose type is a set of literals through an alias
 * (`InvoiceStatus`, `Tab`, `Sort`) gets its values spelled out, so that VS Code and
 * JetBrains offer `open`, `paid`… rather than the alias's name.
 *
 * The type files import the element and event classes from `../src/index.js`, the
 * package's main entry beside them in dist/, so they resolve inside the installed package.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementSolidJsPlugin } from 'custom-element-solidjs-integration';
import { customElementSveltePlugin } from 'custom-element-svelte-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import ts from 'typescript';
import { eventClasses } from './event-classes.js';

/** Where the bindings are written: dist/frameworks/ of this repository. */
export const frameworksDir = fileURLToPath(new URL('../dist/frameworks/', import.meta.url));

/** The element and event classes, as seen from dist/frameworks/: the main entry's declarations. */
const typesEntry = '../src/index.js';

/**
 * @typedef {{ name: string; kind?: string; static?: boolean; readonly?: boolean; default?: string }} Member
 * @typedef {{ name: string; type?: { text: string } }} ManifestEvent
 * @typedef {{ name: string; fieldName?: string; expandedType?: { text: string } }} Attribute
 * @typedef {{ name: string; kind: string; tagName?: string; customElement?: boolean; members?: Member[]; attributes?: Attribute[]; events?: ManifestEvent[] }} Declaration
 * @typedef {{ modules: { path: string; declarations?: Declaration[] }[] }} Manifest
 */

/**
 * A copy of the manifest for the generators: every event of an element typed by its event
 * class; with `settableOnly`, read-only fields left out.
 * @param {Manifest} manifest
 * @param {{ settableOnly: boolean }} options
 * @returns {Manifest}
 */
function bindingsView(manifest, { settableOnly }) {
  const view = structuredClone(manifest);
  const declarations = view.modules.flatMap((mod) => mod.declarations ?? []);
  const classes = eventClasses(manifest);
  for (const decl of declarations) {
    if (!decl.tagName) continue;
    for (const event of decl.events ?? []) {
      const eventClass = classes.get(event.name);
      if (!eventClass) {
        throw new Error(
          `framework bindings: <${decl.tagName}> fires "${event.name}", but no class in the manifest has a static \`eventName\` of '${event.name}'`,
        );
      }
      event.type = { text: eventClass };
    }
    if (settableOnly) decl.members = decl.members?.filter((m) => !(m.kind === 'field' && m.readonly));
  }
  return view;
}

/**
 * Gives each attribute whose type is a finite set of literals (`InvoiceStatus | ''`, `Tab`,
 * `Sort`…) an `expandedType` listing them (`'upcoming' | 'open' | …`), read from the source
 * with the TypeScript checker: the editors' data offers those values as completions (from
 * the type as written, they would offer the alias's name). The empty string is left out.
 * @param {Manifest} view
 */
function expandAttributeTypes(view) {
  const src = fileURLToPath(new URL('../src/', import.meta.url));
  const entry = join(src, 'index.ts');
  // The source files only (no lib, no dependencies: a tenth of the time), enough for the
  // literal types of the elements' fields.
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram(
    files.map((f) => join(src, f)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      useDefineForClassFields: false,
      strict: true,
      noResolve: true,
      noLib: true,
      noEmit: true,
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`framework bindings: cannot read ${entry}`);
  const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  for (const decl of view.modules.flatMap((mod) => mod.declarations ?? [])) {
    let symbol = decl.tagName ? exported.get(decl.name) : undefined;
    if (!symbol) continue;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    for (const attr of decl.attributes ?? []) {
      const property = attr.fieldName ? instance.getProperty(attr.fieldName) : undefined;
      if (!property) continue;
      const type = checker.getTypeOfSymbol(property);
      const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Undefined));
      if (!parts.every((t) => t.isStringLiteral() || t.isNumberLiteral())) continue;
      const values = parts.flatMap((t) =>
        t.isStringLiteral() ? (t.value === '' ? [] : [`'${t.value}'`]) : t.isNumberLiteral() ? [String(t.value)] : [],
      );
      if (values.length) attr.expandedType = { text: values.join(' | ') };
    }
  }
}

/**
 * Rewrites a generated file: each step must change it (unless marked optional), so a
 * changed generator output is noticed.
 * @param {string} fileName
 * @param {string} header
 * @param {(readonly [RegExp, string | ((...args: string[]) => string), string, 'optional'?])[]} steps
 *   [pattern, replacement, what it replaces, 'optional']
 */
function rewrite(fileName, header, steps) {
  const path = join(frameworksDir, fileName);
  let text = readFileSync(path, 'utf8');
  for (const [pattern, replacement, what, optional] of steps) {
    // @ts-expect-error -- replace() takes a string or a function; the union is fine at run time.
    const next = text.replace(pattern, replacement);
    if (next === text && !optional) {
      throw new Error(`framework bindings: ${what}: not found in ${path}; has the generator's output changed?`);
    }
    text = next;
  }
  writeFileSync(path, `${header}\n${text.trimEnd()}\n`);
}

/** @param {string} framework @param {string} generator @param {string} activate */
const header = (framework, generator, activate) => `/**
 * ${framework} types of the billing-* tags. Generated from custom-elements.json by
 * ${generator} (scripts/framework-bindings.js); do not edit.
 *
 * Activate them with one line in your app: ${activate}
 */`;

/** `(e: CustomEvent<BillingChangeEvent>) => void` → `(event: BillingChangeEvent) => void`. */
const eventClassHandlers = /** @type {const} */ ([
  /\(e: CustomEvent<(\w+)>\) => void/g,
  '(event: $1) => void',
  'event handlers typed `(e: CustomEvent<…>) => void`',
]);

/**
 * The import of the classes, each name once: the generators list an event class once per
 * element that fires it, and a name imported twice is an error.
 */
const classImport = /** @type {const} */ ([
  /import type \{([^}]*)\} from "\.\.\/src\/index\.js";/,
  (/** @type {string} */ _, /** @type {string} */ names) =>
    `import type { ${[...new Set(names.split(',').map((n) => n.trim()))].filter(Boolean).join(', ')} } from "${typesEntry}";`,
  'the import of the classes',
]);

/** The generator's own list of common props (`BaseProps`), replaced by the framework's. */
const baseProps = /type BaseProps = \{[\s\S]*?\n\}[^;]*;\n/;
const baseEvents = /type BaseEvents = \{\};\n\n?/;
const tagProps = /Partial<(\w+)Props & BaseProps & BaseEvents>/g;

/** Adjusts the generated files (see the top of this file). */
function adjust() {
  rewrite(
    'react.d.ts',
    header('React 19 JSX', 'custom-element-jsx-integration', "import type {} from 'billing-elements/react';"),
    [
      classImport,
      eventClassHandlers,
      [
        baseProps,
        "/** React's own props of an element: `ref`, `key`, `className`, `style`, `children`, `onClick`… */\ntype BaseProps<E> = DetailedHTMLProps<HTMLAttributes<E>, E>;\n",
        'BaseProps',
      ],
      [baseEvents, '', 'BaseEvents'],
      [tagProps, '$1Props & BaseProps<$1>', 'the tags’ props'],
      [/"path\/to\/library\/jsx-integration"/, '"billing-elements/react"', 'ScopedElements’ example', 'optional'],
      [/declare module "my-library"/, 'declare module "react"', 'ScopedElements’ example', 'optional'],
      [/^/, 'import type { DetailedHTMLProps, HTMLAttributes } from "react";\n', 'the start'],
      [
        /$/,
        `
declare module "react" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
        'the end',
      ],
    ],
  );

  rewrite(
    'vue.d.ts',
    header('Vue 3', 'custom-element-vuejs-integration', "import type {} from 'billing-elements/vue';"),
    [
      classImport,
      [
        /"on([a-z][\w-]*)"\?: \(e: CustomEvent<(\w+)>\) => void/g,
        (_, name, type) => `${vueEventProp(name)}?: (event: ${type}) => void`,
        'event props `"onbilling-…"`',
      ],
      // Vue matches `page-size="5"` to a prop `pageSize` (and sets the element's property
      // `pageSize`): a kebab-case prop name would leave the value unchecked.
      [
        /^(\s*)"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)"\?:/gm,
        (_, indent, name) => `${indent}${name.replace(/-(\w)/g, (__, c) => c.toUpperCase())}?:`,
        'kebab-case props',
      ],
      // The generator also adds the components to a global `JSX.IntrinsicElements`, where a
      // component type is not a props type (and would collide with other JSX typings).
      [/\n\s*declare global \{\s*namespace JSX \{[\s\S]*?\n\s*\}\s*\n\s*\}\s*$/, '\n', 'the global JSX block'],
    ],
  );

  rewrite(
    'svelte.d.ts',
    header('Svelte', 'custom-element-svelte-integration', "import type {} from 'billing-elements/svelte';"),
    [
      classImport,
      [
        /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)"on:([\w-]+)"\?: \(e: CustomEvent<(\w+)>\) => void;/g,
        (_, doc, name, type) =>
          `${doc}"on${name}"?: (event: ${type}) => void;\n  ${doc}"on:${name}"?: (event: ${type}) => void;`,
        'event props `"on:billing-…"`',
      ],
      [/"bind:(\w+)"\?:/g, '$1?:', 'property props `"bind:…"`'],
      [
        baseProps,
        "/** Svelte's own attributes of an element: `class`, `style`, `onclick`… */\ntype BaseProps<E extends EventTarget> = HTMLAttributes<E>;\n",
        'BaseProps',
      ],
      [baseEvents, '', 'BaseEvents'],
      [tagProps, '$1Props & BaseProps<$1>', 'the tags’ props'],
      [/^/, 'import type { HTMLAttributes } from "svelte/elements";\n', 'the start'],
      [
        /declare namespace svelteHTML \{[\s\S]*?\n\}/,
        `declare module "svelte/elements" {
  interface SvelteHTMLElements extends CustomElements {}
}`,
        'the svelteHTML block',
      ],
    ],
  );

  rewrite(
    'solid.d.ts',
    header('SolidJS', 'custom-element-solidjs-integration', "import type {} from 'billing-elements/solid';"),
    [
      classImport,
      eventClassHandlers,
      [
        baseProps,
        "/** Solid's own attributes of an element: `ref`, `class`, `style`, `on:click`, `use:…`… */\ntype BaseProps<E> = JSX.HTMLAttributes<E>;\n",
        'BaseProps',
      ],
      [baseEvents, '', 'BaseEvents'],
      [tagProps, '$1Props & BaseProps<$1>', 'the tags’ props'],
      [/"my-app\/solid"/, '"billing-elements/solid"', 'ScopedElements’ example', 'optional'],
      [
        /$/,
        `
declare module "solid-js" {
  namespace JSX {
    interface IntrinsicElements extends CustomElements {}
  }
}
`,
        'the end',
      ],
    ],
  );
}

/** `billing-change` → `onBillingChange`: the prop Vue's compiler makes of `@billing-change`. */
/** @param {string} name */
function vueEventProp(name) {
  return `on${name.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())}`;
}

/**
 * The analyzer plugins: one that runs the six generators on the bindings view of the
 * manifest and adjusts their type files. Put it after the plugins that shape the manifest.
 * @returns {import('@custom-elements-manifest/analyzer').Plugin[]}
 */
export function frameworkBindings() {
  const outdir = frameworksDir;
  const quiet = { hideLogs: true };
  const typeGenerators = [
    customElementJsxPlugin({ ...quiet, outdir, fileName: 'react.d.ts', globalTypePath: typesEntry }),
    customElementVuejsPlugin({ ...quiet, outdir, fileName: 'vue.d.ts', globalTypePath: typesEntry }),
    customElementSveltePlugin({ ...quiet, outdir, fileName: 'svelte.d.ts', globalTypePath: typesEntry }),
    customElementSolidJsPlugin({ ...quiet, outdir, fileName: 'solid.d.ts', globalTypePath: typesEntry }),
  ];
  const editorGenerators = [
    customElementVsCodePlugin({
      ...quiet,
      outdir,
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      typesSrc: 'expandedType',
    }),
    customElementJetBrainsPlugin({ ...quiet, outdir, webTypesFileName: 'web-types.json', typesSrc: 'expandedType' }),
  ];
  return [
    {
      name: 'billing-framework-bindings',
      packageLinkPhase({ customElementsManifest, context }) {
        const types = bindingsView(/** @type {Manifest} */ (customElementsManifest), { settableOnly: true });
        const editors = bindingsView(/** @type {Manifest} */ (customElementsManifest), { settableOnly: false });
        expandAttributeTypes(editors);
        for (const plugin of typeGenerators) plugin.packageLinkPhase?.({ customElementsManifest: types, context });
        for (const plugin of editorGenerators) plugin.packageLinkPhase?.({ customElementsManifest: editors, context });
        adjust();
      },
    },
  ];
}
