/**
 * `<billing-error-details>`, private to the kit: the technical side of an error state, for
 * the host's developers, folded under the words a user reads. It names the request that
 * failed and how: a backend that lacks an endpoint the element needs (a framework's plain
 * 404, a 405 or a 501) is named as such, and a server's own problem `detail` is shown
 * where the sentence above it did not already say it.
 *
 * Only an error shows it, so it is loaded then (a chunk of its own, with its messages):
 * {@link errorState} renders the tag and asks for {@link define}.
 */
import { css, html, LitElement, nothing } from 'lit';
import type { BillingApiError } from '../client/errors.js';
import { languagePending, translate } from '../i18n/index.js';
import { defineElement } from './define-element.js';
import { errorMessage } from './states.js';
import { de, en, nl } from './error-details.messages.js';

/** Its catalogues (a plain object, not a module namespace). */
const messages = { en, nl, de };

/**
 * The technical details of `error` in `locale`, or undefined when there is nothing to add
 * (no answer at all, or the error state's sentence already is the server's detail).
 */
export function errorDetails(locale: string, error: BillingApiError): string | undefined {
  const request = error.request;
  if (!request) return undefined;
  const params = { method: request.method, path: new URL(request.url, 'http://host').pathname, status: error.status };
  if (error.kind === 'not-implemented') {
    return translate(locale, 'state.error.details.not-implemented', params, messages);
  }
  const detail = error.problem?.detail;
  if (!detail || errorMessage(locale, error) === detail) return undefined;
  return translate(locale, 'state.error.details.answer', { ...params, detail }, messages);
}

export class BillingErrorDetails extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 60ch;
      color: var(--_muted); /* the muted text of the element that shows it */
      overflow-wrap: anywhere;
    }
    p {
      margin: 0.25em 0 0;
    }
  `;

  static override properties = {
    error: { attribute: false },
    locale: {},
  };

  /** The failed request's error. */
  error: BillingApiError | undefined;
  /** The language of the element that shows it. */
  locale = 'en';

  /** Waits for the language's messages, so no English shows for a moment. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = languagePending(this.locale, messages);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override render() {
    const text = this.error && errorDetails(this.locale, this.error);
    if (!text) return nothing;
    return html`<details part="details">
      <summary>${translate(this.locale, 'state.error.details', {}, messages)}</summary>
      <p>${text}</p>
    </details>`;
  }
}

/** Defines `<billing-error-details>` (once). */
export function define(): void {
  defineElement('billing-error-details', BillingErrorDetails);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-error-details': BillingErrorDetails;
  }
}
