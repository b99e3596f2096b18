/**
 * Checking one answer against the contract: is its status one the operation declares, its
 * `Content-Type` one of that status's media types, its body valid by the schema (ajv, JSON
 * Schema 2020-12 with formats), its declared headers of their form, and, for a problem
 * document, the kit's house rules (the problem's `status` is the answer's, a `400` names
 * its fields, a `5xx` shows no internal error text).
 *
 * Each issue has a kind, so the report can group them: what breaks the schema in general,
 * and what breaks the conventions of dates (`YYYY-MM-DD`), months (`YYYY-MM`), money and
 * counts (integers, minor units) and currencies (ISO 4217).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ContractDocument, ContractOperation, ContractResponse, JsonValue, Schema } from './document.js';
import { CONTRACT_DOCUMENT } from '../http/contract.js';

/** What kind of deviation an issue is. */
export type IssueKind =
  'status' | 'content-type' | 'body' | 'header' | 'problem' | 'date' | 'month' | 'integer' | 'currency';

/** One deviation of an answer from the contract. */
export interface AnswerIssue {
  kind: IssueKind;
  /** A JSON pointer into the body (`/plan/unitPrice`), when it is about a value. */
  pointer?: string;
  /** One line: what is wrong. */
  message: string;
}

/** An answer, as far as checking it needs. */
export interface AnswerParts {
  status: number;
  headers: Headers;
  /** The media type, lower case, without parameters (`application/json`). */
  mediaType: string;
  text: string;
  /** The parsed body, when it is JSON. */
  json?: unknown;
}

const PREFIX = '#/components/schemas/';

function withAjvRefs(schema: JsonValue): JsonValue {
  return JSON.parse(JSON.stringify(schema).replaceAll(`"${PREFIX}`, '"contract#/$defs/')) as JsonValue;
}

