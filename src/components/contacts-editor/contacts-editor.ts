import * as messages from './contacts-editor.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingClient, BillingDetails, PersonRef } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import { languageOf, type MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorMessage, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { contactsEditorStyles } from './contacts-editor.styles.js';
import {
  clientIssues,
  COUNTRIES,
  differences,
  draftOf,
  fieldOf,
  inputOf,
  keyOf,
  MAX_RECIPIENTS,
  row,
  type ClientIssue,
  type DiffField,
  type DiffValues,
  type Draft,
  type DraftContact,
  type FieldId,
} from './contacts-editor.model.js';

/** Where the auto-save stands, as the status line says it. */
type SaveStatus = 'idle' | 'pending' | 'blocked' | 'saving' | 'saved' | 'failed' | 'invalid' | 'conflict' | 'replaced';

const STATUS_KEYS: Record<Exclude<SaveStatus, 'failed'>, MessageKey> = {
  idle: 'contacts.status.idle',
  pending: 'contacts.status.pending',
  blocked: 'contacts.status.blocked',
  saving: 'contacts.status.saving',
  saved: 'contacts.status.saved',
  invalid: 'contacts.status.invalid',
  conflict: 'contacts.status.conflict',
  replaced: 'contacts.status.replaced',
};

const DIFF_LABELS: Record<DiffField, MessageKey> = {
  recipients: 'contacts.recipients.legend',
  contact: 'contacts.contact.legend',
  line1: 'contacts.address.line1',
  line2: 'contacts.address.line2',
  postalCode: 'contacts.address.postal-code',
  city: 'contacts.address.city',
  country: 'contacts.address.country',
  'einvoice-enabled': 'contacts.einvoice.legend',
  'einvoice-address': 'contacts.einvoice.address',
  'operator-code': 'contacts.einvoice.operator',
  'po-number': 'contacts.po.label',
};

const regionNameCache = new Map<string, Intl.DisplayNames>();
const countryListCache = new Map<string, { code: string; name: string }[]>();

/** Country names in a locale (`NL` → `Nederland`). */
function regionNames(locale: string): Intl.DisplayNames {
  let names = regionNameCache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'region', fallback: 'code' });
    regionNameCache.set(locale, names);
  }
  return names;
}

/** The countries to choose from, sorted by name in the locale, with `current` added when it is not among them. */
function countryOptions(locale: string, current: string): { code: string; name: string }[] {
  let list = countryListCache.get(locale);
  if (!list) {
    const names = regionNames(locale);
    const collator = new Intl.Collator(locale);
    list = COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((x, y) =>
      collator.compare(x.name, y.name),
    );
    countryListCache.set(locale, list);
  }
  return current && !list.some((c) => c.code === current)
    ? [...list, { code: current, name: regionNames(locale).of(current) ?? current }]
    : list;
}

/** People shown in the contact picker at a time. */
const PEOPLE_LIMIT = 8;

interface TextFieldOptions {
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  maxlength?: number;
}

/**
 * Who receives invoices, who is the billing contact, where invoices are addressed, and
 * how: invoice recipients (validated as you type and by the server, at least one, with a
 * recommendation to add a second), a billing contact picked from the organisation's people
 * (an ARIA combobox) or typed as an e-mail address, the billing address, e-invoicing with
 * its address and operator code, and the PO number. Company name and VAT number are shown
 * read-only, with where to change them.
 *
 * Edits save automatically (`save-delay` ms after the last change, or when a field loses
 * focus) with a visible status. The whole document is sent with `If-Match`: a failed save
 * keeps every edit and offers a retry; when someone else saved first, a panel compares
 * both versions and lets the user keep theirs or take the other; fields the server refuses
 * show its reason next to them.
 *
 * @summary Invoice recipients, billing contact, address, e-invoicing and PO number, saved as you type.
 * @tagname billing-contacts-editor
 *
 * @event billing-change - Billing details were saved (topic `details`, `detail` the saved `BillingDetails`); the other elements of the provider refetch.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart form - The form around every section.
 * @csspart save-status - The auto-save status line (saving, saved, not saved).
 * @csspart retry-button - The retry button of a failed save, and of the error state.
 * @csspart section - Each group of fields (recipients, contact, address, e-invoicing, PO number, company).
 * @csspart recipient - Each invoice recipient row.
 * @csspart add-button - The "Add recipient" button.
 * @csspart remove-button - Each recipient's remove button.
 * @csspart recommendation - The advice to add a second recipient.
 * @csspart combobox - The billing contact input.
 * @csspart listbox - The list of people to pick from.
 * @csspart option - Each person in that list.
 * @csspart field-error - The message next to a field that needs fixing.
 * @csspart conflict - The panel shown when someone else saved first.
 * @csspart keep-mine-button - Saves the user's version over the other one.
 * @csspart use-theirs-button - Replaces the form with the other version.
 * @csspart company - The read-only company name and VAT number.
 * @csspart state - Loading, empty, error and forbidden boxes.
 *
 * @cssproperty --billing-contacts-editor-max-width - Width of the form. Default `56rem`.
 * @cssproperty --billing-contacts-editor-min-height - Space reserved while loading. Default `52rem` in two columns, `100rem` in one.
 */
