/**
 * The invoice PDF: real PDF bytes that pdf.js can open, showing what the rules promise
 * (number, PO number, lines, tax, total in the invoice currency), the same bytes for the
 * same input, text the standard fonts can encode whatever the locale, and its words in the
 * language asked for (English here unless said; Dutch and German in
 * test/node/invoice-pdf.test.ts too).
 */
import { expect } from '@open-wc/testing';
import * as pdfjs from 'pdfjs-dist';
import { invoiceStatus, upcomingInvoice } from '../../mocks/engine/invoices.js';
import type { Invoice, InvoiceLine, World } from '../../mocks/engine/types.js';
import type { DocumentLanguage } from '../../mocks/http/language.js';
import { formats } from '../../mocks/pdf/format.js';
import { renderInvoicePdf, toWinAnsi } from '../../mocks/pdf/invoice-pdf.js';
import { lineText, PDF_WORDS } from '../../mocks/pdf/words.js';
import { loadScenario } from '../../mocks/scenarios/index.js';

pdfjs.GlobalWorkerOptions.workerSrc = new URL('/node_modules/pdfjs-dist/build/pdf.worker.mjs', location.origin).href;

/** Every kind of space (NBSP, narrow NBSP…) as one plain space, runs collapsed. */
const norm = (s: string): string => s.replace(/\s+/gu, ' ').trim();

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await pdfjs.getDocument({ data: bytes.slice() }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: norm(parts.join(' ')), pages };
}

function money(minor: number, currency: string, locale: string): string {
  return norm(new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100));
}

/** English words, numbers and dates in `locale` (default: the tenant's). */
async function render(w: World, inv: Invoice, locale?: string, language: DocumentLanguage = 'en'): Promise<Uint8Array> {
  return renderInvoicePdf(inv, {
    world: w,
    status: invoiceStatus(w, inv),
    language,
    locale: locale ?? w.tenant.locale,
  });
}

/** A line as the PDF words it in English, with numbers and dates of `locale`. */
function english(line: InvoiceLine, currency: string, locale: string): string {
  return norm(lineText(PDF_WORDS.en, line, formats(locale, currency, 'en')));
}

