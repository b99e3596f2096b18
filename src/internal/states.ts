import { html, nothing, type TemplateResult } from 'lit';
import type { BillingApiError } from '../client/errors.js';
import { translate } from '../i18n/index.js';

/**
 * The states every element shows instead of a blank box: loading (space reserved,
 * announced), error (what failed, in words, with retry), forbidden (ask your
 * administrator) and empty (why, and what to do).
 */

/** Loading: skeleton lines in the space the content will take, announced politely. */
export function loadingState(locale: string, lines = 4): TemplateResult {
  return html`<div class="state loading" part="state loading" role="status" aria-live="polite" aria-busy="true">
    <span class="visually-hidden">${translate(locale, 'state.loading')}</span>
    ${Array.from(
      { length: lines },
      (_, i) => html`<span class="skeleton" aria-hidden="true" style="width:${90 - ((i * 17) % 40)}%"></span>`,
    )}
  </div>`;
}

/** The kinds of error with a sentence of their own (`state.error.<kind>`). */
const OWN_WORDS = ['network', 'timeout', 'rate-limited', 'not-found', 'unauthorized'] as const;

/**
 * The sentence for an error: the server's own words for a refusal, else one by kind; a
 * 429 that will be tried again on its own (`waiting`) says when.
 */
export function errorMessage(locale: string, error: BillingApiError, waiting = false): string {
  if (waiting && error.retryAfter !== undefined) {
    return translate(locale, 'state.error.rate-limited-waiting', { count: error.retryAfter });
  }
  if ((OWN_WORDS as readonly string[]).includes(error.kind)) {
    return translate(locale, `state.error.${error.kind as (typeof OWN_WORDS)[number]}`);
  }
  if ((error.kind === 'invalid' || error.kind === 'conflict') && error.problem?.detail) return error.problem.detail;
  return translate(locale, 'state.error.server');
}

/**
 * Error: what failed, and a retry button; the technical details folded under it.
 * `waiting`: it is tried again on its own (a 429's `Retry-After`), which the words say.
 */
export function errorState(
  locale: string,
  error: BillingApiError,
  retry: (() => void) | undefined,
  title: string = translate(locale, 'state.error.title'),
  waiting = false,
): TemplateResult {
  const message = errorMessage(locale, error, waiting);
  // The technical details: a private element loaded the first time an error shows (the
  // module loads once; offline, the words above still say what failed).
  if (error.request)
    void import('./error-details.js').then(
      (m) => m.define(),
      () => undefined,
    );
  return html`<div class="state error" part="state error" role="alert">
    <h2>${title}</h2>
    <p>${message}</p>
    ${
      error.request
        ? html`<billing-error-details part="error-details" .error=${error} locale=${locale}></billing-error-details>`
        : nothing
    }
    ${
      retry
        ? html`<button type="button" part="retry-button" @click=${retry}>${translate(locale, 'state.retry')}</button>`
        : nothing
    }
  </div>`;
}

/** Forbidden: no billing data, and who to ask. */
export function forbiddenState(locale: string): TemplateResult {
  return html`<div class="state forbidden" part="state forbidden" role="status">
    <h2>${translate(locale, 'state.forbidden.title')}</h2>
    <p>${translate(locale, 'state.forbidden.body')}</p>
  </div>`;
}

/** Empty: says why there is nothing, and optionally what to do. */
export function emptyState(title: string, body: string, action?: TemplateResult): TemplateResult {
  return html`<div class="state empty" part="state empty" role="status">
    <h2>${title}</h2>
    <p>${body}</p>
    ${action ?? nothing}
  </div>`;
}
