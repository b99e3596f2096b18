/**
 * `details`: optimistic concurrency on the billing details. `GET` sends a strong `ETag`
 * (the same as `version`); with `--writes`, a `PUT` without `If-Match` is `428`, a stale
 * one `412` with the current details in `current`, a weak one `412`, a malformed one
 * `400`; a `PUT` with the current tag saves and answers a new tag, which makes the old one
 * stale. The one change made (the PO number) is put back afterwards, by finance when
 * finance credentials were given (so finance is seen to write too).
 */
import { randomUUID } from 'node:crypto';
import { detailsInput, SAMPLE_DETAILS } from '../bodies.js';
import { currentDetails, expectProblem, expectStatus, got, isBillingRole } from '../context.js';
import type { Context } from '../context.js';
import { shortValue } from '../contract.js';
import type { Schema } from '../document.js';
import { problemFields } from '../http.js';
import { fail, skip } from '../results.js';

const WHERE = 'PUT /billing-details';

/** JSON with its keys sorted, to compare bodies whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

const WRITE_CHECKS = [
  'a PUT without If-Match gets 428',
  'a stale If-Match gets 412 with the current details in `current`',
  'a weak If-Match (W/"…") gets 412: the comparison is strong',
  'a malformed If-Match (not quoted) gets 400 naming If-Match',
  'a PUT with the current ETag saves, and answers a new ETag',
  'the ETag before a save is stale after it: 412 with the saved details',
  'the change is put back as it was',
];

export async function detailsChecks(ctx: Context): Promise<void> {
  if (!ctx.results.selected('details')) return;
  if (ctx.missing.has('getBillingDetails')) {
    await ctx.results.skipped(
      'details',
      'ETag and If-Match',
      'GET /billing-details',
      'GET /billing-details is missing',
    );
    return;
  }
  await ctx.results.check(
    'details',
    'GET sends a strong ETag, the same as `version`',
    'GET /billing-details',
    async () => {
      const { etag, body } = await currentDetails(ctx);
      const expected = 'an ETag header: a quoted, strong entity tag ("v3"), equal to the body\'s version';
      if (!etag)
        fail({
          expected,
          got: 'no ETag header',
          hint: 'Send ETag on GET /billing-details (and expose it to browsers: Access-Control-Expose-Headers: ETag).',
        });
      if (etag.startsWith('W/'))
        fail({
          expected,
          got: `a weak ETag ${etag}`,
          hint: 'If-Match compares strongly: a weak tag never matches, so the details could never be saved.',
        });
      if (!/^"[^"]*"$/.test(etag))
        fail({ expected, got: `ETag ${etag}`, hint: 'An entity tag is in double quotes (RFC 9110 §8.8.3).' });
      if (body['version'] !== etag) {
        fail({
          expected,
          got: `ETag ${etag}, version ${shortValue(body['version'])}`,
          hint: '`version` is the same as the ETag: the elements use either.',
        });
      }
    },
  );
  if (!ctx.writes) {
    for (const title of WRITE_CHECKS) await ctx.results.skipped('details', title, WHERE, 'writes: only with --writes');
    return;
  }
  if (ctx.missing.has('putBillingDetails')) {
    for (const title of WRITE_CHECKS) await ctx.results.skipped('details', title, WHERE, `${WHERE} is missing`);
    return;
  }

  const schema = ctx.contract.operation('putBillingDetails').requestBody?.schema as Schema;
  const original = await currentDetails(ctx).catch(() => undefined);
  if (!original?.etag) {
    for (const title of WRITE_CHECKS)
      await ctx.results.skipped('details', title, WHERE, 'GET /billing-details sent no ETag');
    return;
  }
  const originalInput = detailsInput(original.body);
  const restorable = ctx.contract.accepts(schema, originalInput);
  const base = restorable ? originalInput : (structuredClone(SAMPLE_DETAILS) as Record<string, unknown>);
  const put = (headers: Record<string, string>, body: unknown = base, role?: string) =>
    ctx.http.call('putBillingDetails', { body, headers, ...(role ? { role } : {}) });
  const unchanged = async (etag: string, what: string) => {
    const now = await currentDetails(ctx);
    if (now.etag !== etag) {
      fail({
        expected: 'nothing saved',
        got: `the details were saved ${what} (ETag ${etag} → ${now.etag})`,
        hint: 'Compare If-Match with the current ETag before saving anything.',
      });
    }
  };

  await ctx.results.check('details', WRITE_CHECKS[0] as string, WHERE, async () => {
    const { etag } = await currentDetails(ctx);
    const answer = await put({});
    expectProblem(
      answer,
      [428],
      '428 application/problem+json',
      "A save without If-Match could overwrite someone else's: refuse it with 428 Precondition Required.",
    );
    await unchanged(etag as string, 'without If-Match');
  });

  await ctx.results.check('details', WRITE_CHECKS[1] as string, WHERE, async () => {
    const now = await currentDetails(ctx);
    const answer = await put({ 'If-Match': '"conformance-stale-version"' });
    expectProblem(
      answer,
      [412],
      '412 application/problem+json with `current`',
      "Compare If-Match with the current ETag; when it differs, answer 412 and put the current details in the problem's `current`.",
    );
    const current = (answer.json as { current?: unknown }).current;
    if (current === undefined)
      fail({
        expected: '412 with `current`',
        got: '412 without `current`',
        hint: 'The contacts editor shows what someone else saved from `current`.',
      });
    if (canonicalJson(current) !== canonicalJson(now.body)) {
      fail({
        expected: '`current` equal to GET /billing-details',
        got: `current ${shortValue(current, 80)}`,
        hint: '`current` holds the details as saved now, as GET answers them.',
      });
    }
    await unchanged(now.etag as string, 'with a stale If-Match');
  });

  await ctx.results.check('details', WRITE_CHECKS[2] as string, WHERE, async () => {
    const now = await currentDetails(ctx);
    const answer = await put({ 'If-Match': `W/${now.etag}` });
    expectProblem(
      answer,
      [412],
      '412 application/problem+json',
      'If-Match uses the strong comparison (RFC 9110 §13.1.1): W/"…" never matches.',
    );
    await unchanged(now.etag as string, 'with a weak If-Match');
  });

  await ctx.results.check('details', WRITE_CHECKS[3] as string, WHERE, async () => {
    const now = await currentDetails(ctx);
    const bare = (now.etag as string).replace(/^W\//, '').replace(/^"|"$/g, '');
    if (bare === '') skip('the ETag is empty ("")');
    const answer = await put({ 'If-Match': bare });
    expectProblem(
      answer,
      [400],
      '400 application/problem+json naming If-Match',
      'An If-Match that is not * or a list of quoted tags is malformed: 400 with errors[].field "If-Match".',
    );
    if (!problemFields(answer).some((f) => f.toLowerCase() === 'if-match')) {
      fail({
        expected: '400 naming If-Match',
        got: `400 naming ${problemFields(answer).join(', ') || 'no field'}`,
        hint: 'Name the header: errors[].field "If-Match".',
      });
    }
    await unchanged(now.etag as string, 'with a malformed If-Match');
  });

  // The one change: a PO number of our own, put back at the end.
  const poNumber = `CONFORMANCE-${randomUUID().slice(0, 8)}`;
  let savedEtag: string | undefined;
  let beforeSave: string | undefined;
  await ctx.results.check('details', WRITE_CHECKS[4] as string, WHERE, async () => {
    const now = await currentDetails(ctx);
    beforeSave = now.etag as string;
    const answer = await put({ 'If-Match': now.etag as string }, { ...base, poNumber });
    expectStatus(answer, [200], '200 with the saved details and a new ETag', 'A PUT with the current ETag saves.');
    const etag = answer.headers.get('ETag');
    savedEtag = etag ?? undefined;
    ctx.writeLog.push({
      endpoint: WHERE,
      what: `poNumber set to ${poNumber}`,
      undone: false,
      how: 'not put back (see the checks)',
    });
    if (!etag || etag === now.etag) {
      fail({
        expected: 'a new ETag',
        got: etag ? `the same ETag ${etag}` : 'no ETag',
        hint: 'Every save makes a new version: answer its ETag.',
      });
    }
    if ((answer.json as { poNumber?: unknown }).poNumber !== poNumber) {
      fail({
        expected: `poNumber ${poNumber} in the answer`,
        got: shortValue((answer.json as { poNumber?: unknown }).poNumber),
      });
    }
    const read = await currentDetails(ctx);
    if (read.etag !== etag || read.body['poNumber'] !== poNumber) {
      fail({
        expected: `GET answers ETag ${etag} and poNumber ${poNumber}`,
        got: `ETag ${read.etag}, poNumber ${shortValue(read.body['poNumber'])}`,
      });
    }
  });

  await ctx.results.check('details', WRITE_CHECKS[5] as string, WHERE, async () => {
    if (!beforeSave || !savedEtag) skip('the save did not go through');
    const answer = await put({ 'If-Match': beforeSave }, { ...base, poNumber: `${poNumber}-X` });
    expectProblem(
      answer,
      [412],
      '412 application/problem+json with the saved details in `current`',
      'A save makes every older ETag stale.',
    );
    const current = (answer.json as { current?: { poNumber?: unknown } }).current;
    if (current?.poNumber !== poNumber) {
      fail({
        expected: `current.poNumber ${poNumber}`,
        got: `current ${shortValue(current, 80)}`,
        hint: '`current` holds the version saved last.',
      });
    }
  });

  await ctx.results.check('details', WRITE_CHECKS[6] as string, WHERE, async () => {
    const record = ctx.writeLog.find((w) => w.endpoint === WHERE && w.what === `poNumber set to ${poNumber}`);
    if (!record) skip('nothing was changed');
    const by = ctx.roles.find((r) => r === 'finance' && isBillingRole(r) && ctx.http.hasCredentials(r));
    if (!restorable) {
      record.how = 'cannot be put back: the details had never been saved, and the contract has no way to clear them';
      skip(record.how);
    }
    const now = await currentDetails(ctx);
    const answer = await put({ 'If-Match': now.etag as string }, originalInput, by);
    expectStatus(
      answer,
      [200],
      `200${by ? ' (as finance)' : ''}`,
      by ? 'finance may change billing, as admin may.' : undefined,
    );
    const read = await currentDetails(ctx);
    if (canonicalJson(detailsInput(read.body)) !== canonicalJson(originalInput)) {
      record.how = `put back, but GET answers ${shortValue(detailsInput(read.body), 80)}`;
      fail({
        expected: 'the details as they were',
        got: `${got(read.answer)}: ${shortValue(detailsInput(read.body), 80)}`,
      });
    }
    record.undone = true;
    record.how = `put back as they were${by ? ' by finance' : ''} (now ETag ${read.etag})`;
    return by ? 'by finance' : undefined;
  });
}