export class BillingContactsEditor extends BillingElement {
  static override styles = [...BillingElement.styles, contactsEditorStyles];
  static override messages = messages;

  @query('#title') private titleEl?: HTMLElement;

  @state() private server: BillingDetails | undefined;
  @state() private draft: Draft | undefined;
  @state() private loadError: BillingApiError | undefined;
  @state() private status: SaveStatus = 'idle';
  @state() private saveError: BillingApiError | undefined;
  /** The server's reasons from the last refused save, by field. */
  @state() private serverErrors: Partial<Record<FieldId | 'general', string>> = {};
  /** Fields whose client-side problems are shown (left once, or a save was attempted). */
  @state() private touched = new Set<string>();
  /** The version someone else saved, while the user chooses. */
  @state() private conflict: BillingDetails | undefined;
  /** A refusal next to the recipients (removing the last one). */
  @state() private notice = '';
  @state() private announcement = '';
  @state() private people: PersonRef[] = [];
  @state() private listOpen = false;
  @state() private activeOption = -1;
  @state() private searching = false;
  @state() private searchFailed = false;

  /** Milliseconds after the last change before it is saved (a field losing focus saves at once). */
  @property({ type: Number, attribute: 'save-delay' }) saveDelay = 800;

  #client: BillingClient | undefined;
  #seenRevision = -1;
  #etag = '';
  /** The document last confirmed by the server (or loaded): the draft is dirty when it sends something else. */
  #savedKey = '';
  #saving = false;
  #queued = false;
  #everSaved = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #loadAbort: AbortController | undefined;
  #searchAbort: AbortController | undefined;
  #activateFirst = false;
  /** A pointer is pressed: messages of a field just left wait until it is released. */
  #pointerDown = false;
  #deferredTouch: string[] = [];
  #deferredFlush = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pointerdown', this.#onPointerDown, true);
    window.addEventListener('pointerup', this.#onPointerUp, true);
    window.addEventListener('pointercancel', this.#onPointerUp, true);
    // Moved in the page: pick up where it was left.
    if (this.#dirty) this.#schedule();
    else if (!this.server && this.#client) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pointerdown', this.#onPointerDown, true);
    window.removeEventListener('pointerup', this.#onPointerUp, true);
    window.removeEventListener('pointercancel', this.#onPointerUp, true);
    clearTimeout(this.#saveTimer);
    clearTimeout(this.#searchTimer);
    this.#loadAbort?.abort();
    this.#searchAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const billing = this.billing;
    if (!billing || this.roleForbidden) return;
    if (billing.client !== this.#client) {
      this.#client = billing.client;
      this.#seenRevision = billing.revision;
      void this.#load();
    } else if (billing.revision !== this.#seenRevision) {
      // Something changed elsewhere: show it, unless the user is in the middle of an edit.
      this.#seenRevision = billing.revision;
      if (this.#clean) void this.#load(true);
    }
  }

  /** True when the form shows what the server has and nothing is on its way. */
  get #clean(): boolean {
    return (
      !!this.draft &&
      !this.#saving &&
      !this.conflict &&
      keyOf(this.draft) === this.#savedKey &&
      this.status !== 'failed' &&
      this.status !== 'invalid'
    );
  }

  get #dirty(): boolean {
    return !!this.draft && keyOf(this.draft) !== this.#savedKey;
  }

  // ---------------------------------------------------------------------------------
  // Loading

  async #load(quiet = false): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#loadAbort?.abort();
    const ctrl = new AbortController();
    this.#loadAbort = ctrl;
    if (!quiet) this.loadError = undefined;
    try {
      const { details, etag } = await client.getBillingDetails({ signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      if (quiet && (!this.#clean || etag === this.#etag)) return;
      this.#adopt(details, etag);
      this.status = 'idle';
    } catch (e) {
      if (ctrl.signal.aborted) return;
      const error = this.reportError(e);
      if (!quiet) this.loadError = error;
    }
  }

  /** Shows a server version in the form, replacing the draft. */
  #adopt(details: BillingDetails, etag: string): void {
    this.server = details;
    this.#etag = etag;
    this.draft = draftOf(details);
    this.#savedKey = keyOf(this.draft);
    this.serverErrors = {};
    this.touched = new Set();
    this.conflict = undefined;
    this.notice = '';
  }

  /** Loads the details again after a failed first load. */
  refresh(): void {
    this.loadError = undefined;
    if (!this.#client) this.#client = this.billing?.client;
    void this.#load();
  }

  // ---------------------------------------------------------------------------------
  // Editing

  /** Applies an edit to the draft, clears the server's stale reason for the field, and schedules a save. */
  #edit(fields: readonly string[], change: (d: Draft) => Draft): void {
    if (!this.draft) return;
    this.draft = change(this.draft);
    if (fields.some((f) => f in this.serverErrors)) {
      const next = { ...this.serverErrors };
      for (const f of fields) delete next[f as FieldId];
      this.serverErrors = next;
    }
    this.notice = '';
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#saveTimer);
    if (!this.#saving && !this.conflict) this.status = this.#dirty ? 'pending' : this.#everSaved ? 'saved' : 'idle';
    this.#saveTimer = setTimeout(() => void this.#save(), this.saveDelay);
  }

  #onPointerDown = (): void => {
    this.#pointerDown = true;
  };

  #onPointerUp = (): void => {
    this.#pointerDown = false;
    if (this.#deferredTouch.length === 0 && !this.#deferredFlush) return;
    // After the click: a message appearing under the pointer must not move what was clicked.
    setTimeout(() => {
      if (this.#deferredTouch.length > 0) this.touched = new Set([...this.touched, ...this.#deferredTouch]);
      this.#deferredTouch = [];
      if (this.#deferredFlush) {
        this.#deferredFlush = false;
        this.#flush();
      }
    });
  };

  /** Shows the client's messages for these fields; while a pointer is pressed, once it is released. */
  #touch(ids: Iterable<string>): void {
    if (this.#pointerDown) this.#deferredTouch.push(...ids);
    else this.touched = new Set([...this.touched, ...ids]);
  }

  #onFocusOut(e: FocusEvent): void {
    const id = (e.target as HTMLElement).id;
    if (id && id !== 'title') this.#touch([id]);
    if (id === 'contact') this.#closeList();
    // Leaving a field saves at once (when a pointer left it: once the click is done).
    if (this.#pointerDown) this.#deferredFlush = true;
    else this.#flush();
  }

  /** Saves a pending edit now instead of after the delay. */
  #flush(): void {
    if (this.#dirty && (this.status === 'pending' || this.status === 'saving')) {
      clearTimeout(this.#saveTimer);
      void this.#save();
    }
  }

  #onSubmit(e: Event): void {
    e.preventDefault();
    clearTimeout(this.#saveTimer);
    void this.#save();
  }

  #setRecipient(key: number, value: string): void {
    this.#edit([`recipient-${key}`], (d) => ({
      ...d,
      recipients: d.recipients.map((r) => (r.key === key ? { ...r, value } : r)),
    }));
  }

  /** Focuses a control once the pending render is done. */
  #focusSoon(id: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus());
  }

  #addRecipient(): void {
    const d = this.draft;
    if (!d || d.recipients.length >= MAX_RECIPIENTS) return;
    const added = row();
    this.draft = { ...d, recipients: [...d.recipients, added] };
    this.notice = '';
    this.#focusSoon(`recipient-${added.key}`);
  }

  #removeRecipient(key: number): void {
    const d = this.draft;
    if (!d) return;
    const i = d.recipients.findIndex((r) => r.key === key);
    const removed = d.recipients[i];
    if (!removed) return;
    const othersFilled = d.recipients.some((r) => r.key !== key && r.value.trim() !== '');
    if (d.recipients.length === 1 || (removed.value.trim() !== '' && !othersFilled)) {
      this.notice = this.t('contacts.recipients.remove-last');
      return;
    }
    const rest = d.recipients.filter((r) => r.key !== key);
    const next = rest[Math.min(i, rest.length - 1)];
    // Indexes shift: the server's reasons for recipients no longer point at the right rows.
    const errors = { ...this.serverErrors };
    for (const f of Object.keys(errors)) if (f.startsWith('recipient-')) delete errors[f as FieldId];
    this.serverErrors = errors;
    this.#edit([], (draft) => ({ ...draft, recipients: rest }));
    if (removed.value.trim())
      this.announcement = this.t('contacts.recipients.removed', { email: removed.value.trim() });
    this.#focusSoon(next ? `recipient-${next.key}` : 'add-recipient');
  }

  #setAddress(field: keyof Draft['address'], value: string): void {
    this.#edit([field], (d) => ({ ...d, address: { ...d.address, [field]: value } }));
  }

  #setEInvoicing(patch: Partial<Draft['eInvoicing']>, field: FieldId): void {
    this.#edit([field], (d) => ({ ...d, eInvoicing: { ...d.eInvoicing, ...patch } }));
  }

