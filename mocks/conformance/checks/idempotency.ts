/**
 * `idempotency` (only with `--writes`): the same request sent twice with one
 * `Idempotency-Key` (a retry after a lost answer) is answered the first time (`201`) and
 * replayed the second (`200`, `Idempotent-Replayed: true`, the same body), and the orders
 * list grows by one order, not two.
 *
 * - A scheduled edition change (`POST /subscription/changes`): undone afterwards by
 *   scheduling the edition in force back.
 * - A license order (`POST /licenses/orders`, prepaid-license tenants only): removing one
 *   license from the next period when the tenant has a license to spare then, otherwise
 *   adding one now (billed prorated). Orders cannot be undone through the API: the report
 *   lists the order placed.
 */
import { endpoint, expectStatus, got, newKey, orderIds } from '../context.js';
import type { Context } from '../context.js';
import { shortValue } from '../contract.js';
import type { Answer } from '../http.js';
import { fail } from '../results.js';
import { canonicalJson } from './details.js';

interface Replay {
  id: string;
  first?: Answer;
  replay?: Answer;
  before?: string[];
  after?: string[];
  /** Why the replay could not be tried. */
  skipped?: string;
}

const TITLES = {
  replayed: 'a replayed Idempotency-Key is answered 200 with Idempotent-Replayed: true',
  same: 'the replay returns the first answer',
  once: 'the replay places no second order',
};

async function report(ctx: Context, r: Replay): Promise<void> {
  const where = endpoint(ctx, r.id);
  if (r.skipped) {
    for (const title of Object.values(TITLES)) await ctx.results.skipped('idempotency', title, where, r.skipped);
    return;
  }
  const first = r.first as Answer;
  const again = r.replay as Answer;
  await ctx.results.check('idempotency', TITLES.replayed, where, async () => {
    expectStatus(
      again,
      [200],
      '200 with Idempotent-Replayed: true',
      'Keep each Idempotency-Key with the answer it got; a request with a known key returns that answer with Idempotent-Replayed: true.',
    );
    const header = again.headers.get('Idempotent-Replayed');
    if (header !== 'true') {
      fail({
        expected: 'Idempotent-Replayed: true',
        got: header === null ? 'no Idempotent-Replayed header' : `Idempotent-Replayed: ${header}`,
        hint: 'The contract marks a replay with Idempotent-Replayed: true (expose it to browsers too).',
      });
    }
  });
  await ctx.results.check('idempotency', TITLES.same, where, async () => {
    if (canonicalJson(again.json) !== canonicalJson(first.json)) {
      fail({
        expected: `the first answer: ${shortValue(first.json, 80)}`,
        got: `${got(again)}: ${shortValue(again.json, 80)}`,
        hint: 'A replay returns the stored first answer as it was, not a new one.',
      });
    }
  });
  await ctx.results.check('idempotency', TITLES.once, where, async () => {
    const placed = (r.after as string[]).filter((id) => !(r.before as string[]).includes(id));
    const firstId = String(
      (first.json as { id?: unknown; order?: { id?: unknown } })?.order?.id ?? (first.json as { id?: unknown })?.id,
    );
    if (placed.length !== 1) {
      fail({
        ...(placed.length > 1 ? { summary: `${where} — the replay placed a second order` } : {}),
        expected: `one new order in GET /licenses/orders (${firstId})`,
        got: `${placed.length} new orders${placed.length > 0 ? `: ${placed.join(', ')}` : ''}`,
        hint: 'Look the key up before placing anything: a known key places nothing new.',
      });
    }
    return `order ${placed[0]}`;
  });
}

/** The first request, its replay, and the orders around them. */
async function sendTwice(ctx: Context, id: string, body: unknown): Promise<Replay> {
  const key = newKey();
  const before = await orderIds(ctx);
  const first = await ctx.http.call(id, { body, headers: { 'Idempotency-Key': key } });
  if (first.status !== 201 && first.status !== 200) {
    return { id, first, skipped: `the first request was refused: ${got(first)}` };
  }
  const again = await ctx.http.call(id, { body, headers: { 'Idempotency-Key': key } });
  const after = await orderIds(ctx);
  return { id, first, replay: again, before, after };
}

interface Sub {
  model?: string;
  plan?: { id?: string };
  nextPeriod?: { planId?: string };
}

