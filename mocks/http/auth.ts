/**
 * Who may call what: only `admin` and `finance` read or change billing data; every other
 * role gets `403` ("ask your administrator") on every endpoint except `GET /me`, which
 * tells any signed-in caller what they may do. No session (role `null`) is `401`.
 */
import type { MockStore } from '../store/store.js';
import { canUseBilling } from '../store/views.js';
import { problem } from './problem.js';

/** `billing`: admin and finance only; `signed-in`: any role (`GET /me`). */
export type Access = 'billing' | 'signed-in';

export const FORBIDDEN_DETAIL =
  'Ask your administrator: only people with the admin or finance role can see and change billing.';

/** The refusal for the store's caller, or `undefined` when they may go on. */
export function authorize(store: MockStore, access: Access, instance?: string): Response | undefined {
  const role = store.role;
  if (role === null) {
    return problem(
      401,
      { code: 'unauthorized', detail: 'Sign in to see billing.', headers: { 'WWW-Authenticate': 'Cookie' } },
      instance,
    );
  }
  if (access === 'billing' && !canUseBilling(role)) {
    return problem(403, { code: 'forbidden', detail: FORBIDDEN_DETAIL }, instance);
  }
  return undefined;
}
