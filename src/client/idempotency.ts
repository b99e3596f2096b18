/**
 * A random idempotency key, also outside secure contexts. A module of its own: elements
 * make keys for their actions without carrying the whole client.
 */
export function newIdempotencyKey(): string {
  return (
    crypto.randomUUID?.() ??
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
  );
}
