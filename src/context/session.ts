import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingClient, type Deadlines, type Permissions } from '../client/client.js';
import type { BillingApiError } from '../client/errors.js';
import { BillingErrorEvent } from '../internal/events.js';
import { onLanguageChange } from '../i18n/changes.js';
import { recoverWhen } from '../internal/recovery.js';
import { billingContext, type BillingContextValue, type ChangeTopic } from './context.js';

/** How a session is configured: a ready client, or a base URL (and optionally the host's fetch). */
export interface SessionConfig {
  client?: BillingClient | undefined;
  baseUrl?: string | undefined;
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** How long requests of the client made from `baseUrl` may take (ms, by kind). */
  deadlines?: Partial<Deadlines> | undefined;
  /** An explicit language/locale; else the tenant's, else the page's. */
  lang?: string | undefined;
}

/**
 * The state behind a billing context: the client, the caller's permissions (`GET /me`)
 * and a count of the changes by topic. `<billing-provider>` keeps one for all
 * its elements; an element used on its own keeps its own.
 */
export class BillingSession {
  #client: BillingClient | undefined;
  #clientKey: unknown[] = [];
  #permissions: Permissions | null | undefined;
  #error: BillingApiError | undefined;
  /** Stops waiting for a failed `/me`'s cause to go (back online, `Retry-After`). */
  #stopRecovery = () => {};
  /** The 429 wait was used: the next failure waits for the user. */
  #waited = false;
  /** `/me` is asked again after it failed, or the host's `reload()`: its answer makes every element fetch again. */
  #recovering = false;
  /** Changes by topic; `refresh()` counts under `*` (every topic). */
  #changes: Partial<Record<ChangeTopic | '*', number>> = {};
  #lang: string | undefined;
  #load: AbortController | undefined;
  #value: BillingContextValue | undefined;
  /** Stops following the page's language (see `configure`). */
  #unlisten: (() => void) | undefined;

  constructor(
    private readonly onChange: (value: BillingContextValue | undefined) => void,
    private readonly onError: (error: BillingApiError) => void = () => {},
  ) {}

  get value(): BillingContextValue | undefined {
    return this.#value;
  }

  /** Applies a configuration; refetches permissions when the client changed. */
  configure(config: SessionConfig): void {
    const key = [config.client, config.baseUrl, config.fetch, JSON.stringify(config.deadlines ?? {})];
    const clientChanged = key.some((k, i) => k !== this.#clientKey[i]);
    this.#lang = config.lang || undefined;
    // The page's `<html lang>` is the language when the host gives none: a change is followed.
    this.#unlisten ??= onLanguageChange(() => this.#publish());
    if (clientChanged) {
      this.#clientKey = key;
      this.#client =
        config.client ??
        (config.baseUrl
          ? new BillingClient({
              baseUrl: config.baseUrl,
              ...(config.fetch ? { fetch: config.fetch } : {}),
              ...(config.deadlines ? { deadlines: config.deadlines } : {}),
            })
          : undefined);
      this.#permissions = undefined;
      this.#error = undefined;
      this.#loadPermissions();
    }
    this.#publish();
  }

  /**
   * Call after a confirmed write: the elements that show `topic` refetch. (The element
   * where the user acted fires the `billing-change` event itself.)
   */
  notifyChange = (topic: ChangeTopic): void => this.#count(topic);

  /** Makes every element refetch, without announcing a change (nothing was changed by a user). */
  refresh(): void {
    this.#count('*');
  }

  #count(topic: ChangeTopic | '*'): void {
    this.#changes = { ...this.#changes, [topic]: (this.#changes[topic] ?? 0) + 1 };
    this.#publish();
  }

  /**
   * Loads the permissions again (after the host signed in again, or the retry of a failed
   * `/me`). Permissions already known stay in force until the answer replaces them, so
   * what the elements show stays on screen; a failed `/me` shows as loading meanwhile.
   */
  reload = (): void => {
    if (this.#permissions === null) {
      // What the elements asked for meanwhile failed too (a 401 for all): asked again with the answer.
      this.#permissions = undefined;
      this.#error = undefined;
      this.#recovering = true;
    }
    this.#loadPermissions();
    this.#publish();
  };

