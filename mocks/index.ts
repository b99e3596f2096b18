/**
 * The kit's mock backend, for hosts' QA: the store (a tenant world, the session, the
 * change log and its persistence), the MSW handlers of the whole API (with the HTTP
 * layer's idempotency records, `If-Match` and faults), the named scenarios and
 * the Storybook setup. It imports neither `msw/browser` nor `msw/node`, so it bundles for
 * any platform.
 *
 * To start the mock, import the side you run on (each re-exports all of this):
 * `billing-elements/mocks/browser` (`startBrowserMock`, a service worker) or
 * `billing-elements/mocks/node` (`startNodeMock`, MSW's `setupServer`). Each refuses to
 * load in the other environment, which is why they are separate entries.
 */

export {
  createStore,
  MockStore,
  StoreError,
  MockError,
  memoryAdapter,
  indexedDbAdapter,
  DEFAULT_SCENARIO,
  detailsEtag,
} from './store/index.js';
export type {
  Fault,
  FaultKind,
  StoreErrorKind,
  MockErrorKind,
  MockStoreOptions,
  Mutation,
  MutationResult,
  VersionMatch,
  LoggedChange,
  PersistenceAdapter,
  IndexedDbAdapterOptions,
  UsersQuery,
  ChangeInput,
} from './store/index.js';
export { checkFaults } from './http/faults.js';
export { ifMatchAccepts, versionsNamed } from './http/preconditions.js';
export { createHandlers, DEFAULT_BASE_URL } from './handlers/index.js';
export type { HandlerOptions } from './handlers/index.js';
export { getScenario, isScenarioName, loadScenario, scenarioNames, scenarios } from './scenarios/index.js';
export type { Scenario, ScenarioName, ScenarioProduct } from './scenarios/index.js';
export { storyHandlers, storyMock } from './storybook.js';
export type { StoryMockOptions } from './storybook.js';
