/**
 * The conformance check (`npx billing-elements conformance`, mocks/conformance/) over real
 * sockets on 127.0.0.1: it passes against the kit's own standalone server
 * (`startMockServer`) with --writes, bare and behind a small proxy that signs requests in as
 * roles; and it fails, naming the deviation, against backends broken on purpose (proxies
 * in front of the mock that break one rule each): one ignoring If-Match, one placing a
 * second order on a replayed key, one answering data with its 403s, one whose answers
 * break the schema, one missing an endpoint. The command writes JUnit XML that parses,
 * with the right counts, and never prints credentials.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run } from '../../mocks/cli/index.js';
import { runConformance } from '../../mocks/conformance/index.js';
import type { CheckResult, ConformanceReport } from '../../mocks/conformance/index.js';
import { createNodeListener, startMockServer } from '../../mocks/server/index.js';
import type { MockServer } from '../../mocks/server/index.js';

type Handler = (request: Request) => Promise<Response>;

/** A fetch handler served on 127.0.0.1 at a free port. */
async function serve(handle: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  let origin = '';
  const server = createServer(createNodeListener(handle, { fallbackOrigin: () => origin }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/api/billing`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The role a request signs in as: `Authorization: Bearer secret-<role>`; none: no session. */
function roleOf(request: Request): string | null {
  const m = /^Bearer secret-([A-Za-z][\w.-]*)$/.exec(request.headers.get('Authorization') ?? '');
  return m ? (m[1] as string) : null;
}

const HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding'];

/**
 * A backend with authentication in front of the kit's standalone mock: each request's
 * credentials become the mock's session role, then it is forwarded over a socket. (The
 * check sends one request at a time, so one session suffices.)
 */
function behindRoles(mock: MockServer, roleFor: (request: Request) => string | null = roleOf): Handler {
  return async (request) => {
    mock.store.setSession({ role: roleFor(request) });
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.delete('authorization');
    headers.delete('host');
    const body = request.method === 'GET' ? undefined : await request.arrayBuffer();
    const answer = await fetch(`${mock.origin}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      ...(body && body.byteLength > 0 ? { body } : {}),
    });
    const out = new Headers(answer.headers);
    for (const h of HOP) out.delete(h);
    return new Response(answer.status === 204 ? null : await answer.arrayBuffer(), {
      status: answer.status,
      headers: out,
    });
  };
}

const CREDENTIALS = new Map(
  ['admin', 'finance', 'member', 'scheduler'].map((r) => [r, { Authorization: `Bearer secret-${r}` }]),
);

const failures = (report: ConformanceReport): CheckResult[] => report.results.filter((r) => r.status === 'fail');
const failed = (report: ConformanceReport, title: string | RegExp, endpoint?: string): CheckResult | undefined =>
  failures(report).find(
    (r) =>
      (typeof title === 'string' ? r.title === title : title.test(`${r.summary ?? ''} ${r.title}`)) &&
      (endpoint === undefined || r.endpoint === endpoint),
  );
const show = (report: ConformanceReport) =>
  failures(report)
    .map((r) => `${r.group}: ${r.summary ?? `${r.endpoint ?? ''} ${r.title}`} — expected ${r.expected}, got ${r.got}`)
    .join('\n');

/**
 * Deviations of the kit's own mock that this check found and that are not fixed yet. Each
 * must still occur: when one is fixed, this test fails until it is taken off the list. None
 * now (the last, a picked contact's e-mail taken unchecked, is fixed in the details rules).
 */
const KNOWN_MOCK_DEVIATIONS: readonly { title: string; endpoint?: string; got: RegExp }[] = [];

/** Fails unless the only failures are the known deviations of the mock (each still there). */
function assertConforms(report: ConformanceReport): void {
  const unexpected = failures(report).filter(
    (r) =>
      !KNOWN_MOCK_DEVIATIONS.some(
        (k) => k.title === r.title && (k.endpoint ?? r.endpoint) === r.endpoint && k.got.test(r.got ?? ''),
      ),
  );
  assert.equal(unexpected.length, 0, `unexpected failures:\n${show(report)}`);
  for (const k of KNOWN_MOCK_DEVIATIONS) {
    assert.ok(
      failures(report).some((r) => r.title === k.title && k.got.test(r.got ?? '')),
      `the mock no longer deviates (${k.title}): take it off KNOWN_MOCK_DEVIATIONS`,
    );
  }
  assert.equal(report.fatal, undefined);
}

