/**
 * `endpoints`: every endpoint an element needs is there and answers as the default role
 * (admin). The reads here are also the run's first look at the tenant: an invoice to open,
 * whether it has licenses, the billing data a 403 must not show. Writes are probed only
 * with `--writes`, each with a request that changes nothing on a backend that follows the
 * contract (a stale `If-Match`, an empty body, an unknown user).
 */
import { detailsInput, UNKNOWN_USER } from '../bodies.js';
import { collectSensitive, endpoint, got, missingBecause, newKey, roleLabel } from '../context.js';
import type { Context } from '../context.js';
import { elementsOf, whatBreaks } from '../elements.js';
import { isProblem, problemCode } from '../http.js';
import type { Answer, Call } from '../http.js';
import { fail, skip } from '../results.js';

/** The reads, in order, with the request each makes. */
const READS: readonly { id: string; call: (ctx: Context) => Call | undefined }[] = [
  { id: 'getMe', call: () => ({}) },
  { id: 'getSubscription', call: () => ({}) },
  { id: 'listPlans', call: () => ({}) },
  { id: 'listUsers', call: (ctx) => ({ query: { month: ctx.month, limit: 50 } }) },
  { id: 'exportUsers', call: (ctx) => ({ query: { month: ctx.month } }) },
  {
    id: 'getUserTimeline',
    call: (ctx) => (ctx.facts.userId ? { path: { userId: ctx.facts.userId }, query: { month: ctx.month } } : undefined),
  },
  {
    id: 'previewDeactivation',
    call: (ctx) => (ctx.facts.activeUserId ? { path: { userId: ctx.facts.activeUserId } } : undefined),
  },
  { id: 'getDailyUsage', call: (ctx) => ({ query: { month: ctx.month } }) },
  { id: 'getMonthlyUsage', call: (ctx) => ({ query: { year: ctx.year } }) },
  { id: 'listInvoices', call: () => ({ query: { limit: 5 } }) },
  { id: 'getUpcomingInvoice', call: () => ({}) },
  { id: 'listCredit', call: () => ({ query: { limit: 500 } }) },
  {
    id: 'getInvoice',
    call: (ctx) => (ctx.facts.invoiceId ? { path: { invoiceId: ctx.facts.invoiceId } } : undefined),
  },
  {
    id: 'getInvoicePdf',
    call: (ctx) => (ctx.facts.invoiceId ? { path: { invoiceId: ctx.facts.invoiceId } } : undefined),
  },
  { id: 'getLicenses', call: () => ({}) },
  { id: 'listOrders', call: () => ({}) },
  // A quote changes nothing: it is a read in all but method.
  { id: 'quoteLicenses', call: () => ({ body: { quantity: 1 } }) },
  { id: 'getBillingDetails', call: () => ({}) },
  { id: 'searchPeople', call: () => ({ query: { limit: 5 } }) },
  { id: 'getPaymentMethod', call: () => ({}) },
];

/** Learns what later checks need from an answer. */
function learn(ctx: Context, id: string, answer: Answer): void {
  const body = answer.json as Record<string, unknown> | undefined;
  if (answer.status === 404 && problemCode(answer) === 'no-subscription') ctx.facts.noSubscription = true;
  if (answer.status !== 200 || !body || typeof body !== 'object') {
    if (id === 'getLicenses' && answer.status === 409 && isProblem(answer)) ctx.facts.licensed = false;
    return;
  }
  switch (id) {
    case 'listInvoices': {
      const items = (body['items'] ?? []) as Record<string, unknown>[];
      const first = items.find((i) => typeof i?.['id'] === 'string');
      if (first) ctx.facts.invoiceId = first['id'] as string;
      collectSensitive(
        ctx,
        items.map((i) => i?.['number']),
      );
      const outstanding = (body['balance'] as Record<string, unknown> | undefined)?.['outstanding'];
      if (typeof outstanding === 'number') ctx.facts.outstanding = outstanding;
      break;
    }
    case 'getLicenses':
      ctx.facts.licensed = true;
      break;
    case 'getBillingDetails': {
      const address = (body['address'] ?? {}) as Record<string, unknown>;
      collectSensitive(ctx, [
        body['companyName'],
        body['vatNumber'],
        body['poNumber'],
        address['line1'],
        ...((body['recipients'] ?? []) as unknown[]),
      ]);
      break;
    }
    case 'listUsers': {
      const items = (body['items'] ?? []) as Record<string, unknown>[];
      const first = items.find((u) => typeof u?.['id'] === 'string');
      if (first) ctx.facts.userId = first['id'] as string;
      const active = items.find((u) => typeof u?.['id'] === 'string' && u['status'] === 'active');
      if (active) ctx.facts.activeUserId = active['id'] as string;
      collectSensitive(
        ctx,
        items.slice(0, 20).map((u) => u?.['email']),
      );
      break;
    }
  }
}

