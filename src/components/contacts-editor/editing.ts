/**
 * Editing in <billing-contacts-editor>, loaded when the user first focuses the form (a
 * chunk of its own): the client's checks and their messages, the auto-save cycle
 * (debounced, at once when a field is left, one save at a time, `If-Match`), adding and
 * removing recipients, the server's reasons for a refused save, and a conflict with
 * another saved version (whose review, a private element, loads when one first happens).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BillingDetails } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import { errorMessage } from '../../internal/states.js';
import type { EditorContext } from './document.js';
import { draftOf, row } from './draft.js';
import { clientIssues, inputOf, keyOf, type ClientIssue, type Draft, type FieldId } from './model.js';
import { differences, serverErrors, speaker, type ServerErrors, type Speaker } from './refusal.js';

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

/** The editing state and behaviour of one element, a controller of it; the element renders what it holds. */
export class Editing implements ReactiveController {
  status: SaveStatus = 'idle';
  /** Why the last save failed; none with status `failed` when a part of the editor could not be loaded. */
  saveError: BillingApiError | undefined;
  /** The server's reasons from the last refused save, by field. */
  serverErrors: ServerErrors = {};
  /** Fields whose client-side problems are shown (left once, or a save was attempted). */
  touched = new Set<string>();
  /** The version someone else saved, while the user chooses. */
  conflict: BillingDetails | undefined;
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
    this.notice = '';
    this.status = 'idle';
  }

  /** After an edit of the draft: the server's reason for the field is stale, and a save is due. */
  edited(field?: FieldId): void {
    if (field && this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
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
    this.#whenReleased(() => {
      if (this.#dirty && (this.status === 'pending' || this.status === 'saving')) void this.save();
    });
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
    const issues = clientIssues(draft);
    if (issues.size > 0) {
      // A contact still being typed (the user may be searching for a person) is not marked until left.
      const typing = ctx.host.shadowRoot?.activeElement?.id === 'contact';
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
   * (`theirs`): the user compares both and chooses, as when a save meets a newer version.
   */
  async restoredOver(theirs: BillingDetails): Promise<void> {
    const doc = this.#ctx.doc;
    try {
      await this.#ctx.loadReview();
      if (differences(this.asSaved(doc.draft!), this.asSaved(draftOf(theirs))).length > 0) {
        this.conflict = theirs;
        this.status = 'conflict';
      } else {
        doc.etag = theirs.version;
      }
    } catch {
      // The review could not be loaded: the status says so; Retry saves, and the server's 412 shows the review.
      this.saveError = undefined;
      this.status = 'failed';
    }
    this.#ctx.host.requestUpdate();
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
      // Shown by a private element loaded now; until it is there, the status still says "Saving…".
      let fetching = false;
      try {
        await ctx.loadReview();
        fetching = true;
        const client = ctx.client()!;
        const theirs = error.problem?.current ?? (await client.getBillingDetails()).details;
        if (differences(this.asSaved(doc.draft!), this.asSaved(draftOf(theirs))).length > 0) {
          this.conflict = theirs;
          this.status = 'conflict';
        } else {
          // They saved exactly what the user has: nothing to choose.
          doc.server = theirs;
          doc.etag = theirs.version;
          doc.savedKey = keyOf(doc.draft!);
          this.status = 'saved';
        }
      } catch (e) {
        // The review could not be loaded (no saveError: the status says so), or their version could not be fetched.
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

  /** While someone else's version conflicts with the user's: both, as they would be saved. */
  get review(): { mine: Draft; theirs: Draft } | undefined {
    const theirs = this.conflict;
    const draft = this.#ctx.doc.draft;
    return theirs && draft ? { mine: this.asSaved(draft), theirs: this.asSaved(draftOf(theirs)) } : undefined;
  }

  /** The status line's words for `status` (`restored` says `pending`), with why the last save failed. */
  statusText(status: SaveStatus): string {
    const error = this.saveError;
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

  /** Keeps the user's version: saves it over the other one. */
  keepMine(): void {
    const doc = this.#ctx.doc;
    const theirs = this.conflict!;
    doc.server = theirs;
    doc.etag = theirs.version;
    doc.savedKey = keyOf(draftOf(theirs));
    this.conflict = undefined;
    this.#focus('title');
    void this.save();
  }

  /** Takes the other version: the form shows it, the user's edit is dropped. */
  useTheirs(): void {
    clearTimeout(this.#timer);
    const theirs = this.conflict!;
    this.#ctx.doc.adopt(theirs, theirs.version);
    this.reset();
    this.saveError = undefined;
    this.status = 'replaced';
    this.#focus('title');
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
