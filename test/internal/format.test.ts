import { expect } from '@open-wc/testing';
import { formatCount, formatDate, formatMonth } from '../../src/internal/format.js';
import { formatMoney } from '../../src/internal/money.js';

// Intl separates a currency sign from the number with a no-break space in some locales.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('format', () => {
  it('formats minor units in the currency and locale', () => {
    expect(plain(formatMoney(12066, 'EUR', 'en'))).to.equal('€120.66');
    expect(plain(formatMoney(12066, 'EUR', 'nl'))).to.equal('€ 120,66');
    expect(plain(formatMoney(120000, 'USD', 'en-US'))).to.equal('$1,200.00');
    expect(plain(formatMoney(500, 'JPY', 'en'))).to.equal('¥500');
  });

  it('formats counts with the locale grouping', () => {
    expect(formatCount(100000, 'en')).to.equal('100,000');
    expect(formatCount(100000, 'nl')).to.equal('100.000');
  });

  it('formats a calendar date as that same date, in every locale', () => {
    expect(formatDate('2026-03-01', 'en-GB', 'long')).to.equal('1 March 2026');
    expect(formatDate('2028-02-29', 'nl', 'long')).to.equal('29 februari 2028');
    expect(formatDate('2026-12-31', 'en-US', 'short')).to.equal('12/31/26');
  });

  it('formats months', () => {
    expect(formatMonth('2026-03', 'en')).to.equal('March 2026');
    expect(formatMonth('2026-03', 'nl')).to.equal('maart 2026');
  });
});
