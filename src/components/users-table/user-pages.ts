import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BillingClient, BillingUser, ListUsersQuery, UserPage } from '../../client/client.js';
import type { BillingApiError } from '../../client/errors.js';
import type { BillingContextValue, ChangeTopic } from '../../context/context.js';
import { BillingElement } from '../../internal/billing-element.js';
import type { DataState } from '../../internal/query.js';
import { recoverWhen } from '../../internal/recovery.js';

/**
 * Rows per block: the unit the table caches and fetches. A request asks for one block,
 * or for the few adjacent blocks the rows in view need (at most {@link MAX_REQUEST_BLOCKS}).
 */
export const BLOCK = 50;
/** A request never asks for more blocks than this. */
const MAX_REQUEST_BLOCKS = 3;
/** Blocks kept per query (the oldest out of view dropped first): a few screens either side. */
const MAX_BLOCKS = 16;

/**
 * What the table lists: a month's billed or not billed people (with `day`, active that day
 * or not), sorted, maybe searched (`q`). As `listUsers` asks it (empty values are not sent).
 */
export type UsersQuery = Required<Pick<ListUsersQuery, 'month' | 'billed' | 'sort' | 'q' | 'day'>>;

/** What the pages need of the table: what it lists, the rows in the DOM, and how the view moves. */
export interface PagesView {
  /** The changes that make the rows be fetched again (`billing-change` topics). */
  readonly topics: readonly ChangeTopic[];
  /** What the table lists now; undefined while it cannot tell (the tenant's month is not known yet). */
  query(billing: BillingContextValue): UsersQuery | undefined;
  /** A new query starts: back to the first row. */
  restart(): void;
  /** The rows in the DOM, `[start, end)`. */
  range(): { start: number; end: number };
  /** The view moves faster than a screen a frame: fetch nothing until it slows. */
  fast(): boolean;
  /** The direction of the last move: where to prefetch first. */
  direction(): 1 | -1;
  /** The number of rows changed (the geometry follows). */
  resized(): void;
  /** Renders the rows alone: an answer brought rows and nothing else changed. */
  paint(): void;
}

/** One block request: at most one is in flight. */
interface BlockRequest {
  generation: number;
  first: number;
  count: number;
  controller: AbortController;
}

/**
 * The users table's data provider (in the manner of vaadin-grid's): the rows of a query
 * in blocks of {@link BLOCK}, cached by block, fetched where the view slows or stops,
 * the next block prefetched as soon as the rows in view are here, the oldest blocks out of view dropped. Every
 * reset (a new query, a refresh) starts a new generation with an empty cache; a request
 * carries its generation, so an answer to an older request never lands among the rows.
 */
export class UserPages implements ReactiveController, DataState<UserPage> {
  /** The last answer's page: month, model, total and tab counts (its items are in the cache). */
  page0: UserPage | undefined;
  error: BillingApiError | undefined;
  /** It fetches again on its own when a 429's `Retry-After` has passed. */
  waiting = false;
  /** The first request of a query (or of a refresh) is on its way: the footer says so. */
  loading = false;
  /** The first rows are on their way and there are none to show meanwhile: the table area shows the loading state. */
  pending = true;
  /**
   * The rows shown are the last query's (or the last answer's, on a refresh), kept on
   * screen until the new first rows arrive: the table is marked busy, not replaced.
   */
  stale = false;

  readonly #host: ReactiveControllerHost;
  readonly #view: PagesView;
  readonly #access: ReturnType<typeof BillingElement.dataAccess>;
  #query: UsersQuery | undefined;
  /** What the rows were last fetched for: the query, the changes seen, the client. */
  #key = '';
  #changes = -1;
  #client: BillingClient | undefined;
  #generation = 0;
  #cache = new Map<number, BillingUser[]>();
  /** The rows shown before a refresh, shown until the refreshed ones arrive (no flash of placeholders). */
  #previous = new Map<number, BillingUser[]>();
  /** At most one request in flight; one whose rows left the view is aborted. */
  #inflight: BlockRequest | undefined;
  /** True until the first answer of the current generation. */
  #firstOfGeneration = true;
  /** Stops waiting for a failure's cause to go (back online, `Retry-After`); see `recoverWhen`. */
  #stopRecovery = () => {};
  /** The 429 wait was used: the next 429 waits for the user. */
  #waited = false;
  /** An answer's rows are on their way to the screen: nothing more is asked until they are painted. */
  #painting = false;

