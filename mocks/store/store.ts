/**
 * The mock backend's state, in the domain's terms: one tenant world and the session
 * around it (`session.ts`), the changes applied since it was loaded (`log.ts`, saved and
 * replayed through an optional {@link PersistenceAdapter}), and every operation on them.
 * The changes themselves are pure functions of a world (`mutations.ts`).
 *
 * The store knows nothing of HTTP: no statuses, headers, ETags or hanging requests. It
 * refuses with a {@link StoreError}; `mocks/http/` turns that into a problem response,
 * parses `If-Match` into the versions a save may replace, keeps the idempotency records
 * (over {@link MockStore.changes}) and acts on the faults.
 *
 * Every method either does the whole change or throws a {@link StoreError} (or the
 * engine's error) having changed nothing.
 */
import { isIsoDate } from '../engine/dates.js';
import type { BillingDetailsInput } from '../engine/details.js';
import { quoteAddLicenses } from '../engine/licenses.js';
import { LIMITS } from '../engine/limits.js';
import { changeEffect } from '../engine/preview.js';
import { personTimeline } from '../engine/timeline.js';
import type { IsoDate, Person, World } from '../engine/types.js';
import type {
  ApiBillingDetails,
  ApiDeactivationPreview,
  ApiLicenseOrderResult,
  ApiLicenseQuote,
  ApiOrder,
  ApiPaymentMethod,
  ApiPersonTimeline,
  ApiSettleResult,
  ApiUserChange,
  ApiUserPage,
} from './contract.js';
import { invalid, rules, StoreError } from './errors.js';
import { MutationLog } from './log.js';
import type { LoggedChange } from './log.js';
import { applyMutation, canonicalChange, requireLicensed } from './mutations.js';
import type { ChangeInput, Mutation, MutationResult, VersionMatch } from './mutations.js';
import type { PersistenceAdapter } from './persistence.js';
import { checkRole, WorldSession } from './session.js';
import type { Fault } from './session.js';
import type { DayFilter, UsersQuery } from './users.js';
import { allUsers, listUsers, personIndex, searchPeople } from './users.js';
import { deactivationPreviewView, quoteView, timelineView } from './views.js';

export { isRoleName } from './session.js';
export type { Fault, FaultKind, WorldBase } from './session.js';
export type { ChangeInput, Mutation, MutationResult, VersionMatch } from './mutations.js';
export type { LoggedChange } from './log.js';

/** Options of {@link MockStore}. */
export interface MockStoreOptions {
  /** The scenario to start from (default `injixo-advanced`). Ignored when `world` is given. */
  scenario?: string;
  /** A world to start from instead of a scenario (validated). */
  world?: World;
  /**
   * The caller's role: any role name ({@link isRoleName}: `admin`, `finance`, `member`,
   * `guest` or a host's own such as `scheduler`); `null` for no session. Default `admin`.
   */
  role?: string | null;
  /** Faults in force from the start (check them with `checkFaults` of `mocks/http/faults.ts`). */
  faults?: Fault[];
  /**
   * Where to keep the state between page loads. When given, the store restores what the
   * adapter holds (see {@link MockStore.ready}) and saves every change.
   */
  persistence?: PersistenceAdapter;
}

/** The mock backend's state and every operation on it. */
export class MockStore {
  /**
   * Resolves once the persisted state (if any) is restored. The HTTP handlers wait for
   * it; direct callers should too (or use {@link createStore}).
   */
  readonly ready: Promise<void>;

  readonly #session: WorldSession;
  readonly #log: MutationLog;

