/**
 * The invoice PDF the mock backend serves for every issued invoice (billing-rules:
 * "Every issued invoice can be downloaded as a PDF that shows its lines, PO number,
 * currency, tax and total").
 *
 * An A4 page drawn with pdf-lib's standard fonts: the seller's header, the tenant's
 * company name, VAT number and billing address, the invoice's number, dates, service
 * period and PO number, its status, the lines, and the totals (subtotal, tax with its
 * rate, credit applied, total, amount due, payments received). Its words are those of
 * `ctx.language` (`en`, `nl`, `de`; default the nearest to the tenant's locale): labels,
 * notes and each line, worded from its kind and params (`words.ts`). Money is formatted
 * with `Intl.NumberFormat` in the invoice currency (minor units → major), dates with
 * `Intl.DateTimeFormat`, both in `ctx.locale` (default: the tenant's locale when it is of
 * the document's language, else the language's usual region).
 *
 * The pieces: `winansi.ts` (text the standard fonts can draw), `format.ts` (money, dates,
 * numbers), `words.ts` (the words of each language), `seller.ts` (who sends the invoice),
 * `writer.ts` (the page, the text cursor); this module lays the invoice out on them.
 *
 * Deterministic: no clock is read; the document's creation and modification dates are
 * the issue date, so the same invoice and world give the same bytes.
 */
import type * as PdfLib from 'pdf-lib';
import type { RGB } from 'pdf-lib';
import { invoiceState } from '../engine/invoices.js';
import { creditLedger } from '../engine/ledger.js';
import type { Invoice, InvoiceLine, InvoiceStatus, Person, World } from '../engine/types.js';
import { DOCUMENT_LANGUAGES, formatLocale, nearestLanguage } from '../http/language.js';
import type { DocumentLanguage } from '../http/language.js';
import { formats } from './format.js';
import type { Formats } from './format.js';
import { PDFDocument, rgb, StandardFonts } from './pdf-lib.js';
import { sellerFor } from './seller.js';
import type { Seller } from './seller.js';
import { toWinAnsi } from './winansi.js';
import { lineMath, lineNamesDates, lineText, PDF_WORDS } from './words.js';
import type { PdfWords } from './words.js';
import { BAND, BODY_BOTTOM, CONTENT, INK, MARGIN, MUTED, RULE, WHITE, Writer } from './writer.js';
import type { Fonts, TextBox } from './writer.js';

export { toWinAnsi } from './winansi.js';
export type { TextBox } from './writer.js';

/** What the PDF needs besides the invoice: the world it belongs to and its status today. */
export interface InvoicePdfContext {
  world: World;
  status: InvoiceStatus;
  /** The language of the words; default the nearest to `locale`, else to the tenant's locale (else English). */
  language?: DocumentLanguage;
  /** BCP 47 locale for numbers and dates; default the tenant's when of the same language, else the language's usual region. */
  locale?: string;
}

const STATUS_COLOR: Record<InvoiceStatus, RGB> = {
  paid: rgb(0.09, 0.55, 0.3),
  open: rgb(0.15, 0.39, 0.8),
  past_due: rgb(0.78, 0.13, 0.13),
  payment_failed: rgb(0.85, 0.42, 0.0),
  upcoming: rgb(0.45, 0.48, 0.53),
};

/** Table columns: description, quantity, unit price, amount (right-aligned numbers). */
const COLS = {
  desc: MARGIN,
  descWidth: 262,
  qtyRight: MARGIN + 330,
  unitRight: MARGIN + 415,
  amountRight: MARGIN + CONTENT,
};

/** Where every piece of text of an invoice PDF went, and how much text was measured. */
export interface InvoicePdfLayout {
  pages: number;
  boxes: TextBox[];
  /** Characters passed to the fonts' width measurement: linear in the text drawn. */
  measuredChars: number;
}

function personName(world: World, id: string | undefined): Person | undefined {
  return id === undefined ? undefined : world.people.find((p) => p.id === id);
}

function paymentMethodText(world: World, seller: Seller, invoice: Invoice, f: Formats, words: PdfWords): string {
  const pm = world.paymentMethod;
  if (!pm) return words.payment.none;
  if (pm.kind === 'card') {
    const brand = pm.brand ? pm.brand.charAt(0).toUpperCase() + pm.brand.slice(1) : undefined;
    const valid = pm.expires ? `${pm.expires.slice(5)}/${pm.expires.slice(0, 4)}` : undefined;
    return words.payment.card(brand, pm.last4 ?? '????', valid);
  }
  if (pm.kind === 'sepa-debit') return words.payment.sepa(pm.last4 ?? '????', f.date(invoice.dueOn));
  return words.payment.transfer(seller.legalName, seller.iban, invoice.number || undefined);
}

