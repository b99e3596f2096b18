import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { World } from '../mocks/engine/types.js';
import { loadScenario } from '../mocks/scenarios/index.js';
import type { BillingParameters } from '../.storybook/billing-parameters.js';
import { BillingClient, type BillingDetailsInput } from '../src/client/index.js';
import { onFirstUse } from '../src/components/contacts-editor/contacts-editor.js';
import { DRAFT_KEYS, draftKey } from '../src/components/contacts-editor/document.js';
import { draftOf } from '../src/components/contacts-editor/draft.js';
import type { Draft } from '../src/components/contacts-editor/model.js';
import { flat } from '../test/dom.js';

interface Args {
  saveDelay: number;
  width?: string;
}

/** Shadow-DOM aware lookups for play functions. */
/** The editor as one tree: its shadow root and its private elements'. */
const inner = (root: HTMLElement) => flat(root.querySelector('billing-contacts-editor')!.shadowRoot!);
const $ = <T extends Element = HTMLElement>(root: HTMLElement, selector: string) =>
  inner(root).querySelector<T>(selector);

const ready = async (root: HTMLElement) => waitFor(() => expect($(root, 'form')).not.toBeNull(), { timeout: 8000 });

const statusText = (root: HTMLElement) => $(root, '[part=save-status] .status-text')?.textContent?.trim() ?? '';

/** Types into a field as a user would: the value changes and an `input` event follows. */
function type(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** The tenant of injixo Advanced before anyone entered billing details. */
function withoutDetails(): World {
  const w = loadScenario('injixo-advanced');
  delete w.billingDetails;
  delete w.subscription.poNumber;
  return w;
}

/** The tenants whose kept drafts the restored-draft stories make (no other story of the editor uses them). */
const RESTORED_TENANTS = ['injixo-classic', 'workplace-advanced'].map((s) => loadScenario(s).tenant.id);

/**
 * An edit a story left unsaved (a failed save, a conflict) is kept in this tab's session
 * storage, as after any edit; the next story must not show it as restored. Only the
 * restored-draft stories keep theirs (they make it anew, for their own tenants).
 */
const forgetDrafts = (): Record<string, never> => {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith(DRAFT_KEYS) && !RESTORED_TENANTS.some((t) => key.startsWith(`${DRAFT_KEYS}${t}@`))) {
      sessionStorage.removeItem(key);
    }
  }
  return {};
};

/**
 * Keeps a draft as the editor does when the page is left before it was saved: `edit`
 * changes the details as the server has them; `etag` is the version the draft was made
 * from (default: the server's current one).
 */
function keptDraft(edit: (draft: Draft) => Draft, etag?: string): () => Promise<Record<string, never>> {
  return async () => {
    const me = (await (await fetch('/api/billing/me')).json()) as { tenantId: string };
    const answer = await fetch('/api/billing/billing-details');
    if (!answer.ok) return {}; // a role that may not see the details (the toolbar's): nothing to keep
    const draft = edit(draftOf(await answer.json()));
    sessionStorage.setItem(
      draftKey('/api/billing', me.tenantId),
      JSON.stringify({ etag: etag ?? answer.headers.get('ETag'), draft }),
    );
    return {};
  };
}

/**
 * Keeps a draft as the editor does when the page is left before it was saved (`mine`
 * changes the details as the server has them, which it keeps as the draft's base), then
 * someone else saves `theirs` over that version: the draft is restored over a newer one.
 */
function keptDraftOver(
  mine: (draft: Draft) => Draft,
  theirs: (d: BillingDetailsInput) => BillingDetailsInput,
): () => Promise<Record<string, never>> {
  return async () => {
    const client = new BillingClient({ baseUrl: '/api/billing' });
    const me = await client.getMe();
    if (!me.canWrite) return {}; // a role that may not change the details (the toolbar's): nothing to keep
    const { details: d, etag } = await client.getBillingDetails();
    const base = draftOf(d);
    const input: BillingDetailsInput = {
      recipients: d.recipients,
      address: d.address,
      eInvoicing: d.eInvoicing,
      ...(d.contact ? { contact: d.contact } : {}),
      ...(d.poNumber ? { poNumber: d.poNumber } : {}),
    };
    await client.putBillingDetails(theirs(input), etag);
    sessionStorage.setItem(draftKey('/api/billing', me.tenantId), JSON.stringify({ etag, draft: mine(base), base }));
    return {};
  };
}

const meta: Meta<Args> = {
  title: 'Elements/Contacts editor',
  component: 'billing-contacts-editor',
  loaders: [forgetDrafts],
  args: { saveDelay: 800 },
  argTypes: {
    saveDelay: { control: { type: 'number', min: 0, step: 100 }, description: 'Milliseconds before an edit is saved' },
    width: { control: false, table: { disable: true } },
  },
  render: (args) =>
    html`<div style=${ifDefined(args.width ? `max-width:${args.width}` : undefined)}>
      <billing-contacts-editor save-delay=${args.saveDelay}></billing-contacts-editor>
    </div>`,
};
export default meta;

