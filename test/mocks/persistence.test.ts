/**
 * The browser mock keeps its state in IndexedDB across reloads until reset: a store
 * re-created with the same adapter (a reload) finds the world, the session and the
 * faults, and an order placed before still replays instead of ordering twice.
 */
import { expect } from '@open-wc/testing';
import { BillingClient } from '../../src/client/index.js';
import { startBrowserMock } from '../../mocks/browser.js';
import { createStore } from '../../mocks/store/store.js';
import { indexedDbAdapter } from '../../mocks/store/persistence.js';
import { smallWorld, send } from './fixtures.js';

const BASE = '/api/billing';

function uniqueDb(): string {
  return `billing-mock-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

describe('mock persistence in IndexedDB', () => {
  it('a store re-created with the same adapter has the same state', async () => {
    const dbName = uniqueDb();
    const adapter = indexedDbAdapter({ dbName });
    const a = await createStore({ scenario: 'severa-prepaid', persistence: adapter });
    const first = a.orderLicenses('add', 1, 'idb-order-1');
    a.setSession({ role: 'finance', today: '2026-11-25' });
    a.setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 5 }]);
    await a.flush();

    const b = await createStore({ persistence: indexedDbAdapter({ dbName }) });
    expect(b.scenario).to.equal('severa-prepaid');
    expect(b.world).to.deep.equal(a.world);
    expect(b.role).to.equal('finance');
    expect(b.faults).to.deep.equal(a.faults);
    const replay = b.orderLicenses('add', 1, 'idb-order-1');
    expect(replay.replayed).to.equal(true);
    expect(replay.body).to.deep.equal(first.body);
    await deleteDb(dbName);
  });

  it('a custom world (too big for localStorage at scale) is stored whole', async () => {
    const dbName = uniqueDb();
    const a = await createStore({ persistence: indexedDbAdapter({ dbName }) });
    a.loadWorld(smallWorld('per-user', 500, 3));
    a.setToday('2026-12-02');
    await a.flush();
    const b = await createStore({ persistence: indexedDbAdapter({ dbName }) });
    expect(b.scenario).to.equal(undefined);
    expect(b.today).to.equal('2026-12-02');
    expect(b.world).to.deep.equal(a.world);
    await deleteDb(dbName);
  });

  it('the browser mock keeps its state across a restart (a reload) until reset', async () => {
    const dbName = uniqueDb();
    const client = new BillingClient({ baseUrl: BASE });
    let mock = await startBrowserMock({ dbName, scenario: 'injixo-classic', quiet: true, onUnhandledFrame: 'error' });
    const people = mock.store.world.people.filter((p) => !p.deactivatedOn && !p.deletedOn);
    const target = people[people.length - 1]!;
    await client.deactivateUser(target.id);
    await send(BASE, 'PUT', '/__mock/session', { role: 'guest' });
    await mock.store.flush();
    mock.stop();

    mock = await startBrowserMock({ dbName, scenario: 'injixo-advanced', quiet: true, onUnhandledFrame: 'error' });
    try {
      expect(mock.store.scenario).to.equal('injixo-classic');
      expect((await client.getMe()).role).to.equal('guest');
      await send(BASE, 'PUT', '/__mock/session', { role: 'admin' });
      const page = await client.listUsers({ month: '2026-11', billed: true, q: target.email, limit: 5 });
      expect(page.items.find((u) => u.id === target.id)?.status).to.equal('deactivated');

      expect((await send(BASE, 'POST', '/__mock/reset')).status).to.equal(204);
      expect(mock.store.scenario).to.equal('injixo-advanced');
    } finally {
      mock.stop();
    }
    const after = await createStore({ persistence: indexedDbAdapter({ dbName }) });
    expect(after.scenario).to.equal('injixo-advanced');
    expect(after.mutations).to.deep.equal([]);
    await deleteDb(dbName);
  });
});
