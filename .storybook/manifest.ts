/**
 * What Storybook's Docs pages and Controls show of an element, from the custom-elements
 * manifest (`custom-elements.json`, `npm run manifest`). Pure functions, no Storybook
 * import, so they can be unit-tested (`.storybook/manifest.test.ts`).
 *
 * - `publicManifest` drops what is not public API: private and protected members,
 *   `#private` and `_underscored` names, static members, anything tagged `@internal`,
 *   and `--_*` custom properties (the elements' private copies of the tokens). It also
 *   gives each documented `billing-*` event its class (`BillingChangeEvent`…), read from
 *   the event classes' `static eventName` in the same manifest.
 * - `argTypesFor` turns one element into Storybook argTypes: one row per attribute (named
 *   like the attribute, keyed by its property so story args such as `pageSize` bind to the
 *   `page-size` row), properties without an attribute, events (with their types), slots,
 *   CSS custom properties and CSS parts. Rows of different kinds never share a key (the
 *   users table has both an attribute and a part called `tab`). No row has a control
 *   of its own: documentation only.
 * - `bindControls` then gives a control to the rows a story binds (its args), and keeps the
 *   attribute names on rows a story declared under its property name.
 */
import { eventClasses } from '../scripts/event-classes.js';

/** The part of the manifest schema (https://github.com/webcomponents/custom-elements-manifest) used here. */
export interface Manifest {
  schemaVersion?: string;
  modules: Module[];
  [key: string]: unknown;
}
export interface Module {
  kind?: string;
  path: string;
  declarations?: Declaration[];
  [key: string]: unknown;
}
export interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  members?: Member[];
  attributes?: Attribute[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  [key: string]: unknown;
}
export interface Item {
  name: string;
  description?: string;
  summary?: string;
  type?: { text: string };
  default?: string;
  deprecated?: boolean | string;
  [key: string]: unknown;
}
export interface Member extends Item {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
}
export interface Attribute extends Item {
  fieldName?: string;
}

/** An argType as Storybook reads it (a subset of `InputType`). */
export interface ArgTypeRow {
  name: string;
  description?: string;
  type?: { name: string; value?: unknown };
  control?: false | { type?: string; disable?: boolean };
  options?: unknown[];
  action?: string;
  table?: {
    category?: string;
    type?: { summary: string };
    defaultValue?: { summary: string };
    disable?: boolean;
  };
  [key: string]: unknown;
}
export type ArgTypeRows = Record<string, ArgTypeRow>;

const internalTag = /(^|\s)@internal\b/;

/** True when the JSDoc (as the analyzer keeps it) marks the item internal. */
function isInternal(item: Item): boolean {
  return item['internal'] === true || internalTag.test(item.description ?? '') || internalTag.test(item.summary ?? '');
}

/** Names a host never sees: `#private`, `_underscored`, `--_private-copy`. */
function isPrivateName(name: string): boolean {
  return /^(#|_|--_)/.test(name);
}

/** Public members only: no private, protected, static, `#`/`_` names, `@internal`. */
export function isPublicMember(member: Member): boolean {
  return (
    (member.privacy === undefined || member.privacy === 'public') &&
    !member.static &&
    !isPrivateName(member.name) &&
    !isInternal(member)
  );
}

const isPublicItem = (item: Item): boolean => !isPrivateName(item.name) && !isInternal(item);

/** A copy of the manifest with only the public API of every declaration (see the module comment). */
export function publicManifest(manifest: Manifest): Manifest {
  const events = eventClasses(manifest);
  const publicDeclaration = (decl: Declaration): Declaration => {
    const members = decl.members?.filter(isPublicMember);
    const fields = new Set(members?.map((m) => m.name));
    const out: Declaration = { ...decl };
    if (decl.members) out.members = members;
    if (decl.attributes) {
      // An attribute of a dropped member (a private reflected field) goes with it.
      out.attributes = decl.attributes.filter(
        (a) => isPublicItem(a) && (!a.fieldName || !decl.members || fields.has(a.fieldName)),
      );
    }
    if (decl.events) {
      out.events = decl.events
        .filter(isPublicItem)
        .map((e) => (e.type || !events.has(e.name) ? e : { ...e, type: { text: events.get(e.name)! } }));
    }
    for (const key of ['slots', 'cssParts', 'cssProperties'] as const) {
      if (decl[key]) out[key] = decl[key].filter(isPublicItem);
    }
    return out;
  };
  return {
    ...manifest,
    modules: manifest.modules.map((mod) => ({
      ...mod,
      ...(mod.declarations ? { declarations: mod.declarations.filter(isPublicItem).map(publicDeclaration) } : {}),
    })),
  };
}

/** The custom element declaration of a tag name, if the manifest has one. */
export function findElement(manifest: Manifest, tagName: string): Declaration | undefined {
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.tagName === tagName) return decl;
    }
  }
  return undefined;
}

