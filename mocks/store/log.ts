/**
 * The mutation log: every change applied since the world was loaded, with what it
 * answered, and its persistence.
 *
 * Persistence is compact: the base (a scenario name, or a whole custom world), the role,
 * the faults and the list of mutations, replayed on load. Replaying is exact because the
 * engine is deterministic and the clock is a mutation too; replaying also gives back each
 * change's answer, so a repeated request is answered the same after a reload.
 *
 * Saved under two keys of a {@link PersistenceAdapter}: `session` (a {@link SavedSession})
 * and, only for a custom world, `world`. Saves are queued and coalesce: a burst of changes
 * is one write.
 *
 * Format versions of `session`:
 * - 1: `put-details` logged the request's `If-Match` text (`ifMatch`).
 * - 2 (written now): `put-details` logs the versions it was based on (`basedOn`). A
 *   version 1 session still loads: a logged save was accepted when it was made, and the
 *   replay reaches the same version, so its `ifMatch` reads as `basedOn: '*'`.
 */
import type { World } from '../engine/types.js';
import type { Mutation, MutationResult } from './mutations.js';
import type { PersistenceAdapter } from './persistence.js';
import type { WorldBase } from './session.js';

/** A change in the log and what it answered. */
export interface LoggedChange {
  readonly mutation: Mutation;
  readonly result: MutationResult<unknown>;
}

/** What is saved under the key `session`. */
interface SavedSessionV2 {
  version: 2;
  base: { kind: 'scenario'; name: string } | { kind: 'world' };
  mutations: Mutation[];
  role: string | null;
  faults: unknown[];
}

/** A saved session as read back: the base with its world, and the changes to replay (in today's format). */
export interface SavedSession {
  base: WorldBase;
  mutations: Mutation[];
  /** As saved: the session checks it. */
  role: unknown;
  /** As saved: the session checks it. */
  faults: unknown;
}

/** What the log saves besides the changes: read when a save runs. */
export interface SessionSource {
  base: WorldBase;
  role: string | null;
  faults: unknown[];
}

const SESSION_KEY = 'session';
const WORLD_KEY = 'world';
const FORMAT = 2;

/** A version 1 change in today's format (see the module's notes). */
function upgradeV1(m: Mutation | { op: 'put-details'; input: unknown; ifMatch: string }): Mutation {
  if (m.op === 'put-details' && 'ifMatch' in m) {
    const { ifMatch: _, ...rest } = m;
    return { ...rest, basedOn: '*' } as Mutation;
  }
  return m as Mutation;
}

/** The changes since the world was loaded, and where they are saved. */
export class MutationLog {
  #entries: LoggedChange[] = [];
  readonly #adapter: PersistenceAdapter | undefined;
  readonly #source: () => SessionSource;
  #saving: Promise<void> = Promise.resolve();
  #saveQueued = false;
  #saveWorld = false;
  /** Whether the adapter holds a custom world (dropped once the base is a scenario again). */
  #worldStored = false;

  /** A log saving to `adapter` (none: kept in memory only); `source` gives the rest of the session when a save runs. */
  constructor(adapter: PersistenceAdapter | undefined, source: () => SessionSource) {
    this.#adapter = adapter;
    this.#source = source;
  }

  /**
   * The changes, oldest first. The array is appended to in place and replaced (never
   * emptied) when the log is cleared, so a reader may index it by identity and length.
   */
  get entries(): readonly LoggedChange[] {
    return this.#entries;
  }

  /** A copy of the logged mutations, oldest first. */
  get mutations(): Mutation[] {
    return this.#entries.map((e) => structuredClone(e.mutation));
  }

  /** Logs a change that was applied. Call {@link save} to save it. */
  append(mutation: Mutation, result: MutationResult<unknown>): void {
    this.#entries.push({ mutation, result });
  }

  /** Forgets every change (a world or scenario was loaded). */
  clear(): void {
    this.#entries = [];
  }

  /** Makes the next save write the custom world too (a world given to the store, saved with its first change). */
  saveWorldNext(): void {
    this.#saveWorld = true;
  }

  /** Queues a save of the session (and of the custom world when `world`); saves coalesce. */
  save(world = false): void {
    const adapter = this.#adapter;
    if (!adapter) return;
    if (world) this.#saveWorld = true;
    if (this.#saveQueued) return;
    this.#saveQueued = true;
    this.#saving = this.#saving
      .then(async () => {
        this.#saveQueued = false;
        const { base, role, faults } = this.#source();
        const saved: SavedSessionV2 = {
          version: FORMAT,
          base: base.kind === 'scenario' ? { kind: 'scenario', name: base.name } : { kind: 'world' },
          mutations: this.#entries.map((e) => e.mutation),
          role,
          faults,
        };
        if (this.#saveWorld && base.kind === 'world') {
          this.#saveWorld = false;
          await adapter.set(WORLD_KEY, base.world);
          this.#worldStored = true;
        } else if (base.kind === 'scenario' && this.#worldStored) {
          await adapter.delete(WORLD_KEY);
          this.#worldStored = false;
        }
        await adapter.set(SESSION_KEY, saved);
      })
      .catch((e: unknown) => {
        console.warn('[billing mock] could not save the mock state:', e);
      });
  }

  /**
   * The saved session, or `undefined` when there is none, it cannot be read, or it is of
   * an unknown format.
   */
  async read(): Promise<SavedSession | undefined> {
    const adapter = this.#adapter;
    if (!adapter) return undefined;
    let saved: (Omit<SavedSessionV2, 'version'> & { version: unknown }) | undefined;
    let world: World | undefined;
    try {
      saved = (await adapter.get(SESSION_KEY)) as typeof saved;
      if (saved?.base?.kind === 'world') world = (await adapter.get(WORLD_KEY)) as World | undefined;
    } catch (e) {
      console.warn('[billing mock] could not read the saved mock state:', e);
      return undefined;
    }
    if (!saved || (saved.version !== 1 && saved.version !== FORMAT) || !Array.isArray(saved.mutations))
      return undefined;
    if (saved.base.kind === 'world' && !world) return undefined;
    const mutations = saved.version === 1 ? saved.mutations.map(upgradeV1) : saved.mutations;
    return {
      base: world ? { kind: 'world', world } : (saved.base as WorldBase),
      mutations,
      role: saved.role,
      faults: saved.faults,
    };
  }

  /** The saved session was taken up: the custom world (if any) is saved already. */
  resumed(worldStored: boolean): void {
    this.#saveWorld = false;
    this.#worldStored = worldStored;
  }

  /** Saves queued from now on wait for `done` (the restore of the saved state). */
  after(done: Promise<void>): void {
    this.#saving = done;
  }

  /** Queues deleting the saved state. */
  forget(): void {
    const adapter = this.#adapter;
    if (!adapter) return;
    this.#saving = this.#saving.then(async () => {
      await adapter.delete(WORLD_KEY);
      await adapter.delete(SESSION_KEY);
      this.#worldStored = false;
    });
  }

  /** Resolves when every save queued so far is done. */
  async flush(): Promise<void> {
    let pending: Promise<void>;
    do {
      pending = this.#saving;
      await pending;
    } while (pending !== this.#saving);
  }
}
