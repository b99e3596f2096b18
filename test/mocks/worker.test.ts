/**
 * The mock backend in Chromium, through a real service worker (setupWorker) and the typed
 * BillingClient: every endpoint, roles, validation, the ETag conflict, idempotent orders,
 * scenarios, faults and unhandled requests.
 */
import { expect } from '@open-wc/testing';
import { BillingApiError, BillingClient } from '../../src/client/index.js';
import type { BillingDetails } from '../../src/client/index.js';
import { startBrowserMock } from '../../mocks/browser.js';
import type { BrowserMock } from '../../mocks/browser.js';
import { scenarioNames } from '../../mocks/scenarios/index.js';
import type { World } from '../../mocks/engine/types.js';
import { contextOf, INVALID_DETAILS, READ_CALLS, send, smallWorld, validDetails, WRITE_CALLS } from './fixtures.js';

const BASE = '/api/billing';
const client = new BillingClient({ baseUrl: BASE });

async function failure(p: Promise<unknown>): Promise<BillingApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BillingApiError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('mock backend in the browser (service worker)', () => {
  let mock: BrowserMock;
  let licensed: World;
  let perUser: World;

  before(async () => {
    licensed = smallWorld('prepaid-licenses', 200, 4);
    perUser = smallWorld('peak-daily', 300, 7);
    mock = await startBrowserMock({ world: licensed, persistence: 'memory', quiet: true, onUnhandledFrame: 'error' });
  });
  after(() => mock.stop());
  beforeEach(() => {
    mock.store.loadWorld(licensed);
    mock.store.setSession({ role: 'admin' });
    mock.store.setFaults([]);
  });
  const ctx = () => contextOf(mock.store.world, mock.store.world.invoices[0]?.id ?? 'none');

  describe('endpoints and roles', () => {
    for (const role of ['admin', 'finance'] as const) {
      it(`${role}: every read answers`, async () => {
        mock.store.setSession({ role });
        for (const [, call] of READ_CALLS) await call(client, ctx());
        const me = await client.getMe();
        expect(me).to.include({ role, canRead: true, canWrite: true });
      });
    }

    for (const role of ['member', 'guest'] as const) {
      it(`${role}: 403 on every endpoint but GET /me`, async () => {
        mock.store.setSession({ role });
        for (const [op, call] of [...READ_CALLS, ...WRITE_CALLS]) {
          const e = await failure(call(client, ctx()));
          expect(e.status, op).to.equal(403);
          expect(e.code, op).to.equal('forbidden');
          expect(e.problem?.detail ?? '', op).to.match(/^Ask your administrator/);
        }
        expect(await client.getMe()).to.include({ role, canRead: false, canWrite: false });
      });
    }

    it('no session: 401 everywhere', async () => {
      await send(BASE, 'PUT', '/__mock/session', { role: null });
      for (const [op, call] of [['getMe', (c: BillingClient) => c.getMe()] as const, ...READ_CALLS, ...WRITE_CALLS]) {
        const e = await failure(call(client, ctx()));
        expect(e.status, op).to.equal(401);
        expect(e.kind, op).to.equal('unauthorized');
      }
    });

    it('the writes answer for admin', async () => {
      const { userId } = ctx();
      expect((await client.scheduleChange({ kind: 'change-period', periodMonths: 12 })).kind).to.equal('change-period');
      expect((await client.deactivateUser(userId)).user.status).to.equal('deactivated');
      expect((await client.reactivateUser(userId)).user.status).to.equal('active');
      expect((await client.settleBalance()).outcome).to.be.oneOf(['paid', 'failed', 'nothing-due']);
      expect((await client.orderLicenses('add', 1)).invoice?.lines[0]?.kind).to.equal('proration');
      const saved = await client.putBillingDetails(validDetails(), '"v0"');
      expect(saved.etag).to.equal('"v1"');
    });

    it('CSV and PDF downloads', async () => {
      const csv = await client.exportUsersCsv('2026-10');
      expect(csv.split('\r\n')[0]).to.match(/^Name,E-mail,Role/);
      const r = await send(BASE, 'GET', '/users/export?month=2026-10');
      expect(r.headers.get('Content-Disposition')).to.equal(
        `attachment; filename="billed-users-2026-10.csv"; filename*=UTF-8''billed-users-2026-10.csv`,
      );
      const inv = mock.store.world.invoices[0]!;
      const pdf = await client.getInvoicePdf(inv.id);
      expect(pdf.fileName).to.equal(`${inv.number}.pdf`);
      expect(pdf.blob.type).to.equal('application/pdf');
      expect(new TextDecoder().decode(await pdf.blob.slice(0, 5).arrayBuffer())).to.equal('%PDF-');
    });
  });

  describe('validation', () => {
    it('bad month and limit > 500 are a 400 naming them', async () => {
      const e = await failure(client.listUsers({ month: '2026-13', limit: 501 }));
      expect(e.status).to.equal(400);
      expect(e.kind).to.equal('invalid');
      expect(Object.keys(e.fieldErrors).sort()).to.deep.equal(['limit', 'month']);
    });

    for (const [what, input, field, code] of INVALID_DETAILS) {
      it(`details with ${what}: 422 on ${field}`, async () => {
        const r = await send(BASE, 'PUT', '/billing-details', input, { 'If-Match': '"v0"' });
        expect(r.status).to.equal(422);
        expect(r.headers.get('Content-Type')).to.equal('application/problem+json');
        const p = (await r.json()) as { errors: { field: string; code: string }[] };
        expect(p.errors.some((x) => x.field === field && x.code === code)).to.equal(true);
      });
    }

    it('licenses below the active users: 422 with field quantity, and nothing changes', async () => {
      const before = JSON.stringify(mock.store.world);
      const s = await client.getLicenses();
      const e = await failure(client.orderLicenses('remove', s.free + 1));
      expect(e.status).to.equal(422);
      expect(e.code).to.equal('below-active-users');
      expect(Object.keys(e.fieldErrors)).to.deep.equal(['quantity']);
      expect(JSON.stringify(mock.store.world)).to.equal(before);
    });

    it('a license action on a per-user plan: 409 not-licensed', async () => {
      mock.store.loadWorld(perUser);
      const e = await failure(client.quoteLicenses(1));
      expect(e.status).to.equal(409);
      expect(e.code).to.equal('not-licensed');
    });
  });

  describe('concurrency and idempotency', () => {
    it('a stale save: 412 with the current details; no If-Match: 428', async () => {
      const a = await client.getBillingDetails();
      const saved = await client.putBillingDetails(validDetails(), a.etag);
      const e = await failure(client.putBillingDetails({ ...validDetails(), poNumber: 'X' }, a.etag));
      expect(e.status).to.equal(412);
      expect(e.kind).to.equal('stale');
      expect((e.problem?.current as BillingDetails).version).to.equal(saved.etag);
      const r = await send(BASE, 'PUT', '/billing-details', validDetails());
      expect(r.status).to.equal(428);
    });

    it('a replayed license order answers the first result and orders once', async () => {
      const first = await client.orderLicenses('add', 2, { idempotencyKey: 'browser-key-1' });
      const r = await send(
        BASE,
        'POST',
        '/licenses/orders',
        { kind: 'add', quantity: 2 },
        {
          'Idempotency-Key': 'browser-key-1',
        },
      );
      expect(r.status).to.equal(200);
      expect(r.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(await r.json()).to.deep.equal(first);
      expect(mock.store.world.orders.length).to.equal(1);
      const reused = await failure(client.orderLicenses('remove', 2, { idempotencyKey: 'browser-key-1' }));
      expect(reused.code).to.equal('key-reused');
    });
  });

  describe('scenarios', () => {
    for (const name of scenarioNames) {
      it(`loads ${name}`, async () => {
        const r = await send(BASE, 'POST', `/__mock/scenario/${name}`);
        expect(r.status).to.equal(204);
        const o = await client.getSubscription();
        expect(o.today).to.equal(mock.store.world.today);
        const page = await client.listUsers({ month: o.today.slice(0, 7), limit: 20, sort: '-startDate', q: 'e' });
        expect(page.items.length).to.be.at.most(20);
        await client.listInvoices();
      });
    }
  });

  describe('faults', () => {
    it('latency delays the answer', async () => {
      mock.store.setFaults([{ operation: 'getMe', kind: 'latency', latencyMs: 150 }]);
      const t0 = performance.now();
      await client.getMe();
      expect(performance.now() - t0).to.be.at.least(120);
    });

    it('error-500 is kind "server"', async () => {
      await send(BASE, 'PUT', '/__mock/faults', { items: [{ operation: 'getSubscription', kind: 'error-500' }] });
      const e = await failure(client.getSubscription());
      expect(e.status).to.equal(500);
      expect(e.kind).to.equal('server');
    });

    it('network-error is kind "network"', async () => {
      mock.store.setFaults([{ operation: 'listPlans', kind: 'network-error', times: 1 }]);
      expect((await failure(client.listPlans())).kind).to.equal('network');
      expect((await client.listPlans()).items.length).to.be.greaterThan(0);
    });

    it('hang answers nothing until aborted: kind "aborted"', async () => {
      mock.store.setFaults([{ operation: 'getPaymentMethod', kind: 'hang' }]);
      const controller = new AbortController();
      const pending = failure(client.getPaymentMethod({ signal: controller.signal }));
      let settled = false;
      void pending.then(() => (settled = true));
      await new Promise((r) => setTimeout(r, 100));
      expect(settled).to.equal(false);
      controller.abort();
      expect((await pending).kind).to.equal('aborted');
    });

    it('rate-limit-429 is kind "rate-limited" with retryAfter', async () => {
      mock.store.setFaults([{ operation: '*', kind: 'rate-limit-429', retryAfter: 3 }]);
      const e = await failure(client.getInvoice('anything'));
      expect(e.status).to.equal(429);
      expect(e.kind).to.equal('rate-limited');
      expect(e.retryAfter).to.equal(3);
      expect((await send(BASE, 'GET', '/__mock/faults')).status).to.equal(200);
    });
  });

  describe('unhandled requests', () => {
    it('fail: the fetch errors (in the browser MSW answers a 500) and the console says why', async () => {
      const { error, warn } = console;
      const logged: string[] = [];
      console.error = console.warn = (...args: unknown[]) => logged.push(args.map(String).join(' '));
      try {
        const outcome = await fetch(`${BASE}/no-such-endpoint`).then(
          (r) => r.status,
          () => 'rejected',
        );
        expect(outcome).to.be.oneOf([500, 'rejected']);
        const e = await failure(new BillingClient({ baseUrl: '/api/elsewhere' }).getMe());
        expect(e.kind).to.be.oneOf(['server', 'network']);
      } finally {
        Object.assign(console, { error, warn });
      }
      expect(logged.join('\n')).to.match(/without a matching request handler/);
    });
  });
});
