/**
 * Acts on the store's faults for one request (see `mocks/store/faults.ts`): waits the
 * latencies, then answers the first failing fault's way, or lets the request through.
 */
import { delay, HttpResponse } from 'msw';
import type { MockStore } from '../store/store.js';
import { problem } from './problem.js';

/** The response a fault forces on a request to `operationId`, or `undefined` to go on. */
export async function applyFaults(
  store: MockStore,
  operationId: string,
  request: Request,
): Promise<Response | undefined> {
  const faults = store.takeFaults(operationId);
  if (faults.length === 0) return undefined;
  for (const f of faults) if (f.kind === 'latency') await delay(f.latencyMs ?? 1000);
  const failing = faults.find((f) => f.kind !== 'latency');
  if (!failing) return undefined;
  if (failing.latencyMs !== undefined) await delay(failing.latencyMs);
  switch (failing.kind) {
    case 'error-500':
      return problem(500, { code: 'server-error', detail: 'The billing service failed (a fault of the mock).' });
    case 'network-error':
      return HttpResponse.error();
    case 'hang':
      await store.hang(request.signal);
      return HttpResponse.error();
    case 'rate-limit-429': {
      const seconds = failing.retryAfter ?? 1;
      return problem(429, {
        code: 'rate-limited',
        detail: `Too many requests; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        headers: { 'Retry-After': String(seconds) },
      });
    }
    default:
      return undefined;
  }
}
