/**
 * The mock backend's state: one tenant world, the caller's session (role), the faults in
 * force and the idempotency records, with optional persistence.
 *
 * Worlds are immutable. Every mutation builds a new world object (new arrays for what
 * changed) and replaces the old one: the engine caches its indexes in `WeakMap`s keyed by
 * world identity, and so do the store's users list caches. After every world change and
 * every clock change the store appends the invoices that have fallen due
 * (`dueInvoices`), so the ledger is always up to date before the next rule runs (license
 * additions in particular number their invoice after the due ones).
 *
 * Persistence is compact: the base (a scenario name, or a whole custom world), then the
 * list of mutations applied since, replayed on load. Replaying is exact because the
 * engine is deterministic and the clock is a mutation too. Idempotency records are
 * rebuilt by the replay.
 *
 * Every method either does the whole change or throws a {@link MockError} (or the
 * engine's error) having changed nothing.
 */
import { addMonths, isIsoDate, monthOf } from '../engine/dates.js';
import { checkBillingDetails, normaliseBillingDetails } from '../engine/details.js';
import type { BillingDetailsInput } from '../engine/details.js';
import { RuleError, WorldError } from '../engine/errors.js';
import { dueInvoices } from '../engine/invoices.js';
import {
  addLicenses,
  canActivate,
  changePeriod,
  changePlan,
  isLicensed,
  quoteAddLicenses,
  removeLicenses,
  requireLicenseCoverage,
} from '../engine/licenses.js';
import { LIMITS } from '../engine/limits.js';
import { chargeOnIssue, settleBalance } from '../engine/payments.js';
import type { IsoDate, Person, World } from '../engine/types.js';
import { validateWorldAll } from '../engine/validate.js';
import type {
  ApiBillingDetails,
  ApiLicenseOrderResult,
  ApiLicenseQuote,
  ApiOrder,
  ApiPaymentMethod,
  ApiSettleResult,
  ApiUserChange,
  ApiUserPage,
  FieldError,
} from './contract.js';
import { MockError } from './errors.js';
import type { Fault } from './faults.js';
import { checkFaults, FaultList } from './faults.js';
import type { PersistenceAdapter } from './persistence.js';
import { DEFAULT_SCENARIO, scenarioNames, scenarioWorld } from './scenario-source.js';
import type { UsersQuery } from './users.js';
import { allUsers, listUsers, personIndex, searchPeople, userRow } from './users.js';
import {
  detailsEtag,
  detailsView,
  EMPTY_DETAILS,
  invoiceView,
  orderView,
  paymentMethodView,
  paymentView,
  balanceView,
  quoteView,
} from './views.js';

/** A change to the world, as logged for persistence and replayed on load. */
export type Mutation =
  | { op: 'set-today'; today: IsoDate }
  | { op: 'put-details'; input: BillingDetailsInput; ifMatch: string }
  | { op: 'order-licenses'; kind: 'add' | 'remove'; quantity: number; key: string }
  | { op: 'schedule-change'; change: ChangeInput; key?: string }
  | { op: 'settle'; key?: string }
  | { op: 'deactivate'; userId: string; removeLicense: boolean; key?: string }
  | { op: 'reactivate'; userId: string; buyLicense: boolean; key?: string }
  | { op: 'swap-card' };

/** An edition or billing-period change request. */
export type ChangeInput = { kind: 'change-plan'; planId: string } | { kind: 'change-period'; periodMonths: number };

/** What a write answers: the status of a first request, the body, and whether it replays an earlier one. */
export interface MutationResult<T> {
  status: 200 | 201;
  body: T;
  /** True when the Idempotency-Key was seen before: nothing new was done. */
  replayed: boolean;
}

/** Where the store's world comes from before any mutation. */
export type WorldBase = { kind: 'scenario'; name: string } | { kind: 'world'; world: World };

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
  /** Faults in force from the start. */
  faults?: Fault[];
  /**
   * Where to keep the state between page loads. When given, the store restores what the
   * adapter holds (see {@link MockStore.ready}) and saves every change.
   */
  persistence?: PersistenceAdapter;
}

interface IdempotencyRecord {
  operation: string;
  fingerprint: string;
  status: 200 | 201;
  body: unknown;
}

