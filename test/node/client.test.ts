/**
 * The typed client on its own, with a fetch that records what it is asked and answers
 * what the test says: the requests it builds (URL, query, path parameters, headers, body)
 * and how it reads answers and failures. The mock-* suites run it against the mock.
 * The `@ts-expect-error` lines are checked by `npm run typecheck`: a call the contract
 * does not allow must not compile.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BillingApiError, BillingClient, DEFAULT_DEADLINES } from '../../src/client/index.js';

function recording(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const client = new BillingClient({
    baseUrl: 'https://app.example.com/api/billing/',
    headers: { Authorization: 'Bearer t0ken' },
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...init.headers } });

const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json({ type: 'about:blank', title: 'Refused', status, ...extra }, { status, headers });

describe('client: requests', () => {
  it('joins the base URL, serialises the query (arrays comma-separated, empty values left out)', async () => {
    const { client, requests } = recording(() => json({ items: [], total: 0, balance: {} }));
    await client.listInvoices({ status: ['open', 'past_due'], offset: 20, limit: 10 });
    await client.listUsers({ month: '2026-02', billed: false, q: '' });
    assert.equal(
      requests[0]!.url,
      'https://app.example.com/api/billing/invoices?status=open%2Cpast_due&offset=20&limit=10',
    );
    assert.equal(requests[1]!.url, 'https://app.example.com/api/billing/users?month=2026-02&billed=false');
    assert.equal(requests[0]!.method, 'GET');
    assert.equal(requests[0]!.headers.get('Authorization'), 'Bearer t0ken');
    assert.equal(requests[0]!.headers.get('Accept'), 'application/json');
  });

  it('encodes path parameters', async () => {
    const { client, requests } = recording(() => json({ id: 'x' }));
    await client.getInvoice('INV/2026 01');
    assert.equal(requests[0]!.url, 'https://app.example.com/api/billing/invoices/INV%2F2026%2001');
  });

  it('sends JSON bodies, an idempotency key per action (or the one given), and If-Match', async () => {
    const { client, requests } = recording((r) =>
      r.url.endsWith('/billing-details')
        ? json({ version: 'v2' }, { headers: { ETag: '"v2"' } })
        : json({ order: {}, licenses: {} }, { status: 201 }),
    );
    await client.orderLicenses('add', 3);
    await client.orderLicenses('add', 3);
    await client.orderLicenses('remove', 1, { idempotencyKey: 'retry-me' });
    const saved = await client.putBillingDetails({ recipients: [] } as never, '"v1"');
    const [a, b, c, put] = requests;
    assert.equal(a!.method, 'POST');
    assert.equal(a!.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(await a!.json(), { kind: 'add', quantity: 3 });
    assert.match(a!.headers.get('Idempotency-Key') ?? '', /^[0-9a-f-]{32,36}$/);
    assert.notEqual(a!.headers.get('Idempotency-Key'), b!.headers.get('Idempotency-Key'));
    assert.equal(c!.headers.get('Idempotency-Key'), 'retry-me');
    assert.equal(put!.method, 'PUT');
    assert.equal(put!.headers.get('If-Match'), '"v1"');
    assert.deepEqual(saved, { details: { version: 'v2' }, etag: '"v2"' });
  });

  it('reads text and PDF answers with the file name the server suggests', async () => {
    const { client } = recording((r) =>
      r.url.includes('/pdf')
        ? new Response(new Uint8Array([37, 80, 68, 70]), {
            headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="INV-7.pdf"' },
          })
        : new Response('name,email\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    );
    assert.equal(await client.exportUsersCsv('2026-02'), 'name,email\r\n');
    const pdf = await client.getInvoicePdf('INV-7');
    assert.equal(pdf.fileName, 'INV-7.pdf');
    assert.equal(await pdf.blob.text(), '%PDF');
  });
});

describe('client: failures are BillingApiErrors', () => {
  it('a problem keeps its status, code, fields and Retry-After', async () => {
    const { client } = recording(() =>
      problem(
        422,
        { code: 'invalid-details', errors: [{ field: 'recipients[1]', code: 'email', message: 'Not an address' }] },
        { 'Retry-After': '7' },
      ),
    );
    const error: BillingApiError = await client.getLicenses().then(
      () => assert.fail('resolved'),
      (e: unknown) => e as BillingApiError,
    );
    assert.ok(error instanceof BillingApiError);
    assert.equal(error.status, 422);
    assert.equal(error.kind, 'invalid');
    assert.equal(error.code, 'invalid-details');
    assert.deepEqual(error.fieldErrors, { 'recipients[1]': 'Not an address' });
    assert.equal(error.retryAfter, 7);
  });

  it('an error without a problem body still has its kind', async () => {
    const { client } = recording(() => new Response('<h1>Bad gateway</h1>', { status: 502 }));
    await assert.rejects(client.getMe(), (e: BillingApiError) => e.kind === 'server' && e.problem === undefined);
  });

  it('a 404 of the contract (a problem with a code) is `not-found`; any other 404, a 405 or a 501 is `not-implemented`', async () => {
    const cases: [Response, string][] = [
      [problem(404, { code: 'no-subscription' }), 'not-found'],
      [new Response('<h1>Cannot GET /api/billing/licenses</h1>', { status: 404 }), 'not-implemented'],
      [json({ detail: 'Not Found' }, { status: 404 }), 'not-implemented'],
      [problem(404), 'not-implemented'],
      [new Response(null, { status: 405 }), 'not-implemented'],
      [problem(501), 'not-implemented'],
    ];
    for (const [response, kind] of cases) {
      const { client } = recording(() => response);
      await assert.rejects(client.getLicenses(), (e: BillingApiError) => {
        assert.equal(e.kind, kind, `${response.status} → ${e.kind}`);
        assert.deepEqual(e.request, { method: 'GET', url: 'https://app.example.com/api/billing/licenses' });
        return true;
      });
    }
  });

  it('no answer is `network`; a cancelled call is `aborted`', async () => {
    const { client } = recording(() => Promise.reject(new TypeError('Failed to fetch')));
    await assert.rejects(client.getMe(), (e: BillingApiError) => e.kind === 'network' && e.status === 0);
    const controller = new AbortController();
    const slow = recording(
      (r) =>
        new Promise<Response>((_, reject) =>
          r.signal.addEventListener('abort', () => reject(new DOMException('stop', 'AbortError'))),
        ),
    );
    const call = slow.client.getMe({ signal: controller.signal });
    controller.abort();
    await assert.rejects(call, (e: BillingApiError) => e.kind === 'aborted');
  });

  it('a JSON answer cut off is a network failure, not a crash', async () => {
    const { client } = recording(
      () => new Response('{"role":"adm', { headers: { 'Content-Type': 'application/json' } }),
    );
    await assert.rejects(client.getMe(), (e: BillingApiError) => e.kind === 'network');
  });
});

describe('client: deadlines', () => {
  /** A fetch that never answers (as a hanging backend), until the request is aborted. */
  const hanging = (seen: Request[] = []) =>
    new BillingClient({
      baseUrl: 'https://app.example.com/api/billing',
      deadlines: { read: 40, write: 60 },
      fetch: (request) => {
        seen.push(request);
        return new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        );
      },
    });

  const failure = (call: Promise<unknown>) =>
    call.then(
      () => assert.fail('resolved'),
      (e: unknown) => e as BillingApiError,
    );

  it('a request past its deadline is aborted and fails as a timeout, retryable', async () => {
    const seen: Request[] = [];
    const started = performance.now();
    const error = await failure(hanging(seen).getLicenses());
    assert.equal(error.kind, 'timeout');
    assert.equal(error.retryable, true);
    assert.equal(error.status, 0);
    assert.deepEqual(error.request, { method: 'GET', url: 'https://app.example.com/api/billing/licenses' });
    assert.equal(seen[0]!.signal.aborted, true);
    assert.ok(performance.now() - started < 2000);
  });

  it('writes have their own deadline, a call may set its own, and 0 waits for the caller', async () => {
    const client = hanging();
    const write = await failure(client.orderLicenses('add', 1));
    assert.equal(write.kind, 'timeout');
    assert.equal(write.message, 'No answer within 60 ms');
    const own = await failure(client.getLicenses({ deadline: 10 }));
    assert.equal(own.kind, 'timeout');
    const caller = new AbortController();
    const pending = failure(client.getLicenses({ deadline: 0, signal: caller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // past every deadline
    caller.abort();
    assert.equal((await pending).kind, 'aborted');
  });

  it('the defaults are 20 s to read, 30 s to write, 60 s for files, and options replace them by kind', () => {
    assert.deepEqual(new BillingClient({ baseUrl: '/api' }).deadlines, DEFAULT_DEADLINES);
    assert.deepEqual(DEFAULT_DEADLINES, { read: 20_000, write: 30_000, file: 60_000 });
    assert.deepEqual(new BillingClient({ baseUrl: '/api', deadlines: { file: 0 } }).deadlines, {
      read: 20_000,
      write: 30_000,
      file: 0,
    });
  });
});

describe('client: a GET in flight is shared by identical GETs', () => {
  /**
   * A fetch that records each request and answers it only when the test says (with
   * `answer`), and fails it, as a real fetch does, when the request's signal aborts.
   */
  function held(answer: (request: Request) => Response = (r) => json({ url: r.url, items: [{ id: 1 }] })) {
    const requests: Request[] = [];
    const waiting = new Map<Request, () => void>();
    const client = new BillingClient({
      baseUrl: 'https://app.example.com/api/billing',
      headers: { Authorization: 'Bearer t0ken' },
      fetch: (request) => {
        requests.push(request);
        return new Promise((resolve, reject) => {
          waiting.set(request, () => resolve(answer(request)));
          request.signal.addEventListener('abort', () => reject(request.signal.reason));
        });
      },
    });
    /** Answers the requests asked so far (of one method, or all), and lets the callers go on. */
    const release = async (method?: string) => {
      for (const [request, go] of [...waiting]) {
        if (method && request.method !== method) continue;
        waiting.delete(request);
        go();
      }
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { client, requests, release };
  }

  const settled = (calls: Promise<unknown>[]) => Promise.allSettled(calls);

  const cases: { name: string; calls: (c: BillingClient) => Promise<unknown>[]; fetches: number }[] = [
    { name: 'two identical GETs', calls: (c) => [c.getSubscription(), c.getSubscription()], fetches: 1 },
    {
      name: 'three identical GETs, each with its own signal',
      calls: (c) => [1, 2, 3].map(() => c.getSubscription({ signal: new AbortController().signal })),
      fetches: 1,
    },
    {
      name: 'GETs with the same query and language',
      calls: (c) => [c.getDailyUsage('2026-02', { lang: 'nl' }), c.getDailyUsage('2026-02', { lang: 'nl' })],
      fetches: 1,
    },
    {
      name: 'GETs with different queries',
      calls: (c) => [c.getDailyUsage('2026-01'), c.getDailyUsage('2026-02')],
      fetches: 2,
    },
    {
      name: 'GETs in different languages',
      calls: (c) => [c.getSubscription({ lang: 'en' }), c.getSubscription({ lang: 'nl' })],
      fetches: 2,
    },
    { name: 'GETs of different paths', calls: (c) => [c.getInvoice('a'), c.getInvoice('b')], fetches: 2 },
    { name: 'two POSTs', calls: (c) => [c.quoteLicenses(3), c.quoteLicenses(3)], fetches: 2 },
    {
      name: 'two POSTs with one idempotency key',
      calls: (c) => [
        c.orderLicenses('add', 1, { idempotencyKey: 'k' }),
        c.orderLicenses('add', 1, { idempotencyKey: 'k' }),
      ],
      fetches: 2,
    },
    {
      name: 'two PUTs',
      calls: (c) => [c.putBillingDetails({} as never, '"v1"'), c.putBillingDetails({} as never, '"v1"')],
      fetches: 2,
    },
  ];
  for (const { name, calls, fetches } of cases) {
    it(`${name}: ${fetches} fetch${fetches > 1 ? 'es' : ''}, every caller answered with its own copy`, async () => {
      const { client, requests, release } = held();
      const pending = settled(calls(client));
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(requests.length, fetches);
      await release();
      const results = await pending;
      assert.ok(results.every((r) => r.status === 'fulfilled'));
      const values = results.map((r) => (r as PromiseFulfilledResult<Record<string, unknown>>).value);
      if (fetches === 1) {
        for (const value of values.slice(1)) assert.deepEqual(value, values[0]);
        // A caller that changes its answer changes no one else's.
        (values[0]!['items'] as { id: number }[])[0]!.id = 99;
        for (const value of values.slice(1)) assert.deepEqual(value['items'], [{ id: 1 }]);
      }
    });
  }

  it('a GET asked after the answer sends a new request', async () => {
    const { client, requests, release } = held();
    const first = client.getSubscription();
    await release();
    await first;
    const second = client.getSubscription();
    assert.equal(requests.length, 2);
    await release();
    await second;
  });

  it('a GET asked after a write settled does not join a GET asked before it', async () => {
    const { client, requests, release } = held();
    const before = client.getLicenses();
    const write = client.orderLicenses('add', 1);
    const during = client.getLicenses(); // the write has not answered: no promise that it is seen
    assert.equal(requests.length, 2);
    await release('POST');
    await write;
    const after = client.getLicenses();
    assert.equal(requests.length, 3);
    assert.equal(requests[2]!.method, 'GET');
    await release();
    await Promise.all([before, during, after]);
  });

  it('a caller that aborts rejects alone; the request goes on for the other', async () => {
    const { client, requests, release } = held();
    const leaving = new AbortController();
    const gone = client.getSubscription({ signal: leaving.signal });
    const staying = client.getSubscription();
    leaving.abort();
    await assert.rejects(gone, (e: BillingApiError) => e instanceof BillingApiError && e.kind === 'aborted');
    assert.equal(requests.length, 1);
    assert.equal(requests[0]!.signal.aborted, false);
    // A caller that comes meanwhile joins the request still in flight.
    const late = client.getSubscription();
    assert.equal(requests.length, 1);
    await release();
    assert.deepEqual(await staying, { url: 'https://app.example.com/api/billing/subscription', items: [{ id: 1 }] });
    assert.deepEqual(await late, await staying);
  });

  it('when every caller has aborted, the request is aborted', async () => {
    const { client, requests } = held();
    const one = new AbortController();
    const two = new AbortController();
    const calls = [client.getSubscription({ signal: one.signal }), client.getSubscription({ signal: two.signal })];
    one.abort();
    assert.equal(requests[0]!.signal.aborted, false);
    two.abort();
    assert.equal(requests[0]!.signal.aborted, true);
    for (const result of await settled(calls)) {
      assert.equal(result.status, 'rejected');
      assert.equal(((result as PromiseRejectedResult).reason as BillingApiError).kind, 'aborted');
    }
    // The aborted request is not offered to the next caller.
    void client.getSubscription().catch(() => {});
    assert.equal(requests.length, 2);
  });

  it("a caller's deadline is its own: it times out alone, and a retry asks again", async () => {
    const { client, requests, release } = held();
    const patient = client.getSubscription({ deadline: 0 });
    const started = performance.now();
    await assert.rejects(client.getSubscription({ deadline: 30 }), (e: BillingApiError) => e.kind === 'timeout');
    assert.ok(performance.now() - started < 1000);
    assert.equal(requests[0]!.signal.aborted, false);
    const retry = client.getSubscription();
    assert.equal(requests.length, 2, 'the retry does not wait for the request that hung');
    await release();
    await Promise.all([patient, retry]);
  });

  const failures: { name: string; answer: () => Response | Promise<Response>; kind: string; status: number }[] = [
    { name: 'a problem (503)', answer: () => problem(503, { code: 'maintenance' }), kind: 'server', status: 503 },
    {
      name: 'a 404 of the contract',
      answer: () => problem(404, { code: 'no-subscription' }),
      kind: 'not-found',
      status: 404,
    },
    { name: 'no answer', answer: () => Promise.reject(new TypeError('Failed to fetch')), kind: 'network', status: 0 },
    {
      name: 'a body cut off',
      answer: () => new Response('{"role":"adm', { headers: { 'Content-Type': 'application/json' } }),
      kind: 'network',
      status: 200,
    },
  ];
  for (const { name, answer, kind, status } of failures) {
    it(`${name} fails every caller with its own BillingApiError (${kind})`, async () => {
      const { client, requests } = recording(answer);
      const results = await settled([client.getSubscription(), client.getSubscription()]);
      assert.equal(requests.length, 1);
      const errors = results.map((r) => (r as PromiseRejectedResult).reason as BillingApiError);
      for (const error of errors) {
        assert.ok(error instanceof BillingApiError);
        assert.equal(error.kind, kind);
        assert.equal(error.status, status);
        assert.deepEqual(error.request, { method: 'GET', url: 'https://app.example.com/api/billing/subscription' });
      }
      assert.notEqual(errors[0], errors[1]);
      assert.deepEqual(errors[0]!.problem, errors[1]!.problem);
    });
  }
});

describe('client: the contract is checked when compiling', () => {
  it('rejects calls the OpenAPI contract does not allow', () => {
    const { client } = recording(() => json({}));
    const compileOnly = (): void => {
      // @ts-expect-error: `sort` takes the contract's columns only
      void client.listUsers({ month: '2026-02', sort: 'salary' });
      // @ts-expect-error: `month` is required
      void client.listUsers({ billed: true });
      // @ts-expect-error: `status` takes the contract's statuses only
      void client.listInvoices({ status: ['lost'] });
    };
    assert.equal(typeof compileOnly, 'function');
  });
});
