import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import { recordPayment } from '../mocks/engine/payments.js';
import type { World } from '../mocks/engine/types.js';
import { loadScenario } from '../mocks/scenarios/index.js';
import type { BillingInvoiceList } from '../src/components/invoice-list/invoice-list.js';
import { flat } from '../test/dom.js';

interface Args {
  status: string;
  year?: number;
  pageSize: number;
  width?: string;
}

/** Shadow-DOM aware lookups for play functions. */
const element = (root: HTMLElement) => root.querySelector('billing-invoice-list')!;
/** The list as one tree: its shadow root and its private elements'. */
const inner = (root: HTMLElement) => flat(element(root).shadowRoot!);

const ready = async (root: HTMLElement) =>
  waitFor(() => expect(inner(root).querySelector('tbody tr')).not.toBeNull(), { timeout: 8000 });

/**
 * What a host does on `billing-update-payment-method`: open its payment provider's form.
 * In the stories the mock's test card swap stands in for that form.
 */
async function swapTestCard(e: Event): Promise<void> {
  await fetch('/api/billing/__mock/payment-method/test-swap', { method: 'POST' });
  await (e.target as BillingInvoiceList).paymentMethodUpdated();
}

const meta: Meta<Args> = {
  title: 'Elements/Invoice list',
  component: 'billing-invoice-list',
  args: { status: '', pageSize: 10 },
  argTypes: {
    status: { control: 'select', options: ['', 'upcoming', 'open', 'paid', 'past_due', 'payment_failed'] },
    year: { control: 'number', description: 'Issue year; empty for all years' },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    width: { control: false, table: { disable: true } },
  },
  render: (args) =>
    html`<div style=${ifDefined(args.width ? `max-width:${args.width}` : undefined)}>
      <billing-invoice-list
        status=${args.status}
        year=${ifDefined(args.year || undefined)}
        page-size=${args.pageSize}
        @billing-update-payment-method=${swapTestCard}
      ></billing-invoice-list>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Opens the credit ledger and waits for `selector` inside it. */
function openCreditPlay(selector: string): Story['play'] {
  return async ({ canvasElement }) => {
    await openCredit(canvasElement);
    await waitFor(() => expect(inLedger(canvasElement, selector)).not.toBeNull(), { timeout: 8000 });
  };
}
const billing = (b: BillingParameters) => ({ billing: b });

/** Opens the invoice whose lines include a `kind` line (the first such invoice of the list). */
async function openInvoiceWith(root: HTMLElement, kind: string): Promise<void> {
  await ready(root);
  const links = [...inner(root).querySelectorAll<HTMLButtonElement>('tbody button.link')];
  for (const link of links) {
    link.click();
    await waitFor(() => expect(inner(root).querySelector('table.lines')).not.toBeNull(), { timeout: 8000 });
    if (inner(root).querySelector(`tr.line.${kind}`)) return;
    inner(root).querySelector<HTMLDialogElement>('dialog[open]')!.close();
    await waitFor(() => expect(inner(root).querySelector('dialog')).toBeNull());
  }
}

/** The first match of `selector` inside the credit ledger's dialog (its own shadow root). */
const inLedger = (root: HTMLElement, selector: string) => {
  const ledger = inner(root).querySelector('billing-credit-ledger');
  return ledger?.shadowRoot ? flat(ledger.shadowRoot).querySelector(selector) : null;
};

/** Opens the credit ledger from the credit balance. */
async function openCredit(root: HTMLElement): Promise<void> {
  await ready(root);
  inner(root).querySelector<HTMLButtonElement>('.summary .tile button.link')!.click();
  await waitFor(() => expect(inner(root).querySelector('billing-credit-ledger')).not.toBeNull(), { timeout: 8000 });
}

/** injixo Classic with a dozen payments on account: a credit ledger longer than a page. */
function manyPaymentsOnAccount(): World {
  let w = loadScenario('injixo-classic');
  for (const amount of [1_000, 2_500, 120, 75, 3_000, 410, 999, 100, 250, 600, 80, 1_234]) {
    w = { ...w, payments: [...w.payments, ...recordPayment(w, { amount })] };
  }
  return w;
}

/** Paid by direct debit (injixo Advanced): the upcoming invoice on top, provisional, and one open invoice. */
export const Invoices: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(inner(canvasElement).querySelector('tr.upcoming')?.textContent).toContain('Provisional');
  },
};

/** A card that expired: the past-due warning, the failed charges, and the way out. */
export const PastDue: Story = {
  parameters: billing({ scenario: 'm365-declined' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(inner(canvasElement).querySelector('[part=alert]')?.getAttribute('role')).toBe('alert');
  },
};

/**
 * The key flow: settle the balance with the expired card (declined, with the reason), update
 * the payment method (the mock's test card), settle again (paid).
 */
export const SettleBalanceFlow: Story = {
  parameters: billing({ scenario: 'm365-declined' }),
  play: async ({ canvasElement }) => {
    const root = () => inner(canvasElement);
    await ready(canvasElement);
    root().querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
    await waitFor(() => expect(root().querySelector('.outcome.failed')).not.toBeNull(), { timeout: 8000 });
    root().querySelector<HTMLButtonElement>('[part~=update-payment-method-button]')!.click();
    await waitFor(() => expect(root().querySelector('.summary')?.textContent).toContain('4242'), { timeout: 8000 });
    root().querySelector<HTMLButtonElement>('[part=settle-button]')!.click();
    await waitFor(() => expect(root().querySelector('.outcome.paid')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Paid by bank transfer (injixo Classic): a rounded-up transfer came back as credit on a later invoice. */
export const CreditApplied: Story = { parameters: billing({ scenario: 'injixo-classic' }) };

/** Paid by card, with a PO number on every invoice (Workplace Advanced, USD, 20 % VAT). */
export const PaidByCard: Story = { parameters: billing({ scenario: 'workplace-advanced' }) };

/** Prepaid licenses (Severa): period invoices of licenses × months, and a prorated invoice for licenses added. */
export const PrepaidLicenses: Story = { parameters: billing({ scenario: 'severa-prepaid' }) };

/** In trial (Workplace Core): nothing issued yet; the first invoice, estimated, and when it will be issued. */
export const NoInvoicesYet: Story = { parameters: billing({ scenario: 'workplace-trial' }) };

/** The details of an invoice: its lines, the peak user count explained, tax, total, PO number and payments. */
export const InvoiceDetails: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelectorAll<HTMLButtonElement>('tbody button.link')[1]!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('table.lines')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** Opening an invoice: the dialog opens at once and says it is loading (the invoice never arrives here, and its request has no deadline). */
export const InvoiceDetailsLoading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'getInvoice', kind: 'hang' }] }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelectorAll<HTMLButtonElement>('tbody button.link')[1]!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .state.loading')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** An invoice that could not be loaded: the dialog says so in words and offers a retry. */
export const InvoiceDetailsFail: Story = {
  parameters: billing({ faults: [{ operation: 'getInvoice', kind: 'error-500' }] }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelectorAll<HTMLButtonElement>('tbody button.link')[1]!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .state.error')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/**
 * A proration's arithmetic (Microsoft 365): "1 license × €11.70 × 1 month × 11/30 days =
 * €4.29", its quantity with its share of the period, the tax's arithmetic and the rounding rule.
 */
export const ProrationArithmetic: Story = {
  parameters: billing({ scenario: 'm365-declined' }),
  play: async ({ canvasElement }) => {
    await openInvoiceWith(canvasElement, 'proration');
    // Any language: licenses × price × months × days/period days = amount.
    await expect(inner(canvasElement).querySelector('tr.proration .math')?.textContent).toMatch(/ \d+\/\d+ \S+ = /);
  },
};

/** A month of peak daily users: base fee, user count and extra users, each with its arithmetic and a way to the people. */
export const LineArithmetic: Story = {
  play: async ({ canvasElement }) => {
    await openInvoiceWith(canvasElement, 'extra-users');
    await expect(inner(canvasElement).querySelector('tr.user-count button.people')).not.toBeNull();
  },
};

/** Prepaid licenses (Severa): licenses × price × months, and the people behind the licenses. */
export const LicensesArithmetic: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await openInvoiceWith(canvasElement, 'licenses');
  },
};

/** The arithmetic in Dutch (Microsoft 365, a proration). */
export const ProrationArithmeticDutch: Story = {
  ...ProrationArithmetic,
  parameters: billing({ scenario: 'm365-declined', lang: 'nl' }),
};

/** The people behind an invoice's user count, opened from its line (the people dialog). */
export const PeopleBehindUserCount: Story = {
  play: async ({ canvasElement }) => {
    await openInvoiceWith(canvasElement, 'user-count');
    inner(canvasElement).querySelector<HTMLButtonElement>('tr.user-count button.people')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('billing-people-dialog')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** An invoice paid partly from credit: its credit line names the ledger entries the credit came from. */
export const CreditSource: Story = {
  parameters: billing({ scenario: 'injixo-classic' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLButtonElement>('tr:has(.credit) button.link')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('.credit-source')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The credit ledger: where the credit came from and where it went, with the balance after each entry. */
export const CreditLedger: Story = {
  parameters: billing({ scenario: 'injixo-classic' }),
  play: async ({ canvasElement }) => {
    await openCredit(canvasElement);
    await waitFor(() => expect(inLedger(canvasElement, 'tbody tr')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** A credit ledger longer than a page: ten entries a page, newest first. */
export const CreditLedgerPaged: Story = {
  parameters: billing({ world: manyPaymentsOnAccount() }),
  play: CreditLedger.play,
};

/** No credit yet: the ledger says so, and how credit arises. */
export const CreditLedgerEmpty: Story = {
  play: async ({ canvasElement }) => {
    await openCredit(canvasElement);
    await waitFor(() => expect(inLedger(canvasElement, '.state.empty')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The ledger loading (the request never answers here, and has no deadline). */
export const CreditLedgerLoading: Story = {
  parameters: billing({
    scenario: 'injixo-classic',
    deadlines: { read: 0 },
    faults: [{ operation: 'listCredit', kind: 'hang' }],
  }),
  play: openCreditPlay('.state.loading'),
};

/** The ledger could not be loaded: it says so in words and offers a retry. */
export const CreditLedgerFails: Story = {
  parameters: billing({ scenario: 'injixo-classic', faults: [{ operation: 'listCredit', kind: 'error-500' }] }),
  play: openCreditPlay('.state.error'),
};

/** The credit ledger in Dutch, dark. */
export const CreditLedgerDutchDark: Story = {
  parameters: billing({ scenario: 'injixo-classic', lang: 'nl', theme: 'dark' }),
  play: CreditLedger.play,
};

/** Filtered by status: only the paid invoices. */
export const FilteredByStatus: Story = { args: { status: 'paid' }, parameters: billing({ scenario: 'm365-declined' }) };

/** Filtered by year. */
export const FilteredByYear: Story = { args: { year: 2025 }, parameters: billing({ scenario: 'm365-declined' }) };

/** A filter that matches nothing says so, and offers to show all invoices. */
export const NoMatches: Story = {
  args: { status: 'past_due', year: 2025 },
  parameters: billing({ scenario: 'm365-declined' }),
};

/** Paging: five invoices a page. */
export const Paging: Story = { args: { pageSize: 5 } };

/** Loading: the space is reserved and announced (the request never answers here, and has no deadline). */
export const Loading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'listInvoices', kind: 'hang' }] }),
};

/** The server failed: the error says so in words and offers a retry. */
export const ServerError: Story = {
  parameters: billing({ faults: [{ operation: 'listInvoices', kind: 'error-500' }] }),
};

/** Offline: the service could not be reached. */
export const Offline: Story = {
  parameters: billing({ faults: [{ operation: 'listInvoices', kind: 'network-error' }] }),
};

/** Too many requests (429): the error says it tries again in 30 s, does so once on its own, then offers a retry. */
export const RateLimited: Story = {
  parameters: billing({ faults: [{ operation: 'listInvoices', kind: 'rate-limit-429', retryAfter: 30 }] }),
};

/** A request that never answers ends at its deadline (here 2 s; 20 s by default): "taking longer than expected", with a retry. */
export const TakingTooLong: Story = {
  parameters: billing({ deadlines: { read: 2000 }, faults: [{ operation: 'listInvoices', kind: 'hang' }] }),
};

/** The caller's permissions (`GET /me`) could not be loaded: an error with a retry, not a guess at the role or the tenant's clock. */
export const SessionFailed: Story = {
  parameters: billing({ faults: [{ operation: 'getMe', kind: 'error-500' }] }),
};

/** The PDF could not be fetched: the list stays, a message says what failed. */
export const PdfFails: Story = {
  parameters: billing({ faults: [{ operation: 'getInvoicePdf', kind: 'error-500' }] }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    inner(canvasElement).querySelector<HTMLButtonElement>('[part=download-button]')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('.status-message')?.textContent).toContain('PDF'), {
      timeout: 8000,
    });
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

/** The finance role may settle and update the payment method too. */
export const FinanceRole: Story = { parameters: billing({ role: 'finance', scenario: 'm365-declined' }) };

/** Dutch. */
export const Dutch: Story = { parameters: billing({ lang: 'nl' }) };

/** Dutch, past due. */
export const DutchPastDue: Story = { parameters: billing({ lang: 'nl', scenario: 'm365-declined' }) };

/** Dark theme. */
export const Dark: Story = { parameters: billing({ theme: 'dark', scenario: 'm365-declined' }) };

/** Dark theme, invoice details. */
export const DarkDetails: Story = {
  ...InvoiceDetails,
  parameters: billing({ theme: 'dark', scenario: 'injixo-classic' }),
};

/** A phone-wide column (360 px): issue and due dates fold into the status, the PDF is in the details. */
export const Narrow: Story = { args: { width: '360px' }, parameters: billing({ scenario: 'm365-declined' }) };

/** Narrow and dark, in Dutch. */
export const NarrowDarkDutch: Story = {
  args: { width: '360px' },
  parameters: billing({ scenario: 'm365-declined', theme: 'dark', lang: 'nl' }),
};

/**
 * Right to left (the provider's `dir="rtl"`): the columns run from the right, amounts keep
 * to the end (left) of their cells, the pager's arrows point the other way, the warning's
 * thick edge is on the right.
 */
export const Rtl: Story = {
  name: 'Right to left',
  parameters: billing({ dir: 'rtl', scenario: 'm365-declined' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};
