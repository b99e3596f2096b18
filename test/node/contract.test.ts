/**
 * The contract itself (`openapi/billing-api.yaml`): every schema compiles under ajv's
 * strict mode (a YAML slip such as a comma in an unquoted flow-mapping description makes
 * an unknown keyword), every request field is bounded and every request object closed, the
 * generated document (`mocks/http/contract.ts`, read by the mock and the conformance
 * check) is fresh and the mock's own checker compiles its whole request side, and the
 * mock's role names are the contract's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Contract } from '../../mocks/conformance/contract.js';
import { SchemaCompiler } from '../../mocks/http/schema.js';
import type { JsonSchema } from '../../mocks/http/schema.js';
import { CONTRACT_DOCUMENT } from '../../mocks/http/contract.js';
import { CONTRACT } from '../../mocks/http/validate.js';
import { isRoleName } from '../../mocks/store/store.js';
import {
  ajv,
  checkAnswer,
  contract,
  contractDocument,
  GENERATED_FILE,
  generatedSource,
  operations,
  requestContract,
  schemaErrors,
} from './contract.js';

const problem = (status: number, extra: Record<string, unknown> = {}): Response =>
  new Response(JSON.stringify({ type: 'urn:x', title: 'x', status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

describe('the contract', () => {
  it('every component schema compiles under ajv strict mode', () => {
    const a = ajv();
    for (const name of Object.keys(contract().components.schemas)) {
      assert.ok(a.getSchema(`contract#/$defs/${name}`), name);
    }
  });

  it('every operation has an id, and every response a description', () => {
    const ids = operations().map((o) => o.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const { id, op } of operations()) {
      assert.ok(id, JSON.stringify(op));
      assert.ok(op['responses'] && Object.keys(op['responses']).length > 0, id);
    }
  });

  it('mocks/http/contract.ts is the contract as it stands (npx tsx test/node/contract.ts --write): one document for the mock and the conformance check', async () => {
    assert.equal(readFileSync(GENERATED_FILE, 'utf8'), await generatedSource());
    assert.deepEqual(CONTRACT_DOCUMENT, contractDocument());
    // The mock's request side is derived from it, x-error-* wording and body limits included.
    assert.deepEqual(CONTRACT, requestContract());
    assert.equal(CONTRACT.operations['mockPutWorld']?.requestBody?.maxBytes, 64 * 1024 * 1024);
    const month = CONTRACT.operations['listUsers']?.parameters.find((p) => p.name === 'month');
    assert.equal(month?.schema['x-error-code'], 'invalid-month');
    // The conformance check reads the same document, without the mock's control endpoints.
    const backend = new Contract();
    assert.ok(backend.operations.length > 20 && backend.operations.every((op) => !op.tags.includes('mock')));
    assert.ok(CONTRACT_DOCUMENT.operations.some((op) => op.tags.includes('mock')));
    assert.equal(
      backend.operations.length,
      CONTRACT_DOCUMENT.operations.filter((op) => !op.tags.includes('mock')).length,
    );
  });

  it("every request field has a maximum and every request object takes only the fields it lists (the mock's world upload aside)", () => {
    const { schemas, operations: ops } = requestContract();
    const problems: string[] = [];
    const seen = new Set<JsonSchema>();
    const walk = (s: JsonSchema, at: string): void => {
      if (seen.has(s)) return;
      seen.add(s);
      if (s.$ref) return walk(schemas[s.$ref.split('/').pop() as string] as JsonSchema, s.$ref);
      const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
      const fixed = s.enum !== undefined || s.const !== undefined;
      if (types.includes('string') && !fixed && s.maxLength === undefined) problems.push(`${at}: no maxLength`);
      if ((types.includes('integer') || types.includes('number')) && !fixed && s.maximum === undefined) {
        problems.push(`${at}: no maximum`);
      }
      if (types.includes('array') && s.maxItems === undefined) problems.push(`${at}: no maxItems`);
      if (types.includes('object') && s.additionalProperties !== false && s.unevaluatedProperties !== false) {
        problems.push(`${at}: open object`);
      }
      for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, `${at}.${k}`);
      if (s.items) walk(s.items, `${at}[]`);
      for (const [i, sub] of [...(s.allOf ?? []), ...(s.oneOf ?? [])].entries()) walk(sub, `${at}/${i}`);
    };
    for (const [id, op] of Object.entries(ops)) {
      for (const p of op.parameters) walk(p.schema, `${id} ${p.in} ${p.name}`);
      if (op.requestBody && id !== 'mockPutWorld') walk(op.requestBody.schema, `${id} body`);
    }
    assert.deepEqual(problems, []);
    assert.equal(ops['mockPutWorld']?.requestBody?.maxBytes, 64 * 1024 * 1024);
    assert.deepEqual(CONTRACT.limits, { maxUrlLength: 8192, maxBodyBytes: 65536, maxDepth: 32 });
  });

  it("the mock's own checker compiles every request schema (it knows every keyword used)", () => {
    const compiler = new SchemaCompiler(CONTRACT.schemas);
    for (const [id, op] of Object.entries(CONTRACT.operations)) {
      for (const p of op.parameters) assert.doesNotThrow(() => compiler.compile(p.schema), `${id} ${p.name}`);
      if (op.requestBody) assert.doesNotThrow(() => compiler.compile(op.requestBody!.schema), id);
    }
    assert.throws(() => new SchemaCompiler({}).compile({ type: 'string', multipleOf: 2 } as JsonSchema), /multipleOf/);
  });

  it('the answer checker catches what is outside the contract', async () => {
    const me = { role: 'scheduler', canRead: false, canWrite: false, tenantId: 't', locale: 'en', timeZone: 'UTC' };
    const ok = { ...me, currency: 'EUR', today: '2026-03-01' };
    const json = (body: unknown, status = 200, type = 'application/json') =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
    assert.deepEqual(await checkAnswer('GET', '/me', json(ok)), []);
    assert.match((await checkAnswer('GET', '/me', json(me))).join(), /required property 'currency'/);
    assert.match((await checkAnswer('GET', '/me', json(ok, 200, 'text/html'))).join(), /Content-Type text\/html/);
    assert.match((await checkAnswer('GET', '/nowhere', json(ok))).join(), /no operation/);
    assert.match((await checkAnswer('PUT', '/__mock/session', json(ok, 200))).join(), /a body where|Content-Type/);
    assert.match((await checkAnswer('GET', '/users', problem(400))).join(), /400 without field errors/);
    assert.match((await checkAnswer('GET', '/users', problem(500, { status: 502 }))).join(), /says status 502/);
    const leak = problem(500, { detail: 'TypeError: x at /srv/a.ts:1' });
    assert.match((await checkAnswer('GET', '/users', leak)).join(), /internal error text/);
    const details = { recipients: [], address: { line1: '', postalCode: '', city: '', country: '' } };
    const answer = { ...details, eInvoicing: { enabled: false }, companyName: 'c', version: '"v0"', extra: 1 };
    assert.match((await checkAnswer('GET', '/billing-details', json(answer))).join(), /additional properties/);
  });

  it("roles are open: the store's role names are the contract's Role", () => {
    const role = { $ref: '#/components/schemas/Role' };
    for (const name of ['admin', 'finance', 'member', 'guest', 'scheduler', 'Team.Lead_2', 'r'.repeat(64)]) {
      assert.deepEqual(schemaErrors(role, name), [], name);
      assert.equal(isRoleName(name), true, name);
    }
    for (const name of ['', 'two words', '1st', 'r'.repeat(65), 'admin\n', 'drop;table', 'é']) {
      assert.notDeepEqual(schemaErrors(role, name), [], name);
      assert.equal(isRoleName(name), false, name);
    }
  });
});
