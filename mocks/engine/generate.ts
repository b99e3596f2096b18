/**
 * A seeded generator of realistic tenant worlds, for demos, property tests and benchmarks.
 *
 * Pure and deterministic: the same options give a deep-equal world, on every run and
 * every engine. Randomness comes from {@link mulberry32} streams derived from the seed
 * (one for the tenant and people, one for activity), so switching activity on or off
 * does not change who the people are.
 *
 * The world passes `validateWorld` for every model and seed. Invoices, payments and orders
 * are left empty: other engine modules derive them from the world.
 */
import { addMonths, daysInMonth, fromDayNumber, isIsoDate, isTimeZone, monthOf, toDayNumber } from './dates.js';
import { isCurrency } from './money.js';
import { LIMITS } from './limits.js';
import type {
  ActivityEvent,
  ActivityKind,
  BillingModel,
  DirectoryName,
  IsoDate,
  LicenseTerms,
  PaymentMethod,
  Person,
  Plan,
  Role,
  Subscription,
  Tenant,
  World,
} from './types.js';

/** What {@link generateWorld} makes. */
export interface GenerateOptions {
  /** Any finite number; the same seed gives the same world. */
  seed: number;
  /** Exact number of persons (deactivated and deleted ones included). */
  people: number;
  /** The billing model of the subscription's plan and of its whole catalogue. */
  model: BillingModel;
  /** "Today" of the world. Default `2026-11-22`. */
  today?: IsoDate;
  /** Months of history before today's month; the subscription starts on the 1st of the first. Default 12. */
  historyMonths?: number;
  /** IANA time zone; default per model (the tenant's country). */
  timeZone?: string;
  /** ISO 4217 currency; default per model (Workplace bills in USD). */
  currency?: string;
  /** Generate activity events. Default: true for `full-month` (B3 needs them), false otherwise. */
  withActivity?: boolean;
}

export const DEFAULT_TODAY: IsoDate = '2026-11-22';
export const DEFAULT_HISTORY_MONTHS = 12;

// ---------------------------------------------------------------------------------------
// Randomness.
// ---------------------------------------------------------------------------------------

/**
 * mulberry32: a small, fast 32-bit PRNG. Returns a function giving floats in [0, 1).
 * Good enough for fixtures (not for anything secret); identical on every JS engine.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Folds any finite number into a 32-bit seed, mixing in a stream number (splitmix-style). */
