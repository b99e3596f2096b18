/**
 * The invoice PDF the mock backend serves for every issued invoice (billing-rules:
 * "Every issued invoice can be downloaded as a PDF that shows its lines, PO number,
 * currency, tax and total").
 *
 * An A4 page drawn with pdf-lib's standard fonts: the seller's header, the tenant's
 * company name, VAT number and billing address, the invoice's number, dates, service
 * period and PO number, its status, the lines, and the totals (subtotal, tax with its
 * rate, credit applied, total, amount due, payments received). Money is formatted with
 * `Intl.NumberFormat` in the invoice currency (minor units → major), dates with
 * `Intl.DateTimeFormat`, both in the tenant's locale unless `ctx.locale` says otherwise;
 * the labels are English, like the engine's line descriptions.
 *
 * The standard fonts only encode WinAnsi (Windows-1252): {@link toWinAnsi} replaces what
 * they cannot draw (narrow no-break spaces and minus signs from `Intl`, letters such as
 * "ı") with the nearest character they can; `€`, `£`, `×`, `–`, `•`, `›` are WinAnsi.
 *
 * Deterministic: no clock is read; the document's creation and modification dates are
 * the issue date, so the same invoice and world give the same bytes.
 *
 * pdf-lib is loaded from its self-contained ES module build: its default entry imports
 * CommonJS `pako`, which a browser cannot load without a bundler (the test runner has
 * none); the bundle works in browsers, Vite and Node alike.
 */
// @ts-expect-error -- pdf-lib ships no typings for its bundled ES build; they are those of 'pdf-lib' (below).
import * as pdfLibBundle from 'pdf-lib/dist/pdf-lib.esm.js';
import type * as PdfLib from 'pdf-lib';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';
import { invoiceState } from '../engine/invoices.js';
import { minorUnitDigits } from '../engine/money.js';
import type { Invoice, InvoiceLine, InvoiceStatus, IsoDate, Person, World } from '../engine/types.js';

const { PDFDocument, StandardFonts, rgb } = pdfLibBundle as typeof PdfLib;

/** What the PDF needs besides the invoice: the world it belongs to and its status today. */
export interface InvoicePdfContext {
  world: World;
  status: InvoiceStatus;
  /** BCP 47 locale for numbers and dates; default the tenant's. */
  locale?: string;
}

// ---------------------------------------------------------------------------------------
// WinAnsi text.
// ---------------------------------------------------------------------------------------

/** Code points above U+00FF that WinAnsi (Windows-1252) encodes. */
const WINANSI_EXTRA = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/** Replacements for characters `Intl` and names produce that WinAnsi lacks. */
const WINANSI_REPLACEMENTS: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (fr, some currency formats)
  '\u2007': '\u00a0', // figure space
  '\u2009': ' ', // thin space
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '', // zero-width space
  '\u200e': '', // left-to-right mark (Intl, bidi locales)
  '\u200f': '',
  '\u061c': '',
  '\u2212': '-', // minus sign (fi, sv, nb…)
  '\u2010': '-',
  '\u2011': '-', // non-breaking hyphen
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\u0131': 'i', // dotless i
  '\u0130': 'I',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u00a0': '\u00a0',
};

