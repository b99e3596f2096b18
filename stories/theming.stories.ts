import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';

/**
 * The restyled example of docs/theming.md: a host brand set once through the public
 * `--billing-*` tokens, element properties (`--billing-users-table-height`…), and `::part`
 * rules for the pieces the elements expose. The same CSS serves light and dark: every
 * colour is a `light-dark()` pair, resolved by the provider's `theme` (or the page's
 * `color-scheme`).
 */
const brandCss = html`<style>
  .brand {
    /* Tokens: every element at once. */
    --billing-font-family: Georgia, 'Times New Roman', serif;
    --billing-color-text: light-dark(#13302e, #e3f4f1);
    --billing-color-text-muted: light-dark(#4d6b68, #9cc2bd);
    --billing-color-surface: light-dark(#fbfefd, #0d2523);
    --billing-color-subtle: light-dark(#e6f6f3, #143532);
    --billing-color-border: light-dark(#b9e2dc, #24504b);
    --billing-color-accent: light-dark(#0f766e, #5eead4);
    --billing-color-on-accent: light-dark(#ffffff, #042f2e);
    --billing-radius: 14px;
    --billing-space: 9px;

    /* Element properties: one element each. */
    --billing-users-table-height: 22rem;
    --billing-users-table-row-height: 40px;
    --billing-subscription-overview-card-min-width: 15rem;

    display: grid;
    gap: 2rem;
  }

  /* Parts: the pieces an element exposes. */
  .brand billing-subscription-overview::part(card) {
    border-color: transparent;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.12);
  }
  .brand billing-subscription-overview::part(figure) {
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
  }
  .brand billing-users-table::part(tab) {
    font-size: 0.8rem;
    letter-spacing: 0.06em;
    text-transform: uppercase;
  }
  .brand billing-users-table::part(row):hover {
    background: light-dark(#f0faf8, #123230);
  }
  .brand billing-users-table::part(export-button) {
    border-radius: 999px;
  }
  .brand billing-invoice-list::part(status) {
    border-radius: 999px;
    font-size: 0.72rem;
    text-transform: uppercase;
  }
  .brand billing-invoice-list::part(row upcoming) {
    font-style: italic;
  }
  /* Any element's error box (part "state error"). */
  .brand ::part(state error) {
    border-width: 2px;
  }
</style>`;

const meta: Meta = {
  title: 'Guides/Theming',
  // Its Docs page is stories/theming.mdx (the design tokens, then this example).
  tags: ['!autodocs'],
  render: () =>
    html`${brandCss}
      <div class="brand">
        <billing-subscription-overview></billing-subscription-overview>
        <billing-users-table></billing-users-table>
        <billing-invoice-list page-size="5"></billing-invoice-list>
      </div>`,
};
export default meta;

type Story = StoryObj;
const billing = (b: BillingParameters) => ({ billing: b });

/** Waits for the table's rows, then checks that the host's accent reached inside the elements. */
const restyled: Story['play'] = async ({ canvasElement }) => {
  const table = canvasElement.querySelector('billing-users-table')!;
  await waitFor(() => expect(table.shadowRoot!.querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), {
    timeout: 8000,
  });
  await expect(getComputedStyle(table).getPropertyValue('--_accent')).toContain('#0f766e');
};

/** The brand in the light scheme. */
export const Restyled: Story = { parameters: billing({ theme: 'light' }), play: restyled };

/** The same CSS in the dark scheme: each `light-dark()` pair takes its second colour. */
export const RestyledDark: Story = { parameters: billing({ theme: 'dark' }), play: restyled };
