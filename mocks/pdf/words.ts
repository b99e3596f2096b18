/**
 * The invoice PDF's words in every language the mock writes documents in (`en`, `nl`,
 * `de`; see `mocks/http/language.ts`): labels, notes, the payment text, and each invoice
 * line worded from its kind and params (the engine's lines carry no sentence). One object
 * per language, all of the type {@link PdfWords}, so a language missing a word does not
 * compile. Formal register: Dutch "u", German "Sie"; the terms of docs/i18n.md's glossary
 * (German "Benutzer", "Grundgebühr", "Spitzenwert"…). Values (numbers, money, dates) come
 * formatted from `format.ts`; the words only place them.
 */
import type { InvoiceLine, InvoiceStatus } from '../engine/types.js';
import type { TextParams } from '../engine/world.js';
import type { DocumentLanguage } from '../http/language.js';
import type { Formats } from './format.js';

/** A line's wording: its kind, params, dates and figures, formatted for the document. */
type LineWords = (line: InvoiceLine, params: TextParams, f: Formats) => string;

/** Every word of the invoice PDF in one language. */
export interface PdfWords {
  /** The status badge. */
  status: Record<InvoiceStatus, string>;
  heading: { invoice: string; provisional: string };
  notYetIssued: string;
  /** The document title (and the continuation header). */
  title(number: string): string;
  provisionalTitle: string;
  continued(title: string): string;
  /** A VAT number beside its label (seller and buyer). */
  vatNumber(vat: string): string;
  facts: {
    number: string;
    issued: string;
    due: string;
    servicePeriod: string;
    po: string;
    customerId: string;
    plan: string;
    currency: string;
  };
  billTo: string;
  attention(name: string): string;
  eInvoice(address: string, operator: string): string;
  sentTo(recipients: string): string;
  columns: { description: string; quantity: string; unitPrice: string; amount: string };
  totals: {
    subtotal: string;
    /** The tax line with its rate: VAT when the tenant has a VAT number, tax otherwise. */
    tax(rate: string, vat: boolean): string;
    total: string;
    creditApplied: string;
    amountDue: string;
    estimatedAmountDue: string;
    paymentsReceived: string;
    balanceDue: string;
  };
  notes: {
    paidOn(date: string): string;
    paid: string;
    pastDue(due: string): string;
    paymentFailed(due: string): string;
    open(due: string): string;
    provisional: string;
    declined(date: string, reason: string): string;
  };
  /** Why a charge was declined (the engine's codes); others are printed as given. */
  declineReasons: Record<string, string>;
  payment: {
    heading: string;
    none: string;
    card(brand: string | undefined, last4: string, validThrough: string | undefined): string;
    sepa(last4: string, collectedOn: string): string;
    transfer(legalName: string, iban: string, reference: string | undefined): string;
    term(days: number): string;
  };
  footer: { note: string; page(n: number, of: number): string };
  /** Each line kind worded; a line without params reads by its kind alone. */
  lines: Record<InvoiceLine['kind'], LineWords>;
  /** What a line's arithmetic counts, singular and plural ({@link lineMath}). */
  units: Record<'user' | 'license' | 'month' | 'day', readonly [one: string, other: string]>;
  /** The tax's arithmetic: "21% of €1,234.00 = €259.14". */
  taxMath(rate: string, subtotal: string, tax: string): string;
  /** The rounding rule, stated once per invoice. */
  rounding: string;
  /** Where the credit applied came from, its ledger entries listed. */
  credit: {
    /** Applied at issue on `date` (an issued invoice) or to be applied (a provisional one). */
    from(sources: string, date: string | undefined): string;
    item(entry: string, date: string, amount: string): string;
    overpayment(number: string | undefined): string;
    paymentOnAccount: string;
  };
}

/** `one` or `other` by the count (the three languages agree: 1 is singular). */
const count = (f: Formats, n: number, one: string, other: string): string => `${f.number(n)} ${n === 1 ? one : other}`;

