/**
 * Tools the scenarios share: play a world's history day by day through the engine (so
 * every invoice is exactly what the engine computes), pay invoices, edit people, and
 * fill in the billing details. Everything is pure and deterministic: each function
 * returns a new world and never reads the wall clock.
 */
import { addDays, eachDay } from '../engine/dates.js';
import { checkBillingDetails } from '../engine/details.js';
import { dueInvoices } from '../engine/invoices.js';
import { activeUserCount } from '../engine/licenses.js';
import { invoiceBalance, recordPayment, settleBalance } from '../engine/payments.js';
import type {
  BillingDetailsRecord,
  DirectoryName,
  Invoice,
  IsoDate,
  Payment,
  Person,
  PostalAddress,
  Role,
  World,
} from '../engine/types.js';
import { validateWorld } from '../engine/validate.js';

/** What a day of history knows: the day and the invoices the engine issued on it. */
export interface HistoryDay {
  day: IsoDate;
  /** Invoices issued this day (already appended to the world passed to the hook). */
  issued: Invoice[];
}

/** Acts on one day of history (pay, order, edit) and returns the world after it. */
export type DayHook = (world: World, day: HistoryDay) => World;

/** Throws a clear error when a scenario no longer shows what it promises. */
export function expectShape(condition: boolean, scenario: string, what: string): asserts condition {
  if (!condition) throw new Error(`Scenario ${scenario}: expected ${what}.`);
}

/** The world with its clock moved to `day`. */
export function at(world: World, day: IsoDate): World {
  return { ...world, today: day };
}

/** The world with the invoices the engine says are due appended (nothing when none are). */
export function issueDue(world: World): { world: World; issued: Invoice[] } {
  const issued = dueInvoices(world);
  return issued.length === 0
    ? { world, issued }
    : { world: { ...world, invoices: [...world.invoices, ...issued] }, issued };
}

/**
 * Plays the history from `from` through `until`, one day at a time: the clock moves to
 * the day, the invoices due by then are issued (as the engine computes them, in its
 * order), then each hook acts. Returns the world as of `until`, with nothing left due.
 */
export function playHistory(world: World, from: IsoDate, until: IsoDate, ...hooks: DayHook[]): World {
  let w = world;
  for (const day of eachDay(from, until)) {
    const step = issueDue(at(w, day));
    w = step.world;
    for (const hook of hooks) w = hook(w, { day, issued: step.issued });
  }
  return w;
}

/** Runs `hook` only on `day`. */
export function on(day: IsoDate, hook: (world: World) => World): DayHook {
  return (w, h) => (h.day === day ? hook(w) : w);
}

/** The world with payments appended. */
export function withPayments(world: World, payments: readonly Payment[]): World {
  return payments.length === 0 ? world : { ...world, payments: [...world.payments, ...payments] };
}

/**
 * Charges the payment method on file for everything outstanding today (settle balance):
 * succeeded payments while the method is valid, declined attempts when it is not.
 */
export function chargeOnFile(world: World): World {
  return withPayments(world, settleBalance(world).payments);
}

/** A card or direct-debit customer: the method on file is charged the day an invoice is issued. */
export const autopay: DayHook = (w, h) => (h.issued.length > 0 ? chargeOnFile(w) : w);

/**
 * A payment received today for one invoice: its balance, or `amount` (an amount beyond
 * the balance becomes a payment on account, i.e. credit for the next invoices).
 */
export function receive(world: World, invoiceId: string, amount?: number): World {
  const invoice = world.invoices.find((i) => i.id === invoiceId);
  if (!invoice) throw new Error(`No invoice ${invoiceId} to pay.`);
  const value = amount ?? invoiceBalance(world, invoice);
  if (value <= 0) return world;
  return withPayments(world, recordPayment(world, { amount: value, invoiceId }));
}

/**
 * A customer who pays each invoice `days(invoice)` days after it was issued (bank
 * transfer, or a direct debit collected on the due date). `amount` may pay a different
 * sum than the balance (an overpayment).
 */
