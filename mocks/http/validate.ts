/**
 * Every request checked against its operation in the contract (the request side of
 * `contract.ts`, generated from `openapi/billing-api.yaml`): query, header and path parameters and the JSON body,
 * by the schemas the contract states, plus the protocol rules a schema cannot state:
 *
 * - a body is read up to its limit (64 kB; `x-max-body-bytes` where the contract says
 *   otherwise) and no further: `413`;
 * - a non-empty body needs `Content-Type: application/json` (a `charset`, if any, UTF-8):
 *   `415` naming `Content-Type`;
 * - a body nesting deeper than the contract's `maxDepth` is refused before it is parsed,
 *   so no check of it can overflow the stack: `400` `too-deep`;
 * - a required `If-Match` that is missing is `428` (RFC 6585), not `400`.
 *
 * Every other problem is collected with the field it is about (the parameter's name, or a
 * JSON path into the body such as `address.city`), and a request with any is answered
 * `400` listing them all. Query values are read as the contract types them (a whole
 * number, `true`/`false`, a comma-separated list) and absent ones take the contract's
 * default.
 */
import type { FieldError, TextParams } from '../store/contract.js';
import { CONTRACT_DOCUMENT } from './contract.js';
import { badRequest, ProblemError } from './problem.js';
import { requestSide, SchemaCompiler } from './schema.js';
import type { CheckContext, JsonSchema, OperationSpec, ParameterSpec, RequestContract, SchemaType } from './schema.js';

/** The request side of the contract: every operation's parameters and body, as the mock checks them. */
export const CONTRACT: RequestContract = requestSide(CONTRACT_DOCUMENT);

/** Collects field errors; {@link Checks.done} throws a 400 when there are any. */
export class Checks {
  readonly errors: FieldError[] = [];

  add(field: string, code: string, message: string, params?: TextParams): void {
    this.errors.push(params === undefined ? { field, code, message } : { field, code, params, message });
  }

  /** Throws a 400 problem listing every error, if any. */
  done(): void {
    if (this.errors.length > 0) throw badRequest(this.errors);
  }
}

/** A request as its operation's parameters and body, checked. */
export interface CheckedRequest {
  /** Query parameters read as the contract types them, with the contract's defaults. */
  query: Record<string, unknown>;
  /** The operation's header parameters that were sent. */
  headers: Record<string, string>;
  /** Path parameters. */
  path: Record<string, string>;
  /** The parsed JSON body; `undefined` when none was sent (an optional body). */
  body: unknown;
}

const compiler = new SchemaCompiler(CONTRACT.schemas);

/** The contract's operation of an id (throws for an id the contract does not have). */
export function operationSpec(operationId: string): OperationSpec {
  const op = Object.hasOwn(CONTRACT.operations, operationId) ? CONTRACT.operations[operationId] : undefined;
  if (!op) throw new Error(`The contract has no operation ${operationId}.`);
  return op;
}

function typeOf(schema: JsonSchema): SchemaType | undefined {
  const s = schema.$ref !== undefined ? compiler.resolve(schema.$ref) : schema;
  return Array.isArray(s.type) ? s.type[0] : s.type;
}

/** A query value as the parameter's type, or an error. */
function readQueryValue(p: ParameterSpec, raw: string, checks: Checks): unknown {
  switch (typeOf(p.schema)) {
    case 'integer':
      if (/^-?\d{1,16}$/.test(raw)) return Number(raw);
      checks.add(p.name, 'invalid', `${p.name} must be a whole number.`);
      return undefined;
    case 'number':
      if (/^-?\d{1,16}(\.\d{1,16})?$/.test(raw)) return Number(raw);
      checks.add(p.name, 'invalid', `${p.name} must be a number.`);
      return undefined;
    case 'boolean':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      checks.add(p.name, 'invalid', `${p.name} is true or false.`);
      return undefined;
    case 'array':
      // `style: form, explode: false`: one comma-separated value.
      return raw.split(',').map((s) => s.trim());
    default:
      return raw;
  }
}

