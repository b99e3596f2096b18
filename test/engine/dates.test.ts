import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  dateInZone,
  daysInMonth,
  eachDay,
  fromDayNumber,
  isIsoDate,
  isYearMonth,
  lastDayOfMonth,
  toDayNumber,
} from '../../mocks/engine/dates.js';

const Y1900 = toDayNumber('1900-01-01');
const Y2200 = toDayNumber('2200-12-31');

describe('dates: day numbers', () => {
  it('anchors at the epoch', () => {
    expect(toDayNumber('1970-01-01')).to.equal(0);
    expect(toDayNumber('1970-01-02')).to.equal(1);
    expect(toDayNumber('1969-12-31')).to.equal(-1);
    expect(toDayNumber('2000-03-01')).to.equal(11017);
    expect(fromDayNumber(0)).to.equal('1970-01-01');
  });

  it('round-trips every day number from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Y1900, max: Y2200 }), (n) => {
        const date = fromDayNumber(n);
        expect(isIsoDate(date), date).to.equal(true);
        expect(toDayNumber(date)).to.equal(n);
        expect(fromDayNumber(n + 1) > date).to.equal(true);
        expect(addDays(date, 1)).to.equal(fromDayNumber(n + 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips every calendar date from 1900 to 2200', () => {
    const dateArb = fc
      .record({
        y: fc.integer({ min: 1900, max: 2200 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .map(
        ({ y, m, d }) =>
          `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(`${y}-${String(m).padStart(2, '0')}`))).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(fromDayNumber(toDayNumber(date))).to.equal(date);
      }),
      { numRuns: 1000 },
    );
  });

  it('counts each day of 2026 once, in order, across both DST changes', () => {
    const days = eachDay('2026-01-01', '2026-12-31');
    expect(days).to.have.length(365);
    expect(days).to.include.members(['2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01']);
    days.forEach((d, i) => expect(toDayNumber(d) - toDayNumber('2026-01-01')).to.equal(i));
  });
});

describe('dates: isIsoDate', () => {
  it('rejects 2026-02-29 and other non-dates', () => {
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-2-01',
      '2026-02-1',
      '20260201',
      '',
      null,
      20260201,
    ]) {
      expect(isIsoDate(bad), String(bad)).to.equal(false);
    }
  });

  it('accepts leap days of leap years', () => {
    for (const good of ['2028-02-29', '2000-02-29', '2024-02-29', '2026-02-28', '2026-12-31']) {
      expect(isIsoDate(good), good).to.equal(true);
    }
    expect(lastDayOfMonth('2028-02')).to.equal('2028-02-29');
    expect(lastDayOfMonth('2026-02')).to.equal('2026-02-28');
  });

  it('throws a RangeError when asked for the day number of a non-date', () => {
    expect(() => toDayNumber('2026-02-29')).to.throw(RangeError);
  });
});

describe('dates: months', () => {
  it('adds months across year ends', () => {
    expect(addMonths('2026-12', 1)).to.equal('2027-01');
    expect(addMonths('2026-01', -1)).to.equal('2025-12');
    expect(addMonths('2026-06', 18)).to.equal('2027-12');
    expect(isYearMonth('2026-13')).to.equal(false);
  });

  it('clamps addMonthsToDate to the last day of a shorter month', () => {
    const cases: [string, number, string][] = [
      ['2026-01-31', 1, '2026-02-28'],
      ['2028-01-31', 1, '2028-02-29'],
      ['2026-03-31', -1, '2026-02-28'],
      ['2026-08-31', 1, '2026-09-30'],
      ['2026-01-31', 3, '2026-04-30'],
      ['2026-12-15', 1, '2027-01-15'],
      ['2026-07-01', 6, '2027-01-01'],
      ['2028-02-29', 12, '2029-02-28'],
    ];
    for (const [date, n, expected] of cases) expect(addMonthsToDate(date, n), `${date} + ${n}`).to.equal(expected);
  });
});

describe('dates: dateInZone', () => {
  it('maps 00:30 local on DST days to that calendar date', () => {
    expect(dateInZone('2026-03-28T23:30:00Z', 'Europe/Amsterdam')).to.equal('2026-03-29');
    expect(dateInZone('2026-10-24T22:30:00Z', 'Europe/Amsterdam')).to.equal('2026-10-25');
    expect(dateInZone('2026-03-08T05:30:00Z', 'America/New_York')).to.equal('2026-03-08');
    expect(dateInZone('2026-11-01T04:30:00Z', 'America/New_York')).to.equal('2026-11-01');
    // The same instants are still the previous day in zones further west.
    expect(dateInZone('2026-03-28T23:30:00Z', 'America/New_York')).to.equal('2026-03-28');
  });

  it('rejects an invalid instant', () => {
    expect(() => dateInZone('not a date', 'UTC')).to.throw(RangeError);
  });
});