describe('conformance check: the kit’s own standalone server passes', () => {
  let mock: MockServer;
  let licensed: MockServer;
  let front: Awaited<ReturnType<typeof serve>>;
  let licensedFront: Awaited<ReturnType<typeof serve>>;
  before(async () => {
    mock = await startMockServer({ scenario: 'injixo-advanced' });
    licensed = await startMockServer({ scenario: 'severa-prepaid' });
    front = await serve(behindRoles(mock));
    licensedFront = await serve(behindRoles(licensed));
  });
  after(async () => {
    await front.close();
    await licensedFront.close();
    await mock.close();
    await licensed.close();
  });

  it('bare (npx billing-elements mock as is, no credentials): every check passes or says why it cannot run', async () => {
    const poNumber = mock.store.world.subscription.poNumber;
    const report = await runConformance({ baseUrl: mock.url, writes: true });
    assertConforms(report);
    assert.ok(report.counts.passed >= 90, `${report.counts.passed} passed`);
    // Role checks need credentials for the other roles: skipped, with the option to give them.
    const skippedRoles = report.results.find((r) => r.group === 'access' && r.status === 'skip');
    assert.match(skippedRoles?.summary ?? '', /--role-header member=/);
    // Every write was undone (an edition change taken back, the details put back).
    const edition = report.writesMade.find((w) => w.endpoint === 'POST /subscription/changes');
    assert.equal(edition?.undone, true, JSON.stringify(report.writesMade));
    assert.ok(report.writesMade.some((w) => w.what.startsWith('poNumber set to') && w.undone));
    assert.equal(mock.store.world.subscription.poNumber, poNumber);
  });

  it('behind authentication, with admin, finance, member and a role of the host’s own: every check passes', async () => {
    const report = await runConformance({ baseUrl: front.url, roles: CREDENTIALS, writes: true });
    assertConforms(report);
    const access = report.results.filter((r) => r.group === 'access');
    assert.ok(
      access.every((r) => r.status === 'pass'),
      show(report),
    );
    for (const title of [
      'finance may read every billing endpoint',
      'member gets 403 problem documents with no billing data, on every billing read',
      'scheduler gets 403 on writes, and nothing changes',
      'without credentials: 401 problem documents',
    ]) {
      assert.ok(
        access.some((r) => r.title === title),
        title,
      );
    }
    // Finance put the details back.
    assert.equal(report.results.find((r) => r.title === 'the change is put back as it was')?.note, 'by finance');
  });

  it('a prepaid-license tenant: the license order is replayed once, and reported as not undone', async () => {
    const report = await runConformance({ baseUrl: licensedFront.url, roles: CREDENTIALS, writes: true });
    assertConforms(report);
    const idem = report.results.filter((r) => r.group === 'idempotency' && r.endpoint === 'POST /licenses/orders');
    assert.deepEqual(
      idem.map((r) => r.status),
      ['pass', 'pass', 'pass'],
    );
    const order = report.writesMade.find((w) => w.endpoint === 'POST /licenses/orders');
    assert.equal(order?.undone, false);
    assert.match(order?.how ?? '', /cannot be undone/);
    assert.equal(licensed.store.world.orders.filter((o) => o.placedOn === licensed.store.today).length >= 1, true);
  });

  it('without --writes: nothing changes on the backend', async () => {
    const before = JSON.stringify(mock.store.world);
    const report = await runConformance({ baseUrl: front.url, roles: CREDENTIALS });
    assert.equal(failures(report).length, 0, show(report));
    assert.equal(JSON.stringify(mock.store.world), before);
    assert.equal(report.writesMade.length, 0);
    assert.ok(report.results.some((r) => r.status === 'skip' && /--writes/.test(r.summary ?? '')));
  });
});

