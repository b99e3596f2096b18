/**
 * The Node side of the mock backend's tests: one MSW server per test file over one store,
 * at an absolute base URL, with unhandled requests failing, and every answer of the mock
 * checked against the contract (`contract.ts`: status, content type, body and declared
 * headers by the operation's response schemas). A test during which the mock answered
 * outside the contract fails, listing each such answer.
 */
import { after, afterEach, before } from 'node:test';
import { BillingApiError, BillingClient } from '../../src/client/index.js';
import { createServer } from '../../mocks/node.js';
import { MockStore } from '../../mocks/store/store.js';
import type { World } from '../../mocks/engine/types.js';
import { smallWorld } from '../mocks/fixtures.js';
import { checkAnswer } from './contract.js';

export const BASE = 'http://billing.test/api/billing';

const worlds = new Map<string, World>();

/** A small world of a model, generated once per process (the store copies it on load). */
export function world(model: Parameters<typeof smallWorld>[0] = 'peak-daily', people = 300, seed = 7): World {
  const key = `${model}|${people}|${seed}`;
  let w = worlds.get(key);
  if (!w) worlds.set(key, (w = smallWorld(model, people, seed)));
  return w;
}

/** Answers of the mock outside the contract, since the last test ended. */
const violations: string[] = [];
/** Counts, for the suite's report: answers checked. */
export const checked = { answers: 0 };

/** The path below the base URL of a request URL under it, else `undefined`. */
export function belowBase(url: string, base = BASE): string | undefined {
  return url.startsWith(`${base}/`) ? new URL(url).pathname.slice(new URL(base).pathname.length) : undefined;
}

/** `fetch` that checks each answer of the mock against the contract (after MSW's own `fetch`). */
function contractChecked(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = init?.method ?? request?.method ?? 'GET';
    const url = request ? request.url : input instanceof URL ? input.href : String(input);
    const response = await inner(input, init);
    const path = belowBase(url);
    if (path !== undefined) {
      checked.answers++;
      try {
        violations.push(...(await checkAnswer(method, path, response)));
      } catch (e) {
        violations.push(`${method} ${path}: the answer could not be checked: ${String(e)}`);
      }
    }
    return response;
  };
}

/** Fails when the mock answered outside the contract since the last call. */
export function assertAnswersInContract(): void {
  if (violations.length === 0) return;
  const list = violations.splice(0);
  throw new Error(`The mock answered outside the contract:\n  ${list.join('\n  ')}`);
}

/**
 * Starts a server for the file; the store starts on a small peak-daily world. Every answer
 * is checked against the contract: a test fails when any was outside it.
 */
export function useMockServer(): { store: MockStore; client: BillingClient } {
  const store = new MockStore({ world: world() });
  const server = createServer(store, { baseUrl: BASE });
  let unchecked: typeof fetch | undefined;
  before(() => {
    server.listen({ onUnhandledFrame: 'error' });
    unchecked = globalThis.fetch;
    globalThis.fetch = contractChecked(unchecked);
  });
  afterEach(assertAnswersInContract);
  after(() => {
    if (unchecked) globalThis.fetch = unchecked;
    server.close();
    assertAnswersInContract();
  });
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
