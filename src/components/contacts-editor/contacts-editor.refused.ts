/**
 * What <billing-contacts-editor> shows after the server refused a save, loaded then (a
 * chunk of its own): the server's reasons by field (a `422`), and the review of the
 * version someone else saved first (a `412`), with the choice of which one to keep.
 */
import { html, type TemplateResult } from 'lit';
import type { BillingApiError } from '../../client/errors.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import { countryName } from './contacts-editor.draft.js';
import type { Draft, DraftContact, FieldId } from './contacts-editor.model.js';

/** English messages of this part; the element adds them to its own when the part loads. */
export const en = {
  'contacts.status.invalid': 'Not saved: the billing service refused some fields. Correct the marked fields.',
  'contacts.status.conflict': 'Not saved: someone else changed these details. Choose which version to keep.',
  'contacts.status.replaced': 'Showing the version someone else saved.',
  'contacts.error.contact.unknown': 'Pick the billing contact from the people of your organisation.',
  'contacts.error.required': 'Fill in this field.',
  'contacts.error.country': 'Choose a country.',
  'contacts.error.too-long': 'This is too long. Shorten it.',
  'contacts.error.invalid': 'This value is not valid.',
  'contacts.conflict.title': 'Someone else changed these details',
  'contacts.conflict.body':
    'While you were editing, someone saved other billing details. Nothing was overwritten. Compare the fields that differ and choose which version to keep.',
  'contacts.conflict.caption': 'Fields that differ',
  'contacts.conflict.field': 'Field',
  'contacts.conflict.mine': 'Your version',
  'contacts.conflict.theirs': 'Their version',
  'contacts.conflict.keep-mine': 'Keep mine',
  'contacts.conflict.use-theirs': 'Use theirs',
  'contacts.on': 'On',
  'contacts.off': 'Off',
  'contacts.none': '(empty)',
} as const;

/**
 * What this part uses of the element. (It imports nothing of the element's modules, so
 * that they stay in the element's own chunk.)
 */
export interface RefusedHost {
  readonly locale: string;
  /** True when the element speaks English: the server's reasons are shown in its own words. */
  readonly english: boolean;
  t: (key: MessageKey, params?: MessageParams) => string;
  keepMine: () => void;
  useTheirs: () => void;
}

/** The server's reasons, per control. */
export type ServerErrors = Partial<Record<FieldId | 'general', string>>;

const PATHS: Record<string, FieldId> = {
  contact: 'contact',
  address: 'line1',
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.postalCode': 'postalCode',
  'address.city': 'city',
  'address.country': 'country',
  eInvoicing: 'einvoice-enabled',
  'eInvoicing.enabled': 'einvoice-enabled',
  'eInvoicing.address': 'einvoice-address',
  'eInvoicing.operatorCode': 'operator-code',
  poNumber: 'po-number',
};

/** The control a server field path (`recipients[1]`, `address.city`, `eInvoicing.operatorCode`) belongs to. */
export function fieldOf(path: string, rowKeysSent: readonly number[], draft: Draft): FieldId | undefined {
  const m = /^recipients(?:\[(\d+)\]|$)/.exec(path);
  if (!m) {
    const p = path.startsWith('contact.') ? 'contact' : path;
    return Object.hasOwn(PATHS, p) ? PATHS[p] : undefined;
  }
  const key = m[1] === undefined ? draft.recipients[0]?.key : rowKeysSent[Number(m[1])];
  return key === undefined ? undefined : `recipient-${key}`;
}

/** The server's reason, in the user's language: its own words in English, by code otherwise. */
function reason(host: RefusedHost, field: FieldId | 'general', code: string, message: string, sent: Draft): string {
  if (host.english) return message;
  const recipient = field.startsWith('recipient-');
  const value = recipient ? (sent.recipients.find((r) => `recipient-${r.key}` === field)?.value.trim() ?? '') : '';
  const key: MessageKey | undefined =
    code === 'invalid-email'
      ? field === 'contact'
        ? 'contacts.error.contact.invalid'
        : 'contacts.error.recipient.invalid'
      : code === 'duplicate'
        ? 'contacts.error.recipient.duplicate'
        : code === 'unknown-person'
          ? 'contacts.error.contact.unknown'
          : code === 'too-long'
            ? 'contacts.error.too-long'
            : code === 'required'
              ? recipient
                ? 'contacts.error.recipients.required'
                : field === 'country'
                  ? 'contacts.error.country'
                  : field === 'contact'
                    ? 'contacts.error.contact.invalid'
                    : 'contacts.error.required'
              : code === 'invalid'
                ? field === 'country'
                  ? 'contacts.error.country'
                  : 'contacts.error.invalid'
                : undefined;
  return key ? host.t(key, { value }) : message;
}

