/**
 * The invoice PDF renders under Node too (the mock backend's Node setup serves it there):
 * real PDF bytes, the same for the same input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invoiceStatus } from '../../mocks/engine/invoices.js';
import { renderInvoicePdf } from '../../mocks/pdf/invoice-pdf.js';
import { loadScenario } from '../../mocks/scenarios/index.js';

describe('invoice PDF under Node', () => {
  it('renders every invoice of m365-declined deterministically', async () => {
    const w = loadScenario('m365-declined');
    for (const inv of w.invoices) {
      const ctx = { world: w, status: invoiceStatus(w, inv) };
      const a = await renderInvoicePdf(inv, ctx);
      const b = await renderInvoicePdf(inv, ctx);
      assert.equal(Buffer.from(a.subarray(0, 5)).toString('latin1'), '%PDF-');
      assert.deepEqual(Buffer.from(a), Buffer.from(b));
    }
  });
});