describe('invoice PDF', () => {
  let advanced: World;
  let invoice: Invoice;
  let bytes: Uint8Array;

  before(async () => {
    advanced = loadScenario('injixo-advanced');
    invoice = advanced.invoices.at(-1) as Invoice;
    bytes = await render(advanced, invoice);
  });

  it('is a PDF', () => {
    expect(bytes).to.be.instanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).to.equal('%PDF-');
    expect(bytes.length).to.be.greaterThan(1000);
  });

  it('shows the invoice number, PO number, dates, company, VAT number and address', async () => {
    const { text, pages } = await pdfText(bytes);
    expect(pages).to.equal(1);
    expect(text).to.include(invoice.number);
    expect(invoice.poNumber).to.equal('4500018372');
    expect(text).to.include(`PO number ${invoice.poNumber}`);
    expect(text).to.include(advanced.tenant.name);
    expect(text).to.include(advanced.tenant.vatNumber as string);
    expect(text).to.include(advanced.billingDetails?.address.line1 as string);
    expect(text).to.include('Attn. Daan Silva');
    const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'UTC' });
    expect(text).to.include(norm(date.format(new Date(Date.UTC(2026, 11, 1))))); // due 1 December 2026
    expect(text).to.include('OPEN');
  });

  it('shows every line, the tax line with its rate and the total in the invoice currency (€)', async () => {
    const { text } = await pdfText(bytes);
    for (const line of invoice.lines) expect(text).to.include(english(line, 'EUR', 'nl-NL'));
    expect(text).to.include('injixo Advanced base fee, 50 users included');
    const total = money(invoice.total, 'EUR', 'nl-NL');
    expect(total).to.include('€');
    expect(text).to.include(`Total ${total}`);
    expect(text).to.include(`Amount due ${money(invoice.amountDue, 'EUR', 'nl-NL')}`);
    expect(text).to.include(`Subtotal ${money(invoice.subtotal, 'EUR', 'nl-NL')}`);
    expect(text).to.include(`VAT 21% ${money(invoice.tax, 'EUR', 'nl-NL')}`);
  });

  it('shows the user count without amounts', async () => {
    const { text } = await pdfText(bytes);
    const count = invoice.lines.find((l) => l.kind === 'user-count');
    expect(count).to.exist;
    // Description, then only the count: no price follows it.
    expect(text).to.include(`${english(count!, 'EUR', 'nl-NL')} ${count?.quantity} Extra users`);
  });

  it('is deterministic: the same input gives the same bytes', async () => {
    const again = await render(advanced, invoice);
    expect(again.length).to.equal(bytes.length);
    expect(again.every((b, i) => b === bytes[i])).to.equal(true);
  });

  it('shows credit applied, payments and the balance (injixo-classic, German locale)', async () => {
    const w = loadScenario('injixo-classic');
    const inv = w.invoices.find((i) => i.creditApplied > 0) as Invoice;
    const { text } = await pdfText(await render(w, inv));
    expect(text).to.include(`Credit applied ${money(-inv.creditApplied, 'EUR', 'de-DE')}`);
    expect(text).to.include(`VAT 19 % ${money(inv.tax, 'EUR', 'de-DE')}`);
    for (const line of inv.lines) expect(text).to.include(english(line, 'EUR', 'de-DE'));
    expect(text).to.include('Balance due');
    expect(text).to.include('PAID');
  });

  it('shows a past-due invoice with its decline (m365-declined)', async () => {
    const w = loadScenario('m365-declined');
    const inv = w.invoices.find((i) => invoiceStatus(w, i) === 'past_due') as Invoice;
    const { text } = await pdfText(await render(w, inv));
    expect(text).to.include('PAST DUE');
    expect(text).to.include('declined (card expired)');
    expect(text).to.include('suspension');
  });

  it('prints US dollars and a 0 % tax line (workplace-advanced in en-GB, workplace in en-US)', async () => {
    const w = loadScenario('workplace-advanced');
    const inv = w.invoices.at(-1) as Invoice;
    const { text } = await pdfText(await render(w, inv));
    expect(text).to.include(`Total ${money(inv.total, 'USD', 'en-GB')}`);
    expect(text).to.include('US$');
    const { text: us } = await pdfText(await render(w, inv, 'en-US'));
    expect(us).to.include(`Total ${money(inv.total, 'USD', 'en-US')}`);
  });

  it('encodes locales whose formats use narrow no-break spaces and minus signs (fr-FR, fi-FI, sv-SE)', async () => {
    const w = loadScenario('injixo-classic');
    const inv = w.invoices.find((i) => i.creditApplied > 0) as Invoice;
    for (const locale of ['fr-FR', 'fi-FI', 'sv-SE']) {
      const { text } = await pdfText(await render(w, inv, locale));
      const amount = norm(
        toWinAnsi(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(inv.total / 100)),
      );
      expect(text, locale).to.include(amount);
      const credit = norm(
        toWinAnsi(
          new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(-inv.creditApplied / 100),
        ),
      );
      expect(credit.startsWith('-') || credit.includes('-'), locale).to.equal(true);
      expect(text, locale).to.include(credit);
    }
  });

  it('renders a provisional (upcoming) invoice', async () => {
    const w = loadScenario('severa-prepaid');
    const up = upcomingInvoice(w);
    const { text } = await pdfText(await renderInvoicePdf(up, { world: w, status: 'upcoming', language: 'en' }));
    expect(text).to.include('PROVISIONAL');
    for (const line of up.lines) expect(text).to.include(english(line, up.currency, 'en-GB'));
  });

  it('continues on more pages when the lines do not fit, keeping every line', async () => {
    const w = loadScenario('injixo-advanced');
    const inv = w.invoices.at(-1) as Invoice;
    const many: Invoice = {
      ...inv,
      lines: Array.from({ length: 45 }, (_, i) => ({
        ...(inv.lines[0] as Invoice['lines'][number]),
        params: {
          plan: `Plan ${i + 1}: ${'a rather long plan name that wraps onto a second line '.repeat(i % 3 === 0 ? 2 : 1)}end`,
          included: i,
        },
      })),
    };
    const { text, pages } = await pdfText(await renderInvoicePdf(many, { world: w, status: 'open', language: 'en' }));
    expect(pages).to.be.greaterThan(1);
    expect(text).to.include(`Page 1 of ${pages}`);
    for (const line of many.lines) expect(text).to.include(english(line, 'EUR', 'en-GB'));
  });

  it('prints an invoice of an older world, whose lines carry an English description and no params, by kind', async () => {
    const w = loadScenario('injixo-advanced');
    const inv = w.invoices.at(-1) as Invoice;
    const old: Invoice = {
      ...inv,
      lines: inv.lines.map(({ params: _params, ...l }) => ({ ...l, description: 'An English sentence of old' })),
    };
    const { text } = await pdfText(await render(w, old, 'nl-NL', 'nl'));
    expect(text).not.to.include('An English sentence of old');
    expect(text).to.include('Basisbedrag');
    expect(text).to.include('Aantal gebruikers');
  });

  it('writes Dutch and German labels and dates (13 oktober 2026, 13. Oktober 2026)', async () => {
    const w = loadScenario('injixo-advanced');
    const inv = w.invoices.at(-1) as Invoice;
    const { text: nl } = await pdfText(await render(w, inv, undefined, 'nl'));
    expect(nl).to.include('Factuurnummer');
    expect(nl).to.include('13 oktober 2026');
    expect(nl).not.to.include('Invoice number');
    expect(nl).not.to.include('Subtotal');
    const { text: de } = await pdfText(await render(w, inv, 'de-DE', 'de'));
    expect(de).to.include('Rechnungsnummer');
    expect(de).to.include('Grundgebühr');
    expect(de).to.include('13. Oktober 2026');
    expect(de).to.include('Fällig am');
    expect(de).not.to.include('Invoice number');
    expect(de).not.to.include('Subtotal');
  });

  it('toWinAnsi keeps what WinAnsi encodes and replaces the rest', () => {
    expect(toWinAnsi('€ 1.234,56 £ × – • › ß é Š')).to.equal('€ 1.234,56 £ × – • › ß é Š');
    expect(toWinAnsi('1\u202f234,56\u00a0€')).to.equal('1\u00a0234,56\u00a0€');
    expect(toWinAnsi('\u221212,50')).to.equal('-12,50');
    expect(toWinAnsi('Yılmaz Łukasz Dvořák')).to.equal('Yilmaz Lukasz Dvorák');
    expect(toWinAnsi('a\nb\tc')).to.equal('a b c');
    expect(toWinAnsi('日本 🙂')).to.equal('?? ?');
  });
});
