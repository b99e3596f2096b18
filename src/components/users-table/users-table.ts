/* The table's parts are laid out as grids, not CSS tables (see the styles), and browsers
   drop a table's semantics with its table display: the roles give them back. */
/* eslint-disable lit-a11y/no-redundant-role */
import { de, en, nl } from './users-table.messages.js';
import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingUser, UserPage } from '../../client/client.js';
import { listUsersLimits } from '../../client/limits.js';
import type { ChangeTopic } from '../../context/context.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { toolbarStyles } from '../../internal/toolbar.styles.js';
import { onDemand } from '../../internal/on-demand.js';
import { privateElement } from '../../internal/private-element.js';
import { emptyState, errorMessage, errorState, loadingState } from '../../internal/states.js';
import type { OfferedMonths } from './months.js';
import { reasonKey } from './reason.js';
import type { DialogOutcome, UserDialogKind } from './user-dialog.js';
import { UserPages } from './user-pages.js';
import { usersTableStyles } from './users-table.styles.js';
import { VirtualRows } from './virtual-rows.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl, de };

/** The changes that alter who is billed and why. */
const TOPICS: readonly ChangeTopic[] = ['users', 'licenses', 'subscription'];

type Tab = 'billed' | 'not-billed';
type SortKey = 'name' | 'email' | 'role' | 'directories' | 'startDate' | 'reason';
type Sort = SortKey | `-${SortKey}`;

/** The sortable columns, in order. */
const COLUMNS: readonly SortKey[] = ['name', 'email', 'role', 'directories', 'startDate', 'reason'];

/** The dialog open: what it asks, of whom. */
interface Dialog {
  kind: UserDialogKind;
  user: BillingUser;
}

/**
 * What only a user's act needs, loaded then: the dialog about one person (their verdict in
 * full; deactivating, with what it does to the bill; buying a license to reactivate them);
 * saving the exported CSV. And the months
 * the picker offers (asked once the table shows: the month shown until then). Tests
 * replace one to see what the table shows when it cannot be loaded.
 */
export const onFirstUse = {
  dialog: privateElement(() => import('./user-dialog.js')),
  save: onDemand(() => import('./csv-file.js')),
  months: onDemand(() => import('./months.js')),
};

/**
 * Who is billed in a month, and why (or why not) for each person. Two tabs (billed, not
 * billed) with their counts; search, sort by any column and a month picker offering the
 * months since the subscription started (a trial month says it is not charged). A person
 * deactivated but still billed for the month says so. Below 40rem of width each row is a
 * card (name and action, e-mail, reason, role and start, lists). Only the rows in view
 * are in the DOM, fetched from the server a block at a time where the scroll slows or
 * stops (placeholder rows while it is too fast, the table `aria-busy`), and the next block
 * as soon as those are here, so a tenant with 100,000 people scrolls like one with ten;
 * rows are placed with transforms, so scrolling lays nothing out again. A new sort,
 * search, tab or month keeps the rows on screen, `aria-busy`, the line under the head in
 * the accent colour, until the new first rows arrive. Admins can
 * deactivate and reactivate people: the question says what deactivating does to this
 * month's bill and the next (still billed after the peak day, the license billed until the
 * period ends…); under prepaid licenses it asks what to do with the freed license, or
 * offers to buy one at the prorated price. A click on a row's reason (Enter on a focused
 * row) opens the person's verdict in full and the dated facts of their month, each with
 * what it did to the bill. With `day`, the billed tab lists the people active that day
 * (the people behind a point of the chart). What a change did is said
 * in the toolbar's status line, which takes the focus; a dialog cancelled gives it back
 * to the person's action.
 *
 * @summary Billed and not billed users of a month, with the reason for each.
 * @tagname billing-users-table
 *
 * @event billing-change - A user was deactivated or reactivated (topic `users`); the other elements of the provider refetch.
 * @event billing-error - A request failed; `event.error` is a `BillingApiError`.
 *
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab.
 * @csspart toolbar - Month picker, search, status line and export.
 * @csspart table - The table.
 * @csspart row - Each user row: a grid of the columns, of a fixed height (style its colours, border and font, not its display).
 * @csspart export-button - The CSV export button.
 * @csspart state - Loading, empty, error and forbidden boxes.
 * @csspart retry-button - The retry button of the error state.
 *
 * @cssproperty --billing-users-table-height - Height of the scrolling table. Default `30rem`.
 * @cssproperty --billing-users-table-row-height - Height of a row. Default `44px`.
 */