  // ---------------------------------------------------------------------------------
  // The contact combobox

  #onContactInput(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    this.#edit(['contact'], (d) => ({
      ...d,
      contactText: text,
      contact: text.trim() ? { email: text.trim() } : undefined,
    }));
    this.#searchSoon(text);
  }

  #searchSoon(q: string): void {
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#search(q), 200);
  }

  async #search(q: string): Promise<void> {
    const client = this.#client;
    if (!client) return;
    this.#searchAbort?.abort();
    const ctrl = new AbortController();
    this.#searchAbort = ctrl;
    this.searching = true;
    this.listOpen = true;
    try {
      const { items } = await client.searchPeople(q.trim(), PEOPLE_LIMIT, { signal: ctrl.signal });
      if (ctrl.signal.aborted) return;
      this.people = items;
      this.searchFailed = false;
      this.activeOption = this.#activateFirst && items.length > 0 ? 0 : -1;
    } catch (e) {
      if (ctrl.signal.aborted) return;
      this.reportError(e);
      this.people = [];
      this.searchFailed = true;
    } finally {
      if (!ctrl.signal.aborted) {
        this.searching = false;
        this.#activateFirst = false;
      }
    }
  }

  #onContactKey(e: KeyboardEvent): void {
    const n = this.people.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!this.listOpen || (n === 0 && !this.searching)) {
          this.#activateFirst = true;
          clearTimeout(this.#searchTimer);
          // A picked person's name would match only them: show everyone instead.
          void this.#search(this.draft?.contact?.personId ? '' : (this.draft?.contactText ?? ''));
          return;
        }
        if (n === 0 || e.altKey) return;
        const step = e.key === 'ArrowDown' ? 1 : -1;
        this.activeOption = this.activeOption < 0 ? (step > 0 ? 0 : n - 1) : (this.activeOption + step + n) % n;
        this.#scrollActiveIntoView();
        return;
      }
      case 'Enter': {
        const person = this.listOpen ? this.people[this.activeOption] : undefined;
        if (person) {
          e.preventDefault();
          this.#pick(person);
        }
        return;
      }
      case 'Escape':
        if (this.listOpen) {
          e.preventDefault();
          this.#closeList();
        }
        return;
      default:
        return;
    }
  }

  #scrollActiveIntoView(): void {
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector(`#contact-option-${this.activeOption}`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  /** A click on an option picks it (the list keeps the focus in the combobox: mousedown is cancelled). */
  #onOptionClick(e: Event): void {
    const option = (e.target as HTMLElement).closest<HTMLElement>('[role=option]');
    const person = option ? this.people[Number(option.dataset['index'])] : undefined;
    if (person) this.#pick(person);
  }

  #pick(person: PersonRef): void {
    this.#closeList();
    this.#edit(['contact'], (d) => ({
      ...d,
      contact: { personId: person.id, name: person.name, email: person.email },
      contactText: person.name,
    }));
    this.announcement = `${person.name}, ${person.email}`;
  }

  #closeList(): void {
    clearTimeout(this.#searchTimer);
    this.#searchAbort?.abort();
    this.searching = false;
    this.listOpen = false;
    this.activeOption = -1;
  }

  // ---------------------------------------------------------------------------------
  // Saving

  async #save(): Promise<void> {
    clearTimeout(this.#saveTimer);
    const client = this.#client;
    const draft = this.draft;
    if (!client || !draft || !this.canWrite) return;
    if (this.conflict) {
      this.status = 'conflict';
      return;
    }
    if (this.#saving) {
      this.#queued = true;
      return;
    }
    const issues = clientIssues(draft);
    if (issues.size > 0) {
      // A contact still being typed (the user may be searching for a person) is not marked until left.
      const typing = this.shadowRoot?.activeElement?.id === 'contact';
      const shown = [...issues.keys()].filter((id) => !(typing && id === 'contact'));
      this.#touch(shown);
      this.status = shown.length > 0 ? 'blocked' : 'pending';
      return;
    }
    const { input, rowKeys } = inputOf(draft);
    const key = JSON.stringify(input);
    if (key === this.#savedKey) {
      this.status = this.#everSaved ? 'saved' : 'idle';
      return;
    }
    this.#saving = true;
    this.status = 'saving';
    this.saveError = undefined;
    let again = false;
    try {
      const { details, etag } = await client.putBillingDetails(input, this.#etag);
      this.#etag = etag;
      this.server = details;
      this.#savedKey = key;
      this.#everSaved = true;
      this.serverErrors = {};
      this.status = this.#dirty ? 'pending' : 'saved';
      this.changed('details', details);
      this.#seenRevision = this.billing?.revision ?? this.#seenRevision;
      again = this.#dirty;
    } catch (e) {
      const error = this.reportError(e);
      again = this.#failed(error, rowKeys, draft);
    } finally {
      this.#saving = false;
    }
    if (this.#queued || again) {
      this.#queued = false;
      if (again) void this.#save();
    }
  }

  /** Shows why a save failed; true when a newer edit should be tried at once. */
  #failed(error: BillingApiError, rowKeys: number[], sent: Draft): boolean {
    switch (error.kind) {
      case 'stale': {
        this.status = 'conflict';
        const current = error.problem?.current;
        if (current) this.#showConflict(current);
        else void this.#fetchConflict();
        return false;
      }
      case 'invalid': {
        const errors: Partial<Record<FieldId | 'general', string>> = {};
        for (const fe of error.problem?.errors ?? []) {
          const field = fieldOf(fe.field, rowKeys, sent) ?? 'general';
          errors[field] ??= this.#serverMessage(field, fe.code, fe.message, sent);
        }
        if (Object.keys(errors).length === 0) errors.general = errorMessage(this.locale, error);
        this.serverErrors = errors;
        this.status = 'invalid';
        // A newer edit (made while this one was on its way) may fix it.
        return this.#queued && keyOf(this.draft ?? sent) !== keyOf(sent);
      }
      case 'forbidden':
        this.loadError = error;
        return false;
      default:
        this.saveError = error;
        this.status = 'failed';
        return this.#queued && keyOf(this.draft ?? sent) !== keyOf(sent);
    }
  }

  /** The server's reason, in the user's language: its own words in English, by code otherwise. */
  #serverMessage(field: FieldId | 'general', code: string, message: string, sent: Draft): string {
    if (languageOf(this.locale) === 'en') return message;
    const value = field.startsWith('recipient-')
      ? (sent.recipients.find((r) => `recipient-${r.key}` === field)?.value.trim() ?? '')
      : '';
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
                ? field.startsWith('recipient-')
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
    return key ? this.t(key, { value }) : message;
  }

  async #fetchConflict(): Promise<void> {
    try {
      const { details } = await this.#client!.getBillingDetails();
      this.#showConflict(details);
    } catch (e) {
      this.saveError = this.reportError(e);
      this.status = 'failed';
    }
  }

  #showConflict(current: BillingDetails): void {
    if (this.draft && differences(this.draft, current).length === 0) {
      // They saved exactly what the user has: nothing to choose.
      this.server = current;
      this.#etag = current.version;
      this.#savedKey = keyOf(this.draft);
      this.status = 'saved';
      return;
    }
    this.conflict = current;
    this.status = 'conflict';
  }

  #keepMine(): void {
    const theirs = this.conflict;
    if (!theirs) return;
    this.server = theirs;
    this.#etag = theirs.version;
    this.#savedKey = keyOf(draftOf(theirs));
    this.conflict = undefined;
    this.titleEl?.focus();
    void this.#save();
  }

  #useTheirs(): void {
    const theirs = this.conflict;
    if (!theirs) return;
    clearTimeout(this.#saveTimer);
    this.#adopt(theirs, theirs.version);
    this.saveError = undefined;
    this.status = 'replaced';
    this.titleEl?.focus();
  }

  #retry(): void {
    clearTimeout(this.#saveTimer);
    // The button goes away while saving: keep the focus in the editor.
    this.titleEl?.focus();
    void this.#save();
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #issueText(issue: ClientIssue): string {
    switch (issue.code) {
      case 'invalid-email':
        return this.t('contacts.error.recipient.invalid', { value: issue.value });
      case 'duplicate':
        return this.t('contacts.error.recipient.duplicate', { value: issue.value });
      case 'recipients-required':
        return this.t('contacts.error.recipients.required');
      case 'contact-invalid':
        return this.t('contacts.error.contact.invalid');
    }
  }

  /** The message shown next to a field: the client's own check once the field was left, else the server's reason. */
  #errorFor(id: FieldId, issues: Map<FieldId, ClientIssue>): string | undefined {
    const issue = issues.get(id);
    if (issue && this.touched.has(id)) return this.#issueText(issue);
    return this.serverErrors[id];
  }

  #describedBy(...ids: (string | false | undefined)[]): string | undefined {
    const list = ids.filter((x): x is string => !!x);
    return list.length > 0 ? list.join(' ') : undefined;
  }

  #fieldError(id: string, error: string | undefined): TemplateResult | typeof nothing {
    return error ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${error}</p>` : nothing;
  }

  #requiredMark(): TemplateResult {
    return html`<span class="required" aria-hidden="true">${this.t('contacts.required')}</span>`;
  }

  #textField(
    id: FieldId,
    label: string,
    value: string,
    onInput: (value: string) => void,
    issues: Map<FieldId, ClientIssue>,
    o: TextFieldOptions = {},
  ): TemplateResult {
    const error = this.#errorFor(id, issues);
    return html`<div class="field ${id}">
      <label for=${id}>${label} ${o.required ? this.#requiredMark() : nothing}</label>
      <input
        id=${id}
        type="text"
        .value=${value}
        ?required=${o.required}
        ?readonly=${!this.canWrite}
        maxlength=${ifDefined(o.maxlength)}
        autocomplete=${o.autocomplete ?? 'off'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.#describedBy(o.hint && `${id}-hint`, error && `${id}-error`))}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${o.hint}</p>` : nothing} ${this.#fieldError(id, error)}
    </div>`;
  }

  #renderStatus(): TemplateResult {
    const text =
      this.status === 'failed'
        ? this.t('contacts.status.failed', {
            reason: this.saveError ? errorMessage(this.locale, this.saveError) : '',
          })
        : this.t(STATUS_KEYS[this.status]);
    const tone =
      this.status === 'saved'
        ? 'ok'
        : this.status === 'failed' ||
            this.status === 'invalid' ||
            this.status === 'blocked' ||
            this.status === 'conflict'
          ? 'bad'
          : 'neutral';
    const icon = tone === 'ok' ? '✓' : tone === 'bad' ? '!' : this.status === 'saving' ? '…' : '•';
    return html`<div class="status-bar">
      <p class="save-status ${tone}" part="save-status" role="status" data-status=${this.status}>
        <span class="status-icon" aria-hidden="true">${icon}</span><span class="status-text">${text}</span>
      </p>
      ${
        this.status === 'failed'
          ? html`<button type="button" part="retry-button" class="retry" @click=${this.#retry}>
              ${this.t('contacts.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #diffValue(field: DiffField, value: DiffValues[DiffField]): string {
    const none = this.t('contacts.none');
    if (field === 'recipients') return (value as string[]).join(', ') || none;
    if (field === 'contact') {
      const c = value as DraftContact | undefined;
      if (!c) return none;
      return c.personId && c.name ? `${c.name} (${c.email ?? ''})` : (c.email ?? c.name ?? none);
    }
    if (field === 'einvoice-enabled') return this.t(value ? 'contacts.on' : 'contacts.off');
    if (field === 'country') return this.#countryName(value as string) || none;
    return (value as string) || none;
  }

  #renderConflict(draft: Draft): TemplateResult | typeof nothing {
    const theirs = this.conflict;
    if (!theirs) return nothing;
    const rows = differences(draft, theirs);
    return html`<section class="conflict" part="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title">${this.t('contacts.conflict.title')}</h3>
      <p>${this.t('contacts.conflict.body')}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">
            ${this.t('contacts.conflict.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.t('contacts.conflict.field')}</th>
              <th scope="col">${this.t('contacts.conflict.mine')}</th>
              <th scope="col">${this.t('contacts.conflict.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr data-field=${r.field}>
                  <th scope="row">${this.t(DIFF_LABELS[r.field])}</th>
                  <td class="mine">${this.#diffValue(r.field, r.mine)}</td>
                  <td class="theirs">${this.#diffValue(r.field, r.theirs)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="primary" part="keep-mine-button" @click=${this.#keepMine}>
          ${this.t('contacts.conflict.keep-mine')}
        </button>
        <button type="button" part="use-theirs-button" @click=${this.#useTheirs}>
          ${this.t('contacts.conflict.use-theirs')}
        </button>
      </div>
    </section>`;
  }

  #renderRecipients(draft: Draft, issues: Map<FieldId, ClientIssue>): TemplateResult {
    const server = this.server;
    const filled = draft.recipients.filter((r) => r.value.trim() !== '' && !issues.has(`recipient-${r.key}`)).length;
    // With none at all, the missing recipient is the message; with one, the advice to add a second.
    const recommend = !!server?.recommendations?.includes('add-second-recipient') && filled === 1;
    const full = draft.recipients.length >= MAX_RECIPIENTS;
    return html`<fieldset class="section recipients" part="section" aria-describedby="recipients-hint">
      <legend>${this.t('contacts.recipients.legend')} ${this.#requiredMark()}</legend>
      <p class="hint" id="recipients-hint">${this.t('contacts.recipients.hint')}</p>
      <ol class="recipient-list">
        ${repeat(
          draft.recipients,
          (r) => r.key,
          (r, i) => {
            const id: FieldId = `recipient-${r.key}`;
            const error = this.#errorFor(id, issues);
            return html`<li class="recipient" part="recipient">
              <div class="recipient-row">
                <label class="visually-hidden" for=${id}>${this.t('contacts.recipients.label', { n: i + 1 })}</label>
                <input
                  id=${id}
                  type="email"
                  .value=${r.value}
                  ?required=${i === 0}
                  ?readonly=${!this.canWrite}
                  maxlength="254"
                  autocomplete="off"
                  spellcheck="false"
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${ifDefined(this.#describedBy(error && `${id}-error`))}
                  @input=${(e: Event) => this.#setRecipient(r.key, (e.target as HTMLInputElement).value)}
                />
                ${
                  this.canWrite
                    ? html`<button
                        type="button"
                        class="remove"
                        part="remove-button"
                        @click=${() => this.#removeRecipient(r.key)}
                      >
                        <span class="remove-icon" aria-hidden="true">×</span
                        ><span class="remove-text">${this.t('contacts.recipients.remove')}</span
                        ><span class="visually-hidden">
                          ${r.value.trim() || this.t('contacts.recipients.label', { n: i + 1 })}</span
                        >
                      </button>`
                    : nothing
                }
              </div>
              ${this.#fieldError(id, error)}
            </li>`;
          },
        )}
      </ol>
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${
        recommend
          ? html`<p class="recommendation" part="recommendation">
              <span class="rec-icon" aria-hidden="true">!</span><span>${this.t('contacts.recipients.recommend')}</span>
            </p>`
          : nothing
      }
      ${
        this.canWrite
          ? full
            ? html`<p class="hint">${this.t('contacts.recipients.max', { n: MAX_RECIPIENTS })}</p>`
            : html`<button type="button" id="add-recipient" class="add" part="add-button" @click=${this.#addRecipient}>
                <span aria-hidden="true">+</span> ${this.t('contacts.recipients.add')}
              </button>`
          : nothing
      }
    </fieldset>`;
  }

  #renderContact(draft: Draft, issues: Map<FieldId, ClientIssue>): TemplateResult {
    const error = this.#errorFor('contact', issues);
    const c = draft.contact;
    const expanded = this.listOpen && this.people.length > 0;
    const active = expanded && this.activeOption >= 0 ? `contact-option-${this.activeOption}` : undefined;
    const about = c?.personId
      ? this.t('contacts.contact.person', { email: c.email ?? '' })
      : c?.email && !error
        ? c.name
          ? `${c.name} · ${this.t('contacts.contact.typed')}`
          : this.t('contacts.contact.typed')
        : '';
    const live = !this.listOpen
      ? ''
      : this.searching
        ? this.t('contacts.contact.searching')
        : this.searchFailed
          ? this.t('contacts.contact.search-failed')
          : this.people.length === 0
            ? this.t('contacts.contact.no-results')
            : this.t('contacts.contact.results', { count: this.people.length, n: this.fmtCount(this.people.length) });
    return html`<fieldset class="section contact" part="section">
      <legend>${this.t('contacts.contact.legend')}</legend>
      <div class="field">
        <label for="contact" id="contact-label">${this.t('contacts.contact.label')}</label>
        <p class="hint" id="contact-hint">${this.t('contacts.contact.hint')}</p>
        <div class="combo">
          <input
            id="contact"
            part="combobox"
            type="text"
            role="combobox"
            aria-labelledby="contact-label"
            aria-autocomplete="list"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls="contact-listbox"
            aria-activedescendant=${ifDefined(active)}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${ifDefined(
              this.#describedBy('contact-hint', about && 'contact-about', error && 'contact-error'),
            )}
            autocomplete="off"
            spellcheck="false"
            maxlength="254"
            ?readonly=${!this.canWrite}
            .value=${draft.contactText}
            @input=${this.#onContactInput}
            @keydown=${this.#onContactKey}
            @click=${() => {
              if (this.canWrite && !this.listOpen) void this.#search(c?.personId ? '' : draft.contactText);
            }}
          />
          <ul
            id="contact-listbox"
            role="listbox"
            part="listbox"
            aria-label=${this.t('contacts.contact.people')}
            ?hidden=${!expanded}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${this.#onOptionClick}
            @keydown=${this.#onContactKey}
          >
            ${this.people.map(
              (p, i) =>
                html`<li
                  id=${`contact-option-${i}`}
                  role="option"
                  part="option"
                  aria-selected=${i === this.activeOption ? 'true' : 'false'}
                  data-index=${i}
                >
                  <span class="person-name">${p.name}</span> <span class="person-email">${p.email}</span>
                </li>`,
            )}
          </ul>
        </div>
        ${about ? html`<p class="about" id="contact-about">${about}</p>` : nothing}
        ${this.#fieldError('contact', error)}
        <p class="visually-hidden" role="status">${live}</p>
      </div>
    </fieldset>`;
  }

  #countryName(code: string): string {
    return code ? (regionNames(this.locale).of(code) ?? code) : '';
  }

  #renderAddress(draft: Draft, issues: Map<FieldId, ClientIssue>): TemplateResult {
    const a = draft.address;
    const countries = countryOptions(this.locale, a.country);
    const countryError = this.#errorFor('country', issues);
    return html`<fieldset class="section address" part="section" aria-describedby="address-hint">
      <legend>${this.t('contacts.address.legend')}</legend>
      <p class="hint" id="address-hint">${this.t('contacts.address.hint')}</p>
      <div class="address-grid">
        ${this.#textField(
          'line1',
          this.t('contacts.address.line1'),
          a.line1,
          (v) => this.#setAddress('line1', v),
          issues,
          {
            required: true,
            autocomplete: 'address-line1',
            maxlength: 200,
          },
        )}
        ${this.#textField(
          'line2',
          this.t('contacts.address.line2'),
          a.line2,
          (v) => this.#setAddress('line2', v),
          issues,
          {
            autocomplete: 'address-line2',
            maxlength: 200,
          },
        )}
        ${this.#textField(
          'postalCode',
          this.t('contacts.address.postal-code'),
          a.postalCode,
          (v) => this.#setAddress('postalCode', v),
          issues,
          { required: true, autocomplete: 'postal-code', maxlength: 20 },
        )}
        ${this.#textField('city', this.t('contacts.address.city'), a.city, (v) => this.#setAddress('city', v), issues, {
          required: true,
          autocomplete: 'address-level2',
          maxlength: 100,
        })}
        <div class="field country">
          <label for="country">${this.t('contacts.address.country')} ${this.#requiredMark()}</label>
          <select
            id="country"
            required
            ?disabled=${!this.canWrite}
            autocomplete="country"
            aria-invalid=${countryError ? 'true' : 'false'}
            aria-describedby=${ifDefined(this.#describedBy(countryError && 'country-error'))}
            @change=${(e: Event) => this.#setAddress('country', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!a.country}>${this.t('contacts.address.country.choose')}</option>
            ${countries.map((c) => html`<option value=${c.code} ?selected=${c.code === a.country}>${c.name}</option>`)}
          </select>
          ${this.#fieldError('country', countryError)}
        </div>
      </div>
    </fieldset>`;
  }

  #renderEInvoicing(draft: Draft, issues: Map<FieldId, ClientIssue>): TemplateResult {
    const e = draft.eInvoicing;
    const toggleError = this.#errorFor('einvoice-enabled', issues);
    return html`<fieldset class="section einvoice" part="section">
      <legend>${this.t('contacts.einvoice.legend')}</legend>
      <div class="switch-row">
        <button
          id="einvoice-enabled"
          type="button"
          role="switch"
          class="switch"
          aria-checked=${e.enabled ? 'true' : 'false'}
          aria-labelledby="einvoice-label"
          ?disabled=${!this.canWrite}
          aria-invalid=${toggleError ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('einvoice-hint', toggleError && 'einvoice-enabled-error')!}
          @click=${() => this.#setEInvoicing({ enabled: !e.enabled }, 'einvoice-enabled')}
        ></button>
        <label for="einvoice-enabled" id="einvoice-label">${this.t('contacts.einvoice.toggle')}</label>
      </div>
      <p class="hint" id="einvoice-hint">${this.t('contacts.einvoice.hint')}</p>
      ${this.#fieldError('einvoice-enabled', toggleError)}
      ${
        e.enabled
          ? html`<div class="einvoice-grid">
              ${this.#textField(
                'einvoice-address',
                this.t('contacts.einvoice.address'),
                e.address,
                (v) => this.#setEInvoicing({ address: v }, 'einvoice-address'),
                issues,
                { required: true, hint: this.t('contacts.einvoice.address.hint'), maxlength: 200 },
              )}
              ${this.#textField(
                'operator-code',
                this.t('contacts.einvoice.operator'),
                e.operatorCode,
                (v) => this.#setEInvoicing({ operatorCode: v }, 'operator-code'),
                issues,
                { required: true, hint: this.t('contacts.einvoice.operator.hint'), maxlength: 50 },
              )}
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  #renderCompany(details: BillingDetails): TemplateResult {
    return html`<section class="section company" part="section company" aria-labelledby="company-title">
      <h3 id="company-title">${this.t('contacts.company.title')}</h3>
      <dl>
        <div>
          <dt>${this.t('contacts.company.name')}</dt>
          <dd class="company-name">${details.companyName}</dd>
        </div>
        <div>
          <dt>${this.t('contacts.company.vat')}</dt>
          <dd class="vat-number">${details.vatNumber || this.t('contacts.company.vat.none')}</dd>
        </div>
      </dl>
      <p class="hint where">
        ${
          details.companyManagedAt
            ? this.t('contacts.company.where', { place: details.companyManagedAt })
            : this.t('contacts.company.where.unknown')
        }
      </p>
    </section>`;
  }

  protected override render() {
    if (this.roleForbidden || this.loadError?.kind === 'forbidden') return forbiddenState(this.locale);
    const server = this.server;
    const draft = this.draft;
    if (!server || !draft || this.billing?.permissions === undefined) {
      if (this.loadError) return errorState(this.locale, this.loadError, () => this.refresh());
      return loadingState(this.locale, 12);
    }
    const issues = clientIssues(draft);
    const empty = server.recipients.length === 0 && !server.address.line1;
    return html`<form part="form" novalidate @submit=${this.#onSubmit} @focusout=${this.#onFocusOut}>
      <div class="head">
        <div>
          <h2 id="title" tabindex="-1">${this.t('contacts.title')}</h2>
          <p class="hint">${this.canWrite ? this.t('contacts.autosave') : this.t('contacts.read-only')}</p>
        </div>
        ${this.#renderStatus()}
      </div>
      ${empty ? emptyState(this.t('contacts.empty.title'), this.t('contacts.empty.body')) : nothing}
      ${this.#renderConflict(draft)}
      ${
        this.serverErrors.general
          ? html`<p class="field-error general" part="field-error">${this.serverErrors.general}</p>`
          : nothing
      }
      <div class="sections">
        <div class="column">
          ${this.#renderRecipients(draft, issues)} ${this.#renderContact(draft, issues)}
          ${this.#renderEInvoicing(draft, issues)}
        </div>
        <div class="column">
          ${this.#renderAddress(draft, issues)}
          <fieldset class="section po" part="section">
            <legend>${this.t('contacts.po.legend')}</legend>
            ${this.#textField(
              'po-number',
              this.t('contacts.po.label'),
              draft.poNumber,
              (v) => this.#edit(['po-number'], (d) => ({ ...d, poNumber: v })),
              issues,
              { hint: this.t('contacts.po.hint'), maxlength: 50 },
            )}
          </fieldset>
          ${this.#renderCompany(server)}
        </div>
      </div>
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-contacts-editor': BillingContactsEditor;
  }
}