  /**
   * Loads the permissions again, then makes every element fetch again with them (the
   * host's reload after a role change): nothing is asked under the old role meanwhile, so
   * a role that lost billing sends no request but `/me`.
   */
  renew(): void {
    this.#recovering = true;
    this.reload();
  }

  /** Stops the session's work; the next `configure` (connected again) starts it over. */
  dispose(): void {
    this.#load?.abort();
    this.#stopRecovery();
    this.#unlisten?.();
    this.#unlisten = undefined;
    // `/me` stopped before it answered: the next `configure` asks again.
    if (this.#permissions === undefined) this.#clientKey = [];
  }

  #loadPermissions(): void {
    this.#load?.abort();
    this.#stopRecovery();
    const client = this.#client;
    if (!client) return;
    const ctrl = new AbortController();
    this.#load = ctrl;
    client.getMe({ signal: ctrl.signal }).then(
      (me) => {
        if (ctrl.signal.aborted) return;
        this.#permissions = me;
        this.#error = undefined;
        this.#waited = false;
        if (!this.#recovering) return this.#publish();
        this.#recovering = false;
        this.#count('*');
      },
      (error: BillingApiError) => {
        if (ctrl.signal.aborted) return;
        // Not the browser's clock nor a silent read-only mode: the elements say so, with a retry.
        this.#permissions = null;
        this.#error = error;
        this.onError(error);
        const recovery = recoverWhen(error, this.reload, !this.#waited);
        this.#waited ||= recovery.waiting;
        this.#stopRecovery = recovery.stop;
        this.#publish();
      },
    );
  }

  #publish(): void {
    const client = this.#client;
    if (!client) {
      this.#value = undefined;
    } else {
      const p = this.#permissions;
      const changes = this.#changes;
      this.#value = {
        client,
        // The host's language wins (it knows its user); the tenant's locale is the fallback.
        locale:
          this.#lang ||
          (typeof document !== 'undefined' ? document.documentElement.lang : '') ||
          p?.locale ||
          (typeof navigator !== 'undefined' ? navigator.language : '') ||
          'en',
        timeZone: p?.timeZone,
        currency: p?.currency,
        permissions: p,
        sessionError: this.#error,
        reload: this.reload,
        changes: (topics) => topics.reduce((n, t) => n + (changes[t] ?? 0), changes['*'] ?? 0),
        notifyChange: this.notifyChange,
      };
    }
    this.onChange(this.#value);
  }
}

/**
 * The session of an element used without a provider, a controller of the element (its
 * code loads with this module, when the element is first given a client or a base URL):
 * `onValue` hears its context, which it also provides to what the element contains (its
 * private elements); its failures are the element's `billing-error`. It ends when the
 * element leaves the page, and starts again when it comes back.
 */
export class OwnSession implements ReactiveController {
  #session: BillingSession | undefined;
  readonly #provider: ContextProvider<typeof billingContext>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & Pick<SessionConfig, 'client' | 'baseUrl'>,
    private readonly onValue: (value: BillingContextValue | undefined) => void,
  ) {
    this.#provider = new ContextProvider(host, { context: billingContext });
    host.addController(this);
  }

  /** Applies the element's `client` or `base-url`: a new one loads `/me` again. */
  configure(): void {
    this.#session ??= new BillingSession(
      (value) => {
        this.onValue(value);
        if (value) this.#provider.setValue(value);
      },
      (error) => this.host.dispatchEvent(new BillingErrorEvent(error)),
    );
    this.#session.configure({ client: this.host.client, baseUrl: this.host.baseUrl });
  }

  hostConnected(): void {
    if (this.host.client || this.host.baseUrl) this.configure();
  }

  hostDisconnected(): void {
    this.#session?.dispose();
    this.#session = undefined;
  }
}
