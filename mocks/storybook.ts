/**
 * Handlers for `msw-storybook-addon`: each call makes its own in-memory store, so a story
 * gets a fresh tenant and nothing leaks between stories.
 *
 * ```ts
 * export const Forbidden = { parameters: { msw: { handlers: storyHandlers({ role: 'member' }) } } };
 * export const Slow = { parameters: { msw: { handlers: storyHandlers({ faults: [{ operation: '*', kind: 'latency', latencyMs: 3000 }] }) } } };
 * ```
 * The world of a scenario is built on the first request, not when the story file loads.
 */
import type { HttpHandler } from 'msw';
import type { IsoDate, Role, World } from './engine/types.js';
import { createHandlers } from './handlers/index.js';
import { assertFaults } from './http/faults.js';
import type { Fault } from './store/store.js';
import { MockStore } from './store/store.js';

/** What a story's mock backend looks like. */
export interface StoryMockOptions {
  /** A named scenario (default `injixo-advanced`). */
  scenario?: string;
  /** A world of your own instead of a scenario. */
  world?: World;
  /** The caller's role (default `admin`; `null` for no session). */
  role?: Role | null;
  /** Moves the clock of the world (forces it to be built now). */
  today?: IsoDate;
  /** Faults in force, e.g. latency on every endpoint or a 500 on one. */
  faults?: Fault[];
  /** Default `/api/billing`. */
  baseUrl?: string;
}

/** A fresh in-memory store and its handlers, for a story or a test. Throws for faults that are not valid. */
export function storyMock(options: StoryMockOptions = {}): { store: MockStore; handlers: HttpHandler[] } {
  assertFaults(options.faults);
  const store = new MockStore({
    ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
    ...(options.world !== undefined ? { world: options.world } : {}),
    ...(options.role !== undefined ? { role: options.role } : {}),
    ...(options.faults !== undefined ? { faults: options.faults } : {}),
  });
  if (options.today !== undefined) store.setToday(options.today);
  const handlers = createHandlers(store, options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {});
  return { store, handlers };
}

/** `parameters.msw.handlers` for a story: the billing API over a fresh in-memory store. */
export function storyHandlers(options: StoryMockOptions = {}): HttpHandler[] {
  return storyMock(options).handlers;
}