/** The request `readAll` makes for an operation (as any role), if it can make one. */
export function readCall(ctx: Context, id: string): Call | undefined {
  return READS.find((r) => r.id === id)?.call(ctx);
}

/** Every read `readAll` makes, by operation id. */
export const READ_OPERATIONS: readonly string[] = READS.map((r) => r.id);

/** Makes every read once, as the default role (whether or not `endpoints` is reported). */
export async function readAll(ctx: Context): Promise<void> {
  for (const read of READS) {
    if (ctx.facts.reads.has(read.id)) continue;
    const call = read.call(ctx);
    if (!call) continue;
    const answer = await ctx.http.call(read.id, call);
    ctx.facts.reads.set(read.id, answer);
    learn(ctx, read.id, answer);
    const missing = missingBecause(answer);
    if (missing) ctx.missing.set(read.id, answer);
  }
}

/** What a read should answer, for the report. */
function expectedOf(ctx: Context, id: string): string {
  const types = Object.keys(ctx.contract.operation(id).responses['200']?.content ?? {});
  const extra =
    id === 'exportUsers' || id === 'getInvoicePdf'
      ? ' with Content-Disposition: attachment; filename=… and Content-Language'
      : id === 'getBillingDetails'
        ? ' with an ETag'
        : '';
  return `200 ${types.join(' or ')}${extra}`;
}

function missingFailure(ctx: Context, id: string, answer: Answer, expected: string): never {
  const where = endpoint(ctx, id);
  fail({
    summary: `missing: ${where} — ${whatBreaks(id)}`,
    expected,
    got: got(answer),
    hint:
      `Implement ${where} (operation ${id} in openapi/billing-api.yaml). A 404 without a problem code, ` +
      'a 405 or a 501 is what the elements read as "this backend does not implement it".',
  });
}

/** The report of one read. */
function judgeRead(ctx: Context, id: string, answer: Answer): string | void {
  const expected = expectedOf(ctx, id);
  if (answer.status === 0) {
    fail({ expected, got: got(answer), hint: 'The backend did not answer this request; see the error.' });
  }
  if (ctx.missing.has(id)) missingFailure(ctx, id, answer, expected);
  if ((id === 'getSubscription' || id === 'getUpcomingInvoice') && problemCode(answer) === 'no-subscription') {
    if (answer.status === 404 && isProblem(answer)) return 'no subscription (404 no-subscription)';
  }
  if (id === 'previewDeactivation' && answer.status === 409 && isProblem(answer)) {
    return `409 ${problemCode(answer) ?? ''}: the person read from GET /users cannot be deactivated`.trim();
  }
  if ((id === 'getLicenses' || id === 'quoteLicenses') && answer.status === 409 && isProblem(answer)) {
    return 'no licenses: 409, the subscription is billed by users';
  }
  if (answer.status === 401 || answer.status === 403) {
    fail({
      expected,
      got: got(answer),
      hint: `The backend refused ${roleLabel(ctx, ctx.defaultRole)}: give credentials with --role-header ${ctx.defaultRole}='Authorization: Bearer …' (or BILLING_CONFORMANCE_${ctx.defaultRole.toUpperCase()}_HEADERS).`,
    });
  }
  if (answer.status !== 200) {
    fail({ expected, got: got(answer), hint: `${endpoint(ctx, id)} must answer 200 here; see its problem detail.` });
  }
  if (id === 'listCredit') return creditAddsUp(answer);
  if (id === 'exportUsers' || id === 'getInvoicePdf') {
    const disposition = answer.headers.get('Content-Disposition') ?? '';
    if (!/^attachment\s*;.*filename/i.test(disposition)) {
      fail({
        expected,
        got: `${got(answer)}, Content-Disposition: ${disposition || '(none)'}`,
        hint: 'Name the file: Content-Disposition: attachment; filename="…"; filename*=UTF-8\'\'… (RFC 6266).',
      });
    }
    // The document is written in a language (lang, else Accept-Language, else the tenant's
    // locale), and the answer says which.
    const language = answer.headers.get('Content-Language') ?? '';
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language.trim())) {
      fail({
        expected,
        got: `${got(answer)}, Content-Language: ${language || '(none)'}`,
        hint: 'Say the language the document is written in: Content-Language: en (or nl, de…), as the contract asks.',
      });
    }
  }
}

/**
 * The credit ledger adds up (`GET /credits`, first page): each entry's balance is the
 * older one's plus its amount, and the newest entry's balance is the ledger's `balance`
 * (checked through the oldest entry when the page holds them all).
 */
