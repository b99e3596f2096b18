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
 * under a second.
 */
import { WorldError } from './errors.js';
import { SchemaCompiler, type CheckContext, type JsonSchema } from './schema/validate.js';
import { shown, type Wording } from './schema/wording.js';
import type { World } from './types.js';
import { WORLD_SCHEMA } from './world-schema.js';
import { worldRules } from './world-rules.js';

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

let compiled: ((value: unknown, ctx: CheckContext) => void) | undefined;

/** The schema's check of a whole world (compiled on first use). */
function schemaCheck(): (value: unknown, ctx: CheckContext) => void {
  if (!compiled) {
    const compiler = new SchemaCompiler(WORLD_SCHEMA.$defs ?? {}, { wording: REASONS });
    const root = compiler.compile(WORLD_SCHEMA as JsonSchema);
    compiled = (value, ctx) => {
      if (!root.accepts(value)) root.check(value, '', ctx);
    };
  }
  return compiled;
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

/** Every problem of `input`, in document order, at most `limit`. */
function problems(input: unknown, limit: number): WorldError[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [new WorldError('world', 'must be an object')];
  }
  // Each half finds a few more than asked, so the first ones in document order are among them.
  const max = limit === Infinity ? Infinity : limit + 20;
  const ctx: CheckContext = { errors: [], max };
  schemaCheck()(input, ctx);
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

/** Thrown by the rules' report once they have found enough. */
class Enough {}

/**
 * The world, typed, when it makes sense; otherwise throws a {@link WorldError} naming the
 * first offending field by path, in document order.
 */
export function validateWorld(input: unknown): World {
  const first = problems(input, 1)[0];
  if (first) throw first;
  return input as World;
}

/**
 * Every problem of a world (empty when it is valid), in document order. `limit` caps the
 * list for badly broken worlds (default: no cap).
 */
export function validateWorldAll(input: unknown, limit = Infinity): WorldError[] {
  return problems(input, Math.max(1, limit));
}
