import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingClient, BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import { languageOf, type MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorMessage, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { COUNTRIES, countryName, draftOf, MAX_RECIPIENTS, row } from './contacts-editor.draft.js';
import type { Editing, SaveStatus } from './contacts-editor.editing.js';
import type { EditorElement } from './contacts-editor.host.js';
import { en, nl } from './contacts-editor.messages.js';
import type { Draft, FieldId, TextField } from './contacts-editor.model.js';
import { parts } from './contacts-editor.parts.js';
import type { PeoplePicker } from './contacts-editor.picker.js';
import { contactsEditorStyles } from './contacts-editor.styles.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl };

/** The text inputs: maximum length, required, with a hint (`contacts.field.<id>.hint`), autocomplete token. */
const FIELDS: Record<
  Exclude<TextField, 'country'>,
  { max: number; required?: true; hint?: true; autocomplete?: string }
> = {
  line1: { max: 200, required: true, autocomplete: 'address-line1' },
  line2: { max: 200, autocomplete: 'address-line2' },
  postalCode: { max: 20, required: true, autocomplete: 'postal-code' },
  city: { max: 100, required: true, autocomplete: 'address-level2' },
  'einvoice-address': { max: 200, required: true, hint: true },
  'operator-code': { max: 50, required: true, hint: true },
  'po-number': { max: 50, hint: true },
};

const countryLists = new Map<string, [code: string, name: string][]>();

/** The countries to choose from, sorted by name in the locale; a stored other code is among them. */
function countries(locale: string, current: string): [code: string, name: string][] {
  const key = `${locale} ${current}`;
  let list = countryLists.get(key);
  if (!list) {
    list = [...new Set([...COUNTRIES, current])]
      .filter((code) => code)
      .map((code): [string, string] => [code, countryName(locale, code)])
      .sort((a, b) => a[1].localeCompare(b[1], locale));
    countryLists.set(key, list);
  }
  return list;
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
 * What only editing needs loads on demand, in chunks of their own that a page which only
 * shows the details never downloads: the checks and the auto-save when the user first
 * focuses the form (for roles that may edit), the people search when they first focus the
 * contact field, and what a refused save shows (the server's reasons, the comparison
 * panel) when the server first refuses one. A part that cannot be loaded says so and
 * offers a retry; no edit is lost.
 *
 * @summary Invoice recipients, billing contact, address, e-invoicing and PO number, saved as you type.
 * @tagname billing-contacts-editor
 *
 * @event billing-change - Billing details were saved (topic `details`, `detail` the saved `BillingDetails`); the other elements of the provider refetch.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart form - The form around every section.
 * @csspart save-status - The auto-save status line (saving, saved, not saved).
 * @csspart retry-button - The retry button of a failed save, of a people search that could not be loaded, and of the error state.
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

  // The state below that is not `#private` is also used by the parts loaded on demand
  // (contacts-editor.host.ts lists it).

  /** The version last loaded or saved. */
  @state() private server: BillingDetails | undefined;
  /** What the user edits. */
  @state() private draft: Draft | undefined;
  @state() private loadError: BillingApiError | undefined;
  /** Said by the form's live region. */
  @state() private announcement = '';

  /** Milliseconds after the last change before it is saved (a field losing focus saves at once). */
  @property({ type: Number, attribute: 'save-delay' }) saveDelay = 800;

  /** The version tag of `server`, sent with `If-Match`. */
  private etag = '';
  /** The document last confirmed by the server; none for the one loaded (see EditorElement). */
  private savedKey: string | undefined;
  /** The provider's revision the element has seen. */
  private seenRevision = -1;
  #client: BillingClient | undefined;
  #loadAbort: AbortController | undefined;
  /** The editing part, once loaded; until then the form shows the details (and an edit loads it). */
  #editing: Editing | undefined;
  #editingFailed = false;
  /** The draft was edited since it was loaded (what tells whether it is clean until the editing part is there). */
  #edited = false;
  #picker: PeoplePicker | undefined;
  #pickerFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: pick up where it was left.
    this.#editing?.connect();
    if (!this.server && this.#client) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#editing?.disconnect();
    this.#loadAbort?.abort();
    this.#picker?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const billing = this.billing;
    if (!billing || this.roleForbidden) return;
    if (billing.client !== this.#client) {
      this.#client = billing.client;
      this.seenRevision = billing.revision;
      void this.#load();
    } else if (billing.revision !== this.seenRevision) {
      // Something changed elsewhere: show it, unless the user is in the middle of an edit.
      this.seenRevision = billing.revision;
      if (this.#clean) void this.#load(true);
    }
  }

  /** True when the form shows what the server has and nothing is on its way. */
  get #clean(): boolean {
    return !!this.draft && (this.#editing ? this.#editing.clean : !this.#edited);
  }

  /** The element as its parts loaded on demand see it. */
  get #self(): EditorElement {
    return this as unknown as EditorElement;
  }

  private get english(): boolean {
    return languageOf(this.locale) === 'en';
  }

  private describe(error: BillingApiError): string {
    return errorMessage(this.locale, error);
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
      if (quiet && (!this.#clean || etag === this.etag)) return;
      this.adopt(details, etag);
    } catch (e) {
      if (ctrl.signal.aborted) return;
      const error = this.reportError(e);
      if (!quiet) this.loadError = error;
    }
  }

  /** Shows a server version in the form, replacing the draft. */
  private adopt(details: BillingDetails, etag: string): void {
    this.server = details;
    this.etag = etag;
    this.draft = draftOf(details);
    this.savedKey = undefined;
    this.#edited = false;
    this.#editing?.reset();
  }
  /** Loads the details again after a failed first load. */
  refresh(): void {
    this.loadError = undefined;
    if (!this.#client) this.#client = this.billing?.client;
    void this.#load();
  }

  // ---------------------------------------------------------------------------------
  // Editing (the editing part loads on the first focus in the form)

  /**
   * Loads the editing part when first needed, then hands it to `use`. When it cannot be
   * loaded, no edit is lost: the status line says so and offers a retry.
   */
  async #useEditing(use?: (editing: Editing) => unknown): Promise<void> {
    if (!this.canWrite) return;
    const m = await parts.editing().catch(() => undefined);
    this.#editingFailed = !m;
    if (m) use?.((this.#editing ??= new m.Editing(this.#self, { draftOf, row, refused: () => parts.refused() })));
    this.requestUpdate();
  }

  /** Applies an edit to the draft and schedules a save. */
  private edit(patch: Partial<Draft>, field?: FieldId): void {
    this.draft = { ...this.draft!, ...patch };
    this.#edited = true;
    void this.#useEditing((e) => e.edited(field));
  }

  #set(field: TextField | 'einvoice-enabled', value: string | boolean): void {
    this.edit({ [field]: value }, field);
  }

  #setRecipient(key: number, value: string): void {
    const recipients = this.draft!.recipients.map((r) => (r.key === key ? { ...r, value } : r));
    this.edit({ recipients }, `recipient-${key}`);
  }

  #focus(id: string): void {
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // ---------------------------------------------------------------------------------
  // The contact combobox (its list is the people search, loaded on the field's first focus)

  /** Loads the people search when first needed, then hands it to `use` if the contact field still has the focus. */
  async #usePicker(use?: (picker: PeoplePicker) => unknown): Promise<void> {
    if (!this.canWrite) return;
    // When it cannot be loaded, a typed e-mail address still works; a notice offers to try again.
    const m = await parts.picker().catch(() => undefined);
    this.#pickerFailed = !m;
    if (m) this.#picker ??= new m.PeoplePicker(this.#self);
    if (this.shadowRoot?.activeElement?.id === 'contact' && this.#picker) use?.(this.#picker);
    this.requestUpdate();
  }

  #onContactInput(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    this.edit({ contactText: text, contact: text.trim() ? { email: text.trim() } : undefined }, 'contact');
    void this.#usePicker((p) => p.searchSoon(text));
  }

  #onContactKey(e: KeyboardEvent): void {
    if (this.#picker) this.#picker.key(e);
    else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.#usePicker((p) => p.key(e));
    }
  }

  #onFocusOut(e: FocusEvent): void {
    const id = (e.target as HTMLElement).id;
    if (id === 'contact') this.#picker?.close();
    void this.#useEditing((editing) => editing.focusOut(id));
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  /** The message shown next to a field (there are none before the user edits). */
  #errorFor(id: FieldId): string | undefined {
    return this.#editing?.errorFor(id);
  }

  #describedBy(...ids: (string | false | undefined)[]): string | undefined {
    return ids.filter((x) => x).join(' ') || undefined;
  }

  #fieldError(id: string, error: string | undefined): TemplateResult | typeof nothing {
    return error ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${error}</p>` : nothing;
  }

  #requiredMark(): TemplateResult {
    return html`<span class="required" aria-hidden="true">${this.t('contacts.required')}</span>`;
  }

  #field(id: keyof typeof FIELDS): TemplateResult {
    const o = FIELDS[id];
    const error = this.#errorFor(id);
    return html`<div class="field ${id}">
      <label for=${id}>${this.t(`contacts.field.${id}`)} ${o.required ? this.#requiredMark() : nothing}</label>
      <input
        id=${id}
        type="text"
        .value=${this.draft![id]}
        ?required=${!!o.required}
        ?readonly=${!this.canWrite}
        maxlength=${o.max}
        autocomplete=${o.autocomplete ?? 'off'}
        aria-invalid=${!!error}
        aria-describedby=${ifDefined(this.#describedBy(o.hint && `${id}-hint`, error && `${id}-error`))}
        @input=${(e: Event) => this.#set(id, (e.target as HTMLInputElement).value)}
      />
      ${o.hint ? html`<p class="hint" id=${`${id}-hint`}>${this.t(`contacts.field.${id}.hint` as MessageKey)}</p>` : nothing}
      ${this.#fieldError(id, error)}
    </div>`;
  }

  #renderStatus(): TemplateResult {
    const editing = this.#editing;
    // An edit made while the editing part loads is pending already.
    const s: SaveStatus = this.#editingFailed ? 'failed' : (editing?.status ?? (this.#edited ? 'pending' : 'idle'));
    const tone = s === 'saved' ? 'ok' : /^(failed|invalid|blocked|conflict)$/.test(s) ? 'bad' : '';
    const error = editing?.saveError;
    const reason = error && !this.#editingFailed ? this.describe(error) : this.t('contacts.part-failed');
    return html`<div class="status-bar">
      <p class="save-status ${tone}" part="save-status" role="status" data-status=${s}>
        <span class="status-icon" aria-hidden="true"
          >${tone === 'ok' ? '✓' : tone ? '!' : s === 'saving' ? '…' : '•'}</span
        ><span class="status-text">${this.t(`contacts.status.${s}`, { reason })}</span>
      </p>
      ${
        s === 'failed'
          ? html`<button
              type="button"
              part="retry-button"
              class="retry"
              @click=${() => this.#useEditing((e) => e.retry())}
            >
              ${this.t('contacts.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderRecipients(server: BillingDetails): TemplateResult {
    const rows = this.draft!.recipients;
    const issues = this.#editing?.issues;
    const filled = rows.filter((r) => r.value.trim() && !issues?.has(`recipient-${r.key}`)).length;
    // With none at all, the missing recipient is the message; with one, the advice to add a second.
    const recommend = !!server.recommendations?.includes('add-second-recipient') && filled === 1;
    return html`<fieldset class="section recipients" part="section" aria-describedby="recipients-hint">
      <legend>${this.t('contacts.recipients.legend')} ${this.#requiredMark()}</legend>
      <p class="hint" id="recipients-hint">${this.t('contacts.recipients.hint')}</p>
      <ol class="recipient-list">
        ${repeat(
          rows,
          (r) => r.key,
          (r, i) => {
            const id: FieldId = `recipient-${r.key}`;
            const error = this.#errorFor(id);
            const label = this.t('contacts.recipients.label', { n: i + 1 });
            return html`<li class="recipient" part="recipient">
              <div class="recipient-row">
                <label class="visually-hidden" for=${id}>${label}</label>
                <input
                  id=${id}
                  type="email"
                  .value=${r.value}
                  ?required=${i === 0}
                  ?readonly=${!this.canWrite}
                  maxlength="254"
                  autocomplete="off"
                  spellcheck="false"
                  aria-invalid=${!!error}
                  aria-describedby=${ifDefined(this.#describedBy(error && `${id}-error`))}
                  @input=${(e: Event) => this.#setRecipient(r.key, (e.target as HTMLInputElement).value)}
                />
                ${
                  this.canWrite
                    ? html`<button
                        type="button"
                        class="remove"
                        part="remove-button"
                        @click=${() => this.#useEditing((e) => e.remove(r.key))}
                      >
                        <span class="remove-icon" aria-hidden="true">×</span
                        ><span class="remove-text">${this.t('contacts.recipients.remove')}</span
                        ><span class="visually-hidden"> ${r.value.trim() || label}</span>
                      </button>`
                    : nothing
                }
              </div>
              ${this.#fieldError(id, error)}
            </li>`;
          },
        )}
      </ol>
      ${this.#editing?.notice ? html`<p class="notice" role="alert">${this.#editing.notice}</p>` : nothing}
      ${
        recommend
          ? html`<p class="recommendation" part="recommendation">
              <span class="rec-icon" aria-hidden="true">!</span><span>${this.t('contacts.recipients.recommend')}</span>
            </p>`
          : nothing
      }
      ${
        !this.canWrite
          ? nothing
          : rows.length >= MAX_RECIPIENTS
            ? html`<p class="hint">${this.t('contacts.recipients.max', { n: MAX_RECIPIENTS })}</p>`
            : html`<button
                type="button"
                id="add-recipient"
                class="add"
                part="add-button"
                @click=${() => this.#useEditing((e) => e.add())}
              >
                <span aria-hidden="true">+</span> ${this.t('contacts.recipients.add')}
              </button>`
      }
    </fieldset>`;
  }

  #renderContact(): TemplateResult {
    const draft = this.draft!;
    const error = this.#errorFor('contact');
    const c = draft.contact;
    const picker = this.#picker;
    const about = c?.personId
      ? this.t('contacts.contact.person', { email: c.email ?? '' })
      : c?.email && !error
        ? (c.name ? `${c.name} · ` : '') + this.t('contacts.contact.typed')
        : '';
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
            aria-expanded=${!!picker?.expanded}
            aria-controls="contact-listbox"
            aria-activedescendant=${ifDefined(picker?.activeId)}
            aria-invalid=${!!error}
            aria-describedby=${ifDefined(
              this.#describedBy('contact-hint', about && 'contact-about', error && 'contact-error'),
            )}
            autocomplete="off"
            spellcheck="false"
            maxlength="254"
            ?readonly=${!this.canWrite}
            .value=${draft.contactText}
            @focus=${() => this.#usePicker()}
            @input=${this.#onContactInput}
            @keydown=${this.#onContactKey}
            @click=${() => this.#usePicker((p) => p.open || p.search())}
          />
          ${picker?.render() ?? html`<ul id="contact-listbox" role="listbox" aria-labelledby="contact-label" hidden></ul>`}
        </div>
        ${about ? html`<p class="hint about" id="contact-about">${about}</p>` : nothing}
        ${this.#fieldError('contact', error)}
        ${
          this.#pickerFailed
            ? html`<p class="hint" role="alert">
                ${this.t('contacts.contact.search-failed')}
                <button
                  type="button"
                  part="retry-button"
                  @click=${() => {
                    this.#focus('contact');
                    void this.#usePicker((p) => p.search());
                  }}
                >
                  ${this.t('state.retry')}
                </button>
              </p>`
            : nothing
        }
        <p class="visually-hidden" role="status">${picker?.live}</p>
      </div>
    </fieldset>`;
  }

  #renderAddress(): TemplateResult {
    const country = this.draft!.country;
    const error = this.#errorFor('country');
    return html`<fieldset class="section address" part="section" aria-describedby="address-hint">
      <legend>${this.t('contacts.address.legend')}</legend>
      <p class="hint" id="address-hint">${this.t('contacts.address.hint')}</p>
      <div class="address-grid">
        ${this.#field('line1')} ${this.#field('line2')} ${this.#field('postalCode')} ${this.#field('city')}
        <div class="field country">
          <label for="country">${this.t('contacts.field.country')} ${this.#requiredMark()}</label>
          <select
            id="country"
            required
            ?disabled=${!this.canWrite}
            autocomplete="country"
            aria-invalid=${!!error}
            aria-describedby=${ifDefined(this.#describedBy(error && 'country-error'))}
            @change=${(e: Event) => this.#set('country', (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!country}>${this.t('contacts.address.country.choose')}</option>
            ${countries(this.locale, country).map(
              ([code, name]) => html`<option value=${code} ?selected=${code === country}>${name}</option>`,
            )}
          </select>
          ${this.#fieldError('country', error)}
        </div>
      </div>
    </fieldset>`;
  }

  #renderEInvoicing(): TemplateResult {
    const on = this.draft!['einvoice-enabled'];
    const error = this.#errorFor('einvoice-enabled');
    return html`<fieldset class="section einvoice" part="section">
      <legend>${this.t('contacts.einvoice.legend')}</legend>
      <div class="switch-row">
        <button
          id="einvoice-enabled"
          type="button"
          role="switch"
          class="switch"
          aria-checked=${on}
          aria-labelledby="einvoice-label"
          ?disabled=${!this.canWrite}
          aria-invalid=${!!error}
          aria-describedby=${this.#describedBy('einvoice-hint', error && 'einvoice-enabled-error')!}
          @click=${() => this.#set('einvoice-enabled', !on)}
        ></button>
        <label for="einvoice-enabled" id="einvoice-label">${this.t('contacts.einvoice.toggle')}</label>
      </div>
      <p class="hint" id="einvoice-hint">${this.t('contacts.einvoice.hint')}</p>
      ${this.#fieldError('einvoice-enabled', error)}
      ${on ? html`<div class="einvoice-grid">${this.#field('einvoice-address')} ${this.#field('operator-code')}</div>` : nothing}
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
      <p class="hint">
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
      return this.loadError
        ? errorState(this.locale, this.loadError, () => this.refresh())
        : loadingState(this.locale, 12);
    }
    return html`<form
      part="form"
      novalidate
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#useEditing((editing) => editing.save());
      }}
      @focusin=${() => this.#useEditing()}
      @focusout=${this.#onFocusOut}
    >
      <div class="head">
        <div>
          <h2 id="title" tabindex="-1">${this.t('contacts.title')}</h2>
          ${this.canWrite ? nothing : html`<p class="hint">${this.t('contacts.read-only')}</p>`}
        </div>
        ${this.#renderStatus()}
      </div>
      ${
        server.recipients.length === 0 && !server.address.line1
          ? emptyState(this.t('contacts.empty.title'), this.t('contacts.empty.body'))
          : nothing
      }
      ${this.#editing?.render()}
      <div class="sections">
        <div class="column">${this.#renderRecipients(server)} ${this.#renderContact()} ${this.#renderEInvoicing()}</div>
        <div class="column">
          ${this.#renderAddress()}
          <fieldset class="section po" part="section">
            <legend>${this.t('contacts.po.legend')}</legend>
            ${this.#field('po-number')}
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
