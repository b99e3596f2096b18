import type { BillingApiError } from '../client/errors.js';

/** The longest `Retry-After` honoured on its own (s): a longer wait is the user's to start. */
const LONGEST_WAIT = 120;

/**
 * Retries a failed request when its cause may have gone, so that no failure needs a reload
 * of the page: the browser coming back online (after a network failure or a timeout, or
 * any failure while offline), and, when `auto` is set, the `Retry-After` of a 429 elapsed
 * (the owner decides whether to wait on its own: once, then a second 429 waits for the
 * user's "Try again"). Returns whether it waits for the `Retry-After`, and how to stop
 * waiting (call it when the request is run again by other means, or its owner goes away).
 *
 * One policy for every owner of a request: a data query, the session's `/me`, a chunk of
 * code that could not be loaded.
 */
export function recoverWhen(
  error: BillingApiError | undefined,
  retry: () => void,
  auto = true,
): { waiting: boolean; stop(): void } {
  const offline = typeof navigator !== 'undefined' && !navigator.onLine;
  if (!error || !(error.retryable || offline)) return { waiting: false, stop: () => {} };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    globalThis.removeEventListener?.('online', again);
  };
  const again = () => {
    stop();
    retry();
  };
  globalThis.addEventListener?.('online', again);
  const wait = error?.kind === 'rate-limited' ? error.retryAfter : undefined;
  const waiting = auto && wait !== undefined && wait <= LONGEST_WAIT;
  if (waiting) timer = setTimeout(again, wait * 1000);
  return { waiting, stop };
}