/** The line's own dates as a range, when it has both. */
const range = (line: InvoiceLine, f: Formats): string | undefined =>
  line.periodStart && line.periodEnd ? `${f.shortDate(line.periodStart)} – ${f.shortDate(line.periodEnd)}` : undefined;

const withPlan = (p: TextParams, text: string): string => (p.plan ? `${p.plan}: ${text}` : text);
const inBrackets = (text: string | undefined): string => (text ? ` (${text})` : '');

export const en: PdfWords = {
  status: {
    paid: 'PAID',
    open: 'OPEN',
    past_due: 'PAST DUE',
    payment_failed: 'PAYMENT FAILED',
    upcoming: 'PROVISIONAL',
  },
  heading: { invoice: 'INVOICE', provisional: 'PROVISIONAL INVOICE' },
  notYetIssued: 'Not yet issued',
  title: (number) => `Invoice ${number}`,
  provisionalTitle: 'Provisional invoice',
  continued: (title) => `${title} (continued)`,
  vatNumber: (vat) => `VAT ${vat}`,
  facts: {
    number: 'Invoice number',
    issued: 'Issue date',
    due: 'Due date',
    servicePeriod: 'Service period',
    po: 'PO number',
    customerId: 'Customer ID',
    plan: 'Plan',
    currency: 'Currency',
  },
  billTo: 'BILL TO',
  attention: (name) => `Attn. ${name}`,
  eInvoice: (address, operator) => `E-invoice address ${address} (operator ${operator})`,
  sentTo: (recipients) => `Sent to ${recipients}`,
  columns: { description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', amount: 'Amount' },
  totals: {
    subtotal: 'Subtotal',
    tax: (rate, vat) => `${vat ? 'VAT' : 'Tax'} ${rate}`,
    total: 'Total',
    creditApplied: 'Credit applied',
    amountDue: 'Amount due',
    estimatedAmountDue: 'Estimated amount due',
    paymentsReceived: 'Payments received',
    balanceDue: 'Balance due',
  },
  notes: {
    paidOn: (date) => `Paid in full on ${date}. Thank you.`,
    paid: 'Paid in full. Thank you.',
    pastDue: (due) =>
      `This invoice was due on ${due} and is past due. Please pay the balance now to avoid suspension of the service.`,
    paymentFailed: (due) =>
      `The payment attempt failed. Please update your payment method and settle the balance by ${due}.`,
    open: (due) => `Please pay by ${due}.`,
    provisional:
      'Provisional: the figures so far for a period that is still open. The invoice is issued when the period closes.',
    declined: (date, reason) => `Last payment attempt on ${date} was declined (${reason}).`,
  },
  declineReasons: {
    card_expired: 'card expired',
    card_declined: 'card declined',
    no_payment_method: 'no payment method',
    not_chargeable: 'the payment method cannot be charged',
    declined: 'declined',
  },
  payment: {
    heading: 'PAYMENT',
    none: 'No payment method on file.',
    card: (brand, last4, valid) =>
      `Charged to ${brand ?? 'Card'} •••• ${last4}${valid ? ` (valid through ${valid})` : ''}.`,
    sepa: (last4, on) => `SEPA direct debit from the account ending ${last4}, collected on ${on}.`,
    transfer: (name, iban, ref) => `Bank transfer to ${name}, IBAN ${iban}, quoting ${ref ?? 'the invoice number'}.`,
    term: (days) => `Payment term ${days} days. Prices exclude tax.`,
  },
  footer: {
    note: 'Generated by the billing-elements mock backend from its billing engine; sample data, not a tax document.',
    page: (n, of) => `Page ${n} of ${of}`,
  },
  lines: {
    'base-fee': (_, p, f) =>
      p.plan === undefined
        ? 'Base fee'
        : `${p.plan} base fee${p.included === undefined ? '' : `, ${count(f, p.included, 'user', 'users')} included`}`,
    'user-count': (line, p, f) =>
      p.count === undefined
        ? 'User count'
        : `User count: ${f.number(p.count)} (highest daily count${line.peak ? `, first reached on ${f.date(line.peak.on)}` : ''})`,
    'extra-users': (line, p, f) =>
      p.included === undefined
        ? 'Extra users'
        : `Extra users above ${f.number(p.included)} included (${
            line.peak ? `peak ${f.number(line.peak.count)} on ${f.date(line.peak.on)}` : 'no active users'
          })`,
    users: (_, p, f) => {
      const what =
        p.model === 'per-user'
          ? 'Users active in the month'
          : p.model === 'full-month'
            ? `Users active the full month${p.qualifyingActivity ? ' with a qualifying activity' : ''}`
            : p.model === 'invited'
              ? 'Invited users active in the month'
              : 'Users';
      return withPlan(p, `${what}${p.count === undefined ? '' : ` (${f.number(p.count)})`}`);
    },
    licenses: (line, p, f) =>
      p.licenses === undefined || p.months === undefined
        ? withPlan(p, `Licenses${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `${count(f, p.licenses, 'license', 'licenses')} × ${count(f, p.months, 'month', 'months')}${inBrackets(range(line, f))}`,
          ),
    proration: (line, p, f) =>
      p.licenses === undefined || p.months === undefined || p.days === undefined || p.periodDays === undefined
        ? withPlan(p, `Licenses added during the period (prorated)${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `licenses added for the rest of the period${inBrackets(range(line, f))}, ` +
              `${count(f, p.days, 'day', 'days')} of ${f.number(p.periodDays)}`,
          ),
    credit: (_, p, f) =>
      `Credit balance applied${p.date ? ` (credit of ${f.date(p.date)})` : ''}: paid from your credit, not part of the subtotal`,
  },
  units: {
    user: ['user', 'users'],
    license: ['license', 'licenses'],
    month: ['month', 'months'],
    day: ['day', 'days'],
  },
  taxMath: (rate, subtotal, tax) => `${rate} of ${subtotal} = ${tax}`,
  rounding:
    'How the figures add up: each line is worked out exactly and rounded to the cent once (half up); tax is computed on the subtotal and rounded the same way.',
  credit: {
    from: (sources, date) =>
      date ? `Taken from your credit on ${date}: ${sources}` : `To be taken from your credit: ${sources}`,
    item: (entry, date, amount) => `${entry} of ${date} (${amount})`,
    overpayment: (number) => (number ? `overpayment on ${number}` : 'overpayment'),
    paymentOnAccount: 'payment on account',
  },
};

export const nl: PdfWords = {
  status: {
    paid: 'BETAALD',
    open: 'OPENSTAAND',
    past_due: 'ACHTERSTALLIG',
    payment_failed: 'BETALING MISLUKT',
    upcoming: 'VOORLOPIG',
  },
  heading: { invoice: 'FACTUUR', provisional: 'VOORLOPIGE FACTUUR' },
  notYetIssued: 'Nog niet uitgereikt',
  title: (number) => `Factuur ${number}`,
  provisionalTitle: 'Voorlopige factuur',
  continued: (title) => `${title} (vervolg)`,
  vatNumber: (vat) => `Btw-nummer ${vat}`,
  facts: {
    number: 'Factuurnummer',
    issued: 'Factuurdatum',
    due: 'Vervaldatum',
    servicePeriod: 'Periode',
    po: 'Inkoopordernummer',
    customerId: 'Klantnummer',
    plan: 'Editie',
    currency: 'Valuta',
  },
  billTo: 'FACTUUR AAN',
  attention: (name) => `T.a.v. ${name}`,
  eInvoice: (address, operator) => `E-factuuradres ${address} (e-factuuroperator ${operator})`,
  sentTo: (recipients) => `Verzonden aan ${recipients}`,
  columns: { description: 'Omschrijving', quantity: 'Aantal', unitPrice: 'Prijs per eenheid', amount: 'Bedrag' },
  totals: {
    subtotal: 'Subtotaal',
    tax: (rate, vat) => `${vat ? 'Btw' : 'Belasting'} ${rate}`,
    total: 'Totaal',
    creditApplied: 'Verrekend tegoed',
    amountDue: 'Te betalen',
    estimatedAmountDue: 'Naar schatting te betalen',
    paymentsReceived: 'Ontvangen betalingen',
    balanceDue: 'Nog te betalen',
  },
  notes: {
    paidOn: (date) => `Volledig betaald op ${date}. Hartelijk dank.`,
    paid: 'Volledig betaald. Hartelijk dank.',
    pastDue: (due) =>
      `Deze factuur verviel op ${due} en is achterstallig. Betaal het openstaande bedrag nu om opschorting van de dienst te voorkomen.`,
    paymentFailed: (due) =>
      `De betaling is mislukt. Werk uw betaalmethode bij en betaal het openstaande bedrag uiterlijk op ${due}.`,
    open: (due) => `Wij verzoeken u uiterlijk op ${due} te betalen.`,
    provisional:
      'Voorlopig: de cijfers tot nu toe van een periode die nog loopt. De factuur wordt uitgereikt wanneer de periode afloopt.',
    declined: (date, reason) => `De laatste betaalpoging op ${date} is geweigerd (${reason}).`,
  },
  declineReasons: {
    card_expired: 'kaart verlopen',
    card_declined: 'kaart geweigerd',
    no_payment_method: 'geen betaalmethode',
    not_chargeable: 'de betaalmethode kan niet worden belast',
    declined: 'geweigerd',
  },
  payment: {
    heading: 'BETALING',
    none: 'Er is geen betaalmethode bekend.',
    card: (brand, last4, valid) =>
      `Afgeschreven van ${brand ?? 'kaart'} •••• ${last4}${valid ? ` (geldig tot en met ${valid})` : ''}.`,
    sepa: (last4, on) => `SEPA-incasso van de rekening eindigend op ${last4}, geïnd op ${on}.`,
    transfer: (name, iban, ref) =>
      `Bankoverschrijving naar ${name}, IBAN ${iban}, onder vermelding van ${ref ?? 'het factuurnummer'}.`,
    term: (days) => `Betalingstermijn ${days} dagen. Prijzen exclusief btw.`,
  },
  footer: {
    note: 'Gemaakt door de mock-backend van billing-elements met zijn billing-engine; voorbeeldgegevens, geen fiscaal document.',
    page: (n, of) => `Pagina ${n} van ${of}`,
  },
  lines: {
    'base-fee': (_, p, f) =>
      p.plan === undefined
        ? 'Basisbedrag'
        : `${p.plan} basisbedrag${p.included === undefined ? '' : `, ${count(f, p.included, 'gebruiker', 'gebruikers')} inbegrepen`}`,
    'user-count': (line, p, f) =>
      p.count === undefined
        ? 'Aantal gebruikers'
        : `Aantal gebruikers: ${f.number(p.count)} (hoogste aantal op één dag${line.peak ? `, voor het eerst bereikt op ${f.date(line.peak.on)}` : ''})`,
    'extra-users': (line, p, f) =>
      p.included === undefined
        ? 'Extra gebruikers'
        : `Extra gebruikers boven de ${f.number(p.included)} inbegrepen (${
            line.peak ? `piek ${f.number(line.peak.count)} op ${f.date(line.peak.on)}` : 'geen actieve gebruikers'
          })`,
    users: (_, p, f) => {
      const what =
        p.model === 'per-user'
          ? 'Gebruikers actief in de maand'
          : p.model === 'full-month'
            ? `Gebruikers de hele maand actief${p.qualifyingActivity ? ', met een kwalificerende activiteit' : ''}`
            : p.model === 'invited'
              ? 'Uitgenodigde gebruikers actief in de maand'
              : 'Gebruikers';
      return withPlan(p, `${what}${p.count === undefined ? '' : ` (${f.number(p.count)})`}`);
    },
    licenses: (line, p, f) =>
      p.licenses === undefined || p.months === undefined
        ? withPlan(p, `Licenties${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `${count(f, p.licenses, 'licentie', 'licenties')} × ${count(f, p.months, 'maand', 'maanden')}${inBrackets(range(line, f))}`,
          ),
    proration: (line, p, f) =>
      p.licenses === undefined || p.months === undefined || p.days === undefined || p.periodDays === undefined
        ? withPlan(p, `Licenties toegevoegd tijdens de periode (naar rato)${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `licenties toegevoegd voor de rest van de periode${inBrackets(range(line, f))}, ` +
              `${count(f, p.days, 'dag', 'dagen')} van ${f.number(p.periodDays)}`,
          ),
    credit: (_, p, f) =>
      `Verrekend tegoed${p.date ? ` (tegoed van ${f.date(p.date)})` : ''}: betaald uit uw tegoed, geen deel van het subtotaal`,
  },
  units: {
    user: ['gebruiker', 'gebruikers'],
    license: ['licentie', 'licenties'],
    month: ['maand', 'maanden'],
    day: ['dag', 'dagen'],
  },
  taxMath: (rate, subtotal, tax) => `${rate} van ${subtotal} = ${tax}`,
  rounding:
    'Zo komen de bedragen tot stand: elke regel wordt exact berekend en één keer op de cent afgerond (half naar boven); de btw wordt over het subtotaal berekend en op dezelfde manier afgerond.',
  credit: {
    from: (sources, date) =>
      date ? `Op ${date} verrekend met uw tegoed: ${sources}` : `Wordt verrekend met uw tegoed: ${sources}`,
    item: (entry, date, amount) => `${entry} van ${date} (${amount})`,
    overpayment: (number) => (number ? `te veel betaald op ${number}` : 'te veel betaald'),
    paymentOnAccount: 'betaling zonder factuur',
  },
};

export const de: PdfWords = {
  status: {
    paid: 'BEZAHLT',
    open: 'OFFEN',
    past_due: 'ÜBERFÄLLIG',
    payment_failed: 'ZAHLUNG FEHLGESCHLAGEN',
    upcoming: 'VORLÄUFIG',
  },
  heading: { invoice: 'RECHNUNG', provisional: 'VORLÄUFIGE RECHNUNG' },
  notYetIssued: 'Noch nicht ausgestellt',
  title: (number) => `Rechnung ${number}`,
  provisionalTitle: 'Vorläufige Rechnung',
  continued: (title) => `${title} (Fortsetzung)`,
  vatNumber: (vat) => `USt-IdNr. ${vat}`,
  facts: {
    number: 'Rechnungsnummer',
    issued: 'Rechnungsdatum',
    due: 'Fällig am',
    servicePeriod: 'Leistungszeitraum',
    po: 'Bestellnummer',
    customerId: 'Kundennummer',
    plan: 'Edition',
    currency: 'Währung',
  },
  billTo: 'RECHNUNG AN',
  attention: (name) => `z. Hd. ${name}`,
  eInvoice: (address, operator) => `E-Rechnungsadresse ${address} (Dienstleister ${operator})`,
  sentTo: (recipients) => `Gesendet an ${recipients}`,
  columns: { description: 'Beschreibung', quantity: 'Menge', unitPrice: 'Einzelpreis', amount: 'Betrag' },
  totals: {
    subtotal: 'Zwischensumme',
    tax: (rate, vat) => `${vat ? 'USt.' : 'Steuer'} ${rate}`,
    total: 'Gesamt',
    creditApplied: 'Verrechnetes Guthaben',
    amountDue: 'Zu zahlen',
    estimatedAmountDue: 'Voraussichtlich zu zahlen',
    paymentsReceived: 'Erhaltene Zahlungen',
    balanceDue: 'Offener Betrag',
  },
  notes: {
    paidOn: (date) => `Am ${date} vollständig bezahlt. Vielen Dank.`,
    paid: 'Vollständig bezahlt. Vielen Dank.',
    pastDue: (due) =>
      `Diese Rechnung war am ${due} fällig und ist überfällig. Bitte zahlen Sie den offenen Betrag jetzt, um eine Sperrung des Dienstes zu vermeiden.`,
    paymentFailed: (due) =>
      `Der Zahlungsversuch ist fehlgeschlagen. Bitte aktualisieren Sie Ihre Zahlungsmethode und begleichen Sie den offenen Betrag bis zum ${due}.`,
    open: (due) => `Bitte zahlen Sie bis zum ${due}.`,
    provisional:
      'Vorläufig: die bisherigen Zahlen eines noch laufenden Zeitraums. Die Rechnung wird ausgestellt, wenn der Zeitraum endet.',
    declined: (date, reason) => `Der letzte Zahlungsversuch am ${date} wurde abgelehnt (${reason}).`,
  },
  declineReasons: {
    card_expired: 'Karte abgelaufen',
    card_declined: 'Karte abgelehnt',
    no_payment_method: 'keine Zahlungsmethode',
    not_chargeable: 'die Zahlungsmethode kann nicht belastet werden',
    declined: 'abgelehnt',
  },
  payment: {
    heading: 'ZAHLUNG',
    none: 'Es ist keine Zahlungsmethode hinterlegt.',
    card: (brand, last4, valid) =>
      `Belastet auf ${brand ?? 'Karte'} •••• ${last4}${valid ? ` (gültig bis ${valid})` : ''}.`,
    sepa: (last4, on) => `SEPA-Lastschrift vom Konto mit der Endung ${last4}, eingezogen am ${on}.`,
    transfer: (name, iban, ref) =>
      `Überweisung an ${name}, IBAN ${iban}, mit Angabe ${ref ? `von ${ref}` : 'der Rechnungsnummer'}.`,
    term: (days) => `Zahlungsziel ${days} Tage. Preise zzgl. USt.`,
  },
  footer: {
    note: 'Erstellt vom Mock-Backend von billing-elements aus seiner Abrechnungslogik; Beispieldaten, kein steuerliches Dokument.',
    page: (n, of) => `Seite ${n} von ${of}`,
  },
  lines: {
    'base-fee': (_, p, f) =>
      p.plan === undefined
        ? 'Grundgebühr'
        : `${p.plan} Grundgebühr${p.included === undefined ? '' : `, ${count(f, p.included, 'Benutzer', 'Benutzer')} inbegriffen`}`,
    'user-count': (line, p, f) =>
      p.count === undefined
        ? 'Benutzerzahl'
        : `Benutzerzahl: ${f.number(p.count)} (Spitzenwert an einem Tag${line.peak ? `, erstmals erreicht am ${f.date(line.peak.on)}` : ''})`,
    'extra-users': (line, p, f) =>
      p.included === undefined
        ? 'Zusätzliche Benutzer'
        : `Zusätzliche Benutzer über die ${f.number(p.included)} inbegriffenen hinaus (${
            line.peak ? `Spitzenwert ${f.number(line.peak.count)} am ${f.date(line.peak.on)}` : 'keine aktiven Benutzer'
          })`,
    users: (_, p, f) => {
      const what =
        p.model === 'per-user'
          ? 'Im Monat aktive Benutzer'
          : p.model === 'full-month'
            ? `Den ganzen Monat aktive Benutzer${p.qualifyingActivity ? ' mit anrechenbarer Aktivität' : ''}`
            : p.model === 'invited'
              ? 'Eingeladene, im Monat aktive Benutzer'
              : 'Benutzer';
      return withPlan(p, `${what}${p.count === undefined ? '' : ` (${f.number(p.count)})`}`);
    },
    licenses: (line, p, f) =>
      p.licenses === undefined || p.months === undefined
        ? withPlan(p, `Lizenzen${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `${count(f, p.licenses, 'Lizenz', 'Lizenzen')} × ${count(f, p.months, 'Monat', 'Monate')}${inBrackets(range(line, f))}`,
          ),
    proration: (line, p, f) =>
      p.licenses === undefined || p.months === undefined || p.days === undefined || p.periodDays === undefined
        ? withPlan(p, `Im Lauf des Zeitraums hinzugefügte Lizenzen (anteilig)${inBrackets(range(line, f))}`)
        : withPlan(
            p,
            `für den Rest des Zeitraums hinzugefügte Lizenzen${inBrackets(range(line, f))}, ` +
              `${count(f, p.days, 'Tag', 'Tage')} von ${f.number(p.periodDays)}`,
          ),
    credit: (_, p, f) =>
      `Verrechnetes Guthaben${p.date ? ` (Guthaben vom ${f.date(p.date)})` : ''}: aus Ihrem Guthaben bezahlt, nicht Teil der Zwischensumme`,
  },
  units: {
    user: ['Benutzer', 'Benutzer'],
    license: ['Lizenz', 'Lizenzen'],
    month: ['Monat', 'Monate'],
    day: ['Tag', 'Tage'],
  },
  taxMath: (rate, subtotal, tax) => `${rate} von ${subtotal} = ${tax}`,
  rounding:
    'So ergeben sich die Beträge: Jede Position wird exakt berechnet und einmal auf den Cent gerundet (kaufmännisch); die Steuer wird auf die Zwischensumme berechnet und ebenso gerundet.',
  credit: {
    from: (sources, date) =>
      date ? `Am ${date} mit Ihrem Guthaben verrechnet: ${sources}` : `Wird mit Ihrem Guthaben verrechnet: ${sources}`,
    item: (entry, date, amount) => `${entry} vom ${date} (${amount})`,
    overpayment: (number) => (number ? `Überzahlung von ${number}` : 'Überzahlung'),
    paymentOnAccount: 'Zahlung ohne Rechnung',
  },
};

/** The words of each document language. */
export const PDF_WORDS: Readonly<Record<DocumentLanguage, PdfWords>> = { en, nl, de };

/** A line's text in the document's language (from its kind, params, dates and figures). */
export function lineText(words: PdfWords, line: InvoiceLine, f: Formats): string {
  return words.lines[line.kind](line, line.params ?? {}, f);
}

/**
 * A line's arithmetic, as the contract states it (`amount = quantity × unitPrice`; a
 * proration's `× days / periodDays`, its quantity licenses × months), in figures a reader
 * can redo: "2 licenses × €20.00 × 6 months × 91/181 days = €120.66". None for a line with
 * no amount of its own (the user count) or the credit (outside the subtotal).
 */
export function lineMath(words: PdfWords, line: InvoiceLine, f: Formats): string | undefined {
  if (line.informative || line.kind === 'credit') return undefined;
  const p = line.params ?? {};
  const u = words.units;
  const n = (v: number, [one, other]: readonly [string, string]) => count(f, v, one, other);
  const price = f.money(line.unitPrice);
  const amount = f.money(line.amount);
  if ((line.kind === 'licenses' || line.kind === 'proration') && p.licenses !== undefined && p.months !== undefined) {
    const head = `${n(p.licenses, u.license)} × ${price} × ${n(p.months, u.month)}`;
    if (line.kind === 'licenses') return `${head} = ${amount}`;
    if (p.days !== undefined && p.periodDays !== undefined) {
      const days = `${f.number(p.days)}/${f.number(p.periodDays)} ${p.periodDays === 1 ? u.day[0] : u.day[1]}`;
      return `${head} × ${days} = ${amount}`;
    }
  }
  if (line.kind === 'users' || line.kind === 'extra-users') return `${n(line.quantity, u.user)} × ${price} = ${amount}`;
  return `${f.number(line.quantity)} × ${price} = ${amount}`;
}

/** Whether a line's text already names its dates (no separate period line under it). */
export function lineNamesDates(line: InvoiceLine): boolean {
  return line.kind === 'licenses' || line.kind === 'proration';
}