export class BillingUsersTable extends BillingElement {
  static override styles = [...BillingElement.styles, toolbarStyles, usersTableStyles];
  static override messages = messages;

  static override properties = {
    searchInput: { state: true },
    dialog: { state: true },
    status: { state: true },
    exporting: { state: true },
    month: { reflect: true },
    day: { reflect: true },
    tab: { reflect: true },
    sort: { reflect: true },
    search: {},
  };

  get #scroller(): HTMLElement | undefined {
    return this.renderRoot?.querySelector<HTMLElement>('.scroller') ?? undefined;
  }

  private searchInput = '';
  private dialog: Dialog | undefined;
  private status = '';
  private exporting = false;

  /** The month shown, `YYYY-MM`. Default: the tenant's current month. */
  month = '';

  /**
   * A day of the month, `YYYY-MM-DD` (a point of the chart): the billed tab lists the people
   * active that day (the rest of the month's people under not billed). Each person's reason
   * stays the month's verdict. Picking another month clears it.
   */
  day = '';

  /** The tab shown: `billed` or `not-billed`. */
  tab: Tab = 'billed';

  /** The sort: a column (`name`, `email`, `role`, `directories`, `startDate`, `reason`), `-` in front for descending. */
  sort: Sort = 'name';

  /** The search text (name or e-mail). */
  search = '';

  /** Which rows are in the DOM, and how the view moves. */
  #rows: VirtualRows = new VirtualRows(this, {
    scroller: () => this.#scroller,
    total: () => this.#pages.page0?.total ?? 0,
    moved: () => this.#pages.schedule(),
    paint: () => this.#paintRows(),
  });

  /** The rows of the query, fetched a block at a time where the view needs them. */
  #pages: UserPages = new UserPages(this, {
    topics: TOPICS,
    // The month shown: the chosen one, else the tenant's current one (from /me, or expected of it).
    query: (billing) => {
      const month = (this.month || this.day || billing.expectedPermissions?.today)?.slice(0, 7);
      return month
        ? { month, day: this.day, billed: this.tab === 'billed', sort: this.sort, q: this.search }
        : undefined;
    },
    restart: () => this.#rows.toTop(),
    range: () => this.#rows.range,
    fast: () => this.#rows.fast,
    direction: () => this.#rows.direction,
    resized: () => this.#rows.update(),
    paint: () => this.#paintRows(),
  });

  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('search')) this.searchInput = this.search;
  }

  /** Fetches the current query again (e.g. after the host changed data). */
  refresh(): void {
    this.#pages.refresh();
  }

  #selectTab(tab: Tab, focus = false): void {
    if (tab !== this.tab) {
      this.tab = tab;
      this.sort = 'name';
    }
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  #onTabKey(e: KeyboardEvent): void {
    // Two tabs: either arrow goes to the other one.
    const other: Tab = this.tab === 'billed' ? 'not-billed' : 'billed';
    const next = ({ ArrowRight: other, ArrowLeft: other, Home: 'billed', End: 'not-billed' } as const)[e.key as 'Home'];
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

  /** Keys on a focused row (delegated from the table body; keys on a row's button are the button's). */
  #onRowKey = (e: KeyboardEvent): void => {
    const tr = e.target as HTMLElement;
    if (tr.localName !== 'tr') return;
    const index = Number(tr.dataset['index']);
    // Enter: the person panel (the verdict in full and the month's facts behind it).
    if (e.key === 'Enter') return void this.#openDialog('person', this.#pages.row(index));
    const total = this.#pages.page0?.total ?? 0;
    const visible = this.#rows.pageRows;
    const target = (
      {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: total - 1,
        PageDown: index + visible,
        PageUp: index - visible,
      } as Record<string, number>
    )[e.key];
    if (target === undefined) return;
    e.preventDefault();
    this.#rows.focusIndex(Math.min(total - 1, Math.max(0, target)));
  };

  #onMonthChange(e: Event): void {
    this.month = (e.target as HTMLSelectElement).value;
    this.day = '';
  }

  async #exportCsv(): Promise<void> {
    const billing = this.billing;
    const month = this.#pages.page0?.month; // the month shown
    if (!billing || !month) return;
    this.exporting = true;
    this.status = '';
    try {
      const [{ saveCsv }, csv] = await Promise.all([
        onFirstUse.save(),
        billing.client.exportUsersCsv(month, true, { lang: this.locale }),
      ]);
      this.status = this.t('users.export.done', { file: saveCsv(this.renderRoot as ShadowRoot, month, csv) });
    } catch (e) {
      this.status = errorMessage(this.locale, this.reportError(e));
    } finally {
      this.exporting = false;
    }
  }

  /** Opens a dialog about `user`, once its element is loaded (a failure says so in the status line). */
  async #openDialog(kind: UserDialogKind, user: BillingUser | undefined): Promise<void> {
    if (!user) return; // a row still loading
    try {
      await onFirstUse.dialog();
      this.dialog = { kind, user };
    } catch (e) {
      this.status = errorMessage(this.locale, this.reportError(e));
    }
  }

  /**
   * The dialog closed. What it did (a change the server confirmed, a reactivation refused)
   * is said in the status line, which takes the focus (the person's row may move or leave
   * the tab as the rows refresh); after a change the provider's elements refetch. A dialog
   * cancelled gives the focus back itself.
   */
  #dialogClosed({ said, changed }: DialogOutcome): void {
    this.dialog = undefined;
    if (said) {
      this.status = said;
      if (changed) this.changed('users');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.status-message')?.focus());
    }
  }

  // ---------------------------------------------------------------------------------
  // Rendering

  /** The months the picker offers (see `months.ts`), asked once per session (`/me` answer). */
  #offer: OfferedMonths | undefined;
  #offerFor: unknown;

  /** The months offered in the picker, newest first (the month shown until the offer is known). */
  #months(current: string): string[] {
    const billing = this.billing;
    const p = billing?.permissions;
    if (billing && p && p !== this.#offerFor) {
      this.#offerFor = p;
      onFirstUse
        .months()
        .then((m) => m.offeredMonths(this, billing.client, p.today))
        .then(
          (offer) => {
            this.#offer = offer;
            this.requestUpdate();
          },
          () => (this.#offerFor = undefined), // not loaded, or taken off the page: asked again on the next update
        );
    }
    const list = this.#offer?.months ?? [];
    return list.includes(current) ? list : [current, ...list];
  }

  /** A sortable column's header: its label (the reason's says billed or not), class `col-<name>`. */
  #th(key: SortKey): TemplateResult {
    const col = key === 'startDate' ? 'start' : key;
    const label = this.t(key === 'reason' && this.tab === 'billed' ? 'users.col.reason-billed' : `users.col.${col}`);
    const descending = this.sort === `-${key}`;
    const active = descending || this.sort === key;
    return html`<th
      role="columnheader"
      class=${`col-${col}`}
      aria-sort=${active ? (descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" @click=${() => this.#toggleSort(key)}>
        ${label}<span class="sort-icon" aria-hidden="true">${active ? (descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  /**
   * A row's cells: evaluated again only when its person (each answer brings new objects),
   * the language or the caller's rights changed (Lit's `guard`), not when the row moves.
   * Without a person, the placeholder's empty cells, filled in place when the data arrives.
   */
  #cells(u: BillingUser | undefined, page: UserPage, canWrite: boolean): unknown {
    const [reason, date] = u ? reasonKey(u, page.model, page.month) : [];
    return html`<td role="cell">${u?.name}</td>
      <td role="cell">${u?.email}</td>
      <td role="cell">${u && this.t(`users.role.${u.role}` as MessageKey)}</td>
      <td role="cell" class="dirs">
        <span class="clamp"
          >${u?.directories.map((d) => html`<span class="dir">${this.t(`users.directory.${d}` as MessageKey)}</span>`)}</span
        >
      </td>
      <td role="cell">${u && this.fmtDate(u.startDate)}</td>
      <td role="cell" class="reason" @click=${() => this.#openDialog('person', u)}>
        <span class="clamp">${reason && this.t(reason, { date: date ? this.fmtDate(date) : '' })}</span>
      </td>
      ${canWrite ? html`<td role="cell" class="act">${u ? this.#actionButton(u) : nothing}</td>` : nothing}`;
  }

  /**
   * Named with the person in `aria-label` (its visible word first), not a visually hidden
   * span: that span's clip cost every row coming into view about a tenth of a frame's work.
   */
  #actionButton(u: BillingUser): TemplateResult {
    const kind = u.status === 'active' ? 'deactivate' : 'reactivate';
    const label = this.t(`users.action.${kind}`);
    return html`<button type="button" aria-label="${label} ${u.name}" @click=${() => this.#openDialog(kind, u)}>
      ${label}
    </button>`;
  }

  /** The person whose cells each `<tr>` holds, by its key. */
  #kept: (BillingUser | undefined)[] = [];

  /**
   * The rows in the DOM. A row without data yet is a placeholder of the same height and
   * the same template (a skeleton in each cell), so the data fills the same `<tr>` when it
   * arrives. Each row is a grid of the columns, of a fixed height and contained, so new
   * words lay out their row alone. Nothing is laid out again as the view moves (in the
   * manner of vaadin-grid):
   * the `<tr>`s, keyed by their row's index plus `keyShift` modulo their count, keep their
   * order in the DOM and are placed with transforms. A slow scroll gives only the `<tr>`s
   * whose rows left the view to the rows coming into view (their text and transform
   * change); a fast one refills them in place and moves the group. When the view stops
   * they are put in the rows' order, the order assistive technologies and Tab read. The
   * spacer below gives the table the height of every row; no `<tr>` is created or destroyed.
   * Each `<tr>`'s template is evaluated again only when what it shows changed (Lit's `guard`).
   */
  #renderRows(page: UserPage, n: number): unknown {
    const rows = this.#rows;
    const start = rows.range.start;
    const slots = Math.max(rows.slots, n, 1);
    const shift = rows.keyShift;
    const key = (i: number) => (i + shift) % slots;
    // The DOM's order: the rows from the one whose key is first (at rest: `start`, not turned).
    const turn = n < slots ? 0 : (rows.firstKey - key(start) + slots) % slots;
    const order: number[] = [];
    for (let k = 0; k < n; k++) order.push(start + ((k + turn) % n));
    const h = rows.rowHeight;
    const lift = rows.lift;
    const canWrite = this.canWrite;
    const locale = this.locale;
    const focusRow = rows.focusRow ?? -1;
    const kept = this.#kept;
    // Rows whose `<tr>` must take new cells; when some in view must (where a fast scroll
    // stops), those around the view take theirs a frame later: the landing frame does half the work.
    const fills = (i: number) => kept[key(i)] !== (this.#pages.row(i) ?? kept[key(i)]);
    const defer = order.some((i) => rows.inView(i) && fills(i));
    if (defer) requestAnimationFrame(() => this.#paintRows());
    return repeat(order, key, (i) => {
      const u = defer && !rows.inView(i) && fills(i) ? undefined : this.#pages.row(i);
      // A `<tr>` without its row's data keeps the cells it had, hidden (a placeholder's
      // cells skip their content): a fast scroll makes placeholders without emptying cells,
      // and a row back on its `<tr>` shows them again as they were.
      const cells = (kept[key(i)] = u ?? kept[key(i)]);
      // Laid out at its place in the DOM (below the group's lift), shown at its row's.
      const y = (i - ((i - start - turn + n) % n)) * h - lift;
      const tab = i === start || focusRow === i ? 0 : -1;
      return html`<tr
        role="row"
        class=${u ? 'row' : 'placeholder'}
        part=${u ? 'row' : nothing}
        data-index=${i}
        aria-rowindex=${i + 2}
        tabindex=${tab}
        style=${y ? `transform:translateY(${y}px)` : ''}
      >
        ${guard([cells, locale, canWrite], () => this.#cells(cells, page, canWrite))}
      </tr>`;
    });
  }

  /**
   * Renders the rows into their `<tbody>`, moved down to the first of them, and sizes the
   * spacer below to the height of the rest (the sticky head's containing block is the
   * table's content, not its padding): after each update of the element, and alone on the
   * frames of a scroll, where nothing else changes.
   */
  #paintRows(): void {
    const [body, spacer] = this.renderRoot.querySelectorAll<HTMLElement>('tbody');
    const page = this.#pages.value;
    if (!page || !spacer) return;
    const rows = this.#rows;
    const n = Math.max(0, Math.min(rows.range.end, page.total) - rows.range.start);
    body!.style.transform = `translateY(${rows.lift}px)`;
    spacer.style.height = `${(page.total - n) * rows.rowHeight}px`;
    body!.parentElement!.setAttribute('aria-busy', String(this.#pages.missing));
    render(this.#renderRows(page, n), body!, { host: this });
  }

  #renderTable(page: UserPage): TemplateResult {
    if (page.total === 0) {
      return this.search
        ? emptyState(this.t('users.empty.search.title'), this.t('users.empty.search.body', { q: this.search }))
        : emptyState(
            this.t(`users.empty.${this.tab}.title`),
            this.t(`users.empty.${this.tab}.body`, { month: this.fmtMonth(page.month) }),
          );
    }
    return html`<div class="scroller" @scroll=${this.#rows.onScroll}>
      <table
        part="table"
        aria-rowcount=${page.total + 1}
        aria-labelledby=${`tab-${this.tab}`}
        role="table"
        class=${this.#pages.stale ? 'stale' : ''}
      >
        <thead role="rowgroup">
          <tr role="row" aria-rowindex="1">
            ${COLUMNS.map((key) => this.#th(key))}
            ${
              this.canWrite
                ? html`<th role="columnheader" class="col-actions">
                    <span class="visually-hidden">${this.t('users.col.actions')}</span>
                  </th>`
                : nothing
            }
          </tr>
        </thead>
        <tbody role="rowgroup" @keydown=${this.#onRowKey}></tbody>
        <tbody aria-hidden="true"></tbody>
      </table>
    </div>`;
  }

  #renderDialog(): TemplateResult | typeof nothing {
    const d = this.dialog;
    if (!d) return nothing;
    return html`<billing-user-dialog
      lang=${this.locale}
      kind=${d.kind}
      .user=${d.user}
      .page=${this.#pages.page0}
      @closed=${(e: CustomEvent<DialogOutcome>) => this.#dialogClosed(e.detail)}
    ></billing-user-dialog>`;
  }

  protected override render() {
    return this.renderQuery(this.#pages, (page) => this.#renderPanel(page), 8);
  }

  #renderPanel(page: UserPage): TemplateResult {
    const { error, pending, loading } = this.#pages;
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
              aria-selected=${this.tab === tab}
              aria-controls="panel"
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => this.#selectTab(tab)}
            >
              ${
                this.day && tab === 'billed'
                  ? this.t('users.tab.active-on', { date: this.fmtDate(this.day) })
                  : this.t(`users.tab.${tab}`)
              }<span class="count">${this.fmtCount(tab === 'billed' ? page.billedCount : page.notBilledCount)}</span>
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
              maxlength=${listUsersLimits.q.maxLength}
              .value=${this.searchInput}
              placeholder=${this.t('users.search.placeholder')}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKey}
            />
          </label>
          <p class="status-message" role="status" tabindex="-1">${this.status}</p>
          <button type="button" part="export-button" @click=${this.#exportCsv} ?disabled=${this.exporting}>
            ${this.t('users.export')}
          </button>
        </div>
        <p class="rule">
          ${this.t(`users.rule.${page.model}`)}
          ${page.provisional ? html`<span class="provisional">${this.t('state.provisional')}</span>` : nothing}
          ${
            month < (this.#offer?.billedFrom ?? '')
              ? html`<span class="provisional">${this.t('users.not-charged')}</span>`
              : nothing
          }
        </p>
        ${
          error
            ? errorState(this.locale, error, () => this.refresh(), undefined, this.#pages.waiting)
            : pending
              ? loadingState(this.locale, 8)
              : this.#renderTable(page)
        }
        <div class="footer">
          <span aria-live="polite">
            ${loading ? this.t('state.loading') : this.t('users.total', { count: page.total, n: this.fmtCount(page.total) })}
          </span>
          ${
            page.hiddenDeleted > 0
              ? html`<span
                  >${this.t('users.hidden-deleted', { count: page.hiddenDeleted, n: this.fmtCount(page.hiddenDeleted) })}</span
                >`
              : nothing
          }
        </div>
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