/** What is persisted under the key `session`. */
interface PersistedSession {
  version: 1;
  base: { kind: 'scenario'; name: string } | { kind: 'world' };
  mutations: Mutation[];
  role: string | null;
  faults: Fault[];
}

const SESSION_KEY = 'session';
const WORLD_KEY = 'world';
/** A role name as the contract's `Role` states it: a token of at most 64 characters. */
const ROLE_NAME = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;
const ROLE_MESSAGE =
  'A role is a name of letters, digits, dots, dashes or underscores (at most 64), starting with a letter; null for no session.';

/**
 * True for a role name the contract allows. Roles are open: any host role is a signed-in
 * caller; only `admin` and `finance` may use billing (see `canUseBilling`).
 */
export function isRoleName(role: unknown): role is string {
  return typeof role === 'string' && ROLE_NAME.test(role);
}

/** `world` with the invoices that have fallen due appended (the same object when none are due). */
function withDueInvoices(world: World): World {
  const due = dueInvoices(world);
  return due.length === 0 ? world : { ...world, invoices: [...world.invoices, ...due] };
}

/** The engine's refusal as a store refusal (field names as the API knows them). */
export function fromRuleError(e: RuleError): MockError {
  if (e.code === 'not-prepaid-licenses') {
    return new MockError('conflict', 'not-licensed', e.reason, {
      errors: [{ field: e.field, code: 'not-licensed', message: e.reason }],
    });
  }
  const field = e.field === 'idempotencyKey' ? 'Idempotency-Key' : e.field;
  return new MockError('rule', e.code, e.reason, { errors: [{ field, code: e.code, message: e.reason }] });
}

/** Runs `fn`, turning the engine's RuleError into a MockError. */
function rules<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RuleError) throw fromRuleError(e);
    throw e;
  }
}

function invalid(field: string, code: string, message: string): MockError {
  return new MockError('invalid', code, message, { errors: [{ field, code, message }] });
}

/** A change request with its fields in one order (its idempotency fingerprint). */
function canonicalChange(change: ChangeInput): ChangeInput {
  return change.kind === 'change-plan'
    ? { kind: 'change-plan', planId: change.planId }
    : { kind: 'change-period', periodMonths: change.periodMonths };
}

/**
 * True when an `If-Match` value is `*` or lists `etag` (a strong tag such as `"v3"`), by
 * strong comparison (RFC 9110 §13.1.1): a weak tag (`W/"v3"`) never matches, and neither
 * does a value that is not a list of quoted entity tags (the HTTP layer answers that `400`).
 */
export function ifMatchAccepts(ifMatch: string, etag: string): boolean {
  const value = ifMatch.trim();
  if (value === '*') return true;
  const tag = /\s*(W\/)?("[\x21\x23-\x7e]*")\s*(?:,|$)/y;
  let matched = false;
  while (tag.lastIndex < value.length) {
    const m = tag.exec(value);
    if (!m) return false;
    if (m[1] === undefined && m[2] === etag) matched = true;
  }
  return matched;
}

/** The mock backend's state and every operation on it. */
export class MockStore {
  /**
   * Resolves once the persisted state (if any) is restored. The HTTP handlers wait for
   * it; direct callers should too (or use {@link createStore}).
   */
  readonly ready: Promise<void>;

  #base: WorldBase;
  #world: World | undefined;
  #log: Mutation[] = [];
  #role: string | null;
  readonly #faults = new FaultList();
  readonly #records = new Map<string, IdempotencyRecord>();
  readonly #adapter: PersistenceAdapter | undefined;
  #saving: Promise<void> = Promise.resolve();
  #saveQueued = false;
  #saveWorld = false;
  /** Whether the adapter holds a custom world (dropped once the base is a scenario again). */
  #worldStored = false;

