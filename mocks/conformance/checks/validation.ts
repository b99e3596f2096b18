/**
 * `validation`: requests the contract refuses get `400` (or `422`) problem documents whose
 * `errors` name the field, generated from the contract's request schemas (see
 * `mutations.ts`): query parameters of every read, the license quote's body, and with
 * `--writes` the bodies of the writes, each one defect away from a request the billing
 * rules would refuse anyway (an order for more licenses than anyone holds, a change to an
 * edition that does not exist, an unknown user), so even a backend that ignores the defect
 * places no order. The billing details are sent back unchanged but for the defect, and
 * put back if a defect was saved.
 */
import {
  detailsInput,
  REFUSED_CHANGE,
  REFUSED_ORDER,
  SAMPLE_DETAILS,
  UNKNOWN_INVOICE,
  UNKNOWN_USER,
} from '../bodies.js';
import { currentDetails, endpoint, expectProblem, got, newKey, orderIds } from '../context.js';
import type { Context } from '../context.js';
import { isProblem, problemFields } from '../http.js';
import type { Answer, Call } from '../http.js';
import { bodyMutations, MUTATION_TITLES, parameterMutations } from '../mutations.js';
import type { Mutation, MutationKind } from '../mutations.js';
import type { Schema } from '../document.js';
import { fail, skip } from '../results.js';

const KINDS: readonly MutationKind[] = ['required', 'type', 'limit', 'unknown'];

const HINT =
  'Check every request against the schema and answer 400 application/problem+json with errors[]: ' +
  '{ field, code, message }, where field is the JSON path (address.city, recipients[0]) or the parameter name.';

/**
 * Whether the answer names `field`: exactly, or a part of it (`eInvoicing.enabled` for a
 * missing `eInvoicing`, `status[1]` for a list parameter); a header's name in any case.
 */
function names(answer: Answer, field: string, header: boolean): boolean {
  return problemFields(answer).some((f) =>
    header
      ? f.toLowerCase() === field.toLowerCase()
      : f === field || f.startsWith(`${field}[`) || f.startsWith(`${field}.`),
  );
}

interface Target {
  id: string;
  /** The valid request, one defect away from each mutation. */
  call: Call;
  mutations: Mutation[];
  /** Answers that say nothing either way (an unknown user's 404 before the body is read). */
  inconclusive?: (answer: Answer) => boolean;
  /** Completes a mutation's request just before it is sent (the details: the current ETag). */
  prepare?: (call: Call) => Promise<void>;
  write: boolean;
}

async function runKind(ctx: Context, target: Target, kind: MutationKind): Promise<void> {
  const mutations = target.mutations.filter((m) => m.kind === kind);
  if (mutations.length === 0) return;
  await ctx.results.check('validation', MUTATION_TITLES[kind], endpoint(ctx, target.id), async () => {
    const deviations: string[] = [];
    let conclusive = 0;
    for (const m of mutations) {
      const call: Call = {
        ...target.call,
        ...(m.body !== undefined ? { body: m.body } : {}),
        ...(m.query !== undefined ? { query: m.query } : {}),
        ...(m.headers !== undefined ? { headers: m.headers } : {}),
      };
      await target.prepare?.(call);
      const answer = await ctx.http.call(target.id, call);
      if (target.inconclusive?.(answer)) continue;
      conclusive++;
      if (answer.status !== 400 && answer.status !== 422) {
        deviations.push(`${m.what}: ${got(answer)}`);
        if (answer.status >= 200 && answer.status < 300 && target.write) {
          ctx.writeLog.push({
            endpoint: endpoint(ctx, target.id),
            what: `an invalid request was accepted (${m.what})`,
            undone: false,
            how:
              target.id === 'putBillingDetails'
                ? 'not yet put back (see "invalid writes change nothing")'
                : 'a license order or scheduled change cannot be undone through the API',
          });
        }
      } else if (!isProblem(answer)) deviations.push(`${m.what}: ${answer.status} but not a problem document`);
      else if (!names(answer, m.field, m.in === 'header')) {
        const named = problemFields(answer);
        deviations.push(`${m.what}: ${answer.status} naming ${named.length > 0 ? named.join(', ') : 'no field'}`);
      }
    }
    if (conclusive === 0) skip('every answer was about something else first (e.g. 404 for the unknown user)');
    if (deviations.length > 0) {
      const shown = deviations.slice(0, 3).join('; ');
      fail({
        expected: `400 or 422 problem documents naming the field, for ${conclusive} invalid request(s)`,
        got: `${deviations.length} not: ${shown}${deviations.length > 3 ? `; and ${deviations.length - 3} more` : ''}`,
        hint: HINT,
      });
    }
    return `${conclusive} invalid request(s)`;
  });
}

/** Reads with query parameters, and the valid query each mutation starts from. */
function readTargets(ctx: Context): Target[] {
  const bases: [string, Record<string, string>][] = [
    ['listUsers', { month: ctx.month }],
    ['exportUsers', { month: ctx.month }],
    ['getDailyUsage', { month: ctx.month }],
    ['getMonthlyUsage', { year: String(ctx.year) }],
    ['listInvoices', {}],
    ['listCredit', {}],
    ['searchPeople', {}],
  ];
  const targets: Target[] = bases
    .filter(([id]) => !ctx.missing.has(id))
    .map(([id, query]) => ({
      id,
      call: { query },
      mutations: parameterMutations(ctx.contract, ctx.contract.operation(id), query),
      write: false,
    }));
  // Reads about one person, for a person nobody is: a 404 before the query is read says nothing either way.
  const personal: [string, Record<string, string>][] = [
    ['getUserTimeline', { month: ctx.month }],
    ['previewDeactivation', {}],
  ];
  for (const [id, query] of personal) {
    if (ctx.missing.has(id)) continue;
    targets.push({
      id,
      call: { path: { userId: UNKNOWN_USER }, query },
      mutations: parameterMutations(ctx.contract, ctx.contract.operation(id), query),
      inconclusive: (answer) => answer.status === 404,
      write: false,
    });
  }
  return targets;
}

