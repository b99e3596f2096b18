/**
 * Invoices, balance, the upcoming invoice, PDFs, settling the balance and the payment
 * method; usage figures and the subscription overview of a user-based plan.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { invoiceState, upcomingInvoice } from '../../mocks/engine/invoices.js';
import { creditBalance, outstanding } from '../../mocks/engine/payments.js';
import { dailyCounts, monthBilling } from '../../mocks/engine/usage.js';
import { send } from '../mocks/fixtures.js';
import { BASE, failure, useMockServer, world } from './mock-setup.js';

const { store, client } = useMockServer();

describe('mock invoices (m365-declined)', () => {
  beforeEach(() => store.loadScenario('m365-declined'));

  it('lists issued invoices newest first, with statuses and the balance', async () => {
    const w = store.world;
    const page = await client.listInvoices();
    assert.equal(page.total, w.invoices.length);
    assert.deepEqual(
      page.items.map((i) => i.id),
      [...w.invoices].reverse().map((i) => i.id),
    );
    const [newest, previous] = page.items;
    assert.equal(newest?.status, 'payment_failed');
    assert.equal(newest?.declineReason, 'card_expired');
    assert.equal(previous?.status, 'past_due');
    assert.equal(page.balance.currency, w.tenant.currency);
    assert.equal(page.balance.outstanding, outstanding(w).total);
    assert.equal(page.balance.pastDue, previous?.balance);
    assert.equal(page.balance.failed, (previous?.balance ?? 0) + (newest?.balance ?? 0));
    assert.equal(page.balance.creditBalance, creditBalance(w));
  });

  it('filters by status (comma-separated) and year, and pages', async () => {
    const unpaid = await client.listInvoices({ status: ['past_due', 'payment_failed'] });
    assert.deepEqual(unpaid.items.map((i) => i.status).sort(), ['past_due', 'payment_failed']);
    const raw = await send(BASE, 'GET', '/invoices?status=paid,past_due');
    const both = (await raw.json()) as typeof unpaid;
    assert.ok(both.items.every((i) => i.status === 'paid' || i.status === 'past_due'));
    assert.equal(both.total, store.world.invoices.length - 1);
    const y2025 = await client.listInvoices({ year: 2025 });
    assert.ok(y2025.total > 0);
    assert.ok(y2025.items.every((i) => i.issuedOn.startsWith('2025-')));
    const p2 = await client.listInvoices({ offset: 2, limit: 3 });
    assert.equal(p2.items.length, 3);
    assert.equal(p2.total, store.world.invoices.length);
    assert.equal(p2.items[0]?.id, store.world.invoices.at(-3)?.id);
  });

  it('one invoice has its lines, amounts and payments; an unknown one is a 404', async () => {
    const issued = store.world.invoices.at(-2)!;
    const inv = await client.getInvoice(issued.id);
    assert.deepEqual(inv.lines, issued.lines);
    assert.equal(inv.total, issued.total);
    assert.equal(inv.subtotal + inv.tax, inv.total);
    assert.equal(inv.status, invoiceState(store.world, issued).status);
    assert.deepEqual(
      inv.payments?.map((p) => p.id),
      store.world.payments.filter((p) => p.invoiceId === issued.id).map((p) => p.id),
    );
    const e = await failure(client.getInvoice('inv-1999-0001'));
    assert.equal(e.status, 404);
    assert.equal(e.code, 'unknown-invoice');
  });

  it('the PDF comes as an attachment named by the invoice number', async () => {
    const issued = store.world.invoices.at(-1)!;
    const r = await send(BASE, 'GET', `/invoices/${issued.id}/pdf`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('Content-Type'), 'application/pdf');
    assert.equal(
      r.headers.get('Content-Disposition'),
      `attachment; filename="${issued.number}.pdf"; filename*=UTF-8''${issued.number}.pdf`,
    );
    const bytes = new Uint8Array(await r.arrayBuffer());
    assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-');
    const { blob, fileName } = await client.getInvoicePdf(issued.id);
    assert.equal(fileName, `${issued.number}.pdf`);
    assert.ok(blob.size > 500);
    assert.equal((await failure(client.getInvoicePdf('nope'))).status, 404);
  });

  it('the upcoming invoice is provisional (the next period)', async () => {
    const up = await client.getUpcomingInvoice();
    const expected = upcomingInvoice(store.world);
    assert.equal(up.status, 'upcoming');
    assert.equal(up.provisional, true);
    assert.equal(up.total, expected.total);
    assert.equal(up.periodStart, '2026-12-01');
  });

  it('the payment method says expired against the month of today', async () => {
    const pm = await client.getPaymentMethod();
    assert.equal(pm?.kind, 'card');
    assert.equal(pm?.expires, '2026-10');
    assert.equal(pm?.expired, true);
    assert.ok(!('declines' in (pm ?? {})));
  });

  it('settling fails while the card is expired, and succeeds after a test card is put on file', async () => {
    const failed = await client.settleBalance({ idempotencyKey: 'settle-first-1' });
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.reason, 'card_expired');
    assert.equal(failed.payments.length, 2);
    assert.ok(failed.payments.every((p) => p.outcome === 'declined'));
    assert.ok(failed.balance.outstanding > 0);

    const r = await send(BASE, 'POST', '/__mock/payment-method/test-swap');
    assert.equal(r.status, 200);
    const card = (await r.json()) as { brand: string; last4: string; expires: string; expired: boolean };
    assert.deepEqual(card, { kind: 'card', brand: 'visa', last4: '4242', expires: '2029-11', expired: false });
    assert.equal((await client.getPaymentMethod())?.expired, false);

    const replay = await client.settleBalance({ idempotencyKey: 'settle-first-1' });
    assert.deepEqual(replay, failed, 'a replay answers the first result');

    const paid = await client.settleBalance();
    assert.equal(paid.outcome, 'paid');
    assert.equal(paid.balance.outstanding, 0);
    assert.equal(paid.balance.pastDue, 0);
    const page = await client.listInvoices({ status: ['past_due', 'payment_failed', 'open'] });
    assert.equal(page.total, 0);
    const nothing = await client.settleBalance();
    assert.equal(nothing.outcome, 'nothing-due');
    assert.deepEqual(nothing.payments, []);
  });
});

describe('mock usage and overview (peak-daily)', () => {
  beforeEach(() => store.loadWorld(world()));

  it('daily counts of a month and the monthly figures of a year, from the engine', async () => {
    const daily = await client.getDailyUsage('2026-11');
    const e = dailyCounts(store.world, '2026-11');
    assert.equal(daily.days.length, 22);
    assert.deepEqual(daily.days, e.days);
    assert.deepEqual(daily.peak, e.peak);
    assert.equal(daily.provisional, true);
    const closed = await client.getDailyUsage('2026-02');
    assert.equal(closed.days.length, 28);
    assert.equal(closed.provisional, false);
    const year = await client.getMonthlyUsage(2026);
    assert.equal(year.year, 2026);
    assert.equal(year.months.length, 12);
    assert.deepEqual(year.months[9], monthBilling(store.world, '2026-10'));
    assert.equal(year.months[11]?.billedCount, 0);
  });

  it('the overview: plan, calendar-month periods, usage so far, upcoming total', async () => {
    const o = await client.getSubscription();
    const w = store.world;
    assert.equal(o.model, 'peak-daily');
    assert.equal(o.plan.id, w.subscription.planId);
    assert.equal(o.currency, w.tenant.currency);
    assert.equal(o.today, '2026-11-22');
    assert.deepEqual(o.currentPeriod, { start: '2026-11-01', end: '2026-11-30', months: 1 });
    assert.deepEqual(o.nextPeriod, {
      start: '2026-12-01',
      end: '2026-12-31',
      months: 1,
      planId: w.subscription.planId,
    });
    assert.deepEqual(o.usage, monthBilling(w, '2026-11'));
    assert.equal(o.licenses, undefined);
    assert.deepEqual(o.upcoming, {
      total: { amount: upcomingInvoice(w).total, currency: w.tenant.currency },
      provisional: true,
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
    });
    assert.deepEqual(o.scheduledChanges, []);
  });

  it('moving the clock issues the invoices that fall due', async () => {
    const before = store.world.invoices.length;
    const r = await send(BASE, 'PUT', '/__mock/session', { today: '2027-01-02' });
    assert.equal(r.status, 204);
    assert.equal(store.world.invoices.length, before + 2);
    const page = await client.listInvoices({ limit: 2 });
    assert.deepEqual(
      page.items.map((i) => i.periodStart),
      ['2026-12-01', '2026-11-01'],
    );
    const back = await send(BASE, 'PUT', '/__mock/session', { today: '2026-12-15' });
    assert.equal(back.status, 400);
    assert.equal(((await back.json()) as { errors: { code: string }[] }).errors[0]?.code, 'before-ledger');
    assert.equal(store.today, '2027-01-02');
  });
});

describe('mock overview of a trial (workplace-trial)', () => {
  it('shows the trial, storage and no invoices yet', async () => {
    store.loadScenario('workplace-trial');
    const o = await client.getSubscription();
    assert.equal(o.model, 'full-month');
    assert.equal(o.trial?.inTrial, true);
    assert.equal(o.trial?.firstBilledMonth, '2026-12');
    assert.equal(o.upcoming.periodStart, '2026-12-01');
    const page = await client.listInvoices();
    assert.equal(page.total, 0);
    if (o.plan.storageGb !== undefined) assert.equal(o.storage?.includedGb, o.plan.storageGb);
  });
});