type Story = StoryObj<Args>;
const billing = (b: BillingParameters) => ({ billing: b });

/** Two recipients, a contact person of the organisation, the address and a PO number (injixo Advanced). */
export const Details: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await expect(inner(canvasElement).querySelectorAll('.recipient input').length).toBe(2);
  },
};

/** One recipient (Workplace trial): the editor recommends a second; the contact is a typed e-mail address. */
export const OneRecipient: Story = {
  parameters: billing({ scenario: 'workplace-trial' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '[part=recommendation]')).not.toBeNull(), { timeout: 8000 });
  },
};

/** E-invoicing on (Severa, Finland): the e-invoice address and operator code are required. */
export const EInvoicing: Story = {
  parameters: billing({ scenario: 'severa-prepaid' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '#operator-code')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Nothing saved yet: the editor says what to fill in, starting with one empty recipient row. */
export const Empty: Story = {
  parameters: billing({ world: withoutDetails() }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '.state.empty')).not.toBeNull(), { timeout: 8000 });
  },
};

/** Loading: the space is reserved and announced (the request never answers here, and has no deadline). */
export const Loading: Story = {
  parameters: billing({ deadlines: { read: 0 }, faults: [{ operation: 'getBillingDetails', kind: 'hang' }] }),
};

/** The server failed to load the details: the error says so in words and offers a retry. */
export const ServerError: Story = {
  parameters: billing({ faults: [{ operation: 'getBillingDetails', kind: 'error-500' }] }),
};

/** Offline: the service could not be reached. */
export const Offline: Story = {
  parameters: billing({ faults: [{ operation: 'getBillingDetails', kind: 'network-error' }] }),
};

/** Too many requests (429): the error says it tries again in 30 s, does so once on its own, then offers a retry. */
export const RateLimited: Story = {
  parameters: billing({ faults: [{ operation: 'getBillingDetails', kind: 'rate-limit-429', retryAfter: 30 }] }),
};

/** A request that never answers ends at its deadline (here 2 s; 20 s by default): "taking longer than expected", with a retry. */
export const TakingTooLong: Story = {
  parameters: billing({ deadlines: { read: 2000 }, faults: [{ operation: 'getBillingDetails', kind: 'hang' }] }),
};

/** The caller's permissions (`GET /me`) could not be loaded: an error with a retry, not a guess at the role or the tenant's clock. */
export const SessionFailed: Story = {
  parameters: billing({ faults: [{ operation: 'getMe', kind: 'error-500' }] }),
};

/** A member (not admin or finance): "ask your administrator", and no billing data. */
export const Forbidden: Story = {
  parameters: billing({ role: 'member' }),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '.state.forbidden')).not.toBeNull(), { timeout: 8000 });
  },
};

/** The finance role may edit too. */
export const FinanceRole: Story = { parameters: billing({ role: 'finance' }) };

/** Dutch. */
export const Dutch: Story = { parameters: billing({ lang: 'nl' }) };

/** Dark theme. */
export const Dark: Story = { parameters: billing({ theme: 'dark' }) };

/** Dutch in the dark, with e-invoicing. */
export const DutchDark: Story = { parameters: billing({ lang: 'nl', theme: 'dark', scenario: 'severa-prepaid' }) };

/** A phone-wide column (360 px): one column, remove buttons show only their icon. */
export const Narrow: Story = { args: { width: '360px' } };

/** Auto-save: an edit is saved 800 ms after the last keystroke, and the status says "Saved". */
export const AutoSave: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    type($<HTMLInputElement>(canvasElement, '#po-number')!, 'PO-2027-001');
    await waitFor(() => expect(statusText(canvasElement)).toBe('Saved'), { timeout: 8000 });
  },
};

/** The client checks each recipient as it is left: an invalid address and a duplicate (ignoring case). */
export const RecipientErrors: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const first = $<HTMLInputElement>(canvasElement, '.recipient input')!.value;
    const add = () => $<HTMLButtonElement>(canvasElement, '[part=add-button]')!.click();
    add();
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('.recipient input').length).toBe(3));
    type([...inner(canvasElement).querySelectorAll<HTMLInputElement>('.recipient input')][2]!, 'finance@@example');
    add();
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('.recipient input').length).toBe(4));
    type([...inner(canvasElement).querySelectorAll<HTMLInputElement>('.recipient input')][3]!, first.toUpperCase());
    $<HTMLInputElement>(canvasElement, '#po-number')!.focus();
    await waitFor(() => expect(inner(canvasElement).querySelectorAll('[part=field-error]').length).toBe(2), {
      timeout: 8000,
    });
  },
};

