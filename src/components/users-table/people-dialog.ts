/**
 * `<billing-people-dialog>`, private to every element that shows a figure of people (an
 * invoice's user count or licenses, the overview's peak, a bar or point of the chart): the
 * people behind the figure, in a modal dialog headed by the figure in words, with a
 * `<billing-users-table>` of that month (and, for a chart point, that day). It lives with
 * the users table (its requests are the table's: the page of a month, the licenses held
 * and free). Opened through `showPeople` (src/internal/show-people.ts), which loads this
 * module on first use; it appends itself to
 * the opener's shadow root, so the table finds the same `<billing-provider>`, closes with
 * Escape or its close button, gives the focus back to what had it, and removes itself.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { LicenseSummary } from '../../client/client.js';
import { BillingUsersTable } from './users-table.js';
import { BillingElement } from '../../internal/billing-element.js';
import { defineElement } from '../../internal/define-element.js';
import { dialogStyles } from '../../internal/dialog.styles.js';
import type { PeopleQuery } from '../../internal/events.js';
import { de, en, nl } from './people-dialog.messages.js';
import { Query } from '../../internal/query.js';

/** Licenses held and free behind a licenses figure: free only for the period in progress. */
interface Held {
  held: number;
  free?: number;
}

const styles = css`
  dialog {
    width: min(64rem, calc(100vw - 2rem));
    max-width: min(64rem, calc(100vw - 2rem));
    box-sizing: border-box;
    padding: calc(var(--_space) * 2);
  }
  .dialog-head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .dialog-head h2 {
    margin: 0;
    overflow-wrap: anywhere;
  }
  button.close {
    min-width: 2.25rem;
    padding: 0;
    font-size: 1.25rem;
    line-height: 1;
  }
  billing-users-table {
    --billing-users-table-height: min(30rem, 55vh);
  }
`;

export class BillingPeopleDialog extends BillingElement {
  static override styles = [...BillingElement.styles, dialogStyles, styles];
  static override messages = { en, nl, de };

  static override properties = {
    query: { attribute: false },
  };

  /** The figure whose people are shown. */
  query: PeopleQuery | undefined;

  /** What had the focus when the dialog opened: it gets it back. */
  returnFocus: HTMLElement | null = null;

  /** Behind a licenses figure: the licenses held that month, and the free ones in the period in progress. */
  #held = new Query(this, {
    topics: ['users', 'licenses'],
    args: () => [this.query?.figure === 'licenses' ? this.query.month : undefined] as const,
    run: async (client, signal, [month]): Promise<Held | undefined> => {
      if (!month) return undefined;
      const summary: LicenseSummary = await client.getLicenses({ signal });
      const { start, end } = summary.period;
      if (month >= start.slice(0, 7) && month <= end.slice(0, 7)) {
        return { held: summary.assigned, free: summary.free };
      }
      const page = await client.listUsers({ month, billed: true, limit: 1 }, { signal });
      return { held: page.billedCount };
    },
  });

  get #dialogEl(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }

  protected override firstUpdated(): void {
    this.#dialogEl?.showModal();
  }

  #close(): void {
    this.#dialogEl?.close();
  }

  /** Closed (Escape, the close button): gone, and the focus back where it was. */
  #closed(e: Event): void {
    if (e.target !== this.#dialogEl) return; // a dialog inside (the table's) closed
    this.remove();
    this.returnFocus?.focus();
  }

  /** The figure in words: "53 billed users in October 2026", "People active on 13 Oct 2026: 48", "20 licenses: 17 held, 3 free". */
  #title(q: PeopleQuery): string {
    const n = this.fmtCount(q.count);
    if (q.day) return this.t('people.title.day', { date: this.fmtDate(q.day), n });
    const month = this.fmtMonth(q.month);
    if (q.figure !== 'licenses') return this.t('people.title.month', { count: q.count, n, month });
    const held = this.#held.value;
    if (!held) return this.t('people.title.licenses', { count: q.count, n, month });
    return held.free === undefined
      ? this.t('people.title.licenses-held', { count: q.count, n, month, held: this.fmtCount(held.held) })
      : this.t('people.title.licenses-free', {
          count: q.count,
          n,
          held: this.fmtCount(held.held),
          free: this.fmtCount(held.free),
        });
  }

  protected override render(): TemplateResult | typeof nothing {
    const q = this.query;
    if (!q) return nothing;
    return html`<dialog part="dialog" aria-labelledby="people-title" @close=${this.#closed}>
      <div class="dialog-head">
        <h2 id="people-title">${this.#title(q)}</h2>
        <button type="button" class="close" aria-label=${this.t('common.close')} @click=${this.#close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <billing-users-table
        lang=${this.lang || nothing}
        .client=${this.client}
        base-url=${this.baseUrl || nothing}
        month=${q.month}
        day=${q.day ?? nothing}
      ></billing-users-table>
    </dialog>`;
  }
}

/**
 * Opens the people behind `query` in `from`'s shadow root (so the table finds the same
 * provider, or `from`'s own client, and speaks `from`'s language); the focus returns to
 * what had it when the dialog closes.
 */
export function open(from: HTMLElement, query: PeopleQuery): BillingPeopleDialog {
  const root = from.shadowRoot ?? from;
  const el = document.createElement('billing-people-dialog');
  el.lang = from.lang;
  if (from instanceof BillingElement) {
    el.client = from.client;
    el.baseUrl = from.baseUrl;
  }
  el.query = query;
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  el.returnFocus = focused as HTMLElement | null;
  root.append(el);
  return el;
}

/** Defines the tags (once): the dialog's, and the users table's unless the page has it. */
export function define(): void {
  defineElement('billing-people-dialog', BillingPeopleDialog);
  defineElement('billing-users-table', BillingUsersTable);
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-people-dialog': BillingPeopleDialog;
  }
}
