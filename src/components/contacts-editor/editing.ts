/**
 * Editing in <billing-contacts-editor>, loaded when the user first focuses the form (a
 * chunk of its own): the client's checks and their messages, the auto-save cycle
 * (debounced, at once when a field is left, one save at a time, `If-Match`), adding and
 * removing recipients, the server's reasons for a refused save, and another saved version:
 * merged with the user's field by field (what only one side changed is taken), and what
 * both changed compared in a review (a private element, loaded when one first happens).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import { errorMessage } from '../../internal/states.js';
import type { EditorContext } from './document.js';
import { draftOf, row } from './draft.js';
import { clientIssues, inputOf, keyOf, type ClientIssue, type Draft, type FieldId } from './model.js';
import {
  merge,
  names,
  serverErrors,
  speaker,
  take,
  type DiffField,
  type Merged,
  type ServerErrors,
  type Speaker,
} from './refusal.js';

/**
 * Where the auto-save stands, as the status line says it (`contacts.status.<status>`):
 * `restored` is a draft kept over a reload, not sent until the user edits or asks;
 * `denied` a save refused for the caller's role.
 */
export type SaveStatus =
  | 'idle'
  | 'pending'
  | 'restored'
  | 'blocked'
  | 'saving'
  | 'saved'
  | 'failed'
  | 'invalid'
  | 'conflict'
  | 'replaced'
  | 'denied';

const POINTER_EVENTS = ['pointerdown', 'pointerup', 'pointercancel'];

/** E-invoicing's fields, required while it is on: marked once left (or the section is), never when it is turned on. */
const EINVOICE: FieldId[] = ['einvoice-address', 'operator-code'];
const IN_EINVOICE = /^(einvoice|operator)-/;

/** The editing state and behaviour of one element, a controller of it; the element renders what it holds. */
export class Editing implements ReactiveController {
  status: SaveStatus = 'idle';
  /** Why the last save failed; none with status `failed` when a part of the editor could not be loaded. */
  saveError: BillingApiError | undefined;
  /** The server's reasons from the last refused save, by field. */
  serverErrors: ServerErrors = {};
  /** Fields whose client-side problems are shown (left once, or a save was attempted). */
  touched = new Set<string>();
  /** The version someone else saved, while the user chooses what both changed. */
  conflict: BillingDetails | undefined;
  /** The fields of the version someone else saved that were taken into the user's (said once saved). */
  taken: DiffField[] = [];
  /** The version the user started from, as saved, while they choose (none: not known, every difference is a choice). */
  #base: Draft | undefined;
  /**
   * The draft was restored after a reload over a newer version than the one it was made
   * from: that one is the base kept with it (`doc.kept.base`), not the server's, until the
   * newer version is adopted.
   */
  #over = false;
  /** A refusal next to the recipients (removing the last one). */
  notice = '';
  #saving = false;
  #queued = false;
  #everSaved = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** A pointer is pressed: what must wait for its release (the messages of a field just left). */
  #pointerDown = false;
  #afterPointer: (() => void)[] = [];
  /** The draft last checked, and its problems. */
  #checked: [Draft | undefined, Map<FieldId, ClientIssue>] = [undefined, new Map()];
  readonly #ctx: EditorContext;
  /** Says editing's words in the editor's language. */
  readonly speaker: Speaker;

  constructor(ctx: EditorContext) {
    this.#ctx = ctx;
    this.speaker = speaker(ctx.locale);
    ctx.host.addController(this);
  }

  /** The client's problems with the draft. */
  get issues(): Map<FieldId, ClientIssue> {
    const draft = this.#ctx.doc.draft;
    if (this.#checked[0] !== draft) this.#checked = [draft, draft ? clientIssues(draft) : new Map()];
    return this.#checked[1];
  }

  /**
   * The version the draft was made from, as saved: the server's, or for a draft restored
   * over a newer version, the one kept with it (none when it was kept without).
   */
  get #from(): Draft | undefined {
    const doc = this.#ctx.doc;
    const base = this.#over ? doc.kept?.base : draftOf(doc.server!);
    return base && this.asSaved(base);
  }

