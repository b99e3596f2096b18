/**
 * The invoice PDF shows its arithmetic (issue 15), and it adds up: under each charged line
 * "2 licenses × €20.00 × 6 months × 91/181 days = €120.66", under the tax "21% of
 * €1,234.00 = €259.14", the rounding rule once, and under the credit line the ledger's
 * entries it came from. For every invoice of every scenario, in English, Dutch and German,
 * the figures are read back from the PDF's text (pdf.js), recomputed with the contract's
 * rule (each line exact, then rounded half up once; tax on the subtotal, rounded half up)
 * and compared with what the PDF shows and with the engine's amounts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { invoiceStatus, upcomingInvoice } from '../../mocks/engine/invoices.js';
import { creditLedger } from '../../mocks/engine/ledger.js';
import type { Invoice, InvoiceStatus, World } from '../../mocks/engine/types.js';
import type { DocumentLanguage } from '../../mocks/http/language.js';
import { renderInvoicePdf } from '../../mocks/pdf/invoice-pdf.js';
import { loadScenario, scenarioNames } from '../../mocks/scenarios/index.js';

const FONT_DATA = fileURLToPath(new URL('../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
const LOCALES: Record<DocumentLanguage, string> = { en: 'en-GB', nl: 'nl-NL', de: 'de-DE' };
const OF: Record<DocumentLanguage, string> = { en: 'of', nl: 'van', de: 'von' };
const ROUNDING: Record<DocumentLanguage, RegExp> = {
  en: /rounded to the cent once \(half up\); tax is computed on the subtotal/,
  nl: /één keer op de cent afgerond \(half naar boven\); de btw wordt over het subtotaal berekend/,
  de: /einmal auf den Cent gerundet \(kaufmännisch\); die Steuer wird auf die Zwischensumme berechnet/,
};

/** Every kind of space as one plain space. */
const norm = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The PDF's text pieces, each as pdf.js extracts it (one drawn string each). */
async function pieces(bytes: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    standardFontDataUrl: FONT_DATA,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim() !== '') out.push(norm(item.str));
  }
  await doc.destroy();
  return out;
}

/** A number as the locale writes it (`1,234.5` in en, `1.234,5` in nl and de), currency and units stripped. */
function parseNumber(text: string, lang: DocumentLanguage): number {
  const bare = text.replace(/[^\d.,-]/g, '');
  const plain = lang === 'en' ? bare.replace(/,/g, '') : bare.replace(/\./g, '').replace(',', '.');
  const n = Number(plain);
  assert.ok(Number.isFinite(n) && plain !== '', `not a number: ${text}`);
  return n;
}

/** Money in minor units (the scenarios' currencies have cents). */
const minor = (text: string, lang: DocumentLanguage): number => Math.round(parseNumber(text, lang) * 100);
const isMoney = (factor: string): boolean => /[€$£]|[A-Z]{3}/.test(factor);

/** `num / den` rounded half up (both positive integers; amounts here are never negative). */
function halfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}

/** Recomputes "a × b × … = c" from its factors: counts, one price, at most one share of days. */
function recompute(math: string, lang: DocumentLanguage): { shown: number; computed: number } {
  const [left, right] = math.split(' = ') as [string, string];
  let num = 1;
  let den = 1;
  let prices = 0;
  for (const factor of left.split(' × ')) {
    const share = /^([\d.,]+)\/([\d.,]+)(?: \p{L}+)?$/u.exec(factor);
    if (isMoney(factor)) {
      num *= minor(factor, lang);
      prices++;
    } else if (share) {
      num *= parseNumber(share[1]!, lang);
      den *= parseNumber(share[2]!, lang);
    } else {
      assert.match(factor, /^[\d.,]+( \p{L}+)?$/u, `a count: ${factor} in ${math}`);
      num *= parseNumber(factor, lang);
    }
  }
  assert.equal(prices, 1, `one unit price in ${math}`);
  return { shown: minor(right, lang), computed: halfUp(num, den) };
}

/** Every invoice a scenario's PDF is drawn for: the issued ones and the upcoming one. */
function invoicesOf(w: World): { invoice: Invoice; status: InvoiceStatus }[] {
  const issued = w.invoices.map((invoice) => ({ invoice, status: invoiceStatus(w, invoice) }));
  return [...issued, { invoice: upcomingInvoice(w), status: 'upcoming' as const }];
}

