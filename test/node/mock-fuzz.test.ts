/**
 * A fuzz test of the mock over the contract's operations (fast-check, seeded, bounded in
 * time). Each run starts from a fresh world with a role (admin, finance, member, guest, a
 * host's own `scheduler`, or no session) and sends a few requests built from the contract:
 * parameters, headers and bodies valid by its schemas, or broken (unknown keys such as
 * `constructor` and `__proto__`, wrong types, `null`, deep nesting, oversized values,
 * other content types, weak or malformed `If-Match`), and sometimes injected faults.
 * After each request:
 *
 * - no 5xx except an injected `error-500` fault;
 * - the answer is the contract's (status, content type, body, headers: `checkAnswer`);
 * - a rejected write, and any read, changed nothing (world, change log, role; the faults
 *   for a rejected fault list);
 * - for a caller allowed to make it: a request ajv finds outside the contract is refused
 *   (400, 413, 415, 422 or 428), and one it finds inside is not refused for its form
 *   (no 413 or 415, and a 400 only for a rule the schema cannot state).
 *
 * `FUZZ_SEED`, `FUZZ_RUNS` and `FUZZ_MS` change the seed, the number of runs and the time
 * limit (default: seed 17, 500 runs, 15 s).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { JsonSchema, OperationSpec } from '../../mocks/http/schema.js';
import type { World } from '../../mocks/engine/types.js';
import { detailsEtag } from '../../mocks/store/views.js';
import { checkAnswer, requestContract, requestVerdict } from './contract.js';
import type { RequestParts } from './contract.js';
import { BASE, checked, useMockServer, world } from './mock-setup.js';

const { store } = useMockServer();

const SEED = Number(process.env['FUZZ_SEED'] ?? 17);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 500);
const TIME_MS = Number(process.env['FUZZ_MS'] ?? 15_000);

const { operations, schemas, limits } = requestContract();
const WORLDS: World[] = [world(), world('prepaid-licenses', 200, 4)];
const TODAY = WORLDS[0]?.today as string;
const PLAN_IDS = [...new Set(WORLDS.flatMap((w) => w.subscription.plans.map((p) => p.id)))];

/** Operations left out: loading the big generated scenarios or a hang would only be slow. */
const SKIPPED = new Set<string>([]);
/** How often each operation is picked, relative to 10 (the PDF renders slowly). */
const WEIGHTS: Record<string, number> = { getInvoicePdf: 3, mockReset: 2, mockLoadScenario: 2, mockPutWorld: 4 };
const SMALL_SCENARIOS = ['injixo-advanced', 'workplace-trial', 'severa-prepaid', 'm365-declined'];
const ROLES = ['admin', 'finance', 'member', 'guest', 'scheduler', null] as const;
const BUILT_INS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'note'];
/** 400 codes of rules the schema cannot state (the rest of a 400 is the schema's). */
const RULE_CODES = new Set(['before-ledger', 'out-of-range', 'invalid-date', 'required']);

// ---------------------------------------------------------------------------------------
// Values from schemas

