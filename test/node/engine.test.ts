/**
 * The engine runs under Node as well as in the browser (the mock backend's Node setup
 * uses it there): a smoke test of the worked examples outside Chromium.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prorate } from '../../mocks/engine/money.js';
import { addDays, dateInZone, toDayNumber } from '../../mocks/engine/dates.js';

describe('engine under Node', () => {
  it('prorates worked example 4 to the cent', () => {
    assert.equal(prorate(2000, [2, 6], 91, 181), 12066);
  });

  it('counts days across both DST changes without drift', () => {
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(toDayNumber('2026-10-26') - toDayNumber('2026-10-24'), 2);
    assert.equal(dateInZone('2026-03-28T23:30:00Z', 'Europe/Amsterdam'), '2026-03-29');
    assert.equal(dateInZone('2026-11-01T04:30:00Z', 'America/New_York'), '2026-11-01');
  });
});
