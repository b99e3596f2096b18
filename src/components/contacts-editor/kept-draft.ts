/**
 * Reading back the unsaved draft <billing-contacts-editor> kept in the tab's
 * `sessionStorage` (the element writes it at once, with keeping.ts, as `{ etag, draft, base }`
 * under a key per tenant and API, while the draft differs from what the server confirmed),
 * so a reload (before the auto-save fired, while a save was on its way, after one failed)
 * does not lose it. Loaded on demand (a chunk of its own), when a kept draft is found.
 *
 * What is read back is checked and cut to the contract's limits: a record that does not
 * have the shape of a draft is removed, as is one too long to be one. Its base (the
 * version the draft was made from) is checked and cut the same way; a record without one
 * (kept by an older release), or with one that is not a draft, is restored without it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingDetails } from '../../client/client.js';
import {
  addressLimits,
  billingContactLimits,
  billingDetailsInputLimits,
  eInvoicingLimits,
} from '../../client/limits.js';
import { tabKeep, tabRead } from '../../internal/tab-storage.js';
import type { DetailsDocument } from './document.js';
import { draftOf, MAX_RECIPIENTS, row } from './draft.js';
import { MAX_KEPT } from './keeping.js';
import type { MessageKey } from '../../i18n/index.js';
import { keyOf, type Draft, type DraftContact, type TextField } from './model.js';

/**
 * A kept draft: the version it was made from (its ETag), the draft, and that version as a
 * draft (`base`), with which a reload merges the draft with a newer version three ways
 * (none: not known, every difference is the user's choice).
 */
export interface KeptDraft {
  etag: string;
  draft: Draft;
  base?: Draft | undefined;
}

const TEXT: Record<TextField, number> = {
  line1: addressLimits.line1.maxLength,
  line2: addressLimits.line2.maxLength,
  postalCode: addressLimits.postalCode.maxLength,
  city: addressLimits.city.maxLength,
  country: addressLimits.country.maxLength,
  'einvoice-address': eInvoicingLimits.address.maxLength,
  'operator-code': eInvoicingLimits.operatorCode.maxLength,
  'po-number': billingDetailsInputLimits.poNumber.maxLength,
};

const EMAIL = billingContactLimits.email.maxLength;

/** A string cut to `max`, or `undefined` when it is not one. */
function text(value: unknown, max: number): string | undefined {
  return typeof value === 'string' ? value.slice(0, max) : undefined;
}

function contactOf(value: unknown): DraftContact | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Record<string, unknown>;
  const contact: DraftContact = {};
  const personId = text(c['personId'], billingContactLimits.personId.maxLength);
  const email = text(c['email'], EMAIL);
  const name = text(c['name'], billingContactLimits.name.maxLength);
  if (personId) contact.personId = personId;
  if (email !== undefined) contact.email = email;
  if (name !== undefined) contact.name = name;
  return contact.personId || contact.email ? contact : undefined;
}

/** A draft read back, or `undefined` when the record is not one. */
function parsed(value: unknown): Draft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const o = value as Record<string, unknown>;
  const recipients = o['recipients'];
  const contactText = text(o['contactText'], EMAIL);
  const enabled = o['einvoice-enabled'];
  if (!Array.isArray(recipients) || contactText === undefined || typeof enabled !== 'boolean') return undefined;
  // Rows as the element keeps them (`{ key, value }`: the keys are the old page's, new ones are made), or plain addresses.
  const rows = recipients
    .slice(0, MAX_RECIPIENTS)
    .map((r: unknown) => text(r && typeof r === 'object' ? (r as { value?: unknown }).value : r, EMAIL));
  if (rows.some((r) => r === undefined)) return undefined;
  const draft = {
    recipients: rows.length > 0 ? rows.map((r) => row(r)) : [row()],
    contact: contactOf(o['contact']),
    contactText,
    'einvoice-enabled': enabled,
  } as Draft;
  for (const [field, max] of Object.entries(TEXT)) {
    const v = text(o[field], max);
    if (v === undefined) return undefined;
    draft[field as TextField] = v;
  }
  return draft;
}

/** The draft kept under `key`, if there is a valid one (an invalid record is removed). */
export function read(key: string): KeptDraft | undefined {
  try {
    const raw = tabRead(key);
    if (!raw) return undefined;
    const record = raw.length <= MAX_KEPT ? (JSON.parse(raw) as Record<string, unknown> | null) : undefined;
    const etag = text(record?.['etag'], 200);
    const draft = parsed(record?.['draft']);
    if (etag !== undefined && draft) return { etag, draft, base: parsed(record?.['base']) };
  } catch {
    // Unreadable: dropped below.
  }
  drop(key);
  return undefined;
}

/**
 * Puts the draft kept under `key` into `doc`, which shows the server's `details` (version
 * `etag`), unless it is what the server has (then it is dropped); returns it when it was
 * restored. It keeps its own version tag: saved with it, a newer version on the server is
 * a conflict, never overwritten.
 */
export function restore(key: string, doc: DetailsDocument, details: BillingDetails): KeptDraft | undefined {
  const record = read(key);
  if (record && unchanged(record.draft, details)) drop(key);
  else if (record) {
    doc.draft = record.draft;
    doc.etag = record.etag;
    doc.edited = true;
    return record;
  }
  return undefined;
}

/** Removes the draft kept under `key`. */
export function drop(key: string): void {
  tabKeep(key);
}

/** True when `draft` would send what `server` holds (nothing to restore). */
export function unchanged(draft: Draft, server: BillingDetails): boolean {
  return keyOf(draft) === keyOf(draftOf(server));
}

/** What the notice of restored changes needs of the editor. */
export interface RestoredView {
  t(key: MessageKey): string;
  /** The changes may be saved from the notice now. */
  readonly canSave: boolean;
  /** What of a version someone else saved meanwhile was taken into the changes, in words (none: nothing). */
  readonly merged: string;
  save(): void;
  discard(): void;
}

/**
 * After a reload: the changes kept from before it, not saved yet, to save or discard. Drawn
 * in the editor's shadow root, like its advice to add a recipient (`.recommendation`).
 */
export function restoredNotice(v: RestoredView): TemplateResult {
  return html`<style>
      .restored > div {
        display: grid;
        gap: 4px;
        min-width: 0;
      }
      .restored h3 {
        float: none;
      }
      .restored .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        margin-top: 4px;
      }
    </style>
    <div class="recommendation restored" part="restored">
      <span class="rec-icon" aria-hidden="true">!</span>
      <div>
        <h3>${v.t('contacts.restored.title')}</h3>
        <p>${v.t('contacts.restored.body')}</p>
        ${v.merged ? html`<p class="merged">${v.merged}</p>` : nothing}
        <div class="actions">
          ${
            v.canSave
              ? html`<button type="button" class="primary" part="save-button" @click=${v.save}>
                  ${v.t('contacts.restored.save')}
                </button>`
              : nothing
          }
          <button type="button" part="discard-button" @click=${v.discard}>${v.t('contacts.restored.discard')}</button>
        </div>
      </div>
    </div>`;
}