const resolve = (s: JsonSchema): JsonSchema =>
  s.$ref !== undefined ? (schemas[s.$ref.split('/').pop() as string] as JsonSchema) : s;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const month = fc
  .tuple(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const nearMonth = fc.integer({ min: -14, max: 3 }).map((k) => addDays(TODAY, k * 30).slice(0, 7));
const email = fc.oneof(
  fc.constantFrom('ap@example.com', 'finance@example.org', 'Ana.Ruiz@example.es'),
  fc.emailAddress({ size: 'xsmall' }).filter((e) => e.length <= 254),
);
const printable = (max: number): fc.Arbitrary<string> => fc.string({ maxLength: max });

/** A value the schema allows (for patterns, the contract's known forms). */
function valid(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (schema.$ref?.endsWith('/Date')) return fc.integer({ min: -20, max: 40 }).map((k) => addDays(TODAY, k));
  if (schema.$ref?.endsWith('/Role') || name === 'role')
    return fc.constantFrom('admin', 'finance', 'member', 'scheduler');
  if (s.enum) return fc.constantFrom(...s.enum);
  if (name === 'planId') return fc.oneof(fc.constantFrom(...PLAN_IDS), fc.string({ minLength: 1, maxLength: 8 }));
  if (s.oneOf) return fc.oneof(...s.oneOf.map((b) => valid(b, name)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'email') return email;
      if (s.pattern?.includes('A-Z]{2}')) return fc.constantFrom('NL', 'FI', 'DE');
      if (s.pattern?.includes('(20[0-9]{2}|2100)')) return fc.oneof(nearMonth, month);
      return fc.string({ minLength: Math.max(1, s.minLength ?? 0), maxLength: Math.min(s.maxLength ?? 20, 30) });
    case 'integer': {
      const min = s.minimum ?? 0;
      const max = Math.min(s.maximum ?? 1000, name === 'latencyMs' ? 5 : 1e9);
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 5) }), fc.integer({ min, max }));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? 0, max: s.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid(s.items as JsonSchema), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) model[k] = valid(sub, k);
      return fc.record(model, { requiredKeys: [...(s.required ?? [])] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** An own property (also `__proto__`), as JSON.parse would make it. */
function withKey(o: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...o };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const WRONG = [null, [], {}, 'text', 1.5, true, -1, 1e21, 'x'.repeat(1200)];

/** `value` made invalid one way or another (unknown key, wrong type, or not an object). */
function broken(value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(value, fc.nat(), fc.constantFrom(...BUILT_INS), fc.constantFrom(...WRONG)).map(([v, n, key, bad]) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return bad === v ? 'not this' : bad;
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    const nested = keys.filter((k) => o[k] !== null && typeof o[k] === 'object' && !Array.isArray(o[k]));
    switch (n % 3) {
      case 0:
        return withKey(o, key, bad);
      case 1: {
        if (nested.length === 0) return withKey(o, key, {});
        const k = nested[n % nested.length] as string;
        return { ...o, [k]: withKey(o[k] as Record<string, unknown>, key, bad) };
      }
      default: {
        if (keys.length === 0) return withKey(o, key, bad);
        const k = keys[n % keys.length] as string;
        // A type the field cannot have: strings get an object, the rest a string.
        return { ...o, [k]: typeof o[k] === 'string' ? { nested: o[k] } : 'wrong' };
      }
    }
  });
}

// ---------------------------------------------------------------------------------------
// Requests

type Sym = { kind: 'person' | 'invoice'; n: number } | { kind: 'text'; value: string };
type IfMatch = 'absent' | 'current' | 'stale' | 'weak' | 'unquoted' | 'star' | 'list' | 'garbage';
type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string }
  | { kind: 'world'; mutate: boolean };

interface Req {
  op: string;
  path: Record<string, Sym>;
  query: Record<string, string>;
  idempotencyKey?: string;
  ifMatch: IfMatch;
  contentType?: string;
  body: Body;
}

const queryValue = (schema: JsonSchema, name: string): fc.Arbitrary<string | undefined> => {
  const good = valid(schema, name).map((v) => (Array.isArray(v) ? v.join(',') : String(v)));
  const bad = fc.oneof(
    fc.constantFrom('', 'x', '-1', '1.5', '99999999999999999999', '0000-01', '2026-13', '%', 'true,maybe'),
    fc.constantFrom('a\nb', '\t', 'é', '🧾', 'x'.repeat(250)),
    printable(12),
  );
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: good, weight: 5 },
    { arbitrary: bad, weight: 2 },
  );
};

const faultsBody = fc.record({
  items: fc.array(
    fc.record(
      {
        operation: fc.constantFrom('*', 'getSubscription', 'listUsers', 'putBillingDetails', 'orderLicenses'),
        kind: fc.constantFrom('error-500', 'rate-limit-429', 'latency', 'network-error'),
        latencyMs: fc.integer({ min: 0, max: 5 }),
        retryAfter: fc.integer({ min: 0, max: 3 }),
        times: fc.integer({ min: 1, max: 2 }),
      },
      { requiredKeys: ['operation', 'kind', 'latencyMs', 'times'] },
    ),
    { maxLength: 2 },
  ),
});

