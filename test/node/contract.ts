/**
 * The contract (`openapi/billing-api.yaml`) in the Node tests: loaded once, its schemas
 * compiled by ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses), and
 *
 * - {@link contractDocument}: the contract as one document (operations with their
 *   parameters, bodies and answers, and the schemas), written to `mocks/http/contract.ts`
 *   (`npx tsx test/node/contract.ts --write`; a test fails when it is stale): the mock
 *   checks requests against its request side ({@link requestContract}), the conformance
 *   check reads it whole;
 * - {@link checkAnswer}: whether an answer of the mock is one the contract allows for the
 *   operation (status, content type, body, declared headers), used on every answer of
 *   the Node suite (see `mock-setup.ts`) and by the fuzz test;
 * - {@link requestVerdict}: ajv's verdict on a request's parameters and body, to hold the
 *   mock's own checks to the same answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as prettier from 'prettier';
import { trimContract } from '../../mocks/conformance/document.js';
import { requestSide } from '../../mocks/http/schema.js';
import type { ContractDocument, RequestContract } from '../../mocks/http/schema.js';

const CONTRACT_FILE = fileURLToPath(new URL('../../openapi/billing-api.yaml', import.meta.url));
export const GENERATED_FILE = fileURLToPath(new URL('../../mocks/http/contract.ts', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = Record<string, Json>;

/** The OpenAPI document, as parsed from YAML. */
export interface OpenApi {
  paths: Record<string, Record<string, Obj>>;
  components: { schemas: Record<string, Obj>; parameters: Record<string, Obj>; responses: Record<string, Obj> };
  'x-limits': { maxUrlLength: number; maxBodyBytes: number; maxDepth: number };
  [key: string]: unknown;
}

// js-yaml comes with eslint and openapi-typescript (no types of its own).
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

let loaded: OpenApi | undefined;

/** The contract, parsed once. */
export function contract(): OpenApi {
  return (loaded ??= yaml.load(readFileSync(CONTRACT_FILE, 'utf8')) as OpenApi);
}

export const METHODS = ['get', 'post', 'put', 'delete'] as const;

/** Every operation: its id, method, path and OpenAPI object. */
export function operations(doc = contract()): { id: string; method: string; path: string; op: Obj }[] {
  const out: { id: string; method: string; path: string; op: Obj }[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push({ id: op['operationId'] as string, method, path, op });
    }
  }
  return out;
}

function deref<T extends Obj>(doc: OpenApi, o: Obj, kind: 'parameters' | 'responses'): T {
  const ref = o['$ref'];
  if (typeof ref !== 'string') return o as T;
  const name = ref.replace(`#/components/${kind}/`, '');
  const target = doc.components[kind][name];
  if (!target) throw new Error(`No ${ref}`);
  return target as T;
}

// ---------------------------------------------------------------------------------------
// The generated document, for the mock and the conformance check

/** The contract as one document (see `mocks/conformance/document.ts`). */
export function contractDocument(doc = contract()): ContractDocument {
  return trimContract(doc);
}

/** What a request may be, per operation: the request side of {@link contractDocument}. */
export function requestContract(doc = contract()): RequestContract {
  return requestSide(contractDocument(doc));
}

/** `mocks/http/contract.ts` as it should read now. */
export async function generatedSource(): Promise<string> {
  const data = JSON.stringify(contractDocument());
  const text = `/**
 * The contract as one document: every operation with its parameters, body and answers,
 * and the component schemas, as \`openapi/billing-api.yaml\` states them (descriptions
 * left out). The mock checks every request against its request side (\`validate.ts\`);
 * the conformance check reads it whole (\`mocks/conformance/\`).
 *
 * Generated from the contract: do not edit. After changing the contract run
 * \`npx tsx test/node/contract.ts --write\` (test/node/contract.test.ts fails while this is stale).
 */
import type { ContractDocument } from './schema.js';

export const CONTRACT_DOCUMENT: ContractDocument = ${data};
`;
  const options = (await prettier.resolveConfig(GENERATED_FILE)) ?? {};
  return prettier.format(text, { ...options, filepath: GENERATED_FILE });
}