function creditAddsUp(answer: Answer): string | void {
  const body = answer.json as { balance?: unknown; total?: unknown; entries?: unknown } | undefined;
  const entries = Array.isArray(body?.entries) ? (body.entries as { amount?: unknown; balance?: unknown }[]) : [];
  const wrong: string[] = [];
  for (let i = 0; i + 1 < entries.length; i++) {
    const newer = entries[i];
    const older = entries[i + 1];
    if (typeof newer?.balance !== 'number' || typeof newer.amount !== 'number' || typeof older?.balance !== 'number')
      continue;
    if (newer.balance !== older.balance + newer.amount) {
      wrong.push(`entry ${i}: balance ${newer.balance}, not ${older.balance} + ${newer.amount}`);
    }
  }
  const newest = entries[0];
  if (newest && typeof newest.balance === 'number' && newest.balance !== body?.balance) {
    wrong.push(`the newest entry's balance is ${newest.balance}, the ledger's ${String(body?.balance)}`);
  }
  const oldest = entries[entries.length - 1];
  if (
    body?.total === entries.length &&
    oldest &&
    typeof oldest.balance === 'number' &&
    typeof oldest.amount === 'number'
  ) {
    if (oldest.balance !== oldest.amount)
      wrong.push(`the oldest entry's balance is ${oldest.balance}, its amount ${oldest.amount}`);
  }
  if (entries.length === 0 && typeof body?.balance === 'number' && body.balance !== 0 && body.total === 0) {
    wrong.push(`no entries, but a balance of ${body.balance}`);
  }
  if (wrong.length > 0) {
    fail({
      expected: 'entries that add up: each balance = the older balance + the amount, the newest = balance',
      got: wrong.slice(0, 3).join('; '),
      hint: 'List every change of the credit balance with the balance after it (see docs/backend.md, "Explaining figures").',
    });
  }
  return `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, balance ${String(body?.balance)}`;
}

/** Write probes: a request to each write endpoint that a backend following the contract refuses or answers harmlessly. */
const WRITE_PROBES: readonly { id: string; call: (ctx: Context) => Call | string }[] = [
  {
    id: 'putBillingDetails',
    call: (ctx) => {
      const current = ctx.facts.reads.get('getBillingDetails');
      if (current?.status !== 200) return 'GET /billing-details did not answer 200';
      return { body: detailsInput(current.json), headers: { 'If-Match': '"conformance-stale-version"' } };
    },
  },
  { id: 'orderLicenses', call: () => ({ body: {}, headers: { 'Idempotency-Key': newKey() } }) },
  { id: 'scheduleChange', call: () => ({ body: {} }) },
  { id: 'deactivateUser', call: () => ({ path: { userId: UNKNOWN_USER }, body: {} }) },
  { id: 'reactivateUser', call: () => ({ path: { userId: UNKNOWN_USER }, body: {} }) },
  {
    id: 'settleBalance',
    call: (ctx) => {
      if (ctx.facts.outstanding === undefined) return 'the outstanding balance is unknown (GET /invoices)';
      if (ctx.facts.outstanding !== 0) {
        return `the account has ${ctx.facts.outstanding} (minor units) outstanding: paying it cannot be undone, so it is not attempted`;
      }
      return { headers: { 'Idempotency-Key': newKey() } };
    },
  },
];

export async function endpointChecks(ctx: Context): Promise<void> {
  for (const read of READS) {
    const where = endpoint(ctx, read.id);
    const title = elementsOf(read.id).join(', ') || 'no element uses it';
    const answer = ctx.facts.reads.get(read.id);
    if (!answer) {
      await ctx.results.skipped('endpoints', title, where, 'no invoice to open: GET /invoices listed none');
      continue;
    }
    await ctx.results.check('endpoints', title, where, async () => judgeRead(ctx, read.id, answer));
  }
  for (const probe of WRITE_PROBES) {
    const where = endpoint(ctx, probe.id);
    const title = elementsOf(probe.id).join(', ');
    if (!ctx.writes) {
      await ctx.results.skipped('endpoints', title, where, 'a write: checked only with --writes');
      continue;
    }
    await ctx.results.check('endpoints', title, where, async () => {
      const call = probe.call(ctx);
      if (typeof call === 'string') skip(call);
      const answer = await ctx.http.call(probe.id, call);
      const expected = probe.id === 'settleBalance' ? '200 application/json' : 'a 4xx problem document';
      if (answer.status === 0) fail({ expected, got: got(answer) });
      const missing = missingBecause(answer);
      if (missing) {
        ctx.missing.set(probe.id, answer);
        missingFailure(ctx, probe.id, answer, expected);
      }
      if (answer.status >= 500) {
        fail({ expected, got: got(answer), hint: 'A request the contract refuses must get a 4xx, not a failure.' });
      }
      if (answer.status >= 200 && answer.status < 300 && probe.id !== 'settleBalance') {
        const same = probe.id === 'putBillingDetails';
        ctx.writeLog.push({
          endpoint: where,
          what: `a request the contract refuses was accepted (${answer.status})`,
          undone: same,
          how: same
            ? 'it sent the details back unchanged: only their version moved'
            : 'see the checks of this endpoint',
        });
      }
      return `answered ${answer.status}`;
    });
  }
}
