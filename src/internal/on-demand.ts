/**
 * A module that only a user's action needs (a dialog, a panel, a flow), as a function that
 * imports it the first time it is called (a chunk of its own) and answers with the same
 * module after. A failed load (offline, a deployment that replaced the chunk) is not
 * remembered: the next call tries again, so an element can offer a retry.
 *
 * @example
 * const detail = onDemand(() => import('./invoice-detail.js'));
 * const { renderDetail } = await detail();
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
