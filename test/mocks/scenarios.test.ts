/**
 * The named scenarios: each validates, is deterministic, has every due invoice issued,
 * and shows what its description promises. (Validation against mocks/world.schema.json
 * runs under Node, test/node/world-schema.test.ts: ajv is CommonJS, which the browser
 * test runner cannot load without a bundler.)
 */
import { expect } from '@open-wc/testing';
import { checkBillingDetails } from '../../mocks/engine/details.js';
import { dueInvoices, invoiceState, invoiceStatus, monthDraft, periodDraft } from '../../mocks/engine/invoices.js';
import {
  isLicensed,
  licenseSummary,
  orderHistory,
  periodAt,
  prorationDraft,
  scheduledChanges,
} from '../../mocks/engine/licenses.js';
import { taxOn } from '../../mocks/engine/money.js';
import { chargeRefusal, settleBalance } from '../../mocks/engine/payments.js';
import { trialInfo } from '../../mocks/engine/trial.js';
import type { InvoiceLine, Order, World } from '../../mocks/engine/types.js';
import { monthBilling, peopleBilling } from '../../mocks/engine/usage.js';
import { validateWorld } from '../../mocks/engine/validate.js';
import { getScenario, isScenarioName, loadScenario, scenarioNames, scenarios } from '../../mocks/scenarios/index.js';

/** Built once per name: the worlds are read, never changed, by the tests below. */
const built = new Map<string, World>();
function world(name: string): World {
  let w = built.get(name);
  if (!w) {
    w = loadScenario(name);
    built.set(name, w);
  }
  return w;
}

const SMALL = scenarioNames.filter((n) => !n.startsWith('generated-'));

describe('scenarios: the registry', () => {
  it('lists every scenario once, in order, with a title, a one-sentence description and a product', () => {
    expect([...scenarioNames]).to.deep.equal([
      'injixo-advanced',
      'injixo-classic',
      'workplace-trial',
      'workplace-advanced',
      'severa-prepaid',
      'm365-declined',
      'generated-10k',
      'generated-100k',
    ]);
    for (const s of scenarios) {
      expect(s.title, s.name).to.be.a('string').and.not.equal('');
      expect(s.description, s.name).to.match(/^[A-Z].*[.]$/);
      expect(s.description, s.name).not.to.include('\n');
      expect(['injixo', 'Workplace', 'Visma Severa', 'Microsoft 365']).to.include(s.product);
      expect(s.build).to.be.a('function');
    }
  });

  it('refuses an unknown name with the list of known ones', () => {
    expect(() => loadScenario('injixo-basic')).to.throw(
      /Unknown scenario "injixo-basic".*injixo-advanced, injixo-classic/,
    );
    expect(isScenarioName('m365-declined')).to.equal(true);
    expect(isScenarioName('nope')).to.equal(false);
    expect(getScenario('severa-prepaid').product).to.equal('Visma Severa');
  });

  it('builds a fresh world on every call (a caller may change its copy)', () => {
    const a = loadScenario('injixo-classic');
    a.people.length = 0;
    expect(loadScenario('injixo-classic').people.length).to.be.greaterThan(0);
  });
});

describe('scenarios: every small world', () => {
  for (const name of SMALL) {
    describe(name, () => {
      it('validates, has billing details, a payment method and nothing left due', () => {
        const w = world(name);
        expect(() => validateWorld(w)).not.to.throw();
        expect(w.today).to.equal('2026-11-22');
        expect(w.billingDetails, 'billing details').to.exist;
        expect(checkBillingDetails(w.billingDetails, new Set(w.people.map((p) => p.id)))).to.deep.equal([]);
        expect(w.paymentMethod, 'payment method').to.exist;
        expect(dueInvoices(w)).to.deep.equal([]);
        expect(w.people.length).to.be.within(40, 400);
      });

      it('is deterministic: built twice, deep equal', () => {
        const again = getScenario(name).build();
        expect(again).to.deep.equal(world(name));
        expect(JSON.stringify(again)).to.equal(JSON.stringify(world(name)));
      });

      it('is plain JSON (a round trip changes nothing)', () => {
        const w = world(name);
        expect(JSON.parse(JSON.stringify(w))).to.deep.equal(w);
      });

      it('holds invoices exactly as the engine computes them', () => {
        const w = world(name);
        const charged = (lines: InvoiceLine[]) => lines.filter((l) => l.kind !== 'credit');
        for (const inv of w.invoices) {
          const order = w.orders.find((o) => o.id === inv.orderId);
          const draft =
            inv.orderId !== undefined
              ? prorationDraft(w, order as Order)
              : isLicensed(w)
                ? periodDraft(w, periodAt(w, inv.periodStart))
                : monthDraft(w, inv.periodStart.slice(0, 7));
          expect(charged(inv.lines), inv.number).to.deep.equal(draft.lines);
          expect(inv.planId).to.equal(draft.planId);
          expect(inv.currency).to.equal(w.tenant.currency);
          expect(inv.tax).to.equal(taxOn(inv.subtotal, w.tenant.taxRate));
          expect(inv.total).to.equal(inv.subtotal + inv.tax);
          expect(inv.amountDue).to.equal(inv.total - inv.creditApplied);
        }
      });
    });
  }
});

