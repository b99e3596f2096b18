import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingDetails, Permissions } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import {
  addressLimits,
  billingContactLimits,
  billingDetailsInputLimits,
  eInvoicingLimits,
} from '../../client/limits.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { Query } from '../../internal/query.js';
import { onDemand } from '../../internal/on-demand.js';
import { privateElement } from '../../internal/private-element.js';
import { emptyState, forbiddenState, loadingState } from '../../internal/states.js';
import { tabRead } from '../../internal/tab-storage.js';
import { DetailsDocument, draftKey, type EditorContext } from './document.js';
import { countries } from './countries.js';
import { MAX_RECIPIENTS } from './draft.js';
import { keepDraft } from './keeping.js';
import type { Editing, SaveStatus } from './editing.js';
import type * as Restoring from './restoring.js';
import { de, en, nl } from './contacts-editor.messages.js';
import type { Draft, FieldId, TextField } from './model.js';
import type { PeoplePicker } from './people-picker.js';
import { contactsEditorStyles } from './contacts-editor.styles.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl, de };

/** The text inputs: maximum length, required, with a hint (`contacts.field.<id>.hint`), autocomplete token. */
const FIELDS: Record<
  Exclude<TextField, 'country'>,
  { max: number; required?: true; hint?: true; autocomplete?: string }
> = {
  line1: { max: addressLimits.line1.maxLength, required: true, autocomplete: 'address-line1' },
  line2: { max: addressLimits.line2.maxLength, autocomplete: 'address-line2' },
  postalCode: { max: addressLimits.postalCode.maxLength, required: true, autocomplete: 'postal-code' },
  city: { max: addressLimits.city.maxLength, required: true, autocomplete: 'address-level2' },
  'einvoice-address': { max: eInvoicingLimits.address.maxLength, required: true, hint: true },
  'operator-code': { max: eInvoicingLimits.operatorCode.maxLength, required: true, hint: true },
  'po-number': { max: billingDetailsInputLimits.poNumber.maxLength, hint: true },
};

/**
 * What only editing needs, loaded then (a chunk each, so a page that only shows the
 * details does not download them): editing itself (checks, auto-save) on the first focus
 * in the form, the people search on the contact field's first focus, the conflict review
 * when a save first meets another saved version, reading back a draft kept over a reload
 * when one is found. Tests replace one to see what the editor shows when it cannot be
 * loaded.
 */
