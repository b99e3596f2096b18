import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { addDays, fromDayNumber, monthOf, toDayNumber } from '../../mocks/engine/dates.js';
import { deriveSeed, generateWorld, mulberry32, Rng } from '../../mocks/engine/generate.js';
import type { GenerateOptions } from '../../mocks/engine/generate.js';
import { QUALIFYING_ACTIVITY } from '../../mocks/engine/types.js';
import type { BillingModel, IsoDate, Person, World } from '../../mocks/engine/types.js';
import { validateWorld } from '../../mocks/engine/validate.js';

const MODELS: BillingModel[] = ['peak-daily', 'per-user', 'full-month', 'invited', 'prepaid-licenses'];

/** Active on day d: billingStart <= d < first of deactivatedOn/deletedOn. */
function activeOn(p: Person, d: IsoDate): boolean {
  return (
    p.billingStart <= d &&
    (p.deactivatedOn === undefined || d < p.deactivatedOn) &&
    (p.deletedOn === undefined || d < p.deletedOn)
  );
}

function activeCount(w: World, d: IsoDate): number {
  let n = 0;
  for (const p of w.people) if (activeOn(p, d)) n++;
  return n;
}

describe('mulberry32 and Rng', () => {
  it('is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const x = a();
      expect(x).to.equal(b());
      expect(x >= 0 && x < 1).to.equal(true);
      sum += x;
    }
    expect(sum / 10000).to.be.closeTo(0.5, 0.02);
    expect(mulberry32(1)()).not.to.equal(mulberry32(2)());
  });

  it('draws integers in range, including both ends', () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(3, 8);
      expect(Number.isInteger(x) && x >= 3 && x <= 8).to.equal(true);
      seen.add(x);
    }
    expect([...seen].sort()).to.deep.equal([3, 4, 5, 6, 7, 8]);
  });

  it('derives distinct 32-bit seeds from any finite number', () => {
    const seeds = [0, 1, -1, 2 ** 40, 0.5, Number.MAX_SAFE_INTEGER].map((s) => deriveSeed(s));
    expect(new Set(seeds).size).to.equal(seeds.length);
    for (const s of seeds) expect(s >>> 0).to.equal(s);
    expect(deriveSeed(5, 0)).not.to.equal(deriveSeed(5, 1));
    expect(() => deriveSeed(NaN)).to.throw(RangeError);
  });
});

