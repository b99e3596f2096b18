/**
 * The schema checker's fast verdict (`mocks/engine/schema/verdict.ts`) agrees with its
 * collecting check: `accepts(v)` is true exactly when `check` reports nothing, for every
 * definition of the world format and every request schema of the contract, on valid
 * values and on values broken at random (wrong types, unknown and missing fields, blank
 * and over-long text, bad dates, repeated items, inherited and non-enumerable keys).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  SchemaCompiler,
  type CheckContext,
  type JsonSchema,
  type Validator,
} from '../../mocks/engine/schema/validate.js';
import { WORLD_SCHEMA } from '../../mocks/engine/world-schema.js';
import { CONTRACT } from '../../mocks/http/validate.js';

/** Values a schema may meet: scalars of every type, edge strings, small lists and objects. */
const ODD: unknown[] = [
  ...['', ' ', '\u00a0x', 'x'.repeat(300), '😀'.repeat(101), '\tx', 'constructor'],
  ...['2026-02-29', '2028-02-29', '1999-12-31', '2026-13-01', 'a@b.co', 'EUR', 'eur', 'login', 'admin'],
  ...[-1, 0, 1, 1.5, 2 ** 60, Number.NaN, null, true, false],
  ...[[], ['a', 'a'], [1, 1], [{ a: 1 }, { a: 1 }], {}, { a: 1 }],
];

