/**
 * Issued invoices (newest first) with the balance, one invoice with its lines and
 * payments, its PDF, the upcoming (provisional) invoice, settling the balance, and the
 * credit ledger (newest first).
 *
 * Readings: `year` filters by the year an invoice was issued (the year of its number);
 * `status` by the status today; an invoice "issued" after today (a world loaded with
 * one) is not listed.
 */
import type { HttpHandler } from 'msw';
import type { Invoice } from '../engine/types.js';
import { invoiceState } from '../engine/invoices.js';
import { creditLedger } from '../engine/ledger.js';
import { idempotent } from '../http/idempotency.js';
import { notFound } from '../http/problem.js';
import { attachment } from '../http/headers.js';
import { documentLanguage } from '../http/language.js';
import { json, route, written } from '../http/route.js';
import type { RouteTarget } from '../http/route.js';
import { renderInvoicePdf } from '../pdf/invoice-pdf.js';
import type { ApiCreditLedger, ApiInvoicePage, ApiInvoiceSummary } from '../store/contract.js';
import type { MockStore } from '../store/store.js';
import { balanceView, invoiceSummaryView, invoiceView, upcomingInvoiceView } from '../store/views.js';

function issued(store: MockStore, id: string): Invoice {
  const world = store.world;
  const invoice = world.invoices.find((i) => i.id === id && i.issuedOn <= world.today);
  if (!invoice) throw notFound(`There is no invoice ${id}.`, 'unknown-invoice');
  return invoice;
}

export function invoicesHandlers(t: RouteTarget): HttpHandler[] {
  return [
    route(
      t,
      { method: 'get', path: '/invoices', operationId: 'listInvoices', access: 'billing' },
      ({ query, store }) => {
        const statuses = query['status'] as ApiInvoiceSummary['status'][] | undefined;
        const year = query['year'] as number | undefined;
        const offset = query['offset'] as number;
        const limit = query['limit'] as number;
        const world = store.world;
        // Newest first: by issue date, then by the order they were issued.
        const all = world.invoices
          .map((inv, index) => ({ inv, index }))
          .filter((x) => x.inv.issuedOn <= world.today && (year === undefined || x.inv.issuedOn.startsWith(`${year}-`)))
          .sort((a, b) =>
            a.inv.issuedOn < b.inv.issuedOn ? 1 : a.inv.issuedOn > b.inv.issuedOn ? -1 : b.index - a.index,
          )
          .map((x) => invoiceSummaryView(world, x.inv))
          .filter((s) => statuses === undefined || statuses.includes(s.status));
        const page: ApiInvoicePage = {
          offset,
          limit,
          total: all.length,
          items: all.slice(offset, offset + limit),
          balance: balanceView(world),
          years: [
            ...new Set(
              world.invoices
                .filter((inv) => inv.issuedOn <= world.today)
                .map((inv) => Number(inv.issuedOn.slice(0, 4))),
            ),
          ].sort((a, b) => b - a),
        };
        return json(page);
      },
    ),
    route(t, { method: 'get', path: '/credits', operationId: 'listCredit', access: 'billing' }, ({ query, store }) => {
      const offset = query['offset'] as number;
      const limit = query['limit'] as number;
      const world = store.world;
      const ledger = creditLedger(world);
      // Newest first.
      const newest = ledger.entries.slice().reverse();
      const page: ApiCreditLedger = {
        currency: world.tenant.currency,
        balance: ledger.balance,
        offset,
        limit,
        total: newest.length,
        entries: newest.slice(offset, offset + limit).map((e) => ({ ...e })),
      };
      return json(page);
    }),
    route(
      t,
      { method: 'get', path: '/invoices/upcoming', operationId: 'getUpcomingInvoice', access: 'billing' },
      ({ store }) => json(upcomingInvoiceView(store.world)),
    ),
    route(
      t,
      { method: 'post', path: '/invoices/settle', operationId: 'settleBalance', access: 'billing' },
      ({ headers, store }) => {
        const key = headers['Idempotency-Key'];
        return written(idempotent(store, key, { op: 'settle' }, () => store.settleBalance(key)));
      },
    ),
    route(
      t,
      { method: 'get', path: '/invoices/:invoiceId', operationId: 'getInvoice', access: 'billing' },
      ({ path, store }) => json(invoiceView(store.world, issued(store, path['invoiceId'] as string))),
    ),
    route(
      t,
      { method: 'get', path: '/invoices/:invoiceId/pdf', operationId: 'getInvoicePdf', access: 'billing' },
      async ({ path, query, request, store }) => {
        const world = store.world;
        const invoice = issued(store, path['invoiceId'] as string);
        // `lang`, else Accept-Language, else the tenant's locale: the nearest of en, nl, de.
        const { language, locale } = documentLanguage(
          request,
          query['lang'] as string | undefined,
          world.tenant.locale,
        );
        const bytes = await renderInvoicePdf(invoice, {
          world,
          status: invoiceState(world, invoice).status,
          language,
          locale,
        });
        return new Response(bytes as BodyInit, {
          status: 200,
          headers: {
            'Content-Type': 'application/pdf',
            'Content-Disposition': attachment(`${invoice.number}.pdf`),
            'Content-Language': language,
            Vary: 'Accept-Language',
          },
        });
      },
    ),
  ];
}
