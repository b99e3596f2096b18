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
 * The store keeps the list; the HTTP layer (`mocks/http/faults.ts`) acts on it.
 */
import type { ApiFault, FieldError } from './contract.js';
import { FAULT_KINDS } from './contract.js';

export type Fault = ApiFault;
export type FaultKind = Fault['kind'];

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

/** The faults in force, with what is left of their `times`. */
export class FaultList {
  #items: Fault[] = [];
  #waiters = new Set<() => void>();

  /** A copy of the faults in force. */
  list(): Fault[] {
    return this.#items.map((f) => ({ ...f }));
  }

  /** Replaces the faults (assumed valid: see {@link checkFaults}); releases hanging requests. */
  set(faults: readonly Fault[]): void {
    this.#items = faults.map((f) => ({ ...f }));
    this.releaseAll();
  }

  /**
   * The faults that hit a request to `operationId` now, in list order, counting one use
   * of each (a fault whose `times` runs out is removed).
   */
  take(operationId: string): Fault[] {
    const hit: Fault[] = [];
    this.#items = this.#items.filter((f) => {
      if (f.operation !== operationId && f.operation !== '*') return true;
      hit.push({ ...f });
      if (f.times === undefined) return true;
      f.times -= 1;
      return f.times > 0;
    });
    return hit;
  }

  /** Resolves when `signal` aborts or the faults are replaced: how a hang ends. */
  hang(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.#waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.#waiters.add(done);
      if (signal?.aborted) done();
      else signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Ends every hanging request. */
  releaseAll(): void {
    for (const done of [...this.#waiters]) done();
  }
}
