import type { ReactiveController } from 'lit';
import type { BillingClient } from '../client/client.js';
import type { BillingApiError } from '../client/errors.js';
import type { ChangeTopic } from '../context/context.js';
import { BillingElement } from './billing-element.js';
import { recoverWhen } from './recovery.js';

/**
 * What `renderQuery` draws the states of: the value, or why there is none yet, and how to
 * try again. A {@link Query} is one; so is a data provider of pages.
 */
export interface DataState<T> {
  readonly value: T | undefined;
  readonly error: BillingApiError | undefined;
  /** It will try again on its own (a 429's `Retry-After` is running). */
  readonly waiting?: boolean;
  refresh(): unknown;
}

/** What a {@link Query} fetches, and when. */
export interface QueryTask<T, A extends readonly unknown[]> {
  /** The changes that make it fetch again (`billing-change` topics), e.g. `['invoices']`. */
  readonly topics: readonly ChangeTopic[];
  /**
   * Its arguments, read on every update of the element: when they differ from the last
   * run's (compared as JSON), it runs again. Omitted: no arguments.
   */
  readonly args?: () => A;
  /** The request: it should pass `signal` on, so a replaced run is cancelled. */
  run(client: BillingClient, signal: AbortSignal, args: A): Promise<T>;
}

/**
 * The data an element shows, fetched through the billing context's client: it runs once
 * `/me` says the caller may read billing data (never before: a forbidden role asks for
 * nothing; on a later load in the tab, beside `/me`, as the tab's last answer expects),
 * again when its arguments change or when one of its topics changed (a write through
 * another element, or the provider's `refresh()`), and cancels the run it replaces.
 * In the spirit of `@lit/task`: arguments, a run with an `AbortSignal`, and a state the
 * template reads: `value` (the last answer), `error` (why the last run failed, reported
 * to the host as `billing-error`), `loading`. A
 * failed run is tried again when its cause goes away (see `recoverWhen`): back online, or
 * a 429's `Retry-After` over (once on its own; then the user's "Try again").
 *
 * An element makes one as a field, `#data = new Query(this, { topics, args, run })`, and
 * draws its states with `this.renderQuery(this.#data, (value) => …)`.
 */
export class Query<T, A extends readonly unknown[] = []> implements ReactiveController, DataState<T> {
  /** The last answer; `undefined` until the first one arrives. */
  value: T | undefined;
  /** Why the last run failed; cleared when a run starts. */
  error: BillingApiError | undefined;
  /** A run is under way (the value, if any, is the previous one). */
  loading = false;
  /** It will run again on its own when a 429's `Retry-After` has passed. */
  waiting = false;

  readonly #host: BillingElement;
  readonly #access: ReturnType<typeof BillingElement.dataAccess>;
  readonly #task: QueryTask<T, A>;
  #client: BillingClient | undefined;
  #changes = -1;
  #args = '';
  #abort: AbortController | undefined;
  /** Stops waiting for the failure's cause to go (back online, `Retry-After`). */
  #stopRecovery = () => {};
  /** The 429 wait was used: the next 429 waits for the user. */
  #waited = false;

  /** A query of `host`'s data: it fetches with the host's client, and reports failures as the host's. */
  constructor(host: BillingElement, task: QueryTask<T, A>) {
    this.#host = host;
    this.#access = BillingElement.dataAccess(host);
    this.#task = task;
    host.addController(this);
  }

  hostUpdate(): void {
    const billing = this.#access.context();
    if (!billing) return;
    const changes = billing.changes(this.#task.topics);
    const args = JSON.stringify(this.#task.args?.() ?? []);
    if (billing.client !== this.#client || changes !== this.#changes || args !== this.#args) {
      void this.refresh();
    }
  }

  hostConnected(): void {
    // Cut off by a disconnect: run again on the next update.
    if (this.#abort) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#stopRecovery();
    if (!this.#abort) return;
    this.#abort.abort();
    this.#abort = undefined;
    this.#client = undefined;
    this.loading = false;
  }

  /**
   * Takes the changes made so far as seen, without fetching: for a write whose answer the
   * element shows already (its own save), so that the change it announced does not make
   * it fetch again (and an answer overtaken by a later write cannot replace the newer one).
   */
  absorb(): void {
    const billing = this.#access.context();
    if (billing && billing.client === this.#client) this.#changes = billing.changes(this.#task.topics);
  }

  /** Runs now (e.g. the retry of an error state); resolves when the answer is in. */
  async refresh(): Promise<void> {
    const billing = this.#access.context();
    if (!billing) return;
    const args = this.#task.args?.() ?? ([] as unknown as A);
    if (billing.client !== this.#client) this.value = undefined;
    this.#client = billing.client;
    this.#changes = billing.changes(this.#task.topics);
    this.#args = JSON.stringify(args);
    this.#abort?.abort();
    this.#stopRecovery();
    const abort = (this.#abort = new AbortController());
    this.error = undefined;
    this.waiting = false;
    this.loading = true;
    this.#host.requestUpdate();
    const run = this.#task.run(billing.client, abort.signal, args).then(
      (value) => {
        if (abort.signal.aborted) return;
        this.value = value;
        this.#waited = false;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const e = (this.error = this.#access.report(error));
        // Its cause may go away: back online, or a 429's wait over (once; then the user decides).
        const recovery = recoverWhen(e, () => void this.refresh(), !this.#waited);
        this.#waited ||= recovery.waiting;
        this.waiting = recovery.waiting;
        this.#stopRecovery = recovery.stop;
      },
    );
    await run.finally(() => {
      if (abort.signal.aborted) return;
      this.#abort = undefined;
      this.loading = false;
      this.#host.requestUpdate();
    });
  }
}