describe('conformance check: backends broken on purpose fail, naming the deviation', () => {
  let mock: MockServer;
  let licensed: MockServer;
  const fronts: Awaited<ReturnType<typeof serve>>[] = [];
  const front = async (target: MockServer, handler: (forward: Handler) => Handler) => {
    const f = await serve(handler(behindRoles(target)));
    fronts.push(f);
    return f.url;
  };
  before(async () => {
    mock = await startMockServer({ scenario: 'injixo-advanced' });
    licensed = await startMockServer({ scenario: 'severa-prepaid' });
  });
  after(async () => {
    for (const f of fronts) await f.close();
    await mock.close();
    await licensed.close();
  });

  it('one that ignores If-Match', async () => {
    const url = await front(mock, (forward) => async (request) => {
      if (request.method !== 'PUT') return forward(request);
      const headers = new Headers(request.headers);
      headers.set('If-Match', '*');
      return forward(new Request(request, { headers }));
    });
    const report = await runConformance({ baseUrl: url, roles: CREDENTIALS, writes: true, only: ['details'] });
    const noIfMatch = failed(report, 'a PUT without If-Match gets 428', 'PUT /billing-details');
    assert.ok(noIfMatch, show(report));
    assert.equal(noIfMatch.expected, '428 application/problem+json');
    assert.match(noIfMatch.got ?? '', /^200 application\/json/);
    const stale = failed(report, 'a stale If-Match gets 412 with the current details in `current`');
    assert.match(stale?.got ?? '', /^200/);
    assert.match(stale?.hint ?? '', /Compare If-Match with the current ETag/);
    assert.ok(failed(report, 'the ETag before a save is stale after it: 412 with the saved details'));
    assert.equal(
      report.results.find((r) => r.title === 'GET sends a strong ETag, the same as `version`')?.status,
      'pass',
    );
  });

  it('one that places a second order on a replayed key', async () => {
    const url = await front(licensed, (forward) => async (request) => {
      if (request.method !== 'POST' || !request.headers.has('Idempotency-Key')) return forward(request);
      const headers = new Headers(request.headers);
      headers.set('Idempotency-Key', `fresh-${randomUUID()}`);
      return forward(new Request(request, { headers }));
    });
    const report = await runConformance({ baseUrl: url, roles: CREDENTIALS, writes: true, only: ['idempotency'] });
    const second = failed(report, 'the replay places no second order', 'POST /licenses/orders');
    assert.ok(second, show(report));
    assert.equal(second.summary, 'POST /licenses/orders — the replay placed a second order');
    assert.match(second.got ?? '', /^2 new orders: /);
    const replayed = failed(
      report,
      'a replayed Idempotency-Key is answered 200 with Idempotent-Replayed: true',
      'POST /licenses/orders',
    );
    assert.match(replayed?.got ?? '', /^201 application\/json/);
    // The scheduled change: its replay is refused as a second change to the same edition.
    assert.ok(failed(report, 'the replay returns the first answer', 'POST /subscription/changes'));
  });

  it('one that returns data with a 403', async () => {
    const url = await front(mock, (forward) => async (request) => {
      const role = roleOf(request);
      const path = new URL(request.url).pathname;
      if (role === 'admin' || role === 'finance' || role === null || path.endsWith('/me')) return forward(request);
      const headers = new Headers(request.headers);
      headers.set('Authorization', 'Bearer secret-admin');
      const answer = await forward(new Request(request, { headers }));
      return new Response(await answer.arrayBuffer(), { status: 403, headers: { 'Content-Type': 'application/json' } });
    });
    const report = await runConformance({ baseUrl: url, roles: CREDENTIALS, only: ['access'] });
    const leak = failed(report, 'member gets 403 problem documents with no billing data, on every billing read');
    assert.ok(leak, show(report));
    assert.match(
      leak.got ?? '',
      /^GET \/subscription: 403 with billing data in the body \(plan, model, currency, today\); /,
    );
    assert.match(leak.hint ?? '', /Check the role before reading anything/);
    assert.ok(failed(report, 'scheduler gets 403 problem documents with no billing data, on every billing read'));
    assert.equal(report.results.find((r) => r.title === 'finance may read every billing endpoint')?.status, 'pass');
  });

  it('one whose answers break the schema', async () => {
    const url = await front(mock, (forward) => async (request) => {
      const answer = await forward(request);
      const path = new URL(request.url).pathname;
      const broken = ['/subscription', '/plans', '/invoices'].some((p) => path.endsWith(p));
      if (answer.status !== 200 || request.method !== 'GET' || !broken) return answer;
      const body = (await answer.json()) as Record<string, unknown>;
      if (path.endsWith('/subscription')) delete body['currentPeriod'];
      if (path.endsWith('/plans')) for (const p of body['items'] as { unitPrice: number }[]) p.unitPrice += 0.5;
      if (path.endsWith('/invoices')) {
        for (const i of body['items'] as { issuedOn: string }[]) i.issuedOn = i.issuedOn.replaceAll('-', '/');
      }
      return Response.json(body, { headers: answer.headers });
    });
    const report = await runConformance({
      baseUrl: url,
      roles: CREDENTIALS,
      only: ['endpoints', 'schemas', 'formats'],
    });
    const sub = failures(report).find((r) => r.group === 'schemas' && r.endpoint === 'GET /subscription');
    assert.match(
      sub?.got ?? '',
      /^\(the body\): required "currentPeriod" is missing \(GET \/subscription as admin → 200\)/,
      show(report),
    );
    const money = failed(report, 'money and counts are integers (money in minor units)');
    assert.match(money?.got ?? '', /^GET \/plans: \/items\/0\/unitPrice = \d+\.5: must be integer/);
    assert.match(money?.hint ?? '', /minor units/);
    const dates = failed(report, 'dates are calendar dates, YYYY-MM-DD');
    assert.match(dates?.got ?? '', /GET \/invoices\?limit=5: \/items\/0\/issuedOn = "\d{4}\/\d{2}\/\d{2}"/);
    assert.equal(failures(report).filter((r) => r.group === 'endpoints').length, 0, show(report));
  });

  it('one missing an endpoint', async () => {
    const url = await front(mock, (forward) => async (request) => {
      if (new URL(request.url).pathname.endsWith('/licenses/orders') && request.method === 'GET') {
        return new Response('Cannot GET /api/billing/licenses/orders', {
          status: 404,
          headers: { 'Content-Type': 'text/html' },
        });
      }
      return forward(request);
    });
    const report = await runConformance({ baseUrl: url, roles: CREDENTIALS, writes: true });
    const missing = failures(report).filter((r) => r.group === 'endpoints');
    assert.equal(missing.length, 1, show(report));
    assert.equal(
      missing[0]?.summary,
      'missing: GET /licenses/orders — <billing-subscription-overview> cannot show the order history',
    );
    assert.equal(missing[0]?.got, '404 text/html: Cannot GET /api/billing/licenses/orders');
    // What needs the orders list to see a second order says so instead of guessing.
    const skippedReplay = report.results.find((r) => r.group === 'idempotency' && r.status === 'skip');
    assert.match(skippedReplay?.summary ?? '', /GET \/licenses\/orders is missing/);
  });
});