/** Checks a value against a schema, every error under `field` when `flat` (query lists). */
function checkValue(
  schema: JsonSchema,
  value: unknown,
  field: string,
  checks: Checks,
  flat = false,
  defer?: ReadonlySet<string>,
): void {
  const ctx: CheckContext = { errors: [], ...(defer ? { defer } : {}) };
  compiler.compile(schema).check(value, field, ctx);
  for (const e of ctx.errors) {
    const at = e.field.startsWith(field) ? e.field.slice(field.length) : e.field;
    checks.add(flat ? field : e.field, e.code, e.message, paramsOf(e.code, schema, value, at));
  }
}

/** The steps of a JSON path (`recipients[1]`, `address.city`, `.kind`): property names and indexes. */
function steps(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] as string)));
}

function deref(schema: JsonSchema | undefined): JsonSchema | undefined {
  return schema?.$ref !== undefined ? compiler.resolve(schema.$ref) : schema;
}

/** The schema of the value at `path` below `schema` (through references and `allOf`), if the path has one. */
function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let s = deref(schema);
  for (const step of steps(path)) {
    if (!s) return undefined;
    if (typeof step === 'number') {
      s = deref(s.items);
      continue;
    }
    const own: JsonSchema | undefined = s.properties?.[step];
    s = deref(own ?? (s.allOf ?? []).map((b) => deref(b)?.properties?.[step]).find((b) => b !== undefined));
  }
  return s;
}

/** The value at `path` below `value`. */
function valueAt(value: unknown, path: string): unknown {
  let v = value;
  for (const step of steps(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}

/**
 * The params a field error's code is worded with (the contract's `FieldError.code`
 * table): `max` of `too-long` and `too-many` (the schema's bound), `value` of
 * `invalid-email` and `duplicate` (what was sent).
 */
function paramsOf(code: string, schema: JsonSchema, value: unknown, path: string): TextParams | undefined {
  if (code === 'too-long' || code === 'too-many') {
    const s = schemaAt(schema, path);
    const max = code === 'too-long' ? (s?.maxLength ?? deref(s?.items)?.maxLength) : s?.maxItems;
    return max === undefined ? undefined : { max };
  }
  if (code === 'invalid-email' || code === 'duplicate') {
    const sent = valueAt(value, path);
    return typeof sent === 'string' ? { value: sent.slice(0, 320) } : undefined;
  }
  return undefined;
}

function checkParameters(
  op: OperationSpec,
  request: Request,
  url: URL,
  params: Record<string, string | readonly string[] | undefined>,
  checks: Checks,
): Pick<CheckedRequest, 'query' | 'headers' | 'path'> {
  const query: Record<string, unknown> = {};
  const headers: Record<string, string> = {};
  const path: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === 'query') {
      const all = url.searchParams.getAll(p.name);
      if (all.length > 1) {
        checks.add(p.name, 'repeated', `Give ${p.name} once.`);
        continue;
      }
      const raw = all[0];
      if (raw === undefined || raw === '') {
        if (p.required) checks.add(p.name, 'required', `Give ${p.name}.`);
        else if (p.schema.default !== undefined) query[p.name] = p.schema.default;
        continue;
      }
      const errorsBefore = checks.errors.length;
      const value = readQueryValue(p, raw, checks);
      if (checks.errors.length > errorsBefore) continue;
      checkValue(p.schema, value, p.name, checks, true);
      query[p.name] = value;
    } else if (p.in === 'header') {
      const raw = request.headers.get(p.name);
      if (raw === null || raw.trim() === '') {
        if (p.required && p.name.toLowerCase() === 'if-match') {
          throw new ProblemError(428, {
            code: 'if-match-required',
            detail: 'Send the version you edited in If-Match (the ETag of GET /billing-details).',
            errors: [{ field: 'If-Match', code: 'required', message: 'Send the ETag you read, in If-Match.' }],
          });
        }
        if (p.required) checks.add(p.name, 'required', `Send the ${p.name} header.`);
        continue;
      }
      checkValue(p.schema, raw, p.name, checks, true);
      headers[p.name] = raw;
    } else {
      const v = params[p.name];
      const raw = typeof v === 'string' ? v : '';
      checkValue(p.schema, raw, p.name, checks, true);
      path[p.name] = raw;
    }
  }
  return { query, headers, path };
}