// ---------------------------------------------------------------------------------------
// ajv over the whole contract

let ajvInstance: Ajv2020 | undefined;

/** One ajv with every component schema as `#/$defs/<name>` of the id `contract`. */
export function ajv(): Ajv2020 {
  if (ajvInstance) return ajvInstance;
  const a = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
  addFormats(a);
  a.addVocabulary(['x-error-code', 'x-error-message', 'example']);
  const text = JSON.stringify(contract().components.schemas).replaceAll('#/components/schemas/', 'contract#/$defs/');
  a.addSchema({ $id: 'contract', $defs: JSON.parse(text) as Obj });
  ajvInstance = a;
  return a;
}

const compiled = new Map<string, ValidateFunction>();

/** An ajv validator of a schema of the contract (refs to components resolved). */
export function validatorOf(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema);
  let v = compiled.get(key);
  if (!v) {
    const text = key.replaceAll('#/components/schemas/', 'contract#/$defs/');
    v = ajv().compile(JSON.parse(text) as Obj);
    compiled.set(key, v);
  }
  return v;
}

/** ajv's complaints about `value` against `schema` (empty when it validates). */
export function schemaErrors(schema: unknown, value: unknown): string[] {
  const v = validatorOf(schema);
  if (v(value)) return [];
  return (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

// ---------------------------------------------------------------------------------------
// Matching a request to its operation

interface Route {
  id: string;
  method: string;
  path: string;
  pattern: RegExp;
  op: Obj;
}

let routes: Route[] | undefined;

function routeTable(): Route[] {
  if (routes) return routes;
  routes = operations()
    .map(({ id, method, path, op }) => ({
      id,
      method,
      path,
      op,
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
    }))
    // Literal paths before templated ones (`/invoices/upcoming` before `/invoices/{invoiceId}`).
    .sort((a, b) => (a.path.includes('{') ? 1 : 0) - (b.path.includes('{') ? 1 : 0));
  return routes;
}

/** The operation a request to `pathname` (below the base URL) is, if any. */
export function operationFor(method: string, pathname: string): Route | undefined {
  const m = method.toLowerCase();
  return routeTable().find((r) => r.method === m && r.pattern.test(pathname));
}

// ---------------------------------------------------------------------------------------
// Answers

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** What is wrong with an answer to a request, by the contract (empty when nothing). */
export async function checkAnswer(method: string, pathname: string, response: Response): Promise<string[]> {
  const route = operationFor(method, pathname);
  const where = `${method.toUpperCase()} ${pathname} → ${response.status}`;
  if (!route) return [`${where}: no operation of the contract`];
  const doc = contract();
  const responses = route.op['responses'] as Record<string, Obj>;
  const declared = responses[String(response.status)] ?? responses['default'];
  if (!declared) return [`${where}: status not in the contract for ${route.id}`];
  const spec = deref<Obj>(doc, declared, 'responses');
  const problems: string[] = [];
  const headers = (spec['headers'] ?? {}) as Record<string, Obj>;
  for (const [name, h] of Object.entries(headers)) {
    const header = h['$ref']
      ? (doc.components as unknown as Record<string, Record<string, Obj>>)['headers']?.[
          String(h['$ref']).replace('#/components/headers/', '')
        ]
      : h;
    const value = response.headers.get(name);
    if (value !== null && header?.['schema']) {
      for (const e of schemaErrors(header['schema'], value)) problems.push(`${where}: header ${name} ${e}`);
    }
  }
  const content = spec['content'] as Record<string, Obj> | undefined;
  const bytes = new Uint8Array(await response.clone().arrayBuffer());
  if (!content) {
    if (bytes.length > 0) problems.push(`${where}: a body where the contract has none`);
    return problems;
  }
  const type = mediaType(response.headers.get('Content-Type'));
  const media = content[type];
  if (!media) {
    problems.push(`${where}: Content-Type ${type || '(none)'} is not one of ${Object.keys(content).join(', ')}`);
    return problems;
  }
  const text = new TextDecoder().decode(bytes);
  if (type === 'application/pdf') {
    if (!text.startsWith('%PDF-')) problems.push(`${where}: not a PDF`);
    return problems;
  }
  if (type.startsWith('text/')) return problems;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, `${where}: the body is not JSON`];
  }
  for (const e of schemaErrors(media['schema'], body)) problems.push(`${where}: ${e}`);
  // House rules beyond the schema: a problem's status is the answer's, and a 400 names
  // each field it is about.
  if (type === 'application/problem+json') {
    const p = body as { status?: number; errors?: unknown[]; detail?: string };
    if (p.status !== response.status) problems.push(`${where}: the problem says status ${p.status}`);
    if (response.status === 400 && !(Array.isArray(p.errors) && p.errors.length > 0)) {
      problems.push(`${where}: a 400 without field errors`);
    }
    if (response.status >= 500 && /\bat .+:\d+|Error:|TypeError|RangeError/.test(text)) {
      problems.push(`${where}: internal error text in a 5xx: ${text.slice(0, 200)}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Requests (ajv's verdict, for the fuzz test)

/** The request parts the fuzz test sends. */
export interface RequestParts {
  query: Record<string, string>;
  headers: Record<string, string>;
  path: Record<string, string>;
  /** `undefined`: no body. */
  body?: unknown;
}

function coerce(schema: Obj, raw: string): unknown {
  const s = (
    schema['$ref'] ? contract().components.schemas[String(schema['$ref']).split('/').pop() as string] : schema
  ) as Obj;
  switch (s['type']) {
    case 'integer':
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'array':
      return raw.split(',').map((x) => x.trim());
    default:
      return raw;
  }
}

/** ajv's complaints about a request's parameters and body (empty: the contract allows it). */
export function requestVerdict(operationId: string, parts: RequestParts): string[] {
  const found = operations().find((o) => o.id === operationId);
  if (!found) throw new Error(`No operation ${operationId}`);
  const doc = contract();
  const problems: string[] = [];
  for (const p of (found.op['parameters'] ?? []) as Obj[]) {
    const param = deref<Obj>(doc, p, 'parameters');
    const name = param['name'] as string;
    const where = param['in'] as 'query' | 'header' | 'path';
    const source = where === 'query' ? parts.query : where === 'header' ? parts.headers : parts.path;
    const key = Object.keys(source).find((k) =>
      where === 'header' ? k.toLowerCase() === name.toLowerCase() : k === name,
    );
    const raw = key === undefined ? undefined : source[key];
    if (raw === undefined || raw === '') {
      if (param['required'] === true) problems.push(`${name} required`);
      continue;
    }
    for (const e of schemaErrors(param['schema'], coerce(param['schema'] as Obj, raw))) problems.push(`${name}: ${e}`);
  }
  const body = found.op['requestBody'] as Obj | undefined;
  if (body) {
    if (parts.body === undefined) {
      if (body['required'] === true) problems.push('body required');
    } else {
      const schema = (body['content'] as Record<string, Obj>)['application/json']?.['schema'];
      for (const e of schemaErrors(schema, parts.body)) problems.push(`body: ${e}`);
    }
  }
  return problems;
}

// `npx tsx test/node/contract.ts --write` regenerates mocks/http/contract.ts.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const source = await generatedSource();
  if (process.argv.includes('--write')) {
    writeFileSync(GENERATED_FILE, source);
    console.log(`wrote ${GENERATED_FILE}`);
  } else {
    process.stdout.write(source);
  }
}
