import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import type { DailyUsage } from '../src/client/client.js';
import type { BillingUserCountChart } from '../src/components/user-count-chart/user-count-chart.js';

interface Args {
  view: 'month' | 'year';
  month?: string;
  year?: number;
  showTable: boolean;
  width?: string;
  data?: DailyUsage;
}

const chartOf = (root: HTMLElement) => root.querySelector<BillingUserCountChart>('billing-user-count-chart')!;
const inner = (root: HTMLElement) => chartOf(root).shadowRoot!;

/** Waits until the chart is drawn (chart.js loads on first use). */
const drawn = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await waitFor(() => expect(chartOf(canvasElement).chart).toBeDefined(), { timeout: 8000 });
};

/** Ten years of daily counts, as a host (or the benchmark) would pass them in `data`. */
function tenYears(): DailyUsage {
  const start = Date.UTC(2017, 0, 1);
  let count = 38;
  const days = Array.from({ length: 3650 }, (_, i) => {
    // A slow growth with weekly and seasonal swings: deterministic, no Math.random.
    count = Math.round(38 + i / 150 + 4 * Math.sin(i / 58) + ((i * 7) % 5));
    return { date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), count };
  });
  const peak = days.reduce((a, d) => (d.count > a.count ? d : a));
  return { month: '2017-01', days, peak: { count: peak.count, on: peak.date }, includedUsers: 50, provisional: false };
}

