/**
 * The contract as one document, made from the parsed OpenAPI document by
 * {@link trimContract}: every operation of `openapi/billing-api.yaml` with its parameters,
 * request body and responses (references to parameters, responses and headers resolved;
 * descriptions left out; the mock's own control endpoints tagged `mock`), and the
 * component schemas they use. `mocks/http/contract.ts` holds the result
 * (`npx tsx test/node/contract.ts --write`; test/node/contract.test.ts fails while it is
 * stale): the mock checks requests against its request side, and the conformance check
 * reads it whole, so the published command needs no YAML parser.
 */
import type {
  ContractDocument,
  ContractOperation,
  ContractParameter,
  ContractResponse,
  HttpMethod,
  JsonValue,
  Schema,
} from '../http/schema.js';

export type * from '../http/schema.js';

/** Keywords that explain rather than constrain: left out. */
const DESCRIPTIVE = new Set(['description', 'summary', 'examples', 'example', 'title', 'readOnly', 'writeOnly']);

/** `schema` without its descriptive keywords (property names are data: a property called `title` stays). */
export function cleanSchema(schema: JsonValue): JsonValue {
  if (Array.isArray(schema)) return schema.map(cleanSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DESCRIPTIVE.has(key)) continue;
    if (key === 'enum' || key === 'const' || key === 'default') out[key] = value;
    else if (key === 'properties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, cleanSchema(sub)]));
    } else out[key] = cleanSchema(value);
  }
  return out;
}

type Obj = { [key: string]: JsonValue };
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'delete'];
const JSON_TYPE = /^application\/(.+\+)?json$/;

function obj(value: JsonValue | undefined): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** The component `#/components/<kind>/<name>` a `$ref` names, or the object itself. */
function deref(doc: Obj, value: JsonValue | undefined, kind: string): Obj {
  const o = obj(value);
  const ref = o['$ref'];
  if (typeof ref !== 'string') return o;
  const prefix = `#/components/${kind}/`;
  if (!ref.startsWith(prefix)) throw new Error(`Unexpected reference ${ref}`);
  const target = obj(obj(doc['components'])[kind])[ref.slice(prefix.length)];
  if (target === undefined) throw new Error(`The contract has no ${ref}`);
  return obj(target);
}

/** The names of the component schemas `value` refers to. */
function referencedSchemas(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencedSchemas(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        into.add(v.slice('#/components/schemas/'.length));
      } else referencedSchemas(v, into);
    }
  }
  return into;
}

/** The conformance check's view of a parsed OpenAPI document. */
export function trimContract(parsed: unknown): ContractDocument {
  const doc = obj(parsed as JsonValue);
  const info = obj(doc['info']);
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(obj(doc['paths']))) {
    for (const method of METHODS) {
      const op = obj(item)[method];
      if (op === undefined) continue;
      const o = obj(op);
      const tags = ((o['tags'] ?? []) as JsonValue[]).map(String);
      const parameters = ((o['parameters'] ?? []) as JsonValue[]).map((p) => {
        const param = deref(doc, p, 'parameters');
        const out: ContractParameter = {
          name: param['name'] as string,
          in: param['in'] as ContractParameter['in'],
          schema: cleanSchema(param['schema'] ?? {}) as Schema,
        };
        if (param['required'] === true) out.required = true;
        if (typeof param['style'] === 'string') out.style = param['style'];
        if (typeof param['explode'] === 'boolean') out.explode = param['explode'];
        return out;
      });
      const operation: ContractOperation = {
        id: o['operationId'] as string,
        method,
        path,
        tags,
        parameters,
        responses: {},
      };
      const body = o['requestBody'];
      if (body !== undefined) {
        const content = obj(obj(body)['content']);
        const [contentType, media] = Object.entries(content)[0] ?? ['application/json', {}];
        const maxBytes = obj(body)['x-max-body-bytes'];
        operation.requestBody = {
          required: obj(body)['required'] === true,
          contentType,
          ...(typeof maxBytes === 'number' ? { maxBytes } : {}),
          schema: cleanSchema(obj(media)['schema'] ?? {}) as Schema,
        };
      }
      for (const [status, r] of Object.entries(obj(o['responses']))) {
        const response = deref(doc, r, 'responses');
        const out: ContractResponse = {};
        const headers = obj(response['headers']);
        if (Object.keys(headers).length > 0) {
          out.headers = {};
          for (const [name, h] of Object.entries(headers)) {
            const header = deref(doc, h, 'headers');
            out.headers[name] = {
              ...(header['required'] === true ? { required: true } : {}),
              schema: cleanSchema(header['schema'] ?? {}) as Schema,
            };
          }
        }
        const content = response['content'];
        if (content !== undefined) {
          out.content = {};
          for (const [type, media] of Object.entries(obj(content))) {
            out.content[type] = JSON_TYPE.test(type) ? (cleanSchema(obj(media)['schema'] ?? {}) as Schema) : null;
          }
        }
        operation.responses[status] = out;
      }
      operations.push(operation);
    }
  }
  // The component schemas the operations use, and theirs in turn, in the contract's order.
  const all = obj(obj(doc['components'])['schemas']);
  const used = new Set<string>();
  const queue = [...referencedSchemas(operations)];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (used.has(name)) continue;
    if (all[name] === undefined) throw new Error(`The contract has no schema ${name}`);
    used.add(name);
    queue.push(...referencedSchemas(all[name]));
  }
  const schemas: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(all)) {
    if (used.has(name)) schemas[name] = cleanSchema(schema) as Schema;
  }
  const limits = obj(doc['x-limits']);
  return {
    title: String(info['title'] ?? ''),
    version: String(info['version'] ?? ''),
    limits: {
      maxUrlLength: Number(limits['maxUrlLength'] ?? 8192),
      maxBodyBytes: Number(limits['maxBodyBytes'] ?? 65536),
      maxDepth: Number(limits['maxDepth'] ?? 32),
    },
    operations,
    schemas,
  };
}