/** The server refuses a required address field left empty: its reason shows next to the field, and the edit stays. */
export const ServerFieldErrors: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    type($<HTMLInputElement>(canvasElement, '#city')!, '');
    $<HTMLInputElement>(canvasElement, '#po-number')!.focus();
    await waitFor(() => expect($(canvasElement, '#city')?.getAttribute('aria-invalid')).toBe('true'), {
      timeout: 8000,
    });
  },
};

/**
 * E-invoicing just turned on: its address and operator code show, required, with no error
 * and nothing saved yet ("Unsaved changes"); the switch is saved with them once both are filled.
 */
export const EInvoicingTurnedOn: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    $<HTMLButtonElement>(canvasElement, '#einvoice-enabled')!.click();
    await waitFor(() => expect($(canvasElement, '#operator-code')).not.toBeNull(), { timeout: 8000 });
    await expect($(canvasElement, '#operator-code')!.getAttribute('aria-invalid')).toBe('false');
  },
};

/** E-invoicing on, and the section left with its fields empty: each says it is required. */
export const EInvoicingIncomplete: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    $<HTMLButtonElement>(canvasElement, '#einvoice-enabled')!.click();
    await waitFor(() => expect($(canvasElement, '#einvoice-address')).not.toBeNull(), { timeout: 8000 });
    $<HTMLInputElement>(canvasElement, '#einvoice-address')!.focus();
    $<HTMLInputElement>(canvasElement, '#po-number')!.focus();
    await waitFor(() => expect($(canvasElement, '#operator-code')?.getAttribute('aria-invalid')).toBe('true'), {
      timeout: 8000,
    });
  },
};

/** A save fails (server error): the edit stays, the status says so, and Retry sends it again. */
export const SaveFailed: Story = {
  parameters: billing({ faults: [{ operation: 'putBillingDetails', kind: 'error-500' }] }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    type($<HTMLInputElement>(canvasElement, '#city')!, 'Amersfoort');
    await waitFor(() => expect($(canvasElement, '[part=retry-button]')).not.toBeNull(), { timeout: 8000 });
  },
};

/**
 * Someone else saved while you edited, and both of you changed the PO number: only it is
 * compared, keep yours or take theirs; their other change (the city) is in the form already.
 */
export const Conflict: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    // Another admin saves a different city and PO number.
    const r = await fetch('/api/billing/billing-details');
    const etag = r.headers.get('ETag') ?? '';
    const d = await r.json();
    await fetch('/api/billing/billing-details', {
      method: 'PUT',
      headers: { 'If-Match': etag, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        recipients: d.recipients,
        contact: d.contact,
        address: { ...d.address, city: 'Amersfoort' },
        eInvoicing: d.eInvoicing,
        poNumber: 'THEIRS-42',
      }),
    });
    type($<HTMLInputElement>(canvasElement, '#po-number')!, 'MINE-7');
    $<HTMLInputElement>(canvasElement, '#line2')!.focus();
    await waitFor(() => expect($(canvasElement, '[part=conflict]')).not.toBeNull(), { timeout: 8000 });
  },
};

/**
 * Someone else saved while you edited, but changed another field (the city) than you (the
 * PO number): both are kept and saved at once, no comparison; the status says their change
 * to the city was kept.
 */
export const ConflictMerged: Story = {
  name: 'Conflict merged',
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    // Another admin saves a different city.
    const r = await fetch('/api/billing/billing-details');
    const etag = r.headers.get('ETag') ?? '';
    const d = await r.json();
    await fetch('/api/billing/billing-details', {
      method: 'PUT',
      headers: { 'If-Match': etag, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        recipients: d.recipients,
        contact: d.contact,
        address: { ...d.address, city: 'Amersfoort' },
        eInvoicing: d.eInvoicing,
        ...(d.poNumber ? { poNumber: d.poNumber } : {}),
      }),
    });
    type($<HTMLInputElement>(canvasElement, '#po-number')!, 'MINE-8');
    $<HTMLInputElement>(canvasElement, '#line2')!.focus();
    await waitFor(() => expect($<HTMLInputElement>(canvasElement, '#city')!.value).toBe('Amersfoort'), {
      timeout: 8000,
    });
    await waitFor(() => expect($(canvasElement, '[part=save-status]')!.dataset['status']).toBe('saved'), {
      timeout: 8000,
    });
    await expect($(canvasElement, '[part=conflict]')).toBeNull();
  },
};

/** Picking the billing contact from the organisation's people (a combobox, keyboard operable). */
export const ContactPicker: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const combo = $<HTMLInputElement>(canvasElement, '#contact')!;
    type(combo, 'an');
    await waitFor(() => expect(combo.getAttribute('aria-expanded')).toBe('true'), { timeout: 8000 });
    combo.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await waitFor(() => expect(combo.getAttribute('aria-activedescendant')).toBeTruthy());
  },
};

