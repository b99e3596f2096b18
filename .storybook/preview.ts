import { setCustomElementsManifest } from '@storybook/web-components-vite';
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import rawManifest from '../custom-elements.json';
import { storyHandlers, type StoryMockOptions } from '../mocks/storybook.js';
import type { BillingParameters } from './billing-parameters.js';
import ElementDocs from './element-docs.mdx';
import { argTypesFor, bindControls, publicManifest, type ArgTypeRows, type Manifest } from './manifest.js';
import '../src/define.js';

/** Docs pages and Controls see the public API only (no private fields, no internals). */
const manifest = publicManifest(rawManifest as Manifest);
setCustomElementsManifest(manifest);

/**
 * Rows from the manifest are documentation; a story's args get the controls (see
 * `bindControls`). Runs after Storybook merged `docs.extractArgTypes` with the story's argTypes.
 */
const manifestControls: NonNullable<Preview['argTypesEnhancers']>[number] = (context) =>
  typeof context.component === 'string'
    ? (bindControls(
        argTypesFor(manifest, context.component),
        context.argTypes as unknown as ArgTypeRows,
        context.initialArgs as Record<string, unknown>,
      ) as typeof context.argTypes)
    : context.argTypes;

const startMsw = mswLoader(async () => {
  const worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass' });
  return worker;
});

/** Starts MSW once, then answers the billing API from a fresh mock store for this story. */
const billingMock: Loader = async (context) => {
  await startMsw(context);
  // Each story is a first load in a tab of a backend of its own: not the `/me` the last
  // story's elements remembered (its role, its tenant's day).
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(REMEMBERED_ME)) sessionStorage.removeItem(key);
  const p = (context.parameters['billing'] ?? {}) as BillingParameters;
  const role = p.role !== undefined ? p.role : (context.globals['role'] as StoryMockOptions['role']);
  context.msw.use(
    ...storyHandlers({
      ...(p.world ? { world: p.world } : { scenario: p.scenario ?? (context.globals['scenario'] as string) }),
      role,
      ...(p.faults ? { faults: p.faults } : {}),
      ...(p.today ? { today: p.today } : {}),
    }),
  );
  return {};
};

/** Every story sits in a <billing-provider>, in the toolbar's language and theme. */
const withProvider: Decorator = (story, context) => {
  const p = (context.parameters['billing'] ?? {}) as BillingParameters;
  const theme = p.theme ?? (context.globals['theme'] as 'light' | 'dark');
  document.documentElement.style.colorScheme = theme;
  document.body.style.background = theme === 'dark' ? '#14171c' : '#ffffff';
  document.body.style.fontFamily = 'system-ui, sans-serif';
  return html`<billing-provider
    base-url="/api/billing"
    lang=${p.lang ?? context.globals['locale']}
    theme=${theme}
    dir=${p.dir ?? nothing}
    .deadlines=${p.deadlines}
  >
    ${story()}
  </billing-provider>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [manifestControls],
  loaders: [billingMock],
  decorators: [withProvider],
  globalTypes: {
    scenario: {
      description: 'Mock tenant',
      toolbar: {
        title: 'Scenario',
        icon: 'database',
        dynamicTitle: true,
        items: [
          { value: 'injixo-advanced', title: 'injixo Advanced (peak users)' },
          { value: 'injixo-classic', title: 'injixo Classic (per user)' },
          { value: 'workplace-trial', title: 'Workplace Core in trial (full month)' },
          { value: 'workplace-advanced', title: 'Workplace Advanced (invited)' },
          { value: 'severa-prepaid', title: 'Severa (prepaid licenses)' },
          { value: 'm365-declined', title: 'Microsoft 365 style (declined card)' },
          { value: 'generated-10k', title: 'Generated, 10,000 people' },
        ],
      },
    },
    role: {
      description: 'Role of the signed-in user',
      toolbar: {
        title: 'Role',
        icon: 'user',
        dynamicTitle: true,
        items: ['admin', 'finance', 'member', 'guest'],
      },
    },
    locale: {
      description: 'Language',
      toolbar: { title: 'Language', icon: 'globe', dynamicTitle: true, items: ['en', 'nl', 'de'] },
    },
    theme: {
      description: 'Colour scheme',
      toolbar: { title: 'Theme', icon: 'mirror', dynamicTitle: true, items: ['light', 'dark'] },
    },
  },
  initialGlobals: { scenario: 'injixo-advanced', role: 'admin', locale: 'en', theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Each element's Docs page: description, the primary story live, then its API.
    docs: { page: ElementDocs, extractArgTypes: (tagName: string) => argTypesFor(manifest, tagName) },
  },
};

export default preview;