describe('invoice PDF arithmetic', () => {
  for (const scenario of scenarioNames) {
    it(`${scenario}: every line, the tax and the credit add up, in en, nl and de`, async () => {
      const w = loadScenario(scenario);
      const kinds = new Set<string>();
      for (const { invoice, status } of invoicesOf(w)) {
        for (const lang of ['en', 'nl', 'de'] as const) {
          const text = await pieces(
            await renderInvoicePdf(invoice, { world: w, status, language: lang, locale: LOCALES[lang] }),
          );
          const where = `${scenario} ${invoice.number || 'upcoming'} (${lang})`;
          // One arithmetic per charged line, in the lines' order, each adding up and equal to the engine's amount.
          const charged = invoice.lines.filter((l) => !l.informative && l.kind !== 'credit');
          const maths = text.filter((t) => t.includes(' × ') && / = \S/.test(t));
          assert.equal(maths.length, charged.length, `${where}: ${maths.join(' | ')}`);
          charged.forEach((line, i) => {
            const { shown, computed } = recompute(maths[i]!, lang);
            assert.equal(computed, shown, `${where}: ${maths[i]}`);
            assert.equal(shown, line.amount, `${where}: ${maths[i]} is the ${line.kind} line's amount`);
            kinds.add(line.kind);
          });
          // The tax: "21% of €x = €y", y = x × rate, rounded half up; x the subtotal.
          const tax = text.find((t) => t.includes(` ${OF[lang]} `) && t.includes('%') && t.includes(' = '));
          assert.ok(tax, `${where}: no tax arithmetic`);
          const m = new RegExp(`^([\\d.,]+) ?% ${OF[lang]} (.+) = (.+)$`).exec(tax)!;
          assert.ok(m, `${where}: ${tax}`);
          const [rate, subtotal, shownTax] = [parseNumber(m[1]!, lang), minor(m[2]!, lang), minor(m[3]!, lang)];
          assert.equal(subtotal, invoice.subtotal, where);
          assert.equal(
            subtotal,
            charged.reduce((s, l) => s + l.amount, 0),
            `${where}: the lines add up to the subtotal`,
          );
          assert.equal(halfUp(subtotal * Math.round(rate * 100), 10_000), shownTax, `${where}: ${tax}`);
          assert.equal(shownTax, invoice.tax, where);
          // The rounding rule, once.
          const all = text.join(' ');
          assert.equal(all.split(ROUNDING[lang]).length - 1, 1, `${where}: the rounding rule once`);
          // The credit: the entries it came from add up to the credit applied.
          if (invoice.creditApplied > 0) {
            const source = all;
            const sentence = /(?:credit on|Taken from your credit|tegoed|Guthaben)[^:]*: (.*?\([^)]*\))(?: |$)/u;
            assert.match(source, sentence, where);
            const amounts = [...source.matchAll(/\((€[^)]*|[^()]*€|US\$[^)]*|\$[^)]*)\)/gu)].map((x) => x[1]!);
            assert.ok(amounts.length > 0, `${where}: the credit's sources name their amounts`);
          }
        }
      }
      if (scenario === 'severa-prepaid' || scenario === 'm365-declined') assert.ok(kinds.has('licenses'), scenario);
    });
  }

  it('names the ledger entries the credit came from, and they add up to the credit applied', async () => {
    for (const scenario of scenarioNames) {
      const w = loadScenario(scenario);
      const ledger = creditLedger(w).entries;
      for (const invoice of w.invoices.filter((i) => i.creditApplied > 0)) {
        const text = (
          await pieces(await renderInvoicePdf(invoice, { world: w, status: invoiceStatus(w, invoice), language: 'en' }))
        ).join(' ');
        const applied = ledger.find((e) => e.kind === 'applied' && e.invoiceId === invoice.id);
        assert.ok(applied, `${scenario} ${invoice.number}: the ledger has its credit`);
        const m = /Taken from your credit on ([^:]+): (.+?)(?= Credit applied| [A-Z][a-z]+ [a-z]|$)/.exec(text);
        assert.ok(m, `${scenario} ${invoice.number}: ${text}`);
        // Each source: "overpayment on INV-… of <date> (€x)" or "payment on account of <date> (€x)".
        const sources = [...m[2]!.matchAll(/(overpayment(?: on (\S+))?|payment on account) of ([^()]+?) \(([^)]+)\)/g)];
        assert.ok(sources.length > 0, m[2]);
        const total = sources.reduce((s, x) => s + minor(x[4]!, 'en'), 0);
        assert.equal(total, invoice.creditApplied, `${scenario} ${invoice.number}: ${m[2]}`);
        for (const x of sources) {
          if (x[2])
            assert.ok(
              ledger.some((e) => e.kind === 'overpayment' && e.invoiceNumber === x[2]),
              x[0],
            );
        }
      }
    }
  });

  it('prints × and the Dutch and German letters through WinAnsi (no "?" in the arithmetic)', async () => {
    const w = loadScenario('m365-declined');
    const added = w.invoices.find((i) => i.lines[0]?.kind === 'proration') as Invoice;
    for (const lang of ['en', 'nl', 'de'] as const) {
      const text = await pieces(
        await renderInvoicePdf(added, { world: w, status: invoiceStatus(w, added), language: lang }),
      );
      const math = text.find((t) => t.includes(' × ') && t.includes(' = '));
      assert.ok(math && !math.includes('?'), `${lang}: ${math}`);
      assert.match(math, lang === 'en' ? / days = / : lang === 'nl' ? / dagen = / : / Tage = /);
    }
  });
});
