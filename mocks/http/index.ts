export { authorize, FORBIDDEN_DETAIL } from './auth.js';
export type { Access } from './auth.js';
export { applyFaults } from './faults.js';
export {
  badRequest,
  notFound,
  problem,
  problemBody,
  problemFromError,
  ProblemError,
  PROBLEM_CONTENT_TYPE,
} from './problem.js';
export type { ProblemInit } from './problem.js';
export { json, noContent, route, written } from './route.js';
export type { RouteContext, RouteResolver, RouteSpec, RouteTarget } from './route.js';
export { Checks, checkShape, idempotencyKey, jsonBody, Query, shaped } from './validate.js';
export type { Shape } from './validate.js';
