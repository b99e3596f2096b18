/**
 * The mock backend in the browser: MSW's service worker (`setupWorker`) over a store that
 * keeps its state in IndexedDB across reloads until `POST /__mock/reset`.
 *
 * Serve `mockServiceWorker.js` (from `npx msw init`) at the page's root, then:
 *
 * ```ts
 * import { startBrowserMock } from 'billing-elements/mocks/browser';
 * const mock = await startBrowserMock({ scenario: 'injixo-advanced' });
 * // <billing-provider base-url="/api/billing"> … now talks to the mock
 * ```
 *
 * Everything of `billing-elements/mocks` (store, handlers, scenarios) is re-exported here.
 */
import type { HttpHandler, UnhandledFrameHandle } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { createHandlers, DEFAULT_BASE_URL } from './handlers/index.js';
import type { HandlerOptions } from './handlers/index.js';
import { assertFaults } from './http/faults.js';
import { indexedDbAdapter, memoryAdapter } from './store/persistence.js';
import type { PersistenceAdapter } from './store/persistence.js';
import { MockStore } from './store/store.js';
import type { MockStoreOptions } from './store/store.js';

export * from './index.js';

/** Options of {@link startBrowserMock}. */
export interface BrowserMockOptions extends HandlerOptions, Omit<MockStoreOptions, 'persistence'> {
  /** A store to serve (default: a new one from the other options). */
  store?: MockStore;
  /**
   * Where the state is kept: `indexeddb` (default; survives reloads), `memory` (gone on
   * reload), or an adapter of your own.
   */
  persistence?: 'indexeddb' | 'memory' | PersistenceAdapter;
  /** The IndexedDB database name (default `billing-elements-mock`). */
  dbName?: string;
  /** Where the worker script is served (default `/mockServiceWorker.js`). */
  serviceWorkerUrl?: string;
  /** Don't log every mocked request in the console. */
  quiet?: boolean;
  /**
   * What to do with a request no handler answers. Default: requests under the base URL
   * fail (an endpoint the mock lacks is a bug to see), everything else goes to the network.
   */
  onUnhandledFrame?: UnhandledFrameHandle;
}

/** A running browser mock. */
export interface BrowserMock {
  worker: SetupWorker;
  store: MockStore;
  handlers: HttpHandler[];
  /** Stops intercepting (the state stays saved). */
  stop(): void;
}

/**
 * An unhandled-request policy: requests whose URL starts with `baseUrl` (resolved
 * against the page) fail with an error in the console; others pass through.
 */
export function failUnderBaseUrl(baseUrl: string = DEFAULT_BASE_URL): UnhandledFrameHandle {
  return ({ frame, defaults }) => {
    const request = (frame.data as { request?: Request }).request;
    if (!request) return;
    const base = new URL(baseUrl.replace(/\/+$/, ''), location.href).href;
    if (request.url === base || request.url.startsWith(`${base}/`) || request.url.startsWith(`${base}?`)) {
      defaults.error();
      throw new Error(`No mock handler for ${request.method} ${request.url}`);
    }
  };
}

/**
 * Registers the service worker and starts answering. Throws outside a browser page, and
 * (first, anywhere) when `options.faults` is not a valid list of faults, naming each problem.
 */
export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  assertFaults(options.faults);
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    throw new Error(
      'startBrowserMock runs in a browser page (it registers a service worker). In Node, use startNodeMock from billing-elements/mocks/node.',
    );
  }
  const { persistence = 'indexeddb' } = options;
  const adapter =
    persistence === 'indexeddb'
      ? indexedDbAdapter(options.dbName ? { dbName: options.dbName } : {})
      : persistence === 'memory'
        ? memoryAdapter()
        : persistence;
  const store = options.store ?? new MockStore({ ...options, persistence: adapter });
  const handlers = createHandlers(store, options);
  // The worker starts while the store loads (the promise resolves once both are ready, and
  // the page asks for nothing before). MSW is loaded here, not at the top: this module then
  // imports anywhere (a server rendering the host's page, a Node test), and only starting
  // the mock needs a browser.
  const [worker] = await Promise.all([
    import('msw/browser').then(async ({ setupWorker }) => {
      const worker = setupWorker(...handlers);
      await worker.start({
        serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
        quiet: options.quiet ?? false,
        onUnhandledFrame: options.onUnhandledFrame ?? failUnderBaseUrl(options.baseUrl),
      });
      return worker;
    }),
    store.ready,
  ]);
  return { worker, store, handlers, stop: () => worker.stop() };
}