async function changeReplay(ctx: Context): Promise<void> {
  const where = endpoint(ctx, 'scheduleChange');
  const sub = ctx.facts.reads.get('getSubscription');
  const plans = ctx.facts.reads.get('listPlans');
  let reason: string | undefined;
  if (ctx.missing.has('scheduleChange')) reason = `${where} is missing`;
  else if (ctx.missing.has('listOrders')) reason = 'GET /licenses/orders is missing: a second order could not be seen';
  else if (sub?.status !== 200 || plans?.status !== 200)
    reason = 'no subscription or price list to pick an edition from';
  const s = (sub?.json ?? {}) as Sub;
  const inForce = s.nextPeriod?.planId ?? s.plan?.id;
  const items = ((plans?.json as { items?: { id?: string; model?: string }[] } | undefined)?.items ?? []).filter(
    (p) => typeof p?.id === 'string',
  );
  const other = items.find((p) => p.id !== inForce && p.model === s.model);
  if (!reason && (!inForce || !other)) reason = 'no other edition billed the same way to change to';
  if (reason) {
    await report(ctx, { id: 'scheduleChange', skipped: reason });
    return;
  }
  const r = await sendTwice(ctx, 'scheduleChange', { kind: 'change-plan', planId: other?.id });
  await report(ctx, r);
  if (r.skipped) return;
  const record = {
    endpoint: where,
    what: `scheduled a change of edition to ${other?.id}`,
    undone: false,
    how: 'not undone',
  };
  ctx.writeLog.push(record);
  await ctx.results.check(
    'idempotency',
    `the scheduled change is taken back (a change back to ${inForce})`,
    where,
    async () => {
      const back = await ctx.http.call('scheduleChange', {
        body: { kind: 'change-plan', planId: inForce },
        headers: { 'Idempotency-Key': newKey() },
      });
      expectStatus(
        back,
        [201, 200],
        `201: ${inForce} scheduled again`,
        'A scheduled change can be changed back before it takes effect.',
      );
      const now = await ctx.http.call('getSubscription');
      const next = (now.json as Sub | undefined)?.nextPeriod?.planId;
      if (s.nextPeriod?.planId !== undefined && next !== inForce) {
        record.how = `changed back, but the next period's edition is ${String(next)}`;
        fail({ expected: `nextPeriod.planId ${inForce}`, got: `nextPeriod.planId ${shortValue(next)}` });
      }
      record.undone = true;
      record.how = `changed back to ${inForce} (a second scheduled change, both in the order history)`;
    },
  );
}

async function orderReplay(ctx: Context): Promise<void> {
  const where = endpoint(ctx, 'orderLicenses');
  let reason: string | undefined;
  if (ctx.missing.has('orderLicenses')) reason = `${where} is missing`;
  else if (ctx.missing.has('listOrders')) reason = 'GET /licenses/orders is missing: a second order could not be seen';
  else if (ctx.facts.licensed !== true) reason = 'the tenant has no prepaid licenses (GET /licenses: 409)';
  if (reason) {
    await report(ctx, { id: 'orderLicenses', skipped: reason });
    return;
  }
  const summary = (ctx.facts.reads.get('getLicenses')?.json ?? {}) as {
    assigned?: number;
    nextPeriod?: { licenses?: number; start?: string };
  };
  const spare = (summary.nextPeriod?.licenses ?? 0) > (summary.assigned ?? Infinity);
  let body = spare ? { kind: 'remove', quantity: 1 } : { kind: 'add', quantity: 1 };
  let r = await sendTwice(ctx, 'orderLicenses', body);
  if (r.skipped && body.kind === 'remove' && r.first?.status === 422) {
    body = { kind: 'add', quantity: 1 };
    r = await sendTwice(ctx, 'orderLicenses', body);
  }
  await report(ctx, r);
  const placed = (r.after ?? []).filter((id) => !(r.before ?? []).includes(id));
  if (placed.length > 0) {
    ctx.writeLog.push({
      endpoint: where,
      what:
        body.kind === 'remove'
          ? `ordered the removal of 1 license from the next period (${placed.join(', ')})`
          : `ordered 1 license now, billed prorated (${placed.join(', ')})`,
      undone: false,
      how: 'orders cannot be undone through the API (the contract has no way to cancel one)',
    });
  }
}

export async function idempotencyChecks(ctx: Context): Promise<void> {
  if (!ctx.results.selected('idempotency')) return;
  if (!ctx.writes) {
    for (const id of ['scheduleChange', 'orderLicenses']) {
      await report(ctx, { id, skipped: 'writes: only with --writes' });
    }
    return;
  }
  await changeReplay(ctx);
  await orderReplay(ctx);
}
