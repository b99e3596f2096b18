/**
 * The Node side of the mock backend's tests: one MSW server per test file over one store,
 * at an absolute base URL, with unhandled requests failing.
 */
import { after, before } from 'node:test';
import { BillingApiError, BillingClient } from '../../src/client/index.js';
import { createServer } from '../../mocks/node.js';
import { MockStore } from '../../mocks/store/store.js';
import type { World } from '../../mocks/engine/types.js';
import { smallWorld } from '../mocks/fixtures.js';

export const BASE = 'http://billing.test/api/billing';

const worlds = new Map<string, World>();

/** A small world of a model, generated once per process (the store copies it on load). */
export function world(model: Parameters<typeof smallWorld>[0] = 'peak-daily', people = 300, seed = 7): World {
  const key = `${model}|${people}|${seed}`;
  let w = worlds.get(key);
  if (!w) worlds.set(key, (w = smallWorld(model, people, seed)));
  return w;
}

/** Starts a server for the file; the store starts on a small peak-daily world. */
export function useMockServer(): { store: MockStore; client: BillingClient } {
  const store = new MockStore({ world: world() });
  const server = createServer(store, { baseUrl: BASE });
  before(() => server.listen({ onUnhandledFrame: 'error' }));
  after(() => server.close());
  return { store, client: new BillingClient({ baseUrl: BASE }) };
}

/** The BillingApiError a call rejects with (fails when it resolves). */
export async function failure(p: Promise<unknown>): Promise<BillingApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BillingApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}