export function deriveSeed(seed: number, stream = 0): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const lo = whole >>> 0;
  const hi = Math.floor(whole / 4294967296) >>> 0;
  const frac = Math.floor((seed - whole) * 4294967296) >>> 0;
  let h = lo ^ Math.imul(hi, 0x9e3779b1) ^ Math.imul(frac, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A seeded random source with the few draws the generator needs. */
export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in `lo..hi`, both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** One element by weight: `[[value, weight], …]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------
// Names.
// ---------------------------------------------------------------------------------------

// prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Sanne', 'Eva', 'Lotte', 'Fleur', 'Iris', 'Noor', 'Julia', 'Sophie', 'Emma',
  'Lieke', 'Femke', 'Anouk', 'Mila', 'Sara', 'Laura', 'Hanna', 'Lena', 'Marie', 'Katrin',
  'Aino', 'Helmi', 'Sofia', 'Emilia', 'Linnea', 'Elina', 'Ingrid', 'Astrid', 'Freya', 'Maja',
  'Olivia', 'Grace', 'Chloe', 'Amelia', 'Isabel', 'Lucía', 'Chiara', 'Zoë', 'Amira', 'Priya',
  'Daan', 'Sem', 'Lucas', 'Milan', 'Thijs', 'Jesse', 'Bram', 'Ruben', 'Niels', 'Joris',
  'Lukas', 'Jonas', 'Felix', 'Moritz', 'Tobias', 'Matthias', 'Stefan', 'Jan', 'Pieter', 'Willem',
  'Mikko', 'Juho', 'Eero', 'Ville', 'Antti', 'Lars', 'Erik', 'Anders', 'Nils', 'Oskar',
  'James', 'Oliver', 'Thomas', 'Daniel', 'Samuel', 'Marco', 'Mateo', 'Omar', 'Arjun', 'Kenji',
] as const;

// prettier-ignore
const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Wagner',
  'Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Hansen', 'Olsen', 'Berg', 'Lindqvist',
  'Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', "O'Brien", 'Walsh', 'Murphy', 'Evans', 'Clarke',
  'García', 'Rossi', 'Dubois', 'Novak', 'Kowalski', 'Horváth', 'Silva', 'Yılmaz', 'Haddad', 'Patel',
  'Sharma', 'Nguyen', 'Tanaka', 'Kim', 'Okafor', 'Mensah', 'Costa', 'Ferreira', 'Lambert', 'Moreau',
] as const;

// prettier-ignore
const COMPANY_WORDS = [
  'Noordwind', 'Blue Harbor', 'Polaris', 'Vantage', 'Kestrel', 'Aurora', 'Meridian', 'Lumen', 'Sterling',
  'Brightwater', 'Evergreen', 'Northstar', 'Riverside', 'Summit', 'Tidewater', 'Copperfield', 'Halcyon',
  'Ironwood', 'Juniper', 'Oakridge', 'Zuiderlicht', 'Kaleva', 'Fjordline', 'Waterkant',
] as const;

// prettier-ignore
const COMPANY_SECTORS = [
  'Logistics', 'Contact Centers', 'Insurance', 'Retail', 'Energy', 'Healthcare', 'Telecom', 'Travel',
  'Utilities', 'Banking', 'Facilities', 'Consulting',
] as const;

/** `"Mäkinen"` → `"makinen"`, `"van den Berg"` → `"vandenberg"`, `"O'Brien"` → `"obrien"`. */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIRST_SLUGS = FIRST_NAMES.map(slug);
const LAST_SLUGS = LAST_NAMES.map(slug);

// ---------------------------------------------------------------------------------------
// Per-model profiles: the product, its editions and the tenant's country.
// ---------------------------------------------------------------------------------------

interface Country {
  timeZone: string;
  locale: string;
  currency: string;
  taxRate: number;
  legal: string;
  /** Prices are given in EUR/USD cents; other currencies scale them. */
  priceFactor: number;
  vat?: (rng: Rng) => string;
}

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};

const NL: Country = {
  timeZone: 'Europe/Amsterdam',
  locale: 'nl-NL',
  currency: 'EUR',
  taxRate: 2100,
  legal: 'B.V.',
  priceFactor: 1,
  vat: (rng) => `NL${digits(rng, 9)}B01`,
};
const DE: Country = {
  timeZone: 'Europe/Berlin',
  locale: 'de-DE',
  currency: 'EUR',
  taxRate: 1900,
  legal: 'GmbH',
  priceFactor: 1,
  vat: (rng) => `DE${digits(rng, 9)}`,
};
const BE: Country = {
  timeZone: 'Europe/Brussels',
  locale: 'nl-BE',
  currency: 'EUR',
  taxRate: 2100,
  legal: 'NV',
  priceFactor: 1,
  vat: (rng) => `BE0${digits(rng, 9)}`,
};
const US: Country = {
  timeZone: 'America/New_York',
  locale: 'en-US',
  currency: 'USD',
  taxRate: 0,
  legal: 'Inc.',
  priceFactor: 1,
};
const GB_USD: Country = {
  timeZone: 'Europe/London',
  locale: 'en-GB',
  currency: 'USD',
  taxRate: 2000,
  legal: 'Ltd',
  priceFactor: 1,
  vat: (rng) => `GB${digits(rng, 9)}`,
};
const NL_USD: Country = { ...NL, currency: 'USD' };
const FI: Country = {
  timeZone: 'Europe/Helsinki',
  locale: 'fi-FI',
  currency: 'EUR',
  taxRate: 2550,
  legal: 'Oy',
  priceFactor: 1,
  vat: (rng) => `FI${digits(rng, 8)}`,
};
const SE: Country = {
  timeZone: 'Europe/Stockholm',
  locale: 'sv-SE',
  currency: 'SEK',
  taxRate: 2500,
  legal: 'AB',
  priceFactor: 11,
  vat: (rng) => `SE${digits(rng, 10)}01`,
};
const NO: Country = {
  timeZone: 'Europe/Oslo',
  locale: 'nb-NO',
  currency: 'NOK',
  taxRate: 2500,
  legal: 'AS',
  priceFactor: 11,
  vat: (rng) => `NO${digits(rng, 9)}MVA`,
};

interface Profile {
  countries: readonly (readonly [Country, number])[];
  plans: (rng: Rng, factor: number) => Plan[];
  /** Which plan the subscription starts on, by company size. */
  startPlan: (rng: Rng, people: number, plans: Plan[]) => string;
  /** Directory sets and their weights. */
  directories: readonly (readonly [DirectoryName[], number])[];
  /** Directories of admins and finance users (they work in the admin side). */
  staffDirectories: DirectoryName[];
}

const price = (cents: number, factor: number): number => Math.round(cents * factor);

const INJIXO_DIRECTORIES: Profile['directories'] = [
  [['wfm-employees'], 20],
  [['people'], 8],
  [['account-users'], 2],
  [['wfm-employees', 'people'], 40],
  [['wfm-employees', 'account-users'], 5],
  [['wfm-employees', 'account-users', 'people'], 25],
];
const WORKPLACE_DIRECTORIES: Profile['directories'] = [
  [['workplace'], 55],
  [['workplace', 'people'], 30],
  [['workplace', 'account-users'], 5],
  [['workplace', 'account-users', 'people'], 10],
];
const SEVERA_DIRECTORIES: Profile['directories'] = [
  [['severa'], 30],
  [['severa', 'm365'], 40],
  [['severa', 'people'], 10],
  [['severa', 'people', 'm365'], 20],
];

/** Picks an edition by size (bigger companies, bigger editions), sometimes one up. */
function bySize(thresholds: readonly number[]): Profile['startPlan'] {
  return (rng, people, plans) => {
    let i = 0;
    while (i < thresholds.length && people >= (thresholds[i] as number)) i++;
    if (i < plans.length - 1 && rng.chance(0.25)) i++;
    return (plans[Math.min(i, plans.length - 1)] as Plan).id;
  };
}

const PROFILES: Record<BillingModel, Profile> = {
  'peak-daily': {
    countries: [
      [NL, 5],
      [DE, 3],
      [BE, 2],
    ],
    plans: (_rng, f) => [
      {
        id: 'injixo-essential',
        name: 'injixo Essential',
        model: 'peak-daily',
        baseFee: price(49_900, f),
        includedUsers: 25,
        unitPrice: price(1_900, f),
      },
      {
        id: 'injixo-advanced',
        name: 'injixo Advanced',
        model: 'peak-daily',
        baseFee: price(99_900, f),
        includedUsers: 50,
        unitPrice: price(2_900, f),
      },
      {
        id: 'injixo-enterprise',
        name: 'injixo Enterprise',
        model: 'peak-daily',
        baseFee: price(249_900, f),
        includedUsers: 150,
        unitPrice: price(3_900, f),
      },
    ],
    startPlan: bySize([40, 200]),
    directories: INJIXO_DIRECTORIES,
    staffDirectories: ['account-users', 'people'],
  },
  'per-user': {
    countries: [
      [NL, 5],
      [DE, 3],
      [BE, 2],
    ],
    plans: (_rng, f) => [
      { id: 'injixo-classic', name: 'injixo Classic', model: 'per-user', unitPrice: price(2_400, f) },
      { id: 'injixo-classic-plus', name: 'injixo Classic Plus', model: 'per-user', unitPrice: price(3_400, f) },
    ],
    startPlan: bySize([150]),
    directories: INJIXO_DIRECTORIES,
    staffDirectories: ['account-users', 'people'],
  },
  'full-month': {
    countries: [
      [US, 4],
      [GB_USD, 3],
      [NL_USD, 3],
    ],
    plans: (rng, f) => {
      const requiresActivity = rng.chance(0.6);
      return [
        {
          id: 'workplace-core',
          name: 'Workplace Core',
          model: 'full-month',
          unitPrice: price(400, f),
          requiresActivity,
          storageGb: 5_120,
        },
        {
          id: 'workplace-core-enhanced-admin',
          name: 'Workplace Core + Enhanced Admin',
          model: 'full-month',
          unitPrice: price(600, f),
          requiresActivity,
          storageGb: 10_240,
        },
        {
          id: 'workplace-core-enterprise-live',
          name: 'Workplace Core + Enterprise Live',
          model: 'full-month',
          unitPrice: price(800, f),
          requiresActivity,
          storageGb: 20_480,
        },
      ];
    },
    startPlan: bySize([500, 5_000]),
    directories: WORKPLACE_DIRECTORIES,
    staffDirectories: ['workplace', 'account-users'],
  },
  invited: {
    countries: [
      [US, 4],
      [GB_USD, 3],
      [NL_USD, 3],
    ],
    plans: (_rng, f) => [
      {
        id: 'workplace-advanced',
        name: 'Workplace Advanced',
        model: 'invited',
        unitPrice: price(600, f),
        storageGb: 10_240,
      },
      {
        id: 'workplace-enterprise',
        name: 'Workplace Enterprise',
        model: 'invited',
        unitPrice: price(800, f),
        storageGb: 20_480,
      },
    ],
    startPlan: bySize([1_000]),
    directories: WORKPLACE_DIRECTORIES,
    staffDirectories: ['workplace', 'account-users'],
  },
  'prepaid-licenses': {
    countries: [
      [FI, 6],
      [SE, 2],
      [NO, 2],
    ],
    plans: (_rng, f) => [
      {
        id: 'severa-essentials',
        name: 'Visma Severa Essentials',
        model: 'prepaid-licenses',
        unitPrice: price(1_200, f),
      },
      {
        id: 'severa-professional',
        name: 'Visma Severa Professional',
        model: 'prepaid-licenses',
        unitPrice: price(2_000, f),
      },
      {
        id: 'severa-enterprise',
        name: 'Visma Severa Enterprise',
        model: 'prepaid-licenses',
        unitPrice: price(3_500, f),
      },
    ],
    startPlan: bySize([20, 250]),
    directories: SEVERA_DIRECTORIES,
    staffDirectories: ['severa', 'm365'],
  },
};

const DIRECTORY_ORDER: readonly DirectoryName[] = [
  'wfm-employees',
  'workplace',
  'severa',
  'account-users',
  'people',
  'm365',
];

function mergeDirectories(a: readonly DirectoryName[], b: readonly DirectoryName[]): DirectoryName[] {
  return DIRECTORY_ORDER.filter((d) => a.includes(d) || b.includes(d));
}

const QUALIFYING_KINDS: readonly (readonly [ActivityKind, number])[] = [
  ['login', 35],
  ['web-visit', 25],
  ['mobile-visit', 25],
  ['chat', 15],
];
const STAFF_KINDS: readonly (readonly [ActivityKind, number])[] = [...QUALIFYING_KINDS, ['admin-panel', 30]];

// ---------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------

function checkOptions(o: GenerateOptions): void {
  if (!Number.isFinite(o.seed)) throw new RangeError(`seed must be a finite number, got ${o.seed}`);
  if (!Number.isSafeInteger(o.people) || o.people < 0) {
    throw new RangeError(`people must be a non-negative integer, got ${o.people}`);
  }
  if (!(o.model in PROFILES)) throw new RangeError(`unknown billing model ${JSON.stringify(o.model)}`);
  if (o.today !== undefined && !isIsoDate(o.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${o.today}`);
  const h = o.historyMonths;
  if (h !== undefined && (!Number.isSafeInteger(h) || h < 0 || h > 1200)) {
    throw new RangeError(`historyMonths must be an integer 0..1200, got ${h}`);
  }
  if (o.timeZone !== undefined && !isTimeZone(o.timeZone)) throw new RangeError(`unknown time zone ${o.timeZone}`);
  if (o.currency !== undefined && !isCurrency(o.currency)) throw new RangeError(`unknown currency ${o.currency}`);
  // Within the dates a world may hold (LIMITS): a trial of up to 30 days ends in the
  // month before the first billed month, so that month starts two months after them.
  const today = o.today ?? DEFAULT_TODAY;
  if (today < LIMITS.firstDate || today > LIMITS.lastToday) {
    throw new RangeError(`today must be from ${LIMITS.firstDate} through ${LIMITS.lastToday}, got ${today}`);
  }
  const first = addMonths(monthOf(today), -(h ?? DEFAULT_HISTORY_MONTHS));
  const earliest = addMonths(LIMITS.firstDate.slice(0, 7), 2);
  if (first < earliest) {
    throw new RangeError(
      `the history must start in ${earliest} or later (dates begin ${LIMITS.firstDate}), got ${first}`,
    );
  }
}