function tooLarge(limit: number): ProblemError {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} kB`;
  const message = `The body can be at most ${size}.`;
  return new ProblemError(413, {
    code: 'too-large',
    detail: message,
    params: { max: limit },
    errors: [{ field: '', code: 'too-large', params: { max: limit }, message }],
  });
}

/** The body as text, read no further than `limit` bytes (a 413 beyond). */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest([{ field: '', code: 'invalid-encoding', message: 'The body is not UTF-8 text.' }]);
  }
}

/** True when JSON `text` nests deeper than `max` (strings skipped; no parsing, no recursion). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** The media type is JSON (`application/json`, a UTF-8 charset if any). */
function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type, ...params] = value.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

/**
 * The JSON body of a request, within the limits: `undefined` when empty (a 400 when
 * `required`); a 413, 415 or 400 for a body too large, not sent as JSON, too deep or not JSON.
 */
export async function jsonBody(request: Request, required: boolean, maxBytes?: number): Promise<unknown> {
  const limit = maxBytes ?? CONTRACT.limits.maxBodyBytes;
  const text = await readBodyText(request, limit);
  if (text.trim() === '') {
    if (required) throw badRequest([{ field: '', code: 'required', message: 'Send a JSON body.' }]);
    return undefined;
  }
  if (!isJsonContentType(request.headers.get('Content-Type'))) {
    const message = 'Send the body as JSON, with Content-Type: application/json.';
    throw new ProblemError(415, {
      code: 'unsupported-media-type',
      detail: message,
      errors: [{ field: 'Content-Type', code: 'unsupported', message }],
    });
  }
  const maxDepth = CONTRACT.limits.maxDepth;
  if (nestsDeeperThan(text, maxDepth)) {
    throw badRequest([{ field: '', code: 'too-deep', message: `The body nests deeper than ${maxDepth} levels.` }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest([{ field: '', code: 'invalid-json', message: 'The body is not valid JSON.' }]);
  }
}

/** Options of {@link checkRequest}. */
export interface CheckOptions {
  /** Body keywords left to the rules behind the handler (their own codes, e.g. a 422). */
  defer?: ReadonlySet<string>;
}

/**
 * Checks a request against its operation in the contract: every parameter and the body.
 * Throws the problem to answer (`400` listing every field error; `413`, `415`, `428`);
 * otherwise returns the parameters and body, read.
 */
export async function checkRequest(
  operationId: string,
  request: Request,
  params: Record<string, string | readonly string[] | undefined>,
  options: CheckOptions = {},
): Promise<CheckedRequest> {
  const op = operationSpec(operationId);
  const url = new URL(request.url);
  const checks = new Checks();
  const parts = checkParameters(op, request, url, params, checks);
  let body: unknown;
  if (op.requestBody) {
    try {
      body = await jsonBody(request, op.requestBody.required, op.requestBody.maxBytes);
    } catch (e) {
      // A body that is missing, too deep or not JSON is listed with the parameters' errors.
      if (!(e instanceof ProblemError && e.status === 400)) throw e;
      for (const x of e.init.errors ?? []) checks.add(x.field, x.code, x.message);
    }
    if (body !== undefined) checkValue(op.requestBody.schema, body, '', checks, false, options.defer);
  }
  checks.done();
  return { ...parts, body };
}
