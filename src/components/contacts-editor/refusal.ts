/**
 * What <billing-contacts-editor> makes of a refused save (with editing, on demand): the
 * server's reasons by field (a `422`, in the user's language), and, when someone else
 * saved first (a `412`), a three-way merge of the version the user started from, theirs
 * and the user's draft: what only one side changed is taken, only what both changed is
 * the user's choice. Pure functions, no DOM.
 */
import type { BillingApiError, FieldError } from '../../client/errors.js';
import { translate, type MessageKey, type MessageParams } from '../../i18n/index.js';
import { countryName } from './countries.js';
import { MAX_RECIPIENTS, row } from './draft.js';
import { messages } from './editing.messages.js';
import type { Draft, DraftContact, FieldId } from './model.js';

/** What the reasons are said with: the element's language and words. */
export interface Speaker {
  readonly locale: string;
  t(key: MessageKey, params?: MessageParams): string;
}

/** The parts' speaker for an editor in the language `locale()` gives: its words, with the English only the parts say. */
export function speaker(locale: () => string): Speaker {
  return {
    get locale() {
      return locale();
    },
    t: (key, params) => translate(locale(), key, params, messages),
  };
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

/**
 * The server's reason, in the user's language: worded from its code and params (the
 * server's English `message` only for a code the kit has no words for).
 */
function reason(host: Speaker, field: FieldId | 'general', fe: FieldError, sent: Draft): string {
  const recipient = field.startsWith('recipient-');
  const value =
    fe.params?.value ??
    (recipient ? (sent.recipients.find((r) => `recipient-${r.key}` === field)?.value.trim() ?? '') : '');
  const max = fe.params?.max;
  const code = fe.code;
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
            ? max === undefined
              ? 'contacts.error.too-long'
              : 'contacts.error.too-long.max'
            : code === 'too-many'
              ? 'contacts.error.recipients.too-many'
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
  return key ? host.t(key, { value, count: max ?? 0, max: max ?? '' }) : fe.message;
}

/** The server's reasons for refusing `sent`, by control (what fits no control under `general`; none when it gave none). */
export function serverErrors(
  host: Speaker,
  error: BillingApiError,
  rowKeysSent: readonly number[],
  sent: Draft,
): ServerErrors {
  const errors: ServerErrors = {};
  for (const fe of error.problem?.errors ?? []) {
    const field = fieldOf(fe.field, rowKeysSent, sent) ?? 'general';
    errors[field] ??= reason(host, field, fe, sent);
  }
  return errors;
}

/** The fields compared when someone else saved first, in form order. */
export type DiffField = Exclude<keyof Draft, 'contactText'>;

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

/** True when `f` is the same in two drafts as saved (see `asSaved`). */
function same(a: Draft, b: Draft, f: DiffField): boolean {
  return f === 'contact'
    ? sameContact(a.contact, b.contact)
    : f === 'recipients'
      ? recipients(a).join('\n') === recipients(b).join('\n')
      : a[f] === b[f];
}

/** The fields where two drafts as saved (see `asSaved`) differ. */
export function differences(mine: Draft, other: Draft): DiffField[] {
  return DIFF_FIELDS.filter((f) => !same(mine, other, f));
}

/** What is merged as one: each field, except e-invoicing's switch, address and operator code, which go together. */
const UNITS: DiffField[][] = [
  ['recipients'],
  ['contact'],
  ['line1'],
  ['line2'],
  ['postalCode'],
  ['city'],
  ['country'],
  ['einvoice-enabled', 'einvoice-address', 'operator-code'],
  ['po-number'],
];

/**
 * The recipients when both sides changed the list: what either added is added, what either
 * removed is removed (addresses compared ignoring case), in their order, then the user's
 * additions. None when that leaves no recipient or too many: then the list is a choice.
 */
function mergeRecipients(base: string[], mine: string[], theirs: string[]): string[] | undefined {
  const has = (list: string[], r: string): boolean => list.some((x) => x.toLowerCase() === r.toLowerCase());
  const merged = [
    ...theirs.filter((r) => !has(base, r) || has(mine, r)),
    ...mine.filter((r) => !has(base, r) && !has(theirs, r)),
  ];
  return merged.length > 0 && merged.length <= MAX_RECIPIENTS ? merged : undefined;
}

/** A three-way merge (see `merge`). */
export interface Merged {
  /** The user's draft with what they did not change taken from the other version: what is saved. */
  draft: Draft;
  /** The fields both changed, to different values: the user chooses (`draft` has the user's values). */
  conflicts: DiffField[];
  /** The fields whose other version was taken (only the other side changed them, or both changed the recipients). */
  taken: DiffField[];
}

/**
 * Merges the user's draft (`mine`) and the version someone else saved (`theirs`), both as
 * saved, with the version both started from (`base`): a field only one side changed takes
 * that side's value; a field both changed to different values is a conflict (the user's
 * value stays in `draft` until they choose). Recipients both changed are merged by adds
 * and removes when that is safe (see `mergeRecipients`). Without a base (a draft restored
 * after a reload that was kept without the version it was made from, by an older release),
 * every difference is a conflict.
 */
export function merge(base: Draft | undefined, mine: Draft, theirs: Draft): Merged {
  const draft: Draft = { ...mine };
  const conflicts: DiffField[] = [];
  const taken: DiffField[] = [];
  for (const unit of UNITS) {
    const differ = unit.filter((f) => !same(mine, theirs, f));
    if (differ.length === 0) continue;
    const changed = (d: Draft): boolean => !base || unit.some((f) => !same(base, d, f));
    if (!changed(mine)) {
      for (const f of unit) take(draft, theirs, f);
      taken.push(...differ);
    } else if (changed(theirs)) {
      const list =
        base && unit[0] === 'recipients' && mergeRecipients(recipients(base), recipients(mine), recipients(theirs));
      if (list) {
        draft.recipients = list.map((r) => row(r));
        taken.push('recipients');
      } else conflicts.push(...differ);
    }
  }
  return { draft, conflicts, taken };
}

/** Puts the value of field `f` in `from` into `to` (the contact with the text its field shows). */
export function take(to: Draft, from: Draft, f: DiffField): void {
  if (f === 'contact') to.contactText = from.contactText;
  (to as Record<DiffField, unknown>)[f] = from[f];
}

/** The name of a compared field. */
export function label(f: DiffField): MessageKey {
  return f === 'recipients'
    ? 'contacts.recipients.legend'
    : f === 'contact'
      ? 'contacts.contact.legend'
      : f === 'einvoice-enabled'
        ? 'contacts.einvoice.legend'
        : `contacts.field.${f}`;
}

/** The names of `fields` as one list in the reader's words ("City and PO number"); e-invoicing's fields under its own name. */
export function names(host: Speaker, fields: readonly DiffField[]): string {
  const keys = fields.map((f) => (/^(einvoice|operator)-/.test(f) ? 'contacts.einvoice.legend' : label(f)));
  return new Intl.ListFormat(host.locale, { type: 'conjunction' }).format([...new Set(keys)].map((k) => host.t(k)));
}

/** A compared field's value in `d`, as the review shows it. */
export function shown(host: Speaker, d: Draft, f: DiffField): string {
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