const meta: Meta<Args> = {
  title: 'Elements/User count chart',
  component: 'billing-user-count-chart',
  args: { view: 'month', showTable: false },
  argTypes: {
    view: { control: 'inline-radio', options: ['month', 'year'] },
    month: { control: 'text', description: '`YYYY-MM`; empty for the current month' },
    year: { control: 'number', description: 'empty for the year of the month shown' },
    showTable: { control: 'boolean' },
    width: { control: false, table: { disable: true } },
    data: { control: false },
  },
  render: (args) =>
    html`<div style=${ifDefined(args.width ? `max-width:${args.width}` : undefined)}>
      <billing-user-count-chart
        view=${args.view}
        month=${ifDefined(args.month || undefined)}
        year=${ifDefined(args.year || undefined)}
        ?show-table=${args.showTable}
        .data=${args.data}
      ></billing-user-count-chart>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;
const billing = (b: BillingParameters) => ({ billing: b });

/** This month's daily users (injixo Advanced, peak daily users): the peak, the 50 included users, the extra users above them. Provisional while the month runs. */
export const Month: Story = { play: drawn };

/**
 * The readout: point at the chart, or focus it (Tab) and use the arrow keys, Home and End;
 * the figures of the day (or month) show beside it and are announced.
 */
export const Readout: Story = {
  play: async (context) => {
    await drawn(context);
    const root = inner(context.canvasElement);
    const canvas = root.querySelector('canvas')!;
    canvas.focus();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await waitFor(() => expect(root.querySelector('[part=readout]')?.textContent).toContain('Users: '));
  },
};

/** The people active on a day (issue 15): Enter on the readout's day (or a click on its point) opens them in a dialog. */
export const PeopleOfADay: Story = {
  play: async (context) => {
    await drawn(context);
    const root = inner(context.canvasElement);
    const canvas = root.querySelector('canvas')!;
    canvas.focus();
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await waitFor(() => expect(root.querySelector('[part=readout]')?.textContent).toContain('Users: '));
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() => expect(root.querySelector('billing-people-dialog')).not.toBeNull(), { timeout: 8000 });
  },
};

/** The billed users of a month (issue 15): in the table, each month's count is a button that opens them. */
export const PeopleOfAMonth: Story = {
  args: { view: 'year', showTable: true },
  play: async ({ canvasElement }) => {
    const root = inner(canvasElement);
    await waitFor(() => expect(root.querySelector('td button[part~=people-button]')).not.toBeNull(), {
      timeout: 8000,
    });
    root.querySelector<HTMLButtonElement>('td button[part~=people-button]')!.click();
    await waitFor(() => expect(root.querySelector('billing-people-dialog')).not.toBeNull(), { timeout: 8000 });
  },
};

/** A closed month: every day, no "provisional" note. */
export const PastMonth: Story = { args: { month: '2026-10' }, play: drawn };

/** The year: billed users per month, with the included users; the open month is marked provisional. */
export const Year: Story = { args: { view: 'year' }, play: drawn };

/** The table alternative: the same figures, for screen readers and for reading exact values. */
export const Table: Story = { args: { showTable: true } };

/** The year as a table, with the extra users and notes (provisional, not charged). */
export const YearTable: Story = { args: { view: 'year', year: 2025, showTable: true } };

/** Full calendar months (Workplace Core, in its trial): billable users next to monthly active users, and why the invoice is lower. */
export const FullMonthPlan: Story = { parameters: billing({ scenario: 'workplace-trial' }), play: drawn };

/** Full calendar months over the year: both series. */
export const FullMonthPlanYear: Story = {
  args: { view: 'year' },
  parameters: billing({ scenario: 'workplace-trial' }),
  play: drawn,
};

/** Per created user (injixo Classic): everyone active in the month is billed once. */
export const PerUser: Story = { parameters: billing({ scenario: 'injixo-classic' }) };

/** Invited users (Workplace Advanced): billed users are fewer than the daily counts. */
export const InvitedUsers: Story = { parameters: billing({ scenario: 'workplace-advanced' }) };

/** Prepaid licenses (Severa): licenses in use next to the daily counts. */
export const PrepaidLicenses: Story = { parameters: billing({ scenario: 'severa-prepaid' }) };

/** Figures given by the host in `data` (no request): ten years, 3,650 days. */
export const HostData: Story = { args: { data: tenYears() }, play: drawn };

/** A month nobody was active in (before the Workplace trial): says why, and what to do. */
export const EmptyMonth: Story = {
  args: { month: '2026-09' },
  parameters: billing({ scenario: 'workplace-trial' }),
};

/** A year without users. */
export const EmptyYear: Story = {
  args: { view: 'year', year: 2025 },
  parameters: billing({ scenario: 'workplace-trial' }),
};

/** Loading: the chart's space is reserved and announced (the request never answers here, and has no deadline). */
export const Loading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'getDailyUsage', kind: 'hang' }] }),
};

/** The server failed: the error says so in words and offers a retry. */
export const ServerError: Story = {
  parameters: billing({ faults: [{ operation: 'getDailyUsage', kind: 'error-500' }] }),
};

/** Offline: the service could not be reached. */
export const Offline: Story = {
  parameters: billing({ faults: [{ operation: 'getDailyUsage', kind: 'network-error' }] }),
};

/** Too many requests (429): the error says it tries again in 30 s, does so once on its own, then offers a retry. */
export const RateLimited: Story = {
  parameters: billing({ faults: [{ operation: 'getDailyUsage', kind: 'rate-limit-429', retryAfter: 30 }] }),
};

/** A request that never answers ends at its deadline (here 2 s; 20 s by default): "taking longer than expected", with a retry. */
export const TakingTooLong: Story = {
  parameters: billing({ deadlines: { read: 2000 }, faults: [{ operation: 'getDailyUsage', kind: 'hang' }] }),
};

/** The caller's permissions (`GET /me`) could not be loaded: an error with a retry, not a guess at the role or the tenant's clock. */
export const SessionFailed: Story = {
  parameters: billing({ faults: [{ operation: 'getMe', kind: 'error-500' }] }),
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

/** Dutch. */
export const Dutch: Story = { parameters: billing({ lang: 'nl' }), play: drawn };

/** Dutch, the year as a table. */
export const DutchYearTable: Story = {
  args: { view: 'year', showTable: true },
  parameters: billing({ lang: 'nl' }),
};

/** Dark theme: the chart reads its colours from the tokens. */
export const Dark: Story = { parameters: billing({ theme: 'dark' }), play: drawn };

/** Dark theme, full-month year. */
export const DarkFullMonthYear: Story = {
  args: { view: 'year' },
  parameters: billing({ theme: 'dark', scenario: 'workplace-trial' }),
  play: drawn,
};

/** A phone-wide column (360 px): the toolbar stacks, the chart follows the width. */
export const Narrow: Story = { args: { width: '360px' }, play: drawn };

/** Right to left (the provider's `dir="rtl"`): time runs from right to left, the counts' axis on the right. */
export const Rtl: Story = {
  name: 'Right to left',
  parameters: billing({ dir: 'rtl' }),
  play: async (context) => {
    await drawn(context);
    await expect(chartOf(context.canvasElement).chart!.scales['x']!.options.reverse).toBe(true);
  },
};

/**
 * Prepaid licenses (Severa), this month: the current period's 40 licenses drawn as a dashed
 * line over the daily counts, with its legend entry and figure. (The API gives the current
 * period's count only: earlier months have no line.)
 */
export const PrepaidLicensesLine: Story = {
  name: 'Prepaid licenses line',
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async (context) => {
    await drawn(context);
    await waitFor(() =>
      expect(chartOf(context.canvasElement).chart!.data.datasets.map((d) => d.label)).toContain(
        'Licenses (current period)',
      ),
    );
  },
};

/** Prepaid licenses over the year: the licenses as a step over the months of the current period. */
export const PrepaidLicensesYear: Story = {
  name: 'Prepaid licenses line, year',
  args: { view: 'year' },
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: drawn,
};

/** Prepaid licenses as a table: the licenses are a column of their own. */
export const PrepaidLicensesTable: Story = {
  name: 'Prepaid licenses line, table',
  args: { showTable: true },
  parameters: billing({ scenario: 'severa-prepaid' }),
};

/** Prepaid licenses in Dutch. */
export const PrepaidLicensesDutch: Story = {
  name: 'Prepaid licenses line, Dutch',
  parameters: billing({ scenario: 'severa-prepaid', lang: 'nl' }),
  play: drawn,
};

/** 100,000 people (generated): the count axis starts at 0 and its ticks stay round (0, 20,000, …). */
export const HundredThousandPeople: Story = {
  name: '100,000 people',
  parameters: billing({ scenario: 'generated-100k' }),
  play: async (context) => {
    await drawn(context);
    await expect(chartOf(context.canvasElement).chart!.scales['y']!.min).toBe(0);
  },
};

/** 100,000 people over the year. */
export const HundredThousandPeopleYear: Story = {
  name: '100,000 people, year',
  args: { view: 'year' },
  parameters: billing({ scenario: 'generated-100k' }),
  play: drawn,
};

/**
 * The year the subscription started, for a tenant without a trial (injixo Advanced, billed
 * from November 2025): the months before are "Not charged (before the subscription)", and
 * the year picker offers 2025 and 2026 only.
 */
export const BeforeTheSubscription: Story = {
  name: 'Before the subscription',
  args: { view: 'year', year: 2025 },
  play: drawn,
};

/** A trial's months (Workplace Core): "Not charged (trial)", and only the trial's year in the picker. */
export const TrialMonths: Story = {
  name: 'Trial months',
  args: { view: 'year', showTable: true },
  parameters: billing({ scenario: 'workplace-trial' }),
};
