/// <reference types="node" />
/**
 * `node:http` ↔ standard `Request`/`Response`: an incoming message becomes a `Request`
 * (headers as sent, the body read up to a limit, a signal that aborts when the client goes
 * away or the server shuts down), and the `Response` is streamed back as it comes (binary
 * PDFs, CSV). `Response.error()` (the mock's `network-error` and `hang` faults) closes the
 * socket without an answer, as a failing server would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { INTERNAL_DETAIL, problem } from '../http/problem.js';
import type { FetchHandler } from './fetch-handler.js';

/** The largest request body read by default: 64 MiB (a 100,000-person world is about 20 MB). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Connection-level headers, which belong to one hop and never to a `Request`. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'http2-settings',
]);

/** One request as served: what the request log prints. */
export interface ServedRequest {
  method: string;
  /** The path with its query, as sent. */
  path: string;
  /** The status sent, or `0` when the socket closed without one. */
  status: number;
  /** From the request's arrival to the last byte sent (or the close). */
  ms: number;
  /** Why no full answer was sent: the mock closed the socket (a fault), or the client went away. */
  error?: 'network-error' | 'client-closed' | 'stream-failed';
}

/** Options of {@link createNodeListener}. */
export interface NodeListenerOptions {
  /** `http://host:port` to use when a request has no usable `Host` header. */
  fallbackOrigin: () => string;
  /** Larger bodies are refused with `413` (default {@link DEFAULT_MAX_BODY_BYTES}). */
  maxBodyBytes?: number;
  /** Called once per request, when its socket is done with it. */
  onServed?: (served: ServedRequest) => void;
  /** Called with each request's abort controller while it is in flight (for a shutdown). */
  onStart?: (abort: AbortController) => void;
  onEnd?: (abort: AbortController) => void;
}

class BodyTooLarge extends Error {}

/** The origin the client addressed (from `Host`), or the fallback. */
function originOf(req: IncomingMessage, fallback: () => string): string {
  const host = req.headers.host;
  if (host) {
    try {
      const url = new URL(`http://${host}`);
      if (url.host !== '' && url.pathname === '/' && !url.username) return url.origin;
    } catch {
      // fall through
    }
  }
  return fallback();
}

/** The body, read whole (bounded by `max`), or `undefined` for none. */
async function readBody(req: IncomingMessage, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return size === 0 && req.headers['content-length'] === undefined ? undefined : Buffer.concat(chunks, size);
}

/**
 * The `Request` for an incoming message. `HEAD` is asked as `GET` (Node sends no body for
 * a `HEAD` answer), so every `GET` endpoint answers `HEAD` too.
 */
export async function toRequest(
  req: IncomingMessage,
  options: { origin: string; signal: AbortSignal; maxBodyBytes: number },
): Promise<Request> {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, raw[i + 1] as string);
  }
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const body = method === 'GET' ? undefined : await readBody(req, options.maxBodyBytes);
  return new Request(new URL(req.url ?? '/', options.origin), {
    method,
    headers,
    body: body as BodyInit | undefined,
    signal: options.signal,
  });
}

/**
 * Sends `response` on `res`, streaming its body. Resolves to what happened: `sent`, or an
 * error kind when the answer could not be completed.
 */
export async function sendResponse(
  res: ServerResponse,
  response: Response,
): Promise<'sent' | 'network-error' | 'client-closed' | 'stream-failed'> {
  if (response.type === 'error' || response.status === 0) {
    res.destroy();
    return 'network-error';
  }
  if (res.destroyed) return 'client-closed';
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, response.statusText || undefined, headers);
  if (!response.body) {
    res.end();
    return 'sent';
  }
  try {
    await pipeline(Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>), res);
    return 'sent';
  } catch {
    res.destroy();
    return res.writableFinished ? 'sent' : res.errored || !res.socket ? 'client-closed' : 'stream-failed';
  }
}

/** A `node:http` request listener serving `handle`. */
export function createNodeListener(
  handle: FetchHandler,
  options: NodeListenerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (req, res) => {
    const started = performance.now();
    const abort = new AbortController();
    let error: ServedRequest['error'];
    options.onStart?.(abort);
    res.once('close', () => {
      if (!res.writableFinished) {
        error ??= 'client-closed';
        abort.abort();
      }
      options.onEnd?.(abort);
      options.onServed?.({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        status: error === undefined || res.headersSent ? res.statusCode : 0,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(error ? { error } : {}),
      });
    });

    void (async () => {
      let response: Response;
      try {
        const request = await toRequest(req, {
          origin: originOf(req, options.fallbackOrigin),
          signal: abort.signal,
          maxBodyBytes,
        });
        response = await handle(request).catch((failure: unknown) => {
          // A handler that throws is the server's fault: a 500 that tells nothing of the internals.
          console.error('[billing mock] the handler failed:', failure);
          return problem(500, { code: 'internal', detail: INTERNAL_DETAIL }, (req.url ?? '/').split('?')[0]);
        });
      } catch (e) {
        const instance = (req.url ?? '/').split('?')[0];
        if (e instanceof BodyTooLarge) {
          res.shouldKeepAlive = false;
          response = problem(
            413,
            {
              code: 'body-too-large',
              title: 'The request is too large',
              detail: `The mock reads request bodies up to ${maxBodyBytes} bytes.`,
            },
            instance,
          );
        } else {
          response = problem(
            400,
            { code: 'unreadable-request', detail: `The request could not be read: ${(e as Error).message}` },
            instance,
          );
        }
      }
      // Set before the socket closes, so the log names it.
      if (response.type === 'error' || response.status === 0) error = 'network-error';
      const outcome = await sendResponse(res, response);
      if (outcome !== 'sent') error ??= outcome;
    })();
  };
}
