/**
 * CORS for a front end served from another origin (a dev server on another port, a
 * deployed preview): the allowed origins, the headers every answer to one of them
 * carries, and the answer to a preflight. Plain `Request`/`Response`, no Node.
 *
 * An origin in the list is echoed back with `Access-Control-Allow-Credentials: true`, so
 * a host sending cookies works too; `*` allows every origin without credentials (the
 * browser refuses credentials with a wildcard anyway).
 */

/** Response headers a page may read: the ones the elements and the client need. */
export const EXPOSED_HEADERS = [
  'ETag',
  'Idempotent-Replayed',
  'Retry-After',
  'Content-Disposition',
  'Location',
  'WWW-Authenticate',
] as const;

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS';
const DEFAULT_ALLOWED_HEADERS = 'Content-Type, If-Match, Idempotency-Key, Authorization, Accept, Accept-Language';

/** The allowed origins: a list of `scheme://host[:port]`, or `*`. */
export type CorsOrigins = readonly string[];

/**
 * Parses `--cors` (origins separated by commas). Throws a plain message naming the bad
 * entry: each is `*` or an origin with a scheme, a host and maybe a port, nothing else.
 */
export function parseCorsOrigins(value: string): string[] {
  const origins: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (entry === '*') {
      origins.push('*');
      continue;
    }
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`${JSON.stringify(entry)} is not an origin; write it as http://localhost:5173 (or * for any).`);
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new Error(
        `${JSON.stringify(entry)} is not an origin: give the scheme, host and port only, e.g. ${url.origin === 'null' ? 'http://localhost:5173' : url.origin}.`,
      );
    }
    origins.push(url.origin);
  }
  if (origins.length === 0) throw new Error('Name at least one origin, e.g. --cors http://localhost:5173.');
  return origins;
}

/** The `Access-Control-Allow-*` headers for a request from `origin`, or `undefined` when it is not allowed. */
export function corsHeaders(origins: CorsOrigins, origin: string | null): Record<string, string> | undefined {
  if (origin === null || origins.length === 0) return undefined;
  if (origins.includes(origin)) {
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
      Vary: 'Origin',
    };
  }
  if (origins.includes('*')) {
    return {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    };
  }
  return undefined;
}

/** True for a CORS preflight: `OPTIONS` with `Origin` and `Access-Control-Request-Method`. */
export function isPreflight(request: Request): boolean {
  return (
    request.method === 'OPTIONS' &&
    request.headers.has('Origin') &&
    request.headers.has('Access-Control-Request-Method')
  );
}

/**
 * The answer to a preflight: `204` with what may be sent (the requested headers are
 * allowed as asked), or `403` naming the option when the origin is not allowed (the
 * browser then reports a CORS failure; the server's log shows why).
 */
export function preflight(origins: CorsOrigins, request: Request): Response {
  const allowed = corsHeaders(origins, request.headers.get('Origin'));
  if (!allowed) {
    return new Response(
      JSON.stringify({
        type: 'urn:billing:problem:cors-origin-not-allowed',
        title: 'Origin not allowed',
        status: 403,
        code: 'cors-origin-not-allowed',
        detail: `The mock allows no requests from ${request.headers.get('Origin')}; start it with --cors ${request.headers.get('Origin')}.`,
      }),
      { status: 403, headers: { 'Content-Type': 'application/problem+json', Vary: 'Origin' } },
    );
  }
  const requested = request.headers.get('Access-Control-Request-Headers');
  return new Response(null, {
    status: 204,
    headers: {
      ...allowed,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': requested && requested.trim() !== '' ? requested : DEFAULT_ALLOWED_HEADERS,
      'Access-Control-Max-Age': '600',
      Vary: 'Origin, Access-Control-Request-Headers',
    },
  });
}
