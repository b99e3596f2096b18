import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import { BillingClient } from '../src/client/index.js';
import { flat } from '../test/dom.js';

/**
 * Flows across elements: one <billing-provider> keeps them in step, so a change made in
 * one shows in the others without a reload.
 */
const meta: Meta = {
  title: 'Flows/Across elements',
  // A flow, not an element: no API to document.
  tags: ['!autodocs'],
  render: () =>
    html`<div style="display:grid;gap:1.5rem">
      <billing-subscription-overview></billing-subscription-overview>
      <billing-users-table></billing-users-table>
      <billing-invoice-list></billing-invoice-list>
    </div>`,
};
export default meta;

type Story = StoryObj;
const billing = (b: BillingParameters) => ({ billing: b });
/** An element as one tree: its shadow root and its private elements'. */
const shadowOf = (root: HTMLElement, tag: string) => flat(root.querySelector(tag)!.shadowRoot!);
const client = new BillingClient({ baseUrl: '/api/billing' });

/**
 * Add licenses in the overview (prorated price shown first): the overview's license
 * count, the users table's free licenses and the invoice list (a new invoice for the
 * added licenses) all follow.
 */
export const AddLicensesEverythingFollows: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    const overview = () => shadowOf(canvasElement, 'billing-subscription-overview');
    await waitFor(() => expect(overview().querySelector('#add-field')).not.toBeNull(), { timeout: 10_000 });
    await waitFor(
      () => expect(shadowOf(canvasElement, 'billing-invoice-list').querySelector('tbody tr')).not.toBeNull(),
      { timeout: 10_000 },
    );
    const before = await client.getLicenses();
    const field = overview().querySelector<HTMLInputElement>('#add-field')!;
    field.value = '2';
    field.dispatchEvent(new Event('input', { bubbles: true }));
    overview().querySelector<HTMLFormElement>('[part="add-form"]')!.requestSubmit();
    await waitFor(() => expect(overview().querySelector('dialog[open] [part="confirm-button"]')).not.toBeNull(), {
      timeout: 8000,
    });
    overview().querySelector<HTMLButtonElement>('dialog[open] [part="confirm-button"]')!.click();
    await waitFor(async () => expect((await client.getLicenses()).licenses).toBe(before.licenses + 2), {
      timeout: 8000,
    });
    const newest = (await client.listInvoices({ limit: 1 })).items[0]!;
    await waitFor(
      () =>
        expect(shadowOf(canvasElement, 'billing-invoice-list').querySelector('table')?.textContent).toContain(
          newest.number,
        ),
      { timeout: 10_000 },
    );
    await waitFor(
      () => expect(overview().querySelector('.cards')?.textContent).toContain(String(before.licenses + 2)),
      {
        timeout: 10_000,
      },
    );
  },
};
