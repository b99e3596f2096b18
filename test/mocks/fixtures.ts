/**
 * Shared by the mock backend's browser tests (test/mocks/) and Node tests (test/node/):
 * small worlds, every endpoint as a client call, and valid / invalid request bodies.
 * No test framework here, only data and calls.
 */
import type { BillingClient, BillingDetailsInput } from '../../src/client/index.js';
import { generateWorld } from '../../mocks/engine/generate.js';
import type { BillingModel, World } from '../../mocks/engine/types.js';

/** A small generated world (a few hundred people) of one model; today is 2026-11-22. */
export function smallWorld(model: BillingModel = 'peak-daily', people = 300, seed = 7): World {
  return generateWorld({ seed, people, model });
}

/** What the endpoint calls need from the world they run on. */
export interface CallContext {
  invoiceId: string;
  userId: string;
}

/** The context of a world: its first issued invoice and an active person. */
export function contextOf(world: World, invoiceId: string): CallContext {
  const person = world.people.find((p) => p.deactivatedOn === undefined && p.deletedOn === undefined);
  return { invoiceId, userId: person?.id ?? 'p-00001' };
}

export type Call = [operationId: string, call: (c: BillingClient, ctx: CallContext) => Promise<unknown>];

/** Every read of billing data (all must succeed for admin and finance on a prepaid-license world). */
export const READ_CALLS: Call[] = [
  ['getSubscription', (c) => c.getSubscription()],
  ['listPlans', (c) => c.listPlans()],
  ['listUsers', (c) => c.listUsers({ month: '2026-11' })],
  ['listUsers (day)', (c) => c.listUsers({ month: '2026-11', day: '2026-11-05' })],
  ['getUserTimeline', (c, x) => c.getUserTimeline(x.userId, '2026-11')],
  ['previewDeactivation', (c, x) => c.previewDeactivation(x.userId)],
  ['exportUsers', (c) => c.exportUsersCsv('2026-11')],
  ['getDailyUsage', (c) => c.getDailyUsage('2026-11')],
  ['getMonthlyUsage', (c) => c.getMonthlyUsage(2026)],
  ['listInvoices', (c) => c.listInvoices()],
  ['getUpcomingInvoice', (c) => c.getUpcomingInvoice()],
  ['listCredit', (c) => c.listCredit()],
  ['getInvoice', (c, x) => c.getInvoice(x.invoiceId)],
  ['getInvoicePdf', (c, x) => c.getInvoicePdf(x.invoiceId)],
  ['getLicenses', (c) => c.getLicenses()],
  ['quoteLicenses', (c) => c.quoteLicenses(1)],
  ['listOrders', (c) => c.listOrders()],
  ['getBillingDetails', (c) => c.getBillingDetails()],
  ['searchPeople', (c) => c.searchPeople('a')],
  ['getPaymentMethod', (c) => c.getPaymentMethod()],
];

/** Every write (refused for roles without billing access before anything is read or checked). */
export const WRITE_CALLS: Call[] = [
  ['scheduleChange', (c) => c.scheduleChange({ kind: 'change-period', periodMonths: 6 })],
  ['deactivateUser', (c, x) => c.deactivateUser(x.userId)],
  ['reactivateUser', (c, x) => c.reactivateUser(x.userId)],
  ['settleBalance', (c) => c.settleBalance()],
  ['orderLicenses', (c) => c.orderLicenses('add', 1)],
  ['putBillingDetails', (c) => c.putBillingDetails(validDetails(), '"v0"')],
];

/** Valid billing details. */
export function validDetails(): BillingDetailsInput {
  return {
    recipients: ['billing@example.com', 'finance@example.com'],
    address: { line1: 'Keizersgracht 1', postalCode: '1015 CJ', city: 'Amsterdam', country: 'NL' },
    eInvoicing: { enabled: false },
    poNumber: 'PO-77',
  };
}

/** Invalid details and the field error (field, code) each must produce, with status 422. */
export const INVALID_DETAILS: [what: string, input: unknown, field: string, code: string][] = [
  ['a bad e-mail', { ...validDetails(), recipients: ['not-an-email'] }, 'recipients[0]', 'invalid-email'],
  [
    'a duplicate recipient (ignoring case)',
    { ...validDetails(), recipients: ['a@example.com', 'A@Example.com'] },
    'recipients[1]',
    'duplicate',
  ],
  ['no recipients', { ...validDetails(), recipients: [] }, 'recipients', 'required'],
  [
    'a missing address field',
    { ...validDetails(), address: { line1: 'Keizersgracht 1', city: 'Amsterdam', country: 'NL' } },
    'address.postalCode',
    'required',
  ],
  [
    'e-invoicing on without its address',
    { ...validDetails(), eInvoicing: { enabled: true, operatorCode: 'E204503' } },
    'eInvoicing.address',
    'required',
  ],
  [
    'e-invoicing on without its operator code',
    { ...validDetails(), eInvoicing: { enabled: true, address: '003712345678' } },
    'eInvoicing.operatorCode',
    'required',
  ],
];

/** A JSON request to the mock outside the typed client (control endpoints, raw checks). */
export async function send(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}
