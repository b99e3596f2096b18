/**
 * World validation: the gate every world passes before the engine reads it.
 *
 * A world is plain JSON written by QA, kept by the mock store or made by the generator,
 * so nothing about it is trusted. {@link validateWorld} returns the same object typed as
 * a `World` when it makes sense and otherwise throws a {@link WorldError} naming the
 * first offending field by path (`people[3].deactivatedOn`) and the reason.
 * {@link validateWorldAll} lists every problem instead, for the control endpoint.
 *
 * Two halves, one list:
 * - the structure (types, required fields, enums, bounds, lengths, forms, unknown fields
 *   refused) is `mocks/world.schema.json` itself, walked by the kit's schema checker
 *   (`schema/validate.ts`, the one the mock checks requests with);
 * - the rules a schema cannot state (references, dates in order, sums, the license
 *   invariant, values only the runtime knows) are written by hand in `world-rules.ts`.
 *
 * Problems come in document order whichever half finds them, a field reported by the
 * schema is not reported again by a rule, and every record is checked: a valid record
 * costs no path string, so a 100,000-person world with a year of activity validates well
 * under a second. A valid world is recognised in one quick pass ({@link valid}): the
 * activity's events, most of a large world, are each read once for their schema and
 * their person; only a world it refuses is walked again for its problems.
 */
import { WorldError } from './errors.js';
import { SchemaCompiler, type CheckContext, type JsonSchema, type Validator } from './schema/validate.js';
import { RUN } from './schema/verdict.js';
import { shown, type Wording } from './schema/wording.js';
import type { World } from './types.js';
import { WORLD_SCHEMA } from './world-schema.js';
import { knownPersons, worldRules } from './world-rules.js';

export { EMAIL_RE, isEmail } from './email.js';

/** The schema version this engine reads. */
export const SCHEMA_VERSION = 1;

const count = (n: number): string => n.toLocaleString('en-US');

/** The world's reasons: what follows the path in `people[3].email: …`. */
const REASONS: Wording = {
  type: (_, expected) => `must be ${expected}`,
  enum: (_, values, value) => `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${shown(value)}`,
  const: (_, expected, value) => `must be ${JSON.stringify(expected)}, got ${shown(value)}`,
  maxLength: (_, max, n) => `must be at most ${count(max)} characters (has ${count(n)})`,
  minLength: (_, min) => (min === 1 ? 'must not be empty' : `must have at least ${min} characters`),
  form: (_, value, format, own) => {
    if (own) return `${own}, got ${shown(value)}`;
    if (format === 'date') return `must be a calendar date (YYYY-MM-DD), got ${shown(value)}`;
    return typeof value === 'string' && value.trim() === '' ? 'must not be blank' : `is not valid: ${shown(value)}`;
  },
  range: (_, min, max, value) =>
    min !== undefined && max !== undefined
      ? `must be from ${count(min)} through ${count(max)}, got ${value}`
      : min !== undefined
        ? `must be at least ${count(min)}, got ${value}`
        : `must be at most ${count(max ?? 0)}, got ${value}`,
  maxItems: (_, max, n) => `must have at most ${count(max)} items (has ${count(n)})`,
  minItems: (_, min) => `must have at least ${min} item${min === 1 ? '' : 's'}`,
  repeated: (_, value) => `${shown(value)} is listed twice`,
  required: () => 'is required',
  unknownField: () => 'is not a field of the world format (a typo?)',
  ambiguous: () => 'fits more than one form',
  noBranch: (_, needs) => (needs ? `needs ${needs.join(' or ')}` : 'fits none of its forms'),
};

/** The whole world's check, and its parts for {@link valid}. */
interface Compiled {
  world: Validator;
  /** The world with its activity read as a list only, not its events. */
  worldButEvents: Validator;
  /** One activity event. */
  event: Validator;
}

let compiled: Compiled | undefined;

