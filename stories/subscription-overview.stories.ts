import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import { BillingClient } from '../src/client/index.js';
import { onFirstUse } from '../src/components/subscription-overview/subscription-overview.js';
import { privateElement } from '../src/internal/private-element.js';
import { flat } from '../test/dom.js';

interface Args {
  width?: string;
}

/** Shadow-DOM aware lookups for play functions. */
/** The overview as one tree: its shadow root and its private elements'. */
const inner = (root: HTMLElement) => flat(root.querySelector('billing-subscription-overview')!.shadowRoot!);

const ready = async (root: HTMLElement) =>
  waitFor(() => expect(inner(root).querySelector('.cards')).not.toBeNull(), { timeout: 8000 });

/** The confirmation loads on demand (a chunk of its own): wait for it to open. */
const dialogOpen = async (root: HTMLElement) =>
  waitFor(() => expect(inner(root).querySelector('dialog[open]')).not.toBeNull(), { timeout: 8000 });

const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string, event = 'input') => {
  el.value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
};

const meta: Meta<Args> = {
  title: 'Elements/Subscription overview',
  component: 'billing-subscription-overview',
  argTypes: { width: { control: false, table: { disable: true } } },
  render: (args) =>
    html`<div style=${ifDefined(args.width ? `max-width:${args.width}` : undefined)}>
      <billing-subscription-overview></billing-subscription-overview>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;
const billing = (b: BillingParameters) => ({ billing: b });

/** Peak daily users (injixo Advanced): users included, this month's peak so far and its day, extra users and their cost. */
export const PeakUsers: Story = {
  parameters: billing({ scenario: 'injixo-advanced' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

/** Per created user (injixo Classic): billed users so far at the price per user. */
export const PerUser: Story = { parameters: billing({ scenario: 'injixo-classic' }) };

/** In trial (Workplace Core): the trial's end, the first billed month, monthly active users and file storage. */
export const Trial: Story = { parameters: billing({ scenario: 'workplace-trial' }) };

/** Invited users (Workplace Advanced): billed users so far, a PO number and file storage. */
export const InvitedUsers: Story = { parameters: billing({ scenario: 'workplace-advanced' }) };

/** Prepaid licenses (Severa, 6-month periods): licenses, assigned, free, licenses × months, and a scheduled decrease. */
export const PrepaidLicenses: Story = { parameters: billing({ scenario: 'severa-prepaid' }) };

/** Every license in use (Microsoft 365 style, monthly): removing any license is refused. */
export const AllLicensesInUse: Story = { parameters: billing({ scenario: 'm365-declined' }) };

/** Adding licenses: the prorated price for the rest of the period is shown before confirming. */
export const AddLicensesPreview: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const root = inner(canvasElement);
    setValue(root.querySelector<HTMLInputElement>('#add-field')!, '2');
    root.querySelector<HTMLFormElement>('[part="add-form"]')!.requestSubmit();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .quote-price')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** Removing licenses (issue 15): they stay billed until the period ends, not credited; the next period's price with fewer. */
export const RemoveLicensesPreview: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLFormElement>('[part="remove-form"]')!.requestSubmit();
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('dialog[open] .quote-price').length).toBe(2), {
      timeout: 8000,
    });
  },
};

/** The people behind the peak so far (issue 15): the figure is a button that opens them in a dialog. */
export const PeopleOfThePeak: Story = {
  parameters: billing({ scenario: 'injixo-advanced' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLButtonElement>('.row.peak [part~="people-button"]')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('billing-people-dialog')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The people holding the licenses (issue 15): the licenses figure opens them, with how many are held and free. */
export const PeopleOfTheLicenses: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLButtonElement>('.row.licenses [part~="people-button"]')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('billing-people-dialog')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** Removing more licenses than the active users allow: refused next to the field as it is typed, in the kit's words. */
export const RemovalRefused: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const root = inner(canvasElement);
    // More than the field's maximum: refused as it is typed, before any confirmation.
    const field = root.querySelector<HTMLInputElement>('#remove-field')!;
    setValue(field, String(Number(field.max) + 1));
    await waitFor(() => expect(root.querySelector('#remove-error')).not.toBeNull(), { timeout: 8000 });
    root.querySelector<HTMLFormElement>('[part="remove-form"]')!.requestSubmit();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open]')).toBeNull());
  },
};

/** An edition change, scheduled for the period boundary, then listed under scheduled changes. */
export const EditionChangeScheduled: Story = {
  parameters: billing({ scenario: 'injixo-advanced' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const root = inner(canvasElement);
    setValue(root.querySelector<HTMLSelectElement>('#plan-field')!, 'injixo-enterprise', 'change');
    await waitFor(() =>
      expect(root.querySelector<HTMLButtonElement>('[part="plan-form"] button')!.disabled).toBe(false),
    );
    root.querySelector<HTMLFormElement>('[part="plan-form"]')!.requestSubmit();
    await dialogOpen(canvasElement);
    root.querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await waitFor(() => expect(root.querySelector('.scheduled li[data-kind="change-plan"]')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The order history, opened. */
export const OrderHistory: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLElement>('details summary')!.click();
    await waitFor(
      () =>
        expect(
          inner(canvasElement).querySelector('billing-order-history')?.shadowRoot?.querySelector('tbody tr'),
        ).not.toBeNull(),
      {
        timeout: 8000,
      },
    );
  },
};

/** A billing-frequency change, in Dutch: the confirmation brings its own Dutch words when it loads. */
export const DutchFrequencyChange: Story = {
  parameters: billing({ lang: 'nl', scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const root = inner(canvasElement);
    setValue(root.querySelector<HTMLSelectElement>('#period-field')!, '12', 'change');
    await waitFor(() =>
      expect(root.querySelector<HTMLButtonElement>('[part="period-form"] button')!.disabled).toBe(false),
    );
    root.querySelector<HTMLFormElement>('[part="period-form"]')!.requestSubmit();
    await dialogOpen(canvasElement);
    await expect(root.querySelector('dialog h2')?.textContent).toContain('jaarlijks');
  },
};

/**
 * The confirmation could not be downloaded (offline, a broken deployment): said next to the
 * form, with a retry; the typed quantity stays. Here the download fails once; "Try again" works.
 */
export const ConfirmationUnavailable: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const root = inner(canvasElement);
    const real = onFirstUse.dialog;
    onFirstUse.dialog = privateElement(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    try {
      setValue(root.querySelector<HTMLInputElement>('#add-field')!, '2');
      root.querySelector<HTMLFormElement>('[part="add-form"]')!.requestSubmit();
      await waitFor(() => expect(root.querySelector('[part="add-form"] [part="retry-button"]')).not.toBeNull(), {
        timeout: 8000,
      });
    } finally {
      onFirstUse.dialog = real;
    }
  },
};

/** Loading: the space is reserved and announced (the request never answers here, and has no deadline). */
export const Loading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'getSubscription', kind: 'hang' }] }),
};

/** The server failed: the error says so in words and offers a retry. */
export const ServerError: Story = {
  parameters: billing({ faults: [{ operation: 'getSubscription', kind: 'error-500' }] }),
};

/** Offline: the service could not be reached. */
export const Offline: Story = {
  parameters: billing({ faults: [{ operation: 'getSubscription', kind: 'network-error' }] }),
};

/** Too many requests (429): the error says it tries again in 30 s, does so once on its own, then offers a retry. */
export const RateLimited: Story = {
  parameters: billing({ faults: [{ operation: 'getSubscription', kind: 'rate-limit-429', retryAfter: 30 }] }),
};

/** A request that never answers ends at its deadline (here 2 s; 20 s by default): "taking longer than expected", with a retry. */
export const TakingTooLong: Story = {
  parameters: billing({ deadlines: { read: 2000 }, faults: [{ operation: 'getSubscription', kind: 'hang' }] }),
};

/** The caller's permissions (`GET /me`) could not be loaded: an error with a retry, not a guess at the role or the tenant's clock. */
export const SessionFailed: Story = {
  parameters: billing({ faults: [{ operation: 'getMe', kind: 'error-500' }] }),
};

/** No subscription (the API answers 404 with the problem code `no-subscription`): says why, and what to do. */
export const Empty: Story = {
  // The element's own client (no provider's session), so it takes the toolbar's language itself.
  render: (_args, { globals }) => {
    const client = new BillingClient({
      baseUrl: '/api/billing',
      fetch: (request: Request) =>
        new URL(request.url).pathname.endsWith('/subscription')
          ? Promise.resolve(
              new Response(
                JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'no-subscription' }),
                {
                  status: 404,
                  headers: { 'Content-Type': 'application/problem+json' },
                },
              ),
            )
          : fetch(request),
    });
    return html`<billing-subscription-overview
      .client=${client}
      lang=${globals['locale'] ?? 'en'}
    ></billing-subscription-overview>`;
  },
};

/** A member (not admin or finance): "ask your administrator", and no billing data. */
export const Forbidden: Story = {
  parameters: billing({ role: 'member' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inner(canvasElement).querySelector('.state.forbidden')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The finance role may change licenses too. */
export const FinanceRole: Story = { parameters: billing({ role: 'finance', scenario: 'severa-prepaid' }) };

/** Dutch. */
export const Dutch: Story = { parameters: billing({ lang: 'nl', scenario: 'severa-prepaid' }) };

/** Dark theme. */
export const Dark: Story = { parameters: billing({ theme: 'dark', scenario: 'severa-prepaid' }) };

/** Dutch, dark, in trial. */
export const DutchDark: Story = { parameters: billing({ lang: 'nl', theme: 'dark', scenario: 'workplace-trial' }) };

/** A phone-wide column (360 px): the cards stack and the forms wrap. */
export const Narrow: Story = { args: { width: '360px' }, parameters: billing({ scenario: 'severa-prepaid' }) };

/**
 * A backend that lacks an endpoint the overview needs (here `GET /invoices/upcoming` answers a
 * framework's plain 404 page): the error says so, and its technical details name the
 * request, so the host's backend engineer knows what to implement.
 */
export const MissingEndpoint: Story = {
  render: (_args, { globals }) => {
    const client = new BillingClient({
      baseUrl: '/api/billing',
      fetch: (request: Request) =>
        new URL(request.url).pathname.endsWith('/invoices/upcoming')
          ? Promise.resolve(
              new Response('<h1>Cannot GET</h1>', { status: 404, headers: { 'Content-Type': 'text/html' } }),
            )
          : fetch(request),
    });
    return html`<billing-subscription-overview
      .client=${client}
      lang=${globals['locale'] ?? 'en'}
    ></billing-subscription-overview>`;
  },
};

/** Right to left (the provider's `dir="rtl"`): the title, the cards and their figures run from the right. */
export const Rtl: Story = {
  name: 'Right to left',
  parameters: billing({ dir: 'rtl' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

/** Cancelling a scheduled change (the license decrease): the confirmation says what stays. */
export const CancelScheduledChange: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement)
      .querySelector<HTMLButtonElement>('.scheduled li[data-kind="remove-licenses"] [part="cancel-button"]')!
      .click();
    await dialogOpen(canvasElement);
  },
};

/** A scheduled change cancelled: it is gone from the list, the next period keeps the licenses. */
export const ScheduledChangeCancelled: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement)
      .querySelector<HTMLButtonElement>('.scheduled li[data-kind="remove-licenses"] [part="cancel-button"]')!
      .click();
    await dialogOpen(canvasElement);
    inner(canvasElement).querySelector<HTMLButtonElement>('[part="confirm-button"]')!.click();
    await waitFor(
      () => expect(inner(canvasElement).querySelector('.scheduled li[data-kind="remove-licenses"]')).toBeNull(),
      { timeout: 8000 },
    );
  },
};

/** Cancelling, in German: the confirmation's words come with it. */
export const GermanCancelScheduledChange: Story = {
  ...CancelScheduledChange,
  parameters: billing({ lang: 'de', scenario: 'severa-prepaid' }),
};