function isWinAnsi(cp: number): boolean {
  return (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WINANSI_EXTRA.has(cp);
}

/**
 * `text` with every character the standard fonts cannot encode replaced: known
 * look-alikes first, then the letter without its accents (`č` → `c`), else `?`.
 * Line breaks and tabs become spaces.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (isWinAnsi(cp)) {
      out += ch;
      continue;
    }
    const mapped = WINANSI_REPLACEMENTS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (ch === '\n' || ch === '\r' || ch === '\t') {
      out += ' ';
      continue;
    }
    const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += bare !== '' && [...bare].every((c) => isWinAnsi(c.codePointAt(0) as number)) ? bare : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Formatting.
// ---------------------------------------------------------------------------------------

interface Formats {
  money(minor: number): string;
  date(d: IsoDate): string;
  percent(basisPoints: number): string;
  number(n: number): string;
  country(code: string): string;
}

function formats(locale: string, currency: string): Formats {
  const digits = minorUnitDigits(currency);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  return {
    money: (minor) => toWinAnsi(moneyFormat.format(minor / 10 ** digits)),
    date: (d) => {
      const [y, m, day] = d.split('-').map(Number) as [number, number, number];
      return toWinAnsi(dateFormat.format(new Date(Date.UTC(y, m - 1, day))));
    },
    percent: (bp) => toWinAnsi(percentFormat.format(bp / 10_000)),
    number: (n) => toWinAnsi(numberFormat.format(n)),
    country: (code) => {
      try {
        return toWinAnsi(regions.of(code) ?? code);
      } catch {
        return code; // not a well-formed region code: print it as given
      }
    },
  };
}

// ---------------------------------------------------------------------------------------
// The seller: the product the tenant buys (fictional legal entities).
// ---------------------------------------------------------------------------------------

interface Seller {
  brand: string;
  legalName: string;
  address: string[];
  vatNumber: string;
  iban: string;
  accent: RGB;
}

const SELLERS: { match: RegExp; seller: Seller }[] = [
  {
    match: /^injixo/i,
    seller: {
      brand: 'injixo',
      legalName: 'Example WFM Software B.V.',
      address: ['Keizersgracht 100', '1015 CZ Amsterdam', 'Netherlands'],
      vatNumber: 'NL000099998B01',
      iban: 'NL91 EXMP 0417 1643 00',
      accent: rgb(0.82, 0.33, 0.1),
    },
  },
  {
    match: /^workplace/i,
    seller: {
      brand: 'Workplace',
      legalName: 'Example Workplace Platforms Ltd',
      address: ['1 Example Quay', 'Dublin 2, D02 X285', 'Ireland'],
      vatNumber: 'IE0000000XA',
      iban: 'IE29 EXMP 9311 5212 3456 78',
      accent: rgb(0.09, 0.4, 0.85),
    },
  },
  {
    match: /severa/i,
    seller: {
      brand: 'Visma Severa',
      legalName: 'Example PSA Software Oy',
      address: ['Esimerkkikatu 1', '00100 Helsinki', 'Finland'],
      vatNumber: 'FI00000000',
      iban: 'FI21 1234 5600 0007 85',
      accent: rgb(0.0, 0.5, 0.52),
    },
  },
  {
    match: /365/,
    seller: {
      brand: 'Microsoft 365',
      legalName: 'Example Cloud Services Ireland Ltd',
      address: ['70 Example Road', 'Dublin 18, D18 P521', 'Ireland'],
      vatNumber: 'IE0000001XB',
      iban: 'IE64 EXMP 9311 5200 0000 01',
      accent: rgb(0.36, 0.25, 0.68),
    },
  },
];

const DEFAULT_SELLER: Seller = {
  brand: 'billing-elements',
  legalName: 'Example Software B.V.',
  address: ['Example Street 1', '1000 AA Amsterdam', 'Netherlands'],
  vatNumber: 'NL000000000B01',
  iban: 'NL02 EXMP 0123 4567 89',
  accent: rgb(0.2, 0.3, 0.55),
};

function sellerFor(world: World, invoice: Invoice): Seller {
  const plan = world.subscription.plans.find((p) => p.id === invoice.planId);
  const key = `${plan?.name ?? ''} ${invoice.planId}`.trim();
  return SELLERS.find((s) => s.match.test(key))?.seller ?? DEFAULT_SELLER;
}

// ---------------------------------------------------------------------------------------
// Layout.
// ---------------------------------------------------------------------------------------

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const CONTENT = A4.width - 2 * MARGIN;
const INK = rgb(0.11, 0.13, 0.17);
const MUTED = rgb(0.42, 0.46, 0.52);
const RULE = rgb(0.85, 0.87, 0.9);
const BAND = rgb(0.96, 0.97, 0.98);
const WHITE = rgb(1, 1, 1);

const STATUS: Record<InvoiceStatus, { label: string; color: RGB }> = {
  paid: { label: 'PAID', color: rgb(0.09, 0.55, 0.3) },
  open: { label: 'OPEN', color: rgb(0.15, 0.39, 0.8) },
  past_due: { label: 'PAST DUE', color: rgb(0.78, 0.13, 0.13) },
  payment_failed: { label: 'PAYMENT FAILED', color: rgb(0.85, 0.42, 0.0) },
  upcoming: { label: 'PROVISIONAL', color: rgb(0.45, 0.48, 0.53) },
};

/** Table columns: description, quantity, unit price, amount (right-aligned numbers). */
const COLS = {
  desc: MARGIN,
  descWidth: 262,
  qtyRight: MARGIN + 330,
  unitRight: MARGIN + 415,
  amountRight: MARGIN + CONTENT,
};

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

/** Lowest baseline of body text: below it the footer starts (its rule is at MARGIN + 22). */
const BODY_BOTTOM = MARGIN + 40;

/** One piece of text as drawn: its page (0-based), baseline origin, width and size. */
export interface TextBox {
  page: number;
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
  /** The footer drawn on every page (below {@link BODY_BOTTOM}). */
  footer?: boolean;
}

/** Where every piece of text of an invoice PDF went, and how much text was measured. */
export interface InvoicePdfLayout {
  pages: number;
  boxes: TextBox[];
  /** Characters passed to the fonts' width measurement: linear in the text drawn. */
  measuredChars: number;
}

/**
 * Text widths of one font at one size as drawn: pdf-lib draws a string as one run of
 * glyphs without kerning, so its width is the sum of its characters' widths (pdf-lib's
 * `widthOfTextAtSize` subtracts kerning the drawing never applies, which put right-aligned
 * text past the margin). Character widths are cached, so measuring a line as it grows
 * costs O(1) per character.
 */
class Measure {
  readonly #chars = new Map<string, number>();
  constructor(
    private readonly font: PDFFont,
    private readonly size: number,
  ) {}

  char(c: string): number {
    let w = this.#chars.get(c);
    if (w === undefined) this.#chars.set(c, (w = this.font.widthOfTextAtSize(c, this.size)));
    return w;
  }

  /** Width of `t` added to a width of `from`. */
  append(from: number, t: string): number {
    let w = from;
    for (let i = 0; i < t.length; i++) w += this.char(t.charAt(i));
    return w;
  }
}

/** A cursor over pages: draws text, wraps it, and starts a new page when one is full. */
class Writer {
  page: PDFPage;
  y: number;
  pages: PDFPage[] = [];
  /** Every piece of text drawn, for {@link layoutInvoicePdf}. */
  readonly boxes: TextBox[] = [];
  measuredChars = 0;
  readonly #measures = new Map<PDFFont, Map<number, Measure>>();
  constructor(
    private readonly doc: PdfLib.PDFDocument,
    readonly fonts: Fonts,
    private readonly onNewPage: (w: Writer) => void,
  ) {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
  }

  private addPage(): PDFPage {
    const page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(page);
    return page;
  }

  /** The index of the current page. */
  get pageIndex(): number {
    return this.pages.length - 1;
  }

  /** Makes sure `height` points fit above the footer; otherwise continues on a new page. */
  ensure(height: number): void {
    if (this.y - height >= BODY_BOTTOM) return;
    this.newPage();
  }

  /** Continues on a new page (with the continuation header). */
  newPage(): void {
    this.page = this.addPage();
    this.y = A4.height - MARGIN;
    this.onNewPage(this);
  }

  /** The drawn width of `s` (counted: every measurement goes through here). */
  widthOf(s: string, font: PDFFont, size: number): number {
    this.measuredChars += s.length;
    return this.measure(font, size).append(0, s);
  }

  measure(font: PDFFont, size: number): Measure {
    let bySize = this.#measures.get(font);
    if (!bySize) this.#measures.set(font, (bySize = new Map()));
    let m = bySize.get(size);
    if (!m) bySize.set(size, (m = new Measure(font, size)));
    return m;
  }

  text(s: string, x: number, y: number, size: number, font: PDFFont = this.fonts.regular, color: RGB = INK): void {
    const t = toWinAnsi(s);
    if (t === '') return;
    this.page.drawText(t, { x, y, size, font, color });
    this.boxes.push({ page: this.pageIndex, x, y, width: this.widthOf(t, font, size), size, text: t });
  }

  right(
    s: string,
    xRight: number,
    y: number,
    size: number,
    font: PDFFont = this.fonts.regular,
    color: RGB = INK,
  ): void {
    const t = toWinAnsi(s);
    this.text(t, xRight - this.widthOf(t, font, size), y, size, font, color);
  }

  /** The footer line of every page: drawn and recorded as footer text. */
  footer(page: number, s: string, x: number, y: number, size: number, font: PDFFont): void {
    const t = toWinAnsi(s);
    (this.pages[page] as PDFPage).drawText(t, { x, y, size, font, color: MUTED });
    this.boxes.push({ page, x, y, width: this.widthOf(t, font, size), size, text: t, footer: true });
  }

  rule(y: number, color: RGB = RULE, from = MARGIN, to = MARGIN + CONTENT, thickness = 0.75): void {
    this.page.drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  /**
   * Splits `text` into lines no wider than `width` (long words are broken), in one pass:
   * each character is measured once, from cached widths (wrapping a 5,000-character name
   * used to re-measure every shorter prefix of every line: cubic).
   */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const m = this.measure(font, size);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    for (const word of toWinAnsi(text).split(' ')) {
      this.measuredChars += word.length + 1;
      const candidate = m.append(line === '' ? 0 : m.append(lineWidth, ' '), word);
      if (candidate <= width) {
        line = line === '' ? word : `${line} ${word}`;
        lineWidth = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      // The word alone, broken where it no longer fits (at least one character a line).
      line = '';
      lineWidth = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charAt(i);
        const w = lineWidth + m.char(c);
        if (w > width && line !== '') {
          lines.push(line);
          line = c;
          lineWidth = m.char(c);
        } else {
          line += c;
          lineWidth = w;
        }
      }
    }
    if (line !== '') lines.push(line);
    return lines.length > 0 ? lines : [''];
  }
}

function personName(world: World, id: string | undefined): Person | undefined {
  return id === undefined ? undefined : world.people.find((p) => p.id === id);
}

function paymentMethodText(world: World, seller: Seller, invoice: Invoice, f: Formats): string {
  const pm = world.paymentMethod;
  if (!pm) return 'No payment method on file.';
  if (pm.kind === 'card') {
    const brand = pm.brand ? pm.brand.charAt(0).toUpperCase() + pm.brand.slice(1) : 'Card';
    const expires = pm.expires ? ` (valid through ${pm.expires.slice(5)}/${pm.expires.slice(0, 4)})` : '';
    return `Charged to ${brand} •••• ${pm.last4 ?? '????'}${expires}.`;
  }
  if (pm.kind === 'sepa-debit') {
    return `SEPA direct debit from the account ending ${pm.last4 ?? '????'}, collected on ${f.date(invoice.dueOn)}.`;
  }
  return `Bank transfer to ${seller.legalName}, IBAN ${seller.iban}, quoting ${invoice.number || 'the invoice number'}.`;
}

/** Most lines an invoice fact (PO number, customer id, plan…) takes beside its label. */
const FACT_LINES = 3;

/**
 * Renders `invoice` as an A4 PDF. `ctx.status` is the status to show (as the API reports
 * it today); `ctx.world` supplies the tenant, billing details, plan and payments.
 */
export async function renderInvoicePdf(invoice: Invoice, ctx: InvoicePdfContext): Promise<Uint8Array> {
  const { doc } = await build(invoice, ctx);
  return doc.save();
}

/**
 * Where {@link renderInvoicePdf} puts every piece of text: pages, boxes, and the
 * characters it measured. For tests of the layout (nothing overlaps, nothing runs into
 * the footer, the work is linear in the text).
 */
export async function layoutInvoicePdf(invoice: Invoice, ctx: InvoicePdfContext): Promise<InvoicePdfLayout> {
  const { w } = await build(invoice, ctx);
  return { pages: w.pages.length, boxes: w.boxes, measuredChars: w.measuredChars };
}

async function build(invoice: Invoice, ctx: InvoicePdfContext): Promise<{ doc: PdfLib.PDFDocument; w: Writer }> {
  const { world, status } = ctx;
  const locale = ctx.locale ?? world.tenant.locale;
  const f = formats(locale, invoice.currency);
  const seller = sellerFor(world, invoice);
  const plan = world.subscription.plans.find((p) => p.id === invoice.planId);
  const details = world.billingDetails;
  const provisional = status === 'upcoming';
  const title = provisional ? 'Provisional invoice' : `Invoice ${invoice.number}`;
  const issued = new Date(`${invoice.issuedOn}T00:00:00Z`);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(toWinAnsi(`${title} – ${world.tenant.name}`), { showInWindowTitleBar: true });
  doc.setAuthor(seller.legalName);
  doc.setSubject(toWinAnsi(`${plan?.name ?? invoice.planId}, ${invoice.periodStart} – ${invoice.periodEnd}`));
  doc.setCreator('billing-elements mock backend');
  doc.setProducer('pdf-lib');
  doc.setLanguage(locale);
  doc.setKeywords([invoice.number, invoice.currency, status].filter((k) => k !== ''));
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
  };
  const tableHeader = (w: Writer) => {
    w.ensure(24);
    w.page.drawRectangle({ x: MARGIN, y: w.y - 16, width: CONTENT, height: 20, color: BAND });
    const y = w.y - 10;
    w.text('Description', COLS.desc + 6, y, 8, fonts.bold, MUTED);
    w.right('Qty', COLS.qtyRight, y, 8, fonts.bold, MUTED);
    w.right('Unit price', COLS.unitRight, y, 8, fonts.bold, MUTED);
    w.right('Amount', COLS.amountRight - 6, y, 8, fonts.bold, MUTED);
    w.y -= 24;
  };
  let inTable = false;
  const w = new Writer(doc, fonts, (x) => {
    const [first = '', more] = x.wrap(`${title} (continued)`, fonts.bold, 10, CONTENT - 12);
    x.text(more === undefined ? first : `${first}…`, MARGIN, x.y - 10, 10, fonts.bold, MUTED);
    x.y -= 28;
    if (inTable) tableHeader(x);
  });

  // --- header: seller (left), title, number and status (right) ------------------------
  const top = w.y;
  w.page.drawRectangle({ x: MARGIN, y: top - 21, width: 4, height: 20, color: seller.accent });
  w.text(seller.brand, MARGIN + 12, top - 18, 20, fonts.bold, seller.accent);
  let sy = top - 38;
  for (const line of [seller.legalName, ...seller.address, `VAT ${seller.vatNumber}`]) {
    w.text(line, MARGIN, sy, 8.5, fonts.regular, MUTED);
    sy -= 11;
  }
  w.right(provisional ? 'PROVISIONAL INVOICE' : 'INVOICE', MARGIN + CONTENT, top - 18, 20, fonts.bold, INK);
  w.right(provisional ? 'Not yet issued' : invoice.number, MARGIN + CONTENT, top - 36, 11, fonts.regular, INK);
  const badge = STATUS[status];
  const badgeWidth = w.widthOf(badge.label, fonts.bold, 9) + 16;
  w.page.drawRectangle({
    x: MARGIN + CONTENT - badgeWidth,
    y: top - 62,
    width: badgeWidth,
    height: 17,
    color: badge.color,
    borderWidth: 0,
  });
  w.text(badge.label, MARGIN + CONTENT - badgeWidth + 8, top - 56.5, 9, fonts.bold, WHITE);
  w.y = Math.min(sy, top - 74) - 10;
  w.rule(w.y, seller.accent, MARGIN, MARGIN + CONTENT, 1.5);
  w.y -= 22;

  // --- invoice facts (right), then bill to (left) -------------------------------------
  // The facts first: the bill-to block may continue on the next pages (many recipients,
  // a long name), the facts stay on the first.
  const blockTop = w.y;
  const facts: [string, string][] = [
    ['Invoice number', provisional ? '—' : invoice.number],
    ['Issue date', f.date(invoice.issuedOn)],
    ['Due date', f.date(invoice.dueOn)],
    ['Service period', `${f.date(invoice.periodStart)} – ${f.date(invoice.periodEnd)}`],
  ];
  if (invoice.poNumber) facts.push(['PO number', invoice.poNumber]);
  facts.push(['Customer ID', world.tenant.id]);
  facts.push(['Plan', plan?.name ?? invoice.planId]);
  facts.push(['Currency', invoice.currency]);
  const labelX = MARGIN + 282;
  const valueRight = MARGIN + CONTENT;
  let fy = blockTop;
  for (const [label, value] of facts) {
    w.text(label, labelX, fy, 8.5, fonts.regular, MUTED);
    const font = label === 'Invoice number' || label === 'PO number' ? fonts.bold : fonts.regular;
    // Right-aligned beside its label, never over it: wrapped, at most FACT_LINES lines.
    const room = valueRight - (labelX + w.widthOf(toWinAnsi(label), fonts.regular, 8.5) + 10);
    let lines = w.wrap(value, font, 9.5, room);
    if (lines.length > FACT_LINES) {
      const ellipsis = w.widthOf('…', font, 9.5);
      const last = w.wrap(lines[FACT_LINES - 1] as string, font, 9.5, room - ellipsis)[0] ?? '';
      lines = [...lines.slice(0, FACT_LINES - 1), `${last}…`];
    }
    lines.forEach((l, i) => w.right(l, valueRight, fy - i * 12, 9.5, font));
    fy -= 15 + (lines.length - 1) * 12;
  }

  w.text('BILL TO', MARGIN, blockTop, 8, fonts.bold, MUTED);
  let by = blockTop - 16;
  const firstPage = w.pageIndex;
  const billLine = (s: string, font = fonts.regular, size = 9.5, color = INK) => {
    for (const l of w.wrap(s, font, size, 250)) {
      if (by < BODY_BOTTOM) {
        // Continued on the next page rather than over the footer.
        w.newPage();
        by = w.y - 4;
      }
      w.text(l, MARGIN, by, size, font, color);
      by -= size + 3.5;
    }
  };
  billLine(world.tenant.name, fonts.bold, 11);
  const contact = details?.contact;
  const contactName = personName(world, contact?.personId)?.name ?? contact?.name ?? contact?.email;
  if (contactName) billLine(`Attn. ${contactName}`);
  if (details) {
    const a = details.address;
    billLine(a.line1);
    if (a.line2) billLine(a.line2);
    billLine(`${a.postalCode} ${a.city}`);
    billLine(f.country(a.country));
  }
  if (world.tenant.vatNumber) billLine(`VAT ${world.tenant.vatNumber}`, fonts.regular, 9.5, INK);
  if (details?.eInvoicing.enabled) {
    billLine(
      `E-invoice address ${details.eInvoicing.address ?? ''} (operator ${details.eInvoicing.operatorCode ?? ''})`,
      fonts.regular,
      8.5,
      MUTED,
    );
  } else if (details && details.recipients.length > 0) {
    billLine(`Sent to ${details.recipients.join(', ')}`, fonts.regular, 8.5, MUTED);
  }
  w.y = (w.pageIndex === firstPage ? Math.min(by, fy) : by) - 18;

  // --- lines ---------------------------------------------------------------------------
  inTable = true;
  tableHeader(w);
  invoice.lines.forEach((line: InvoiceLine) => {
    const informative = line.informative === true;
    const font = informative ? fonts.italic : fonts.regular;
    const color = informative ? MUTED : INK;
    const descLines = w.wrap(line.description, font, 9.5, COLS.descWidth);
    const period =
      line.periodStart && line.periodEnd && !informative
        ? `${f.date(line.periodStart)} – ${f.date(line.periodEnd)}`
        : undefined;
    const height = descLines.length * 13 + (period ? 11 : 0) + 10;
    w.ensure(height);
    const firstY = w.y - 4;
    let ly = firstY;
    // The description first, whole, then the figures: text extraction reads it in one piece.
    for (const l of descLines) {
      w.text(l, COLS.desc + 6, ly, 9.5, font, color);
      ly -= 13;
    }
    if (!informative) {
      w.right(f.number(line.quantity), COLS.qtyRight, firstY, 9.5);
      w.right(f.money(line.unitPrice), COLS.unitRight, firstY, 9.5);
      w.right(f.money(line.amount), COLS.amountRight - 6, firstY, 9.5);
    } else if (line.kind === 'user-count') {
      w.right(f.number(line.quantity), COLS.qtyRight, firstY, 9.5, fonts.italic, MUTED);
    }
    if (period) {
      w.text(period, COLS.desc + 6, ly + 2, 8, fonts.regular, MUTED);
      ly -= 11;
    }
    w.y = ly - 2;
    w.rule(w.y + 6);
    w.y -= 6;
  });
  inTable = false;

  // --- totals ----------------------------------------------------------------------------
  const state =
    provisional || !world.invoices.some((i) => i.id === invoice.id) ? undefined : invoiceState(world, invoice);
  const rows: { label: string; value: string; strong?: boolean; big?: boolean }[] = [
    { label: 'Subtotal', value: f.money(invoice.subtotal) },
    { label: `${world.tenant.vatNumber ? 'VAT' : 'Tax'} ${f.percent(invoice.taxRate)}`, value: f.money(invoice.tax) },
    { label: 'Total', value: f.money(invoice.total), strong: true },
  ];
  if (invoice.creditApplied > 0) rows.push({ label: 'Credit applied', value: f.money(-invoice.creditApplied) });
  rows.push({
    label: provisional ? 'Estimated amount due' : 'Amount due',
    value: f.money(invoice.amountDue),
    strong: true,
    big: true,
  });
  if (state && state.paid > 0) {
    rows.push({ label: 'Payments received', value: f.money(-state.paid) });
    rows.push({ label: 'Balance due', value: f.money(state.balance), strong: true });
  }
  w.ensure(rows.length * 18 + 20);
  w.y -= 8;
  const totalsX = MARGIN + 282;
  for (const row of rows) {
    const size = row.big ? 12 : 9.5;
    const font = row.strong ? fonts.bold : fonts.regular;
    if (row.big) {
      w.y -= 6;
      w.page.drawRectangle({
        x: totalsX - 8,
        y: w.y - 6,
        width: MARGIN + CONTENT - totalsX + 8,
        height: 22,
        color: BAND,
      });
    }
    w.text(row.label, totalsX, w.y, size, font, row.big ? INK : MUTED);
    w.right(row.value, COLS.amountRight - 6, w.y, size, font, row.big ? seller.accent : INK);
    w.y -= row.big ? 24 : 17;
  }
  w.y -= 8;

  // --- status note and payment -------------------------------------------------------
  const notes: string[] = [];
  if (status === 'paid') {
    const paidOn = world.payments
      .filter((p) => p.invoiceId === invoice.id && p.outcome === 'succeeded')
      .map((p) => p.on)
      .sort()
      .at(-1);
    notes.push(paidOn ? `Paid in full on ${f.date(paidOn)}. Thank you.` : 'Paid in full. Thank you.');
  } else if (status === 'past_due') {
    notes.push(
      `This invoice was due on ${f.date(invoice.dueOn)} and is past due. Please pay the balance now to avoid suspension of the service.`,
    );
  } else if (status === 'payment_failed') {
    notes.push(
      `The payment attempt failed. Please update your payment method and settle the balance by ${f.date(invoice.dueOn)}.`,
    );
  } else if (status === 'open') {
    notes.push(`Please pay by ${f.date(invoice.dueOn)}.`);
  } else {
    notes.push(
      'Provisional: the figures so far for a period that is still open. The invoice is issued when the period closes.',
    );
  }
  if (state?.declineReason && state.declinedOn) {
    notes.push(
      `Last payment attempt on ${f.date(state.declinedOn)} was declined (${state.declineReason.replace(/_/g, ' ')}).`,
    );
  }
  const noteLines = notes.flatMap((n) => w.wrap(n, fonts.regular, 9.5, CONTENT - 24));
  const noteHeight = noteLines.length * 13 + 14;
  const paymentLines = w.wrap(paymentMethodText(world, seller, invoice, f), fonts.regular, 9.5, CONTENT);
  // The note, the payment heading, its lines and the term line together, above the footer.
  w.ensure(noteHeight + 28 + paymentLines.length * 13);
  w.page.drawRectangle({ x: MARGIN, y: w.y - noteHeight + 10, width: 3, height: noteHeight, color: badge.color });
  w.page.drawRectangle({
    x: MARGIN + 3,
    y: w.y - noteHeight + 10,
    width: CONTENT - 3,
    height: noteHeight,
    color: BAND,
  });
  let ny = w.y - 4;
  for (const l of noteLines) {
    w.text(l, MARGIN + 14, ny, 9.5, fonts.regular, INK);
    ny -= 13;
  }
  w.y -= noteHeight + 14;
  w.text('PAYMENT', MARGIN, w.y, 8, fonts.bold, MUTED);
  w.y -= 14;
  for (const l of paymentLines) {
    w.text(l, MARGIN, w.y, 9.5);
    w.y -= 13;
  }
  w.text(
    `Payment term ${world.tenant.paymentTermDays} days. Prices exclude tax.`,
    MARGIN,
    w.y,
    8.5,
    fonts.regular,
    MUTED,
  );

  // --- footer on every page ----------------------------------------------------------
  const footer = `${seller.legalName} · ${seller.address.join(', ')} · VAT ${seller.vatNumber}`;
  const note =
    'Generated by the billing-elements mock backend from its billing engine; sample data, not a tax document.';
  w.pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN, y: MARGIN + 22 },
      end: { x: MARGIN + CONTENT, y: MARGIN + 22 },
      thickness: 0.75,
      color: RULE,
    });
    w.footer(i, footer, MARGIN, MARGIN + 10, 7.5, fonts.regular);
    w.footer(i, note, MARGIN, MARGIN, 7.5, fonts.italic);
    const pageNo = `Page ${i + 1} of ${w.pages.length}`;
    w.footer(i, pageNo, MARGIN + CONTENT - w.widthOf(pageNo, fonts.regular, 7.5), MARGIN + 10, 7.5, fonts.regular);
  });

  return { doc, w };
}