  constructor(options: MockStoreOptions = {}) {
    this.#adapter = options.persistence;
    const role = options.role === undefined ? 'admin' : options.role;
    if (role !== null && !isRoleName(role)) throw invalid('role', 'invalid', ROLE_MESSAGE);
    this.#role = role;
    if (options.faults) {
      const errors = checkFaults(options.faults);
      if (errors.length > 0) throw new MockError('invalid', 'invalid-faults', 'The faults are not valid.', { errors });
      this.#faults.set(options.faults);
    }
    if (options.world) {
      this.#base = { kind: 'world', world: this.#validated(options.world) };
      this.#world = this.#materialise(this.#base);
      // Saved with the first change (unless a saved state is restored instead).
      this.#saveWorld = true;
    } else {
      const name = options.scenario ?? DEFAULT_SCENARIO;
      if (!scenarioNames().includes(name)) throw this.#unknownScenario(name);
      this.#base = { kind: 'scenario', name };
    }
    this.ready = this.#adapter ? this.#restore(this.#adapter) : Promise.resolve();
    // Saves wait for the restore, so a save never overwrites the state being read.
    this.#saving = this.ready;
  }

  // ---------------------------------------------------------------------------------------
  // State

  /** The current world (built on first use for a scenario). */
  get world(): World {
    return (this.#world ??= this.#materialise(this.#base));
  }

  /** The scenario the world started from, or `undefined` for a custom world. */
  get scenario(): string | undefined {
    return this.#base.kind === 'scenario' ? this.#base.name : undefined;
  }

  /** The mutations applied since the world was loaded, oldest first. */
  get mutations(): readonly Mutation[] {
    return this.#log.map((m) => structuredClone(m));
  }

  /** The caller's role; `null` when there is no session. */
  get role(): string | null {
    return this.#role;
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
    if (session.role !== undefined && session.role !== null && !isRoleName(session.role)) {
      throw invalid('role', 'invalid', ROLE_MESSAGE);
    }
    if (session.today !== undefined) this.setToday(session.today);
    if (session.role !== undefined) {
      this.#role = session.role;
      this.#persist();
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

  /** The faults in force. */
  get faults(): Fault[] {
    return this.#faults.list();
  }

  /** Replaces the faults in force (an empty list removes them); ends hanging requests. */
  setFaults(faults: readonly Fault[]): void {
    const errors = checkFaults(faults);
    if (errors.length > 0) throw new MockError('invalid', 'invalid-faults', 'The faults are not valid.', { errors });
    this.#faults.set(faults);
    this.#persist();
  }

  /** Adds one fault to those in force. */
  addFault(fault: Fault): void {
    this.setFaults([...this.#faults.list(), fault]);
  }

  /** The faults that hit one request to `operationId` (counting their use). For the HTTP layer. */
  takeFaults(operationId: string): Fault[] {
    const hit = this.#faults.take(operationId);
    if (hit.some((f) => f.times !== undefined)) this.#persist();
    return hit;
  }

  /** Resolves when `signal` aborts or the faults are replaced: a hanging request. */
  hang(signal?: AbortSignal): Promise<void> {
    return this.#faults.hang(signal);
  }

  // ---------------------------------------------------------------------------------------
  // Loading worlds

  /**
   * Loads a world (deep-copied unless `copy: false`), after checking it: a malformed
   * world is refused with every problem listed (`MockError` kind `rule`, code
   * `invalid-world`). Clears the mutation log and the idempotency records; keeps the role
   * and the faults.
   */
  loadWorld(world: unknown, options: { copy?: boolean } = {}): void {
    const base: WorldBase = {
      kind: 'world',
      world: this.#validated(options.copy === false ? world : structuredClone(world)),
    };
    const built = this.#materialise(base);
    this.#base = base;
    this.#world = built;
    this.#log = [];
    this.#records.clear();
    this.#persist(true);
  }

  /** Loads a named scenario (a fresh world). */
  loadScenario(name: string): void {
    const world = scenarioWorld(name);
    if (!world) throw this.#unknownScenario(name);
    const base: WorldBase = { kind: 'scenario', name };
    this.#world = this.#materialise(base, world);
    this.#base = base;
    this.#log = [];
    this.#records.clear();
    this.#persist();
  }

  /** Back to the default scenario, no faults, role admin; forgets the persisted state. */
  async reset(): Promise<void> {
    this.#base = { kind: 'scenario', name: DEFAULT_SCENARIO };
    this.#world = undefined;
    this.#log = [];
    this.#records.clear();
    this.#role = 'admin';
    this.#faults.set([]);
    const adapter = this.#adapter;
    if (adapter) {
      this.#saving = this.#saving.then(async () => {
        await adapter.delete(WORLD_KEY);
        await adapter.delete(SESSION_KEY);
        this.#worldStored = false;
      });
    }
    await this.flush();
  }

  /** Resolves when every change so far is saved. */
  async flush(): Promise<void> {
    await this.ready;
    let pending: Promise<void>;
    do {
      pending = this.#saving;
      await pending;
    } while (pending !== this.#saving);
  }

  // ---------------------------------------------------------------------------------------
  // Reads that need caches (the rest are views of `world`, see views.ts)

  /** One page of users; what `GET /users` answers (the query is assumed valid). */
  listUsers(query: UsersQuery): ApiUserPage {
    return listUsers(this.world, query);
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
    this.#requireLicensed(world);
    return quoteView(
      world,
      rules(() => quoteAddLicenses(world, quantity)),
    );
  }

  // ---------------------------------------------------------------------------------------
  // Writes

  /**
   * Replaces the editable billing details when `ifMatch` names the current version:
   * refused without it (`precondition-required`), when stale (`stale`, with `current`),
   * or when the rules find problems (`rule`, every field listed). The PO number goes to
   * the subscription (printed on invoices issued from now on).
   */
  putBillingDetails(input: BillingDetailsInput, ifMatch: string | undefined): MutationResult<ApiBillingDetails> {
    if (ifMatch === undefined || ifMatch.trim() === '') {
      throw new MockError(
        'precondition-required',
        'if-match-required',
        'Send the version you edited in If-Match (the ETag of GET /billing-details).',
      );
    }
    return this.#run({
      op: 'put-details',
      input: structuredClone(input),
      ifMatch,
    }) as MutationResult<ApiBillingDetails>;
  }

  /** Adds licenses now (billed prorated at once) or removes some from the next period. */
  orderLicenses(kind: 'add' | 'remove', quantity: number, key: string): MutationResult<ApiLicenseOrderResult> {
    if (typeof key !== 'string' || key === '') {
      throw invalid('Idempotency-Key', 'required', 'Send an Idempotency-Key with every license order.');
    }
    return this.#idempotent(key, 'orderLicenses', { kind, quantity }, () =>
      this.#run({ op: 'order-licenses', kind, quantity, key }),
    ) as MutationResult<ApiLicenseOrderResult>;
  }

  /** Schedules an edition or billing-period change for the next period boundary. */
  scheduleChange(change: ChangeInput, key?: string): MutationResult<ApiOrder> {
    const canonical = canonicalChange(change);
    return this.#idempotent(key, 'scheduleChange', canonical, () =>
      this.#run({ op: 'schedule-change', change: canonical, ...(key ? { key } : {}) }),
    ) as MutationResult<ApiOrder>;
  }

