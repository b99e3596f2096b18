/**
 * The request side of the contract, as the mock checks it: each operation's parameters
 * and body. The schemas are checked by the kit's one JSON Schema checker
 * (`mocks/engine/schema/validate.ts`, shared with the world validator), re-exported here
 * for the HTTP layer.
 */
import type { JsonSchema } from '../engine/schema/validate.js';

export {
  codePoints,
  joinPath,
  jsonType,
  MAX_FIELD_ERRORS,
  SchemaCompiler,
  type CheckContext,
  type CompilerOptions,
  type JsonSchema,
  type SchemaError,
  type SchemaType,
  type Validator,
} from '../engine/schema/validate.js';

/** A parameter of an operation. */
export interface ParameterSpec {
  name: string;
  in: 'query' | 'header' | 'path';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema: JsonSchema;
}

/** The request side of one operation. */
export interface OperationSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  /** As the contract writes it: `/users/{userId}/deactivate`. */
  path: string;
  parameters: ParameterSpec[];
  requestBody?: { required: boolean; maxBytes?: number; schema: JsonSchema };
}

/** What a request may be, for every operation of the contract. */
export interface RequestContract {
  limits: { maxUrlLength: number; maxBodyBytes: number; maxDepth: number };
  operations: Record<string, OperationSpec>;
  schemas: Record<string, JsonSchema>;
}

/** JSON data. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON Schema (2020-12, as OpenAPI 3.1 uses), as data. */
export type Schema = { [key: string]: JsonValue };

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

/** A parameter of an operation, in the contract document. */
export interface ContractParameter {
  name: string;
  in: 'query' | 'header' | 'path';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema: Schema;
}

/** One answer an operation may give: its headers, and its media types (a schema for JSON ones). */
export interface ContractResponse {
  headers?: Record<string, { required?: boolean; schema: Schema }>;
  content?: Record<string, Schema | null>;
}

/** One operation of the contract. */
export interface ContractOperation {
  id: string;
  method: HttpMethod;
  /** As the contract writes it: `/invoices/{invoiceId}/pdf`. */
  path: string;
  /** The operation's tags; `mock` marks the mock's own control endpoints. */
  tags: string[];
  parameters: ContractParameter[];
  /** `maxBytes`: the contract's `x-max-body-bytes`, where it allows more than its default limit. */
  requestBody?: { required: boolean; contentType: string; maxBytes?: number; schema: Schema };
  /** By status code (`'200'`, `'412'`) or `'default'`. */
  responses: Record<string, ContractResponse>;
}

/**
 * The contract as one document (`contract.ts`, generated from `openapi/billing-api.yaml`):
 * every operation with its parameters, request body and answers, and the component
 * schemas they use. The mock checks requests against its request side
 * ({@link requestSide}); the conformance check checks a backend's answers against it.
 */
export interface ContractDocument {
  title: string;
  version: string;
  limits: { maxUrlLength: number; maxBodyBytes: number; maxDepth: number };
  operations: ContractOperation[];
  schemas: Record<string, Schema>;
}

/** The request side of the contract document: what the mock checks each request against. */
export function requestSide(doc: ContractDocument): RequestContract {
  const operations: Record<string, OperationSpec> = {};
  for (const op of doc.operations) {
    const spec: OperationSpec = {
      method: op.method,
      path: op.path,
      parameters: op.parameters.map((p) => ({ ...p, schema: p.schema as JsonSchema })),
    };
    if (op.requestBody) {
      const { required, maxBytes, schema } = op.requestBody;
      spec.requestBody = { required, ...(maxBytes === undefined ? {} : { maxBytes }), schema: schema as JsonSchema };
    }
    operations[op.id] = spec;
  }
  return { limits: doc.limits, operations, schemas: doc.schemas as Record<string, JsonSchema> };
}
