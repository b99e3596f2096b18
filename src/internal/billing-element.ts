import { ContextConsumer } from '@lit/context';
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { BillingClient } from '../client/client.js';
import { BillingApiError } from '../client/errors.js';
import { billingContext, type BillingContextValue, type ChangeTopic } from '../context/context.js';
import type { OwnSession } from '../context/session.js';
import {
  languagePending,
  translate,
  type ElementMessages,
  type MessageKey,
  type MessageParams,
} from '../i18n/index.js';
import { BillingChangeEvent, BillingErrorEvent } from './events.js';
import { formatCount, formatDate, formatMonth } from './format.js';
import type { DataState } from './query.js';
import { errorState, forbiddenState, loadingState } from './states.js';
import { baseStyles, tokens } from './tokens.js';

/**
 * The base of every `<billing-*>` element: it takes the client, locale and permissions
 * from the nearest `<billing-provider>`, or, used on its own, from its own `client`
 * property or `base-url` attribute; and it gives subclasses translation and formatting.
 */
/**
 * The first update the next element waits for. Several elements on a page render their
 * first time one task apart, not in one long task (five at once took 100–140 ms on the
 * demo page): the browser paints and answers input between them.
 */
let turn: Promise<unknown> = Promise.resolve();

export class BillingElement extends LitElement {
  static override styles = [tokens, baseStyles];

  /** The element's own messages (the shared ones come with the base). */
  static messages: ElementMessages | undefined;

  /**
   * The reactive properties, Lit's static way (each element's class declares its own, and
   * its fields keep their docs): decorators would put TypeScript's decorator helper and a
   * call per field into every host's bundle. Internal state is `{ state: true, attribute:
   * false }`, as `@state()` declares it.
   */
  static override properties: PropertyDeclarations = {
    baseUrl: { attribute: 'base-url' },
    client: { attribute: false },
    lang: {},
    provided: { state: true },
    own: { state: true },
  };

  /** Base URL of the billing API, when the element is used without a provider. */
  baseUrl = '';

  /** A ready API client, when the element is used without a provider. */
  client: BillingClient | undefined;

  /** Language of this element (`en`, `nl`, …); default: the provider's. */
  override lang = '';

  /** The nearest provider's context (see the constructor). */
  protected provided: BillingContextValue | undefined;

  protected own: BillingContextValue | undefined;

  /** The element's own session, used without a provider. */
  #session: OwnSession | undefined;
  /** The focus was on one of the element's states (a retry button, the loading it led to) when it updated. */
  #onState = false;

  constructor() {
    super();
    new ContextConsumer(this, { context: billingContext, subscribe: true, callback: (v) => (this.provided = v) });
    // A state replaced under the focus (a retry pressed by keyboard, the loading it led to)
    // hands the focus on to what replaced it, rather than dropping it to the page's body.
    this.addController({
      hostUpdate: () => {
        this.#onState = !!(this.renderRoot as ShadowRoot).activeElement?.closest('.state');
      },
      hostUpdated: () => {
        const root = this.renderRoot as ShadowRoot;
        if (!this.#onState || root.activeElement) return;
        const next =
          root.querySelector<HTMLElement>('.state [part~="retry-button"]') ??
          root.querySelector<HTMLElement>('.state, h2, h3, button, [href], input, select, [tabindex="0"]');
        if (next && !next.matches('button, [href], input, select, [tabindex]')) next.tabIndex = -1;
        next?.focus();
      },
    });
  }

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

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('client') || changed.has('baseUrl')) && (this.client || this.baseUrl)) void this.#configure();
  }

  /**
   * Used without a provider, the element runs a session of its own (client, `/me`,
   * language). Its code is loaded then: under a provider, which has it already, an element
   * does not carry a second copy.
   */
  async #configure(): Promise<void> {
    const { OwnSession } = await import('../context/session.js');
    if (!this.isConnected || !(this.client || this.baseUrl)) return;
    // Made once: it configures itself as it connects (now, and when the element is moved in the page).
    if (this.#session) this.#session.configure();
    else this.#session = new OwnSession(this, (value) => (this.own = value));
  }

  /**
   * Renders only once the element's language is at hand: a language other than English is
   * loaded on first use (its own chunk), and the update waits for it rather than showing
   * English for a moment. A first update waits for the one before it and a task after
   * (see `turn`).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    let pending: Promise<unknown> | undefined = languagePending(
      this.locale,
      (this.constructor as typeof BillingElement).messages,
    );
    // The first update goes once its language is here and the one before has gone, then
    // lets the next go a task later.
    if (!this.hasUpdated) turn = (pending = Promise.all([pending, turn])).then(() => new Promise((r) => setTimeout(r)));
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** A message in the element's language. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return translate(this.locale, key, params, (this.constructor as typeof BillingElement).messages);
  }

  // Money has no method here: the elements that show it call `formatMoney` with their
  // `locale`, so an element without money (the users table, the chart) does not carry it.

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
   * What a `Query` of `element` reads: the context it may fetch with and where its failures
   * go. It fetches once `/me` says the caller may read billing data (a member's page asks
   * for nothing but `/me`), or, on a later load in the tab, beside `/me` with the answer
   * the tab had (`expectedPermissions`); what it fetched is shown once `/me` confirmed it.
   *
   * @internal
   */
  static dataAccess(element: BillingElement): {
    context(): BillingContextValue | undefined;
    report(error: unknown): BillingApiError;
  } {
    return {
      context: () => (element.billing?.expectedPermissions?.canRead ? element.billing : undefined),
      report: (e) => element.reportError(e),
    };
  }

  /**
   * What the session itself makes the element show instead of its content: forbidden (the
   * role), or the failure of `/me` with a retry (no guessing the role, the tenant's clock
   * or what may be changed); `undefined` when it is in order or still loading.
   */
  protected sessionState(): unknown {
    const billing = this.billing;
    if (this.roleForbidden) return forbiddenState(this.locale);
    if (billing?.permissions !== null || !billing.sessionError) return undefined;
    return errorState(this.locale, billing.sessionError, billing.reload, this.t('state.session.title'));
  }

  /**
   * The states every element shows before its data: the session's (see `sessionState`),
   * forbidden by a 403, loading (`lines` of skeleton), the query's error with a retry; then
   * `ready` with the value, once the session is known too.
   */
  protected renderQuery<T>(query: DataState<T>, ready: (value: T) => unknown, lines = 4): unknown {
    const session = this.sessionState();
    if (session) return session;
    if (query.error?.kind === 'forbidden') return forbiddenState(this.locale);
    if (query.value !== undefined && this.billing?.permissions) return ready(query.value);
    if (query.error) return errorState(this.locale, query.error, () => void query.refresh(), undefined, query.waiting);
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