/**
 * The language and format locale of a PDF: as asked; else the language nearest the asked
 * locale or, without one, the tenant's (else English), and the format locale for it.
 */
export function pdfLanguage(
  world: World,
  ctx: Pick<InvoicePdfContext, 'language' | 'locale'>,
): {
  language: DocumentLanguage;
  locale: string;
} {
  const language = ctx.language ?? nearestLanguage(ctx.locale ?? world.tenant.locale, DOCUMENT_LANGUAGES) ?? 'en';
  return { language, locale: ctx.locale ?? formatLocale(language, undefined, world.tenant.locale) };
}

/**
 * Where the credit `invoice` used came from, in words: the ledger's entries that made it
 * (first in, first out: credit is used in the order it arose) and the day it was applied
 * ("Taken from your credit on 1 March 2026: overpayment on INV-2026-0003 of 3 February
 * 2026 (€60.00)"). A provisional invoice takes it from the credit still left.
 */
function creditSourceText(
  world: World,
  invoice: Invoice,
  words: PdfWords,
  f: Formats,
  locale: string,
): string | undefined {
  if (invoice.creditApplied <= 0) return undefined;
  const left: { on: string; text: string; amount: number }[] = [];
  const take = (n: number) => {
    const taken: string[] = [];
    while (n > 0 && left.length > 0) {
      const head = left[0] as (typeof left)[number];
      const used = Math.min(n, head.amount);
      taken.push(words.credit.item(head.text, f.date(head.on), f.money(used)));
      head.amount -= used;
      n -= used;
      if (head.amount === 0) left.shift();
    }
    return taken;
  };
  const list = (items: string[]) => toWinAnsi(new Intl.ListFormat(locale, { type: 'conjunction' }).format(items));
  for (const e of creditLedger(world).entries) {
    if (e.amount > 0) {
      const text = e.kind === 'overpayment' ? words.credit.overpayment(e.invoiceNumber) : words.credit.paymentOnAccount;
      left.push({ on: e.on, text, amount: e.amount });
      continue;
    }
    const taken = take(-e.amount);
    if (e.invoiceId === invoice.id) return taken.length ? words.credit.from(list(taken), f.date(e.on)) : undefined;
  }
  const taken = take(invoice.creditApplied);
  return taken.length ? words.credit.from(list(taken), undefined) : undefined;
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
  const { language, locale } = pdfLanguage(world, ctx);
  const words = PDF_WORDS[language];
  const f = formats(locale, invoice.currency, language);
  const seller = sellerFor(world, invoice);
  const plan = world.subscription.plans.find((p) => p.id === invoice.planId);
  const details = world.billingDetails;
  const provisional = status === 'upcoming';
  const title = provisional ? words.provisionalTitle : words.title(invoice.number);
  const issued = new Date(`${invoice.issuedOn}T00:00:00Z`);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(toWinAnsi(`${title} – ${world.tenant.name}`), { showInWindowTitleBar: true });
  doc.setAuthor(seller.legalName);
  doc.setSubject(toWinAnsi(`${plan?.name ?? invoice.planId}, ${invoice.periodStart} – ${invoice.periodEnd}`));
  doc.setCreator('billing-elements mock backend');
  doc.setProducer('pdf-lib');
  doc.setLanguage(language);
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
    w.text(words.columns.description, COLS.desc + 6, y, 8, fonts.bold, MUTED);
    w.right(words.columns.quantity, COLS.qtyRight, y, 8, fonts.bold, MUTED);
    w.right(words.columns.unitPrice, COLS.unitRight, y, 8, fonts.bold, MUTED);
    w.right(words.columns.amount, COLS.amountRight - 6, y, 8, fonts.bold, MUTED);
    w.y -= 24;
  };
  let inTable = false;
  const w = new Writer(doc, fonts, (x) => {
    const [first = '', more] = x.wrap(words.continued(title), fonts.bold, 10, CONTENT - 12);
    x.text(more === undefined ? first : `${first}…`, MARGIN, x.y - 10, 10, fonts.bold, MUTED);
    x.y -= 28;
    if (inTable) tableHeader(x);
  });

  // --- header: seller (left), title, number and status (right) ------------------------
  const top = w.y;
  w.page.drawRectangle({ x: MARGIN, y: top - 21, width: 4, height: 20, color: seller.accent });
  w.text(seller.brand, MARGIN + 12, top - 18, 20, fonts.bold, seller.accent);
  let sy = top - 38;
  for (const line of [seller.legalName, ...seller.address, words.vatNumber(seller.vatNumber)]) {
    w.text(line, MARGIN, sy, 8.5, fonts.regular, MUTED);
    sy -= 11;
  }
  const heading = provisional ? words.heading.provisional : words.heading.invoice;
  w.right(heading, MARGIN + CONTENT, top - 18, 20, fonts.bold, INK);
  w.right(provisional ? words.notYetIssued : invoice.number, MARGIN + CONTENT, top - 36, 11, fonts.regular, INK);
  const badge = { label: words.status[status], color: STATUS_COLOR[status] };
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
    [words.facts.number, provisional ? '—' : invoice.number],
    [words.facts.issued, f.date(invoice.issuedOn)],
    [words.facts.due, f.date(invoice.dueOn)],
    [words.facts.servicePeriod, `${f.date(invoice.periodStart)} – ${f.date(invoice.periodEnd)}`],
  ];
  if (invoice.poNumber) facts.push([words.facts.po, invoice.poNumber]);
  facts.push([words.facts.customerId, world.tenant.id]);
  facts.push([words.facts.plan, plan?.name ?? invoice.planId]);
  facts.push([words.facts.currency, invoice.currency]);
  const labelX = MARGIN + 282;
  const valueRight = MARGIN + CONTENT;
  let fy = blockTop;
  for (const [label, value] of facts) {
    w.text(label, labelX, fy, 8.5, fonts.regular, MUTED);
    const font = label === words.facts.number || label === words.facts.po ? fonts.bold : fonts.regular;
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

  w.text(words.billTo, MARGIN, blockTop, 8, fonts.bold, MUTED);
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
  if (contactName) billLine(words.attention(contactName));
  if (details) {
    const a = details.address;
    billLine(a.line1);
    if (a.line2) billLine(a.line2);
    billLine(`${a.postalCode} ${a.city}`);
    billLine(f.country(a.country));
  }
  if (world.tenant.vatNumber) billLine(words.vatNumber(world.tenant.vatNumber), fonts.regular, 9.5, INK);
  if (details?.eInvoicing.enabled) {
    billLine(
      words.eInvoice(details.eInvoicing.address ?? '', details.eInvoicing.operatorCode ?? ''),
      fonts.regular,
      8.5,
      MUTED,
    );
  } else if (details && details.recipients.length > 0) {
    billLine(words.sentTo(details.recipients.join(', ')), fonts.regular, 8.5, MUTED);
  }
  w.y = (w.pageIndex === firstPage ? Math.min(by, fy) : by) - 18;

  // --- lines ---------------------------------------------------------------------------
  const creditSource = creditSourceText(world, invoice, words, f, locale);
  inTable = true;
  tableHeader(w);
  invoice.lines.forEach((line: InvoiceLine) => {
    const informative = line.informative === true;
    const font = informative ? fonts.italic : fonts.regular;
    const color = informative ? MUTED : INK;
    const descLines = w.wrap(lineText(words, line, f), font, 9.5, COLS.descWidth);
    const period =
      line.periodStart && line.periodEnd && !informative && !lineNamesDates(line)
        ? `${f.shortDate(line.periodStart)} – ${f.shortDate(line.periodEnd)}`
        : undefined;
    // Under the description, smaller: the line's arithmetic, or where the credit came from.
    const sub = line.kind === 'credit' ? creditSource : lineMath(words, line, f);
    const subLines = sub === undefined ? [] : w.wrap(sub, fonts.regular, 8, COLS.descWidth);
    const height = descLines.length * 13 + (period ? 11 : 0) + subLines.length * 10 + 10;
    w.ensure(height);
    const firstY = w.y - 4;
    let ly = firstY;
    // The description first, whole, then the figures: text extraction reads it in one piece.
    for (const l of descLines) {
      w.text(l, COLS.desc + 6, ly, 9.5, font, color);
      ly -= 13;
    }
    if (!informative) {
      const p = line.params ?? {};
      const prorated = line.kind === 'proration' && p.days !== undefined && p.periodDays !== undefined;
      // A proration's quantity with its share of the period, so that quantity × unit price is the amount.
      const qty = prorated
        ? `${f.number(line.quantity)} × ${f.number(p.days as number)}/${f.number(p.periodDays as number)}`
        : f.number(line.quantity);
      w.right(qty, COLS.qtyRight, firstY, 9.5);
      w.right(f.money(line.unitPrice), COLS.unitRight, firstY, 9.5);
      w.right(f.money(line.amount), COLS.amountRight - 6, firstY, 9.5);
    } else if (line.kind === 'user-count') {
      w.right(f.number(line.quantity), COLS.qtyRight, firstY, 9.5, fonts.italic, MUTED);
    }
    if (period) {
      w.text(period, COLS.desc + 6, ly + 2, 8, fonts.regular, MUTED);
      ly -= 11;
    }
    for (const l of subLines) {
      w.text(l, COLS.desc + 6, ly + 2, 8, fonts.regular, MUTED);
      ly -= 10;
    }
    w.y = ly - 2;
    w.rule(w.y + 6);
    w.y -= 6;
  });
  inTable = false;

  // --- totals ----------------------------------------------------------------------------
  const state =
    provisional || !world.invoices.some((i) => i.id === invoice.id) ? undefined : invoiceState(world, invoice);
  const rows: { label: string; value: string; strong?: boolean; big?: boolean; note?: string }[] = [
    { label: words.totals.subtotal, value: f.money(invoice.subtotal) },
    {
      label: words.totals.tax(f.percent(invoice.taxRate), Boolean(world.tenant.vatNumber)),
      value: f.money(invoice.tax),
      note: words.taxMath(f.percent(invoice.taxRate), f.money(invoice.subtotal), f.money(invoice.tax)),
    },
    { label: words.totals.total, value: f.money(invoice.total), strong: true },
  ];
  if (invoice.creditApplied > 0) {
    rows.push({ label: words.totals.creditApplied, value: f.money(-invoice.creditApplied) });
  }
  rows.push({
    label: provisional ? words.totals.estimatedAmountDue : words.totals.amountDue,
    value: f.money(invoice.amountDue),
    strong: true,
    big: true,
  });
  if (state && state.paid > 0) {
    rows.push({ label: words.totals.paymentsReceived, value: f.money(-state.paid) });
    rows.push({ label: words.totals.balanceDue, value: f.money(state.balance), strong: true });
  }
  const totalsX = MARGIN + 282;
  const noteWidth = MARGIN + CONTENT - totalsX;
  const notesOf = (row: (typeof rows)[number]) =>
    row.note === undefined ? [] : w.wrap(row.note, fonts.regular, 8, noteWidth);
  const rounding = w.wrap(words.rounding, fonts.italic, 8, CONTENT);
  w.ensure(rows.reduce((h, r) => h + 18 + notesOf(r).length * 10, 20));
  w.y -= 8;
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
    for (const l of notesOf(row)) {
      w.text(l, totalsX, w.y + 4, 8, fonts.regular, MUTED);
      w.y -= 10;
    }
  }
  // The rounding rule, once: how the lines, the subtotal and the tax add up.
  w.ensure(rounding.length * 10 + 8);
  for (const l of rounding) {
    w.text(l, MARGIN, w.y, 8, fonts.italic, MUTED);
    w.y -= 10;
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
    notes.push(paidOn ? words.notes.paidOn(f.date(paidOn)) : words.notes.paid);
  } else if (status === 'past_due') {
    notes.push(words.notes.pastDue(f.date(invoice.dueOn)));
  } else if (status === 'payment_failed') {
    notes.push(words.notes.paymentFailed(f.date(invoice.dueOn)));
  } else if (status === 'open') {
    notes.push(words.notes.open(f.date(invoice.dueOn)));
  } else {
    notes.push(words.notes.provisional);
  }
  if (state?.declineReason && state.declinedOn) {
    const reason = Object.hasOwn(words.declineReasons, state.declineReason)
      ? (words.declineReasons[state.declineReason] as string)
      : state.declineReason.replace(/_/g, ' ');
    notes.push(words.notes.declined(f.date(state.declinedOn), reason));
  }
  const noteLines = notes.flatMap((n) => w.wrap(n, fonts.regular, 9.5, CONTENT - 24));
  const noteHeight = noteLines.length * 13 + 14;
  const paymentLines = w.wrap(paymentMethodText(world, seller, invoice, f, words), fonts.regular, 9.5, CONTENT);
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
  w.text(words.payment.heading, MARGIN, w.y, 8, fonts.bold, MUTED);
  w.y -= 14;
  for (const l of paymentLines) {
    w.text(l, MARGIN, w.y, 9.5);
    w.y -= 13;
  }
  w.text(words.payment.term(world.tenant.paymentTermDays), MARGIN, w.y, 8.5, fonts.regular, MUTED);

  // --- footer on every page ----------------------------------------------------------
  const footer = `${seller.legalName} · ${seller.address.join(', ')} · ${words.vatNumber(seller.vatNumber)}`;
  const note = words.footer.note;
  w.pages.forEach((page, i) => {
    page.drawLine({
      start: { x: MARGIN, y: MARGIN + 22 },
      end: { x: MARGIN + CONTENT, y: MARGIN + 22 },
      thickness: 0.75,
      color: RULE,
    });
    w.footer(i, footer, MARGIN, MARGIN + 10, 7.5, fonts.regular);
    w.footer(i, note, MARGIN, MARGIN, 7.5, fonts.italic);
    const pageNo = words.footer.page(i + 1, w.pages.length);
    w.footer(i, pageNo, MARGIN + CONTENT - w.widthOf(pageNo, fonts.regular, 7.5), MARGIN + 10, 7.5, fonts.regular);
  });

  return { doc, w };
}