/** A value of `schema`'s form, as far as a few random choices make one. */
function sample(s: JsonSchema, c: SchemaCompiler, rnd: () => number, depth = 0): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  if (s.$ref !== undefined) return sample(c.resolve(s.$ref), c, rnd, depth);
  if (s.enum) return pick(s.enum);
  if (s.const !== undefined) return s.const;
  if (s.oneOf) return sample(pick(s.oneOf), c, rnd, depth);
  if (s.anyOf) return sample(pick(s.anyOf), c, rnd, depth);
  const type = Array.isArray(s.type) ? pick(s.type) : s.type;
  switch (type) {
    case 'string':
      if (s.format === 'date') return `2026-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
      if (s.format === 'email' || s.pattern?.includes('@') === true) return 'anna@example.com';
      return s.pattern === '^[A-Z]{3}$' ? 'EUR' : `text ${Math.floor(rnd() * 5)}`;
    case 'integer':
      return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 10, 3));
    case 'number':
      return Math.max(s.minimum ?? 0, 1.5);
    case 'boolean':
      return rnd() < 0.5;
    case 'null':
      return null;
    case 'array': {
      const n = depth > 5 ? 0 : (s.minItems ?? 0) + Math.floor(rnd() * 3);
      return Array.from({ length: n }, () => sample(s.items ?? {}, c, rnd, depth + 1));
    }
    default: {
      const o: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) === true || rnd() < 0.6) o[k] = sample(p, c, rnd, depth + 1);
      }
      return o;
    }
  }
}

/** `value` with a few of its fields broken at random. */
function broken(value: unknown, rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const root = { value: structuredClone(value) as unknown };
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    let parent: Record<string, unknown> = root;
    let key = 'value';
    for (let d = 0; d < 6 && rnd() < 0.75; d++) {
      const at = parent[key];
      if (at === null || typeof at !== 'object' || Object.keys(at).length === 0) break;
      parent = at as Record<string, unknown>;
      key = pick(Object.keys(at));
    }
    const r = rnd();
    if (r < 0.45) parent[key] = structuredClone(pick(ODD));
    else if (r < 0.6) delete parent[key];
    else if (r < 0.7) parent[pick(['zzz', 'toString', 'constructor'])] = 1;
    else if (r < 0.75) parent[key] = JSON.parse('{"__proto__": 1}') as unknown;
    else if (r < 0.8) parent[key] = Object.assign(Object.create({ inherited: 1 }) as object, parent[key]);
    else if (r < 0.85) parent[key] = Object.assign(Object.create(null) as object, parent[key]);
    else if (r < 0.9 && Array.isArray(parent[key])) (parent[key] as unknown[]).push((parent[key] as unknown[])[0]);
    else if (parent[key] !== null && typeof parent[key] === 'object' && !Array.isArray(parent[key])) {
      // A required field kept, but not enumerable: still there, as the checker reads it.
      const o = parent[key] as Record<string, unknown>;
      const k = pick(Object.keys(o).concat('x'));
      Object.defineProperty(o, k, { value: o[k], enumerable: false });
    }
  }
  return root.value;
}

function agree(v: Validator, value: unknown, defer?: ReadonlySet<string>): void {
  const ctx: CheckContext = { errors: [], max: Infinity, defer };
  v.check(value, '', ctx);
  const reported = ctx.errors.length > 0;
  // A deferred keyword's failure is not reported, but the verdict still says no.
  if (defer === undefined) assert.equal(v.accepts(value), !reported, JSON.stringify(ctx.errors));
  else if (reported) assert.equal(v.accepts(value), false);
}

function schemasAgree(schemas: Record<string, JsonSchema>, roots: JsonSchema[], seed: number): void {
  const compiler = new SchemaCompiler(schemas);
  let state = seed;
  const rnd = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  for (const root of roots) {
    const v = compiler.compile(root);
    for (let i = 0; i < 40; i++) {
      const value = sample(root, compiler, rnd);
      agree(v, value);
      const bad = broken(value, rnd);
      agree(v, bad);
      agree(v, bad, new Set(['pattern', 'format', 'maxLength']));
    }
  }
}

describe('schema verdict', () => {
  const defs = WORLD_SCHEMA.$defs ?? {};

  it('agrees with the check on every world definition and on worlds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const roots = [WORLD_SCHEMA as JsonSchema, ...Object.keys(defs).map((d) => ({ $ref: `#/$defs/${d}` }))];
        schemasAgree(defs, roots, seed);
      }),
      { numRuns: 5 },
    );
  });

  it('agrees with the check on every request schema of the contract', () => {
    const roots = Object.values(CONTRACT.operations).flatMap((op) => [
      ...(op.requestBody ? [op.requestBody.schema] : []),
      ...op.parameters.map((p) => p.schema),
    ]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => schemasAgree(CONTRACT.schemas, roots, seed)),
      { numRuns: 5 },
    );
  });

  it('checks a long list of flat records (a log) as it checks each record, whatever layouts follow each other', () => {
    const compiler = new SchemaCompiler(defs);
    let state = 7;
    const rnd = (): number => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
    for (const name of ['ActivityEvent', 'Payment']) {
      const item = compiler.compile({ $ref: `#/$defs/${name}` });
      const list = compiler.compile({ type: 'array', items: { $ref: `#/$defs/${name}` } });
      for (let n = 0; n < 30; n++) {
        // Runs of one layout, another layout (keys reordered, optional fields), a broken record now and then.
        const records = Array.from({ length: Math.floor(rnd() * 700) }, (_, i): unknown => {
          const r = sample(item.schema, compiler, rnd) as Record<string, unknown>;
          if (rnd() < 0.05) return broken(r, rnd);
          if (Math.floor(i / 50) % 3 === 1) return Object.fromEntries(Object.entries(r).reverse());
          return r;
        });
        const each = records.map((r) => item.accepts(r));
        agree(list, records);
        assert.equal(list.accepts(records), !each.includes(false));
        const from = Math.floor(rnd() * records.length);
        const to = from + Math.floor(rnd() * (records.length - from + 1));
        assert.equal(item.acceptsEach(records, from, to), !each.slice(from, to).includes(false));
      }
    }
  });

  it('reads own fields only, also while Object.prototype has an enumerable key', () => {
    const v = new SchemaCompiler({}).compile({
      type: 'object',
      required: ['id'],
      additionalProperties: false,
      properties: { id: { type: 'string' } },
    });
    assert.equal(v.accepts({ id: 'a' }), true);
    assert.equal(v.accepts(Object.create({ id: 'a' }) as object), false);
    assert.equal(v.accepts(JSON.parse('{"id": "a", "__proto__": {}}') as unknown), false);
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto['id'] = 'polluted';
      assert.equal(v.accepts({}), false);
      assert.equal(v.accepts({ id: 'a' }), true);
    } finally {
      delete proto['id'];
    }
  });

  it('counts lengths in code points and repeats by JSON value', () => {
    const c = new SchemaCompiler({});
    const text = c.compile({ type: 'string', minLength: 2, maxLength: 3, pattern: '\\S' });
    assert.deepEqual(['😀😀😀', '😀', 'ab', 'abcd', '  ', ' \u00a0x'].map(text.accepts), [
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
    const list = c.compile({ type: 'array', uniqueItems: true, items: { enum: ['a', 'b', 1] } });
    assert.deepEqual(
      [
        ['a', 'b', 1],
        ['a', 'a'],
        [1, 'b', 1],
      ].map(list.accepts),
      [true, false, false],
    );
    const objects = c.compile({ type: 'array', uniqueItems: true });
    assert.deepEqual(
      [
        [{ a: 1 }, { a: 2 }],
        [{ a: 1 }, { a: 1 }],
      ].map(objects.accepts),
      [true, false],
    );
  });
});
