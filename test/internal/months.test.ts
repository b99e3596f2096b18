import { expect } from '@open-wc/testing';
import { addMonths } from '../../src/internal/months.js';

describe('addMonths', () => {
  it('moves over year ends both ways, and by whole years', () => {
    const cases: [string, number, string][] = [
      ['2026-12', 1, '2027-01'],
      ['2027-01', -1, '2026-12'],
      ['2024-02', 0, '2024-02'],
      ['2024-02', 12, '2025-02'],
      ['2024-02', -24, '2022-02'],
      ['2026-03', -14, '2025-01'],
      ['2026-11', 25, '2028-12'],
    ];
    for (const [month, n, expected] of cases) expect(addMonths(month, n), `${month} ${n}`).to.equal(expected);
  });

  it('walks every month of two years, one at a time, back to where it started', () => {
    let m = '2025-06';
    const seen = new Set<string>();
    for (let i = 0; i < 24; i++) seen.add((m = addMonths(m, -1)));
    expect(seen.size).to.equal(24);
    expect(m).to.equal('2023-06');
    for (let i = 0; i < 24; i++) m = addMonths(m, 1);
    expect(m).to.equal('2025-06');
  });
});