function bodyOf(id: string, op: OperationSpec): fc.Arbitrary<Body> {
  if (!op.requestBody) return fc.constant({ kind: 'none' });
  if (id === 'mockPutWorld') {
    return fc.oneof(
      fc.record({ kind: fc.constant('world' as const), mutate: fc.boolean() }),
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: 'json' as const, value })),
    );
  }
  const good = id === 'mockPutFaults' ? faultsBody : valid(op.requestBody.schema);
  const json = (a: fc.Arbitrary<unknown>) => a.map((value) => ({ kind: 'json' as const, value }));
  return fc.oneof(
    { arbitrary: json(good), weight: 8 },
    { arbitrary: json(broken(good)), weight: 3 },
    { arbitrary: json(fc.jsonValue({ maxDepth: 2 })), weight: 1 },
    {
      arbitrary: fc
        .constantFrom('null', '{"a":', `{"x":${'['.repeat(40)}${']'.repeat(40)}}`, 'ÿ', `"${'x'.repeat(70_000)}"`)
        .map((text) => ({ kind: 'raw' as const, text })),
      weight: 1,
    },
    ...(op.requestBody.required ? [] : [{ arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 }]),
  );
}

function requestOf(id: string, op: OperationSpec): fc.Arbitrary<Req> {
  const path: Record<string, fc.Arbitrary<Sym>> = {};
  const query: Record<string, fc.Arbitrary<string | undefined>> = {};
  let key: fc.Arbitrary<string | undefined> = fc.constant(undefined);
  for (const p of op.parameters) {
    if (p.in === 'path') {
      const kind: 'person' | 'invoice' = p.name === 'userId' ? 'person' : 'invoice';
      path[p.name] =
        p.name === 'name'
          ? fc.constantFrom(...SMALL_SCENARIOS, 'no-such-scenario').map((value) => ({ kind: 'text' as const, value }))
          : fc.oneof(
              { arbitrary: fc.nat().map((n) => ({ kind, n })), weight: 4 },
              fc
                .oneof(printable(10), fc.constantFrom('é', 'a b', '%', 'x'.repeat(201)))
                // An empty or dot segment would be another path (the URL parser folds it).
                .filter((v) => v !== '' && v !== '.' && v !== '..')
                .map((value) => ({ kind: 'text' as const, value })),
            );
    } else if (p.in === 'query') query[p.name] = queryValue(p.schema, p.name);
    else if (p.name === 'Idempotency-Key') {
      key = fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 2 },
        {
          arbitrary: fc.string({ minLength: 8, maxLength: 40 }).filter((s) => s.trim() === s && s.length >= 8),
          weight: 5,
        },
        { arbitrary: fc.constantFrom('short', 'k'.repeat(201), 'fixed-key-0001'), weight: 3 },
      );
    }
  }
  return fc.record({
    op: fc.constant(id),
    path: fc.record(path),
    query: fc
      .record(query)
      .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>),
    idempotencyKey: key,
    ifMatch: fc.constantFrom<IfMatch>(
      'current',
      'current',
      'absent',
      'stale',
      'weak',
      'unquoted',
      'star',
      'list',
      'garbage',
    ),
    contentType: fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 14 },
      { arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-8', 'application/xml'), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    ),
    body: bodyOf(id, op),
  });
}

const request = fc.oneof(
  ...Object.entries(operations)
    .filter(([id]) => !SKIPPED.has(id))
    .map(([id, op]) => ({ arbitrary: requestOf(id, op), weight: WEIGHTS[id] ?? 10 })),
);