describe('scenarios: what each one shows', () => {
  it('injixo-advanced: extra users this month, people in several directories, an edited join date, leavers and one deletion', () => {
    const w = world('injixo-advanced');
    const nov = monthBilling(w, '2026-11');
    expect(nov.model).to.equal('peak-daily');
    expect(nov.provisional).to.equal(true);
    expect(nov.includedUsers).to.equal(50);
    expect(nov.extraUsers).to.be.greaterThan(0);
    expect(nov.billedCount).to.equal(55);

    for (const dir of ['wfm-employees', 'account-users', 'people'] as const) {
      expect(
        w.people.some((p) => p.directories.includes(dir)),
        dir,
      ).to.equal(true);
    }
    expect(w.people.some((p) => p.directories.length === 3)).to.equal(true);
    const edited = w.people.find((p) => p.name === 'Omar Haddad');
    expect(edited?.joinDate).to.equal('2026-11-02');
    expect(edited?.billingStart).to.equal('2026-11-16');
    // The edited join date changes nothing: the peak is first reached on his billing start.
    expect(nov.peak?.on).to.equal('2026-11-16');
    expect(w.people).to.have.length(64);
    expect(w.people.filter((p) => p.deactivatedOn !== undefined)).to.have.length(10);
    expect(w.people.filter((p) => p.deletedOn !== undefined)).to.have.length(1);

    expect(w.invoices).to.have.length(12);
    const statuses = w.invoices.map((i) => invoiceStatus(w, i));
    expect(statuses.filter((s) => s === 'paid')).to.have.length(11);
    expect(statuses.at(-1)).to.equal('open');
    expect(w.invoices.at(-1)?.poNumber).to.equal('4500018372');
    expect(w.invoices[0]?.poNumber).to.equal(undefined);
  });

  it('injixo-classic: every person active in the month is billed, and an overpayment became credit', () => {
    const w = world('injixo-classic');
    const plan = w.subscription.plans.find((p) => p.id === w.subscription.planId);
    expect(plan?.model).to.equal('per-user');
    for (const inv of w.invoices) {
      const users = inv.lines.find((l) => l.kind === 'users');
      expect(users?.quantity).to.equal(monthBilling(w, inv.periodStart.slice(0, 7)).distinctActive);
    }
    expect(monthBilling(w, '2026-10').billedCount).to.equal(45);
    const credited = w.invoices.filter((i) => i.creditApplied > 0);
    expect(credited).to.have.length(1);
    expect(credited[0]?.lines.some((l) => l.kind === 'credit')).to.equal(true);
    expect(w.paymentMethod?.kind).to.equal('invoice');
    expect(w.invoices.every((i) => invoiceStatus(w, i) === 'paid')).to.equal(true);
  });

  it('workplace-trial: in its trial, first billed month December, no invoices', () => {
    const w = world('workplace-trial');
    const trial = trialInfo(w);
    expect(trial?.inTrial).to.equal(true);
    expect(trial?.startedOn).to.equal('2026-10-26');
    expect(trial?.endsOn).to.equal('2026-11-24');
    expect(trial?.firstBilledMonth).to.equal('2026-12');
    expect(w.invoices).to.deep.equal([]);
    expect(w.tenant.currency).to.equal('USD');
    const plan = w.subscription.plans.find((p) => p.id === w.subscription.planId);
    expect(plan?.model).to.equal('full-month');
    expect(plan?.requiresActivity).to.equal(true);
    expect(w.people.filter((p) => p.guest === true).length).to.be.at.least(1);
    const nov = monthBilling(w, '2026-11');
    expect(nov.beforeFirstBilledMonth).to.equal(true);
    // The "monthly active users" report figure is higher than the billable count.
    expect(nov.monthlyActiveUsers).to.be.greaterThan(nov.billedCount);
    expect(w.billingDetails?.recipients).to.have.length(1);
  });

  it('workplace-advanced: provisioned people are free until invited', () => {
    const w = world('workplace-advanced');
    const plan = w.subscription.plans.find((p) => p.id === w.subscription.planId);
    expect(plan?.model).to.equal('invited');
    const notInvited = w.people.filter((p) => p.invitedOn === undefined && p.deactivatedOn === undefined);
    const invitedOnly = w.people.filter((p) => p.invitedOn !== undefined && p.claimedOn === undefined);
    const claimed = w.people.filter((p) => p.claimedOn !== undefined);
    expect(notInvited.length).to.be.greaterThan(0);
    expect(invitedOnly.length).to.be.greaterThan(0);
    expect(claimed.length).to.be.greaterThan(0);
    const verdicts = peopleBilling(w, '2026-11');
    expect(verdicts.some((v) => v.reason === 'not-invited' && !v.billable)).to.equal(true);
    expect(verdicts.some((v) => v.reason === 'invited-and-active' && v.billable)).to.equal(true);
    expect(w.invoices).to.have.length(12);
    expect(w.invoices.every((i) => invoiceStatus(w, i) === 'paid')).to.equal(true);
  });

  it('severa-prepaid: free licenses, an addition with its proration invoice, a scheduled removal', () => {
    const w = world('severa-prepaid');
    const summary = licenseSummary(w);
    expect(summary.free).to.be.greaterThan(0);
    expect([summary.licenses, summary.free]).to.deep.equal([40, 4]);
    expect([6, 12]).to.include(summary.periodMonths);
    const scheduled = scheduledChanges(w);
    const removal = scheduled.find((o) => o.kind === 'remove-licenses');
    expect(removal?.effectiveOn).to.equal(summary.nextPeriod.start);
    expect(summary.nextPeriod.licenses).to.equal(summary.licenses - (removal?.quantity ?? 0));
    const history = orderHistory(w);
    const addition = history.find((o) => o.kind === 'add-licenses');
    expect(addition?.quantity).to.equal(3);
    expect(addition?.placedOn.slice(0, 7)).to.equal('2026-03');
    const proration = w.invoices.find((i) => i.orderId === addition?.id);
    expect(proration?.lines.map((l) => l.kind)).to.deep.equal(['proration']);
    expect(proration?.lines[0]?.amount).to.equal(addition?.amount);
    expect(w.billingDetails?.eInvoicing.enabled).to.equal(true);
  });

  it('m365-declined: a card that expired, a past-due invoice and a failed payment', () => {
    const w = world('m365-declined');
    const states = w.invoices.map((i) => ({ inv: i, state: invoiceState(w, i) }));
    const pastDue = states.filter((s) => s.state.status === 'past_due');
    const failed = states.filter((s) => s.state.status === 'payment_failed');
    expect(pastDue).to.have.length(1);
    expect(pastDue[0]?.state.declineReason).to.equal('card_expired');
    expect(failed).to.have.length(1);
    expect(w.invoices.filter((i) => invoiceStatus(w, i) === 'past_due')).to.have.length(1);
    expect(w.payments.some((p) => p.outcome === 'declined' && p.declineReason === 'card_expired')).to.equal(true);
    expect(w.subscription.licenses?.periodMonths).to.equal(1);
    // Settling fails while the card is expired, and succeeds once it is updated.
    expect(chargeRefusal(w)).to.equal('card_expired');
    expect(settleBalance(w).outcome).to.equal('failed');
    const updated: World = { ...w, paymentMethod: { kind: 'card', brand: 'visa', last4: '0005', expires: '2029-12' } };
    const settled = settleBalance(updated);
    expect(settled.outcome).to.equal('paid');
    expect(settled.payments).to.have.length(2);
  });
});

describe('scenarios: generated', () => {
  it('generated-10k: 10,000 people, a year of invoices, valid, nothing due', function () {
    this.timeout(60_000);
    const w = world('generated-10k');
    expect(w.people).to.have.length(10_000);
    expect(() => validateWorld(w)).not.to.throw();
    expect(dueInvoices(w)).to.deep.equal([]);
    expect(w.invoices).to.have.length(12);
    expect(w.billingDetails).to.exist;
    expect(w.paymentMethod).to.exist;
    expect(monthBilling(w, '2026-10').model).to.equal('peak-daily');
  });

  it('generated-100k is registered and built only on demand (not built here: too slow for the suite)', () => {
    const s = getScenario('generated-100k');
    expect(s.model).to.equal('peak-daily');
    expect(s.build).to.be.a('function');
  });
});
