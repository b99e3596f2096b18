/**
 * The people of a generated tenant: names and unique e-mail addresses, roles,
 * directories, join dates, churn (deactivation, deletion) and invitations; and the
 * license terms that cover them.
 */
import { toDayNumber } from './dates.js';
import type { Profile } from './generate-profiles.js';
import type { Rng } from './generate-random.js';
import { LIMITS } from './limits.js';
import type { BillingModel, DirectoryName, IsoDate, LicenseTerms, Person, Role } from './types.js';

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

/** `"Mäkinen"` → `"makinen"`, `"van den Berg"` → `"vandenberg"`, `"O'Brien"` → `"obrien"`. */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIRST_SLUGS = FIRST_NAMES.map(slug);
const LAST_SLUGS = LAST_NAMES.map(slug);

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

/** The first day a world may hold (people who joined long before start then). */
const FIRST_DAY = toDayNumber(LIMITS.firstDate);

/** Internal per-person facts the activity pass needs (day numbers, exclusive end). */
export interface Span {
  from: number;
  /** First day not active (deactivation or deletion), or +Infinity. */
  end: number;
  staff: boolean;
}

/**
 * A realistic, deterministic tenant world (see the module comment). Throws a

/** What {@link generatePeople} needs of the tenant and its calendar. */
export interface PeopleContext {
  model: BillingModel;
  profile: Profile;
  /** The tenant's e-mail domain. */
  domain: string;
  /** Day number of the subscription start. */
  startN: number;
  /** Day number of today. */
  todayN: number;
  /** The date of a day number. */
  dateOf: (n: number) => IsoDate;
}

/**
 * `n` people, in creation order (ids `p-00001`…), and the spans the activity and the
 * license terms are drawn from. The first two (the account owner and the first finance
 * user) stay; everyone else may come and go.
 */
export function generatePeople(rng: Rng, n: number, c: PeopleContext): { people: Person[]; spans: Span[] } {
  const { model, profile, domain, startN, todayN, dateOf } = c;
  /** The 1st of the month of day number `n`. */
  const firstOfMonth = (d: number): number => d - (Number(dateOf(d).slice(8, 10)) - 1);
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

  return { people, spans };
}

/**
 * License terms that hold: enough licenses for the highest number of active users on any
 * day of the history (so no order is needed to stay legal), plus a few free ones.
 */
export function licenseTerms(rng: Rng, spans: readonly Span[], startN: number, todayN: number): LicenseTerms {
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
