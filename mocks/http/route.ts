/**
 * One handler per operation, all built the same way: wait for the store → faults (never
 * on the mock's own control endpoints) → auth → the request checked against its
 * operation in the contract (`validate.ts`) → the resolver (store/engine → respond).
 * Anything thrown becomes a problem response, so a handler never leaves a request
 * unanswered by accident. An operation the contract does not have, or has at another
 * method or path, fails when the handlers are built.
 */
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import type { MockStore, MutationResult } from '../store/store.js';
import { authorize } from './auth.js';
import type { Access } from './auth.js';
import { applyFaults } from './faults.js';
import { problemFromError } from './problem.js';
import { checkRequest, operationSpec } from './validate.js';
import type { CheckedRequest } from './validate.js';

/** What a resolver gets: the request, checked against the contract, and the store. */
export interface RouteContext extends CheckedRequest {
  request: Request;
  params: Record<string, string>;
  url: URL;
  store: MockStore;
}

export type RouteResolver = (ctx: RouteContext) => Response | Promise<Response>;

/** An operation of the contract: method, path below the base URL, operationId and who may call it. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  operationId: string;
  /** `mock`: the mock's control endpoints, never subject to faults or roles. */
  access: Access | 'mock';
  /**
   * Body keywords left to the rules behind the handler, which answer them with their own
   * codes and messages (the billing details rules: `422`).
   */
  defer?: readonly string[];
}

/** Where the handlers are mounted and which store they serve. */
export interface RouteTarget {
  store: MockStore;
  /** E.g. `/api/billing` (browser) or `http://billing.test/api/billing` (Node). No trailing slash. */
  baseUrl: string;
}

/** The MSW handler of one operation. */
export function route(target: RouteTarget, spec: RouteSpec, resolver: RouteResolver): HttpHandler {
  const { store, baseUrl } = target;
  const op = operationSpec(spec.operationId);
  const contractPath = op.path.replace(/\{(\w+)\}/g, ':$1');
  if (op.method !== spec.method || contractPath !== spec.path) {
    throw new Error(
      `${spec.operationId} is ${op.method.toUpperCase()} ${op.path} in the contract, not ${spec.method.toUpperCase()} ${spec.path}.`,
    );
  }
  const defer = spec.defer ? new Set(spec.defer) : undefined;
  return http[spec.method](`${baseUrl}${spec.path}`, async ({ request, params }) => {
    const url = new URL(request.url);
    try {
      await store.ready;
      if (spec.access !== 'mock') {
        const faulted = await applyFaults(store, spec.operationId, request);
        if (faulted) return faulted;
        const refused = authorize(store, spec.access, url.pathname);
        if (refused) return refused;
      }
      const checked = await checkRequest(spec.operationId, request, params, defer ? { defer } : {});
      return await resolver({ ...checked, request, params: params as Record<string, string>, url, store });
    } catch (e) {
      return problemFromError(e, url.pathname);
    }
  });
}

/** A JSON answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body as never, { status, headers });
}

/** The answer to a write: `201` when it made something, else `200`; `200` with `Idempotent-Replayed: true` for a replay. */
export function written(result: MutationResult<unknown>): Response {
  if (result.replayed) return json(result.body, 200, { 'Idempotent-Replayed': 'true' });
  return json(result.body, result.created ? 201 : 200);
}

/** `204 No Content`. */
export function noContent(): Response {
  return new Response(null, { status: 204 });
}
