/**
 * The kit's mock backend, for hosts' QA: the store (a tenant world, the session, faults,
 * idempotency, persistence), the MSW handlers of the whole API, the named scenarios, and
 * the browser / Node / Storybook setups.
 *
 * The setups load lazily (`startBrowserMock`, `startNodeMock`) because `msw/browser` and
 * `msw/node` each refuse to load in the other environment; import `mocks/browser.ts` or
 * `mocks/node.ts` directly for their other exports.
 */
import type { BrowserMock, BrowserMockOptions } from './browser.js';
import type { NodeMock, NodeMockOptions } from './node.js';

export {
  createStore,
  MockStore,
  MockError,
  memoryAdapter,
  indexedDbAdapter,
  checkFaults,
  DEFAULT_SCENARIO,
  detailsEtag,
  ifMatchAccepts,
} from './store/index.js';
export type {
  Fault,
  FaultKind,
  MockErrorKind,
  MockStoreOptions,
  Mutation,
  MutationResult,
  PersistenceAdapter,
  IndexedDbAdapterOptions,
  UsersQuery,
  ChangeInput,
} from './store/index.js';
export { createHandlers, DEFAULT_BASE_URL } from './handlers/index.js';
export type { HandlerOptions } from './handlers/index.js';
export { getScenario, isScenarioName, loadScenario, scenarioNames, scenarios } from './scenarios/index.js';
export type { Scenario, ScenarioName, ScenarioProduct } from './scenarios/index.js';
export { storyHandlers, storyMock } from './storybook.js';
export type { StoryMockOptions } from './storybook.js';
export type { BrowserMock, BrowserMockOptions } from './browser.js';
export type { NodeMock, NodeMockOptions } from './node.js';

/** Starts the service-worker mock in the browser (see `mocks/browser.ts`). */
export async function startBrowserMock(options: BrowserMockOptions = {}): Promise<BrowserMock> {
  const { startWorker } = await import('./browser.js');
  return startWorker(options);
}

/** Starts the mock in Node (see `mocks/node.ts`); give an absolute `baseUrl`. */
export async function startNodeMock(options: NodeMockOptions = {}): Promise<NodeMock> {
  const { startServer } = await import('./node.js');
  return startServer(options);
}
