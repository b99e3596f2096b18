import type { TemplateResult } from 'lit';
import type { InvoiceSummary } from '../../client/client.js';
import { BillingApiError } from '../../client/errors.js';
import { onDemand } from '../../internal/on-demand.js';
import { loadLanguage, type ElementMessages, type MessageKey, type MessageParams } from '../../i18n/index.js';

/**
 * What a part of `<billing-invoice-list>` loaded on demand needs of the element: its
 * language, its formatting and the pieces the list shares, bound to the element (whose
 * helpers are protected). Parts import nothing else of the kit at run time (types only),
 * so the element's entry and its parts share no chunk.
 */
export interface ListHelpers {
  readonly root: ShadowRoot;
  readonly locale: string;
  /** A message of the list's own catalogue. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A message of a part's own catalogue (`messages`, loaded with the part). */
  own(messages: ElementMessages, key: string, params?: MessageParams): string;
  money(minorUnits: number, currency: string): string;
  count(n: number): string;
  date(isoDate: string): string;
  period(start: string, end: string): string;
  badge(invoice: InvoiceSummary): TemplateResult;
  reason(code: string): string;
}

/**
 * A part of the list that only a user's action needs (a chunk of its own): `load` fetches
 * it with its messages, if any, in the element's language; `current` is it once loaded. A chunk
 * that cannot be fetched rejects as a network `BillingApiError` (the element shows its
 * error state, with retry), and the next `load` tries again.
 */
export function listPart<T extends object>(
  importPart: () => Promise<T>,
): { load(locale: string): Promise<T>; readonly current: T | undefined } {
  let current: T | undefined;
  const loadPart = onDemand(importPart);
  return {
    get current() {
      return current;
    },
    async load(locale) {
      const part = await loadPart().catch((cause: unknown) => {
        throw new BillingApiError({ status: 0, kind: 'network', message: String(cause), cause });
      });
      await loadLanguage(locale, (part as { messages?: ElementMessages }).messages);
      return (current = part);
    },
  };
}

/**
 * The parts of `<billing-invoice-list>` that only a user's action shows, a chunk each, so
 * that a page that only lists invoices does not download them: the invoice detail (when
 * the user first opens an invoice), the outcome of settling the balance (when they first
 * settle it, before the request is sent) and saving a PDF (on the first download). Tests
 * replace one to see what the element shows when a part cannot be loaded.
 */
export const parts = {
  detail: listPart(() => import('./invoice-detail.js')),
  settle: listPart(() => import('./settle-outcome.js')),
  pdf: listPart(() => import('./save-pdf.js')),
};
