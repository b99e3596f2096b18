import * as messages from './users-table.messages.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingModel, BillingReason, BillingUser, LicenseQuote, UserPage } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorMessage, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { usersTableStyles } from './users-table.styles.js';

type Tab = 'billed' | 'not-billed';
type SortKey = 'name' | 'email' | 'role' | 'directories' | 'startDate' | 'reason';
type Sort = SortKey | `-${SortKey}`;

/** Rows per request: the table asks for pages as the reader scrolls. */
const PAGE_SIZE = 100;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;
/** Fallback row height (px) until the real one is measured. */
const DEFAULT_ROW_HEIGHT = 44;
/** Rows rendered before the scroller's height is known (about a 30rem table, plus overscan). */
const INITIAL_ROWS = 20;

interface Dialog {
  kind: 'deactivate' | 'reactivate-buy';
  user: BillingUser;
  quote?: LicenseQuote;
  busy: boolean;
  error?: string;
  /** One key per user action: a retried click never orders twice. */
  key: string;
}

const REASON_KEYS: Record<BillingReason, MessageKey> = {
  'active-on-peak-day': 'users.reason.active-on-peak-day',
  'active-in-month': 'users.reason.active-in-month',
  'active-full-month': 'users.reason.active-full-month',
  'invited-and-active': 'users.reason.invited-and-active',
  'holds-license': 'users.reason.holds-license',
  deactivated: 'users.reason.deactivated',
  'not-yet-started': 'users.reason.not-yet-started',
  'created-mid-month': 'users.reason.created-mid-month',
  'ended-mid-month': 'users.reason.ended-mid-month',
  guest: 'users.reason.guest',
  'not-invited': 'users.reason.not-invited',
  'no-qualifying-activity': 'users.reason.no-qualifying-activity',
};

const MODEL_RULE_KEYS: Record<BillingModel, MessageKey> = {
  'peak-daily': 'users.rule.peak-daily',
  'per-user': 'users.rule.per-user',
  'full-month': 'users.rule.full-month',
  invited: 'users.rule.invited',
  'prepaid-licenses': 'users.rule.prepaid-licenses',
};

/**
 * Who is billed in a month, and why the others are not. Two tabs (billed, not billed)
 * with their counts; search, sort by any column and a month picker; rows are fetched a
 * page at a time from the server and only the rows in view are in the DOM, so a tenant
 * with 100,000 people scrolls like one with ten. Admins can deactivate and reactivate
 * people; under prepaid licenses the table asks what to do with the freed license, or
 * offers to buy one at the prorated price.
 *
 * @summary Billed and not billed users of a month, with the reason for each.
 * @tagname billing-users-table
 *
 * @event billing-change - A user was deactivated or reactivated (topic `users`); the other elements of the provider refetch.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart toolbar - Month picker, search and export.
 * @csspart table - The table.
 * @csspart row - Each user row.
 * @csspart export-button - The CSV export button.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-users-table-height - Height of the scrolling table. Default `30rem`.
 * @cssproperty --billing-users-table-row-height - Height of a row. Default `44px`.
 */
export class BillingUsersTable extends BillingElement {
  static override styles = [...BillingElement.styles, usersTableStyles];
  static override messages = messages;

  @query('.scroller') private scroller?: HTMLElement;
  @query('dialog') private dialogEl?: HTMLDialogElement;

  @state() private page0: UserPage | undefined;
  @state() private error: BillingApiError | undefined;
  @state() private loading = false;
  /** A new query's first page is on its way: the table area shows the loading state. */
  @state() private pending = true;
  @state() private range = { start: 0, end: INITIAL_ROWS };
  @state() private searchInput = '';
  @state() private dialog: Dialog | undefined;
  @state() private status = '';
  @state() private exporting = false;

  /** The month shown, `YYYY-MM`. Default: the tenant's current month. */
  @property({ reflect: true }) month = '';

  /** The tab shown: `billed` or `not-billed`. */
  @property({ reflect: true }) tab: Tab = 'billed';

  /** The sort: a column (`name`, `email`, `role`, `directories`, `startDate`, `reason`), `-` in front for descending. */
  @property({ reflect: true }) sort: Sort = 'name';

  /** The search text (name or e-mail). */
  @property() search = '';