export const onFirstUse = {
  editing: onDemand(() => import('./editing.js')),
  drafts: onDemand(() => import('./restoring.js')),
  picker: onDemand(() => import('./people-picker.js')),
  review: privateElement(() => import('./conflict-review.js')),
};

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
 * keeps every edit and offers a retry; fields the server refuses show its reason next to
 * them. When someone else saved first, their version and the user's are merged field by
 * field against the version the user started from: what only they changed is taken into
 * the form, what only the user changed is kept, and the merged document is saved at once
 * (the status names the fields of theirs that were kept). Recipients both changed are
 * merged by additions and removals. Only fields both changed to different values are
 * compared, in a panel where the user keeps their values or takes the other's.
 *
 * Turning e-invoicing on shows its address and operator code, required, without an error
 * and without saving: the switch is saved together with them once both are filled. An
 * empty one is marked ("required") when it is left, both when the section is; other edits
 * are saved meanwhile, with e-invoicing as it was. Turning it off again leaves nothing
 * unsaved.
 *
 * What only editing needs loads on demand, in chunks of their own that a page which only
 * shows the details never downloads: the checks and the auto-save when the user first
 * focuses the form (for roles that may edit), the people search when they first focus the
 * contact field, and what a refused save shows (the server's reasons, the comparison
 * panel) when the server first refuses one. A part that cannot be loaded says so and
 * offers a retry; no edit is lost.
 *
 * No edit is lost by a reload either: while the draft differs from what the server
 * confirmed, it is kept in the tab's `sessionStorage` (per tenant and API). After a reload
 * it is restored with a notice, "Restored unsaved changes", and waits for the user: Save
 * sends it, Discard returns to the server's version. When someone saved another version
 * meanwhile, the draft is merged with it in the same way, against the version it was made
 * from (kept with it): what only they changed is taken into the form, and the notice names
 * it; only fields both changed are compared first. Leaving the page while an edit is
 * unsaved (pending, being saved, or refused) asks the browser to confirm (`beforeunload`). When the role is
 * taken away mid-edit, the edit stays on screen, read-only, saying that saving needs an
 * administrator; once the role is back (the provider's `reload()`), it is saved.
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
 * @csspart conflict - The panel shown when someone else saved first and both changed some of the same fields.
 * @csspart keep-mine-button - Keeps the user's values of the fields both changed (with the other changes of theirs) and saves.
 * @csspart use-theirs-button - Takes the other version's values of the fields both changed; the user's other changes are still saved.
 * @csspart company - The read-only company name and VAT number.
 * @csspart restored - The notice above the form after a reload restored unsaved changes.
 * @csspart discard-button - Drops restored changes: the form shows the server's version.
 * @csspart save-button - Saves restored changes.
 * @csspart state - Loading, empty, error and forbidden boxes.
 *
 * @cssproperty --billing-contacts-editor-max-width - Width of the form. Default `56rem`.
 * @cssproperty --billing-contacts-editor-min-height - Space reserved while loading. Default `52rem` in two columns, `100rem` in one.
 */
export class BillingContactsEditor extends BillingElement {
  static override styles = [...BillingElement.styles, contactsEditorStyles];
  static override messages = messages;

  static override properties = {
    denied: { state: true },
    saveDelay: { type: Number, attribute: 'save-delay' },
  };

  /** The details as the server has them, with their version tag. */
  #details = new Query(this, {
    topics: ['details'],
    // The host's words in them (where the company name is changed) are in the reader's language.
    args: () => [this.locale] as const,
    run: (client, signal, [lang]) => client.getBillingDetails({ signal, lang }),
  });

  /** What the form shows and the user edits. */
  readonly #doc = new DetailsDocument();
  /** The answer the form shows (a newer one replaces it while the form is clean). */
  #adopted: unknown;
  /** A save was refused for the caller's role (a 403): the edit stays, read-only, until the role is back. */
  private denied: BillingApiError | undefined;
  /** The permissions last seen: new ones may give the role back. */
  #permissions: Permissions | null | undefined;
  /** Where the draft is kept in session storage (per API and tenant); known once `/me` answered. */
  #key: string | undefined;
  /** The key whose kept draft was looked for. */
  #looked: string | undefined;
  /** A kept draft is being restored: the form waits for it. */
  #restoring = false;
  /** Reading back a kept draft, once loaded (after a reload restored one, it shows the notice). */
  #drafts: typeof Restoring | undefined;

  /** Milliseconds after the last change before it is saved (a field losing focus saves at once). */
  saveDelay = 800;

  /** Editing, once loaded; until then the form shows the details (and an edit loads it). */
  #editing: Editing | undefined;
  #editingFailed = false;
  #picker: PeoplePicker | undefined;
  #pickerFailed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#onBeforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#onBeforeUnload);
  }

  /** Leaving the page would lose an unsaved edit (one that is pending, on its way, or refused): the browser asks first. */
  #onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.#unsaved) return;
    e.preventDefault();
    e.returnValue = ''; // older browsers ask only when it is set
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const billing = this.billing;
    const p = billing?.permissions;
    if (p !== this.#permissions) {
      this.#permissions = p;
      if (p?.tenantId && billing) this.#key = draftKey(billing.client.baseUrl, p.tenantId);
      // The role is back (e.g. the provider's reload() after signing in again): what waited for it goes on.
      if (p?.canWrite) {
        this.denied = undefined;
        this.#editing?.resume();
      }
      if (p?.canRead && this.#details.error?.kind === 'forbidden') void this.#details.refresh();
    }
    const answer = this.#details.value;
    // A new answer (the first, or a change made elsewhere) shows, unless the user is in the middle of an edit.
    if (answer && answer !== this.#adopted && !(this.#doc.server && (!this.#clean || answer.etag === this.#doc.etag))) {
      this.#adopt(answer);
    }
    // Once the details and the tenant are known: a draft kept over a reload comes back.
    const key = this.#key;
    if (key && key !== this.#looked && this.#doc.server && this.#clean) {
      this.#looked = key;
      if (tabRead(key)) void this.#restore(key);
    }
    if (this.#doc.restored && this.#clean) this.#doc.restored = false;
  }

  /** Shows the server's version `answer`: the draft and what editing knew of the last one go. */
  #adopt(answer: { details: BillingDetails; etag: string }): void {
    this.#adopted = answer;
    this.#doc.adopt(answer.details, answer.etag);
    this.#editing?.reset();
  }

  /** Keeps an unsaved draft in session storage over a reload, and removes it after (keeping.ts). */
  protected override updated(): void {
    const key = this.#key;
    if (key && !this.#restoring && this.isConnected) keepDraft(key, this.#doc, this.#unsaved);
  }

  /** Shows the draft kept under `key` (made before a reload) unless it is what the server has. */
  async #restore(key: string): Promise<void> {
    this.#restoring = true;
    this.requestUpdate();
    try {
      const m = (this.#drafts = await onFirstUse.drafts());
      const answer = this.#details.value;
      if (answer && this.#clean && m.show(this.#context, key, answer)) {
        void this.#useEditing((e) => e.restoredOver(answer.details));
      }
    } catch {
      // Not loaded (offline): the server's version shows; the kept draft stays for the next load.
    } finally {
      this.#restoring = false;
      this.requestUpdate();
    }
  }

  /** Drops restored (or any unsaved) changes: the form shows the server's version again. */
  #discard(): void {
    const answer = this.#details.value;
    if (!answer) return;
    this.#adopt(answer);
    this.#drafts!.discarded(this.#context);
    // The server's version may have moved on since it was loaded.
    void this.#details.refresh();
  }

  /** True when the form shows what the server has and nothing is on its way. */
  get #clean(): boolean {
    return !!this.#doc.draft && (this.#editing ? this.#editing.clean : !this.#doc.edited);
  }

  /** An edit the server has not confirmed: pending, on its way, refused, or restored after a reload. */
  get #unsaved(): boolean {
    return !!this.#doc.draft && !this.#clean;
  }

  /** The draft may be changed and saved: the role allows it, and no save was refused for the role since. */
  get #mayWrite(): boolean {
    return this.canWrite && !this.denied;
  }

  /** What the controllers loaded on demand get of the editor. */
  get #context(): EditorContext {
    return {
      host: this,
      doc: this.#doc,
      client: () => this.billing?.client,
      canWrite: () => this.#mayWrite,
      saveDelay: () => this.saveDelay,
      locale: () => this.locale,
      count: (n) => this.fmtCount(n),
      report: (error) => this.reportError(error),
      edit: (patch, field) => this.#edit(patch, field),
      saved: (details) => {
        // An answer loaded before (e.g. while the role was away) is older: it must not replace the saved version.
        this.#adopted = this.#details.value;
        this.changed('details', details);
        this.#details.absorb(); // the form shows the saved version already
      },
      forbidden: (error) => (this.denied = error),
      loadReview: () => onFirstUse.review(),
    };
  }

  /** Loads the details again (shown unless the user is in the middle of an edit). */
  refresh(): void {
    void this.#details.refresh();
  }

  // ---------------------------------------------------------------------------------
  // Editing (the editing part loads on the first focus in the form)

  /**
   * Loads the editing part when first needed, then hands it to `use`. When it cannot be
   * loaded, no edit is lost: the status line says so and offers a retry.
   */
  async #useEditing(use?: (editing: Editing) => unknown): Promise<void> {
    if (!this.canWrite) return;
    const m = await onFirstUse.editing().catch(() => undefined);
    this.#editingFailed = !m;
    if (m) use?.((this.#editing ??= new m.Editing(this.#context)));
    this.requestUpdate();
  }

  /** Applies an edit to the draft and schedules a save. */
  #edit(patch: Partial<Draft>, field?: FieldId): void {
    this.#doc.draft = { ...this.#doc.draft!, ...patch };
    this.#doc.edited = true;
    this.requestUpdate();
    void this.#useEditing((e) => e.edited(field));
  }

  #set(field: TextField | 'einvoice-enabled', value: string | boolean): void {
    this.#edit({ [field]: value }, field);
  }

  #setRecipient(key: number, value: string): void {
    const recipients = this.#doc.draft!.recipients.map((r) => (r.key === key ? { ...r, value } : r));
    this.#edit({ recipients }, `recipient-${key}`);
  }

  // ---------------------------------------------------------------------------------
  // The contact combobox (its list is the people search, loaded on the field's first focus)

  /** Loads the people search when first needed, then hands it to `use` if the contact field still has the focus. */
  async #usePicker(use?: (picker: PeoplePicker) => unknown): Promise<void> {
    if (!this.#mayWrite) return;
    // When it cannot be loaded, a typed e-mail address still works; a notice offers to try again.
    const m = await onFirstUse.picker().catch(() => undefined);
    this.#pickerFailed = !m;
    if (m) this.#picker ??= new m.PeoplePicker(this.#context);
    if (this.shadowRoot?.activeElement?.id === 'contact' && this.#picker) use?.(this.#picker);
    this.requestUpdate();
  }

  #onContactInput(e: Event): void {
    const text = (e.target as HTMLInputElement).value;
    this.#edit({ contactText: text, contact: text.trim() ? { email: text.trim() } : undefined }, 'contact');
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
        .value=${this.#doc.draft![id]}
        ?required=${!!o.required}
        ?readonly=${!this.#mayWrite}
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
    // An edit made while the editing part loads is pending already; one the role may no longer save waits for it.
    const s: SaveStatus =
      this.#unsaved && !this.#mayWrite && this.billing?.permissions
        ? 'denied'
        : this.#editingFailed
          ? 'failed'
          : (editing?.status ?? (this.#doc.restored ? 'restored' : this.#doc.edited ? 'pending' : 'idle'));
    const tone = s === 'saved' ? 'ok' : /^(failed|invalid|blocked|conflict|denied)$/.test(s) ? 'bad' : '';
    // Once editing is loaded it says every status; before (or when a part failed to load), the element says its own.
    const text =
      editing && !this.#editingFailed
        ? editing.statusText(s)
        : this.t(`contacts.status.${s === 'restored' ? 'pending' : s}`, { reason: this.t('contacts.part-failed') });
    // A save refused for the role is tried again on request: the role may be back without a reload of the permissions.
    const retry = s === 'failed' || (s === 'denied' && this.canWrite);
    return html`<div class="status-bar">
      <p class="save-status ${tone}" part="save-status" role="status" data-status=${s}>
        <span class="status-icon" aria-hidden="true"
          >${tone === 'ok' ? '✓' : tone ? '!' : s === 'saving' ? '…' : '•'}</span
        ><span class="status-text">${text}</span>
      </p>
      ${
        retry
          ? html`<button
              type="button"
              part="retry-button"
              class="retry"
              @click=${() => {
                this.denied = undefined;
                void this.#useEditing((e) => e.retry());
              }}
            >
              ${this.t('contacts.retry')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderRecipients(server: BillingDetails): TemplateResult {
    const rows = this.#doc.draft!.recipients;
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
                  ?readonly=${!this.#mayWrite}
                  maxlength=${billingDetailsInputLimits.recipients.items.maxLength}
                  autocomplete="off"
                  spellcheck="false"
                  aria-invalid=${!!error}
                  aria-describedby=${ifDefined(this.#describedBy(error && `${id}-error`))}
                  @input=${(e: Event) => this.#setRecipient(r.key, (e.target as HTMLInputElement).value)}
                />
                ${
                  this.#mayWrite
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
      ${this.#editing?.renderNotice()}
      ${
        recommend
          ? html`<p class="recommendation" part="recommendation">
              <span class="rec-icon" aria-hidden="true">!</span><span>${this.t('contacts.recipients.recommend')}</span>
            </p>`
          : nothing
      }
      ${
        !this.#mayWrite
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
    const draft = this.#doc.draft!;
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
            maxlength=${billingContactLimits.email.maxLength}
            ?readonly=${!this.#mayWrite}
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
                    // The search answers the field that has the focus.
                    this.renderRoot.querySelector<HTMLElement>('#contact')?.focus();
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
    const country = this.#doc.draft!.country;
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
            ?disabled=${!this.#mayWrite}
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
    const on = this.#doc.draft!['einvoice-enabled'];
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
          ?disabled=${!this.#mayWrite}
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
    const server = this.#doc.server;
    // An unsaved edit stays on screen whatever happens to the session (the role taken away, a
    // 403, the permissions reloading): read-only until it may be saved again.
    if (server && this.#unsaved && !this.#restoring) return this.#renderForm(server);
    if (this.denied) return forbiddenState(this.locale);
    // The form waits for the role too (it decides whether the fields can be edited), and for a kept draft.
    return this.renderQuery(
      this.#details,
      () =>
        server && this.billing?.permissions !== undefined && !this.#restoring
          ? this.#renderForm(server)
          : loadingState(this.locale, 12),
      12,
    );
  }

  #renderForm(server: BillingDetails): TemplateResult {
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
        this.#doc.restored
          ? this.#drafts?.notice(this.locale, {
              editing: this.#editing,
              mayWrite: this.#mayWrite,
              save: () => void this.#useEditing((e) => e.retry()),
              discard: () => this.#discard(),
            })
          : nothing
      }
      ${
        server.recipients.length === 0 && !server.address.line1
          ? emptyState(this.t('contacts.empty.title'), this.t('contacts.empty.body'))
          : nothing
      }
      ${this.#editing?.renderRefusal()}
      <div class="sections">
        <div class="column">${this.#renderRecipients(server)} ${this.#renderContact()} ${this.#renderEInvoicing()}</div>
        <div class="column">
          ${this.#renderAddress()}
          <fieldset class="section po" part="section">
            <legend>${this.t('contacts.po.legend')}</legend>
            ${this.#field('po-number')}
          </fieldset>
          ${this.#renderCompany(this.#details.value?.details ?? server)}
        </div>
      </div>
      <p class="visually-hidden" role="status">${this.#doc.announcement}</p>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-contacts-editor': BillingContactsEditor;
  }
}