function bodyTarget(ctx: Context, id: string, call: Call, write: boolean): Target {
  const schema = ctx.contract.operation(id).requestBody?.schema as Schema;
  const mutations = bodyMutations(ctx.contract, schema, call.body);
  const headers = call.headers ?? {};
  if (headers['Idempotency-Key'] !== undefined) {
    // Each mutation its own key: a key seen before could be answered as a replay.
    for (const m of mutations) m.headers = { ...headers, 'Idempotency-Key': newKey() };
  }
  return { id, call, mutations, write };
}

/** The body the details' mutations start from: the details as they are, or sample ones. */
function detailsBase(ctx: Context, details: Record<string, unknown>): Record<string, unknown> {
  const input = detailsInput(details);
  const schema = ctx.contract.operation('putBillingDetails').requestBody?.schema as Schema;
  return ctx.contract.accepts(schema, input) ? input : (structuredClone(SAMPLE_DETAILS) as Record<string, unknown>);
}

export async function validationChecks(ctx: Context): Promise<void> {
  if (!ctx.results.selected('validation')) return;
  for (const target of readTargets(ctx)) for (const kind of KINDS) await runKind(ctx, target, kind);

  if (!ctx.missing.has('quoteLicenses')) {
    const quote = bodyTarget(ctx, 'quoteLicenses', { body: { quantity: 1 } }, false);
    for (const kind of KINDS) await runKind(ctx, quote, kind);
  }

  if (!ctx.missing.has('getInvoice')) {
    await ctx.results.check(
      'validation',
      'an unknown invoice gets a 404 problem document',
      'GET /invoices/{invoiceId}',
      async () => {
        const answer = await ctx.http.call('getInvoice', { path: { invoiceId: UNKNOWN_INVOICE } });
        expectProblem(
          answer,
          [404],
          '404 application/problem+json',
          'An id that does not exist is 404 with a problem document.',
        );
      },
    );
  }

  if (!ctx.writes) {
    await ctx.results.skipped(
      'validation',
      'invalid writes are refused, naming the field',
      'PUT /billing-details, POST /licenses/orders, POST /subscription/changes, POST /users/{userId}/…',
      'writes: only with --writes',
    );
    return;
  }

  const watchDetails = !ctx.missing.has('getBillingDetails') && !ctx.missing.has('putBillingDetails');
  const watchOrders = !ctx.missing.has('listOrders');
  const before = watchDetails ? await currentDetails(ctx).catch(() => undefined) : undefined;
  const ordersBefore = watchOrders ? await orderIds(ctx).catch(() => undefined) : undefined;

  const targets: Target[] = [];
  if (before) targets.push(bodyTarget(ctx, 'putBillingDetails', { body: detailsBase(ctx, before.body) }, true));
  if (!ctx.missing.has('orderLicenses')) {
    const call = { body: REFUSED_ORDER, headers: { 'Idempotency-Key': newKey() } };
    const t = bodyTarget(ctx, 'orderLicenses', call, true);
    const op = ctx.contract.operation('orderLicenses');
    t.mutations.push(...parameterMutations(ctx.contract, op, {}, call.headers));
    targets.push(t);
  }
  if (!ctx.missing.has('scheduleChange')) {
    targets.push(
      bodyTarget(ctx, 'scheduleChange', { body: REFUSED_CHANGE, headers: { 'Idempotency-Key': newKey() } }, true),
    );
  }
  for (const id of ['deactivateUser', 'reactivateUser']) {
    if (ctx.missing.has(id)) continue;
    const t = bodyTarget(ctx, id, { path: { userId: UNKNOWN_USER }, body: {} }, true);
    t.inconclusive = (a) => a.status === 404;
    targets.push(t);
  }
  for (const target of targets) {
    if (target.id === 'putBillingDetails') {
      // Each with the ETag of the moment, so If-Match is never why it is refused (not even
      // after an invalid one was saved).
      target.prepare = async (call) => {
        const now = await currentDetails(ctx);
        call.headers = now.etag ? { 'If-Match': now.etag } : {};
      };
    }
    for (const kind of KINDS) await runKind(ctx, target, kind);
  }

  await ctx.results.check('validation', 'invalid writes change nothing', undefined, async () => {
    const changed: string[] = [];
    if (before) {
      const after = await currentDetails(ctx);
      if (after.etag !== before.etag) {
        changed.push(`the billing details were saved (ETag ${before.etag} → ${after.etag})`);
        // Put them back as they were.
        const back = await ctx.http.call('putBillingDetails', {
          body: detailsInput(before.body),
          headers: after.etag ? { 'If-Match': after.etag } : {},
        });
        for (const record of ctx.writeLog) {
          if (record.endpoint !== 'PUT /billing-details' || record.undone) continue;
          record.undone = back.status === 200;
          record.how = back.status === 200 ? 'put back as they were' : `putting them back failed: ${got(back)}`;
        }
      }
    }
    if (ordersBefore) {
      const after = await orderIds(ctx);
      const placed = after.filter((id) => !ordersBefore.includes(id));
      if (placed.length > 0) changed.push(`${placed.length} order(s) placed: ${placed.join(', ')}`);
    }
    if (changed.length > 0) {
      fail({
        expected: 'the billing details and the orders as they were',
        got: changed.join('; '),
        hint: 'A refused write changes nothing: check the whole request before saving anything.',
      });
    }
  });
}