/** The request as sent, with its symbols resolved against the world of the moment. */
function materialise(req: Req): { url: string; init: RequestInit; parts: RequestParts; bodyText?: string } {
  const op = operations[req.op] as OperationSpec;
  const w = store.world;
  const issued = w.invoices.filter((i) => i.issuedOn <= w.today);
  const path: Record<string, string> = {};
  for (const [name, sym] of Object.entries(req.path)) {
    path[name] =
      sym.kind === 'text'
        ? sym.value
        : sym.kind === 'person'
          ? (w.people[sym.n % w.people.length]?.id ?? 'p-none')
          : (issued[sym.n % Math.max(1, issued.length)]?.id ?? 'inv-none');
  }
  const pathname = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(path[name] as string));
  const search = new URLSearchParams(req.query).toString();
  const headers: Record<string, string> = {};
  if (req.idempotencyKey !== undefined) headers['Idempotency-Key'] = req.idempotencyKey;
  if (op.parameters.some((p) => p.name === 'If-Match') && req.ifMatch !== 'absent') {
    const etag = detailsEtag(w);
    headers['If-Match'] = {
      current: etag,
      stale: '"v999"',
      weak: `W/${etag}`,
      unquoted: etag.replaceAll('"', ''),
      star: '*',
      list: `"v998", ${etag}`,
      garbage: 'not an etag',
    }[req.ifMatch];
  }
  let bodyText: string | undefined;
  let parsed: unknown;
  if (req.body.kind === 'json') {
    bodyText = JSON.stringify(req.body.value) ?? 'null';
    parsed = JSON.parse(bodyText);
  } else if (req.body.kind === 'raw') bodyText = req.body.text;
  else if (req.body.kind === 'world') {
    const copy = structuredClone(w) as unknown as Record<string, unknown>;
    if (req.body.mutate) copy['today'] = 'yesterday';
    bodyText = JSON.stringify(copy);
    parsed = copy;
  }
  if (bodyText !== undefined && req.contentType !== undefined) headers['Content-Type'] = req.contentType;
  if (bodyText !== undefined && parsed === undefined) {
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      parsed = undefined;
    }
  }
  return {
    url: `${BASE}${pathname}${search ? `?${search}` : ''}`,
    init: { method: op.method.toUpperCase(), headers, ...(bodyText !== undefined ? { body: bodyText } : {}) },
    parts: { query: req.query, headers, path, ...(bodyText !== undefined ? { body: parsed } : {}) },
    ...(bodyText !== undefined ? { bodyText } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// The property

const snapshot = (withFaults: boolean): string =>
  JSON.stringify({
    world: store.world,
    log: store.mutations.length,
    role: store.role,
    ...(withFaults ? { faults: store.faults } : {}),
  });

const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  rejectedWrites: 0,
  byOp: new Map<string, string[]>(),
};

async function step(req: Req): Promise<void> {
  const op = operations[req.op] as OperationSpec;
  const sent = materialise(req);
  const mockOp = req.op.startsWith('mock');
  const faultHit = !mockOp && store.faults.some((f) => f.operation === '*' || f.operation === req.op);
  const before = snapshot(req.op === 'mockPutFaults');
  const beforeWorld = snapshot(false);
  const what = `${sent.init.method} ${sent.url.slice(BASE.length, BASE.length + 200)} ${
    sent.bodyText?.slice(0, 200) ?? ''
  } ${JSON.stringify(sent.init.headers)}`;
  let response: Response;
  try {
    response = await fetch(sent.url, sent.init);
  } catch (e) {
    // Only an injected network-error fault may fail the request.
    assert.ok(faultHit, `${what}: the request failed: ${String(e)}`);
    assert.ok(snapshot(false) === beforeWorld, `${what}: the state changed`);
    return;
  }
  stats.requests++;
  stats.byStatus.set(response.status, (stats.byStatus.get(response.status) ?? 0) + 1);
  stats.byOp.set(req.op, [...(stats.byOp.get(req.op) ?? []), String(response.status)]);
  const status = response.status;
  const text = await response.clone().text();
  const at = `${what}\n  → ${status} ${text.slice(0, 300)}`;

  // No 5xx but an injected one.
  if (status >= 500) assert.ok(faultHit && /server-error/.test(text), `${at}: a 5xx without a fault`);
  // Within the contract.
  const pathname = new URL(sent.url).pathname.slice(new URL(BASE).pathname.length);
  assert.deepEqual(await checkAnswer(op.method, pathname, response), [], at);
  // Reads and rejected writes change nothing.
  if (op.method === 'get' || status >= 400) {
    if (op.method !== 'get') stats.rejectedWrites++;
    assert.ok(snapshot(req.op === 'mockPutFaults') === before, `${at}: the state changed`);
  }
  // The mock's verdict is ajv's, for a caller allowed to ask (faults and auth come first).
  if (status === 401 || status === 403 || status === 429 || status >= 500) return;
  const headers = sent.init.headers as Record<string, string>;
  const needsIfMatch = op.parameters.some((p) => p.name === 'If-Match' && p.required);
  if (needsIfMatch && headers['If-Match'] === undefined) {
    assert.equal(status, 428, at);
    return;
  }
  const bytes = sent.bodyText === undefined ? 0 : new TextEncoder().encode(sent.bodyText).length;
  const tooLarge = bytes > (op.requestBody?.maxBytes ?? limits.maxBodyBytes);
  const notJson =
    sent.bodyText !== undefined &&
    sent.bodyText.trim() !== '' &&
    !/^application\/json(;\s*charset=utf-8)?$/i.test(headers['Content-Type'] ?? '');
  const problems =
    op.requestBody && sent.bodyText !== undefined && sent.parts.body === undefined ? ['body: not JSON'] : [];
  if (sent.bodyText !== undefined && /(\[){33}/.test(sent.bodyText)) problems.push('body: too deep');
  problems.push(...requestVerdict(req.op, sent.parts));
  if (tooLarge) assert.equal(status, 413, at);
  else if (notJson) assert.equal(status, 415, at);
  else if (problems.length > 0) {
    assert.ok([400, 412, 413, 415, 422, 428].includes(status), `${at}\n  ajv: ${problems.join('; ')}`);
  } else if (status === 400) {
    const codes = ((JSON.parse(text) as { errors?: { code: string }[] }).errors ?? []).map((e) => e.code);
    assert.ok(
      codes.every((c) => RULE_CODES.has(c)),
      `${at}: refused as malformed what the contract allows`,
    );
  } else assert.ok(status !== 413 && status !== 415, at);
}

describe('mock fuzz over the contract', () => {
  it(`no 5xx, no answer outside the contract, no change after a rejected write (seed ${SEED})`, async () => {
    const started = Date.now();
    const answersBefore = checked.answers;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: WORLDS.length - 1 }),
        fc.oneof(
          { arbitrary: fc.constantFrom<(typeof ROLES)[number]>('admin', 'finance'), weight: 6 },
          { arbitrary: fc.constantFrom(...ROLES), weight: 4 },
        ),
        fc.array(request, { minLength: 1, maxLength: 4 }),
        async (w, role, requests) => {
          runs++;
          store.loadWorld(WORLDS[w] as World);
          store.setFaults([]);
          store.setSession({ role });
          for (const req of requests) await step(req);
        },
      ),
      {
        seed: SEED,
        numRuns: RUNS,
        interruptAfterTimeLimit: TIME_MS,
        markInterruptAsFailure: false,
        endOnFailure: true,
      },
    );
    store.setFaults([]);
    store.setSession({ role: 'admin' });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...stats.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzz: seed ${SEED}, ${runs} runs, ${stats.requests} requests (${stats.rejectedWrites} rejected writes) in ${seconds} s; ${statuses.join(' ')}`,
    );
    if (process.env['FUZZ_DEBUG']) for (const [op, s] of stats.byOp) console.log(op, s.sort().join(' '));
    assert.ok(stats.requests >= 200, `only ${stats.requests} requests in the time limit`);
    assert.ok(checked.answers - answersBefore >= stats.requests, 'every answer went through the contract check');
  });
});
