/**
 * The contacts editor checks e-mail addresses in the browser with its own copy of the
 * rule (src/ may not import the mock backend); the billing service's rule lives in the
 * engine. Both must give the same answer, or the editor would accept what the server
 * refuses (or the other way round).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { isEmail as serverIsEmail } from '../../mocks/engine/email.js';
import { isEmail as editorIsEmail } from '../../src/components/contacts-editor/model.js';

describe('e-mail rule: editor and billing service agree', () => {
  const samples = [
    'finance@example.com',
    'a.b+tag@sub.example.co.uk',
    'A@Example.COM',
    'no-at-sign.example.com',
    'two@@example.com',
    'trailing.dot.@example.com',
    '.leading@example.com',
    'user@localhost',
    'user@-bad-.example.com',
    'sp ace@example.com',
    `${'x'.repeat(250)}@example.com`,
    '',
  ];
  for (const s of samples) {
    it(`agrees on ${JSON.stringify(s.length > 40 ? `${s.slice(0, 20)}…` : s)}`, () => {
      expect(editorIsEmail(s)).to.equal(serverIsEmail(s));
    });
  }

  it('agrees on random strings shaped like addresses', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9.+\-_@ ]{0,12}$/);
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        const s = `${a}@${b}.${c}`;
        return editorIsEmail(s) === serverIsEmail(s);
      }),
      { numRuns: 500 },
    );
  });
});
