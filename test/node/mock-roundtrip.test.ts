/**
 * A world the mock wrote loads back: what the store keeps is what GET /__mock/world
 * answers, and PUT /__mock/world (the validator) must accept it. Deactivating a person on
 * their start day used to store `deactivatedOn = billingStart`, which the validator
 * refused; per billing-rules.md ("Active on day d: billingStart <= d < deactivatedOn")
 * that is a person active on no day, a valid world.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateWorld } from '../../mocks/engine/generate.js';
import { isActiveOn } from '../../mocks/engine/usage.js';
import type { Person, World } from '../../mocks/engine/types.js';
import { validateWorldAll } from '../../mocks/engine/validate.js';
import { MockError } from '../../mocks/store/errors.js';
import { MockStore } from '../../mocks/store/store.js';

/** The world as JSON (what GET /__mock/world answers), loaded into a fresh store (PUT). */
function roundTrip(store: MockStore): World {
  const json = JSON.parse(JSON.stringify(store.world)) as World;
  assert.deepEqual(validateWorldAll(json), []);
  const other = new MockStore({ world: generateWorld({ seed: 2, people: 2, model: 'per-user' }) });
  other.loadWorld(json);
  assert.deepEqual(other.world, store.world);
  return other.world;
}

function withNewcomers(model: 'per-user' | 'prepaid-licenses'): { store: MockStore; today: Person; later: Person } {
  const g = generateWorld({ seed: 9, people: 8, model, today: '2026-11-22' });
  const base = (id: string, billingStart: string): Person => ({
    id,
    name: `Newcomer ${id}`,
    email: `${id}@example.com`,
    role: 'member',
    directories: ['people'],
    billingStart,
  });
  const today = base('p-today', '2026-11-22');
  const later = base('p-later', '2026-12-07');
  const w: World = { ...g, people: [...g.people, today, later] };
  if (w.subscription.licenses) {
    w.subscription = { ...w.subscription, licenses: { ...w.subscription.licenses, initialCount: 1000 } };
  }
  return { store: new MockStore({ world: w }), today, later };
}

describe('a world the mock wrote loads back', () => {
  for (const model of ['per-user', 'prepaid-licenses'] as const) {
    it(`${model}: deactivating someone on their start day (never active) round-trips`, () => {
      const { store, today } = withNewcomers(model);
      store.deactivateUser(today.id, { removeLicense: model === 'prepaid-licenses' });
      const p = store.world.people.find((x) => x.id === today.id) as Person;
      assert.equal(p.deactivatedOn, p.billingStart);
      assert.equal(isActiveOn(p, '2026-11-22'), false);
      roundTrip(store);
    });
  }

  it('deactivating someone who starts later: never active, from their start day; once only', () => {
    const { store, later } = withNewcomers('per-user');
    store.deactivateUser(later.id);
    const p = store.world.people.find((x) => x.id === later.id) as Person;
    assert.equal(p.deactivatedOn, '2026-12-07');
    assert.throws(
      () => store.deactivateUser(later.id),
      (e: unknown) => e instanceof MockError && e.code === 'already-deactivated',
    );
    roundTrip(store);
    store.reactivateUser(later.id);
    assert.equal(store.world.people.find((x) => x.id === later.id)?.deactivatedOn, undefined);
    roundTrip(store);
  });

  it('the validator still refuses a deactivation before the start', () => {
    const { store, today } = withNewcomers('per-user');
    const w = structuredClone(store.world);
    const p = w.people.find((x) => x.id === today.id) as Person;
    p.deactivatedOn = '2026-11-21';
    assert.deepEqual(
      validateWorldAll(w).map((e) => e.field),
      [`people[${w.people.indexOf(p)}].deactivatedOn`],
    );
  });
});
