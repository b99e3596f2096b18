/**
 * The mock over HTTP (`mocks/server/`, `npx billing-elements mock`), over real sockets on
 * 127.0.0.1: the server started in process answers as the in-process mock does (the same
 * handlers through MSW's `getResponse`), streams PDFs byte for byte, speaks CORS, turns
 * faults into what a failing server does, and settles an ETag race with one 412; the CLI,
 * spawned as a child process, documents and checks its options, keeps its state across a
 * restart with --persist, logs a JSON line per request and stops cleanly on SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { getResponse } from 'msw';
import { run } from '../../mocks/cli/index.js';
import { MOCK_OPTIONS } from '../../mocks/cli/mock.js';
import { createHandlers } from '../../mocks/handlers/index.js';
import { startMockServer } from '../../mocks/server/index.js';
import type { MockServer, ServedRequest } from '../../mocks/server/index.js';
import { MockStore } from '../../mocks/store/store.js';
import { validDetails } from '../mocks/fixtures.js';
import { world } from './mock-setup.js';

const IN_PROCESS = 'http://billing.test/api/billing';
const ORIGIN = 'http://localhost:5173';

describe('mock server (in process, real sockets)', () => {
  let server: MockServer;
  const served: ServedRequest[] = [];
  /** The in-process mock over its own store of the same world: what the server must answer. */
  const reference = createHandlers(new MockStore({ world: world() }), { baseUrl: IN_PROCESS });
  const inProcess = (path: string, init?: RequestInit) =>
    getResponse(reference, new Request(`${IN_PROCESS}${path}`, init));
  const api = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

  before(async () => {
    server = await startMockServer({
      world: world(),
      cors: [ORIGIN],
      maxBodyBytes: 256 * 1024,
      onServed: (r) => served.push(r),
    });
  });
  after(() => server.close());

  it('listens on loopback at a free port, under /api/billing', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/api\/billing$/);
    assert.ok(server.port > 0);
  });

  it('answers GET /me and a users page as the in-process mock does', async () => {
    for (const path of ['/me', '/users?month=2026-01&limit=5&sort=name', '/subscription', '/invoices?limit=3']) {
      const [http, local] = await Promise.all([api(path), inProcess(path)]);
      assert.ok(local, path);
      assert.equal(http.status, local.status, path);
      assert.equal(http.headers.get('Content-Type'), local.headers.get('Content-Type'), path);
      assert.deepEqual(await http.json(), await local.json(), path);
    }
  });

  it('streams an invoice PDF byte for byte, with its Content-Type and Content-Disposition', async () => {
    const { items } = (await (await api('/invoices?limit=1')).json()) as { items: { id: string; number: string }[] };
    const invoice = items[0]!;
    const [http, local] = await Promise.all([
      api(`/invoices/${invoice.id}/pdf`),
      inProcess(`/invoices/${invoice.id}/pdf`),
    ]);
    assert.equal(http.status, 200);
    assert.equal(http.headers.get('Content-Type'), 'application/pdf');
    assert.equal(
      http.headers.get('Content-Disposition'),
      `attachment; filename="${invoice.number}.pdf"; filename*=UTF-8''${invoice.number}.pdf`,
    );
    const bytes = new Uint8Array(await http.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    assert.deepEqual(bytes, new Uint8Array(await local!.arrayBuffer()));
  });

  it('streams the CSV export with its file name', async () => {
    const http = await api('/users/export?month=2026-01');
    assert.equal(http.status, 200);
    assert.match(http.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.equal(
      http.headers.get('Content-Disposition'),
      `attachment; filename="billed-users-2026-01.csv"; filename*=UTF-8''billed-users-2026-01.csv`,
    );
    assert.equal(await http.text(), await (await inProcess('/users/export?month=2026-01'))!.text());
  });

  it('answers a CORS preflight from an allowed origin, and exposes the headers the elements read', async () => {
    const pre = await api('/billing-details', {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'if-match, content-type',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    assert.match(pre.headers.get('Access-Control-Allow-Methods') ?? '', /\bPUT\b/);
    assert.equal(pre.headers.get('Access-Control-Allow-Headers'), 'if-match, content-type');

    const get = await api('/billing-details', { headers: { Origin: ORIGIN } });
    assert.equal(get.headers.get('Access-Control-Allow-Origin'), ORIGIN);
    const exposed = (get.headers.get('Access-Control-Expose-Headers') ?? '').split(/,\s*/);
    for (const h of ['ETag', 'Idempotent-Replayed', 'Retry-After', 'Content-Disposition'])
      assert.ok(exposed.includes(h), h);
    assert.ok(get.headers.get('ETag'));

    const other = await api('/me', {
      method: 'OPTIONS',
      headers: { Origin: 'http://evil.test', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(other.status, 403);
    assert.equal(other.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(
      (await api('/me', { headers: { Origin: 'http://evil.test' } })).headers.get('Access-Control-Allow-Origin'),
      null,
    );
  });

  it('two clients saving with the same ETag: exactly one wins, the other gets 412 with the current details', async () => {
    const etag = (await api('/billing-details')).headers.get('ETag')!;
    const put = (poNumber: string) =>
      api('/billing-details', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ ...validDetails(), poNumber }),
      });
    const answers = await Promise.all([put('PO-A'), put('PO-B')]);
    const statuses = answers.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 412]);
    const winner = answers.find((r) => r.status === 200)!;
    const loser = answers.find((r) => r.status === 412)!;
    const saved = (await winner.json()) as { poNumber: string };
    const problem = (await loser.json()) as { code: string; current: { poNumber: string } };
    assert.equal(problem.current.poNumber, saved.poNumber);
    assert.equal(server.store.world.subscription.poNumber, saved.poNumber);
  });

  it('turns faults into what a failing server does: 500, 429 with Retry-After, a closed socket', async () => {
    const faults = await api('/__mock/faults', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        items: [
          { operation: 'getMe', kind: 'network-error', times: 1 },
          { operation: 'getSubscription', kind: 'rate-limit-429', retryAfter: 7, times: 1 },
          { operation: 'listInvoices', kind: 'error-500', times: 1 },
        ],
      }),
    });
    assert.equal(faults.status, 204);
    await assert.rejects(api('/me'), TypeError);
    const limited = await api('/subscription');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('Retry-After'), '7');
    assert.equal((await api('/invoices')).status, 500);
    assert.equal((await api('/me')).status, 200, 'the faults were used up');
    const closed = served.find((r) => r.path === '/api/billing/me' && r.status === 0);
    assert.equal(closed?.error, 'network-error');
  });

  it('a hanging request ends when its client gives up', async () => {
    server.store.setFaults([{ operation: 'getMe', kind: 'hang', times: 1 }]);
    await assert.rejects(api('/me', { signal: AbortSignal.timeout(200) }), /TimeoutError|aborted/i);
    assert.equal((await api('/me')).status, 200);
  });

  it('answers an unknown path with a problem, and a body over the limit with 413', async () => {
    const missing = await api('/no-such-thing');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Content-Type'), 'application/problem+json');
    assert.match(((await missing.json()) as { detail: string }).detail, /no GET \/no-such-thing/);
    const big = await api('/__mock/world', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
    });
    assert.equal(big.status, 413);
    assert.equal((await api('/me')).status, 200);
  });

  it('--latency delays the API, not the control endpoints; HEAD answers as GET without a body', async () => {
    const slow = await startMockServer({ world: world(), latencyMs: 150 });
    try {
      let t = performance.now();
      assert.equal((await fetch(`${slow.url}/me`)).status, 200);
      assert.ok(performance.now() - t >= 140, 'the API waits');
      t = performance.now();
      assert.equal((await fetch(`${slow.url}/__mock/faults`)).status, 200);
      assert.ok(performance.now() - t < 140, '/__mock does not');
      const head = await fetch(`${slow.url}/me`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    } finally {
      await slow.close();
    }
  });

  it('logs each request once: method, path with query, status, time', () => {
    const entry = served.find((r) => r.path === '/api/billing/users?month=2026-01&limit=5&sort=name');
    assert.ok(entry);
    assert.equal(entry.method, 'GET');
    assert.equal(entry.status, 200);
    assert.equal(typeof entry.ms, 'number');
  });
});

