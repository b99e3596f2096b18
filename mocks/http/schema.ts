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
