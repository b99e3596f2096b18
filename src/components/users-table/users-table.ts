import { en, nl } from './users-table.messages.js';
import { html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { directive, Directive, type ChildPart } from 'lit/directive.js';
import {
  getCommittedValue,
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue,
} from 'lit/directive-helpers.js';
import type { BillingModel, BillingUser, LicenseQuote, UserPage } from '../../client/client.js';
import { newIdempotencyKey } from '../../client/idempotency.js';
import type { BillingApiError } from '../../client/errors.js';
import type { MessageKey } from '../../i18n/index.js';
import { BillingElement } from '../../internal/billing-element.js';
import { emptyState, errorMessage, errorState, forbiddenState, loadingState } from '../../internal/states.js';
import { usersTableStyles } from './users-table.styles.js';

/** This element's catalogues (a plain object, not a module namespace: no namespace helper in the build). */
const messages = { en, nl };

type Tab = 'billed' | 'not-billed';
type SortKey = 'name' | 'email' | 'role' | 'directories' | 'startDate' | 'reason';
type Sort = SortKey | `-${SortKey}`;

/**
 * Rows per block: the unit the table caches and fetches. A request asks for one block,
 * or for the few adjacent blocks the rows in view need (at most {@link MAX_REQUEST_BLOCKS}).
 */
const BLOCK = 50;
/** The first request of a query: the rows shown and the next screens. */
const FIRST_BLOCKS = 2;
/** A request never asks for more blocks than this. */
const MAX_REQUEST_BLOCKS = 3;
/** Blocks kept per query (the oldest out of view dropped first): a few screens either side. */
const MAX_BLOCKS = 16;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;
/** Fallback row height (px) until the real one is measured. */
const DEFAULT_ROW_HEIGHT = 44;
/**
 * Rows rendered before the scroller's height is known: those that fit the default 30rem
 * table. The first rows are painted sooner; a frame later the measure adds the overscan.
 */
const INITIAL_ROWS = 12;

/** One block request: at most one is in flight. */
interface BlockRequest {
  generation: number;
  first: number;
  count: number;
  controller: AbortController;
}

/** The display strings of a row, computed once per user object and locale. */
interface RowText {
  locale: string;
  role: string;
  directories: string[];
  start: string;
  reason: string;
}

interface Dialog {
  kind: 'deactivate' | 'reactivate-buy';
  user: BillingUser;
  quote?: LicenseQuote;
  busy: boolean;
  error?: string;
  /** One key per user action: a retried click never orders twice. */
  key: string;
}

/**
 * Flags the positions of the longest run of `seq` whose values go up by one (old parts in
 * their old order, side by side). For rows that scroll, that run is every row still in
 * view, so only the others move.
 */
function longestRun(seq: readonly number[]): Uint8Array {
  let best = 0;
  let bestLength = 0;
  for (let i = 0, start = 0; i < seq.length; i++) {
    if (i > 0 && seq[i] !== (seq[i - 1] as number) + 1) start = i;
    if ((seq[i] as number) >= 0 && i - start + 1 > bestLength) {
      best = start;
      bestLength = i - start + 1;
    }
  }
  return new Uint8Array(seq.length).fill(1, best, best + bestLength);
}

/**
 * `recycle(items, key, template)`: like Lit's `repeat`, with fewer DOM moves for rows that
 * scroll. The longest run of parts still side by side in their old order stays where it
 * is; only the others move. With rows keyed by index modulo the row count, scrolling by k
 * rows moves k `<tr>`s from one end to the other (`repeat` moves all the others when
 * k > 1). A part whose key is new is created, one whose key is gone removed.
 */
class RecycleDirective extends Directive {
  #keys: unknown[] = [];

  render(items: readonly number[], _key: (item: number) => unknown, template: (item: number) => unknown): unknown[] {
    return items.map(template);
  }

  override update(
    container: ChildPart,
    [items, key, template]: [readonly number[], (item: number) => unknown, (item: number) => unknown],
  ): unknown {
    const oldParts = getCommittedValue(container) as ChildPart[] | undefined;
    const newKeys = items.map(key);
    const newValues = items.map(template);
    if (!Array.isArray(oldParts)) {
      // First render: Lit makes a part per value.
      this.#keys = newKeys;
      return newValues;
    }
    const oldIndex = new Map<unknown, number>();
    this.#keys.forEach((k, i) => oldIndex.set(k, i));
    const kept = new Uint8Array(oldParts.length);
    const sources = newKeys.map((k) => {
      const i = oldIndex.get(k);
      if (i === undefined || kept[i]) return -1; // a new key (or a repeated one: a new part)
      kept[i] = 1;
      return i;
    });
    for (let i = 0; i < oldParts.length; i++) if (!kept[i]) removePart(oldParts[i] as ChildPart);
    const stay = longestRun(sources);
    const newParts = new Array<ChildPart>(items.length);
    let next: ChildPart | undefined;
    for (let j = items.length - 1; j >= 0; j--) {
      const source = sources[j] as number;
      const old = source < 0 ? undefined : (oldParts[source] as ChildPart);
      const part = old && stay[j] ? old : insertPart(container, next, old);
      setChildPartValue(part, newValues[j]);
      newParts[j] = part;
      next = part;
    }
    this.#keys = newKeys;
    setCommittedValue(container, newParts);
    return noChange;
  }
}

const recycle = directive(RecycleDirective);

/**
 * Who is billed in a month, and why the others are not. Two tabs (billed, not billed)
 * with their counts; search, sort by any column and a month picker. Only the rows in view
 * are in the DOM, fetched from the server a block at a time where the scroll slows or
 * stops (placeholder rows while it is too fast, the table `aria-busy`), and the next block
 * while idle, so a tenant with 100,000 people scrolls like one with ten. Admins can
 * deactivate and reactivate people; under prepaid licenses the table asks what to do with
 * the freed license, or offers to buy one at the prorated price.
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

  /** The last answer's page: month, model, total and tab counts (its items live in the block cache). */
  @state() private page0: UserPage | undefined;
  @state() private error: BillingApiError | undefined;
  /** The first request of a query (or of a refresh) is on its way: the footer says so. */
  @state() private loading = false;
  /** A new query's first rows are on their way: the table area shows the loading state. */
  @state() private pending = true;
  /** The rows in the DOM: those in view, `OVERSCAN` either side, always `#slots` of them (fewer only when the tab has fewer). */
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

  // Data: blocks of rows, cached by (query, offset): `#cache` holds the current query's
  // blocks by block index, and every reset (a new query, a refresh) starts a new
  // generation with an empty cache. A request carries its generation, so an answer to an
  // older request can never land among the current query's rows.
  #generation = 0;
  #cache = new Map<number, BillingUser[]>();
  /** The rows shown before a refresh, shown until the refreshed ones arrive (no flash of placeholders). */
  #previous = new Map<number, BillingUser[]>();
  /** At most one request in flight; one whose rows left the view is aborted. */
  #inflight: BlockRequest | undefined;
  /** True until the first answer of the current generation. */
  #firstOfGeneration = true;
  #cancelIdle: (() => void) | undefined;
  #queryKey = '';
  #month = '';
  #lastRevision = -1;

  // Geometry, measured once (and again when the table is resized), not on every update.
  #rowHeight = DEFAULT_ROW_HEIGHT;
  #headHeight = 0;
  #viewport = 0;
  /** Rows in the DOM; each keeps its `<tr>` (keyed by index plus `#keyShift`, modulo this) while scrolling. */
  #slots = INITIAL_ROWS;
  /** Changed on a jump past the rows in the DOM, so the new rows take the `<tr>`s in the order they are. */
  #keyShift = 0;
  #measured = false;
  #measureFrame = 0;
  #resize = new ResizeObserver(() => {
    this.#measured = false;
    this.#measure();
  });
  #observed: Element | undefined;

  // Scrolling: one animation-frame watcher while the scroll position moves.
  #frame = 0;
  #lastTop = 0;
  /** The last move was more than a screen in one frame (a drag or a fling): show placeholders, fetch nothing. */
  #fast = false;
  /** The next move is a jump the element made itself (keyboard), not a fast scroll. */
  #jumped = false;
  #direction: 1 | -1 = 1;

  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focusRow: number | undefined;
  #texts = new WeakMap<BillingUser, RowText>();

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in a document (moved or re-added): fetch again what the disconnect aborted.
    if (this.#queryKey) {
      if (this.pending)
        this.#queryKey = ''; // the next update starts the query again
      else this.#schedule();
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#observed = undefined;
    cancelAnimationFrame(this.#measureFrame);
    this.#abortInflight();
    this.#cancelPrefetch();
    clearTimeout(this.#searchTimer);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
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

  /** Reads the row, header and view heights (a forced layout, so only when they may have changed). */
  #measure(): void {
    const el = this.scroller;
    const row = el?.querySelector<HTMLElement>('tbody tr[data-index]');
    if (!el || !row || row.offsetHeight === 0) return;
    this.#measured = true;
    this.#headHeight = el.querySelector('thead')?.offsetHeight ?? 0;
    this.#rowHeight = row.offsetHeight;
    this.#viewport = Math.max(0, el.clientHeight - this.#headHeight);
    this.#slots = Math.ceil(this.#viewport / this.#rowHeight) + 1 + 2 * OVERSCAN;
    this.#lastTop = el.scrollTop;
    this.#updateRange();
  }

  /** Fetches the current query again (e.g. after the host changed data). */
  refresh(): void {
    const month = this.#month || this.#currentMonth;
    if (month) this.#reset(month, true);
  }

  get #currentMonth(): string {
    return this.month || this.page0?.month || this.billing?.permissions?.today?.slice(0, 7) || '';
  }

  #reset(month: string, keepPosition: boolean): void {
    this.#abortInflight();
    this.#cancelPrefetch();
    this.#generation++;
    this.#previous.clear();
    if (keepPosition) {
      // The rows shown stay until the refreshed ones arrive.
      for (const [block, items] of this.#cache) this.#previous.set(block, items);
    }
    this.#cache.clear();
    this.#firstOfGeneration = true;
    this.#month = month;
    this.error = undefined;
    if (!keepPosition) {
      // The tabs and toolbar stay (with the last counts) while the new first page loads.
      this.pending = true;
      if (this.scroller) this.scroller.scrollTop = 0;
      this.#lastTop = 0;
      this.#fast = false;
      this.range = { start: 0, end: Math.max(INITIAL_ROWS, this.#measured ? this.#slots : 0) };
    }
    if (!month && !this.billing?.permissions) {
      // Wait for the permissions (they carry the tenant's today) before choosing a month.
      this.#queryKey = '';
      return;
    }
    if (keepPosition && this.page0 && !this.pending) this.#schedule();
    else this.#fetch(0, FIRST_BLOCKS);
  }

  #row(index: number): BillingUser | undefined {
    const block = Math.floor(index / BLOCK);
    return (this.#cache.get(block) ?? this.#previous.get(block))?.[index % BLOCK];
  }

  /** The first and last block of the rows in the DOM. */
  #windowBlocks(): [number, number] {
    const { start, end } = this.range;
    return [Math.floor(start / BLOCK), Math.floor(Math.max(start, end - 1) / BLOCK)];
  }

  /** True while some row in the DOM has no data yet (the table is `aria-busy`). */
  #windowMissing(): boolean {
    const [first, last] = this.#windowBlocks();
    for (let b = first; b <= last; b++) if (!this.#cache.has(b)) return true;
    return false;
  }

  #abortInflight(): void {
    this.#inflight?.controller.abort();
    this.#inflight = undefined;
  }

  #cancelPrefetch(): void {
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
  }

  /**
   * Decides what to fetch, after every move of the rows in view and every answer: the
   * missing blocks in view, unless the view moves fast (then only placeholders, until the
   * scroll slows or stops); else, when idle, the next block in the scroll direction.
   */
  #schedule(): void {
    this.#cancelPrefetch();
    if (!this.billing || this.error || !this.#month || this.pending) return;
    const [firstBlock, lastBlock] = this.#windowBlocks();
    const inflight = this.#inflight;
    const inView = inflight && inflight.first <= lastBlock && inflight.first + inflight.count - 1 >= firstBlock;
    let lo = -1;
    let hi = -1;
    for (let b = firstBlock; b <= lastBlock; b++) {
      if (this.#cache.has(b)) continue;
      if (lo < 0) lo = b;
      hi = b;
    }
    if (lo < 0) {
      // Everything in view is here: prefetch when idle (a prefetch in flight may finish).
      if (!inflight && !this.#fast) this.#schedulePrefetch();
      return;
    }
    if (inflight && !inView) this.#abortInflight(); // its rows left the view
    if (this.#fast || this.#inflight) return; // the watcher calls again when the scroll slows; the answer calls again
    this.#fetch(lo, Math.min(hi - lo + 1, MAX_REQUEST_BLOCKS));
  }

  #schedulePrefetch(): void {
    const run = (): void => {
      this.#cancelIdle = undefined;
      this.#prefetch();
    };
    // When idle (a short pause where there is no requestIdleCallback: Safari).
    const idle = typeof requestIdleCallback === 'function';
    const id = idle ? requestIdleCallback(run, { timeout: 500 }) : window.setTimeout(run, 50);
    this.#cancelIdle = () => (idle ? cancelIdleCallback(id) : clearTimeout(id));
  }

  /** Fetches the block just past the rows in the DOM, in the scroll direction first. */
  #prefetch(): void {
    if (this.#inflight || this.#fast || this.pending || this.error || !this.isConnected) return;
    const total = this.page0?.total ?? 0;
    const { start, end } = this.range;
    const ahead = [Math.floor(end / BLOCK), Math.floor((end + BLOCK - 1) / BLOCK)];
    const behind = [Math.floor((start - 1) / BLOCK), Math.floor((start - BLOCK) / BLOCK)];
    const candidates = this.#direction > 0 ? [...ahead, ...behind] : [...behind, ...ahead];
    const block = candidates.find((b) => b >= 0 && b * BLOCK < total && !this.#cache.has(b));
    if (block !== undefined) this.#fetch(block, 1);
  }

  #fetch(first: number, count: number): void {
    const billing = this.billing;
    const month = this.#month;
    if (!billing || !month) return;
    const generation = this.#generation;
    const request: BlockRequest = { generation, first, count, controller: new AbortController() };
    const { signal } = request.controller;
    this.#inflight = request;
    if (this.#firstOfGeneration) this.loading = true;
    const done = (): boolean => {
      if (this.#inflight === request) this.#inflight = undefined;
      // An answer to an aborted or older request never touches the current rows.
      return !signal.aborted && generation === this.#generation;
    };
    billing.client
      .listUsers(
        {
          month,
          billed: this.tab === 'billed',
          offset: first * BLOCK,
          limit: count * BLOCK,
          sort: this.sort,
          ...(this.search ? { q: this.search } : {}),
        },
        { signal },
      )
      .then(
        (page) => {
          if (!done()) return;
          this.#receive(page, first, count);
          this.#schedule();
        },
        (e: unknown) => {
          if (!done()) return;
          const [firstBlock, lastBlock] = this.#windowBlocks();
          const outOfView = first > lastBlock || first + count - 1 < firstBlock;
          // A prefetch that failed is tried again (and reported) if its rows come into view.
          if (outOfView && this.page0 && !this.pending) return;
          this.loading = false;
          this.error = this.reportError(e);
        },
      );
  }

  #receive(page: UserPage, first: number, count: number): void {
    for (let k = 0; k < count; k++) {
      this.#cache.set(first + k, page.items.slice(k * BLOCK, (k + 1) * BLOCK));
    }
    this.#evict();
    const wasPending = this.pending;
    const old = this.page0;
    if (this.#firstOfGeneration) {
      this.#firstOfGeneration = false;
      this.#previous.clear();
      this.loading = false;
    }
    this.pending = false;
    this.error = undefined;
    // The first page's answer, with the counts of the latest.
    this.page0 =
      !old || wasPending || first === 0
        ? page
        : { ...old, total: page.total, billedCount: page.billedCount, notBilledCount: page.notBilledCount };
    if (old && !wasPending && old.total !== page.total) this.#updateRange();
  }

  /** Drops the oldest blocks beyond `MAX_BLOCKS`, never one in view. */
  #evict(): void {
    if (this.#cache.size <= MAX_BLOCKS) return;
    const [firstBlock, lastBlock] = this.#windowBlocks();
    for (const block of this.#cache.keys()) {
      if (this.#cache.size <= MAX_BLOCKS) break;
      if (block < firstBlock || block > lastBlock) this.#cache.delete(block);
    }
  }

  #onScroll = (): void => {
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  };

  /**
   * Once per animation frame while the scroll position moves: the rows in view follow, and
   * the speed decides whether they are fetched now or shown as placeholders until the
   * scroll slows. The frame after the position stops moving fetches what is in view.
   */
  #tick = (): void => {
    this.#frame = 0;
    const el = this.scroller;
    if (!el) return;
    const top = el.scrollTop;
    const moved = top - this.#lastTop;
    this.#lastTop = top;
    if (moved !== 0) this.#direction = moved > 0 ? 1 : -1;
    this.#fast = !this.#jumped && Math.abs(moved) > Math.max(this.#viewport, this.#rowHeight * 4);
    this.#jumped = false;
    this.#updateRange();
    if (moved !== 0) this.#frame = requestAnimationFrame(this.#tick);
  };

  #updateRange(): void {
    const el = this.scroller;
    if (!el) return;
    const total = this.page0?.total ?? 0;
    const h = this.#rowHeight;
    const slots = Math.max(this.#slots, 1);
    const top = Math.max(0, el.scrollTop - this.#headHeight);
    const first = Math.floor(top / h);
    // Always `slots` rows (fewer only in a short tab), so each keeps its `<tr>` as rows
    // scroll through: the overscan shifts to one side at the top and at the end.
    const start = Math.max(0, Math.min(first - OVERSCAN, total - slots));
    const end = Math.min(total, start + slots);
    if (start !== this.range.start || end !== this.range.end) {
      // A jump past every row in the DOM refills the same <tr>s in place (no node moves);
      // a shorter move keeps the rows still in view in their <tr>s and moves the others.
      if (Math.abs(start - this.range.start) >= slots) {
        this.#keyShift = (((this.#keyShift + this.range.start - start) % slots) + slots) % slots;
      }
      this.range = { start, end };
    }
    this.#schedule();
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

  /** Keys on a focused row (delegated from the table body; keys on a row's button are the button's). */
  #onRowKey = (e: KeyboardEvent): void => {
    const tr = e.target as HTMLElement;
    if (tr.localName !== 'tr' || tr.dataset['index'] === undefined) return;
    const index = Number(tr.dataset['index']);
    const total = this.page0?.total ?? 0;
    const visible = Math.max(1, Math.floor((this.#viewport || 400) / this.#rowHeight) - 1);
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
    if (target === undefined) return;
    e.preventDefault();
    this.#focusIndex(Math.min(total - 1, Math.max(0, target)));
  };

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
    // A jump the reader asked for: the rows there are fetched at once, not after the scroll settles.
    el.scrollTop = Math.max(0, index * this.#rowHeight - this.#headHeight);
    cancelAnimationFrame(this.#frame);
    this.#jumped = true;
    this.#tick();
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
  #monthsList: { value: string; label: string }[] = [];

  /** The months offered in the picker, with their names (cached: they change only with today, the month shown or the locale). */
  #months(current: string): { value: string; label: string }[] {
    const key = `${this.billing?.permissions?.today ?? ''}|${current}|${this.locale}`;
    if (key !== this.#monthsKey) {
      this.#monthsKey = key;
      this.#monthsList = this.#listMonths(current).map((value) => ({ value, label: this.fmtMonth(value) }));
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
          : (`users.reason.${u.reason}` as const);
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

  /** A row's display strings, computed once per user object (each answer brings new ones) and locale. */
  #rowText(u: BillingUser, model: BillingModel, locale: string): RowText {
    let text = this.#texts.get(u);
    if (!text || text.locale !== locale) {
      text = {
        locale,
        role: this.t(`users.role.${u.role}` as MessageKey),
        directories: u.directories.map((d) => this.t(`users.directory.${d}` as MessageKey)),
        start: this.fmtDate(u.startDate),
        reason: this.#reasonText(u, model),
      };
      this.#texts.set(u, text);
    }
    return text;
  }

  #actionButton(u: BillingUser): TemplateResult {
    const active = u.status === 'active';
    const label = this.t(active ? 'users.action.deactivate' : 'users.action.reactivate');
    return html`<button type="button" @click=${() => (active ? this.#openDeactivate(u) : this.#reactivate(u))}>
      ${label}<span class="visually-hidden"> ${u.name}</span>
    </button>`;
  }

  /**
   * The rows in the DOM. A row without data yet is a placeholder of the same height and
   * the same template (a skeleton in each cell), so the data fills the same `<tr>` when it
   * arrives. Rows are keyed by their index modulo the row count: scrolling by a row moves
   * one `<tr>` from one end to the other, and a long jump refills the same `<tr>`s in place
   * (see `#keyShift`); none are created or destroyed.
   */
  #renderRows(page: UserPage): TemplateResult {
    const { start, end } = this.range;
    const total = page.total;
    const last = Math.min(end, total);
    const indices: number[] = [];
    for (let i = start; i < last; i++) indices.push(i);
    const slots = Math.max(this.#slots, last - start, 1);
    const shift = this.#keyShift;
    const h = this.#rowHeight;
    const showReason = this.tab === 'not-billed';
    const canWrite = this.canWrite;
    const locale = this.locale;
    const cols = 5 + (showReason ? 1 : 0) + (canWrite ? 1 : 0);
    const focusRow = this.#focusRow ?? -1;
    return html`<tbody @keydown=${this.#onRowKey}>
      ${
        start > 0
          ? html`<tr class="spacer-row" aria-hidden="true" style="height:${start * h}px">
              <td colspan=${cols}></td>
            </tr>`
          : nothing
      }
      ${recycle(
        indices,
        (i) => (i + shift) % slots,
        (i) => {
          const u = this.#row(i);
          const text = u ? this.#rowText(u, page.model, locale) : undefined;
          return html`<tr
            class=${u ? 'row' : 'placeholder'}
            part=${u ? 'row' : nothing}
            data-index=${i}
            aria-rowindex=${i + 2}
            tabindex=${i === start || focusRow === i ? 0 : -1}
          >
            <td>${u?.name}</td>
            <td>${u?.email}</td>
            <td>${text?.role}</td>
            <td class="dirs">
              <span class="clamp">${text?.directories.map((d) => html`<span class="dir">${d}</span>`)}</span>
            </td>
            <td>${text?.start}</td>
            ${showReason ? html`<td class="reason"><span class="clamp">${text?.reason}</span></td>` : nothing}
            ${canWrite ? html`<td>${u ? this.#actionButton(u) : nothing}</td>` : nothing}
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
      <table
        part="table"
        aria-rowcount=${page.total + 1}
        aria-labelledby=${`tab-${this.tab}`}
        aria-busy=${this.#windowMissing() ? 'true' : 'false'}
      >
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
              ${this.#months(month).map((m) => html`<option value=${m.value} ?selected=${m.value === month}>${m.label}</option>`)}
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
          ${this.t(`users.rule.${page.model}`)}
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
