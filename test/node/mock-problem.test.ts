/**
 * How the mock's HTTP layer turns a failure into an answer: a world the engine cannot bill
 * is the caller's 422 naming the field, never a 500; anything else unexpected is a 500 that
 * tells nothing of the internals.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorldError } from '../../mocks/engine/errors.js';
import { problemFromError } from '../../mocks/http/problem.js';

describe('mocks/http: problemFromError', () => {
  it('answers a WorldError escaping the engine with a 422 naming the field', async () => {
    const response = problemFromError(
      new WorldError('plan.paymentTermDays', 'must be at most 365'),
      '/api/billing/invoices',
    );
    assert.equal(response.status, 422);
    const body = await response.json();
    assert.equal(body.code, 'invalid-world');
    assert.deepEqual(body.errors, [
      { field: 'plan.paymentTermDays', code: 'invalid-world', message: 'must be at most 365' },
    ]);
  });

  it('answers anything else with a 500 that leaks no internal text', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const response = problemFromError(new TypeError("Cannot read properties of undefined (reading 'x')"));
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.ok(!text.includes('Cannot read properties'), text);
    } finally {
      console.error = original;
    }
  });
});
