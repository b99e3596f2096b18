import { expect } from '@open-wc/testing';
import {
  checkBillingDetails,
  detailsRecommendations,
  normaliseBillingDetails,
  type BillingDetailsInput,
} from '../../mocks/engine/details.js';

const valid = (): BillingDetailsInput => ({
  recipients: ['finance@example.com', 'ap@example.com'],
  address: { line1: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' },
  eInvoicing: { enabled: false },
});

describe('billing details rules', () => {
  it('accepts a complete document', () => {
    expect(checkBillingDetails(valid())).to.deep.equal([]);
  });

  const cases: [string, (d: BillingDetailsInput) => unknown, string, string][] = [
    ['no recipients', (d) => ({ ...d, recipients: [] }), 'recipients', 'required'],
    [
      'a malformed address',
      (d) => ({ ...d, recipients: ['a@example.com', 'not-an-email'] }),
      'recipients[1]',
      'invalid-email',
    ],
    [
      'a duplicate ignoring case',
      (d) => ({ ...d, recipients: ['A@Example.com', 'a@example.COM'] }),
      'recipients[1]',
      'duplicate',
    ],
    ['no address', (d) => ({ ...d, address: undefined }), 'address', 'required'],
    ['no city', (d) => ({ ...d, address: { ...d.address, city: '  ' } }), 'address.city', 'required'],
    [
      'a bad country',
      (d) => ({ ...d, address: { ...d.address, country: 'Netherlands' } }),
      'address.country',
      'invalid',
    ],
    [
      'e-invoicing without its address',
      (d) => ({ ...d, eInvoicing: { enabled: true, operatorCode: 'E204503' } }),
      'eInvoicing.address',
      'required',
    ],
    [
      'e-invoicing without operator code',
      (d) => ({ ...d, eInvoicing: { enabled: true, address: '003712345678' } }),
      'eInvoicing.operatorCode',
      'required',
    ],
    ['a contact with a bad e-mail', (d) => ({ ...d, contact: { email: 'nope' } }), 'contact.email', 'invalid-email'],
    ['a PO number too long', (d) => ({ ...d, poNumber: 'x'.repeat(51) }), 'poNumber', 'too-long'],
  ];
  for (const [what, mutate, field, code] of cases) {
    it(`rejects ${what} (${field}: ${code})`, () => {
      const issues = checkBillingDetails(mutate(valid()));
      expect(issues.map((i) => [i.field, i.code])).to.deep.include([field, code]);
      for (const i of issues) expect(i.message).to.be.a('string').and.not.equal('');
    });
  }

  it('checks a picked contact against the organisation', () => {
    const d = { ...valid(), contact: { personId: 'p-9' } };
    expect(checkBillingDetails(d, new Set(['p-1']))[0]?.field).to.equal('contact.personId');
    expect(checkBillingDetails(d, new Set(['p-9']))).to.deep.equal([]);
  });

  it('lists every problem at once', () => {
    const issues = checkBillingDetails({ recipients: ['x'], address: {}, eInvoicing: { enabled: true } });
    expect(issues.map((i) => i.field)).to.deep.equal([
      'recipients[0]',
      'address.line1',
      'address.postalCode',
      'address.city',
      'address.country',
      'eInvoicing.address',
      'eInvoicing.operatorCode',
    ]);
  });

  it('recommends a second recipient while there is one', () => {
    expect(detailsRecommendations({ recipients: ['a@example.com'] })).to.deep.equal(['add-second-recipient']);
    expect(detailsRecommendations({ recipients: ['a@example.com', 'b@example.com'] })).to.deep.equal([]);
  });

  it('normalises whitespace and drops e-invoice fields when off', () => {
    const n = normaliseBillingDetails({
      ...valid(),
      recipients: [' Finance@Example.com '],
      eInvoicing: { enabled: false, address: 'x' },
      poNumber: '  ',
    });
    expect(n.recipients).to.deep.equal(['Finance@Example.com']);
    expect(n.eInvoicing).to.deep.equal({ enabled: false });
    expect(n).not.to.have.property('poNumber');
  });
});
