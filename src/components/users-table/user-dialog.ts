/**
 * `<billing-user-dialog>`, private to `<billing-users-table>`: a change to one person.
 * Deactivating asks first (under prepaid licenses: keep the freed license, or remove it
 * from the next period); reactivating is done at once, and asks only when no license is
 * free (buy one at the prorated price). It sends the change with one idempotency key per
 * question, so a retried click never orders twice, and tells the table how it ended:
 * `user-changed` (the server confirmed; what to say in `detail`), `failed` (a reactivation
 * refused outright; the reason in `detail`) or `closed`. Loaded on the first such click.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { BillingUser, LicenseQuote } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import { joinMessages } from '../../i18n/join.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import { errorMessage } from '../../internal/states.js';
import { de, en, nl } from './user-dialog.messages.js';
import { de as tableDe, en as tableEn, nl as tableNl } from './users-table.messages.js';

/** What is done: deactivate a person (asked first), reactivate one, or buy a license to reactivate one (asked). */
export type UserDialogKind = 'deactivate' | 'reactivate' | 'reactivate-buy';

const styles = css`
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
`;

export class BillingUserDialog extends BillingElement {
  static override styles = [...BillingElement.styles, dialogStyles, styles];
  static override messages = joinMessages({ en: tableEn, nl: tableNl, de: tableDe }, { en, nl, de });

  static override properties = {
    busy: { state: true, attribute: false },
    error: { state: true, attribute: false },
    kind: {},
    user: { attribute: false },
    quote: { attribute: false },
    licensed: { type: Boolean },
  };

  get #dialogEl(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  private busy = false;
  private error = '';

  /** What to ask. */
  kind: UserDialogKind = 'deactivate';
  /** The person. */
  user: BillingUser | undefined;
  /** The price of one more license, for `reactivate-buy`. */
  quote: LicenseQuote | undefined;
  /** The tenant buys prepaid licenses: deactivating asks what to do with the freed one. */
  licensed = false;

  /** One key per dialog: a retried click never orders twice. */
  #key = newIdempotencyKey();
  /** The dialog is still to be shown (once per person and question). */
  #show = true;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('user') || changed.has('kind')) {
      this.#key = newIdempotencyKey();
      this.#show = this.kind !== 'reactivate';
      this.busy = false;
      this.error = '';
      if (this.kind === 'reactivate') void this.#reactivate();
    }
  }

  protected override updated(): void {
    if (this.#show && this.isConnected && this.#dialogEl && !this.#dialogEl.open) {
      this.#show = false;
      this.#dialogEl.showModal();
    }
  }

  async #send(change: (key: string) => Promise<unknown>): Promise<void> {
    const user = this.user;
    if (!user || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await change(this.#key);
      this.#dialogEl?.close();
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
    this.dispatchEvent(new CustomEvent('user-changed', { detail: this.t(key, { name: user.name }) }));
  }

  #deactivate(removeLicense: boolean): void {
    const client = this.billing?.client;
    const user = this.user;
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
        this.dispatchEvent(new CustomEvent('failed', { detail: errorMessage(this.locale, err) }));
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

  protected override render() {
    const user = this.user;
    if (!user || this.kind === 'reactivate') return nothing;
    const busy = this.busy;
    const cancel = html`<button type="button" @click=${this.#close} ?disabled=${busy}>
      ${this.t('common.cancel')}
    </button>`;
    const q = this.quote;
    const body =
      this.kind === 'deactivate'
        ? html`<h2 id="dialog-title">${this.t('users.dialog.deactivate.title', { name: user.name })}</h2>
            <p>${this.t('users.dialog.deactivate.body')}</p>
            ${this.licensed ? html`<p>${this.t('users.dialog.deactivate.license')}</p>` : nothing}
            <div class="actions">
              ${cancel}
              ${
                this.licensed
                  ? html`<button type="button" @click=${() => this.#deactivate(false)} ?disabled=${busy}>
                        ${this.t('users.dialog.deactivate.keep')}
                      </button>
                      <button type="button" class="primary" @click=${() => this.#deactivate(true)} ?disabled=${busy}>
                        ${this.t('users.dialog.deactivate.remove')}
                      </button>`
                  : html`<button
                      type="button"
                      class="primary"
                      @click=${() => this.#deactivate(false)}
                      ?disabled=${busy}
                    >
                      ${this.t('users.action.deactivate')}
                    </button>`
              }
            </div>`
        : html`<h2 id="dialog-title">${this.t('users.dialog.buy.title')}</h2>
            <p>
              ${this.t('users.dialog.buy.body', {
                name: user.name,
                price: q ? this.fmtMoney(q.amount, q.currency) : '',
                end: q ? this.fmtDate(q.period.end) : '',
              })}
            </p>
            <div class="actions">
              ${cancel}
              <button type="button" class="primary" @click=${this.#buyAndReactivate} ?disabled=${busy}>
                ${this.t('users.dialog.buy.confirm')}
              </button>
            </div>`;
    return html`<dialog aria-labelledby="dialog-title" @close=${() => this.dispatchEvent(new Event('closed'))}>
      ${body} ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
    </dialog>`;
  }
}

/** Defines the tag (once): the table loads this module on the first deactivation or reactivation. */
export function define(): void {
  defineElement('billing-user-dialog', BillingUserDialog);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-user-dialog': BillingUserDialog;
  }
}
