/**
 * `<billing-user-dialog>`, private to `<billing-users-table>`: one person. The person panel
 * (`person`) says their verdict for the month in full and the dated facts behind it, each
 * with what it did to the month's bill. Deactivating asks first, and says what it does to
 * this month's bill and the next (under prepaid licenses: keep the freed license, or remove
 * it from the next period); reactivating is done at once, and asks only when no license is
 * free (buy one at the prorated price). It sends the change with one idempotency key per
 * question, so a retried click never orders twice, and tells the table how it ended with
 * `closed` (`detail`: what to say, and whether the server confirmed a change). Loaded on
 * the first such click.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type {
  BillingModel,
  BillingUser,
  DeactivationPreview,
  LicenseQuote,
  PersonTimeline,
  TimelineEvent,
  UserPage,
} from '../../client/client.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import { Query } from '../../internal/query.js';
import { errorMessage, errorState } from '../../internal/states.js';
import { reasonKey, type Verdict } from './reason.js';
import { de, en, nl } from './user-dialog.messages.js';
import { de as tableDe, en as tableEn, nl as tableNl } from './users-table.messages.js';
import { formatMoney } from '../../internal/money.js';

/**
 * What is shown: a person's verdict and facts (`person`); deactivate a person (asked
 * first), reactivate one, or buy a license to reactivate one (asked).
 */
export type UserDialogKind = 'person' | 'deactivate' | 'reactivate' | 'reactivate-buy';

/** How the dialog ended: what to say (a change confirmed, a refusal), and whether the server changed something. */
export interface DialogOutcome {
  said?: string;
  changed?: boolean;
}

/** A fact's effect on the month's bill: a mark (hidden from assistive technology) beside the words. */
const MARKS = { bills: '✓', excludes: '✕', none: '–' } as const;

const styles = css`
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    box-sizing: border-box;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: end;
    margin-top: calc(var(--_space) * 2);
  }
  .alert {
    color: var(--_danger);
  }
  dialog h3 {
    margin: calc(var(--_space) * 1.5) 0 var(--_space);
    font-size: 1rem;
  }
  .verdict {
    font-weight: 600;
  }
  .facts {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .facts li {
    display: grid;
    grid-template-columns: 1.5em 1fr;
    column-gap: calc(var(--_space) / 2);
    overflow-wrap: anywhere;
  }
  .mark {
    grid-row: span 2;
    text-align: center;
    font-weight: 700;
  }
  .bills .mark {
    color: var(--_success);
  }
  .excludes .mark {
    color: var(--_danger);
  }
  .effect {
    grid-column: 2;
    color: var(--_muted);
    font-size: 0.9rem;
  }
  .what-if {
    min-height: 3lh;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 var(--_space);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  legend {
    padding: 0 calc(var(--_space) / 2);
  }
  label {
    display: flex;
    gap: calc(var(--_space) / 2);
    align-items: baseline;
  }
`;

export class BillingUserDialog extends BillingElement {
  static override styles = [...BillingElement.styles, dialogStyles, styles];
  static override messages = joinMessages({ en: tableEn, nl: tableNl, de: tableDe }, { en, nl, de });

  static override properties = {
    busy: { state: true },
    error: { state: true },
    removeLicense: { state: true },
    kind: {},
    user: { attribute: false },
    page: { attribute: false },
    quote: { attribute: false },
  };

  get #dialogEl(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  private busy = false;
  private error = '';
  /** Prepaid licenses: the deactivation removes the freed license from the next period. */
  private removeLicense = false;

  /** What to show or ask. */
  kind: UserDialogKind = 'deactivate';
  /** The person. */
  user: BillingUser | undefined;
  /** The table's page: its month (the person panel's) and billing model. */
  page: UserPage | undefined;
  /** The price of one more license, for `reactivate-buy`. */
  quote: LicenseQuote | undefined;

  /** One key per dialog: a retried click never orders twice. */
  #key = newIdempotencyKey();
  /** The dialog is still to be shown (once per person and question). */
  #show = true;
  /** What the table is told when the dialog closes. */
  #outcome: DialogOutcome = {};

