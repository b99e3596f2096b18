/**
 * The conformance check's HTTP side: one request at a time (a backend under test is not
 * load-tested, and the checks read state before and after), each as a role (its headers
 * from the command line or the environment), each answer read whole, parsed when JSON and
 * checked against the contract on arrival. Every answer is kept for the report's
 * `schemas` and `formats` groups.
 */
import type { AnswerIssue, Contract } from './contract.js';
import type { ContractOperation } from './document.js';

/** Credentials of one role: the headers that sign a request in as that role. */
export type RoleHeaders = Record<string, string>;

/** A request to one operation. */
export interface Call {
  /** The role to call as (its headers); `null`: no credentials at all. */
  role?: string | null;
  /** Values of the path's `{parameters}`. */
  path?: Record<string, string>;
  /** Query parameters; `undefined` ones are left out; arrays comma-separated. */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  headers?: Record<string, string>;
  /** A JSON body (sent with `Content-Type: application/json`). */
  body?: unknown;
}

/** One answer, read whole and checked. */
export interface Answer {
  operationId: string;
  role: string | null;
  method: string;
  /** Below the base URL, with the query: `/users?month=2026-11`. */
  target: string;
  /** 0: no answer (see `error`). */
  status: number;
  headers: Headers;
  mediaType: string;
  text: string;
  bytes: Uint8Array;
  /** The parsed body, when the answer is JSON. */
  json?: unknown;
  /** Why there was no answer (connection refused, timeout). */
  error?: string;
  ms: number;
  /** Deviations of this answer from the contract. */
  issues: AnswerIssue[];
}

export interface HttpOptions {
  baseUrl: string;
  roles: ReadonlyMap<string, RoleHeaders>;
  /** The role used when a call names none. */
  defaultRole: string;
  timeoutMs: number;
  contract: Contract;
  /** Another `fetch` (tests). */
  fetch?: typeof fetch;
}

function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isJsonType(type: string): boolean {
  return type === 'application/json' || /^application\/.+\+json$/.test(type);
}

function queryString(query: Call['query']): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    search.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The path of an operation with its parameters filled in (encoded). */
export function fillPath(op: ContractOperation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${op.id} needs the path parameter ${name}.`);
    return encodeURIComponent(value);
  });
}

/** A network failure in words: `connection refused`, `timed out after 10000 ms`. */
function describeFailure(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused (is the backend running, on this port?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was closed without an answer';
  return err?.cause?.message ?? err?.message ?? String(e);
}

export class Http {
  readonly baseUrl: string;
  readonly contract: Contract;
  readonly answers: Answer[] = [];
  readonly #options: HttpOptions;
  readonly #fetch: typeof fetch;

  constructor(options: HttpOptions) {
    this.#options = options;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.contract = options.contract;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  get defaultRole(): string {
    return this.#options.defaultRole;
  }

  /** Whether `role` has credentials of its own. */
  hasCredentials(role: string): boolean {
    return Object.keys(this.#options.roles.get(role) ?? {}).length > 0;
  }

  /** Calls an operation of the contract, and checks the answer against it. */
  async call(operationId: string, call: Call = {}): Promise<Answer> {
    const op = this.contract.operation(operationId);
    const role = call.role === undefined ? this.#options.defaultRole : call.role;
    const target = `${fillPath(op, call.path)}${queryString(call.query)}`;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1' };
    if (role !== null) Object.assign(headers, this.#options.roles.get(role) ?? {});
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] = 'application/json';
    }
    Object.assign(headers, call.headers ?? {});
    const started = performance.now();
    const answer: Answer = {
      operationId,
      role,
      method: op.method.toUpperCase(),
      target,
      status: 0,
      headers: new Headers(),
      mediaType: '',
      text: '',
      bytes: new Uint8Array(),
      ms: 0,
      issues: [],
    };
    try {
      const response = await this.#fetch(`${this.baseUrl}${target}`, {
        method: answer.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      answer.status = response.status;
      answer.headers = response.headers;
      answer.mediaType = mediaTypeOf(response.headers.get('Content-Type'));
      answer.bytes = new Uint8Array(await response.arrayBuffer());
      answer.text = new TextDecoder().decode(answer.bytes);
      if (isJsonType(answer.mediaType) && answer.text.length > 0) {
        try {
          answer.json = JSON.parse(answer.text) as unknown;
        } catch {
          // Not JSON after all: the contract check says so.
        }
      }
      answer.issues = this.contract.checkAnswer(op, answer);
    } catch (e) {
      answer.error = describeFailure(e, this.#options.timeoutMs);
    }
    answer.ms = performance.now() - started;
    this.answers.push(answer);
    return answer;
  }
}

/** `200 application/json`, `404 text/html: Cannot GET …`, or why there was no answer. */
export function describeAnswer(answer: Answer, withBody = false): string {
  if (answer.status === 0) return `no answer: ${answer.error ?? 'unknown failure'}`;
  const head = `${answer.status}${answer.mediaType ? ` ${answer.mediaType}` : ''}`;
  if (!withBody || answer.text.length === 0) return head;
  let text: string;
  if (answer.json !== undefined && answer.json !== null && typeof answer.json === 'object') {
    const p = answer.json as { code?: unknown; detail?: unknown; title?: unknown };
    const said = [p.code, p.detail ?? p.title].filter((x) => typeof x === 'string').join(': ');
    text = said || answer.text;
  } else text = answer.text;
  text = text.replace(/\s+/g, ' ').trim();
  return `${head}: ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`;
}

/** Whether an answer is a problem document (RFC 9457). */
export function isProblem(answer: Answer): boolean {
  return (
    answer.mediaType === 'application/problem+json' &&
    answer.json !== null &&
    typeof answer.json === 'object' &&
    typeof (answer.json as { status?: unknown }).status === 'number'
  );
}

/** The problem's `code`, if it has one. */
export function problemCode(answer: Answer): string | undefined {
  const code = (answer.json as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The fields a problem's `errors` name. */
export function problemFields(answer: Answer): string[] {
  const errors = (answer.json as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => (e as { field?: unknown } | null)?.field).filter((f): f is string => typeof f === 'string');
}
