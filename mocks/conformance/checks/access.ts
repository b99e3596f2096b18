/**
 * `access`: who may do what. `GET /me` tells every signed-in role what it may do; admin
 * and finance read every billing endpoint; every other role (member, guest, a host's own)
 * gets `403` problem documents that show no billing data, on reads and, with `--writes`,
 * on writes (which then change nothing); a request without credentials gets `401`.
 */
import { detailsInput, REFUSED_CHANGE, REFUSED_ORDER } from '../bodies.js';
import {
  currentDetails,
  endpoint,
  expectProblem,
  expectStatus,
  got,
  isBillingRole,
  newKey,
  orderIds,
  roleLabel,
  sensitiveIn,
} from '../context.js';
import type { Context } from '../context.js';
import { shortValue } from '../contract.js';
import { isProblem } from '../http.js';
import type { Answer, Call } from '../http.js';
import { fail, skip } from '../results.js';
import { READ_OPERATIONS, readCall } from './endpoints.js';

/** The members of a problem document that carry no billing data. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']);

const NO_DATA_HINT =
  'Check the role before reading anything, and answer 403 with a bare problem document ' +
  '(type, title, status, detail, code): no billing fields, no `current`, no `quote`.';

/** Whether a role's answer leaks or misses: a line per deviation, or nothing. */
function forbiddenDeviation(ctx: Context, where: string, answer: Answer): string | undefined {
  if (answer.status === 0) return `${where}: ${got(answer)}`;
  const body = answer.json;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const extra = Object.keys(body).filter((k) => !PROBLEM_MEMBERS.has(k));
    if (extra.length > 0) {
      return `${where}: ${answer.status} with billing data in the body (${extra.slice(0, 4).join(', ')})`;
    }
  } else if (Array.isArray(body)) {
    return `${where}: ${answer.status} with a list in the body`;
  }
  const leaked = sensitiveIn(ctx, answer.text);
  if (leaked) return `${where}: ${answer.status} whose body shows ${shortValue(leaked, 40)}`;
  if (answer.status !== 403) return `${where}: ${got(answer)}`;
  if (!isProblem(answer)) return `${where}: 403 but not a problem document (${answer.mediaType || 'no Content-Type'})`;
  return undefined;
}

function listed(lines: string[], max = 3): string {
  const shown = lines.slice(0, max).join('; ');
  return lines.length > max ? `${shown}; and ${lines.length - max} more` : shown;
}

/** The reads a role is checked on: those that answered the default role as the contract says (not missing). */
function checkedReads(ctx: Context): string[] {
  return READ_OPERATIONS.filter((id) => {
    const a = ctx.facts.reads.get(id);
    return a !== undefined && a.status !== 0 && !ctx.missing.has(id) && a.status < 500;
  });
}

async function meCheck(ctx: Context, role: string): Promise<void> {
  const billing = isBillingRole(role);
  await ctx.results.check(
    'access',
    `${roleLabel(ctx, role)}: GET /me answers with the role and canRead/canWrite ${billing}`,
    'GET /me',
    async () => {
      const expected = `200 with role "${role}", canRead ${billing}, canWrite ${billing}`;
      const answer = await ctx.http.call('getMe', { role });
      expectStatus(
        answer,
        [200],
        expected,
        `GET /me answers every signed-in caller, whatever the role; check the credentials given for ${role}.`,
      );
      const me = (answer.json ?? {}) as { role?: unknown; canRead?: unknown; canWrite?: unknown };
      if (ctx.http.hasCredentials(role) && me.role !== role) {
        fail({
          expected,
          got: `role ${shortValue(me.role)}`,
          hint: `The credentials given for ${role} sign in as ${shortValue(me.role)}: check --role-header ${role}=….`,
        });
      }
      if (me.canRead !== billing || me.canWrite !== billing) {
        fail({
          expected,
          got: `canRead ${shortValue(me.canRead)}, canWrite ${shortValue(me.canWrite)} for role ${shortValue(me.role)}`,
          hint: 'Only admin and finance may read and change billing: canRead and canWrite are true for them, false for every other role.',
        });
      }
    },
  );
}

async function billingReads(ctx: Context, role: string): Promise<void> {
  await ctx.results.check('access', `${role} may read every billing endpoint`, undefined, async () => {
    const deviations: string[] = [];
    const ids = checkedReads(ctx).filter((id) => id !== 'getMe');
    for (const id of ids) {
      const call = readCall(ctx, id) as Call;
      const answer = await ctx.http.call(id, { ...call, role });
      const own = ctx.facts.reads.get(id) as Answer;
      if (answer.status !== own.status) {
        deviations.push(`${endpoint(ctx, id)}: ${got(answer)} (${ctx.defaultRole} got ${own.status})`);
      }
    }
    if (deviations.length > 0) {
      fail({
        expected: `what ${ctx.defaultRole} gets, on all ${ids.length} reads`,
        got: listed(deviations),
        hint: `${role} may read and change billing, as admin may.`,
      });
    }
    return `${ids.length} reads`;
  });
}

