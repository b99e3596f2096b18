import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';

interface Args {
  baseUrl: string;
  lang: string;
  theme?: 'light' | 'dark';
}

/**
 * `<billing-provider>` renders nothing itself: it gives the elements inside it the API
 * client, language, theme and permissions, and keeps them in step. (Every other story
 * sits in one too, set by the toolbar; this one sets its own.)
 */
const meta: Meta<Args> = {
  title: 'Elements/Provider',
  component: 'billing-provider',
  args: { baseUrl: '/api/billing', lang: 'en' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['en', 'nl'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) =>
    html`<billing-provider base-url=${args.baseUrl} lang=${args.lang} theme=${ifDefined(args.theme)}>
      <billing-subscription-overview></billing-subscription-overview>
    </billing-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A provider around the subscription overview, with the API's base URL. */
export const WithBaseUrl: Story = {
  play: async ({ canvasElement }) => {
    const overview = canvasElement.querySelector('billing-subscription-overview')!;
    await waitFor(() => expect(overview.shadowRoot!.querySelector('.cards')).not.toBeNull(), { timeout: 8000 });
  },
};

/** The provider's `lang` and `theme` apply to every element inside it, whatever the page says. */
export const DutchDark: Story = { args: { lang: 'nl', theme: 'dark' } };