describe('billing-elements conformance (the command)', () => {
  let mock: MockServer;
  let front: Awaited<ReturnType<typeof serve>>;
  let broken: Awaited<ReturnType<typeof serve>>;
  let dir: string;
  before(async () => {
    mock = await startMockServer({ scenario: 'injixo-classic' });
    front = await serve(behindRoles(mock));
    const forward = behindRoles(mock);
    broken = await serve(async (request) =>
      new URL(request.url).pathname.endsWith('/plans') ? new Response(null, { status: 501 }) : forward(request),
    );
    dir = mkdtempSync(join(tmpdir(), 'conformance-'));
  });
  after(async () => {
    await front.close();
    await broken.close();
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[], env: Record<string, string> = {}) => {
    let stdout = '';
    let stderr = '';
    const code = await run(['conformance', ...argv], {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      env,
    });
    return { code, stdout, stderr };
  };

  it('prints the report, writes JUnit XML that parses with the right counts and JSON; exit 1 on a deviation', async () => {
    const junit = join(dir, 'conformance.xml');
    const json = join(dir, 'conformance.json');
    const env = {
      BILLING_CONFORMANCE_ADMIN_HEADERS: 'Authorization: Bearer secret-admin',
      BILLING_CONFORMANCE_MEMBER_HEADERS: 'Authorization: Bearer secret-member\nX-Tenant: 7',
    };
    const { code, stdout } = await cli(['--base-url', broken.url, '--junit', junit, '--json', json], env);
    assert.equal(code, 1);
    assert.match(stdout, /^billing-elements conformance: http:\/\/127\.0\.0\.1:\d+\/api\/billing$/m);
    assert.match(stdout, /^ {2}roles: {4}admin \(Authorization\), member \(Authorization, X-Tenant\)$/m);
    assert.match(
      stdout,
      /^ {2}✗ missing: GET \/plans — <billing-subscription-overview> cannot show the subscription \(it loads the price list with it, and shows an error\)\n {6}expected: 200 application\/json\n {6}got: {6}501\n {6}hint: {5}Implement GET \/plans/m,
    );
    assert.match(stdout, /^ {2}✓ GET \/me — <billing-provider>$/m);
    assert.match(
      stdout,
      /^ {2}✓ member gets 403 problem documents with no billing data, on every billing read \(\d+ reads\)$/m,
    );
    assert.match(stdout, /^\d+ of \d+ checks passed, 1 failed, \d+ skipped, in .+ — 1 deviation from the contract$/m);

    const report = JSON.parse(readFileSync(json, 'utf8')) as ConformanceReport & { format: string };
    assert.equal(report.format, 'billing-elements-conformance/1');
    assert.equal(report.counts.failed, 1);

    const xml = readFileSync(junit, 'utf8');
    const counts = parseJunit(xml);
    assert.equal(counts.suites.tests, report.counts.total);
    assert.equal(counts.suites.failures, 1);
    assert.equal(counts.suites.skipped, report.counts.skipped);
    assert.equal(counts.testcases, report.counts.total);
    assert.equal(counts.failureElements, 1);
    assert.equal(counts.skippedElements, report.counts.skipped);
    assert.equal(counts.suiteSums.tests, report.counts.total);
    assert.equal(counts.suiteSums.failures, 1);
    assert.deepEqual(counts.suiteNames, [
      'endpoints',
      'access',
      'validation',
      'details',
      'idempotency',
      'users',
      'schemas',
      'formats',
    ]);
    assert.match(counts.failureMessages[0] ?? '', /^missing: GET \/plans — <billing-subscription-overview>/);

    // Credentials are sent, never shown.
    for (const text of [stdout, xml, readFileSync(json, 'utf8')]) assert.doesNotMatch(text, /secret-|X-Tenant: 7/);
  });

  it('exit 0 when every check passes; --only and --quiet narrow the output', async () => {
    const { code, stdout } = await cli([
      '--base-url',
      front.url,
      '--role-header',
      'admin=Authorization: Bearer secret-admin',
      '--role-header',
      'guest=Authorization: Bearer secret-guest',
      '--only',
      'access,users',
      '--quiet',
    ]);
    assert.equal(code, 0, stdout);
    assert.doesNotMatch(stdout, /✓|endpoints:/);
    assert.match(stdout, /^\d+ of \d+ checks passed, 0 failed, \d+ skipped, in .+ — no deviation from the contract$/m);
  });

  it('exit 2 naming a wrong option; exit 1 when nothing answers', async () => {
    for (const [argv, message] of [
      [[], /--base-url is needed/],
      [['--base-url', 'localhost:4010'], /--base-url is an http\(s\) URL/],
      [['--base-url', front.url, '--only', 'speed'], /there is no group "speed"/],
      [['--base-url', front.url, '--role-header', 'admin'], /--role-header is <role>=/],
      [['--base-url', front.url, '--role-header', 'admin=Bearer x'], /a header is 'Name: value'/],
      [['--base-url', front.url, '--month', '2026-13'], /--month is YYYY-MM/],
      [['--base-url', front.url, '--junit', join(dir, 'no', 'such', 'x.xml')], /--junit: there is no folder/],
      [['--base-url', front.url, '--writs'], /Did you mean --writes\?/],
    ] as [string[], RegExp][]) {
      const { code, stderr } = await cli(argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, message);
    }
    const closed = await serve(async () => new Response());
    const url = closed.url;
    await closed.close();
    const { code, stdout } = await cli(['--base-url', url]);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /✗ GET \/me — the backend answers\n {6}expected: 200 application\/json\n {6}got: {6}no answer: connection refused/,
    );
  });

  it('--help lists every option and group', async () => {
    const { code, stdout } = await cli(['--help']);
    assert.equal(code, 0);
    for (const word of [
      '--base-url',
      '--role-header',
      '--writes',
      '--junit',
      '--json',
      '--only',
      'BILLING_CONFORMANCE_<ROLE>_HEADERS',
      'idempotency',
      'formats',
    ]) {
      assert.ok(stdout.includes(word), word);
    }
  });
});