/** The first day a world may hold (people who joined long before start then). */
const FIRST_DAY = toDayNumber(LIMITS.firstDate);

/** Internal per-person facts the activity pass needs (day numbers, exclusive end). */
interface Span {
  from: number;
  /** First day not active (deactivation or deletion), or +Infinity. */
  end: number;
  staff: boolean;
}

/**
 * A realistic, deterministic tenant world (see the module comment). Throws a
 * `RangeError` for options that make no sense (negative people, unknown zone…).
 */
export function generateWorld(options: GenerateOptions): World {
  checkOptions(options);
  const { model } = options;
  const today = options.today ?? DEFAULT_TODAY;
  const historyMonths = options.historyMonths ?? DEFAULT_HISTORY_MONTHS;
  const withActivity = options.withActivity ?? model === 'full-month';
  const profile = PROFILES[model];
  const rng = new Rng(deriveSeed(options.seed, 0));

  // --- tenant ------------------------------------------------------------------------
  const country = rng.weighted(profile.countries);
  const currency = options.currency ?? country.currency;
  const word = rng.pick(COMPANY_WORDS);
  const sector = rng.pick(COMPANY_SECTORS);
  const domain = `${slug(word)}-${slug(sector)}.example`;
  const tenant: Tenant = {
    id: `tenant-${deriveSeed(options.seed, 7).toString(16).padStart(8, '0')}`,
    name: `${word} ${sector} ${country.legal}`,
    ...(country.vat ? { vatNumber: country.vat(rng) } : {}),
    timeZone: options.timeZone ?? country.timeZone,
    currency,
    paymentTermDays: rng.pick([14, 30] as const),
    taxRate: country.taxRate,
    locale: country.locale,
  };

  // --- calendar ----------------------------------------------------------------------
  const todayN = toDayNumber(today);
  const firstMonth = addMonths(monthOf(today), -historyMonths);
  const startedOn = `${firstMonth}-01`;
  const startN = toDayNumber(startedOn);
  const dateCache = new Map<number, IsoDate>();
  const dateOf = (n: number): IsoDate => {
    let d = dateCache.get(n);
    if (d === undefined) {
      d = fromDayNumber(n);
      dateCache.set(n, d);
    }
    return d;
  };
  /** The 1st of the month of day number `n`. */
  const firstOfMonth = (n: number): number => n - (Number(dateOf(n).slice(8, 10)) - 1);

  // --- plans -------------------------------------------------------------------------
  const factor = options.currency !== undefined && options.currency !== country.currency ? 1 : country.priceFactor;
  const plans = profile.plans(rng, factor);
  const planId = profile.startPlan(rng, options.people, plans);

  // --- people ------------------------------------------------------------------------
  const n = options.people;
  // Join dates: most people are there from before the history window, the rest are
  // steady hires through it (a fifth of them on the 1st of a month). Sorted, so ids run
  // in creation order like a real database.
  const starts = new Float64Array(n);
  const preShare = 0.7 + rng.next() * 0.15;
  for (let i = 0; i < n; i++) {
    if (i < 2 || rng.chance(preShare)) {
      starts[i] = Math.max(FIRST_DAY, startN - rng.int(1, 6 * 365));
    } else {
      const d = rng.int(startN, todayN);
      starts[i] = rng.chance(0.2) ? firstOfMonth(d) : d;
    }
  }
  starts.sort();

  const monthlyChurn = 0.01 + rng.next() * 0.01;
  const guestShare = model === 'full-month' ? 0.03 : 0;
  const neverInvitedShare = 0.1 + rng.next() * 0.1;
  const idWidth = Math.max(5, String(n).length);
  const emailCounts = new Map<string, number>();
  const people: Person[] = new Array<Person>(n);
  const spans: Span[] = new Array<Span>(n);

  for (let i = 0; i < n; i++) {
    const b = starts[i] as number;
    const fi = rng.int(0, FIRST_NAMES.length - 1);
    const li = rng.int(0, LAST_NAMES.length - 1);
    const base = `${FIRST_SLUGS[fi] as string}.${LAST_SLUGS[li] as string}`;
    const count = (emailCounts.get(base) ?? 0) + 1;
    emailCounts.set(base, count);
    const email = count === 1 ? `${base}@${domain}` : `${base}${count}@${domain}`;

    // The account owner and the first finance user stay; everyone else may come and go.
    const protectedPerson = i < 2;
    const guest = !protectedPerson && guestShare > 0 && rng.chance(guestShare);
    let role: Role = 'member';
    if (i === 0) role = 'admin';
    else if (i === 1) role = 'finance';
    else if (guest) role = 'guest';
    else {
      const r = rng.next();
      if (r < 0.01) role = 'admin';
      else if (r < 0.016) role = 'finance';
    }
    const staff = role === 'admin' || role === 'finance';
    let directories: DirectoryName[];
    if (guest) directories = ['workplace'];
    else {
      const set = rng.weighted(profile.directories);
      directories = staff ? mergeDirectories(set, profile.staffDirectories) : [...set];
    }

    const person: Person = {
      id: `p-${String(i + 1).padStart(idWidth, '0')}`,
      name: `${FIRST_NAMES[fi] as string} ${LAST_NAMES[li] as string}`,
      email,
      role,
      directories,
      billingStart: dateOf(b),
    };

    // Occasional later edits of the join date (never changes billing).
    if (rng.chance(0.03)) {
      const shift = rng.int(1, 30);
      person.joinDate = dateOf(rng.chance(0.5) ? b + shift : Math.max(FIRST_DAY, b - shift));
    }

    // Churn: constant monthly hazard over the months the person is in the window.
    let end = Infinity;
    const lo = Math.max(b + 1, startN);
    if (!protectedPerson && lo <= todayN) {
      const months = (todayN - lo + 1) / 30.44;
      if (rng.chance(1 - Math.pow(1 - monthlyChurn, months))) {
        let d = rng.int(lo, todayN);
        if (rng.chance(0.3) && firstOfMonth(d) >= lo) d = firstOfMonth(d);
        person.deactivatedOn = dateOf(d);
        end = d;
        if (rng.chance(0.2)) {
          const del = Math.min(todayN, d + rng.int(0, 60));
          person.deletedOn = dateOf(del);
        }
      } else if (rng.chance(0.003)) {
        const del = rng.int(Math.max(b, startN), todayN);
        person.deletedOn = dateOf(del);
        end = del;
      }
    }

    if (guest) person.guest = true;

    if (model === 'invited' && (protectedPerson || !rng.chance(neverInvitedShare))) {
      let inv = b + (rng.chance(0.8) ? rng.int(0, 20) : rng.int(21, 240));
      if (protectedPerson) inv = b;
      if (inv >= end) inv = b;
      if (inv <= todayN) {
        person.invitedOn = dateOf(inv);
        if (rng.chance(0.8)) {
          const claim = inv + rng.int(0, 14);
          if (claim <= todayN && claim < end) person.claimedOn = dateOf(claim);
        }
      }
    }

    people[i] = person;
    spans[i] = { from: b, end, staff };
  }

  // --- subscription ------------------------------------------------------------------
  const subscription: Subscription = { planId, plans, startedOn };
  if (model === 'full-month' || model === 'invited') {
    // The trial ended in the month before the first billed month (billing-rules: Trials).
    const prev = addMonths(firstMonth, -1);
    const trialEnd = toDayNumber(`${prev}-01`) + rng.int(0, daysInMonth(prev) - 1);
    subscription.trial = { startedOn: dateOf(trialEnd - 29), lengthDays: 30 };
  }
  if (model === 'prepaid-licenses') subscription.licenses = licenseTerms(rng, spans, startN, todayN);
  const startPlan = plans.find((p) => p.id === planId);
  if (startPlan?.storageGb !== undefined) {
    subscription.storageUsedGb = Math.round(rng.next() * startPlan.storageGb * 8) / 10;
  }
  if (rng.chance(0.3)) subscription.poNumber = `PO-${today.slice(0, 4)}-${rng.int(1000, 9999)}`;

  const paymentMethod: PaymentMethod = {
    kind: 'card',
    brand: rng.weighted([
      ['visa', 5],
      ['mastercard', 4],
      ['amex', 1],
    ] as const),
    last4: String(rng.int(0, 9999)).padStart(4, '0'),
    expires: addMonths(monthOf(today), rng.int(3, 48)),
  };

  const activity = withActivity
    ? generateActivity(new Rng(deriveSeed(options.seed, 1)), people, spans, startN, todayN, dateOf)
    : [];

  return {
    schemaVersion: 1,
    today,
    tenant,
    subscription,
    people,
    activity,
    orders: [],
    invoices: [],
    payments: [],
    paymentMethod,
  };
}

