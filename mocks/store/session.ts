/**
 * The world and the session around it: where the world came from (a scenario or a world
 * of the caller's), the current world, who the caller is (role) and the faults in force.
 * "Today" is the world's own `today`: the clock moves by a logged change
 * (`mutations.ts`), never by itself.
 *
 * Worlds are immutable. Every change builds a new world object (new arrays for what
 * changed) and replaces the old one: the engine caches its indexes in `WeakMap`s keyed by
 * world identity, and so do the users list caches.
 *
 * The faults are kept here as data (the contract's `Fault`, with what is left of their
 * `times`) because they belong to the session and are saved with it; what they do to a
 * request, and checking them, is the HTTP layer's (`mocks/http/faults.ts`).
 */
import { WorldError } from '../engine/errors.js';
import type { World } from '../engine/types.js';
import { validateWorldAll } from '../engine/validate.js';
import type { ApiFault } from './contract.js';
import { invalid, StoreError, worldErrors } from './errors.js';
import { withDueInvoices } from './mutations.js';
import { DEFAULT_SCENARIO, scenarioNames, scenarioWorld } from './scenario-source.js';

/** A fault in force: how the mock misbehaves on an operation (see `mocks/http/faults.ts`). */
export type Fault = ApiFault;
/** The kinds of fault. */
export type FaultKind = Fault['kind'];

/** Where the store's world comes from before any change. */
export type WorldBase = { kind: 'scenario'; name: string } | { kind: 'world'; world: World };

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

/** Refuses a role that is neither a role name nor `null` (no session). */
export function checkRole(role: unknown): asserts role is string | null {
  if (role !== null && !isRoleName(role)) throw invalid('role', 'invalid', ROLE_MESSAGE);
}

function unknownScenario(name: string): StoreError {
  return new StoreError(
    'not-found',
    'unknown-scenario',
    `There is no scenario ${JSON.stringify(name)}; try one of ${scenarioNames().join(', ')}.`,
  );
}

/** `world` if the validator finds nothing wrong with it; otherwise every problem, up to a thousand. */
function validated(world: unknown): World {
  // A badly broken 100,000-person world would list far more.
  const problems = validateWorldAll(world, 1000);
  if (problems.length > 0) throw worldErrors(problems);
  return world as World;
}

/** The base's world with the invoices due appended. */
function materialise(base: WorldBase, fresh?: World): World {
  const world = fresh ?? (base.kind === 'world' ? base.world : scenarioWorld(base.name));
  if (!world) throw unknownScenario(base.kind === 'scenario' ? base.name : '');
  try {
    return withDueInvoices(world);
  } catch (e) {
    if (e instanceof WorldError) throw worldErrors([e]);
    throw e;
  }
}

/** The world, where it came from, the caller's role and the faults in force. */
export class WorldSession {
  #base: WorldBase;
  #world: World | undefined;
  #role: string | null;
  #faults: Fault[] = [];
  readonly #faultWatchers = new Set<() => void>();

  /** A session on a scenario (default `injixo-advanced`) or a world (validated); role `admin` unless given. */
  constructor(options: { scenario?: string; world?: World; role?: string | null; faults?: readonly Fault[] } = {}) {
    const role = options.role === undefined ? 'admin' : options.role;
    checkRole(role);
    this.#role = role;
    if (options.faults) this.#faults = copyFaults(options.faults);
    if (options.world) {
      this.#base = { kind: 'world', world: validated(options.world) };
      this.#world = materialise(this.#base);
    } else {
      const name = options.scenario ?? DEFAULT_SCENARIO;
      if (!scenarioNames().includes(name)) throw unknownScenario(name);
      this.#base = { kind: 'scenario', name };
    }
  }

  /** Where the world came from. */
  get base(): WorldBase {
    return this.#base;
  }

  /** The current world (built on first use for a scenario). */
  get world(): World {
    return (this.#world ??= materialise(this.#base));
  }

  /** Replaces the current world (the next world of a change). */
  set world(world: World) {
    this.#world = world;
  }

  /** The caller's role; `null` when there is no session. */
  get role(): string | null {
    return this.#role;
  }

  set role(role: string | null) {
    checkRole(role);
    this.#role = role;
  }

  /** Loads a world after checking it: a malformed one is refused (`invalid-world`, every problem listed). */
  loadWorld(world: unknown): void {
    const base: WorldBase = { kind: 'world', world: validated(world) };
    const built = materialise(base);
    this.#base = base;
    this.#world = built;
  }

  /** Loads a named scenario (a fresh world); an unknown name is `not-found`. */
  loadScenario(name: string): void {
    const world = scenarioWorld(name);
    if (!world) throw unknownScenario(name);
    const base: WorldBase = { kind: 'scenario', name };
    this.#world = materialise(base, world);
    this.#base = base;
  }

  /** Back to the default scenario (built on first use), role admin, no faults. */
  reset(): void {
    this.#base = { kind: 'scenario', name: DEFAULT_SCENARIO };
    this.#world = undefined;
    this.#role = 'admin';
    this.setFaults([]);
  }

  /**
   * Takes up a saved session: its base, role (`admin` when the saved one is not a role
   * name) and faults. The world is built now when `build` (changes will be replayed on
   * it), else on first use. False, changing nothing, when the base is a scenario that no
   * longer exists.
   */
  resume(base: WorldBase, role: unknown, faults: unknown, build: boolean): boolean {
    if (base.kind === 'scenario' && !scenarioNames().includes(base.name)) return false;
    this.#role = role === null || isRoleName(role) ? role : 'admin';
    if (Array.isArray(faults)) this.#faults = copyFaults(faults as Fault[]);
    this.#base = base;
    this.#world = build ? materialise(base) : undefined;
    return true;
  }

  /** A copy of the faults in force. */
  get faults(): Fault[] {
    return copyFaults(this.#faults);
  }

  /** Replaces the faults in force; whoever watches them ({@link watchFaults}) hears of it. */
  setFaults(faults: readonly Fault[]): void {
    this.#faults = copyFaults(faults);
    for (const watcher of [...this.#faultWatchers]) watcher();
  }

  /** Keeps what is left of the faults after requests used them (their `times` counted down); nobody is told. */
  faultsUsed(left: readonly Fault[]): void {
    this.#faults = copyFaults(left);
  }

  /** Calls `watcher` each time the faults are replaced, until the returned function is called. */
  watchFaults(watcher: () => void): () => void {
    this.#faultWatchers.add(watcher);
    return () => this.#faultWatchers.delete(watcher);
  }
}

function copyFaults(faults: readonly Fault[]): Fault[] {
  return faults.map((f) => ({ ...f }));
}