  constructor(host: BillingElement, view: PagesView) {
    this.#host = host;
    this.#view = view;
    this.#access = BillingElement.dataAccess(host);
    host.addController(this);
  }

  /**
   * Before each render: a new query starts afresh at the top; a change to one of the
   * topics (or a new client) fetches the same query again, keeping the scroll position.
   */
  hostUpdate(): void {
    const billing = this.#access.context();
    if (!billing) return;
    const query = this.#view.query(billing);
    const key = JSON.stringify(query); // undefined without a query: never the same
    const changes = billing.changes(this.#view.topics);
    const sameQuery = key === this.#key && billing.client === this.#client;
    if (sameQuery && changes === this.#changes) return;
    this.#key = query ? key : ''; // without a query, try again on the next update
    this.#changes = changes;
    this.#client = billing.client;
    if (!sameQuery) this.#view.restart();
    this.reset(query, sameQuery);
  }

  /** The page the table shows (its counts and model; the rows are in the cache). */
  get value(): UserPage | undefined {
    return this.page0;
  }

  /** Fetches the query again, keeping the rows shown until the new ones arrive. */
  refresh(): void {
    if (this.#query) this.reset(this.#query, true);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    // Back in a document (moved or re-added): fetch again what the disconnect aborted.
    if (!this.#query) return;
    if (this.pending) this.reset(this.#query, false);
    else this.schedule();
  }

  hostDisconnected(): void {
    this.#stopRecovery();
    this.#abortInflight();
  }

  /**
   * Starts `query` afresh, keeping the rows shown (marked {@link stale}) until the new ones
   * arrive: a new sort, search, tab or month does not drop the table for a loading state.
   * Only a first query, or one after a failure, shows the loading state. Without a query
   * (the month is not known yet) it waits.
   */
  reset(query: UsersQuery | undefined, keepPosition: boolean): void {
    this.#abortInflight();
    this.#generation++;
    const keep = !!this.page0 && !this.pending && !this.error;
    // The blocks shown so far stay on screen until the first answer (a refresh, a new query).
    this.#previous = keep ? this.#cache : new Map();
    this.#cache = new Map();
    this.#firstOfGeneration = true;
    this.#query = query;
    this.error = undefined;
    this.waiting = false;
    this.#stopRecovery();
    this.#painting = false;
    this.pending = !keep;
    this.stale = keep;
    if (!query) return;
    if (keepPosition && keep) return this.schedule();
    // One request fills the rows in the DOM (one block, unless the view is taller).
    const [, last] = this.#windowBlocks();
    this.#fetch(0, Math.min(last + 1, MAX_REQUEST_BLOCKS));
  }

  /** The user at `index`, if its block is here. */
  row(index: number): BillingUser | undefined {
    const block = Math.floor(index / BLOCK);
    return (this.#cache.get(block) ?? this.#previous.get(block))?.[index % BLOCK];
  }

  /** The first and last block of the rows in the DOM. */
  #windowBlocks(): [number, number] {
    const { start, end } = this.#view.range();
    return [Math.floor(start / BLOCK), Math.floor(Math.max(start, end - 1) / BLOCK)];
  }

  /** Blocks `[first, first + count)` hold some row in the DOM. */
  #inWindow(first: number, count: number): boolean {
    const [firstBlock, lastBlock] = this.#windowBlocks();
    return first <= lastBlock && first + count > firstBlock;
  }

  /** True while some row in the DOM has no data yet (the table is `aria-busy`). */
  get missing(): boolean {
    const [first, last] = this.#windowBlocks();
    for (let b = first; b <= last; b++) if (!this.#cache.has(b)) return true;
    return false;
  }

  #abortInflight(): void {
    this.#inflight?.controller.abort();
    this.#inflight = undefined;
  }

  /**
   * Decides what to fetch, after every move of the rows in view and every answer: the
   * missing blocks in view, unless the view moves fast (then only placeholders, until the
   * scroll slows or stops); else the next block in the scroll direction, then the one behind.
   */
  schedule(): void {
    if (!this.#client || this.error || !this.#query || this.pending || this.#painting) return;
    const [firstBlock, lastBlock] = this.#windowBlocks();
    const inflight = this.#inflight;
    const inView = inflight && this.#inWindow(inflight.first, inflight.count);
    let lo = -1;
    let hi = -1;
    for (let b = firstBlock; b <= lastBlock; b++) {
      if (this.#cache.has(b)) continue;
      if (lo < 0) lo = b;
      hi = b;
    }
    const fast = this.#view.fast();
    if (lo < 0) {
      // Everything in view is here: the next block in the scroll direction (then the one
      // behind) is fetched now, not when the page is idle: a scroll that goes on reaches it
      // before then, and its rows would come in as placeholders.
      if (!inflight && !fast) this.#prefetch();
      return;
    }
    if (inflight && !inView) this.#abortInflight(); // its rows left the view
    if (fast || this.#inflight) return; // the view calls again when the scroll slows; the answer calls again
    this.#fetch(lo, Math.min(hi - lo + 1, MAX_REQUEST_BLOCKS));
  }

  /** Fetches the block just past the rows in the DOM, in the scroll direction first. */
  #prefetch(): void {
    const total = this.page0?.total ?? 0;
    const { start, end } = this.#view.range();
    const ahead = [Math.floor(end / BLOCK), Math.floor((end + BLOCK - 1) / BLOCK)];
    const behind = [Math.floor((start - 1) / BLOCK), Math.floor((start - BLOCK) / BLOCK)];
    const candidates = this.#view.direction() > 0 ? [...ahead, ...behind] : [...behind, ...ahead];
    const block = candidates.find((b) => b >= 0 && b * BLOCK < total && !this.#cache.has(b));
    if (block !== undefined) this.#fetch(block, 1);
  }

  #fetch(first: number, count: number): void {
    const client = this.#client;
    const query = this.#query;
    if (!client || !query) return;
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
    client.listUsers({ ...query, offset: first * BLOCK, limit: count * BLOCK }, { signal }).then(
      (page) => {
        if (!done()) return;
        // What comes next is asked once these rows are painted (a task after the next frame),
        // not by the render that shows them, so neither its start nor the mock's work on it
        // holds up their paint.
        this.#painting = true;
        if (this.#receive(page, first, count)) this.#view.paint();
        else this.#host.requestUpdate();
        requestAnimationFrame(() =>
          setTimeout(() => {
            this.#painting = false;
            if ((this.#host as BillingElement).isConnected) this.schedule();
          }),
        );
      },
      (e: unknown) => {
        if (!done()) return;
        // A prefetch that failed is tried again (and reported) if its rows come into view.
        if (!this.#inWindow(first, count) && this.page0 && !this.pending) return;
        this.loading = false;
        const error = (this.error = this.#access.report(e));
        const recovery = recoverWhen(error, () => this.refresh(), !this.#waited);
        this.#waited ||= recovery.waiting;
        this.waiting = recovery.waiting;
        this.#stopRecovery = recovery.stop;
        this.#host.requestUpdate();
      },
    );
  }

  /**
   * Takes an answer's rows. True when it changed nothing but rows: an answer after the
   * first of its query, with the same counts and month as the last (e.g. a scroll's next block).
   */
  #receive(page: UserPage, first: number, count: number): boolean {
    const summary = (p: UserPage | undefined) => JSON.stringify({ ...p, items: 0 });
    const quiet = !this.#firstOfGeneration && !this.pending && !this.error && summary(this.page0) === summary(page);
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
      this.stale = false;
    }
    this.pending = false;
    this.error = undefined;
    this.#waited = false;
    // The latest answer (of this query): its month and model are the query's, its total and
    // counts the latest (its rows are in the cache; the table reads no other field of it).
    this.page0 = page;
    if (old && !wasPending && old.total !== page.total) this.#view.resized();
    return quiet;
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
}