/** A value for a message: short, one line. */
export function shortValue(value: unknown, max = 60): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The value at a JSON pointer. */
export function atPointer(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let at: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** The contract, compiled: operations by id and validators by schema. */
export class Contract {
  readonly document: ContractDocument;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #byId = new Map<string, ContractOperation>();

  /** The contract (default: the kit's own); the mock's control endpoints (tagged `mock`) are left out. */
  constructor(document: ContractDocument = CONTRACT_DOCUMENT) {
    // The mock's own control endpoints are no part of what a backend implements.
    this.document = { ...document, operations: document.operations.filter((op) => !op.tags.includes('mock')) };
    for (const op of this.document.operations) this.#byId.set(op.id, op);
    this.#ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
    addFormats(this.#ajv);
    // The mock's own wording of a value not of a field's form.
    this.#ajv.addVocabulary(['x-error-code', 'x-error-message']);
    this.#ajv.addSchema({ $id: 'contract', $defs: withAjvRefs(document.schemas) as Record<string, Schema> });
  }

  /** Every operation a backend implements. */
  get operations(): readonly ContractOperation[] {
    return this.document.operations;
  }

  /** The operation with this id; throws for an unknown one (a bug in the check). */
  operation(id: string): ContractOperation {
    const op = this.#byId.get(id);
    if (!op) throw new Error(`The contract has no operation ${id}.`);
    return op;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** `schema`, or the component schema its `$ref` names (once). */
  resolve(schema: Schema | undefined): Schema {
    if (!schema) return {};
    const ref = schema['$ref'];
    if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
      const target = this.document.schemas[ref.slice(PREFIX.length)];
      if (!target) throw new Error(`The contract has no schema ${ref}.`);
      return this.resolve(target);
    }
    return schema;
  }

  /** The compiled validator of a schema of the contract. */
  validator(schema: Schema): ValidateFunction {
    const key = JSON.stringify(schema);
    let v = this.#compiled.get(key);
    if (!v) {
      v = this.#ajv.compile(withAjvRefs(schema) as Schema);
      this.#compiled.set(key, v);
    }
    return v;
  }

  /** ajv's errors for `value` against `schema` (empty when valid). */
  schemaErrors(schema: Schema, value: unknown): ErrorObject[] {
    const v = this.validator(schema);
    return v(value) ? [] : [...(v.errors ?? [])];
  }

  /** The schema of a component by name (`Problem`, `BillingDetails`). */
  component(name: string): Schema {
    return { $ref: `${PREFIX}${name}` };
  }

  /** Whether `value` is valid by `schema`. */
  accepts(schema: Schema, value: unknown): boolean {
    return this.validator(schema)(value);
  }

  /** What the operation declares for `status` (falling back to `default`). */
  declared(op: ContractOperation, status: number): ContractResponse | undefined {
    return op.responses[String(status)] ?? op.responses['default'];
  }

  /** Every deviation of an answer to `op` from the contract (empty when none). */
  checkAnswer(op: ContractOperation, answer: AnswerParts): AnswerIssue[] {
    const declared = this.declared(op, answer.status);
    if (!declared) {
      const listed = Object.keys(op.responses).join(', ');
      return [{ kind: 'status', message: `status ${answer.status} is not one the contract lists (${listed})` }];
    }
    const issues: AnswerIssue[] = [];
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const value = answer.headers.get(name);
      if (value === null) continue;
      for (const e of this.schemaErrors(header.schema, value)) {
        issues.push({ kind: 'header', message: `header ${name}: ${shortValue(value)} ${e.message ?? e.keyword}` });
      }
    }
    const content = declared.content;
    if (!content) {
      if (answer.text.length > 0) issues.push({ kind: 'body', message: 'a body where the contract has none' });
      return issues;
    }
    if (!Object.hasOwn(content, answer.mediaType)) {
      issues.push({
        kind: 'content-type',
        message: `Content-Type ${answer.mediaType || '(none)'} is not ${Object.keys(content).join(' or ')}`,
      });
      return issues;
    }
    const schema = content[answer.mediaType];
    if (answer.mediaType === 'application/pdf') {
      if (!answer.text.startsWith('%PDF-')) issues.push({ kind: 'body', message: 'the body is not a PDF (%PDF-…)' });
      return issues;
    }
    if (!schema) return issues;
    if (answer.json === undefined) {
      issues.push({ kind: 'body', message: `the body is not JSON: ${shortValue(answer.text)}` });
      return issues;
    }
    issues.push(...this.bodyIssues(schema, answer.json));
    if (answer.mediaType === 'application/problem+json') issues.push(...problemIssues(answer));
    return issues;
  }

  /** The schema's complaints about a body, each with its kind. */
  bodyIssues(schema: Schema, body: unknown): AnswerIssue[] {
    const errors = this.schemaErrors(schema, body);
    // ajv reports every branch of a failed `oneOf`, and the `oneOf` itself: keep what says most.
    const issues: AnswerIssue[] = [];
    const seen = new Set<string>();
    for (const e of errors) {
      if (e.keyword === 'oneOf' || e.keyword === 'if') continue;
      // The `null` branch of a nullable `oneOf` says nothing when the other branch said why.
      if (e.keyword === 'type' && e.params['type'] === 'null' && errors.length > 1) continue;
      const value = atPointer(body, e.instancePath);
      const kind = this.#kindOf(e, value);
      const where = e.instancePath || '(the body)';
      let message: string;
      if (e.keyword === 'required')
        message = `${where}: required ${shortValue(e.params['missingProperty'])} is missing`;
      else if (e.keyword === 'additionalProperties') {
        message = `${where}: ${shortValue(e.params['additionalProperty'])} is not a field of this object`;
      } else message = `${where} = ${shortValue(value)}: ${e.message ?? e.keyword}`;
      if (seen.has(message)) continue;
      seen.add(message);
      issues.push({ kind, pointer: e.instancePath, message });
    }
    // A `oneOf` whose every branch failed has its branches' errors above; one that matched
    // twice has only its own.
    if (issues.length === 0 && errors.length > 0) {
      const e = errors[0] as ErrorObject;
      issues.push({
        kind: 'body',
        pointer: e.instancePath,
        message: `${e.instancePath || '(the body)'}: ${e.message}`,
      });
    }
    return issues;
  }

  #kindOf(e: ErrorObject, value: unknown): IssueKind {
    const path = e.schemaPath;
    if (path.includes('/$defs/Date/')) return 'date';
    if (path.includes('/$defs/Month/')) return 'month';
    if (path.includes('/$defs/Currency/')) return 'currency';
    if (e.keyword === 'type' && String(e.params['type']).includes('integer') && value !== null) {
      if (typeof value === 'number' || typeof value === 'string') return 'integer';
    }
    return 'body';
  }
}

/** The house rules of a problem document beyond its schema. */
function problemIssues(answer: AnswerParts): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const p = answer.json as { status?: unknown; errors?: unknown } | null;
  if (p === null || typeof p !== 'object') return issues;
  if (p.status !== answer.status) {
    issues.push({
      kind: 'problem',
      pointer: '/status',
      message: `the problem says status ${shortValue(p.status)} in a ${answer.status} answer`,
    });
  }
  if (answer.status === 400 && !(Array.isArray(p.errors) && p.errors.length > 0)) {
    issues.push({ kind: 'problem', pointer: '/errors', message: 'a 400 without field errors (errors[])' });
  }
  if (answer.status >= 500 && /\bat .+:\d+|Error:|TypeError|RangeError|Exception/.test(answer.text)) {
    issues.push({ kind: 'problem', message: `internal error text in a ${answer.status}: ${shortValue(answer.text)}` });
  }
  return issues;
}
