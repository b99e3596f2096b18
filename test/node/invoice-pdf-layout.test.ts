/**
 * The invoice PDF's layout under long text: wrapping is linear in the text (a 5,000-
 * character billing contact name used to take over a minute, growing faster than the
 * square of its length), the bill-to block continues on the next page instead of running
 * over the footer, a long PO number wraps beside its label instead of over it, and no two
 * pieces of text overlap. Positions are read back from the PDF itself with pdf.js.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { invoiceStatus } from '../../mocks/engine/invoices.js';
import type { Invoice, World } from '../../mocks/engine/types.js';
import { layoutInvoicePdf, renderInvoicePdf } from '../../mocks/pdf/invoice-pdf.js';
import { loadScenario } from '../../mocks/scenarios/index.js';

const PAGE = { width: 595.28, margin: 48 };
/** pdf.js's metrics of the standard fonts (Helvetica…), so widths are those pdf-lib drew with. */
const FONT_DATA = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
/** The footer's rule: body text stays above it. */
const FOOTER_TOP = PAGE.margin + 22;

interface Item {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Every text item of the PDF with its position (baseline origin), width and size. */
async function textItems(bytes: Uint8Array): Promise<Item[]> {
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    standardFontDataUrl: FONT_DATA,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const items: Item[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , d, x, y] = item.transform as number[];
      items.push({ page: p, text: item.str, x: x as number, y: y as number, width: item.width, size: d as number });
    }
  }
  await doc.destroy();
  return items;
}

/** The box of an item: its advance width, and from a descender below the baseline to the cap height above. */
function box(i: Item): { x1: number; x2: number; y1: number; y2: number } {
  return { x1: i.x, x2: i.x + i.width, y1: i.y - 0.21 * i.size, y2: i.y + 0.72 * i.size };
}

function problems(items: Item[]): string[] {
  const out: string[] = [];
  const eps = 0.25;
  for (const a of items) {
    const b = box(a);
    const footer = a.y < FOOTER_TOP;
    if (footer && a.y + a.size > FOOTER_TOP) out.push(`p${a.page} "${a.text.slice(0, 30)}" crosses the footer rule`);
    if (!footer && b.y1 < FOOTER_TOP) out.push(`p${a.page} "${a.text.slice(0, 30)}" runs into the footer (y ${a.y})`);
    if (b.x1 < PAGE.margin - eps || b.x2 > PAGE.width - PAGE.margin + eps) {
      out.push(`p${a.page} "${a.text.slice(0, 30)}" leaves the margins (${b.x1.toFixed(1)}–${b.x2.toFixed(1)})`);
    }
  }
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i] as Item;
      const c = items[j] as Item;
      if (a.page !== c.page) continue;
      const p = box(a);
      const q = box(c);
      if (p.x1 < q.x2 - eps && q.x1 < p.x2 - eps && p.y1 < q.y2 - eps && q.y1 < p.y2 - eps) {
        out.push(`p${a.page} "${a.text.slice(0, 30)}" overlaps "${c.text.slice(0, 30)}"`);
      }
    }
  }
  return out;
}

/** A world whose billing details push the bill-to block: a long contact name and many long recipients. */
function crowded(contactName: string, recipients = 20): { world: World; invoice: Invoice } {
  const w = loadScenario('m365-declined');
  const details = w.billingDetails as NonNullable<World['billingDetails']>;
  const world: World = {
    ...w,
    tenant: { ...w.tenant, name: `${'Polaris Insurance Group Holding '.repeat(6)}B.V.` },
    billingDetails: {
      ...details,
      contact: { email: 'finance@example.com', name: contactName },
      address: { ...details.address, line1: 'Long street name '.repeat(11).trim(), line2: 'Building C, floor 3' },
      recipients: Array.from(
        { length: recipients },
        (_, i) => `${'accounts-payable-team'.repeat(3)}${i}@${'invoices'.repeat(7)}.${'region'.repeat(8)}.example`,
      ),
    },
  };
  const invoice = { ...(world.invoices.at(-1) as Invoice), poNumber: `PO-${'W'.repeat(47)}` };
  return { world, invoice };
}

async function render(world: World, invoice: Invoice): Promise<Uint8Array> {
  // English: the test finds the PO number's label and the continuation header by their words.
  return renderInvoicePdf(invoice, { world, status: invoiceStatus(world, invoice), language: 'en' });
}

describe('invoice PDF layout', () => {
  it('renders a 5,000-character contact name in well under a second, all of it', { timeout: 20_000 }, async () => {
    // Mostly one unbroken run of letters: breaking long words was the slow part.
    const name = `${'Maximiliana '.repeat(100)}${'x'.repeat(3800)}`;
    assert.equal(name.length, 5000);
    const { world, invoice } = crowded(name, 1);
    const start = performance.now();
    const bytes = await render(world, invoice);
    const ms = performance.now() - start;
    // Generous (it took tens of seconds before; about 50 ms now): only a different complexity fails this.
    assert.ok(ms < 3000, `${Math.round(ms)} ms`);
    const items = await textItems(bytes);
    // The bill-to column, without the footers and continuation headers of the pages it runs onto.
    const text = items
      .filter((i) => i.x === PAGE.margin && i.y > FOOTER_TOP && !i.text.endsWith('(continued)'))
      .map((i) => i.text)
      .join('');
    assert.ok(text.replace(/\s/g, '').includes(name.replace(/\s/g, '')), 'the whole name is printed');
    assert.deepEqual(problems(items), []);
  });

  it('measures a number of characters linear in the name', async () => {
    const measured = async (n: number): Promise<number> => {
      const { world, invoice } = crowded('y'.repeat(n), 1);
      return (await layoutInvoicePdf(invoice, { world, status: invoiceStatus(world, invoice) })).measuredChars;
    };
    const base = await measured(1);
    const five = (await measured(5000)) - base;
    const ten = (await measured(10_000)) - base;
    assert.ok(five <= 4 * 5000, `5,000 characters: ${five} measured`);
    assert.ok(ten <= 2.2 * five, `5,000: ${five}, 10,000: ${ten} measured`);
  });

  it('continues the bill-to block on the next page, never over the footer; nothing overlaps', async () => {
    const { world, invoice } = crowded('Anna de Jong-van der Berg '.repeat(40));
    const items = await textItems(await render(world, invoice));
    assert.deepEqual(problems(items), []);
    assert.ok(Math.max(...items.map((i) => i.page)) >= 2, 'the block continues on page 2');
    const text = items.map((i) => i.text).join('');
    for (const r of world.billingDetails?.recipients ?? []) assert.ok(text.includes(r), r);
  });

  it('wraps a long PO number beside its label, never over it', async () => {
    const { world, invoice } = crowded('Anna de Jong', 2);
    const items = await textItems(await render(world, invoice));
    assert.deepEqual(problems(items), []);
    const label = items.find((i) => i.text === 'PO number') as Item;
    const lines = items.filter((i) => i.page === 1 && i.x > label.x + label.width && /^(PO-)?W+$/.test(i.text));
    assert.equal(lines.map((i) => i.text).join(''), invoice.poNumber);
    assert.ok(lines.length > 1, 'on more than one line');
  });

  it('lays out every invoice of every scenario without overlaps', async () => {
    for (const name of ['injixo-advanced', 'm365-declined', 'severa-prepaid', 'workplace-advanced']) {
      const w = loadScenario(name);
      for (const inv of w.invoices.slice(-3)) {
        const items = await textItems(await render(w, inv));
        assert.deepEqual(problems(items), [], `${name} ${inv.number}`);
      }
    }
  });
});