export function payAfter(
  days: (invoice: Invoice) => number,
  amount?: (invoice: Invoice, balance: number) => number,
): DayHook {
  return (w, h) => {
    let out = w;
    for (const inv of w.invoices) {
      if (addDays(inv.issuedOn, days(inv)) !== h.day) continue;
      const balance = invoiceBalance(out, inv);
      if (balance > 0) out = receive(out, inv.id, amount ? amount(inv, balance) : balance);
    }
    return out;
  };
}

/** The world with one person changed. */
export function editPerson(world: World, id: string, patch: Partial<Person>): World {
  let found = false;
  const people = world.people.map((p) => {
    if (p.id !== id) return p;
    found = true;
    return { ...p, ...patch };
  });
  if (!found) throw new Error(`No person ${id} to edit.`);
  return { ...world, people };
}

/** A person to add: the id and e-mail are made up from the world (next id, company domain). */
export interface NewPerson {
  name: string;
  /** Default: `first.last@` the company's domain (a guest has their own company's). */
  email?: string;
  billingStart: IsoDate;
  directories: DirectoryName[];
  role?: Role;
  joinDate?: IsoDate;
  deactivatedOn?: IsoDate;
  guest?: boolean;
  invitedOn?: IsoDate;
  claimedOn?: IsoDate;
}

/** `"Mäkinen"` → `"makinen"`, `"van den Berg"` → `"vandenberg"` (as the generator makes e-mails). */
function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The e-mail domain of the organisation (that of its first person). */
export function companyDomain(world: World): string {
  const email = world.people[0]?.email ?? 'admin@example.com';
  return email.slice(email.indexOf('@') + 1);
}

/** The world with people appended, numbered after the last id (`p-00063`…). */
export function addPeople(world: World, people: readonly NewPerson[]): World {
  const width = Math.max(5, ...world.people.map((p) => p.id.length - 2));
  let next = world.people.reduce((n, p) => Math.max(n, Number(p.id.slice(2)) || 0), 0);
  const domain = companyDomain(world);
  const emails = new Set(world.people.map((p) => p.email.toLowerCase()));
  const added = people.map((np): Person => {
    next += 1;
    const [first = '', ...rest] = np.name.split(' ');
    const base = `${slug(first)}.${slug(rest.join(' '))}`;
    let email = np.email ?? `${base}@${domain}`;
    for (let n = 2; emails.has(email.toLowerCase()); n++) email = `${base}${n}@${domain}`;
    emails.add(email.toLowerCase());
    const person: Person = {
      id: `p-${String(next).padStart(width, '0')}`,
      name: np.name,
      email,
      role: np.role ?? 'member',
      directories: [...np.directories],
      billingStart: np.billingStart,
    };
    for (const key of ['joinDate', 'deactivatedOn', 'guest', 'invitedOn', 'claimedOn'] as const) {
      if (np[key] !== undefined) Object.assign(person, { [key]: np[key] });
    }
    return person;
  });
  return { ...world, people: [...world.people, ...added] };
}

/** The highest number of active persons on any day of `from..to`. */
export function peakActive(world: World, from: IsoDate, to: IsoDate): number {
  let peak = 0;
  for (const day of eachDay(from, to)) peak = Math.max(peak, activeUserCount(world, day));
  return peak;
}

// ---------------------------------------------------------------------------------------
// Billing details.
// ---------------------------------------------------------------------------------------

/** A plausible head-office address per country (ISO 3166-1 alpha-2). */
const ADDRESSES: Record<string, PostalAddress> = {
  NL: { line1: 'Stationsplein 45', line2: '4e verdieping', postalCode: '3511 ED', city: 'Utrecht', country: 'NL' },
  BE: { line1: 'Kunstlaan 56', postalCode: '1000', city: 'Brussel', country: 'BE' },
  DE: { line1: 'Friedrichstraße 123', postalCode: '10117', city: 'Berlin', country: 'DE' },
  FI: { line1: 'Itämerenkatu 21', postalCode: '00180', city: 'Helsinki', country: 'FI' },
  SE: { line1: 'Sveavägen 44', postalCode: '111 34', city: 'Stockholm', country: 'SE' },
  NO: { line1: 'Karl Johans gate 16', postalCode: '0154', city: 'Oslo', country: 'NO' },
  US: { line1: '500 Seventh Avenue', line2: 'Floor 12', postalCode: '10018', city: 'New York, NY', country: 'US' },
  GB: { line1: '20 Farringdon Road', line2: 'Suite 4', postalCode: 'EC1M 3HE', city: 'London', country: 'GB' },
};

