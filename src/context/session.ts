import { BillingClient, type Permissions } from '../client/client.js';
import type { BillingApiError } from '../client/errors.js';
import type { BillingContextValue, ChangeTopic } from './context.js';

/** For an element used without a provider: it provides its own session's context to what it contains. */
export { ContextProvider } from '@lit/context';

/** How a session is configured: a ready client, or a base URL (and optionally the host's fetch). */
export interface SessionConfig {
  client?: BillingClient | undefined;
  baseUrl?: string | undefined;
  fetch?: ((input: Request) => Promise<Response>) | undefined;
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
  /** Changes by topic; `refresh()` counts under `*` (every topic). */
  #changes: Partial<Record<ChangeTopic | '*', number>> = {};
  #lang: string | undefined;
  #load: AbortController | undefined;
  #value: BillingContextValue | undefined;

  constructor(
    private readonly onChange: (value: BillingContextValue | undefined) => void,
    private readonly onError: (error: BillingApiError) => void = () => {},
  ) {}

  get value(): BillingContextValue | undefined {
    return this.#value;
  }

  /** Applies a configuration; refetches permissions when the client changed. */
  configure(config: SessionConfig): void {
    const key = [config.client, config.baseUrl, config.fetch];
    const clientChanged = key.some((k, i) => k !== this.#clientKey[i]);
    this.#lang = config.lang || undefined;
    if (clientChanged) {
      this.#clientKey = key;
      this.#client =
        config.client ??
        (config.baseUrl
          ? new BillingClient({ baseUrl: config.baseUrl, ...(config.fetch ? { fetch: config.fetch } : {}) })
          : undefined);
      this.#permissions = undefined;
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

  /** Loads the permissions again (e.g. after the host signed in again). */
  reload(): void {
    this.#permissions = undefined;
    this.#loadPermissions();
    this.#publish();
  }

  dispose(): void {
    this.#load?.abort();
  }

  #loadPermissions(): void {
    this.#load?.abort();
    const client = this.#client;
    if (!client) return;
    const ctrl = new AbortController();
    this.#load = ctrl;
    client.getMe({ signal: ctrl.signal }).then(
      (me) => {
        if (ctrl.signal.aborted) return;
        this.#permissions = me;
        this.#publish();
      },
      (error: BillingApiError) => {
        if (ctrl.signal.aborted) return;
        this.#permissions = null;
        this.onError(error);
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
        changes: (topics) => topics.reduce((n, t) => n + (changes[t] ?? 0), changes['*'] ?? 0),
        notifyChange: this.notifyChange,
      };
    }
    this.onChange(this.#value);
  }
}
