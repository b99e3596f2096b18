/// <reference types="node" />
/**
 * The store's persistence (see `mocks/store/persistence.ts`) in one JSON file, for the
 * standalone server: read once when created, rewritten after every save, atomically (a
 * temporary file beside it, flushed to disk, then renamed over it), so a crash or a kill
 * leaves either the old state or the new one, never half of one.
 *
 * The file holds what the store saves: the session (the scenario or `world` base, the
 * mutations since, role, faults) and, for a custom world, the world. Saves are serialised
 * and coalesced: a save asked for while one is queued is the same save.
 *
 * ```json
 * { "format": "billing-elements-mock-state", "version": 1, "entries": { "session": { … } } }
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { pid } from 'node:process';
import type { PersistenceAdapter } from '../store/persistence.js';

export const STATE_FORMAT = 'billing-elements-mock-state';

/** A {@link PersistenceAdapter} over a JSON file. */
export interface JsonFileAdapter extends PersistenceAdapter {
  readonly path: string;
  /** True when the file held a saved session when it was read (the store restores it). */
  readonly hadState: boolean;
  /** Resolves when every save asked for so far is on disk. */
  flush(): Promise<void>;
}

/** An error reading the state file: its message names the file and what to do. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

function readState(path: string): Map<string, string> {
  const entries = new Map<string, string>();
  if (!existsSync(path)) return entries;
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    if (text.trim() === '') return entries;
    parsed = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(
      `Cannot read the saved mock state in ${path}: ${(e as Error).message}. Delete the file to start afresh.`,
    );
  }
  const o = parsed as { format?: unknown; version?: unknown; entries?: unknown };
  if (
    typeof o !== 'object' ||
    o === null ||
    o.format !== STATE_FORMAT ||
    o.version !== 1 ||
    typeof o.entries !== 'object' ||
    o.entries === null
  ) {
    throw new StateFileError(
      `${path} is not a saved mock state (expected {"format": "${STATE_FORMAT}", "version": 1, "entries": {…}}). ` +
        'Name another file, or delete this one to start afresh.',
    );
  }
  for (const [key, value] of Object.entries(o.entries)) entries.set(key, JSON.stringify(value));
  return entries;
}

/**
 * An adapter keeping the state in the JSON file at `path` (created on the first save; its
 * folder must exist). Throws a {@link StateFileError} when the file exists but is not a
 * saved state.
 */
export function jsonFileAdapter(path: string): JsonFileAdapter {
  // Each value is kept as its JSON text: copied on the way in and out (as IndexedDB does),
  // and a big custom world is not serialised again on every save of the session.
  const entries = readState(path);
  const hadState = entries.has('session');
  let writing: Promise<void> = Promise.resolve();
  let queued = false;
  const temp = `${path}.${pid}.tmp`;

  const serialise = () =>
    `{"format":${JSON.stringify(STATE_FORMAT)},"version":1,"entries":{${[...entries]
      .map(([key, json]) => `\n${JSON.stringify(key)}:${json}`)
      .join(',')}\n}}\n`;

  const writeNow = async () => {
    queued = false;
    const text = serialise();
    const file = await open(temp, 'w');
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temp, path);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  };

  const save = (): Promise<void> => {
    if (queued) return writing;
    queued = true;
    // A failed save does not stop the next one (the store logs the failure).
    writing = writing.catch(() => undefined).then(writeNow);
    return writing;
  };

  return {
    path,
    hadState,
    async get(key) {
      const json = entries.get(key);
      return json === undefined ? undefined : JSON.parse(json);
    },
    async set(key, value) {
      const json = JSON.stringify(value) as string | undefined;
      if (json === undefined) entries.delete(key);
      else entries.set(key, json);
      await save();
    },
    async delete(key) {
      if (entries.delete(key)) await save();
    },
    async flush() {
      let pending: Promise<void>;
      do {
        pending = writing;
        await pending.catch(() => undefined);
      } while (pending !== writing);
    },
  };
}
