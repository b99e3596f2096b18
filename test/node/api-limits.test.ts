/**
 * `src/client/limits.ts` (scripts/api-limits.ts) against the contract: the committed file
 * is what the generator writes from today's `openapi/billing-api.yaml`, every limit the
 * contract writes on a component's property or a shared parameter is in it with the same
 * figure, and the generator's rules (references, arrays, inline bodies, clashes) hold on
 * small documents.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { contractLimits, limitsSource, LIMITS_FILE, loadContract } from '../../scripts/api-limits.js';
import { LIMITS } from '../../src/client/limits.js';

const KEYWORDS = {
  minimum: 'min',
  maximum: 'max',
  minLength: 'minLength',
  maxLength: 'maxLength',
  maxItems: 'maxItems',
  minItems: 'minItems',
};
type Loose = Record<string, Record<string, Record<string, unknown>>>;
const limits = LIMITS as unknown as Loose;

/** A document with only the parts the generator reads. */
const doc = (schemas: Record<string, unknown>, paths: Record<string, unknown> = {}) =>
  ({ paths, components: { schemas, parameters: {} } }) as unknown as ReturnType<typeof loadContract>;

describe('src/client/limits.ts, the contract limits for the elements', () => {
  it('is what scripts/api-limits.ts writes from the contract (else: npm run api:types)', async () => {
    assert.equal(
      readFileSync(LIMITS_FILE, 'utf8'),
      await limitsSource(),
      'src/client/limits.ts is stale: run `npm run api:types`',
    );
  });

  it("holds each limit written on a component schema's property, with the contract's figure", () => {
    const contract = loadContract();
    let seen = 0;
    for (const [name, schema] of Object.entries(contract.components.schemas)) {
      for (const [property, s] of Object.entries(
        (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {},
      )) {
        for (const [keyword, key] of Object.entries(KEYWORDS)) {
          if (typeof s[keyword] !== 'number') continue;
          const group = name[0]!.toLowerCase() + name.slice(1);
          assert.equal(limits[group]?.[property]?.[key], s[keyword], `LIMITS.${group}.${property}.${key}`);
          seen++;
        }
      }
    }
    assert.ok(seen >= 20, `only ${seen} limits found on component properties`);
  });

  it('holds the shared parameters on every operation that uses them: page size, offset, search', () => {
    const { parameters } = loadContract().components as unknown as {
      parameters: Record<string, { schema: Record<string, number> }>;
    };
    assert.equal(LIMITS.listInvoices.limit.max, parameters['Limit']!.schema['maximum']);
    assert.equal(LIMITS.listInvoices.limit.max, 500);
    assert.equal(LIMITS.listUsers.limit.min, parameters['Limit']!.schema['minimum']);
    assert.equal(LIMITS.listUsers.offset.max, parameters['Offset']!.schema['maximum']);
    assert.equal(LIMITS.listUsers.q.maxLength, parameters['Search']!.schema['maxLength']);
    assert.equal(LIMITS.quoteLicenses.quantity.max, LIMITS.licenseOrderRequest.quantity.max);
    assert.equal(LIMITS.billingDetailsInput.recipients.items.maxLength, 254);
  });

  it('gives a reference to a scalar its limits, leaves an object reference to its own entry, and takes inline bodies', () => {
    const out = contractLimits(
      doc(
        {
          Code: { type: 'string', minLength: 2, maxLength: 8 },
          Inner: { type: 'object', properties: { n: { type: 'integer', maximum: 3 } } },
          Outer: {
            type: 'object',
            properties: {
              code: { $ref: '#/components/schemas/Code' },
              inner: { $ref: '#/components/schemas/Inner' },
              tags: { type: 'array', maxItems: 4, items: { $ref: '#/components/schemas/Code' } },
              free: { type: 'string' },
            },
          },
        },
        {
          '/x': {
            post: {
              operationId: 'postX',
              parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 9 } }],
              requestBody: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { q: { type: 'string', maxLength: 5 } } },
                  },
                },
              },
            },
            get: { operationId: 'getX' },
          },
        },
      ),
    );
    assert.deepEqual(out, {
      code: { minLength: 2, maxLength: 8 },
      inner: { n: { max: 3 } },
      outer: { code: { minLength: 2, maxLength: 8 }, tags: { maxItems: 4, items: { minLength: 2, maxLength: 8 } } },
      postX: { limit: { min: 1, max: 9 }, q: { maxLength: 5 } },
    });
  });

  it('refuses two entries of the same name rather than dropping one', () => {
    assert.throws(
      () =>
        contractLimits(
          doc(
            { GetX: { type: 'string', maxLength: 1 } },
            {
              '/x': {
                get: { operationId: 'getX', parameters: [{ name: 'q', schema: { type: 'string', maxLength: 2 } }] },
              },
            },
          ),
        ),
      /LIMITS\.getX/,
    );
  });
});