describe('generateWorld', () => {
  it('always makes a valid world with exactly the people asked for (property)', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(...MODELS),
        fc.integer({ min: 0, max: 300 }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.integer({ min: 0, max: 36 }),
        fc.integer({ min: toDayNumber('2003-03-01'), max: toDayNumber('2040-12-31') }),
        (seed, model, people, withActivity, historyMonths, todayN) => {
          const w = generateWorld({ seed, model, people, withActivity, historyMonths, today: fromDayNumber(todayN) });
          expect(validateWorld(w)).to.equal(w);
          expect(w.people).to.have.length(people);
          expect(new Set(w.people.map((p) => p.id)).size).to.equal(people);
          expect(new Set(w.people.map((p) => p.email.toLowerCase())).size).to.equal(people);
          const plan = w.subscription.plans.find((p) => p.id === w.subscription.planId);
          expect(plan?.model).to.equal(model);
          for (const p of w.subscription.plans) expect(p.model).to.equal(model);
          expect(w.orders).to.deep.equal([]);
          expect(w.invoices).to.deep.equal([]);
          expect(w.payments).to.deep.equal([]);
          if (withActivity === false || (withActivity === undefined && model !== 'full-month')) {
            expect(w.activity).to.deep.equal([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic: same options give a deep-equal world, another seed another world', () => {
    for (const model of MODELS) {
      const options: GenerateOptions = { seed: 2026, people: 150, model, withActivity: true };
      const a = generateWorld(options);
      const b = generateWorld({ ...options });
      expect(a).to.deep.equal(b);
      expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
      expect(generateWorld({ ...options, seed: 2027 })).not.to.deep.equal(a);
    }
  });

  it('keeps the same people whether or not activity is generated', () => {
    const a = generateWorld({ seed: 9, people: 200, model: 'full-month', withActivity: true });
    const b = generateWorld({ seed: 9, people: 200, model: 'full-month', withActivity: false });
    expect(b.activity).to.deep.equal([]);
    expect(a.activity.length).to.be.greaterThan(0);
    expect({ ...a, activity: [] }).to.deep.equal(b);
  });

  it('is plain JSON (survives a JSON round trip unchanged)', () => {
    const w = generateWorld({ seed: 4, people: 120, model: 'invited' });
    expect(JSON.parse(JSON.stringify(w))).to.deep.equal(w);
  });

  it('uses the defaults: today 2026-11-22, twelve months of history', () => {
    const w = generateWorld({ seed: 1, people: 10, model: 'per-user' });
    expect(w.today).to.equal('2026-11-22');
    expect(w.subscription.startedOn).to.equal('2025-11-01');
    expect(w.schemaVersion).to.equal(1);
  });

  it('honours time zone and currency overrides', () => {
    const w = generateWorld({
      seed: 3,
      people: 10,
      model: 'prepaid-licenses',
      timeZone: 'Asia/Tokyo',
      currency: 'JPY',
    });
    expect(w.tenant.timeZone).to.equal('Asia/Tokyo');
    expect(w.tenant.currency).to.equal('JPY');
    expect(() => validateWorld(w)).not.to.throw();
  });

  it('rejects options that make no sense', () => {
    const base: GenerateOptions = { seed: 1, people: 10, model: 'per-user' };
    expect(() => generateWorld({ ...base, people: -1 })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, people: 2.5 })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, seed: NaN })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, model: 'per-seat' as BillingModel })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, today: '2026-02-30' })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, historyMonths: -1 })).to.throw(RangeError);
    // Worlds hold dates from 2000-01-01 (a trial in the month before the first month).
    expect(() => generateWorld({ ...base, today: '2001-06-15', historyMonths: 24 })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, today: '2101-01-01' })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, timeZone: 'Mars/Olympus' })).to.throw(RangeError);
    expect(() => generateWorld({ ...base, currency: 'XYZ' })).to.throw(RangeError);
  });

  describe('realism (2,000 people per model)', () => {
    const worlds = new Map<BillingModel, World>();
    const world = (model: BillingModel): World => {
      let w = worlds.get(model);
      if (!w) {
        w = generateWorld({ seed: 77, people: 2000, model, withActivity: true });
        worlds.set(model, w);
      }
      return w;
    };

    it('has a company, plausible names and e-mails on the company domain', () => {
      for (const model of MODELS) {
        const w = world(model);
        expect(w.tenant.name).to.match(/^[A-Z][\w ]+ (B\.V\.|GmbH|NV|Inc\.|Ltd|Oy|AB|AS)$/);
        const domain = w.people[0]?.email.split('@')[1];
        for (const p of w.people) {
          expect(p.name).to.match(/^\S+ .+$/);
          expect(p.email.split('@')[1]).to.equal(domain);
        }
      }
    });

    it('gives mostly members, a few admins and finance users, and 1–3 directories', () => {
      for (const model of MODELS) {
        const w = world(model);
        const roles = new Map<string, number>();
        for (const p of w.people) roles.set(p.role, (roles.get(p.role) ?? 0) + 1);
        expect(roles.get('member') ?? 0).to.be.greaterThan(1800);
        expect(roles.get('admin') ?? 0).to.be.within(1, 60);
        expect(roles.get('finance') ?? 0).to.be.within(1, 40);
        const sizes = w.people.map((p) => p.directories.length);
        expect(Math.min(...sizes)).to.be.at.least(1);
        expect(Math.max(...sizes)).to.be.at.most(3);
        expect(sizes.filter((s) => s >= 2).length).to.be.greaterThan(600);
        // the account owner and a finance user are active today
        expect(activeOn(w.people[0] as Person, w.today)).to.equal(true);
        expect(w.people.some((p) => p.role === 'finance' && activeOn(p, w.today))).to.equal(true);
      }
    });

    it('has most people from before the history, steady hiring, ~1–2 % monthly churn and a few deletions', () => {
      for (const model of MODELS) {
        const w = world(model);
        const start = w.subscription.startedOn;
        const before = w.people.filter((p) => p.billingStart < start).length;
        expect(before).to.be.within(1300, 1800);
        const hiresByMonth = new Set(
          w.people.filter((p) => p.billingStart >= start).map((p) => monthOf(p.billingStart)),
        );
        expect(hiresByMonth.size).to.be.at.least(12);
        const deactivated = w.people.filter((p) => p.deactivatedOn !== undefined).length;
        // 13 months at 1–2 % per month of ~2,000 people
        expect(deactivated).to.be.within(200, 600);
        expect(w.people.filter((p) => p.deletedOn !== undefined).length).to.be.within(5, 200);
        expect(w.people.filter((p) => p.joinDate !== undefined).length).to.be.within(20, 120);
        for (const p of w.people) if (p.joinDate !== undefined) expect(p.joinDate).not.to.equal(p.billingStart);
        expect(w.people.some((p) => p.deactivatedOn?.endsWith('-01'))).to.equal(true);
      }
    });

    it('has guests (~3 %) only in full-month worlds', () => {
      for (const model of MODELS) {
        const guests = world(model).people.filter((p) => p.guest);
        if (model === 'full-month') {
          expect(guests.length).to.be.within(30, 100);
          for (const g of guests) expect(g.role).to.equal('guest');
        } else expect(guests).to.have.length(0);
      }
    });

    it('invites most people but not all in invited worlds; claimed after invited', () => {
      for (const model of MODELS) {
        const people = world(model).people;
        const invited = people.filter((p) => p.invitedOn !== undefined);
        if (model !== 'invited') {
          expect(invited).to.have.length(0);
          continue;
        }
        expect(invited.length).to.be.within(1400, 1900);
        const claimed = people.filter((p) => p.claimedOn !== undefined);
        expect(claimed.length).to.be.within(900, invited.length);
        for (const p of claimed) expect(p.claimedOn! >= p.invitedOn!).to.equal(true);
      }
    });

    it('holds enough licenses for every day of the history, with some free', () => {
      const w = world('prepaid-licenses');
      const terms = w.subscription.licenses!;
      expect([1, 6, 12]).to.include(terms.periodMonths);
      let peak = 0;
      for (let d = w.subscription.startedOn; d <= w.today; d = addDays(d, 7)) peak = Math.max(peak, activeCount(w, d));
      expect(terms.initialCount).to.be.at.least(peak);
      expect(terms.initialCount).to.be.at.least(activeCount(w, w.subscription.startedOn));
      expect(terms.initialCount - activeCount(w, w.today)).to.be.greaterThan(0);
      for (const model of MODELS) {
        if (model !== 'prepaid-licenses') expect(world(model).subscription.licenses).to.equal(undefined);
      }
    });

    it('has plan catalogues of two or three editions with sane prices', () => {
      for (const model of MODELS) {
        const w = world(model);
        expect(w.subscription.plans.length).to.be.within(2, 3);
        for (const p of w.subscription.plans) {
          expect(p.unitPrice).to.be.greaterThan(0);
          if (model === 'peak-daily') {
            expect(p.includedUsers).to.be.greaterThan(0);
            expect(p.baseFee).to.be.greaterThan(0);
          }
        }
        expect([14, 30]).to.include(w.tenant.paymentTermDays);
        expect(w.paymentMethod?.kind).to.equal('card');
        expect(w.paymentMethod!.expires! > monthOf(w.today)).to.equal(true);
      }
    });

    it('makes activity only on active days, in date order, with notification views and idle months', () => {
      const w = world('full-month');
      const byId = new Map(w.people.map((p) => [p.id, p]));
      let views = 0;
      let last = '';
      const qualifyingMonths = new Set<string>();
      const anyMonths = new Set<string>();
      for (const e of w.activity) {
        const p = byId.get(e.personId)!;
        expect(activeOn(p, e.on), `${e.personId} on ${e.on}`).to.equal(true);
        expect(e.on >= w.subscription.startedOn && e.on <= w.today).to.equal(true);
        expect(e.on >= last).to.equal(true);
        last = e.on;
        const key = `${e.personId} ${monthOf(e.on)}`;
        anyMonths.add(key);
        if (QUALIFYING_ACTIVITY.has(e.kind)) qualifyingMonths.add(key);
        else views++;
      }
      expect(views / w.activity.length).to.be.within(0.05, 0.4);
      // Some person-months have only notification views.
      expect([...anyMonths].filter((k) => !qualifyingMonths.has(k)).length).to.be.greaterThan(50);
      // A handful of events per active person-month in small worlds.
      const personMonths = anyMonths.size;
      expect(w.activity.length / personMonths).to.be.within(2, 6);
    });
  });

  it('keeps large worlds lean: about two events per person-month', () => {
    const w = generateWorld({ seed: 5, people: 3000, model: 'full-month' });
    const personMonths = new Set(w.activity.map((e) => `${e.personId} ${e.on.slice(0, 7)}`)).size;
    expect(w.activity.length / personMonths).to.be.within(1.3, 2.5);
  });

  it('generates and validates a 10,000-person world', function () {
    this.timeout(60000);
    for (const model of ['full-month', 'prepaid-licenses'] as const) {
      const w = generateWorld({ seed: 10_000, people: 10_000, model });
      expect(w.people).to.have.length(10_000);
      expect(validateWorld(w)).to.equal(w);
      expect(new Set(w.people.map((p) => p.email)).size).to.equal(10_000);
    }
  });
});
