/**
 * The mock's entries check the faults they are started with (the store takes them as
 * given): a bad list fails at start, naming each problem; a good one is in force.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BillingClient } from '../../src/client/index.js';
import { startBrowserMock } from '../../mocks/browser.js';
import { startNodeMock } from '../../mocks/node.js';
import type { NodeMockOptions } from '../../mocks/node.js';
import { failure } from './mock-setup.js';

/** A kind no fault has, and a field no fault has. */
const BAD = [{ operation: 'getMe', kind: 'explode', colour: 'red' }] as unknown as NodeMockOptions['faults'];

describe('mocks/node: startNodeMock with faults', () => {
  it('rejects a bad fault list at start, naming each problem', async () => {
    await assert.rejects(
      startNodeMock({ baseUrl: 'http://faults.test/billing', faults: BAD }),
      (e: Error) =>
        /^The faults are not valid: /.test(e.message) &&
        e.message.includes('items[0].colour: A fault has no field colour.') &&
        e.message.includes('items[0].kind: The kind is one of '),
    );
  });

  it('starts with a good fault list, the faults in force', async () => {
    const baseUrl = 'http://faults.test/billing';
    const mock = await startNodeMock({ baseUrl, faults: [{ operation: 'getMe', kind: 'error-500', times: 1 }] });
    try {
      const client = new BillingClient({ baseUrl });
      assert.equal((await failure(client.getMe())).status, 500);
      assert.equal((await client.getMe()).role, 'admin');
    } finally {
      mock.close();
    }
  });
});

describe('mocks/browser: startBrowserMock with faults', () => {
  it('rejects a bad fault list before anything else, in Node too', async () => {
    await assert.rejects(startBrowserMock({ faults: BAD }), /^Error: The faults are not valid: items\[0\]\.colour/);
  });
});
