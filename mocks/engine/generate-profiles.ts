/**
 * What a generated tenant sells and where it is: per billing model, the product's
 * editions and prices, the tenant's countries (zone, locale, currency, tax, VAT number)
 * and the directories people are in; and the words company names are made of.
 */
import type { Rng } from './generate-random.js';
import type { BillingModel, DirectoryName, Plan } from './types.js';

/** The first word of a company name. */
// prettier-ignore
export const COMPANY_WORDS = [
  'Noordwind', 'Blue Harbor', 'Polaris', 'Vantage', 'Kestrel', 'Aurora', 'Meridian', 'Lumen', 'Sterling',
  'Brightwater', 'Evergreen', 'Northstar', 'Riverside', 'Summit', 'Tidewater', 'Copperfield', 'Halcyon',
  'Ironwood', 'Juniper', 'Oakridge', 'Zuiderlicht', 'Kaleva', 'Fjordline', 'Waterkant',
] as const;

/** The second part of a company name: its sector. */
// prettier-ignore
export const COMPANY_SECTORS = [
  'Logistics', 'Contact Centers', 'Insurance', 'Retail', 'Energy', 'Healthcare', 'Telecom', 'Travel',
  'Utilities', 'Banking', 'Facilities', 'Consulting',
] as const;

// ---------------------------------------------------------------------------------------
// Per-model profiles: the product, its editions and the tenant's country.
// ---------------------------------------------------------------------------------------

/** Where a tenant is: what its country sets in the tenant record and the prices. */
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

/** A product as the generator sells it: its countries, editions and directories. */
export interface Profile {
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

/** The product behind each billing model (injixo, Workplace, Visma Severa…). */
export const PROFILES: Record<BillingModel, Profile> = {
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