/** Counts in a JUnit document, read with a strict XML parser (a malformed document throws). */
function parseJunit(xml: string) {
  const sax = createRequire(import.meta.url)('sax') as {
    parser(strict: boolean): {
      onopentag: (node: { name: string; attributes: Record<string, string> }) => void;
      onerror: (e: Error) => void;
      write(text: string): { close(): void };
    };
  };
  const parser = sax.parser(true);
  const out = {
    suites: { tests: 0, failures: 0, skipped: 0 },
    suiteSums: { tests: 0, failures: 0 },
    suiteNames: [] as string[],
    testcases: 0,
    failureElements: 0,
    skippedElements: 0,
    failureMessages: [] as string[],
  };
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = ({ name, attributes: a }) => {
    if (name === 'testsuites')
      out.suites = { tests: +(a['tests'] ?? 0), failures: +(a['failures'] ?? 0), skipped: +(a['skipped'] ?? 0) };
    if (name === 'testsuite') {
      out.suiteNames.push(a['name'] ?? '');
      out.suiteSums.tests += +(a['tests'] ?? 0);
      out.suiteSums.failures += +(a['failures'] ?? 0);
    }
    if (name === 'testcase') out.testcases++;
    if (name === 'failure') {
      out.failureElements++;
      out.failureMessages.push(a['message'] ?? '');
    }
    if (name === 'skipped') out.skippedElements++;
  };
  parser.write(xml).close();
  return out;
}
