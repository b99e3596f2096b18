import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import { BillingClient } from '../src/client/index.js';
import { showPeople } from '../src/internal/show-people.js';
import { flat } from '../test/dom.js';

interface Args {
  month?: string;
  day?: string;
  tab: 'billed' | 'not-billed';
  sort: string;
  search: string;
  width?: string;
}

/** Shadow-DOM aware lookups for play functions. */
/** The table as one tree: its shadow root and its private elements'. */
const inner = (root: HTMLElement) => flat(root.querySelector('billing-users-table')!.shadowRoot!);

const meta: Meta<Args> = {
  title: 'Elements/Users table',
  component: 'billing-users-table',
  args: { tab: 'billed', sort: 'name', search: '' },
  argTypes: {
    tab: { control: 'inline-radio', options: ['billed', 'not-billed'] },
    month: { control: 'text', description: '`YYYY-MM`; empty for the current month' },
    day: { control: 'text', description: '`YYYY-MM-DD`: the billed tab lists the people active that day' },
    width: { control: false, table: { disable: true } },
  },
  render: (args) =>
    html`<div style=${ifDefined(args.width ? `max-width:${args.width}` : undefined)}>
      <billing-users-table
        month=${ifDefined(args.month || undefined)}
        day=${ifDefined(args.day || undefined)}
        tab=${args.tab}
        sort=${args.sort}
        search=${args.search}
      ></billing-users-table>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;
const billing = (b: BillingParameters) => ({ billing: b });
const client = new BillingClient({ baseUrl: '/api/billing' });

/** Waits for the table's rows. */
const rowsShown = (canvasElement: HTMLElement) =>
  waitFor(() => expect(inner(canvasElement).querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), {
    timeout: 8000,
  });

/** Opens the person panel of the first row (a click on its reason), and waits for the verdict. */
const openPerson = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await rowsShown(canvasElement);
  inner(canvasElement).querySelector<HTMLElement>('tbody tr.row td.reason')!.click();
  await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .verdict')).not.toBeNull(), {
    timeout: 8000,
  });
};

/** Opens the deactivate question of the first person with the action, and waits for what it does to the bill. */
const askDeactivate = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await rowsShown(canvasElement);
  const row = [...inner(canvasElement).querySelectorAll('tbody tr.row')].find((r) => r.querySelector('.act button'))!;
  row.querySelector<HTMLButtonElement>('.act button')!.click();
  await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .what-if p')).not.toBeNull(), {
    timeout: 8000,
  });
};

/** Who is billed this month (peak daily users, injixo Advanced), provisional while the month runs. */
export const Billed: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), {
      timeout: 8000,
    });
  },
};

/** Who is not billed, and why, with the date behind each reason. */
export const NotBilled: Story = { args: { tab: 'not-billed' } };

/** A closed month: no "provisional" note. */
export const PastMonth: Story = { args: { month: '2026-03' } };

/** Prepaid licenses (Severa): users hold licenses; deactivating asks what to do with the license. */
export const PrepaidLicenses: Story = { parameters: billing({ scenario: 'severa-prepaid' }) };

/** Full calendar months (Workplace Core): created or ended mid-month, guests, no qualifying activity. */
export const FullMonthPlan: Story = {
  args: { tab: 'not-billed' },
  parameters: billing({ scenario: 'workplace-trial' }),
};

/** Invited users (Workplace Advanced): provisioned people are free until invited. */
export const InvitedUsers: Story = {
  args: { tab: 'not-billed' },
  parameters: billing({ scenario: 'workplace-advanced' }),
};

/** Per created user (injixo Classic): everyone active in the month is billed once. */
export const PerUser: Story = { parameters: billing({ scenario: 'injixo-classic' }) };

/**
 * 10,000 people: only the rows in view are in the DOM. A fast scroll (drag the scroll bar)
 * shows placeholder rows and fetches nothing; where it slows or stops, the rows in view are
 * fetched (one request at a time), and the next ones while the table is idle. The play
 * jumps to the middle and waits for the rows there.
 */
export const LargeTenant: Story = {
  parameters: billing({ scenario: 'generated-10k' }),
  play: async ({ canvasElement }) => {
    const root = () => inner(canvasElement);
    await waitFor(() => expect(root().querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), { timeout: 8000 });
    const scroller = root().querySelector<HTMLElement>('.scroller')!;
    // Half way down, on a row's first line, so every picture starts at the same row.
    const rowHeight = root().querySelector<HTMLElement>('tbody tr[data-index]')!.offsetHeight;
    scroller.scrollTop = Math.round(scroller.scrollHeight / 2 / rowHeight) * rowHeight;
    await waitFor(
      () => {
        const shown = [...root().querySelectorAll<HTMLElement>('tbody tr[data-index]')];
        expect(Number(shown[0]?.dataset['index'])).toBeGreaterThan(1000);
        expect(root().querySelector('tbody tr.placeholder')).toBeNull();
      },
      { timeout: 8000 },
    );
  },
};

/** Searching by name or e-mail. */
export const Search: Story = { args: { search: 'van' } };

/** A search that matches nobody says so. */
export const EmptySearch: Story = { args: { search: 'nobody-matches-this' } };

/** A month nobody was billed in (before the Workplace trial): says so, for that month. */
export const EmptyMonth: Story = {
  args: { month: '2026-09' },
  parameters: billing({ scenario: 'workplace-trial' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inner(canvasElement).querySelector('.state.empty')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Loading: the space is reserved and announced (the request never answers here, and has no deadline). */
export const Loading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'listUsers', kind: 'hang' }] }),
};

/** The server failed: the error says so in words and offers a retry. */
export const ServerError: Story = { parameters: billing({ faults: [{ operation: 'listUsers', kind: 'error-500' }] }) };

/** Offline: the service could not be reached. */
export const Offline: Story = { parameters: billing({ faults: [{ operation: 'listUsers', kind: 'network-error' }] }) };

/** Too many requests (429): the error says it tries again in 30 s, does so once on its own, then offers a retry. */
export const RateLimited: Story = {
  parameters: billing({ faults: [{ operation: 'listUsers', kind: 'rate-limit-429', retryAfter: 30 }] }),
};

/** A request that never answers ends at its deadline (here 2 s; 20 s by default): "taking longer than expected", with a retry. */
export const TakingTooLong: Story = {
  parameters: billing({ deadlines: { read: 2000 }, faults: [{ operation: 'listUsers', kind: 'hang' }] }),
};

/** The caller's permissions (`GET /me`) could not be loaded: an error with a retry, not a guess at the role or the tenant's clock. */
export const SessionFailed: Story = {
  parameters: billing({ faults: [{ operation: 'getMe', kind: 'error-500' }] }),
};

/** Slow network: every answer takes two seconds. */
export const Slow: Story = { parameters: billing({ faults: [{ operation: '*', kind: 'latency', latencyMs: 2000 }] }) };

/** A member (not admin or finance): "ask your administrator", and no billing data. */
export const Forbidden: Story = {
  parameters: billing({ role: 'member' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inner(canvasElement).querySelector('.state.forbidden')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The finance role may act too. */
export const FinanceRole: Story = { parameters: billing({ role: 'finance' }) };

/** Dutch. */
export const Dutch: Story = { parameters: billing({ lang: 'nl' }) };

/** Dark theme. */
export const Dark: Story = { parameters: billing({ theme: 'dark' }) };

/** A phone-wide column (360 px): the toolbar stacks, the tabs wrap and each row is a card. */
export const Narrow: Story = { args: { width: '360px' } };

/**
 * The key flow: deactivate a person after confirming. Under peak daily users the month's
 * billed count does not drop (the peak was already reached); the person is no longer
 * billed from today, and the table says so.
 */
export const DeactivateFlow: Story = {
  play: async ({ canvasElement }) => {
    const root = () => inner(canvasElement);
    // Every row in the DOM filled (those around the view fill a frame after those in view).
    await waitFor(
      () => {
        expect(root().querySelectorAll('tbody tr.row').length).toBeGreaterThan(2);
        expect(root().querySelector('tbody tr.placeholder')).toBeNull();
      },
      { timeout: 8000 },
    );
    // The second person with an action, in view at both widths (found by structure, not by
    // words: the story runs in every language).
    const row = [...root().querySelectorAll<HTMLElement>('tbody tr.row')]
      .filter((r) => r.querySelector('button'))
      .sort((a, b) => Number(a.dataset['index']) - Number(b.dataset['index']))[1]!;
    const name = row.querySelector('td')!.textContent!.trim();
    row.querySelector('button')!.click();
    await waitFor(() => expect(root().querySelector('dialog[open]')).not.toBeNull());
    const confirm = root().querySelector('dialog button.primary')!;
    (confirm as HTMLButtonElement).click();
    await waitFor(
      () => expect(root().querySelector('.status-message')!.textContent).toContain(`${name} is deactivated`),
      {
        timeout: 8000,
      },
    );
  },
};

/**
 * Right to left (the provider's `dir="rtl"`): the columns run from the right, the name
 * first; on a narrow screen the table scrolls sideways from its right edge.
 */
export const Rtl: Story = {
  name: 'Right to left',
  parameters: billing({ dir: 'rtl' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), {
      timeout: 8000,
    });
    const [name, email] = [...inner(canvasElement).querySelectorAll('thead th')].map((th) =>
      th.getBoundingClientRect(),
    );
    await expect(name!.left).toBeGreaterThanOrEqual(email!.right - 1);
  },
};

/**
 * Phone width (360 px), not billed: each row is a card of one height (name and action,
 * e-mail, the reason on up to three lines, role and start, lists); the tab labels wrap
 * rather than being cut; the action is in view without scrolling sideways.
 */
export const PhoneWidth: Story = {
  name: 'Phone width',
  args: { width: '360px', tab: 'not-billed' },
  play: async ({ canvasElement }) => {
    const root = () => inner(canvasElement);
    await waitFor(() => expect(root().querySelectorAll('tbody tr.row').length).toBeGreaterThan(0), { timeout: 8000 });
    const scroller = root().querySelector<HTMLElement>('.scroller')!;
    await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
  },
};

/**
 * A person deactivated after the month's peak day is still billed for the month: the row
 * says so ("Deactivated on …, still billed this month") beside its "Reactivate".
 */
export const DeactivatedStillBilled: Story = {
  name: 'Deactivated, still billed',
  args: { search: 'james.jones' },
  parameters: billing({ scenario: 'injixo-advanced' }),
};

/**
 * A trial month (Workplace Advanced: the trial ran from 5 September 2025, the first billed
 * month is November 2025): the picker starts at the trial's month, and the month says it
 * is not charged.
 */
export const TrialMonth: Story = {
  name: 'Trial month, not charged',
  args: { month: '2025-10' },
  parameters: billing({ scenario: 'workplace-advanced' }),
};

/**
 * A chart point's people (`day`): the billed tab lists the people active on 13 November
 * 2026 ("Active on …"), the other tab the month's other people; each reason stays the
 * month's verdict.
 */
export const ActiveOnADay: Story = {
  name: 'Active on a day',
  args: { month: '2026-11', day: '2026-11-13' },
};

/**
 * Every verdict in full: a click on a row's reason (or Enter on a focused row) opens the
 * person panel: the verdict in a sentence ("Billed: …") and the month's dated facts, each
 * with what it did to the bill.
 */
export const PersonPanel: Story = { name: 'Person: why billed', play: openPerson };

/** A person not billed: the sentence says why not, and the fact that excludes them is marked. */
export const PersonPanelNotBilled: Story = {
  name: 'Person: why not billed',
  args: { tab: 'not-billed' },
  play: openPerson,
};

/** A full-month plan: created mid-month, "only full calendar months are billed", in the person's facts. */
export const PersonPanelFullMonth: Story = {
  name: 'Person: full-month plan',
  args: { tab: 'not-billed' },
  parameters: billing({ scenario: 'workplace-trial' }),
  play: openPerson,
};

/** The person's facts could not be loaded: the panel says so, with a retry. */
export const PersonPanelError: Story = {
  name: 'Person: facts not loaded',
  parameters: billing({ faults: [{ operation: 'getUserTimeline', kind: 'error-500' }] }),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    inner(canvasElement).querySelector<HTMLElement>('tbody tr.row td.reason')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .state.error')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/**
 * Deactivating under peak daily users, after the month's peak day: still billed for this
 * month (active on the peak day), not billed from the next, and what the next bill drops to.
 */
export const DeactivateWhatIfPeak: Story = { name: 'Deactivate: what it does (peak)', play: askDeactivate };

/** Per created user: still billed for this month (active in it), not from the next. */
export const DeactivateWhatIfPerUser: Story = {
  name: 'Deactivate: what it does (per user)',
  parameters: billing({ scenario: 'injixo-classic' }),
  play: askDeactivate,
};

/**
 * Prepaid licenses: the license stays billed until the period ends; choosing to remove it
 * from the next period says what the next period's bill drops to.
 */
export const DeactivateWhatIfPrepaid: Story = {
  name: 'Deactivate: what it does (prepaid)',
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async (context) => {
    await askDeactivate(context);
    const remove = inner(context.canvasElement).querySelectorAll<HTMLInputElement>(
      'dialog[open] input[type=radio]',
    )[1]!;
    remove.click();
    await waitFor(() => expect(remove.checked).toBe(true));
  },
};

/** What deactivating does could not be worked out: said, with a retry; deactivating still works. */
export const DeactivateWhatIfError: Story = {
  name: 'Deactivate: what it does, not loaded',
  parameters: billing({ faults: [{ operation: 'previewDeactivation', kind: 'error-500' }] }),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const row = [...inner(canvasElement).querySelectorAll('tbody tr.row')].find((r) => r.querySelector('.act button'))!;
    row.querySelector<HTMLButtonElement>('.act button')!.click();
    await waitFor(() => expect(inner(canvasElement).querySelector('dialog[open] .state.error')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/**
 * The people behind a figure, as every element opens them (`showPeople`): a dialog headed
 * by the figure, with a users table of that month or day. Here the people active on a day
 * of the chart, opened from the table (any element of the kit does the same).
 */
export const PeopleBehindAFigure: Story = {
  name: 'People behind a figure',
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const daily = await client.getDailyUsage('2026-11');
    const day = daily.days.find((d) => d.date === '2026-11-13')!;
    await showPeople(canvasElement.querySelector('billing-users-table')!, {
      month: '2026-11',
      day: day.date,
      figure: 'day',
      count: day.count,
    });
    await waitFor(() => expect(inner(canvasElement).querySelector('billing-people-dialog')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};

/** The people behind a licenses figure (prepaid): licenses held and free in the period in progress. */
export const PeopleBehindLicenses: Story = {
  name: 'People behind a figure (licenses)',
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const [licenses, me] = await Promise.all([client.getLicenses(), client.getMe()]);
    await showPeople(canvasElement.querySelector('billing-users-table')!, {
      month: me.today!.slice(0, 7),
      figure: 'licenses',
      count: licenses.licenses,
    });
    await waitFor(() => expect(inner(canvasElement).querySelector('billing-people-dialog')).not.toBeNull(), {
      timeout: 8000,
    });
  },
};