/**
 * License terms that hold: enough licenses for the highest number of active users on any
 * day of the history (so no order is needed to stay legal), plus a few free ones.
 */
function licenseTerms(rng: Rng, spans: readonly Span[], startN: number, todayN: number): LicenseTerms {
  const days = Math.max(0, todayN - startN + 1);
  const diff = new Int32Array(days + 1);
  for (const s of spans) {
    const from = Math.max(s.from, startN);
    const to = Math.min(s.end, todayN + 1);
    if (from < to) {
      diff[from - startN] = (diff[from - startN] ?? 0) + 1;
      diff[to - startN] = (diff[to - startN] ?? 0) - 1;
    }
  }
  let active = 0;
  let peak = 0;
  for (let d = 0; d < days; d++) {
    active += diff[d] as number;
    if (active > peak) peak = active;
  }
  const free = rng.int(1, Math.max(3, Math.ceil(peak * 0.08)));
  const periodMonths = rng.weighted([
    [12, 5],
    [1, 3],
    [6, 2],
  ] as const);
  return { initialCount: Math.max(1, peak + free), periodMonths };
}

/**
 * Activity through the history: a handful of events per active person-month in small
 * worlds, about two in large ones; some of them notification views (not qualifying), and
 * some person-months with no qualifying activity at all. Events come out in date order.
 */
