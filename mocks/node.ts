/**
 * The mock backend in Node (tests, scripts): MSW's `setupServer` over a store kept in
 * memory. Node needs an absolute base URL, e.g. `http://billing.test/api/billing`.
 *
 * ```ts
 * const mock = await startServer({ baseUrl: 'http://billing.test/api/billing', scenario: 'severa-prepaid' });
 * // … fetch / BillingClient against the base URL …
 * mock.close();
 * ```
 */
import type { HttpHandler, UnhandledFrameHandle } from 'msw';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import { createHandlers } from './handlers/index.js';
import type { HandlerOptions } from './handlers/index.js';
import { MockStore } from './store/store.js';
import type { MockStoreOptions } from './store/store.js';

/** Options of {@link startServer}. */
export interface NodeMockOptions extends HandlerOptions, MockStoreOptions {
  /** A store to serve (default: a new one from the other options). */
  store?: MockStore;
  /** What to do with a request no handler answers. Default `error`: it fails. */
  onUnhandledFrame?: UnhandledFrameHandle;
}

/** A running Node mock. */
export interface NodeMock {
  server: SetupServer;
  store: MockStore;
  handlers: HttpHandler[];
  /** Stops intercepting. */
  close(): void;
}

/** An MSW server answering the billing API from `store` (not started). */
export function createServer(store: MockStore, options: HandlerOptions = {}): SetupServer {
  return setupServer(...createHandlers(store, options));
}

/** Starts intercepting requests in this process; unhandled requests fail by default. */
export async function startServer(options: NodeMockOptions = {}): Promise<NodeMock> {
  const store = options.store ?? new MockStore(options);
  await store.ready;
  const handlers = createHandlers(store, options);
  const server = setupServer(...handlers);
  server.listen({ onUnhandledFrame: options.onUnhandledFrame ?? 'error' });
  return { server, store, handlers, close: () => server.close() };
}