async function forbiddenReads(ctx: Context, role: string): Promise<void> {
  await ctx.results.check(
    'access',
    `${role} gets 403 problem documents with no billing data, on every billing read`,
    undefined,
    async () => {
      const deviations: string[] = [];
      const ids = checkedReads(ctx).filter((id) => id !== 'getMe');
      for (const id of ids) {
        const answer = await ctx.http.call(id, { ...(readCall(ctx, id) as Call), role });
        const deviation = forbiddenDeviation(ctx, endpoint(ctx, id), answer);
        if (deviation) deviations.push(deviation);
      }
      if (deviations.length > 0) {
        fail({
          expected: `403 application/problem+json with no billing data, on all ${ids.length} reads`,
          got: listed(deviations),
          hint: NO_DATA_HINT,
        });
      }
      return `${ids.length} reads`;
    },
  );
}

async function forbiddenWrites(ctx: Context, role: string): Promise<void> {
  await ctx.results.check('access', `${role} gets 403 on writes, and nothing changes`, undefined, async () => {
    if (ctx.missing.has('getBillingDetails') || ctx.missing.has('listOrders')) {
      skip('GET /billing-details or GET /licenses/orders is missing: a change could not be seen');
    }
    const before = await currentDetails(ctx);
    const ordersBefore = await orderIds(ctx);
    const attempts: [string, Call][] = [
      [
        'putBillingDetails',
        { body: detailsInput(before.body), headers: before.etag ? { 'If-Match': before.etag } : {} },
      ],
      ['orderLicenses', { body: REFUSED_ORDER, headers: { 'Idempotency-Key': newKey() } }],
      ['scheduleChange', { body: REFUSED_CHANGE, headers: { 'Idempotency-Key': newKey() } }],
    ];
    const deviations: string[] = [];
    for (const [id, call] of attempts) {
      if (ctx.missing.has(id)) continue;
      const answer = await ctx.http.call(id, { ...call, role });
      const deviation = forbiddenDeviation(ctx, endpoint(ctx, id), answer);
      if (deviation) deviations.push(deviation);
    }
    const after = await currentDetails(ctx);
    if (after.etag !== before.etag)
      deviations.push(`the billing details changed (ETag ${before.etag} → ${after.etag})`);
    const ordersAfter = await orderIds(ctx);
    const placed = ordersAfter.filter((id) => !ordersBefore.includes(id));
    if (placed.length > 0) deviations.push(`${placed.length} order(s) placed: ${placed.join(', ')}`);
    if (deviations.length > 0) {
      fail({
        expected: '403 problem documents with no billing data, and nothing changed',
        got: listed(deviations),
        hint: NO_DATA_HINT,
      });
    }
  });
}

async function noCredentials(ctx: Context): Promise<void> {
  const title = 'without credentials: 401 problem documents';
  if (!ctx.http.hasCredentials(ctx.defaultRole)) {
    await ctx.results.skipped(
      'access',
      title,
      undefined,
      `no credentials were given for ${ctx.defaultRole}, so a request without them is what every check sends`,
    );
    return;
  }
  await ctx.results.check('access', title, undefined, async () => {
    for (const id of ['getMe', 'getSubscription']) {
      if (ctx.missing.has(id)) continue;
      const answer = await ctx.http.call(id, { role: null });
      const leaked = sensitiveIn(ctx, answer.text);
      if (leaked) {
        fail({ expected: '401 with no billing data', got: `${got(answer)} showing ${shortValue(leaked, 40)}` });
      }
      expectProblem(
        answer,
        [401],
        `401 application/problem+json from ${endpoint(ctx, id)}`,
        'Without a session the API answers 401 on every endpoint, GET /me included.',
      );
    }
  });
}

export async function accessChecks(ctx: Context): Promise<void> {
  if (!ctx.results.selected('access')) return;
  for (const role of ctx.roles) await meCheck(ctx, role);
  const others = ctx.roles.filter((r) => !isBillingRole(r));
  for (const role of ctx.roles) {
    if (isBillingRole(role) && role !== ctx.defaultRole) await billingReads(ctx, role);
  }
  if (others.length === 0) {
    await ctx.results.skipped(
      'access',
      'other roles get 403 with no billing data',
      undefined,
      "no credentials for a role without billing access: pass --role-header member='…' to check it",
    );
  }
  for (const role of others) await forbiddenReads(ctx, role);
  for (const role of others) {
    if (ctx.writes) await forbiddenWrites(ctx, role);
    else await ctx.results.skipped('access', `${role} gets 403 on writes`, undefined, 'writes: only with --writes');
  }
  await noCredentials(ctx);
}
