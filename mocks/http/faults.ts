/**
 * Faults on demand: the mock misbehaves like a real backend can, per endpoint
 * (operationId) or everywhere (`*`), for a number of requests or until removed.
 *
 * - `latency`: answers after `latencyMs` (default 1000); combines with the others, and
 *   any other kind may carry its own `latencyMs` to wait before failing.
 * - `error-500`: a 500 problem.
 * - `network-error`: no answer at all (the fetch rejects).
 * - `hang`: no answer until the request is aborted (or the faults are replaced).
 * - `rate-limit-429`: a 429 with `Retry-After: retryAfter` seconds (default 1).
 *
 * The store keeps the list as session data (saved with the session); this module checks a
 * list ({@link checkFaults}), counts each request against it and acts on the faults that
 * hit ({@link applyFaults}).
 */
import { delay, HttpResponse } from 'msw';
import type { FieldError } from '../store/contract.js';
import { FAULT_KINDS } from '../store/contract.js';
import type { Fault, MockStore } from '../store/store.js';
import { problem } from './problem.js';

/** Problems with a list of faults (empty when it is valid), fields named `items[i].field`. */
export function checkFaults(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!Array.isArray(input)) {
    return [{ field: 'items', code: 'required', message: 'Send the faults as a list in `items`.' }];
  }
  input.forEach((f: unknown, i) => {
    const at = (field: string) => `items[${i}]${field ? `.${field}` : ''}`;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) {
      errors.push({ field: at(''), code: 'invalid', message: 'A fault is an object.' });
      return;
    }
    const o = f as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      if (!['operation', 'kind', 'latencyMs', 'retryAfter', 'times'].includes(k)) {
        errors.push({ field: at(k), code: 'unknown-field', message: `A fault has no field ${k}.` });
      }
    }
    if (typeof o['operation'] !== 'string' || o['operation'] === '') {
      errors.push({ field: at('operation'), code: 'required', message: 'Name an operationId, or * for every one.' });
    }
    if (!(FAULT_KINDS as readonly unknown[]).includes(o['kind'])) {
      errors.push({ field: at('kind'), code: 'invalid', message: `The kind is one of ${FAULT_KINDS.join(', ')}.` });
    }
    const int = (field: string, min: number, max: number) => {
      const v = o[field];
      if (v === undefined) return;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        errors.push({
          field: at(field),
          code: 'invalid',
          message: `${field} is a whole number from ${min} to ${max}.`,
        });
      }
    };
    int('latencyMs', 0, 60000);
    int('retryAfter', 0, 3600);
    int('times', 1, Number.MAX_SAFE_INTEGER);
  });
  return errors;
}

/** Throws, naming each problem, when `faults` (given to a mock at start) is not a valid list. */
export function assertFaults(faults: unknown): void {
  const problems = faults === undefined ? [] : checkFaults(faults);
  if (problems.length > 0) {
    throw new Error(`The faults are not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
  }
}

/**
 * The faults that hit a request to `operationId` now, in list order, counting one use
 * of each in the store (a fault whose `times` runs out is removed).
 */
export function takeFaults(store: MockStore, operationId: string): Fault[] {
  const hit: Fault[] = [];
  const left: Fault[] = [];
  for (const f of store.faults) {
    if (f.operation !== operationId && f.operation !== '*') {
      left.push(f);
      continue;
    }
    hit.push({ ...f });
    if (f.times === undefined) left.push(f);
    else if (f.times > 1) left.push({ ...f, times: f.times - 1 });
  }
  if (hit.some((f) => f.times !== undefined)) store.faultsUsed(left);
  return hit;
}

/** Resolves when `signal` aborts or the store's faults are replaced: how a hang ends. */
export function hang(store: MockStore, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    let unwatch = (): void => {};
    const done = () => {
      unwatch();
      signal?.removeEventListener('abort', done);
      resolve();
    };
    if (signal?.aborted) {
      resolve();
      return;
    }
    unwatch = store.watchFaults(done);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The response a fault forces on a request to `operationId`, or `undefined` to go on. */
export async function applyFaults(
  store: MockStore,
  operationId: string,
  request: Request,
): Promise<Response | undefined> {
  const faults = takeFaults(store, operationId);
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
      await hang(store, request.signal);
      return HttpResponse.error();
    case 'rate-limit-429': {
      const seconds = failing.retryAfter ?? 1;
      return problem(429, {
        code: 'rate-limited',
        params: { seconds },
        detail: `Too many requests; try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        headers: { 'Retry-After': String(seconds) },
      });
    }
    default:
      return undefined;
  }
}
