/// <reference types="node" />
/**
 * The mock backend as a real HTTP server: the same store and handlers as the in-process
 * mock (`createHandlers`), served over `node:http` through standard `Request`/`Response`
 * (`fetch-handler.ts`, `adapter.ts`). What `npx billing-elements mock` runs, and what a
 * test's global setup can start in process:
 *
 * ```ts
 * import { startMockServer } from 'billing-elements/mocks/server';
 * const mock = await startMockServer({ scenario: 'severa-prepaid', port: 0 });
 * // mock.url === 'http://127.0.0.1:<port>/api/billing'
 * await mock.close();
 * ```
 *
 * Loopback only unless another `host` is given. `close()` stops accepting connections,
 * lets requests in flight finish (a second later, those still waiting, such as the `hang`
 * fault, are aborted; after `shutdownGraceMs` every socket is closed), then waits for the
 * store's last save.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHandlers, DEFAULT_BASE_URL } from '../handlers/index.js';
import { MockStore } from '../store/store.js';
import type { MockStoreOptions } from '../store/store.js';
import { createNodeListener } from './adapter.js';
import type { ServedRequest } from './adapter.js';
import { createFetchHandler } from './fetch-handler.js';

export { createNodeListener, DEFAULT_MAX_BODY_BYTES, sendResponse, toRequest } from './adapter.js';
export type { NodeListenerOptions, ServedRequest } from './adapter.js';
export { corsHeaders, EXPOSED_HEADERS, parseCorsOrigins, preflight } from './cors.js';
export { createFetchHandler } from './fetch-handler.js';
export type { FetchHandler, FetchHandlerOptions } from './fetch-handler.js';
export { jsonFileAdapter, StateFileError, STATE_FORMAT } from './json-file.js';
export type { JsonFileAdapter } from './json-file.js';

export const DEFAULT_HOST = '127.0.0.1';

/** Options of {@link startMockServer}; the store's own options make a new store. */
export interface MockServerOptions extends MockStoreOptions {
  /** A store to serve (default: a new one from the store options). */
  store?: MockStore;
  /** Where the API is mounted (default `/api/billing`). */
  basePath?: string;
  /** The interface to listen on (default `127.0.0.1`: this machine only). */
  host?: string;
  /** The port (default `0`: a free one; read it from `url`). */
  port?: number;
  /** Origins a browser page may call from (`*` for any). */
  cors?: readonly string[];
  /** A delay before every API answer (not the `/__mock` ones), in milliseconds. */
  latencyMs?: number;
  /** The largest request body read (default 64 MiB); larger ones get `413`. */
  maxBodyBytes?: number;
  /** How long `close()` lets requests in flight finish before closing their sockets (default 5000 ms). */
  shutdownGraceMs?: number;
  /** Called once per request when it is done (the CLI prints it as a log line). */
  onServed?: (served: ServedRequest) => void;
}

/** A running server. */
export interface MockServer {
  /** The API's base URL, e.g. `http://127.0.0.1:4010/api/billing`. */
  readonly url: string;
  /** `http://host:port`. */
  readonly origin: string;
  readonly port: number;
  readonly basePath: string;
  readonly store: MockStore;
  readonly server: Server;
  /** Stops accepting, finishes what is in flight, waits for the last save. Idempotent. */
  close(): Promise<void>;
}

/** `host` as it goes in a URL (IPv6 in brackets; an unspecified address as `localhost`). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/** Checks a base path: `/` or `/segments` without a query, `:` or `*`. Returns it without a trailing slash. */
export function normaliseBasePath(path: string): string {
  if (!path.startsWith('/') || /[?#:*\s\\]/.test(path) || path.includes('//')) {
    throw new Error(`The base path is a path such as /api/billing (got ${JSON.stringify(path)}).`);
  }
  return path.replace(/\/+$/, '');
}

/** Starts serving the mock over HTTP. Rejects when the port cannot be used. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const basePath = normaliseBasePath(options.basePath ?? DEFAULT_BASE_URL);
  const store = options.store ?? new MockStore(options);
  await store.ready;
  const handle = createFetchHandler(createHandlers(store, { baseUrl: basePath }), {
    basePath,
    cors: options.cors ?? [],
    latencyMs: options.latencyMs ?? 0,
  });

  const inFlight = new Set<AbortController>();
  let closing = false;
  let drained: (() => void) | undefined;
  let origin = '';
  const server = createServer(
    createNodeListener(handle, {
      fallbackOrigin: () => origin,
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.onServed ? { onServed: options.onServed } : {}),
      onStart: (abort) => inFlight.add(abort),
      onEnd: (abort) => {
        inFlight.delete(abort);
        if (!closing) return;
        server.closeIdleConnections();
        if (inFlight.size === 0) drained?.();
      },
    }),
  );
  server.keepAliveTimeout = 5000;

  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${urlHost(host)}:${port}`;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      server.close();
      server.closeIdleConnections();
      // Every request in flight is logged (its `close` seen) before this resolves.
      const idle = inFlight.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
      const grace = options.shutdownGraceMs ?? 5000;
      const abortAll = () => {
        for (const abort of inFlight) abort.abort();
      };
      const timers = [
        // Requests in flight finish on their own; after a second, those still waiting (a
        // hang, a long latency) are aborted: a hang then ends with a closed socket.
        setTimeout(abortAll, Math.min(1000, grace)),
        setTimeout(() => {
          abortAll();
          server.closeAllConnections();
          timers.push(setTimeout(() => drained?.(), 100));
        }, grace),
      ];
      await idle;
      for (const timer of timers) clearTimeout(timer);
      await store.flush();
    })());

  return { url: `${origin}${basePath}`, origin, port, basePath, store, server, close };
}