/** The server's reasons for refusing `sent`, by control (what fits no control under `general`; none when it gave none). */
export function serverErrors(
  host: RefusedHost,
  error: BillingApiError,
  rowKeysSent: readonly number[],
  sent: Draft,
): ServerErrors {
  const errors: ServerErrors = {};
  for (const fe of error.problem?.errors ?? []) {
    const field = fieldOf(fe.field, rowKeysSent, sent) ?? 'general';
    errors[field] ??= reason(host, field, fe.code, fe.message, sent);
  }
  return errors;
}

/** The fields compared when someone else saved first, in form order. */
type DiffField = Exclude<keyof Draft, 'contactText'>;

const DIFF_FIELDS: DiffField[] = [
  'recipients',
  'contact',
  'line1',
  'line2',
  'postalCode',
  'city',
  'country',
  'einvoice-enabled',
  'einvoice-address',
  'operator-code',
  'po-number',
];

const sameContact = (a: DraftContact | undefined, b: DraftContact | undefined): boolean =>
  a?.personId || b?.personId
    ? a?.personId === b?.personId
    : (a?.email ?? '').toLowerCase() === (b?.email ?? '').toLowerCase();

const recipients = (d: Draft): string[] => d.recipients.map((r) => r.value);

/** The fields where two drafts as saved (see `asSaved`) differ. */
export function differences(mine: Draft, other: Draft): DiffField[] {
  return DIFF_FIELDS.filter((f) =>
    f === 'contact'
      ? !sameContact(mine.contact, other.contact)
      : f === 'recipients'
        ? recipients(mine).join('\n') !== recipients(other).join('\n')
        : mine[f] !== other[f],
  );
}

function label(f: DiffField): MessageKey {
  return f === 'recipients'
    ? 'contacts.recipients.legend'
    : f === 'contact'
      ? 'contacts.contact.legend'
      : f === 'einvoice-enabled'
        ? 'contacts.einvoice.legend'
        : `contacts.field.${f}`;
}

function shown(host: RefusedHost, d: Draft, f: DiffField): string {
  const none = host.t('contacts.none');
  const c = d.contact;
  switch (f) {
    case 'recipients':
      return recipients(d).join(', ') || none;
    case 'contact':
      return !c ? none : c.personId && c.name ? `${c.name} (${c.email ?? ''})` : (c.email ?? c.name ?? none);
    case 'einvoice-enabled':
      return host.t(d[f] ? 'contacts.on' : 'contacts.off');
    case 'country':
      return d.country ? countryName(host.locale, d.country) : none;
    default:
      return d[f] || none;
  }
}

/** The panel comparing the user's version with the one someone else saved, both as saved (see `asSaved`). */
export function conflictPanel(host: RefusedHost, mine: Draft, theirs: Draft): TemplateResult {
  const t = host.t;
  return html`<section class="conflict" part="conflict" aria-labelledby="conflict-title">
    <style>
      .conflict {
        display: grid;
        gap: var(--_space);
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_warning);
        border-inline-start-width: 4px;
        border-radius: var(--_radius);
        background: color-mix(in srgb, var(--_warning) 6%, var(--_surface));
      }
      .conflict h3 {
        margin: 0;
        font-size: 1.05rem;
      }
      .conflict p {
        margin: 0;
      }
      .table-wrap {
        overflow-x: auto;
      }
      .conflict table {
        width: 100%;
        border-collapse: collapse;
        background: var(--_surface);
      }
      .conflict th,
      .conflict td {
        padding: 6px var(--_space);
        border: 1px solid var(--_border);
        text-align: start;
        vertical-align: top;
        overflow-wrap: break-word;
      }
      .conflict thead th {
        background: var(--_subtle);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
    </style>
    <h3 id="conflict-title">${t('contacts.conflict.title')}</h3>
    <p>${t('contacts.conflict.body')}</p>
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">
          ${t('contacts.conflict.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('contacts.conflict.field')}</th>
            <th scope="col">${t('contacts.conflict.mine')}</th>
            <th scope="col">${t('contacts.conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          ${differences(mine, theirs).map(
            (f) =>
              html`<tr data-field=${f}>
                <th scope="row">${t(label(f))}</th>
                <td class="mine">${shown(host, mine, f)}</td>
                <td class="theirs">${shown(host, theirs, f)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <div class="actions">
      <button type="button" class="primary" part="keep-mine-button" @click=${host.keepMine}>
        ${t('contacts.conflict.keep-mine')}
      </button>
      <button type="button" part="use-theirs-button" @click=${host.useTheirs}>
        ${t('contacts.conflict.use-theirs')}
      </button>
    </div>
  </section>`;
}
