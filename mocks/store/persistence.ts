/**
 * Where the mock store keeps its state between page loads: a tiny key–value adapter, so
 * the browser can use IndexedDB (a 100,000-person world is ~20 MB of JSON, far beyond
 * localStorage), Node and tests memory, and a host anything else.
 *
 * The store writes compactly (see `store.ts`): the scenario name and the list of
 * mutations applied since (replayed on load), plus the whole world only when a custom
 * one was loaded.
 */

/** A key–value store of structured-clonable values. */
export interface PersistenceAdapter {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * In memory: survives a store re-created with the same adapter, not a page reload.
 * Values are cloned on the way in and out, like IndexedDB does.
 */
export function memoryAdapter(): PersistenceAdapter & { readonly size: number } {
  const data = new Map<string, unknown>();
  return {
    get size() {
      return data.size;
    },
    async get(key) {
      return data.has(key) ? structuredClone(data.get(key)) : undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async delete(key) {
      data.delete(key);
    },
  };
}

/** Options of {@link indexedDbAdapter}. */
export interface IndexedDbAdapterOptions {
  /** Database name; default `billing-elements-mock`. Use one per app (or per test) to keep states apart. */
  dbName?: string;
}

const STORE_NAME = 'state';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** IndexedDB, for the browser mock: the state survives reloads until the mock is reset. */
export function indexedDbAdapter(options: IndexedDbAdapterOptions = {}): PersistenceAdapter {
  const dbName = options.dbName ?? 'billing-elements-mock';
  let opening: Promise<IDBDatabase> | undefined;
  const db = (): Promise<IDBDatabase> =>
    (opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') {
        reject(new Error('IndexedDB is not available here; use memoryAdapter()'));
        return;
      }
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Cannot open IndexedDB ${dbName}`));
      request.onblocked = () => reject(new Error(`IndexedDB ${dbName} is blocked by another tab`));
    }));
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await db()).transaction(STORE_NAME, mode);
    const result = promised(op(tx.objectStore(STORE_NAME)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    set: async (key, value) => {
      await run('readwrite', (s) => s.put(value, key));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}
