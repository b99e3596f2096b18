/**
 * The mock's entries: the Node side (`mocks/node.ts`: startNodeMock, the Node version it
 * needs), the browser side refusing to start outside a browser, and the Storybook helper's
 * handlers (a fresh in-memory store per call, its world built on first use).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { BillingClient } from '../../src/client/index.js';
import { startBrowserMock } from '../../mocks/browser.js';
import {
  assertNodeVersion,
  DEFAULT_BASE_URL,
  MINIMUM_NODE,
  scenarios,
  startNodeMock,
  storyMock,
} from '../../mocks/node.js';
import type { NodeMock } from '../../mocks/node.js';
import { failure } from './mock-setup.js';

describe('mocks/node: the Node it needs', () => {
  it("is the package's one stated minimum (engines.node)", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    assert.equal(pkg.engines.node, `>=${MINIMUM_NODE.replace(/\.0$/, '')}`);
  });

  it('names the version it found and what to do, on an older Node', () => {
    assert.throws(() => assertNodeVersion('20.20.2'), /needs Node 22\.12\.0 or newer .* this is Node 20\.20\.2/);
    assert.throws(() => assertNodeVersion('22.11.0'), /this is Node 22\.11\.0/);
    assert.doesNotThrow(() => assertNodeVersion('22.12.0'));
    assert.doesNotThrow(() => assertNodeVersion('24.1.0'));
    assert.doesNotThrow(() => assertNodeVersion(process.versions.node));
  });
});

describe('mocks/browser outside a browser', () => {
  it('imports, and says where the Node side is when asked to start', async () => {
    await assert.rejects(
      startBrowserMock(),
      /runs in a browser page .* startNodeMock from billing-elements\/mocks\/node/,
    );
  });
});

describe('mocks/node: startNodeMock', () => {
  const baseUrl = 'http://setup.test/billing';
  let mock: NodeMock;
  before(async () => {
    mock = await startNodeMock({ baseUrl, scenario: 'workplace-advanced', role: 'finance' });
  });
  after(() => mock.close());

  it('serves the scenario at the base URL, with the role given', async () => {
    const client = new BillingClient({ baseUrl });
    const me = await client.getMe();
    assert.equal(me.role, 'finance');
    assert.equal((await client.getSubscription()).model, 'invited');
    assert.equal(mock.store.scenario, 'workplace-advanced');
    assert.equal(DEFAULT_BASE_URL, '/api/billing');
    assert.equal(scenarios.length, 8);
  });
});

describe('mocks/storybook: storyMock', () => {
  it('serves a fresh in-memory store per call, with the role and faults given', async () => {
    const baseUrl = 'http://story.test/api/billing';
    const { store, handlers } = storyMock({
      baseUrl,
      scenario: 'injixo-classic',
      role: 'member',
      faults: [{ operation: 'getMe', kind: 'latency', latencyMs: 1 }],
    });
    assert.equal(store.mutations.length, 0);
    const server = setupServer(...handlers);
    // The other suite's server is closed by now (suites of a file run one after the other).
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const client = new BillingClient({ baseUrl });
      assert.equal((await client.getMe()).role, 'member');
      assert.equal((await failure(client.getSubscription())).status, 403);
      store.setSession({ role: 'admin' });
      assert.equal((await client.getSubscription()).model, 'per-user');
    } finally {
      server.close();
    }
  });

  it('moves the clock when asked', () => {
    const { store } = storyMock({ scenario: 'severa-prepaid', today: '2026-12-24' });
    assert.equal(store.today, '2026-12-24');
  });
});