/** The world schema, compiled on first use. */
function schema(): Compiled {
  if (!compiled) {
    const compiler = new SchemaCompiler(WORLD_SCHEMA.$defs ?? {}, { wording: REASONS });
    // The schema itself, less the activity's `items`: what an event is (one source, not a copy).
    const activity = WORLD_SCHEMA.properties?.['activity'];
    const { items: event = {}, ...activityList } = activity ?? {};
    const worldButEvents: JsonSchema = activity
      ? { ...WORLD_SCHEMA, properties: { ...WORLD_SCHEMA.properties, activity: activityList } }
      : WORLD_SCHEMA;
    compiled = {
      world: compiler.compile(WORLD_SCHEMA),
      worldButEvents: compiler.compile(worldButEvents),
      event: compiler.compile(event),
    };
  }
  return compiled;
}

/** Thrown by the rules' report once they have found enough. */
class Enough {}

/** A report that stops the rules at their first problem. */
const stop = (): never => {
  throw new Enough();
};

/**
 * Whether a world is valid, the quick way (a large world is mostly activity events): the
 * schema's verdict on the world but its events and the rules but the one of events, then
 * one pass over the events, a run at a time, asking of each the schema's verdict and
 * whether its person exists, so that each event is read from memory once. It says nothing
 * of where a problem is: {@link problems} finds them, the slow way.
 */
function valid(world: object): boolean {
  const { worldButEvents, event } = schema();
  if (!worldButEvents.accepts(world)) return false;
  let personIds: ReadonlySet<string>;
  try {
    personIds = worldRules(stop, world, false);
  } catch (e) {
    if (e instanceof Enough) return false;
    throw e;
  }
  const events = (world as { activity?: unknown }).activity;
  if (!Array.isArray(events)) return true;
  for (let from = 0; from < events.length; from += RUN) {
    const to = Math.min(events.length, from + RUN);
    if (!event.acceptsEach(events, from, to) || !knownPersons(events, from, to, personIds)) return false;
  }
  return true;
}

/** A path's steps: `people[3].email` → `people`, 3, `email`. */
function steps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

/**
 * Orders two paths as their fields stand in the world: list items by index, an object's
 * fields as its JSON lists them (a missing field first), a field before what it holds.
 */
function documentOrder(world: unknown): (a: string, b: string) => number {
  return (a, b) => {
    const sa = steps(a);
    const sb = steps(b);
    let at: unknown = world;
    for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
      const x = sa[i] as string | number;
      const y = sb[i] as string | number;
      if (x !== y) {
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        const keys = at !== null && typeof at === 'object' ? Object.keys(at) : [];
        return keys.indexOf(String(x)) - keys.indexOf(String(y));
      }
      at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[x] : undefined;
    }
    return sa.length - sb.length;
  };
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of `input`, in document order, at most `limit`. */
function problems(input: unknown, limit: number): WorldError[] {
  if (!isObject(input)) {
    return [new WorldError('world', 'must be an object')];
  }
  // Each half finds a few more than asked, so the first ones in document order are among them.
  const max = limit === Infinity ? Infinity : limit + 20;
  const ctx: CheckContext = { errors: [], max };
  const { world } = schema();
  if (!world.accepts(input)) world.check(input, '', ctx);
  const found = ctx.errors.map((e) => new WorldError(e.field, e.message));
  const bySchema = found.map((e) => e.field);
  const reported = (field: string): boolean =>
    bySchema.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
  let ruled = 0;
  try {
    worldRules((field, reason) => {
      if (reported(field)) return;
      found.push(new WorldError(field, reason));
      if (++ruled >= max) throw new Enough();
    }, input);
  } catch (e) {
    if (!(e instanceof Enough)) throw e;
  }
  const order = documentOrder(input);
  return found.sort((a, b) => order(a.field, b.field)).slice(0, limit);
}

/**
 * The world, typed, when it makes sense; otherwise throws a {@link WorldError} naming the
 * first offending field by path, in document order.
 */
export function validateWorld(input: unknown): World {
  if (isObject(input) && valid(input)) return input as World;
  const first = problems(input, 1)[0];
  if (first) throw first;
  return input as World;
}

/**
 * Every problem of a world (empty when it is valid), in document order. `limit` caps the
 * list for badly broken worlds (default: no cap).
 */
export function validateWorldAll(input: unknown, limit = Infinity): WorldError[] {
  if (isObject(input) && valid(input)) return [];
  return problems(input, Math.max(1, limit));
}