function generateActivity(
  rng: Rng,
  people: readonly Person[],
  spans: readonly Span[],
  startN: number,
  todayN: number,
  dateOf: (n: number) => IsoDate,
): ActivityEvent[] {
  const out: ActivityEvent[] = [];
  if (todayN < startN) return out;
  const lean = people.length > 2_000;
  // A tenth of people are barely engaged: half their months have no qualifying activity.
  const lowEngagement = new Uint8Array(people.length);
  for (let i = 0; i < people.length; i++) lowEngagement[i] = rng.chance(0.1) ? 1 : 0;

  let monthStart = startN;
  while (monthStart <= todayN) {
    const month = dateOf(monthStart).slice(0, 7);
    const monthEnd = Math.min(todayN, monthStart + daysInMonth(month) - 1);
    const buckets: ActivityEvent[][] = Array.from({ length: monthEnd - monthStart + 1 }, () => []);
    for (let i = 0; i < people.length; i++) {
      const span = spans[i] as Span;
      const lo = Math.max(span.from, monthStart);
      const hi = Math.min(span.end - 1, monthEnd);
      if (lo > hi) continue;
      const personId = (people[i] as Person).id;
      const idle = rng.chance(lowEngagement[i] ? 0.5 : 0.04);
      const qualifying = idle ? 0 : lean ? 1 + (rng.chance(0.45) ? 1 : 0) : rng.int(2, 5);
      const views = idle ? (rng.chance(0.6) ? 1 : 0) : lean ? (rng.chance(0.35) ? 1 : 0) : rng.int(0, 2);
      const kinds = span.staff ? STAFF_KINDS : QUALIFYING_KINDS;
      for (let k = 0; k < qualifying; k++) {
        const day = rng.int(lo, hi);
        (buckets[day - monthStart] as ActivityEvent[]).push({ personId, on: dateOf(day), kind: rng.weighted(kinds) });
      }
      for (let k = 0; k < views; k++) {
        const day = rng.int(lo, hi);
        const kind: ActivityKind = rng.chance(0.5) ? 'push-notification-view' : 'email-notification-view';
        (buckets[day - monthStart] as ActivityEvent[]).push({ personId, on: dateOf(day), kind });
      }
    }
    for (const bucket of buckets) for (const e of bucket) out.push(e);
    monthStart = monthEnd + 1;
  }
  return out;
}
