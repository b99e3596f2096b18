/**
 * The conformance check's own parts, without a backend: it reads the generated contract
 * document (`mocks/http/contract.ts`) less the mock's own endpoints; the table of
 * what each element needs is what the elements' sources call and names the contract's
 * operations; every invalid request it generates is invalid by the contract (ajv), one
 * defect from a valid one; a missing endpoint is told as the elements tell it; the JUnit
 * XML holds any text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { REFUSED_CHANGE, REFUSED_ORDER, SAMPLE_DETAILS } from '../../mocks/conformance/bodies.js';
import { missingBecause } from '../../mocks/conformance/context.js';
import { Contract } from '../../mocks/conformance/contract.js';
import { trimContract } from '../../mocks/conformance/document.js';
import type { Schema } from '../../mocks/conformance/document.js';
import { ELEMENT_NEEDS, whatBreaks } from '../../mocks/conformance/elements.js';
import type { Answer } from '../../mocks/conformance/http.js';
import { bodyMutations, parameterMutations } from '../../mocks/conformance/mutations.js';
import { CONTRACT_DOCUMENT } from '../../mocks/http/contract.js';
import { junitReport, textReport } from '../../mocks/conformance/report.js';
import type { ConformanceReport } from '../../mocks/conformance/index.js';
import { contract } from './contract.js';

describe('the conformance check: its copy of the contract', () => {
  it('is the generated document (mocks/http/contract.ts, tested in contract.test.ts) without the mock endpoints', () => {
    const doc = trimContract(contract());
    assert.deepEqual(
      new Contract().operations,
      doc.operations.filter((o) => !o.tags.includes('mock')),
    );
  });
});

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** Every `.ts` file under a folder of src/. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => read(join(dir, f)));
}

/** `BillingClient` method → the contract's operationId, read from src/client/client.ts. */
function clientOperations(): Map<string, string> {
  const text = read('src/client/client.ts');
  const byRoute = new Map(CONTRACT_DOCUMENT.operations.map((o) => [`${o.method} ${o.path}`, o.id]));
  const out = new Map<string, string>();
  const starts = [...text.matchAll(/^ {2}(?:async )?(\w+)(?:<[^>]*>)?\(/gm)];
  starts.forEach((m, i) => {
    const body = text.slice(m.index, starts[i + 1]?.index ?? text.length);
    const call = /#(?:data|call)\('(get|post|put|delete)', '([^']+)'/.exec(body);
    if (!call || (m[1] as string).startsWith('#')) return;
    const id = byRoute.get(`${call[1]} ${call[2]}`);
    assert.ok(id, `${m[1]}: ${call[1]} ${call[2]} is no operation of the contract`);
    out.set(m[1] as string, id);
  });
  return out;
}

/** The client methods a body of source calls (`client.x(`, `billing!.client.x(`, `client\n  .x(`). */
function calls(texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\bclient!?\s*\.(\w+)\(/g)) out.add(m[1] as string);
  return out;
}

describe('the conformance check: what each element needs', () => {
  it('is what the elements call: every client call of each element folder (and GET /me of the provider), nothing else', () => {
    const ops = clientOperations();
    assert.ok(ops.size >= 20, `${ops.size} client methods`);
    const actual = new Map<string, Set<string>>();
    const add = (element: string, methods: Set<string>) => {
      for (const m of methods) {
        const id = ops.get(m);
        assert.ok(id, `${element} calls client.${m}, which is no operation of the client`);
        if (!actual.has(element)) actual.set(element, new Set());
        actual.get(element)?.add(id);
      }
    };
    for (const folder of readdirSync(join(ROOT, 'src/components'))) {
      add(`billing-${folder}`, calls(sources(`src/components/${folder}`)));
    }
    add('billing-provider', calls(sources('src/context')));
    // Nothing else in the kit calls the API on an element's behalf.
    assert.deepEqual([...calls(sources('src/internal'))], []);
    const table = new Map<string, Set<string>>();
    for (const n of ELEMENT_NEEDS) {
      if (!table.has(n.element)) table.set(n.element, new Set());
      table.get(n.element)?.add(n.operationId);
      assert.equal(ops.get(n.clientMethod), n.operationId, `${n.element}: ${n.clientMethod}`);
    }
    const sorted = (m: Map<string, Set<string>>) =>
      Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, [...v].sort()]));
    assert.deepEqual(sorted(table), sorted(actual));
  });

  it("names the contract's operations, and every operation is needed by an element", () => {
    const c = new Contract();
    for (const n of ELEMENT_NEEDS) assert.ok(c.has(n.operationId), n.operationId);
    const unused = c.operations.map((o) => o.id).filter((id) => !ELEMENT_NEEDS.some((n) => n.operationId === id));
    assert.deepEqual(unused, []);
    assert.equal(whatBreaks('listOrders'), '<billing-subscription-overview> cannot show the order history');
    assert.match(whatBreaks('getLicenses'), /^<billing-users-table> cannot say, behind a licenses figure/);
  });
});

