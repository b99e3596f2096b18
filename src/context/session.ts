import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingClient, type Deadlines, type Permissions } from '../client/client.js';
import type { BillingApiError } from '../client/errors.js';
import { BillingErrorEvent } from '../internal/events.js';
import { onLanguageChange } from '../i18n/changes.js';
import { recoverWhen } from '../internal/recovery.js';
import { tabKeep, tabRead } from '../internal/tab-storage.js';
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

/** Where the tab keeps the last `/me` answer that may read billing, per API (its base URL). */
export const REMEMBERED_ME = 'billing-elements:me:';

/** What a `/me` answer says besides `canRead` and `canWrite` (texts all). */
const ME_TEXTS = ['today', 'role', 'tenantId', 'locale', 'timeZone', 'currency'] as const;

/** The longest remembered record read back: far more than any `/me` answer (its role alone is at most 64 characters). */
const MAX_REMEMBERED = 2000;

/** True for a record with the shape of a `/me` answer that may read billing. */
function isReader(record: unknown): record is Permissions {
  if (!record || typeof record !== 'object') return false;
  const me = record as Record<string, unknown>;
  return (
    me['canRead'] === true && typeof me['canWrite'] === 'boolean' && ME_TEXTS.every((k) => typeof me[k] === 'string')
  );
}

/**
 * The `/me` answer this tab remembers for `client`'s API, when it may read billing: its
 * elements ask for their data beside `/me` rather than after it (and show it once `/me`
 * answered). A record of another shape (an older release's, or written by hand) is forgotten.
 */
function recall(client: BillingClient): Permissions | undefined {
  const raw = tabRead(REMEMBERED_ME + client.baseUrl);
  if (!raw) return undefined;
  try {
    const me: unknown = raw.length <= MAX_REMEMBERED ? JSON.parse(raw) : null;
    if (isReader(me)) return me;
  } catch {
    // Not JSON: forgotten below.
  }
  remember(client, undefined);
  return undefined;
}

/** Keeps `me` as the tab's answer for `client`'s API when it may read billing; else forgets it. */
function remember(client: BillingClient, me: Permissions | undefined): void {
  // Storage full or refused: the next load asks `/me` first, as without it.
  tabKeep(REMEMBERED_ME + client.baseUrl, me?.canRead ? JSON.stringify(me) : undefined);
}

/**
 * The state behind a billing context: the client, the caller's permissions (`GET /me`)
 * and a count of the changes by topic. `<billing-provider>` keeps one for all
 * its elements; an element used on its own keeps its own.
 *
 * A first load asks nothing before `/me` answered: a role without billing asks for
 * nothing else. The answer is remembered in the tab (session storage, per API) when it
 * may read billing; a later load in the tab (a reload, the host's page opened again)
 * expects it (the context's `expectedPermissions`), so the elements ask for their data
 * beside `/me`. Nothing is shown on that guess: the elements show their data once `/me`
 * confirmed it. An answer that differs makes every element fetch again under it; a failed
 * `/me` shows its error as ever, and forgets what was remembered. A role the host says
 * changed (`renew`) is not expected from memory.
 */
export class BillingSession {
  #client: BillingClient | undefined;
  #clientKey: unknown[] = [];
  #permissions: Permissions | null | undefined;
  /** The tab's remembered `/me` answer while `/me` is asked again (see `recall`). */
  #expected: Permissions | undefined;
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
      this.#expected = this.#client && recall(this.#client);
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
    if (this.#client) remember(this.#client, undefined);
    this.#expected = undefined;
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
        // The remembered answer the elements asked with was not this one: they ask again.
        const was = this.#expected;
        const differs = !!was && (was.canWrite !== me.canWrite || ME_TEXTS.some((k) => was[k] !== me[k]));
        this.#expected = undefined;
        this.#permissions = me;
        this.#error = undefined;
        this.#waited = false;
        remember(client, me);
        if (!this.#recovering && !differs) return this.#publish();
        this.#recovering = false;
        this.#count('*');
      },
      (error: BillingApiError) => {
        if (ctrl.signal.aborted) return;
        this.#expected = undefined;
        remember(client, undefined);
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
        expectedPermissions: p || this.#expected,
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
