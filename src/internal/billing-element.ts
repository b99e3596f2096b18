import { consume, type ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../client/client.js';
import { BillingApiError } from '../client/errors.js';
import { billingContext, type BillingContextValue, type ChangeTopic } from '../context/context.js';
import type { BillingSession } from '../context/session.js';
import {
  languagePending,
  translate,
  type ElementMessages,
  type MessageKey,
  type MessageParams,
} from '../i18n/index.js';
import { BillingChangeEvent, BillingErrorEvent } from './events.js';
import { formatCount, formatDate, formatMoney, formatMonth } from './format.js';
import type { DataState } from './query.js';
import { errorState, forbiddenState, loadingState } from './states.js';
import { baseStyles, tokens } from './tokens.js';

/**
 * The base of every `<billing-*>` element: it takes the client, locale and permissions
 * from the nearest `<billing-provider>`, or, used on its own, from its own `client`
 * property or `base-url` attribute; and it gives subclasses translation and formatting.
 */
export class BillingElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /** The element's own messages (the shared ones come with the base). */
  static messages: ElementMessages | undefined;

  /** Base URL of the billing API, when the element is used without a provider. */
  @property({ attribute: 'base-url' }) baseUrl = '';

  /** A ready API client, when the element is used without a provider. */
  @property({ attribute: false }) client: BillingClient | undefined;

  /** Language of this element (`en`, `nl`, …); default: the provider's. */
  @property() override lang = '';

  @consume({ context: billingContext, subscribe: true })
  @state()
  protected provided: BillingContextValue | undefined;

  @state() protected own: BillingContextValue | undefined;

  #session: BillingSession | undefined;
  #provider: ContextProvider<typeof billingContext> | undefined;

  /** The billing context in force: the element's own configuration wins over the provider's. */
  protected get billing(): BillingContextValue | undefined {
    return this.client || this.baseUrl ? this.own : this.provided;
  }

  /** The locale words, numbers and dates are shown in. */
  protected get locale(): string {
    return this.lang || this.billing?.locale || document.documentElement.lang || navigator.language || 'en';
  }

  /** True when the caller may change billing data (admin or finance). */
  protected get canWrite(): boolean {
    return this.billing?.permissions?.canWrite === true;
  }

  /** True when the caller's role may not see billing at all. */
  protected get roleForbidden(): boolean {
    return this.billing?.permissions?.canRead === false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: the session ended on disconnect; start it again.
    if (this.hasUpdated && (this.client || this.baseUrl)) void this.#configure();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#session?.dispose();
    this.#session = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('baseUrl')) && (this.client || this.baseUrl)) void this.#configure();
  }

  /**
   * Used without a provider, the element runs a session of its own (client, `/me`,
   * language). Its code is loaded then: under a provider, which has it already, an element
   * does not carry a second copy.
   */
  async #configure(): Promise<void> {
    const { BillingSession, ContextProvider } = await import('../context/session.js');
    if (!this.isConnected || !(this.client || this.baseUrl)) return;
    // What the element contains (its private elements) reads the element's own context.
    const provider = (this.#provider ??= new ContextProvider(this, { context: billingContext }));
    this.#session ??= new BillingSession(
      (value) => {
        this.own = value;
        if (value) provider.setValue(value);
      },
      (error) => this.dispatchEvent(new BillingErrorEvent(error)),
    );
    this.#session.configure({ client: this.client, baseUrl: this.baseUrl });
  }

  /**
   * Renders only once the element's language is at hand: a language other than English is
   * loaded on first use (its own chunk), and the update waits for it rather than showing
   * English for a moment.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = languagePending(this.locale, (this.constructor as typeof BillingElement).messages);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** A message in the element's language. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params, (this.constructor as typeof BillingElement).messages);
  }

  protected fmtMoney(minorUnits: number, currency: string): string {
    return formatMoney(minorUnits, currency, this.locale);
  }

  protected fmtCount(n: number): string {
    return formatCount(n, this.locale);
  }

  protected fmtDate(isoDate: string, style: Intl.DateTimeFormatOptions['dateStyle'] = 'medium'): string {
    return formatDate(isoDate, this.locale, style);
  }

  protected fmtMonth(yearMonth: string): string {
    return formatMonth(yearMonth, this.locale);
  }

  /**
   * What a `Query` of `element` reads: the context it may fetch with (none while the caller
   * may not read billing data) and where its failures go.
   *
   * @internal
   */
  static dataAccess(element: BillingElement): {
    context(): BillingContextValue | undefined;
    report(error: unknown): BillingApiError;
  } {
    return {
      context: () => (element.roleForbidden ? undefined : element.billing),
      report: (e) => element.reportError(e),
    };
  }

  /**
   * The states every element shows before its data: forbidden (the role, or a 403), loading
   * (`lines` of skeleton), the error with a retry; then `ready` with the value.
   */
  protected renderQuery<T>(query: DataState<T>, ready: (value: T) => unknown, lines = 4): unknown {
    if (this.roleForbidden || query.error?.kind === 'forbidden') return forbiddenState(this.locale);
    if (query.value !== undefined) return ready(query.value);
    if (query.error) return errorState(this.locale, query.error, () => void query.refresh());
    return loadingState(this.locale, lines);
  }

  /**
   * After a write the server confirmed: the elements of the same provider that show
   * `topic` refetch, and a `billing-change` event tells the host.
   */
  protected changed(topic: ChangeTopic, detail?: unknown): void {
    this.billing?.notifyChange(topic);
    this.dispatchEvent(new BillingChangeEvent(topic, detail));
  }

  /** Reports a failed request to the host (`billing-error`); returns the error typed. */
  protected reportError(error: unknown): BillingApiError {
    const e =
      error instanceof BillingApiError
        ? error
        : new BillingApiError({ status: 0, kind: 'server', message: String(error), cause: error });
    if (e.kind !== 'aborted') this.dispatchEvent(new BillingErrorEvent(e));
    return e;
  }
}
