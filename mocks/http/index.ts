export { authorize, FORBIDDEN_DETAIL } from './auth.js';
export type { Access } from './auth.js';
export { applyFaults, checkFaults, hang, takeFaults } from './faults.js';
export { idempotent } from './idempotency.js';
export type { KeyedRequest } from './idempotency.js';
export { ifMatchAccepts, strongTags, versionsNamed } from './preconditions.js';
export {
  badRequest,
  notFound,
  problem,
  problemBody,
  problemFromError,
  ProblemError,
  INTERNAL_DETAIL,
  PROBLEM_CONTENT_TYPE,
} from './problem.js';
export type { ProblemInit } from './problem.js';
export { json, noContent, route, written } from './route.js';
export type { RouteContext, RouteResolver, RouteSpec, RouteTarget } from './route.js';
export { attachment, asciiFileName, encodeRfc5987 } from './headers.js';
export { SchemaCompiler } from './schema.js';
export type { JsonSchema, OperationSpec, ParameterSpec, RequestContract, Validator } from './schema.js';
export { Checks, checkRequest, CONTRACT, jsonBody, nestsDeeperThan, operationSpec, readBodyText } from './validate.js';
export type { CheckedRequest, CheckOptions } from './validate.js';
