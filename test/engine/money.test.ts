import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isCurrency, minorUnitDigits, prorate, roundHalfUp, sumMoney, taxOn } from '../../mocks/engine/money.js';

describe('money', () => {
  it('rounds half up (away from zero) exactly', () => {
    const cases: [bigint, bigint, number][] = [
      [5n, 2n, 3],
      [3n, 2n, 2],
      [-5n, 2n, -3],
      [1n, 3n, 0],
      [2n, 3n, 1],
      [2184000n, 181n, 12066],
    ];
    for (const [n, d, want] of cases) expect(roundHalfUp(n, d), `${n}/${d}`).to.equal(want);
  });

  it('prorates worked example 4 to the cent: 2 × 20.00 × 6 × 91/181 = 120.66', () => {
    expect(prorate(2000, [2, 6], 91, 181)).to.equal(12066);
  });

  it('computes tax half up on the subtotal', () => {
    expect(taxOn(1050, 1000)).to.equal(105); // 10 % of 10.50
    expect(taxOn(50, 2100)).to.equal(11); // 10.5 cents → 11
    expect(taxOn(0, 2100)).to.equal(0);
  });

  it('knows currencies and their minor units', () => {
    expect(isCurrency('EUR')).to.equal(true);
    expect(isCurrency('XYZ')).to.equal(false);
    expect(isCurrency('eur')).to.equal(false);
    expect(minorUnitDigits('EUR')).to.equal(2);
    expect(minorUnitDigits('JPY')).to.equal(0);
  });

  it('refuses to add different currencies', () => {
    expect(() =>
      sumMoney(
        [
          { amount: 1, currency: 'EUR' },
          { amount: 1, currency: 'USD' },
        ],
        'EUR',
      ),
    ).to.throw(RangeError);
  });

  it('rounding never strays more than half a unit from the exact quotient', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundHalfUp(BigInt(n), BigInt(d));
        return Math.abs(r * d - n) * 2 <= d;
      }),
    );
  });
});
