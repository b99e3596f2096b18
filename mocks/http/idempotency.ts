/**
 * Idempotency records: a write sent again with the same `Idempotency-Key` (a retry after
 * a lost answer) gets the first answer again (`200`, `Idempotent-Replayed: true`) and
 * changes nothing; the same key with a different request is refused (`422 key-reused`).
 *
 * The records are read from the store's change log ({@link MockStore.changes}): each
 * logged change keeps the key it was asked with and what it answered. So they follow the
 * log exactly: cleared when a world or scenario is loaded, rebuilt when a saved session is
 * replayed. The index over the log is cached per log array (a cleared log is a new array).
 */
import type { LoggedChange, Mutation, MutationResult } from '../store/store.js';
import type { MockStore } from '../store/store.js';
import { ProblemError } from './problem.js';

/** A keyed write as the store logs it, without its key. */
export type KeyedRequest =
  | { op: 'order-licenses'; kind: 'add' | 'remove'; quantity: number }
  | { op: 'schedule-change'; change: Extract<Mutation, { op: 'schedule-change' }>['change'] }
  | { op: 'cancel-change'; orderId: string }
  | { op: 'settle' }
  | { op: 'deactivate'; userId: string; removeLicense: boolean }
  | { op: 'reactivate'; userId: string; buyLicense: boolean };

/** The fields that make two requests the same, in one order; `undefined` for a change that is never keyed. */
function fingerprint(m: Mutation | KeyedRequest): string | undefined {
  switch (m.op) {
    case 'order-licenses':
      return JSON.stringify([m.op, m.kind, m.quantity]);
    case 'schedule-change':
      return JSON.stringify([
        m.op,
        m.change.kind,
        m.change.kind === 'change-plan' ? m.change.planId : m.change.periodMonths,
      ]);
    case 'cancel-change':
      return JSON.stringify([m.op, m.orderId]);
    case 'settle':
      return JSON.stringify([m.op]);
    case 'deactivate':
      return JSON.stringify([m.op, m.userId, m.removeLicense]);
    case 'reactivate':
      return JSON.stringify([m.op, m.userId, m.buyLicense]);
    default:
      return undefined;
  }
}

interface Records {
  /** How many entries of the log are indexed. */
  seen: number;
  /** The first logged change of each key. */
  byKey: Map<string, LoggedChange>;
}

const indexes = new WeakMap<readonly LoggedChange[], Records>();

/** The first change logged with `key`, indexing the entries logged since the last look. */
function recorded(changes: readonly LoggedChange[], key: string): LoggedChange | undefined {
  let records = indexes.get(changes);
  if (!records) indexes.set(changes, (records = { seen: 0, byKey: new Map() }));
  for (; records.seen < changes.length; records.seen++) {
    const change = changes[records.seen] as LoggedChange;
    const k = 'key' in change.mutation ? change.mutation.key : undefined;
    if (k !== undefined && k !== '' && !records.byKey.has(k)) records.byKey.set(k, change);
  }
  return records.byKey.get(key);
}

/**
 * Runs a keyed write once per key: the first answer again (`replayed`) for a key seen
 * with the same request, a `422 key-reused` problem for a key seen with another, else
 * `run()` (which logs the change with its key). Without a key, just `run()`.
 */
export function idempotent<T>(
  store: MockStore,
  key: string | undefined,
  request: KeyedRequest,
  run: () => MutationResult<T>,
): MutationResult<T> {
  if (key === undefined || key === '') return run();
  const earlier = recorded(store.changes, key);
  if (!earlier) return run();
  if (fingerprint(earlier.mutation) === fingerprint(request)) {
    return { body: earlier.result.body as T, created: false, replayed: true };
  }
  const message = 'This Idempotency-Key was already used for a different request; send a new key for a new action.';
  throw new ProblemError(422, {
    code: 'key-reused',
    detail: message,
    errors: [{ field: 'Idempotency-Key', code: 'key-reused', message }],
  });
}