/** Storybook's type for a TypeScript type text: what a control can edit, else `other`. */
function sbType(text: string | undefined): ArgTypeRow['type'] {
  const parts = (text ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined' && p !== 'null');
  if (parts.length === 1 && ['string', 'number', 'boolean'].includes(parts[0]!)) return { name: parts[0]! };
  if (parts.length > 0 && parts.every((p) => /^'[^']*'$/.test(p))) {
    return { name: 'enum', value: parts.map((p) => p.slice(1, -1)) };
  }
  return { name: 'other', value: text ?? '' };
}

/** Documentation only: a dash in the Controls column (`false` would show "Setup controls"). */
const NO_CONTROL = { disable: true } as const;

function row(item: Item, category: string, name = item.name, extra: Partial<ArgTypeRow> = {}): ArgTypeRow {
  const description = [item.description ?? item.summary, extra.description].filter(Boolean).join('\n\n');
  const valued = category === 'attributes' || category === 'properties';
  return {
    name,
    ...(description ? { description } : {}),
    ...(valued ? { type: sbType(item.type?.text) } : {}),
    control: { ...NO_CONTROL },
    table: {
      category,
      ...(item.type?.text ? { type: { summary: item.type.text } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
  };
}

/** `billing-update-payment-method` → `onBillingUpdatePaymentMethod` (the action arg Storybook logs). */
export function eventHandlerName(eventName: string): string {
  return `on${eventName.replace(/(^|[-_:.\s]+)(.)/g, (_m, _sep, c: string) => c.toUpperCase())}`;
}

/**
 * Storybook argTypes of one element, from a (public) manifest; `{}` for a tag it does not
 * know. Keys: the property name for attributes and properties, `event:`, `slot:`, `css:`
 * and `part:` prefixes for the rest.
 */
export function argTypesFor(manifest: Manifest, tagName: string): ArgTypeRows {
  const decl = findElement(manifest, tagName);
  if (!decl) return {};
  const rows: ArgTypeRows = {};
  for (const a of decl.attributes ?? []) {
    const field = a.fieldName ? decl.members?.find((m) => m.name === a.fieldName) : undefined;
    const property = a.fieldName && a.fieldName !== a.name ? `Property: \`${a.fieldName}\`.` : undefined;
    rows[a.fieldName ?? a.name] = row(
      { ...field, ...a },
      'attributes',
      a.name,
      property ? { description: property } : {},
    );
  }
  for (const m of decl.members ?? []) {
    if (m.kind !== 'field' || m.attribute || rows[m.name]) continue;
    rows[m.name] = row(m, 'properties', m.name, m.readonly ? { description: 'Read-only.' } : {});
  }
  for (const e of decl.events ?? []) {
    rows[eventHandlerName(e.name)] = { name: eventHandlerName(e.name), action: e.name, table: { disable: true } };
    rows[`event:${e.name}`] = row(e, 'events');
  }
  for (const s of decl.slots ?? []) {
    rows[`slot:${s.name || 'default'}`] = row(s, 'slots', s.name || '(default)');
  }
  for (const p of decl.cssProperties ?? []) rows[`css:${p.name}`] = row(p, 'css custom properties');
  for (const p of decl.cssParts ?? []) {
    // The selector a host writes, in the type column.
    rows[`part:${p.name}`] = row({ ...p, type: { text: `${tagName}::part(${p.name})` } }, 'css shadow parts');
  }
  return rows;
}

/** The control for an arg a story binds without declaring one, from its initial value. */
const controlFor = (value: unknown) => ({ type: typeof value === 'string' ? 'text' : typeof value });
const isPrimitive = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/**
 * After Storybook merged the manifest rows (`extracted`) with a story's own argTypes
 * (`merged`): rows the story binds through its args (a string, number or boolean) get a
 * control unless the story gave one (an `enum` type gives options; a string arg a text
 * field), rows it does not bind stay documentation only, and a story's argType declared
 * under the property name (`pageSize`) shows the attribute's name (`page-size`) again.
 */
export function bindControls(
  extracted: ArgTypeRows,
  merged: ArgTypeRows,
  initialArgs: Record<string, unknown>,
): ArgTypeRows {
  const out: ArgTypeRows = { ...merged };
  for (const [key, fromManifest] of Object.entries(extracted)) {
    const current = out[key];
    if (!current) continue;
    const next: ArgTypeRow = { ...current, name: fromManifest.name };
    const disabled = !current.control || current.control.disable === true;
    if (disabled && isPrimitive(initialArgs[key])) {
      if (fromManifest.type?.name === 'enum' && Array.isArray(fromManifest.type.value)) {
        next.control = { type: fromManifest.type.value.length <= 5 ? 'inline-radio' : 'select' };
        next.options = fromManifest.type.value;
      } else {
        next.control = controlFor(initialArgs[key]);
      }
    }
    out[key] = next;
  }
  return out;
}
