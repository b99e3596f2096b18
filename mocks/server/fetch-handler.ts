/**
 * The mock as a fetch handler, `(request: Request) => Promise<Response>`: MSW's
 * `getResponse` over the kit's own handlers (the very ones the in-process mock uses), plus
 * what a real server adds around them: CORS, a fixed latency, and a problem document for a
 * path no handler answers. No Node here: `adapter.ts` puts it on `node:http`, and any
 * runtime that speaks `Request`/`Response` could serve it as is.
 *
 * A fault of the store comes back as MSW answers it in process: a problem (500, 429), or
 * `Response.error()` for `network-error` and `hang`, which the HTTP side turns into a
 * closed socket.
 */
import { getResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { INTERNAL_DETAIL, problem } from '../http/problem.js';
import { corsHeaders, isPreflight, preflight } from './cors.js';
import type { CorsOrigins } from './cors.js';

/** Options of {@link createFetchHandler}. */
export interface FetchHandlerOptions {
  /** Where the API is mounted, e.g. `/api/billing` (the handlers' own base path). */
  basePath: string;
  /** Origins allowed to call from a browser (`*` for any); none by default. */
  cors?: CorsOrigins;
  /** Wait this long before answering any API request (not the `/__mock` ones). */
  latencyMs?: number;
}

/** A fetch-style handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Resolves after `ms`, or at once when `signal` aborts. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** `response` with `headers` added (a copy: a response's own headers may be immutable). */
function withHeaders(response: Response, headers: Record<string, string> | undefined): Response {
  if (!headers || response.type === 'error') return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'Vary' && merged.has('Vary')) merged.set('Vary', `${merged.get('Vary')}, ${value}`);
    else merged.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** The mock's handlers as one fetch handler. */
export function createFetchHandler(handlers: readonly RequestHandler[], options: FetchHandlerOptions): FetchHandler {
  const basePath = options.basePath.replace(/\/+$/, '');
  const cors = options.cors ?? [];
  const latencyMs = options.latencyMs ?? 0;
  const list = [...handlers];
  const underBase = (path: string) => basePath === '' || path === basePath || path.startsWith(`${basePath}/`);

  return async (request) => {
    const url = new URL(request.url);
    if (cors.length > 0 && isPreflight(request)) return preflight(cors, request);
    const extra = corsHeaders(cors, request.headers.get('Origin'));
    if (latencyMs > 0 && underBase(url.pathname) && !url.pathname.startsWith(`${basePath}/__mock/`)) {
      await wait(latencyMs, request.signal);
    }
    let response: Response | undefined;
    try {
      // Relative handler paths (`/api/billing/…`) resolve against the request's own origin,
      // so the mock answers whatever host name the client used (127.0.0.1, localhost, ::1).
      response = await getResponse(list, request, { baseUrl: url.origin });
    } catch (e) {
      console.error('[billing mock] the handlers failed:', e);
      response = problem(500, { code: 'internal', detail: INTERNAL_DETAIL }, url.pathname);
    }
    if (!response) {
      const where = underBase(url.pathname)
        ? `The billing API has no ${request.method} ${url.pathname.slice(basePath.length) || '/'}.`
        : `Nothing is served at ${url.pathname}: the billing API is under ${basePath || '/'}.`;
      // A problem without a `code`, as a backend answers for a route it does not have: the
      // contract's own 404s always carry one, so the elements read this as a missing endpoint.
      response = new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          detail: `${where} See openapi/billing-api.yaml.`,
          instance: url.pathname,
        }),
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return withHeaders(response, extra);
  };
}