  /** The key of the document last confirmed by the server (see DetailsDocument). */
  get #savedKey(): string {
    const doc = this.#ctx.doc;
    return (doc.savedKey ??= keyOf(draftOf(doc.server!)));
  }

  get #dirty(): boolean {
    const draft = this.#ctx.doc.draft;
    return !!draft && keyOf(draft) !== this.#savedKey;
  }

  /** True when the form shows what the server has and nothing is on its way. */
  get clean(): boolean {
    return !this.#dirty && !this.#saving && !this.conflict && this.status !== 'failed' && this.status !== 'invalid';
  }

  /** The element is in the page (again): listens, and picks up where it was left (a restored draft waits for the user). */
  hostConnected(): void {
    for (const type of POINTER_EVENTS) window.addEventListener(type, this.#onPointer, true);
    if (!this.#dirty) return;
    if (this.#ctx.doc.restored && this.status === 'idle') this.status = 'restored';
    else if (this.status !== 'restored') this.schedule();
  }

  hostDisconnected(): void {
    for (const type of POINTER_EVENTS) window.removeEventListener(type, this.#onPointer, true);
    clearTimeout(this.#timer);
  }

  /** The element shows a server version: nothing of the old one remains. */
  reset(): void {
    this.serverErrors = {};
    this.touched = new Set();
    this.conflict = undefined;
    this.taken = [];
    this.notice = '';
    this.status = 'idle';
  }

  /** After an edit of the draft: the server's reason for the field is stale, and a save is due. */
  edited(field?: FieldId): void {
    if (field && this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    // Turned on (again), e-invoicing's empty fields are not marked before they are left.
    if (field === 'einvoice-enabled') this.touched = new Set([...this.touched].filter((id) => !IN_EINVOICE.test(id)));
    if (!this.conflict) this.taken = [];
    this.notice = '';
    this.schedule();
  }

  schedule(): void {
    clearTimeout(this.#timer);
    if (!this.#saving && !this.conflict) this.status = this.#dirty ? 'pending' : this.#everSaved ? 'saved' : 'idle';
    this.#timer = setTimeout(() => void this.save(), this.#ctx.saveDelay());
  }

  #onPointer = (e: Event): void => {
    this.#pointerDown = e.type === 'pointerdown';
    const waiting = this.#pointerDown ? [] : this.#afterPointer.splice(0);
    // After the click: a message appearing under the pointer must not move what was clicked.
    if (waiting.length > 0) setTimeout(() => waiting.forEach((fn) => fn()));
  };

  /** Runs `fn` now, or once a pressed pointer is released. */
  #whenReleased(fn: () => void): void {
    if (this.#pointerDown) this.#afterPointer.push(fn);
    else fn();
  }

  /** Shows the client's messages for these fields. */
  #touch(ids: string[]): void {
    this.#whenReleased(() => {
      this.touched = new Set([...this.touched, ...ids]);
      this.#ctx.host.requestUpdate();
    });
  }

  /** The control with this id lost the focus: its messages show, and a pending edit is saved at once. */
  focusOut(id: string): void {
    if (id && id !== 'title') this.#touch([id]);
    this.#whenReleased(() => this.#saveLeft());
    // Once the focus is on nothing of e-invoicing any more, its empty required fields are marked.
    if (IN_EINVOICE.test(id)) {
      setTimeout(() => {
        if (this.#ctx.host.shadowRoot?.activeElement?.closest('.einvoice')) return;
        this.#touch(EINVOICE);
        this.#whenReleased(() => this.#saveLeft());
      });
    }
  }

  /** A field was left: a pending edit is saved at once. */
  #saveLeft(): void {
    if (this.#dirty && (this.status === 'pending' || this.status === 'saving')) void this.save();
  }

  #focus(id: string): void {
    this.#ctx.host.shadowRoot?.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  /** Focuses a control once the pending render is done. */
  #focusSoon(id: string): void {
    void this.#ctx.host.updateComplete.then(() => this.#focus(id));
  }

  add(): void {
    const doc = this.#ctx.doc;
    const added = row();
    doc.draft = { ...doc.draft!, recipients: [...doc.draft!.recipients, added] };
    this.#ctx.host.requestUpdate();
    this.notice = '';
    this.#focusSoon(`recipient-${added.key}`);
  }

  remove(key: number): void {
    const { doc, host } = this.#ctx;
    const rows = doc.draft!.recipients;
    const i = rows.findIndex((r) => r.key === key);
    const removed = rows[i]?.value.trim() ?? '';
    const rest = rows.filter((r) => r.key !== key);
    if (rest.length === 0 || (removed && !rest.some((r) => r.value.trim()))) {
      this.notice = this.speaker.t('contacts.recipients.remove-last');
      host.requestUpdate();
      return;
    }
    // Indexes shift: the server's reasons for recipients no longer point at the right rows.
    this.serverErrors = Object.fromEntries(
      Object.entries(this.serverErrors).filter(([field]) => !field.startsWith('recipient-')),
    );
    doc.draft = { ...doc.draft!, recipients: rest };
    doc.edited = true;
    this.edited();
    if (removed) doc.announcement = this.speaker.t('contacts.recipients.removed', { email: removed });
    host.requestUpdate();
    this.#focusSoon(`recipient-${rest[Math.min(i, rest.length - 1)]!.key}`);
  }

  /** Saves the draft now (the element renders the outcome). */
  async save(): Promise<void> {
    try {
      await this.#save();
    } finally {
      this.#ctx.host.requestUpdate();
    }
  }

  async #save(): Promise<void> {
    clearTimeout(this.#timer);
    const ctx = this.#ctx;
    const doc = ctx.doc;
    const client = ctx.client();
    const draft = doc.draft;
    if (!client || !draft || !ctx.canWrite()) return;
    if (this.conflict) {
      this.status = 'conflict';
      return;
    }
    if (this.#saving) {
      this.#queued = true;
      return;
    }
    const issues = [...clientIssues(draft)];
    // E-invoicing turned on waits for its address and operator code (marked once left): the rest is saved without it.
    const waiting = issues.filter(([, issue]) => issue.code === 'required').map(([id]) => id);
    if (issues.length > waiting.length) {
      // A contact still being typed (the user may be searching for a person) is not marked until left.
      const typing = ctx.host.shadowRoot?.activeElement?.id === 'contact';
      const shown = issues.map(([id]) => id).filter((id) => !waiting.includes(id) && !(typing && id === 'contact'));
      this.#touch(shown);
      this.status = shown.length > 0 ? 'blocked' : 'pending';
      return;
    }
    const { input, rowKeys } = inputOf(draft);
    if (waiting.length > 0) input.eInvoicing = inputOf(draftOf(doc.server!)).input.eInvoicing;
    const key = JSON.stringify(input);
    if (key === this.#savedKey) {
      this.status = !this.#dirty
        ? this.#everSaved
          ? 'saved'
          : 'idle'
        : waiting.some((id) => this.touched.has(id))
          ? 'blocked'
          : 'pending';
      return;
    }
    this.#saving = true;
    this.status = 'saving';
    this.saveError = undefined;
    ctx.host.requestUpdate();
    let again = false;
    try {
      const { details, etag } = await client.putBillingDetails(input, doc.etag);
      doc.etag = etag;
      doc.server = details;
      doc.savedKey = key;
      this.#everSaved = true;
      this.serverErrors = {};
      this.status = this.#dirty ? 'pending' : 'saved';
      ctx.saved(details);
      again = this.#dirty;
    } catch (e) {
      again = await this.#failed(ctx.report(e), rowKeys, draft);
    } finally {
      this.#saving = false;
    }
    this.#queued = false;
    if (again) void this.save();
  }

  /**
   * The user may save again (their role came back): an edit that waited for it is saved
   * (a restored draft still waits for the user; a conflict for their choice).
   */
  resume(): void {
    if (this.#dirty && this.status !== 'restored' && !this.conflict && !this.#saving) this.schedule();
  }

  /**
   * A draft restored after a reload was made from an older version than the server's
   * (`theirs`): merged as when a save meets a newer version, with the version kept with the
   * draft as the base. What only they changed is taken into the form (the restored notice
   * says so) and the draft still waits for the user; only what both changed is compared
   * for them to choose. A draft kept without its base (an older release) compares every
   * field that differs.
   */
  async restoredOver(theirs: BillingDetails): Promise<void> {
    const { doc, host } = this.#ctx;
    this.#over = true;
    const base = this.#from;
    const { conflicts } = this.#merge(theirs, base);
    try {
      if (conflicts.length > 0) {
        await this.#ctx.loadReview();
        this.#base = base;
        this.conflict = theirs;
        this.status = 'conflict';
      } else {
        this.#adoptTheirs(theirs);
        if (!this.#dirty) this.status = 'idle';
        else if (this.taken.length > 0) {
          // Said after the notice's title (said once the form is there).
          await host.updateComplete;
          doc.announcement = `${this.speaker.t('contacts.restored.title')}. ${this.restoredMerge}`;
        }
      }
    } catch {
      // The review could not be loaded: the status says so; Retry saves, and the server's 412 shows the review.
      this.saveError = undefined;
      this.status = 'failed';
    }
    host.requestUpdate();
  }

  /** What a restored draft, while it waits for the user, took of a version saved meanwhile, in words (none: nothing). */
  get restoredMerge(): string {
    return this.status === 'restored' && this.taken.length > 0
      ? this.speaker.t('contacts.restored.merged', { fields: names(this.speaker, this.taken) })
      : '';
  }

  /** Shows why a save failed; true when a newer edit should be tried at once. */
  async #failed(error: BillingApiError, rowKeys: number[], sent: Draft): Promise<boolean> {
    const ctx = this.#ctx;
    const doc = ctx.doc;
    const kind = error.kind;
    if (kind === 'forbidden') {
      // The role was taken away: the edit stays, to be saved once it is back.
      this.saveError = error;
      this.status = 'denied';
      ctx.forbidden(error);
      return false;
    }
    if (kind === 'invalid') {
      const errors = serverErrors(this.speaker, error, rowKeys, sent);
      if (Object.keys(errors).length === 0) errors.general = errorMessage(ctx.locale(), error);
      this.serverErrors = errors;
      this.status = 'invalid';
    } else if (kind === 'stale') {
      // Until what both changed is shown (its review loads now), the status still says "Saving…".
      let fetching = true;
      try {
        const theirs = error.problem?.current ?? (await ctx.client()!.getBillingDetails()).details;
        fetching = false;
        const base = this.#from;
        const { conflicts } = this.#merge(theirs, base);
        if (conflicts.length > 0) {
          await ctx.loadReview();
          this.#base = base;
          this.conflict = theirs;
          this.status = 'conflict';
          return false;
        }
        // Nothing both changed: the merged document is saved over theirs at once (or is theirs already).
        this.#adoptTheirs(theirs);
        this.status = this.#dirty ? 'pending' : 'saved';
        return this.#dirty;
      } catch (e) {
        // Their version could not be fetched, or the review could not be loaded (no saveError: the status says so).
        this.saveError = fetching ? ctx.report(e) : undefined;
        this.status = 'failed';
      }
      return false;
    } else {
      this.saveError = error;
      this.status = 'failed';
    }
    // A newer edit (made while this one was on its way) may fix it.
    return this.#queued && keyOf(doc.draft ?? sent) !== keyOf(sent);
  }

  /**
   * Takes into the user's draft what only the other version (`theirs`) changed since `base`
   * (the version the user started from, as saved): the form shows it at once. Returns the
   * merge; what both changed is in its `conflicts`.
   */
  #merge(theirs: BillingDetails, base: Draft | undefined): Merged {
    const doc = this.#ctx.doc;
    const m = merge(base, this.asSaved(doc.draft!), this.asSaved(draftOf(theirs)));
    if (m.taken.length > 0) {
      const draft = { ...doc.draft! };
      for (const f of m.taken) {
        if (f !== 'recipients') take(draft, m.draft, f);
        else {
          // The user's rows keep their keys (and an input its focus), a blank one too.
          const rows = draft.recipients;
          draft.recipients = [
            ...m.draft.recipients.map((r) => rows.find((x) => x.value.trim() === r.value) ?? r),
            ...rows.filter((x) => !x.value.trim()),
          ];
        }
      }
      doc.draft = draft;
      this.taken = [...new Set([...this.taken, ...m.taken])];
    }
    return m;
  }

  /** The version someone else saved is the one the draft is saved over from now on. */
  #adoptTheirs(theirs: BillingDetails): void {
    const doc = this.#ctx.doc;
    doc.server = theirs;
    doc.etag = theirs.version;
    doc.savedKey = keyOf(draftOf(theirs));
    this.conflict = undefined;
    this.#over = false;
  }

  /**
   * While someone else's version conflicts with the user's: both, as they would be saved,
   * the fields both changed (the choice), and those of theirs taken already.
   */
  get review(): { mine: Draft; theirs: Draft; fields: DiffField[]; taken: DiffField[] } | undefined {
    const conflict = this.conflict;
    const draft = this.#ctx.doc.draft;
    if (!conflict || !draft) return undefined;
    const mine = this.asSaved(draft);
    const theirs = this.asSaved(draftOf(conflict));
    return { mine, theirs, fields: merge(this.#base, mine, theirs).conflicts, taken: this.taken };
  }

  /** The status line's words for `status` (`restored` says `pending`), with why the last save failed. */
  statusText(status: SaveStatus): string {
    const error = this.saveError;
    if (status === 'saved' && this.taken.length > 0) {
      return this.speaker.t('contacts.status.merged', { fields: names(this.speaker, this.taken) });
    }
    return this.speaker.t(`contacts.status.${status === 'restored' ? 'pending' : status}`, {
      reason: error ? errorMessage(this.#ctx.locale(), error) : this.speaker.t('contacts.part-failed'),
    });
  }

  /** A refusal next to the recipients (removing the last one), said at once. */
  renderNotice(): TemplateResult | typeof nothing {
    return this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing;
  }

  /**
   * What a refused save shows above the form: the comparison with the version someone else
   * saved (a private element), and the server's reason that fits no field.
   */
  renderRefusal(): TemplateResult {
    const review = this.conflict && this.review;
    const general = this.serverErrors.general;
    return html`${
      review
        ? html`<billing-conflict-review
            lang=${this.#ctx.locale()}
            exportparts="conflict, keep-mine-button, use-theirs-button"
            .mine=${review.mine}
            .theirs=${review.theirs}
            .fields=${review.fields}
            .taken=${review.taken}
            @keep-mine=${() => this.keepMine()}
            @use-theirs=${() => this.useTheirs()}
          ></billing-conflict-review>`
        : nothing
    }
    ${general ? html`<p class="field-error" part="field-error">${general}</p>` : nothing}`;
  }

  /** A draft as it is saved: trimmed, blank rows dropped, e-invoice fields empty when off. */
  asSaved(draft: Draft): Draft {
    return draftOf(inputOf(draft).input);
  }

  /**
   * Keeps the user's values of the fields both changed; what only the other side changed is
   * in the draft already. Saves it over the other version.
   */
  keepMine(): void {
    this.#adoptTheirs(this.conflict!);
    this.#focus('title');
    void this.save();
  }

  /**
   * Takes the other version's values of the fields both changed. What else the user changed
   * is saved over it; when nothing is left of their edit, the form shows the other version.
   */
  useTheirs(): void {
    clearTimeout(this.#timer);
    const review = this.review!;
    const theirs = this.conflict!;
    const doc = this.#ctx.doc;
    const draft = { ...doc.draft! };
    for (const f of review.fields) take(draft, review.theirs, f);
    doc.draft = draft;
    this.#adoptTheirs(theirs);
    this.#focus('title');
    if (this.#dirty) {
      void this.save();
      return;
    }
    doc.adopt(theirs, theirs.version);
    this.reset();
    this.saveError = undefined;
    this.status = 'replaced';
    this.#ctx.host.requestUpdate();
  }

  /** Tries a failed save again. */
  retry(): void {
    // The button goes away while saving: keep the focus in the editor.
    this.#focus('title');
    void this.save();
  }

  /** The message shown next to a field: the client's own check once the field was left, else the server's reason. */
  errorFor(id: FieldId): string | undefined {
    const issue = this.issues.get(id);
    return issue && this.touched.has(id)
      ? this.speaker.t(`contacts.error.${issue.code}`, { value: issue.value })
      : this.serverErrors[id];
  }
}