describe('the conformance check: invalid requests generated from the contract', () => {
  const c = new Contract();
  const bases: [string, unknown][] = [
    ['putBillingDetails', { ...SAMPLE_DETAILS, contact: { email: 'pay@example.com', name: 'Pay' }, poNumber: 'PO-1' }],
    ['orderLicenses', REFUSED_ORDER],
    ['quoteLicenses', { quantity: 1 }],
    ['scheduleChange', REFUSED_CHANGE],
    ['deactivateUser', {}],
    ['reactivateUser', {}],
  ];

  it('each body is one defect from a valid one, and invalid by the contract (ajv)', () => {
    let total = 0;
    for (const [id, base] of bases) {
      const schema = c.operation(id).requestBody?.schema as Schema;
      assert.ok(c.accepts(schema, base), `${id}: the base is valid`);
      for (const m of bodyMutations(c, schema, base)) {
        total++;
        assert.ok(!c.accepts(schema, m.body), `${id}: ${m.what} is valid: ${JSON.stringify(m.body)}`);
      }
    }
    assert.ok(total >= 60, `${total} invalid bodies`);
  });

  it('names the fields as the contract does: JSON paths, items by index', () => {
    const schema = c.operation('putBillingDetails').requestBody?.schema as Schema;
    const mutations = bodyMutations(c, schema, bases[0]?.[1]);
    const fields = (kind: string) => [...new Set(mutations.filter((m) => m.kind === kind).map((m) => m.field))];
    assert.deepEqual(fields('required'), [
      'recipients',
      'address',
      'eInvoicing',
      'address.line1',
      'address.postalCode',
      'address.city',
      'address.country',
      'eInvoicing.enabled',
    ]);
    assert.deepEqual(fields('unknown'), [
      'contact.conformanceUnknownField',
      'address.conformanceUnknownField',
      'eInvoicing.conformanceUnknownField',
      'conformanceUnknownField',
    ]);
    assert.ok(fields('limit').includes('recipients[0]'));
    assert.ok(mutations.some((m) => m.what === 'recipients with 21 items (at most 20)'));
  });

  it('query parameters and a required header: left out, of the wrong type, past a limit', () => {
    const users = parameterMutations(c, c.operation('listUsers'), { month: '2026-03' });
    assert.deepEqual(
      users.map((m) => `${m.kind} ${m.field} ${JSON.stringify(m.query?.[m.field])}`),
      [
        'required month undefined',
        'limit month "xxxxxxxx"',
        'limit month "2026-13"',
        'type billed "maybe"',
        'type offset "abc"',
        'limit offset "100000001"',
        'limit offset "-1"',
        'type limit "abc"',
        'limit limit "501"',
        'limit limit "0"',
        'limit sort "conformance-not-listed"',
        `limit q "${'x'.repeat(201)}"`,
        'limit q "x\\u0001"',
        `limit day "${'x'.repeat(11)}"`,
        'limit day "2026-13"',
        'limit day "2026-02-30"',
      ],
    );
    const order = parameterMutations(c, c.operation('orderLicenses'), {}, { 'Idempotency-Key': 'conformance-key-1' });
    assert.deepEqual(
      order.map((m) => `${m.kind} ${m.in} ${m.field} ${m.headers?.['Idempotency-Key']?.length ?? 'none'}`),
      ['required header Idempotency-Key none', 'limit header Idempotency-Key 201', 'limit header Idempotency-Key 0'],
    );
  });
});