  constructor(options: MockStoreOptions = {}) {
    this.#session = new WorldSession(options);
    this.#log = new MutationLog(options.persistence, () => ({
      base: this.#session.base,
      role: this.#session.role,
      faults: this.#session.faults,
    }));
    // A world given here is saved with the first change (unless a saved state is restored instead).
    if (options.world) this.#log.saveWorldNext();
    this.ready = options.persistence ? this.#restore() : Promise.resolve();
    // Saves wait for the restore, so a save never overwrites the state being read.
    this.#log.after(this.ready);
  }

  // ---------------------------------------------------------------------------------------
  // State

  /** The current world (built on first use for a scenario). */
  get world(): World {
    return this.#session.world;
  }

  /** The scenario the world started from, or `undefined` for a custom world. */
  get scenario(): string | undefined {
    const base = this.#session.base;
    return base.kind === 'scenario' ? base.name : undefined;
  }

  /** The mutations applied since the world was loaded, oldest first (copies). */
  get mutations(): readonly Mutation[] {
    return this.#log.mutations;
  }

  /**
   * The changes applied since the world was loaded, each with what it answered, oldest
   * first. Appended to in place and replaced when the log is cleared (see
   * `MutationLog.entries`); the HTTP layer's idempotency records are read from it.
   */
  get changes(): readonly LoggedChange[] {
    return this.#log.entries;
  }

  /** The caller's role; `null` when there is no session. */
  get role(): string | null {
    return this.#session.role;
  }

  /** "Today" of the world: the mock's clock. */
  get today(): IsoDate {
    return this.world.today;
  }

  /**
   * Sets who the caller is and the clock. The role is any role name (a host's own too:
   * signed in, no billing access) or `null` for no session. Moving the clock issues the
   * invoices that fall due and charges each on its issue day with the payment method on
   * file (a card or direct debit; an expired or blocked card records a declined attempt);
   * it cannot go back before the latest invoice, order or payment (closed periods are
   * immutable).
   */
  setSession(session: { role?: string | null; today?: IsoDate }): void {
    if (session.role !== undefined) checkRole(session.role);
    if (session.today !== undefined) this.setToday(session.today);
    if (session.role !== undefined) {
      this.#session.role = session.role;
      this.#log.save();
    }
  }

  /** Moves the clock (see {@link setSession}); it runs from 2000-01-01 through 2100-12-31. */
  setToday(today: IsoDate): void {
    if (!isIsoDate(today)) throw invalid('today', 'invalid-date', 'Give today as a calendar date, YYYY-MM-DD.');
    if (today < LIMITS.firstDate || today > LIMITS.lastToday) {
      throw invalid(
        'today',
        'out-of-range',
        `The clock runs from ${LIMITS.firstDate} through ${LIMITS.lastToday}; ${today} is outside.`,
      );
    }
    if (today === this.world.today) return;
    this.#run({ op: 'set-today', today });
  }

  /** The faults in force (copies, with what is left of their `times`). */
  get faults(): Fault[] {
    return this.#session.faults;
  }

  /**
   * Replaces the faults in force (an empty list removes them); requests hanging on the
   * old ones end. The faults are taken as given: `checkFaults` (`mocks/http/faults.ts`)
   * checks a list from outside.
   */
  setFaults(faults: readonly Fault[]): void {
    this.#session.setFaults(faults);
    this.#log.save();
  }

  /** Adds one fault to those in force. */
  addFault(fault: Fault): void {
    this.setFaults([...this.#session.faults, fault]);
  }

  /** Keeps what is left of the faults after requests used some of their `times` (for the HTTP layer). */
  faultsUsed(left: readonly Fault[]): void {
    this.#session.faultsUsed(left);
    this.#log.save();
  }

  /** Calls `watcher` each time the faults are replaced, until the returned function is called. */
  watchFaults(watcher: () => void): () => void {
    return this.#session.watchFaults(watcher);
  }

  // ---------------------------------------------------------------------------------------
  // Loading worlds

  /**
   * Loads a world (deep-copied unless `copy: false`), after checking it: a malformed
   * world is refused with every problem listed (`StoreError` kind `rule`, code
   * `invalid-world`). Clears the mutation log; keeps the role and the faults.
   */
  loadWorld(world: unknown, options: { copy?: boolean } = {}): void {
    this.#session.loadWorld(options.copy === false ? world : structuredClone(world));
    this.#log.clear();
    this.#log.save(true);
  }

  /** Loads a named scenario (a fresh world). */
  loadScenario(name: string): void {
    this.#session.loadScenario(name);
    this.#log.clear();
    this.#log.save();
  }

  /** Back to the default scenario, no faults, role admin; forgets the persisted state. */
  async reset(): Promise<void> {
    this.#session.reset();
    this.#log.clear();
    this.#log.forget();
    await this.flush();
  }

  /** Resolves when every change so far is saved. */
  async flush(): Promise<void> {
    await this.ready;
    await this.#log.flush();
  }

  // ---------------------------------------------------------------------------------------
  // Reads that need caches (the rest are views of `world`, see views.ts)

  /** One page of users; what `GET /users` answers (the query is assumed valid). */
  listUsers(query: UsersQuery & DayFilter): ApiUserPage {
    return listUsers(this.world, query);
  }

  /**
   * One person's month explained (`GET /users/{id}/timeline`): their verdict, as the users
   * list gives it (deleted people too), and the dated facts behind it. Refused as
   * `not-found` (`unknown-user`) for an id no person has.
   */
  userTimeline(userId: string, month: string): ApiPersonTimeline {
    const world = this.world;
    const i = personIndex(world, userId);
    if (i === undefined) throw new StoreError('not-found', 'unknown-user', `There is no user ${userId}.`);
    return timelineView(world, world.people[i] as Person, personTimeline(world, month, i));
  }

  /**
   * What deactivating a person today would do to the bill in progress and the next
   * (`GET /users/{id}/deactivate/preview`): the deactivation {@link deactivateUser} makes,
   * made on a copy (the pure mutation; the store's world is not touched), and both bills
   * computed before and after. Refused as the deactivation is: `not-found`
   * (`unknown-user`), `conflict` (`already-deactivated`, `not-licensed` for
   * `removeLicense` without licenses), or the rules' refusal.
   */
  previewDeactivation(userId: string, options: { removeLicense?: boolean } = {}): ApiDeactivationPreview {
    const before = this.world;
    const removeLicense = options.removeLicense === true;
    const { world: after } = applyMutation(before, { op: 'deactivate', userId, removeLicense });
    const i = personIndex(after, userId) as number;
    return deactivationPreviewView(after.people[i] as Person, changeEffect(before, after, i));
  }

  /** Every user of a month's tab, in name order (the CSV export). */
  exportUsers(month: string, billed = true): ReturnType<typeof allUsers> {
    return allUsers(this.world, month, billed);
  }

  /** People to pick a billing contact from (active first, then by name). */
  searchPeople(q: string, limit = 20): { id: string; name: string; email: string }[] {
    return searchPeople(this.world, q, limit).map((p) => ({ id: p.id, name: p.name, email: p.email }));
  }

  /** The prorated price of adding licenses today (refused without prepaid licenses). */
  quoteLicenses(quantity: number): ApiLicenseQuote {
    const world = this.world;
    requireLicensed(world);
    return quoteView(
      world,
      rules(() => quoteAddLicenses(world, quantity)),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Writes

  /**
   * Replaces the editable billing details, when the edit was based on the current
   * version (`basedOn`: a version, several, or `'*'` for any): refused when stale
   * (`stale`, code `stale-version`, with the `current` details) or when the rules find
   * problems (`rule`, every field listed). The PO number goes to the subscription
   * (printed on invoices issued from now on).
   */
  putBillingDetails(input: BillingDetailsInput, basedOn: number | VersionMatch): MutationResult<ApiBillingDetails> {
    const versions: VersionMatch = typeof basedOn === 'number' ? [basedOn] : basedOn === '*' ? '*' : [...basedOn];
    return this.#run({
      op: 'put-details',
      input: structuredClone(input),
      basedOn: versions,
    }) as MutationResult<ApiBillingDetails>;
  }

  /**
   * Adds licenses now (billed prorated at once) or removes some from the next period.
   * `key` identifies the request: an order placed with it before is answered again.
   */
  orderLicenses(kind: 'add' | 'remove', quantity: number, key: string): MutationResult<ApiLicenseOrderResult> {
    if (typeof key !== 'string' || key === '') {
      throw invalid('idempotencyKey', 'required', 'Give every license order a request key.');
    }
    return this.#run({ op: 'order-licenses', kind, quantity, key }) as MutationResult<ApiLicenseOrderResult>;
  }

  /** Schedules an edition or billing-period change for the next period boundary. */
  scheduleChange(change: ChangeInput, key?: string): MutationResult<ApiOrder> {
    return this.#run({
      op: 'schedule-change',
      change: canonicalChange(change),
      ...(key ? { key } : {}),
    }) as MutationResult<ApiOrder>;
  }

  /**
   * Cancels a scheduled change (an order effective after today): it is removed from the
   * future (see `cancelScheduledChange` of the engine). Refused as `not-found`
   * (`unknown-order`) or `conflict` (`already-effective`, `order-invoiced`).
   */
  cancelScheduledChange(orderId: string, key?: string): MutationResult<ApiOrder> {
    return this.#run({ op: 'cancel-change', orderId, ...(key ? { key } : {}) }) as MutationResult<ApiOrder>;
  }

  /** Resubmits payment of everything outstanding with the payment method on file. */
  settleBalance(key?: string): MutationResult<ApiSettleResult> {
    return this.#run({ op: 'settle', ...(key ? { key } : {}) }) as MutationResult<ApiSettleResult>;
  }

  /**
   * Deactivates a person from today (`deactivatedOn = today`, the first day not active).
   * Under prepaid licenses, `removeLicense` also removes one license from the next period.
   */
  deactivateUser(
    userId: string,
    options: { removeLicense?: boolean } = {},
    key?: string,
  ): MutationResult<ApiUserChange> {
    const removeLicense = options.removeLicense === true;
    return this.#run({
      op: 'deactivate',
      userId,
      removeLicense,
      ...(key ? { key } : {}),
    }) as MutationResult<ApiUserChange>;
  }

  /**
   * Reactivates a person: clears `deactivatedOn` and keeps `billingStart`. A deactivation
   * scheduled after today is simply cancelled. Under prepaid licenses, the person needs a
   * free license today and on every later day (licenses scheduled for removal count from
   * the day they go): otherwise it is refused (`license-required`, with the `quote` of
   * one license) unless `buyLicense`, which orders one license first (`addLicenses`,
   * billed prorated at once).
   *
   * Reading (the world keeps one active interval per person): the person counts as
   * active from `billingStart` on again, also for the days they were deactivated. Issued
   * invoices never change, but figures recomputed for those days (daily counts, the open
   * month, the users list of a past month) do. A person model with several intervals
   * would be an engine change.
   */
  reactivateUser(userId: string, options: { buyLicense?: boolean } = {}, key?: string): MutationResult<ApiUserChange> {
    const buyLicense = options.buyLicense === true;
    return this.#run({
      op: 'reactivate',
      userId,
      buyLicense,
      ...(key ? { key } : {}),
    }) as MutationResult<ApiUserChange>;
  }

  /** Puts a valid test card on file (Visa 4242, valid for three more years). */
  swapTestCard(): ApiPaymentMethod {
    return this.#run({ op: 'swap-card' }).body as ApiPaymentMethod;
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  /** Applies a mutation to the world and logs it (nothing changes when it is refused). */
  #apply(m: Mutation): MutationResult<unknown> {
    const { world, result } = applyMutation(this.world, m);
    this.#session.world = world;
    this.#log.append(m, result);
    return result;
  }

  /** Applies a mutation, logs it and saves. */
  #run(m: Mutation): MutationResult<unknown> {
    const result = this.#apply(m);
    this.#log.save();
    return result;
  }

  /** Takes up the saved state, replaying its changes (up to the first that no longer applies). */
  async #restore(): Promise<void> {
    const saved = await this.#log.read();
    if (!saved) return;
    const { base, mutations } = saved;
    if (!this.#session.resume(base, saved.role, saved.faults, mutations.length > 0 || base.kind === 'world')) return;
    this.#log.resumed(base.kind === 'world');
    this.#log.clear();
    for (const m of mutations) {
      try {
        this.#apply(m);
      } catch (e) {
        console.warn('[billing mock] stopped replaying the saved changes at', m, e);
        this.#log.save();
        break;
      }
    }
  }
}

/** A store with its persisted state restored. */
export async function createStore(options: MockStoreOptions = {}): Promise<MockStore> {
  const store = new MockStore(options);
  await store.ready;
  return store;
}
