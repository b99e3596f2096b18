/**
 * The mock backend in Node (tests, scripts): MSW's `setupServer` over a store kept in
 * memory. Node needs an absolute base URL, e.g. `http://billing.test/api/billing`.
 *
 * ```ts
 * import { startNodeMock } from 'billing-elements/mocks/node';
 * const mock = await startNodeMock({ baseUrl: 'http://billing.test/api/billing', scenario: 'severa-prepaid' });
 * // … fetch / BillingClient against the base URL …
 * mock.close();
 * ```
 *
 * Needs Node 22.12 or newer (MSW's Node side does); on an older Node it says so instead of
 * failing every request. Everything of `billing-elements/mocks` is re-exported here.
 */
import type { HttpHandler, UnhandledFrameHandle } from 'msw';
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import { createHandlers } from './handlers/index.js';
import type { HandlerOptions } from './handlers/index.js';
import { assertFaults } from './http/faults.js';
import { MockStore } from './store/store.js';
import type { MockStoreOptions } from './store/store.js';

export * from './index.js';

declare const process: { versions: { node: string } };

/** The oldest Node the mock runs on; the same as `engines.node` in package.json (a test keeps them in step). */
export const MINIMUM_NODE = '22.12.0';

/** Throws a clear error on a Node older than {@link MINIMUM_NODE}; `version` is for tests. */
export function assertNodeVersion(version: string = process.versions.node): void {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [minMajor = 0, minMinor = 0] = MINIMUM_NODE.split('.').map(Number);
  if (major > minMajor || (major === minMajor && minor >= minMinor)) return;
  throw new Error(
    `billing-elements' Node mock needs Node ${MINIMUM_NODE} or newer (MSW's Node side uses newer APIs); this is Node ${version}. ` +
      'Upgrade Node, or run the mock in the browser (billing-elements/mocks/browser).',
  );
}

/** Options of {@link startNodeMock}. */
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
  assertNodeVersion();
  return setupServer(...createHandlers(store, options));
}

/**
 * Starts intercepting requests in this process; unhandled requests fail by default.
 * Rejects, naming each problem, when `options.faults` is not a valid list of faults.
 */
export async function startNodeMock(options: NodeMockOptions = {}): Promise<NodeMock> {
  assertNodeVersion();
  assertFaults(options.faults);
  const store = options.store ?? new MockStore(options);
  await store.ready;
  const handlers = createHandlers(store, options);
  const server = setupServer(...handlers);
  server.listen({ onUnhandledFrame: options.onUnhandledFrame ?? 'error' });
  return { server, store, handlers, close: () => server.close() };
}