/** The country of the tenant (the region of its locale), e.g. `NL` for `nl-NL`. */
export function tenantCountry(world: World): string {
  return new Intl.Locale(world.tenant.locale).region ?? 'NL';
}

/**
 * Where company name and VAT number are changed, per product, in the host product's own
 * words in each language the kit speaks (the API answers the one of `Accept-Language`).
 */
export const COMPANY_MANAGED_AT = {
  injixo: {
    en: 'Account › Company profile',
    nl: 'Account › Bedrijfsprofiel',
    de: 'Konto › Unternehmensprofil',
  },
  workplace: {
    en: 'Admin panel › Settings › Company profile',
    nl: 'Beheerpaneel › Instellingen › Bedrijfsprofiel',
    de: 'Adminbereich › Einstellungen › Unternehmensprofil',
  },
  severa: {
    en: 'Settings › Organization settings',
    nl: 'Instellingen › Organisatie-instellingen',
    de: 'Einstellungen › Organisationseinstellungen',
  },
  m365: {
    en: 'Microsoft 365 admin center › Settings › Org settings › Organization profile',
    nl: 'Microsoft 365-beheercentrum › Instellingen › Organisatie-instellingen › Organisatieprofiel',
    de: 'Microsoft 365 Admin Center › Einstellungen › Organisationseinstellungen › Organisationsprofil',
  },
} as const satisfies Record<string, NonNullable<BillingDetailsRecord['companyManagedAt']>>;

/**
 * Billing details for the world: invoices go to `recipients` (local parts at the
 * company's domain, or whole addresses), the finance person (`contactPersonId`) is the
 * billing contact, and the address is the tenant's head office.
 */
export function billingDetails(
  world: World,
  options: {
    recipients: string[];
    contactPersonId?: string;
    eInvoicing?: BillingDetailsRecord['eInvoicing'];
    version?: number;
    companyManagedAt: NonNullable<BillingDetailsRecord['companyManagedAt']>;
    address?: PostalAddress;
  },
): BillingDetailsRecord {
  const domain = companyDomain(world);
  const country = tenantCountry(world);
  const address = options.address ?? ADDRESSES[country];
  if (!address) throw new Error(`No sample address for country ${country}.`);
  const details: BillingDetailsRecord = {
    recipients: options.recipients.map((r) => (r.includes('@') ? r : `${r}@${domain}`)),
    address: { ...address },
    eInvoicing: options.eInvoicing ?? { enabled: false },
    version: options.version ?? 1,
    companyManagedAt:
      typeof options.companyManagedAt === 'string' ? options.companyManagedAt : { ...options.companyManagedAt },
  };
  if (options.contactPersonId !== undefined) details.contact = { personId: options.contactPersonId };
  return details;
}

/** The e-mail address of a person of the world. */
export function emailOf(world: World, personId: string): string {
  const p = world.people.find((x) => x.id === personId);
  if (!p) throw new Error(`No person ${personId}.`);
  return p.email;
}

/**
 * The last check of every scenario: billing details pass the engine's rules, there is a
 * payment method, nothing is left due, and the world validates. Returns the world.
 */
export function finish(name: string, world: World): World {
  const details = world.billingDetails;
  expectShape(details !== undefined, name, 'billing details');
  const issues = checkBillingDetails(details, new Set(world.people.map((p) => p.id)));
  expectShape(issues.length === 0, name, `valid billing details (${issues.map((i) => i.field).join(', ')})`);
  expectShape(world.paymentMethod !== undefined, name, 'a payment method');
  expectShape(dueInvoices(world).length === 0, name, 'every due invoice issued');
  return validateWorld(world);
}
