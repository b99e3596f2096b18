/**
 * The kit's public elements, listed once: each tag, the class and the module that declares
 * it, the entry that registers it alone (`billing-elements/define/<name>.js`) and its
 * English catalogue. Data only: this module imports no element, so reading it costs
 * nothing at run time, and no entry of the package imports it.
 *
 * What reads it: the library build's entries (vite.config.ts) and the size bench
 * (bench/size.bench.ts). What cannot read it, because a bundler or the type checker wants
 * them written out (`src/define.ts`, `src/define/<name>.ts`, the exports of
 * `src/index.ts`, the catalogue type in `src/i18n/en.ts`, the package's exports and the
 * custom-elements manifest), is held to it by test/node/registry.test.ts.
 *
 * Adding an element starts here (docs/architecture.md, "Adding an element").
 */

/** One public element of the kit. */
export interface ElementEntry {
  /** Its tag, `billing-<name>` (the provider is `billing-provider`). */
  readonly tag: `billing-${string}`;
  /** Its entry's name: `src/define/<name>.ts`, published as `billing-elements/define/<name>.js`; for an element of `src/components/`, its folder too. */
  readonly name: string;
  /** Its class, exported from the package's main entry. */
  readonly className: `Billing${string}`;
  /** The module that declares the class, relative to `src/` (as imported: `.js`). */
  readonly module: string;
  /** Its English catalogue, relative to `src/`; `undefined` when it has no words of its own. */
  readonly catalogue: string | undefined;
}

/** The kit's public elements: the provider first, then the elements in the order the docs present them. */
export const ELEMENTS = [
  {
    tag: 'billing-provider',
    name: 'provider',
    className: 'BillingProvider',
    module: 'context/billing-provider.js',
    catalogue: undefined,
  },
  {
    tag: 'billing-users-table',
    name: 'users-table',
    className: 'BillingUsersTable',
    module: 'components/users-table/users-table.js',
    catalogue: 'components/users-table/users-table.messages.js',
  },
  {
    tag: 'billing-subscription-overview',
    name: 'subscription-overview',
    className: 'BillingSubscriptionOverview',
    module: 'components/subscription-overview/subscription-overview.js',
    catalogue: 'components/subscription-overview/subscription-overview.messages.js',
  },
  {
    tag: 'billing-user-count-chart',
    name: 'user-count-chart',
    className: 'BillingUserCountChart',
    module: 'components/user-count-chart/user-count-chart.js',
    catalogue: 'components/user-count-chart/user-count-chart.messages.js',
  },
  {
    tag: 'billing-invoice-list',
    name: 'invoice-list',
    className: 'BillingInvoiceList',
    module: 'components/invoice-list/invoice-list.js',
    catalogue: 'components/invoice-list/invoice-list.messages.js',
  },
  {
    tag: 'billing-contacts-editor',
    name: 'contacts-editor',
    className: 'BillingContactsEditor',
    module: 'components/contacts-editor/contacts-editor.js',
    catalogue: 'components/contacts-editor/contacts-editor.messages.js',
  },
] as const satisfies readonly ElementEntry[];

/** A public element's tag. */
export type ElementTag = (typeof ELEMENTS)[number]['tag'];

/** The entry that registers an element alone, relative to `src/` without extension: `define/<name>`. */
export const defineModule = (element: ElementEntry): string => `define/${element.name}`;