/**
 * The connection dropped after the page loaded: the editing part (checks, auto-save, loaded
 * on the first focus in the form) cannot be loaded. The edit stays in the field, the status
 * says so, and Retry loads the part again and saves.
 */
export const PartUnavailable: Story = {
  beforeEach: () => {
    const load = onFirstUse.editing;
    onFirstUse.editing = () => Promise.reject<never>(new TypeError('Failed to fetch dynamically imported module'));
    return () => {
      onFirstUse.editing = load;
    };
  },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    type($<HTMLInputElement>(canvasElement, '#po-number')!, 'PO-2027-002');
    await waitFor(() => expect($(canvasElement, '[part=retry-button]')).not.toBeNull(), { timeout: 8000 });
  },
};

/**
 * After a reload: the edit made before it (not saved yet) is restored, with a notice that
 * says so, "Save changes" and "Discard" (back to the saved details). It waits for the user:
 * nothing is sent until they save it or go on editing.
 */
export const RestoredDraft: Story = {
  parameters: billing({ scenario: 'injixo-classic' }),
  loaders: [
    keptDraft((d) => ({
      ...d,
      recipients: [...d.recipients, { key: 0, value: 'buchhaltung@kestrel-travel.example' }],
      'po-number': 'PO-2027-113',
    })),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '[part=restored]')).not.toBeNull(), { timeout: 8000 });
    await expect($<HTMLInputElement>(canvasElement, '#po-number')!.value).toBe('PO-2027-113');
  },
};

/**
 * After a reload, when someone else saved other details since the draft was made, for a
 * draft kept without the version it was made from (by an older release): every field that
 * differs from their version is compared before anything is saved.
 */
export const RestoredDraftConflict: Story = {
  parameters: billing({ scenario: 'workplace-advanced' }),
  loaders: [keptDraft((d) => ({ ...d, city: 'Leeds', 'po-number': 'PO-UK-77' }), '"v1"')],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '[part=conflict]')).not.toBeNull(), { timeout: 8000 });
  },
};

/**
 * After a reload, when someone else changed another field since the draft was made: their
 * change is taken into the restored draft without asking (the notice names the field), the
 * user's stays, and nothing is sent until they save.
 */
export const RestoredDraftMerged: Story = {
  parameters: billing({ scenario: 'injixo-classic' }),
  loaders: [
    keptDraftOver(
      (d) => ({ ...d, 'po-number': 'PO-2027-114' }),
      (d) => ({ ...d, address: { ...d.address, line2: '3. Etage' } }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '[part=restored] .merged')).not.toBeNull(), { timeout: 8000 });
    await expect($<HTMLInputElement>(canvasElement, '#line2')!.value).toBe('3. Etage');
    await expect($<HTMLInputElement>(canvasElement, '#po-number')!.value).toBe('PO-2027-114');
    await expect($(canvasElement, '[part=conflict]')).toBeNull();
  },
};

/**
 * After a reload, when someone else changed the same field as the draft and another one:
 * their other change is taken, and only the field both changed is compared.
 */
export const RestoredDraftMergedConflict: Story = {
  parameters: billing({ scenario: 'workplace-advanced' }),
  loaders: [
    keptDraftOver(
      (d) => ({ ...d, city: 'Leeds', 'po-number': 'PO-UK-78' }),
      (d) => ({ ...d, address: { ...d.address, city: 'York', line2: 'Floor 2' } }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect($(canvasElement, '[part=conflict]')).not.toBeNull(), { timeout: 8000 });
    await expect($(canvasElement, '[part=conflict]')!.querySelectorAll('tbody tr').length).toBe(1);
    await expect($<HTMLInputElement>(canvasElement, '#line2')!.value).toBe('Floor 2');
  },
};

/**
 * The role was taken away while editing (the save is refused with a 403): the edit stays on
 * screen, read-only, and the status says saving needs an administrator; signing in again
 * (the provider's `reload()`) saves it.
 */
export const RoleLostWhileEditing: Story = {
  args: { saveDelay: 300 },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await fetch('/api/billing/__mock/session', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'member' }),
    });
    type($<HTMLInputElement>(canvasElement, '#po-number')!, 'PO-2027-009');
    await waitFor(() => expect(statusText(canvasElement)).toContain('saving needs'), { timeout: 8000 });
  },
};

/** Right to left (the provider's `dir="rtl"`): sections, legends and labels from the right; e-mail addresses still read from their start. */
export const Rtl: Story = {
  name: 'Right to left',
  parameters: billing({ dir: 'rtl' }),
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};