// ---------------------------------------------------------------------------------------
// The CLI as a child process

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../mocks/cli/bin.ts', import.meta.url));

interface Cli {
  child: ChildProcess;
  /** The JSON lines printed on stdout so far. */
  events: Record<string, unknown>[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the first event of that name (rejects after 10 s). */
  event(name: string): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: string | null; ms: number }>;
}

const children = new Set<ChildProcess>();

function cli(...args: string[]): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const events: Record<string, unknown>[] = [];
  let out = '';
  let all = '';
  let err = '';
  let stopAsked = 0;
  const listeners = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    all += chunk;
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const text = out.slice(0, nl);
      out = out.slice(nl + 1);
      if (text.startsWith('{')) events.push(JSON.parse(text) as Record<string, unknown>);
    }
    for (const l of listeners) l();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const originalKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    stopAsked = performance.now();
    return originalKill(signal);
  };
  const exited = new Promise<{ code: number | null; signal: string | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal, ms: stopAsked ? performance.now() - stopAsked : 0 });
    }),
  );
  const event = (name: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = events.find((e) => e['event'] === name);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no ${name} event; stderr: ${err}`));
      }, 10_000);
      listeners.add(check);
      check();
      void exited.then(() => {
        check();
        if (listeners.has(check)) {
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`exited before ${name}; stderr: ${err}`));
        }
      });
    });
  return { child, events, stdout: () => all, stderr: () => err, event, exited };
}

describe('npx billing-elements mock (a child process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'billing-mock-'));
  after(() => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('--help exits 0 and documents every option; a wrong option exits 2 and names it', async () => {
    const [help, wrong] = [cli('mock', '--help'), cli('mock', '--prot', '3')];
    const [helped, refused] = await Promise.all([help.exited, wrong.exited]);
    assert.equal(helped.code, 0);
    const text = help.stdout();
    assert.match(text, /^Usage: billing-elements mock \[options\]/);
    for (const o of MOCK_OPTIONS) {
      assert.match(text, new RegExp(`--${o.name}\\b`), `--${o.name} in the help`);
      if (o.short) assert.match(text, new RegExp(`-${o.short}, --${o.name}`));
      if (o.default) assert.ok(text.includes(`(default: ${o.default})`), `the default of --${o.name}`);
    }
    const asked = [
      'port',
      'host',
      'base-path',
      'scenario',
      'world',
      'role',
      'today',
      'latency',
      'cors',
      'persist',
      'quiet',
    ];
    for (const name of asked)
      assert.ok(
        MOCK_OPTIONS.some((o) => o.name === name),
        name,
      );
    assert.equal(refused.code, 2);
    assert.match(wrong.stderr(), /Unknown option --prot\. Did you mean --port\?/);
  });

  it('names the bad value (exit 2), before it starts anything', async () => {
    writeFileSync(join(dir, 'world.json'), JSON.stringify({ schemaVersion: 1, today: '2026-01-01', tenant: {} }));
    writeFileSync(join(dir, 'not-state.json'), '{"hello": 1}');
    const cases: [string[], RegExp][] = [
      [['mock', '--role', 'boss'], /--role is one of admin, finance, member, guest, none \(got "boss"\)/],
      [['mock', '--port', '70000'], /--port is a whole number from 0 to 65535/],
      [['mock', '--latency', 'slow'], /--latency is a whole number/],
      [['mock', '--scenario', 'nope'], /--scenario: there is no scenario "nope"; try one of injixo-advanced/],
      [['mock', '--scenario', 'severa-prepaid', '--world', 'w.json'], /--scenario or --world, not both/],
      [
        ['mock', '--world', join(dir, 'world.json')],
        /--world .*world\.json: The world has \d+ problem[\s\S]*\n {2}tenant\.id: is required/,
      ],
      [['mock', '--world', join(dir, 'missing.json')], /--world: cannot read .*missing\.json: ENOENT/],
      [['mock', '--today', '2026-02-30'], /--today is a calendar date/],
      [['mock', '--cors', 'localhost:5173'], /--cors: "localhost:5173" is not an origin/],
      [['mock', '--base-path', 'api'], /--base-path: The base path is a path such as \/api\/billing/],
      [['mock', '--persist', join(dir, 'no-folder', 's.json')], /--persist: cannot write in .*no-folder/],
      [['mock', '--persist', join(dir, 'not-state.json')], /--persist: .*not-state\.json is not a saved mock state/],
      [['mock', 'extra'], /Unexpected argument "extra"/],
      [['mock', '--quiet=yes'], /--quiet takes no value/],
      [['lunch'], /there is no command "lunch"/],
      [[], /Usage: billing-elements <command>/],
    ];
    for (const [args, says] of cases) {
      let out = '';
      let err = '';
      const io = {
        stdout: { write: (t: string) => (out += t) },
        stderr: { write: (t: string) => (err += t) },
        env: {},
      };
      assert.equal(await run(args, io), 2, `${args.join(' ')}: ${err}`);
      assert.match(err, says, args.join(' '));
      assert.equal(out, '', args.join(' '));
    }
  });

  it('conformance is a command of the same bin (its own tests: conformance.test.ts); nothing answering is exit 1', async () => {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: {} };
    assert.equal(await run(['conformance', '--base-url', 'http://127.0.0.1:1/api/billing'], io), 1);
    assert.match(out, /✗ GET \/me — the backend answers/);
  });

  it('keeps a change across a restart with --persist; SIGTERM exits 0 promptly; one JSON log line per request', async () => {
    const file = join(dir, 'state.json');
    const first = cli('mock', '--port', '0', '--persist', file);
    const { url } = (await first.event('listening')) as { url: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/billing$/);
    const etag = (await fetch(`${url}/billing-details`)).headers.get('ETag')!;
    const saved = await fetch(`${url}/billing-details`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': etag },
      body: JSON.stringify({ ...validDetails(), poNumber: 'PO-RESTART' }),
    });
    assert.equal(saved.status, 200);

    first.child.kill('SIGTERM');
    const stopped = await first.exited;
    assert.equal(stopped.code, 0);
    assert.ok(stopped.ms < 2000, `stopped in ${Math.round(stopped.ms)} ms`);
    assert.ok(first.events.some((e) => e['event'] === 'closed' && e['signal'] === 'SIGTERM'));
    const put = first.events.find((e) => e['event'] === 'request' && e['method'] === 'PUT');
    assert.ok(put);
    assert.deepEqual(Object.keys(put).sort(), ['event', 'method', 'ms', 'path', 'status', 'time']);
    assert.equal(put['path'], '/api/billing/billing-details');
    assert.equal(put['status'], 200);
    assert.ok(!Number.isNaN(Date.parse(put['time'] as string)));
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).format, 'billing-elements-mock-state');

    const second = cli('mock', '--port', '0', '--persist', file, '--quiet');
    const listening = (await second.event('listening')) as { url: string; restored: boolean };
    assert.equal(listening.restored, true);
    const details = (await (await fetch(`${listening.url}/billing-details`)).json()) as { poNumber: string };
    assert.equal(details.poNumber, 'PO-RESTART');
    second.child.kill('SIGINT');
    assert.equal((await second.exited).code, 0);
    assert.equal(second.events.filter((e) => e['event'] === 'request').length, 0, '--quiet logs no requests');
  });
});
