import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import type { BillingClient, Deadlines } from '../client/client.js';
import { BillingErrorEvent } from '../internal/events.js';
import { billingContext, type BillingContextValue } from './context.js';
import { BillingSession } from './session.js';

/**
 * Gives every billing element inside it the API client, the locale, the tenant's
 * currency and time zone, and the caller's permissions, and keeps them consistent: a
 * change confirmed in one element (a user deactivated, licenses added, contacts saved)
 * makes the others refetch, with no reload.
 *
 * @summary The context every billing element reads: client, locale, permissions.
 * @tagname billing-provider
 *
 * @slot - The billing elements (and any host markup around them).
 *
 * @event billing-error - The caller's permissions could not be loaded, or (bubbling through it) a request of an element inside failed; `event.error` is a `BillingApiError`.
 * @event billing-change - Bubbles through it from the element inside whose change the server confirmed; `event.topic` says what changed (`users`, `subscription`, `licenses`, `invoices`, `details`, `payment-method`), `event.detail` is the server's answer where there is one.
 * @event billing-update-payment-method - Bubbles through it from the invoice list: the user wants to update (or add) the payment method; open your payment provider's form. `event.current` is the method on file.
 *
 * @example
 * <billing-provider base-url="/api/billing" lang="nl">
 *   <billing-users-table></billing-users-table>
 * </billing-provider>
 */
export class BillingProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  static override properties = {
    baseUrl: { attribute: 'base-url' },
    lang: {},
    theme: { reflect: true },
    client: { attribute: false },
    fetch: { attribute: false },
    deadlines: { attribute: false },
    context: { state: true },
  };

  /** Base URL of the billing API, e.g. `/api/billing`. Ignored when `client` is set. */
  baseUrl = '';

  /** Language of the elements (`en`, `nl`, or a locale such as `nl-BE`). Default: the page's `<html lang>`, else the tenant's. */
  override lang = '';

  /** `light`, `dark`, or unset to follow the page's `color-scheme`. */
  theme: 'light' | 'dark' | undefined;

  /** A ready API client (e.g. with the host's auth), instead of `base-url`. */
  client: BillingClient | undefined;

  /** The host's own fetch, used with `base-url` (to add auth headers or cookies). */
  fetch: ((input: Request) => Promise<Response>) | undefined;

  /**
   * How long a request may take before the elements stop it and say "taking longer than
   * expected" with a retry, in ms by kind: `{ read, write, file }` (defaults 20 s, 30 s and
   * 60 s; `0` waits forever). Used with `base-url`; a `client` has its own.
   */
  deadlines: Partial<Deadlines> | undefined;

  /** Gives `context` to every billing element inside. */
  readonly #provider = new ContextProvider(this, { context: billingContext });

  /** The context the elements inside read (the session's). */
  protected context: BillingContextValue | undefined;

  readonly #session = new BillingSession(
    (value) => {
      this.#provider.setValue(value!);
      this.context = value;
    },
    (error) => this.dispatchEvent(new BillingErrorEvent(error)),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (disconnected, then connected): the session starts over.
    if (this.hasUpdated) this.#configure();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const keys = ['baseUrl', 'client', 'fetch', 'deadlines', 'lang'] as const;
    if (keys.some((key) => changed.has(key))) this.#configure();
  }

  #configure(): void {
    this.#session.configure({
      client: this.client,
      baseUrl: this.baseUrl,
      fetch: this.fetch,
      deadlines: this.deadlines,
      lang: this.lang,
    });
  }

  /**
   * Loads the caller's permissions again and makes every element refetch once they are in
   * (e.g. after the user's role changed): nothing is asked under the old role meanwhile.
   */
  reload(): void {
    this.#session.renew();
  }

  /** Makes every element refetch; e.g. after the host changed billing data itself. Fires no event. */
  refresh(): void {
    this.#session.refresh();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-provider': BillingProvider;
  }
}