  /** Resubmits payment of everything outstanding with the payment method on file. */
  settleBalance(key?: string): MutationResult<ApiSettleResult> {
    return this.#idempotent(key, 'settleBalance', {}, () =>
      this.#run({ op: 'settle', ...(key ? { key } : {}) }),
    ) as MutationResult<ApiSettleResult>;
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
    return this.#idempotent(key, 'deactivateUser', { userId, removeLicense }, () =>
      this.#run({ op: 'deactivate', userId, removeLicense, ...(key ? { key } : {}) }),
    ) as MutationResult<ApiUserChange>;
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
    return this.#idempotent(key, 'reactivateUser', { userId, buyLicense }, () =>
      this.#run({ op: 'reactivate', userId, buyLicense, ...(key ? { key } : {}) }),
    ) as MutationResult<ApiUserChange>;
  }

  /** Puts a valid test card on file (Visa 4242, valid for three more years). */
  swapTestCard(): ApiPaymentMethod {
    return this.#run({ op: 'swap-card' }).body as ApiPaymentMethod;
  }

  // ---------------------------------------------------------------------------------------
  // Internals

  #unknownScenario(name: string): MockError {
    return new MockError(
      'not-found',
      'unknown-scenario',
      `There is no scenario ${JSON.stringify(name)}; try one of ${scenarioNames().join(', ')}.`,
    );
  }

  #validated(world: unknown): World {
    // Every problem, up to a thousand (a badly broken 100,000-person world would list far more).
    const problems = validateWorldAll(world, 1000);
    if (problems.length > 0) throw this.#worldErrors(problems);
    return world as World;
  }

  #worldErrors(problems: WorldError[]): MockError {
    const errors: FieldError[] = problems.map((p) => ({ field: p.field, code: 'invalid-world', message: p.reason }));
    return new MockError('rule', 'invalid-world', `The world has ${errors.length} problem(s).`, { errors });
  }

  /** The base's world with the invoices due appended. */
  #materialise(base: WorldBase, fresh?: World): World {
    const world = fresh ?? (base.kind === 'world' ? base.world : scenarioWorld(base.name));
    if (!world) throw this.#unknownScenario(base.kind === 'scenario' ? base.name : '');
    try {
      return withDueInvoices(world);
    } catch (e) {
      if (e instanceof WorldError) throw this.#worldErrors([e]);
      throw e;
    }
  }

  #requireLicensed(world: World): void {
    if (!isLicensed(world)) {
      throw new MockError(
        'conflict',
        'not-licensed',
        'This subscription is billed by its users, not by prepaid licenses: there are no licenses to change.',
      );
    }
  }

  /** Replays the first result for a known key; refuses a known key with a different request. */
  #idempotent(
    key: string | undefined,
    operation: string,
    request: unknown,
    run: () => MutationResult<unknown>,
  ): MutationResult<unknown> {
    if (key === undefined || key === '') return run();
    const fingerprint = JSON.stringify(request);
    const earlier = this.#records.get(key);
    if (earlier) {
      if (earlier.operation === operation && earlier.fingerprint === fingerprint) {
        return { status: earlier.status, body: earlier.body, replayed: true };
      }
      const message = 'This Idempotency-Key was already used for a different request; send a new key for a new action.';
      throw new MockError('rule', 'key-reused', message, {
        errors: [{ field: 'Idempotency-Key', code: 'key-reused', message }],
      });
    }
    const result = run();
    this.#records.set(key, { operation, fingerprint, status: result.status, body: result.body });
    return result;
  }

  /** Applies a mutation, logs it and saves. */
  #run(m: Mutation): MutationResult<unknown> {
    const result = this.#apply(m);
    this.#log.push(m);
    this.#persist();
    return result;
  }

  /** Replaces the world with `next` plus the invoices now due. */
  #commit(next: World): World {
    const world = withDueInvoices(next);
    this.#world = world;
    return world;
  }

  /**
   * Applies a mutation. A world the engine cannot run at the new state (a `WorldError`,
   * e.g. a clock moved to a day its data cannot be billed on) is refused as `invalid-world`
   * naming the field, and nothing changes.
   */
  #apply(m: Mutation): MutationResult<unknown> {
    const before = this.#world;
    try {
      return this.#applyOp(m);
    } catch (e) {
      if (e instanceof WorldError) {
        this.#world = before;
        throw this.#worldErrors([e]);
      }
      throw e;
    }
  }

  #applyOp(m: Mutation): MutationResult<unknown> {
    switch (m.op) {
      case 'set-today':
        return this.#applyToday(m.today);
      case 'put-details':
        return this.#applyDetails(m.input, m.ifMatch);
      case 'order-licenses':
        return this.#applyOrder(m.kind, m.quantity, m.key);
      case 'schedule-change':
        return this.#applyChange(m.change, m.key);
      case 'settle':
        return this.#applySettle();
      case 'deactivate':
        return this.#applyDeactivate(m.userId, m.removeLicense, m.key);
      case 'reactivate':
        return this.#applyReactivate(m.userId, m.buyLicense, m.key);
      case 'swap-card':
        return this.#applySwapCard();
    }
  }

  #applyToday(today: IsoDate): MutationResult<null> {
    const world = this.world;
    let latest = '';
    for (const i of world.invoices) if (i.issuedOn > latest) latest = i.issuedOn;
    for (const o of world.orders) if (o.placedOn > latest) latest = o.placedOn;
    for (const p of world.payments) if (p.on > latest) latest = p.on;
    if (today < latest) {
      throw invalid(
        'today',
        'before-ledger',
        `The clock cannot go back before ${latest}: invoices, orders or payments are dated then. Load the world again instead.`,
      );
    }
    // The invoices falling due on the way are issued, then charged on their issue day
    // with the payment method on file (declines recorded: payment failed, then past due).
    const moved = this.#commit({ ...world, today });
    const issued = moved.invoices.slice(world.invoices.length).filter((i) => i.issuedOn > world.today);
    const charges = chargeOnIssue(moved, issued);
    if (charges.length > 0) this.#world = { ...moved, payments: [...moved.payments, ...charges] };
    return { status: 200, body: null, replayed: false };
  }

  #applyDetails(input: BillingDetailsInput, ifMatch: string): MutationResult<ApiBillingDetails> {
    const world = this.world;
    const etag = detailsEtag(world);
    if (!ifMatchAccepts(ifMatch, etag)) {
      throw new MockError('stale', 'stale-etag', 'Someone saved these billing details since you loaded them.', {
        extra: { current: detailsView(world) },
      });
    }
    const today = world.today;
    const people = new Map<string, Person>();
    for (const p of world.people) if (p.deletedOn === undefined || p.deletedOn > today) people.set(p.id, p);
    const issues = checkBillingDetails(input, new Set(people.keys()));
    if (issues.length > 0) {
      throw new MockError('rule', 'invalid-details', 'Some billing details need fixing.', { errors: issues });
    }
    const clean = normaliseBillingDetails(input);
    const previous = world.billingDetails ?? EMPTY_DETAILS;
    const record: NonNullable<World['billingDetails']> = {
      recipients: clean.recipients,
      address: clean.address,
      eInvoicing: clean.eInvoicing,
      version: previous.version + 1,
    };
    if (clean.contact) {
      const person = clean.contact.personId !== undefined ? people.get(clean.contact.personId) : undefined;
      record.contact = person ? { personId: person.id, name: person.name, email: person.email } : clean.contact;
    }
    if (previous.companyManagedAt !== undefined) record.companyManagedAt = previous.companyManagedAt;
    const subscription = { ...world.subscription };
    if (clean.poNumber !== undefined) subscription.poNumber = clean.poNumber;
    else delete subscription.poNumber;
    const next = this.#commit({ ...world, billingDetails: record, subscription });
    return { status: 200, body: detailsView(next), replayed: false };
  }

  #applyOrder(kind: 'add' | 'remove', quantity: number, key: string): MutationResult<ApiLicenseOrderResult> {
    const world = this.world;
    this.#requireLicensed(world);
    if (kind === 'add') {
      const r = rules(() => addLicenses(world, { quantity, idempotencyKey: key }));
      const body = (w: World): ApiLicenseOrderResult => ({
        order: orderView(r.order),
        invoice: invoiceView(w, r.invoice),
      });
      if (r.replayed) return { status: 200, body: body(world), replayed: true };
      const next = this.#commit({
        ...world,
        orders: [...world.orders, r.order],
        invoices: [...world.invoices, r.invoice],
      });
      return { status: 201, body: body(next), replayed: false };
    }
    const r = rules(() => removeLicenses(world, { quantity, idempotencyKey: key }));
    if (r.replayed) return { status: 200, body: { order: orderView(r.order) }, replayed: true };
    const changed: World = { ...world, orders: [...world.orders, r.order] };
    rules(() => requireLicenseCoverage(world, changed, 'quantity'));
    this.#commit(changed);
    return { status: 201, body: { order: orderView(r.order) }, replayed: false };
  }

  #applyChange(change: ChangeInput, key: string | undefined): MutationResult<ApiOrder> {
    const world = this.world;
    const request = key ? { idempotencyKey: key } : {};
    const r = rules(() =>
      change.kind === 'change-plan'
        ? changePlan(world, { ...request, planId: change.planId })
        : changePeriod(world, { ...request, periodMonths: change.periodMonths }),
    );
    if (r.replayed) return { status: 200, body: orderView(r.order), replayed: true };
    this.#commit({ ...world, orders: [...world.orders, r.order] });
    return { status: 201, body: orderView(r.order), replayed: false };
  }

  #applySettle(): MutationResult<ApiSettleResult> {
    const world = this.world;
    const r = settleBalance(world);
    const next =
      r.payments.length > 0 ? this.#commit({ ...world, payments: [...world.payments, ...r.payments] }) : world;
    const body: ApiSettleResult = {
      outcome: r.outcome,
      payments: r.payments.map(paymentView),
      balance: balanceView(next),
    };
    if (r.reason !== undefined) body.reason = r.reason;
    return { status: 200, body, replayed: false };
  }

  /** The index of a listed (not deleted) person, or a not-found refusal. */
  #personAt(world: World, userId: string): number {
    const i = personIndex(world, userId);
    const p = i === undefined ? undefined : world.people[i];
    if (i === undefined || !p || (p.deletedOn !== undefined && p.deletedOn <= world.today)) {
      throw new MockError('not-found', 'unknown-user', `There is no user ${userId}.`);
    }
    return i;
  }

  #withPerson(world: World, i: number, person: Person): World {
    const people = world.people.slice();
    people[i] = person;
    return { ...world, people };
  }

  #applyDeactivate(userId: string, removeLicense: boolean, key: string | undefined): MutationResult<ApiUserChange> {
    const world = this.world;
    const i = this.#personAt(world, userId);
    const person = world.people[i] as Person;
    // The first day not active: today, or the start day of someone who has not started
    // yet (deactivated on their start day: never active).
    const from = person.billingStart > world.today ? person.billingStart : world.today;
    if (person.deactivatedOn !== undefined && person.deactivatedOn <= from) {
      throw new MockError('conflict', 'already-deactivated', `${person.name} is already deactivated.`);
    }
    if (removeLicense) this.#requireLicensed(world);
    let next = this.#withPerson(world, i, { ...person, deactivatedOn: from });
    let order: ApiOrder | undefined;
    if (removeLicense) {
      const deactivated = next;
      const r = rules(() => removeLicenses(deactivated, { quantity: 1, ...(key ? { idempotencyKey: key } : {}) }));
      order = orderView(r.order);
      if (!r.replayed) next = { ...next, orders: [...next.orders, r.order] };
    }
    const changed = next;
    rules(() => requireLicenseCoverage(world, changed, 'removeLicense'));
    next = this.#commit(next);
    const body: ApiUserChange = { user: userRow(next, i) };
    if (order) body.order = order;
    return { status: 200, body, replayed: false };
  }

  #applyReactivate(userId: string, buyLicense: boolean, key: string | undefined): MutationResult<ApiUserChange> {
    const world = this.world;
    const i = this.#personAt(world, userId);
    const person = world.people[i] as Person;
    if (person.deactivatedOn === undefined) {
      throw new MockError('conflict', 'already-active', `${person.name} is active.`);
    }
    let next: World = world;
    let body: Omit<ApiUserChange, 'user'> = {};
    // A license today and on every later day: removals already scheduled count from the
    // day they take effect (a deactivation scheduled after today is cancelled, so the
    // person then needs a license from that day on).
    if (isLicensed(world)) {
      const can = canActivate(world, person);
      if (!can.ok) {
        if (!buyLicense) {
          const when =
            can.freeLicenses > 0 && can.shortOn ? ` from ${can.shortOn} (licenses are scheduled for removal)` : '';
          const message = `There is no free license for ${person.name}${when}: buy one to reactivate them.`;
          throw new MockError('rule', 'license-required', message, {
            errors: [{ field: 'buyLicense', code: 'license-required', message }],
            extra: can.quote ? { quote: quoteView(world, can.quote) } : {},
          });
        }
        const r = rules(() => addLicenses(world, { quantity: 1, ...(key ? { idempotencyKey: key } : {}) }));
        if (!r.replayed)
          next = { ...world, orders: [...world.orders, r.order], invoices: [...world.invoices, r.invoice] };
        body = { order: orderView(r.order), invoice: invoiceView(next, r.invoice) };
      }
    }
    const revived: Person = { ...person };
    delete revived.deactivatedOn;
    const changed = this.#withPerson(next, i, revived);
    rules(() => requireLicenseCoverage(world, changed, 'buyLicense'));
    next = this.#commit(changed);
    return { status: 200, body: { user: userRow(next, i), ...body }, replayed: false };
  }

  #applySwapCard(): MutationResult<ApiPaymentMethod> {
    const world = this.world;
    const next = this.#commit({
      ...world,
      paymentMethod: { kind: 'card', brand: 'visa', last4: '4242', expires: addMonths(monthOf(world.today), 36) },
    });
    return { status: 200, body: paymentMethodView(next) as ApiPaymentMethod, replayed: false };
  }

  // ---------------------------------------------------------------------------------------
  // Persistence

  #snapshot(): PersistedSession {
    return {
      version: 1,
      base: this.#base.kind === 'scenario' ? { kind: 'scenario', name: this.#base.name } : { kind: 'world' },
      mutations: this.#log,
      role: this.#role,
      faults: this.#faults.list(),
    };
  }

  /** Queues a save of the session (and of the custom world when `world`); saves coalesce. */
  #persist(world = false): void {
    const adapter = this.#adapter;
    if (!adapter) return;
    if (world) this.#saveWorld = true;
    if (this.#saveQueued) return;
    this.#saveQueued = true;
    this.#saving = this.#saving
      .then(async () => {
        this.#saveQueued = false;
        const snapshot = this.#snapshot();
        if (this.#saveWorld && this.#base.kind === 'world') {
          this.#saveWorld = false;
          await adapter.set(WORLD_KEY, this.#base.world);
          this.#worldStored = true;
        } else if (this.#base.kind === 'scenario' && this.#worldStored) {
          await adapter.delete(WORLD_KEY);
          this.#worldStored = false;
        }
        await adapter.set(SESSION_KEY, snapshot);
      })
      .catch((e: unknown) => {
        console.warn('[billing mock] could not save the mock state:', e);
      });
  }

  async #restore(adapter: PersistenceAdapter): Promise<void> {
    let saved: PersistedSession | undefined;
    let world: World | undefined;
    try {
      saved = (await adapter.get(SESSION_KEY)) as PersistedSession | undefined;
      if (saved?.base?.kind === 'world') world = (await adapter.get(WORLD_KEY)) as World | undefined;
    } catch (e) {
      console.warn('[billing mock] could not read the saved mock state:', e);
      return;
    }
    if (!saved || saved.version !== 1 || !Array.isArray(saved.mutations)) return;
    if (saved.base.kind === 'world' && !world) return;
    if (saved.base.kind === 'scenario' && !scenarioNames().includes(saved.base.name)) return;
    this.#role = saved.role === null || isRoleName(saved.role) ? saved.role : 'admin';
    if (checkFaults(saved.faults).length === 0) this.#faults.set(saved.faults);
    this.#base = world ? { kind: 'world', world } : (saved.base as WorldBase);
    this.#saveWorld = false;
    this.#worldStored = world !== undefined;
    this.#world = saved.mutations.length > 0 || world ? this.#materialise(this.#base) : undefined;
    this.#log = [];
    this.#records.clear();
    for (const m of saved.mutations) {
      try {
        this.#replay(m);
      } catch (e) {
        console.warn('[billing mock] stopped replaying the saved changes at', m, e);
        this.#persist();
        break;
      }
    }
  }

  /** Re-applies a logged mutation, rebuilding its idempotency record. */
  #replay(m: Mutation): void {
    const run = () => {
      const result = this.#apply(m);
      this.#log.push(m);
      return result;
    };
    switch (m.op) {
      case 'order-licenses':
        this.#idempotent(m.key, 'orderLicenses', { kind: m.kind, quantity: m.quantity }, run);
        return;
      case 'schedule-change':
        this.#idempotent(m.key, 'scheduleChange', canonicalChange(m.change), run);
        return;
      case 'settle':
        this.#idempotent(m.key, 'settleBalance', {}, run);
        return;
      case 'deactivate':
        this.#idempotent(m.key, 'deactivateUser', { userId: m.userId, removeLicense: m.removeLicense }, run);
        return;
      case 'reactivate':
        this.#idempotent(m.key, 'reactivateUser', { userId: m.userId, buyLicense: m.buyLicense }, run);
        return;
      default:
        run();
    }
  }
}

/** A store with its persisted state restored. */
export async function createStore(options: MockStoreOptions = {}): Promise<MockStore> {
  const store = new MockStore(options);
  await store.ready;
  return store;
}