  /** The person's month explained (the person panel). */
  #timeline = new Query(this, {
    topics: ['users'],
    args: () => [this.kind === 'person' ? this.user?.id : undefined, this.page?.month] as const,
    run: (client, signal, [id, month]) =>
      id && month ? client.getUserTimeline(id, month, { signal }) : Promise.resolve(undefined),
  });

  /** What deactivating the person today does to this bill and the next (the deactivate question). */
  #preview = new Query(this, {
    topics: ['users', 'licenses'],
    args: () => [this.kind === 'deactivate' ? this.user?.id : undefined, this.removeLicense] as const,
    run: (client, signal, [id, remove]) =>
      id ? client.previewDeactivation(id, remove, { signal }) : Promise.resolve(undefined),
  });

  get #licensed(): boolean {
    return this.page?.model === 'prepaid-licenses';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('user') || changed.has('kind')) {
      this.#key = newIdempotencyKey();
      this.#show = this.kind !== 'reactivate';
      this.#outcome = {};
      this.busy = false;
      this.error = '';
      if (this.kind === 'reactivate') void this.#reactivate();
    }
  }

  protected override updated(): void {
    if (this.#show && this.isConnected && this.#dialogEl && !this.#dialogEl.open) {
      this.#show = false;
      this.#dialogEl.showModal();
      // The person panel starts on the name (read first; the Enter that opened it from a row
      // must not press its Close button).
      if (this.kind === 'person') this.#dialogEl.querySelector('h2')?.focus();
    }
  }

  /** Ends with `outcome`: the dialog closes (its `close` tells the table), or, none shown, the table is told at once. */
  #end(outcome: DialogOutcome): void {
    this.#outcome = outcome;
    if (this.#dialogEl?.open) this.#dialogEl.close();
    else this.#closed();
  }

  #closed(): void {
    this.dispatchEvent(new CustomEvent<DialogOutcome>('closed', { detail: this.#outcome }));
  }

  async #send(change: (key: string) => Promise<unknown>): Promise<void> {
    const user = this.user;
    if (!user || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await change(this.#key);
      this.#changed(user);
    } catch (e) {
      this.error = errorMessage(this.locale, this.reportError(e));
    } finally {
      this.busy = false;
    }
  }

  /** The server confirmed the change to `user`: the table says so. */
  #changed(user: BillingUser): void {
    const key = this.kind === 'deactivate' ? 'users.deactivated' : 'users.reactivated';
    this.#end({ said: this.t(key, { name: user.name }), changed: true });
  }

  #deactivate(): void {
    const client = this.billing?.client;
    const user = this.user;
    const removeLicense = this.#licensed && this.removeLicense;
    if (client && user)
      void this.#send((key) => client.deactivateUser(user.id, { removeLicense }, { idempotencyKey: key }));
  }

  /** Reactivates at once; when no license is free, asks to buy one. */
  async #reactivate(): Promise<void> {
    const client = this.billing?.client;
    const user = this.user;
    if (!client || !user) return;
    try {
      await client.reactivateUser(user.id, { buyLicense: false }, { idempotencyKey: this.#key });
      this.#changed(user);
    } catch (e) {
      const err = this.reportError(e);
      if (err.code === 'license-required' && err.problem?.quote) {
        this.quote = err.problem.quote;
        this.kind = 'reactivate-buy';
      } else {
        this.#end({ said: errorMessage(this.locale, err) });
      }
    }
  }

  #buyAndReactivate(): void {
    const client = this.billing?.client;
    const user = this.user;
    if (client && user) {
      void this.#send((key) => client.reactivateUser(user.id, { buyLicense: true }, { idempotencyKey: key }));
    }
  }

  #close(): void {
    this.#dialogEl?.close();
  }

  // ---------------------------------------------------------------------------------
  // Words

  /** A verdict's reason in words (`users.reason.*`, as the table's reason cell). */
  #reason(v: Verdict, model: BillingModel, month: string): string {
    const [key, date] = reasonKey(v, model, month);
    return this.t(key, { date: date ? this.fmtDate(date) : '' });
  }

  /** A fact of the person's month, in words. */
  #fact(e: TimelineEvent): string {
    switch (e.kind) {
      case 'listed':
        return this.t('users.fact.listed', {
          directories: new Intl.ListFormat(this.locale).format(
            (e.directories ?? []).map((d) => this.t(`users.directory.${d}`)),
          ),
        });
      case 'activity':
        return this.t(`users.fact.activity.${e.activity ?? 'login'}`);
      case 'peak-day':
        return this.t('users.fact.peak-day', { count: e.count ?? 0, n: this.fmtCount(e.count ?? 0) });
      default:
        return this.t(`users.fact.${e.kind}`);
    }
  }

  /**
   * What deactivating does to the bill in progress and the next, in sentences: whether the
   * person is still billed and why (or, under prepaid licenses, what happens to the
   * license), and how each bill's subtotal moves.
   */
  #whatIf(p: DeactivationPreview): TemplateResult {
    const money = (n: number) => formatMoney(n, p.currency, this.locale);
    const prepaid = p.model === 'prepaid-licenses';
    const lines = p.months.map((m, i) => {
      const month = this.fmtMonth(m.month);
      const reason = m.reason
        ? this.#reason(
            { billable: m.billedAfter, status: 'active', reason: m.reason, reasonDate: m.reasonDate },
            p.model,
            m.month,
          )
        : '';
      const status = prepaid
        ? i === 0
          ? this.t('users.whatif.license-stays', { date: m.periodEnd ? this.fmtDate(m.periodEnd) : month })
          : this.t(
              (m.licensesAfter ?? 0) < (m.licensesBefore ?? 0)
                ? 'users.whatif.license-removed'
                : 'users.whatif.license-kept',
              { month },
            )
        : m.billedAfter
          ? this.t('users.whatif.billed', { month, reason })
          : i > 0 && m.billedBefore
            ? this.t('users.whatif.not-billed-from', { month })
            : this.t('users.whatif.not-billed', { month, reason });
      // The bill in progress: said only when it moves; the next one always.
      const amount =
        m.amountAfter !== m.amountBefore
          ? this.t('users.whatif.drops', { before: money(m.amountBefore), after: money(m.amountAfter) })
          : i > 0
            ? this.t('users.whatif.same', { amount: money(m.amountAfter) })
            : '';
      return html`<p>${status} ${amount}</p>`;
    });
    return html`${lines}`;
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #renderPerson(user: BillingUser): TemplateResult {
    const month = this.page?.month ?? '';
    const panel = this.renderQuery(this.#timeline, (t) => (t ? this.#renderTimeline(t) : nothing), 3);
    return html`<h2 id="dialog-title" tabindex="-1">${user.name}</h2>
      ${month ? html`<p class="month">${this.fmtMonth(month)}</p>` : nothing} ${panel}
      <div class="actions">
        <button type="button" class="primary" @click=${this.#close}>${this.t('common.close')}</button>
      </div>`;
  }

  #renderTimeline(t: PersonTimeline): TemplateResult {
    const u = t.user;
    const verdict = this.t(u.billable ? 'users.person.billed' : 'users.person.not-billed', {
      // The verdict itself (a deactivation after the peak day is among the facts).
      reason: this.#reason({ ...u, status: 'active' }, t.model, t.month),
    });
    return html`<p class="verdict">${verdict}</p>
      <h3>${this.t('users.person.facts', { month: this.fmtMonth(t.month) })}</h3>
      ${
        t.events.length
          ? html`<ol class="facts">
              ${t.events.map(
                (e) =>
                  html`<li class=${e.effect}>
                    <span class="mark" aria-hidden="true">${MARKS[e.effect]}</span>
                    <span><time datetime=${e.on}>${this.fmtDate(e.on)}</time>: ${this.#fact(e)}</span>
                    <span class="effect">${this.t(`users.effect.${e.effect}`)}</span>
                  </li>`,
              )}
            </ol>`
          : html`<p>${this.t('users.person.no-facts')}</p>`
      }
      ${t.truncated ? html`<p>${this.t('users.person.truncated')}</p>` : nothing}`;
  }

  #renderDeactivate(user: BillingUser, cancel: TemplateResult): TemplateResult {
    const busy = this.busy;
    const preview = this.#preview;
    const licensed = this.#licensed;
    return html`<h2 id="dialog-title">${this.t('users.dialog.deactivate.title', { name: user.name })}</h2>
      <p>${this.t('users.dialog.deactivate.body')}</p>
      ${
        licensed
          ? html`<fieldset>
              <legend>${this.t('users.dialog.deactivate.license')}</legend>
              ${([false, true] as const).map(
                (remove) =>
                  html`<label
                    ><input
                      type="radio"
                      name="license"
                      .checked=${this.removeLicense === remove}
                      ?disabled=${busy}
                      @change=${() => (this.removeLicense = remove)}
                    />${this.t(remove ? 'users.dialog.deactivate.remove' : 'users.dialog.deactivate.keep')}</label
                  >`,
              )}
            </fieldset>`
          : nothing
      }
      <div class="what-if" aria-live="polite" aria-busy=${preview.loading}>
        ${
          preview.error
            ? errorState(
                this.locale,
                preview.error,
                () => void preview.refresh(),
                this.t('users.whatif.error'),
                preview.waiting,
              )
            : preview.value
              ? this.#whatIf(preview.value)
              : html`<p>${this.t('users.whatif.loading')}</p>`
        }
      </div>
      <div class="actions">
        ${cancel}
        <button type="button" class="primary" @click=${this.#deactivate} ?disabled=${busy}>
          ${this.t('users.action.deactivate')}
        </button>
      </div>`;
  }

  protected override render() {
    const user = this.user;
    if (!user || this.kind === 'reactivate') return nothing;
    const busy = this.busy;
    const cancel = html`<button type="button" @click=${this.#close} ?disabled=${busy}>
      ${this.t('common.cancel')}
    </button>`;
    const q = this.quote;
    const body =
      this.kind === 'person'
        ? this.#renderPerson(user)
        : this.kind === 'deactivate'
          ? this.#renderDeactivate(user, cancel)
          : html`<h2 id="dialog-title">${this.t('users.dialog.buy.title')}</h2>
              <p>
                ${this.t('users.dialog.buy.body', {
                  name: user.name,
                  price: q ? formatMoney(q.amount, q.currency, this.locale) : '',
                  end: q ? this.fmtDate(q.period.end) : '',
                })}
              </p>
              <div class="actions">
                ${cancel}
                <button type="button" class="primary" @click=${this.#buyAndReactivate} ?disabled=${busy}>
                  ${this.t('users.dialog.buy.confirm')}
                </button>
              </div>`;
    return html`<dialog aria-labelledby="dialog-title" @close=${this.#closed}>
      ${body} ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
    </dialog>`;
  }
}

/** Defines the tag (once): the table loads this module on the first person panel, deactivation or reactivation. */
export function define(): void {
  defineElement('billing-user-dialog', BillingUserDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-user-dialog': BillingUserDialog;
  }
}
