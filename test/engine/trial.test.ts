import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, addMonths, daysBetween, fromDayNumber, monthOf, toDayNumber } from '../../mocks/engine/dates.js';
import { WorldError } from '../../mocks/engine/errors.js';
import { DEFAULT_TRIAL_DAYS, firstBilledMonth, trialInfo } from '../../mocks/engine/trial.js';
import type { IsoDate, Trial, World } from '../../mocks/engine/types.js';

/** A world with only what trials read. */
function world(o: { today?: IsoDate; trial?: Trial; startedOn?: IsoDate } = {}): World {
  return {
    schemaVersion: 1,
    today: o.today ?? '2026-10-01',
    tenant: {
      id: 't1',
      name: 'Tenant',
      timeZone: 'Europe/Amsterdam',
      currency: 'USD',
      paymentTermDays: 30,
      taxRate: 0,
      locale: 'en-US',
    },
    subscription: {
      planId: 'core',
      plans: [{ id: 'core', name: 'Workplace Core', model: 'full-month', unitPrice: 400 }],
      startedOn: o.startedOn ?? '2026-09-19',
      ...(o.trial ? { trial: o.trial } : {}),
    },
    people: [],
    activity: [],
    orders: [],
    invoices: [],
    payments: [],
  };
}

function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof WorldError) return e.field;
    throw e;
  }
  throw new Error('did not throw');
}

describe('trial: worked example 3', () => {
  it('a trial started 2026-09-19 ends 2026-10-18; November 2026 is the first billed month', () => {
    const w = world({ trial: { startedOn: '2026-09-19' } });
    expect(trialInfo(w)).to.deep.equal({
      startedOn: '2026-09-19',
      endsOn: '2026-10-18',
      firstBilledMonth: '2026-11',
      inTrial: true,
    });
    expect(firstBilledMonth(w)).to.equal('2026-11');
  });

  it('lasts 30 days, start day included', () => {
    const info = trialInfo(world({ trial: { startedOn: '2026-09-19' } }));
    expect(DEFAULT_TRIAL_DAYS).to.equal(30);
    expect(daysBetween('2026-09-19', info?.endsOn ?? '') + 1).to.equal(30);
  });
});

describe('trial: inTrial follows world.today', () => {
  const cases: [IsoDate, boolean][] = [
    ['2026-09-18', false],
    ['2026-09-19', true],
    ['2026-10-01', true],
    ['2026-10-18', true],
    ['2026-10-19', false],
    ['2026-11-01', false],
  ];
  for (const [today, inTrial] of cases) {
    it(`${today}: ${inTrial ? 'in' : 'not in'} the trial`, () => {
      expect(trialInfo(world({ today, trial: { startedOn: '2026-09-19' } }))?.inTrial).to.equal(inTrial);
    });
  }
});

describe('trial: edge cases', () => {
  it('uses lengthDays when given', () => {
    const info = trialInfo(world({ trial: { startedOn: '2026-09-19', lengthDays: 14 } }));
    expect(info).to.include({ endsOn: '2026-10-02', firstBilledMonth: '2026-11' });
    expect(trialInfo(world({ trial: { startedOn: '2026-09-19', lengthDays: 1 } }))).to.include({
      endsOn: '2026-09-19',
      firstBilledMonth: '2026-10',
    });
  });

  it('a trial ending on a month’s last day bills from the next month', () => {
    // 2 October + 29 days = 31 October.
    expect(trialInfo(world({ trial: { startedOn: '2026-10-02' } }))).to.include({
      endsOn: '2026-10-31',
      firstBilledMonth: '2026-11',
    });
    // 1 October + 29 days = 30 October: 31 October is free, November is billed.
    expect(trialInfo(world({ trial: { startedOn: '2026-10-01' } }))).to.include({
      endsOn: '2026-10-30',
      firstBilledMonth: '2026-11',
    });
  });

  it('rolls over the year end and through February in a leap year', () => {
    expect(trialInfo(world({ trial: { startedOn: '2026-12-15' } }))).to.include({
      endsOn: '2027-01-13',
      firstBilledMonth: '2027-02',
    });
    expect(trialInfo(world({ trial: { startedOn: '2028-02-01' } }))).to.include({
      endsOn: '2028-03-01',
      firstBilledMonth: '2028-04',
    });
    expect(trialInfo(world({ trial: { startedOn: '2027-02-01' } }))).to.include({
      endsOn: '2027-03-02',
      firstBilledMonth: '2027-04',
    });
  });

  it('without a trial: null, and billing starts in the month the subscription started', () => {
    const w = world({ startedOn: '2026-03-17' });
    expect(trialInfo(w)).to.equal(null);
    expect(firstBilledMonth(w)).to.equal('2026-03');
  });

  it('names the field at fault', () => {
    expect(fieldOf(() => trialInfo(world({ trial: { startedOn: '2026-09-31' } })))).to.equal(
      'subscription.trial.startedOn',
    );
    for (const lengthDays of [0, -3, 1.5, Number.NaN]) {
      expect(
        fieldOf(() => trialInfo(world({ trial: { startedOn: '2026-09-19', lengthDays } }))),
        String(lengthDays),
      ).to.equal('subscription.trial.lengthDays');
    }
    expect(fieldOf(() => trialInfo(world({ today: 'today', trial: { startedOn: '2026-09-19' } })))).to.equal('today');
    expect(fieldOf(() => firstBilledMonth(world({ startedOn: '2026/03/01' })))).to.equal('subscription.startedOn');
  });

  it('does not mutate the world', () => {
    const w = Object.freeze(world({ trial: Object.freeze({ startedOn: '2026-09-19' }) }));
    const before = JSON.stringify(w);
    trialInfo(w);
    firstBilledMonth(w);
    expect(JSON.stringify(w)).to.equal(before);
  });
});

describe('trial: properties', () => {
  it('the first billed month is the month after the last trial day, and the days between are free', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2100-12-31') }),
        fc.integer({ min: 1, max: 120 }),
        (startN, lengthDays) => {
          const startedOn = fromDayNumber(startN);
          const info = trialInfo(world({ today: startedOn, trial: { startedOn, lengthDays } }));
          expect(info).to.not.equal(null);
          if (!info) return;
          expect(daysBetween(startedOn, info.endsOn)).to.equal(lengthDays - 1);
          expect(info.firstBilledMonth).to.equal(addMonths(monthOf(info.endsOn), 1));
          // The day after the trial is free unless it already starts the first billed month.
          const dayAfter = addDays(info.endsOn, 1);
          expect(monthOf(dayAfter) <= info.firstBilledMonth).to.equal(true);
          expect(info.inTrial).to.equal(true);
        },
      ),
    );
  });
});