  #pages = new Map<number, BillingUser[]>();
  #inFlight = new Set<number>();
  #abort = new AbortController();
  #queryKey = '';
  #rowHeight = DEFAULT_ROW_HEIGHT;
  /** Row and header heights are measured once (and again when the table is resized), not on every update. */
  #measured = false;
  #measureFrame = 0;
  #headHeight = 0;
  #resize = new ResizeObserver(() => {
    this.#measured = false;
    this.#measure();
  });
  #observed: Element | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #frame = 0;
  #focusRow: number | undefined;
  #lastRevision = -1;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#observed = undefined;
    cancelAnimationFrame(this.#measureFrame);
    this.#abort.abort();
    clearTimeout(this.#searchTimer);
    cancelAnimationFrame(this.#frame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search')) this.searchInput = this.search;
    const billing = this.billing;
    if (!billing || this.roleForbidden) return;
    const month = this.month || billing.permissions?.today?.slice(0, 7) || '';
    const key = JSON.stringify([billing.client.baseUrl, month, this.tab, this.sort, this.search]);
    if (key !== this.#queryKey || billing.revision !== this.#lastRevision) {
      const keepPosition = key === this.#queryKey; // a refresh after a change keeps the scroll position
      this.#queryKey = key;
      this.#lastRevision = billing.revision;
      this.#reset(month, keepPosition);
    }
  }

  protected override updated(): void {
    const scroller = this.scroller;
    if (scroller !== this.#observed) {
      if (this.#observed) this.#resize.unobserve(this.#observed);
      if (scroller) this.#resize.observe(scroller);
      this.#observed = scroller;
      this.#measured = false;
    }
    // Measured in the next frame, after layout, so the range it sets is a new update
    // rather than a change during this one.
    if (!this.#measured) {
      cancelAnimationFrame(this.#measureFrame);
      this.#measureFrame = requestAnimationFrame(() => this.#measure());
    }
    if (this.#focusRow !== undefined) {
      const el = this.scroller?.querySelector<HTMLElement>(`tr[data-index="${this.#focusRow}"]`);
      if (el) {
        el.focus({ preventScroll: false });
        this.#focusRow = undefined;
      }
    }
  }

  /** Reads the row and header heights (a forced layout, so only when they may have changed). */
  #measure(): void {
    const el = this.scroller;
    const row = el?.querySelector<HTMLElement>('tbody tr.row');
    if (!el || !row || row.offsetHeight === 0) return;
    this.#measured = true;
    this.#headHeight = el.querySelector('thead')?.offsetHeight ?? 0;
    if (row.offsetHeight !== this.#rowHeight) this.#rowHeight = row.offsetHeight;
    this.#updateRange();
  }

  /** Fetches the current query again (e.g. after the host changed data). */
  refresh(): void {
    const month = this.#currentMonth;
    if (month) this.#reset(month, true);
  }

  get #currentMonth(): string {
    return this.month || this.page0?.month || this.billing?.permissions?.today?.slice(0, 7) || '';
  }

  #reset(month: string, keepPosition: boolean): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#pages.clear();
    this.#inFlight.clear();
    this.error = undefined;
    if (!keepPosition) {
      // The tabs and toolbar stay (with the last counts) while the new first page loads.
      this.pending = true;
      if (this.scroller) this.scroller.scrollTop = 0;
      this.range = { start: 0, end: INITIAL_ROWS };
    }
    if (!month && !this.billing?.permissions) {
      // Wait for the permissions (they carry the tenant's today) before choosing a month.
      this.#queryKey = '';
      return;
    }
    void this.#loadPage(0, month);
  }

  async #loadPage(pageIndex: number, month = this.#currentMonth): Promise<void> {
    const billing = this.billing;
    if (!billing || this.#inFlight.has(pageIndex) || this.#pages.has(pageIndex)) return;
    this.#inFlight.add(pageIndex);
    const signal = this.#abort.signal;
    if (pageIndex === 0) this.loading = true;
    try {
      const page = await billing.client.listUsers(
        {
          month,
          billed: this.tab === 'billed',
          offset: pageIndex * PAGE_SIZE,
          limit: PAGE_SIZE,
          sort: this.sort,
          ...(this.search ? { q: this.search } : {}),
        },
        { signal },
      );
      if (signal.aborted) return;
      this.#pages.set(pageIndex, page.items);
      if (pageIndex === 0) this.pending = false;
      if (pageIndex === 0 || !this.page0) this.page0 = page;
      else
        this.page0 = {
          ...this.page0,
          total: page.total,
          billedCount: page.billedCount,
          notBilledCount: page.notBilledCount,
        };
      this.error = undefined;
      this.requestUpdate();
    } catch (e) {
      if (signal.aborted) return;
      this.error = this.reportError(e);
    } finally {
      this.#inFlight.delete(pageIndex);
      if (pageIndex === 0 && !signal.aborted) this.loading = false;
    }
  }

  #row(index: number): BillingUser | undefined {
    return this.#pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  #onScroll = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#updateRange());
  };

  #updateRange(): void {
    const el = this.scroller;
    const total = this.page0?.total ?? 0;
    if (!el) return;
    const h = this.#rowHeight;
    const top = Math.max(0, el.scrollTop - this.#headHeight);
    const start = Math.max(0, Math.floor(top / h) - OVERSCAN);
    const end = Math.min(total, Math.ceil((top + el.clientHeight) / h) + OVERSCAN);
    if (start !== this.range.start || end !== this.range.end) this.range = { start, end };
    for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(Math.max(start, end - 1) / PAGE_SIZE); p++) {
      void this.#loadPage(p);
    }
  }

  #selectTab(tab: Tab, focus = false): void {
    if (tab !== this.tab) {
      this.tab = tab;
      this.sort = 'name';
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey(e: KeyboardEvent): void {
    const tabs: Tab[] = ['billed', 'not-billed'];
    const i = tabs.indexOf(this.tab);
    let next: Tab | undefined;
    if (e.key === 'ArrowRight') next = tabs[(i + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(i - 1 + tabs.length) % tabs.length];
    else if (e.key === 'Home') next = tabs[0];
    else if (e.key === 'End') next = tabs[tabs.length - 1];
    if (next) {
      e.preventDefault();
      this.#selectTab(next, true);
    }
  }

  #onSearchInput(e: Event): void {
    this.searchInput = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.search = this.searchInput.trim()), 250);
  }

  #onSearchKey(e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      clearTimeout(this.#searchTimer);
      this.search = this.searchInput.trim();
    }
  }

  #toggleSort(key: SortKey): void {
    this.sort = this.sort === key ? `-${key}` : key;
  }

  #onRowKey(e: KeyboardEvent, index: number): void {
    const total = this.page0?.total ?? 0;
    const visible = Math.max(1, Math.floor((this.scroller?.clientHeight ?? 400) / this.#rowHeight) - 1);
    const target =
      e.key === 'ArrowDown'
        ? index + 1
        : e.key === 'ArrowUp'
          ? index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? total - 1
              : e.key === 'PageDown'
                ? index + visible
                : e.key === 'PageUp'
                  ? index - visible
                  : undefined;
    if (target === undefined || e.target !== e.currentTarget) return;
    e.preventDefault();
    this.#focusIndex(Math.min(total - 1, Math.max(0, target)));
  }

  #focusIndex(index: number): void {
    this.#focusRow = index;
    const el = this.scroller;
    if (!el) return;
    const existing = el.querySelector<HTMLElement>(`tr[data-index="${index}"]`);
    if (existing) {
      existing.focus();
      this.#focusRow = undefined;
      return;
    }
    el.scrollTop = Math.max(0, index * this.#rowHeight - this.#headHeight);
    this.#updateRange();
  }

  #onMonthChange(e: Event): void {
    this.month = (e.target as HTMLSelectElement).value;
  }

  async #exportCsv(): Promise<void> {
    const billing = this.billing;
    const month = this.#currentMonth;
    if (!billing || !month) return;
    this.exporting = true;
    this.status = '';
    try {
      const csv = await billing.client.exportUsersCsv(month, true);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `billed-users-${month}.csv`;
      a.rel = 'noopener';
      this.renderRoot.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.status = this.t('users.export.done', { file: a.download });
    } catch (e) {
      this.status = errorMessage(this.locale, this.reportError(e));
    } finally {
      this.exporting = false;
    }
  }

  #openDeactivate(user: BillingUser): void {
    this.dialog = { kind: 'deactivate', user, busy: false, key: newIdempotencyKey() };
    void this.updateComplete.then(() => this.dialogEl?.showModal());
  }

  async #deactivate(removeLicense: boolean): Promise<void> {
    const d = this.dialog;
    const billing = this.billing;
    if (!d || !billing) return;
    this.dialog = { ...d, busy: true };
    try {
      await billing.client.deactivateUser(d.user.id, { removeLicense }, { idempotencyKey: d.key });
      this.#closeDialog();
      this.status = this.t('users.deactivated', { name: d.user.name });
      this.changed('users');
    } catch (e) {
      const err = this.reportError(e);
      this.dialog = { ...d, busy: false, error: errorMessage(this.locale, err) };
    }
  }

  async #reactivate(user: BillingUser, buyLicense = false, key = newIdempotencyKey()): Promise<void> {
    const billing = this.billing;
    if (!billing) return;
    if (this.dialog) this.dialog = { ...this.dialog, busy: true };
    try {
      await billing.client.reactivateUser(user.id, { buyLicense }, { idempotencyKey: key });
      this.#closeDialog();
      this.status = this.t('users.reactivated', { name: user.name });
      this.changed('users');
    } catch (e) {
      const err = this.reportError(e);
      if (err.code === 'license-required' && err.problem?.quote && !buyLicense) {
        this.dialog = { kind: 'reactivate-buy', user, quote: err.problem.quote, busy: false, key: newIdempotencyKey() };
        void this.updateComplete.then(() => this.dialogEl?.showModal());
      } else if (this.dialog) {
        this.dialog = { ...this.dialog, busy: false, error: errorMessage(this.locale, err) };
      } else {
        this.status = errorMessage(this.locale, err);
      }
    }
  }

  #closeDialog(): void {
    this.dialogEl?.close();
    this.dialog = undefined;
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  #monthsKey = '';
  #monthsList: string[] = [];

  /** The months offered in the picker (cached: the list changes only with today or the month shown). */
  #months(current: string): string[] {
    const key = `${this.billing?.permissions?.today ?? ''}|${current}`;
    if (key !== this.#monthsKey) {
      this.#monthsKey = key;
      this.#monthsList = this.#listMonths(current);
    }
    return this.#monthsList;
  }

  #listMonths(current: string): string[] {
    const today = this.billing?.permissions?.today?.slice(0, 7) || current;
    const [y, m] = today.split('-').map(Number);
    const out: string[] = [];
    for (let i = 0; i < 24; i++) {
      const idx = (y ?? 2000) * 12 + (m ?? 1) - 1 - i;
      out.push(`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`);
    }
    if (current && !out.includes(current)) out.unshift(current);
    return out;
  }

  #reasonText(u: BillingUser, model: BillingModel): string {
    const key =
      u.reason === 'created-mid-month' && model === 'peak-daily'
        ? 'users.reason.created-after-peak'
        : u.reason === 'deactivated' &&
            model === 'peak-daily' &&
            u.reasonDate &&
            this.page0?.month === u.reasonDate.slice(0, 7)
          ? 'users.reason.deactivated-before-peak'
          : REASON_KEYS[u.reason];
    return this.t(key, { date: u.reasonDate ? this.fmtDate(u.reasonDate) : '' });
  }

  #th(key: SortKey, label: string, cls: string): TemplateResult {
    const active = this.sort === key || this.sort === `-${key}`;
    const descending = this.sort === `-${key}`;
    return html`<th scope="col" class=${cls} aria-sort=${active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" @click=${() => this.#toggleSort(key)}>
        ${label}<span class="sort-icon" aria-hidden="true">${active ? (descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  #renderRows(page: UserPage): TemplateResult {
    const { start, end } = this.range;
    const total = page.total;
    const last = Math.min(end, total);
    const indices: number[] = [];
    for (let i = start; i < last; i++) indices.push(i);
    const h = this.#rowHeight;
    const showReason = this.tab === 'not-billed';
    const cols = 5 + (showReason ? 1 : 0) + (this.canWrite ? 1 : 0);
    return html`<tbody>
      ${
        start > 0
          ? html`<tr class="spacer-row" aria-hidden="true" style="height:${start * h}px">
              <td colspan=${cols}></td>
            </tr>`
          : nothing
      }
      ${repeat(
        indices,
        (i) => this.#row(i)?.id ?? `placeholder-${i}`,
        (i) => {
          const u = this.#row(i);
          if (!u) {
            return html`<tr class="placeholder" aria-rowindex=${i + 2} data-index=${i}>
              <td colspan=${cols}><span class="skeleton" aria-hidden="true"></span></td>
            </tr>`;
          }
          return html`<tr
            class="row"
            part="row"
            data-index=${i}
            aria-rowindex=${i + 2}
            tabindex=${i === start || (this.#focusRow ?? -1) === i ? 0 : -1}
            @keydown=${(e: KeyboardEvent) => this.#onRowKey(e, i)}
          >
            <td>${u.name}</td>
            <td>${u.email}</td>
            <td>${this.t(`users.role.${u.role}` as MessageKey)}</td>
            <td class="dirs">
              <span class="clamp"
                >${u.directories.map(
                  (d) => html`<span class="dir">${this.t(`users.directory.${d}` as MessageKey)}</span>`,
                )}</span
              >
            </td>
            <td>${this.fmtDate(u.startDate)}</td>
            ${
              showReason
                ? html`<td class="reason"><span class="clamp">${this.#reasonText(u, page.model)}</span></td>`
                : nothing
            }
            ${
              this.canWrite
                ? html`<td>
                    ${
                      u.status === 'active'
                        ? html`<button type="button" @click=${() => this.#openDeactivate(u)}>
                            ${this.t('users.action.deactivate')}<span class="visually-hidden"> ${u.name}</span>
                          </button>`
                        : html`<button type="button" @click=${() => this.#reactivate(u)}>
                            ${this.t('users.action.reactivate')}<span class="visually-hidden"> ${u.name}</span>
                          </button>`
                    }
                  </td>`
                : nothing
            }
          </tr>`;
        },
      )}
      ${
        last < total
          ? html`<tr class="spacer-row" aria-hidden="true" style="height:${(total - last) * h}px">
              <td colspan=${cols}></td>
            </tr>`
          : nothing
      }
    </tbody>`;
  }

  #renderTable(page: UserPage): TemplateResult {
    const showReason = this.tab === 'not-billed';
    if (page.total === 0) {
      return this.search
        ? emptyState(this.t('users.empty.search.title'), this.t('users.empty.search.body', { q: this.search }))
        : emptyState(
            this.t(this.tab === 'billed' ? 'users.empty.billed.title' : 'users.empty.not-billed.title'),
            this.t(this.tab === 'billed' ? 'users.empty.billed.body' : 'users.empty.not-billed.body', {
              month: this.fmtMonth(page.month),
            }),
          );
    }
    return html`<div class="scroller" @scroll=${this.#onScroll}>
      <table part="table" aria-rowcount=${page.total + 1} aria-labelledby=${`tab-${this.tab}`}>
        <thead>
          <tr aria-rowindex="1">
            ${this.#th('name', this.t('users.col.name'), 'col-name')}
            ${this.#th('email', this.t('users.col.email'), 'col-email')}
            ${this.#th('role', this.t('users.col.role'), 'col-role')}
            ${this.#th('directories', this.t('users.col.directories'), 'col-directories')}
            ${this.#th('startDate', this.t('users.col.start'), 'col-start')}
            ${showReason ? this.#th('reason', this.t('users.col.reason'), 'col-reason') : nothing}
            ${
              this.canWrite
                ? html`<th scope="col" class="col-actions">
                    <span class="visually-hidden">${this.t('users.col.actions')}</span>
                  </th>`
                : nothing
            }
          </tr>
        </thead>
        ${this.#renderRows(page)}
      </table>
    </div>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const d = this.dialog;
    if (!d) return nothing;
    const licensed = this.page0?.model === 'prepaid-licenses';
    const body =
      d.kind === 'deactivate'
        ? html`<h2 id="dialog-title">${this.t('users.dialog.deactivate.title', { name: d.user.name })}</h2>
            <p>${this.t('users.dialog.deactivate.body')}</p>
            ${licensed ? html`<p>${this.t('users.dialog.deactivate.license')}</p>` : nothing}
            <div class="actions">
              <button type="button" @click=${() => this.#closeDialog()} ?disabled=${d.busy}>
                ${this.t('common.cancel')}
              </button>
              ${
                licensed
                  ? html`<button type="button" @click=${() => this.#deactivate(false)} ?disabled=${d.busy}>
                        ${this.t('users.dialog.deactivate.keep')}
                      </button>
                      <button type="button" class="primary" @click=${() => this.#deactivate(true)} ?disabled=${d.busy}>
                        ${this.t('users.dialog.deactivate.remove')}
                      </button>`
                  : html`<button
                      type="button"
                      class="primary"
                      @click=${() => this.#deactivate(false)}
                      ?disabled=${d.busy}
                    >
                      ${this.t('users.action.deactivate')}
                    </button>`
              }
            </div>`
        : html`<h2 id="dialog-title">${this.t('users.dialog.buy.title')}</h2>
            <p>
              ${this.t('users.dialog.buy.body', {
                name: d.user.name,
                price: d.quote ? this.fmtMoney(d.quote.amount, d.quote.currency) : '',
                end: d.quote ? this.fmtDate(d.quote.period.end) : '',
              })}
            </p>
            <div class="actions">
              <button type="button" @click=${() => this.#closeDialog()} ?disabled=${d.busy}>
                ${this.t('common.cancel')}
              </button>
              <button
                type="button"
                class="primary"
                @click=${() => this.#reactivate(d.user, true, d.key)}
                ?disabled=${d.busy}
              >
                ${this.t('users.dialog.buy.confirm')}
              </button>
            </div>`;
    return html`<dialog aria-labelledby="dialog-title" @close=${() => (this.dialog = undefined)}>
      ${body} ${d.error ? html`<p class="alert" role="alert">${d.error}</p>` : nothing}
    </dialog>`;
  }

  protected override render() {
    const billing = this.billing;
    if (this.roleForbidden || this.error?.kind === 'forbidden') return forbiddenState(this.locale);
    const page = this.page0;
    if (!billing || !page) {
      if (this.error) return errorState(this.locale, this.error, () => this.refresh());
      return loadingState(this.locale, 8);
    }
    const month = page.month;
    return html`<div class="panel">
      <div role="tablist" part="tabs" aria-label=${this.t('users.tabs.label')} @keydown=${this.#onTabKey}>
        ${(['billed', 'not-billed'] as const).map(
          (tab) =>
            html`<button
              type="button"
              role="tab"
              part="tab"
              id=${`tab-${tab}`}
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => this.#selectTab(tab)}
            >
              ${this.t(tab === 'billed' ? 'users.tab.billed' : 'users.tab.not-billed')}<span class="count"
                >${this.fmtCount(tab === 'billed' ? page.billedCount : page.notBilledCount)}</span
              >
            </button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`} class="panel">
        <div class="toolbar" part="toolbar">
          <label
            >${this.t('users.month')}
            <select @change=${this.#onMonthChange}>
              ${this.#months(month).map((m) => html`<option value=${m} ?selected=${m === month}>${this.fmtMonth(m)}</option>`)}
            </select>
          </label>
          <label
            >${this.t('users.search')}
            <input
              type="search"
              .value=${this.searchInput}
              placeholder=${this.t('users.search.placeholder')}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKey}
            />
          </label>
          <span class="spacer"></span>
          <button type="button" part="export-button" @click=${this.#exportCsv} ?disabled=${this.exporting}>
            ${this.t('users.export')}
          </button>
        </div>
        <p class="rule">
          ${this.t(MODEL_RULE_KEYS[page.model])}
          ${page.provisional ? html`<span class="provisional">${this.t('state.provisional')}</span>` : nothing}
        </p>
        ${
          this.error
            ? errorState(this.locale, this.error, () => this.refresh())
            : this.pending
              ? loadingState(this.locale, 8)
              : this.#renderTable(page)
        }
        <div class="footer">
          <span aria-live="polite">
            ${this.loading ? this.t('state.loading') : this.t('users.total', { count: page.total, n: this.fmtCount(page.total) })}
          </span>
          ${
            page.hiddenDeleted > 0
              ? html`<span
                  >${this.t('users.hidden-deleted', { count: page.hiddenDeleted, n: this.fmtCount(page.hiddenDeleted) })}</span
                >`
              : nothing
          }
        </div>
        <p class="status-message" role="status">${this.status}</p>
      </div>
      ${this.#renderDialog()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'billing-users-table': BillingUsersTable;
  }
}