describe('the conformance check: reading answers', () => {
  const answer = (status: number, mediaType: string, json?: unknown): Answer =>
    ({ status, mediaType, json, text: json === undefined ? 'x' : JSON.stringify(json) }) as Answer;
  const problem = (status: number, code?: string) =>
    answer(status, 'application/problem+json', { type: 'urn:x', title: 'x', status, ...(code ? { code } : {}) });

  it('a missing endpoint is a 405, a 501, or a 404 without a problem code (as the elements read it)', () => {
    assert.match(missingBecause(answer(404, 'text/html')) ?? '', /^answered 404 text\/html/);
    assert.ok(missingBecause(problem(404)));
    assert.ok(missingBecause(problem(404, 'no-such-endpoint')));
    assert.ok(missingBecause(answer(405, '')));
    assert.ok(missingBecause(problem(501)));
    assert.equal(missingBecause(problem(404, 'unknown-user')), undefined);
    assert.equal(missingBecause(problem(404, 'no-subscription')), undefined);
    assert.equal(missingBecause(problem(400)), undefined);
  });

  it('an answer breaking the contract: each issue with its kind and place', () => {
    const c = new Contract();
    const issues = c.checkAnswer(c.operation('listPlans'), {
      status: 200,
      headers: new Headers(),
      mediaType: 'application/json',
      text: '',
      json: { currency: 'eur', items: [{ id: 'p', name: 'P', model: 'peak-daily', unitPrice: 12.5 }] },
    });
    assert.deepEqual(
      issues.map((i) => [i.kind, i.pointer, i.message]),
      [
        ['currency', '/currency', '/currency = "eur": must match pattern "^[A-Z]{3}$"'],
        ['integer', '/items/0/unitPrice', '/items/0/unitPrice = 12.5: must be integer'],
      ],
    );
    const wrongType = c.checkAnswer(c.operation('getMe'), {
      status: 200,
      headers: new Headers(),
      mediaType: 'text/html',
      text: '<html>',
    });
    assert.deepEqual(wrongType, [{ kind: 'content-type', message: 'Content-Type text/html is not application/json' }]);
    const undeclared = c.checkAnswer(c.operation('getMe'), { ...problem(400), headers: new Headers() } as Answer);
    assert.deepEqual(
      undeclared.map((i) => i.message),
      ['a 400 without field errors (errors[])'],
    );
  });
});

describe('the conformance check: the report', () => {
  const hostile = `<billing-x> & "quotes" 'and' \u0001 control ]]> 💶`;
  const report: ConformanceReport = {
    baseUrl: 'http://127.0.0.1:4010/api/billing?x=<1>&y=2',
    contract: { title: 'billing-elements API', version: '1.0.0' },
    startedAt: '2026-12-01T00:00:00.000Z',
    ms: 1234,
    writes: true,
    groups: ['endpoints', 'details'],
    roles: [{ name: 'admin', headers: ['Authorization'] }],
    month: '2026-11',
    results: [
      { group: 'endpoints', title: hostile, endpoint: 'GET /me', status: 'pass', ms: 3 },
      {
        group: 'endpoints',
        title: 't',
        status: 'fail',
        expected: hostile,
        got: hostile,
        hint: hostile,
        summary: hostile,
        ms: 4,
      },
      { group: 'details', title: 's', status: 'skip', summary: hostile, ms: 0 },
    ],
    writesMade: [{ endpoint: 'PUT /billing-details', what: hostile, undone: true, how: hostile }],
    counts: { passed: 1, failed: 1, skipped: 1, total: 3 },
  };

  it('JUnit XML parses (strict), whatever the text, with the counts', () => {
    const sax = createRequire(import.meta.url)('sax') as {
      parser(strict: boolean): {
        onopentag: (n: { name: string; attributes: Record<string, string> }) => void;
        onerror: (e: Error) => void;
        write(t: string): { close(): void };
      };
    };
    const parser = sax.parser(true);
    const seen: Record<string, number> = {};
    let message = '';
    parser.onerror = (e) => {
      throw e;
    };
    parser.onopentag = (n) => {
      seen[n.name] = (seen[n.name] ?? 0) + 1;
      if (n.name === 'failure') message = n.attributes['message'] ?? '';
    };
    parser.write(junitReport(report)).close();
    assert.deepEqual(seen, {
      testsuites: 1,
      testsuite: 2,
      properties: 2,
      property: 7,
      testcase: 3,
      failure: 1,
      skipped: 1,
    });
    assert.equal(message, hostile.replace('\u0001', '\uFFFD'));
  });

  it('text: grouped, a line per check, expected/got/hint under a failure, the writes, the counts', () => {
    const text = textReport(report);
    assert.match(text, /^endpoints: every endpoint an element needs answers/m);
    assert.match(text, /^ {2}✓ GET \/me — <billing-x>/m);
    assert.match(
      text,
      /^ {2}✗ <billing-x>.*\n {6}expected: <billing-x>.*\n {6}got: {6}<billing-x>.*\n {6}hint: {5}<billing-x>/m,
    );
    assert.match(text, /^ {2}– s: skipped, <billing-x>/m);
    assert.match(text, /^writes made\n {2}✓ PUT \/billing-details: <billing-x>.* — undone: <billing-x>/m);
    assert.match(text, /^1 of 3 checks passed, 1 failed, 1 skipped, in 1\.2 s — 1 deviation from the contract\n$/m);
  });
});
