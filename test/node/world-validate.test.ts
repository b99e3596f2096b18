/**
 * validateWorld's quick pass over a valid world (the schema's verdict on all but the
 * activity's events and the rules, then one pass over the events, a run at a time,
 * each event's schema and person together) accepts exactly the worlds the schema's check
 * and the rules find nothing in: on a generated world with activity, broken in one place
 * at a time (an event of an unknown person, of another layout, with an unknown or missing
 * field, a bad date; a record elsewhere), and in JSON as the mock store reads it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateWorld } from '../../mocks/engine/generate.js';
import type { World } from '../../mocks/engine/types.js';
import { SchemaCompiler, type CheckContext } from '../../mocks/engine/schema/validate.js';
import { validateWorld, validateWorldAll } from '../../mocks/engine/validate.js';
import { WORLD_SCHEMA } from '../../mocks/engine/world-schema.js';
import { worldRules } from '../../mocks/engine/world-rules.js';

type Obj = Record<string, unknown>;

const schema = new SchemaCompiler(WORLD_SCHEMA.$defs ?? {}).compile(WORLD_SCHEMA);

/** Whether the schema's check and every rule find nothing, asked the slow way. */
function sound(world: unknown): boolean {
  const ctx: CheckContext = { errors: [], max: Infinity };
  schema.check(world, '', ctx);
  let ruled = 0;
  worldRules(() => ruled++, world);
  return ctx.errors.length === 0 && ruled === 0;
}

const base = generateWorld({ seed: 5, people: 40, model: 'full-month', withActivity: true });

/** A copy of the world with one change. */
function changed(change: (w: Obj & { activity: unknown[] }) => void): unknown {
  const w = structuredClone(base) as unknown as Obj & { activity: unknown[] };
  change(w);
  return w;
}

const last = base.activity.length - 1;
const event = (w: { activity: unknown[] }, i: number): Obj => w.activity[i] as Obj;

const cases: [string, (w: Obj & { activity: unknown[] }) => void][] = [
  ['nothing changed', () => {}],
  ['an event of an unknown person', (w) => (event(w, last)['personId'] = 'nobody')],
  ['an event in the first run of an unknown person', (w) => (event(w, 3)['personId'] = 'nobody')],
  [
    'events of another key order (still valid)',
    (w) => {
      for (let i = 300; i < 400; i++) w.activity[i] = Object.fromEntries(Object.entries(event(w, i)).reverse());
    },
  ],
  ['an event with an unknown field', (w) => (event(w, 700)['note'] = 'x')],
  ['an event without its kind', (w) => delete event(w, 260)['kind']],
  ['an event on no calendar date', (w) => (event(w, 511)['on'] = '2026-02-30')],
  ['an event of an unknown kind', (w) => (event(w, 512)['kind'] = 'teleport')],
  ['an event that is null', (w) => (w.activity[257] = null)],
  ['an event that is a list', (w) => (w.activity[258] = [])],
  [
    'an event that inherits its kind',
    (w) => {
      const { kind, ...rest } = event(w, 259);
      w.activity[259] = Object.assign(Object.create({ kind }) as object, rest);
    },
  ],
  [
    'an event without a prototype (still valid)',
    (w) => {
      w.activity[259] = Object.assign(Object.create(null) as object, event(w, 259));
    },
  ],
  ['an event whose person is blank', (w) => (event(w, 1)['personId'] = ' ')],
  ['activity that is not a list', (w) => ((w as Obj)['activity'] = {})],
  ['no activity at all', (w) => (w.activity = [])],
  ['a person repeated', (w) => ((w['people'] as Obj[])[1] = (w['people'] as Obj[])[0] as Obj)],
  ['a person removed whose events remain', (w) => (w['people'] as unknown[]).splice(0, 1)],
  ['an unknown top-level field', (w) => (w['extra'] = 1)],
];

describe('validateWorld on a world with activity', () => {
  it(`starts from a world with ${base.activity.length} events, several runs of them`, () => {
    assert.ok(base.activity.length > 1000);
    assert.ok(sound(base));
  });

  for (const [what, change] of cases) {
    it(`accepts it exactly when the check and the rules do: ${what}`, () => {
      const world = changed(change);
      const expected = sound(world);
      assert.equal(validateWorldAll(world).length === 0, expected);
      if (expected) assert.equal(validateWorld(world), world);
      else assert.throws(() => validateWorld(world));
      // As the mock store reads a world: from JSON (no string shared between records).
      const json: unknown = JSON.parse(JSON.stringify(world));
      assert.equal(validateWorldAll(json).length === 0, sound(json));
    });
  }

  it('names the same first problem as the list of all problems', () => {
    const world = changed((w) => {
      event(w, 900)['personId'] = 'nobody';
      event(w, 400)['kind'] = 'teleport';
    }) as World;
    const all = validateWorldAll(world);
    assert.deepEqual(
      all.map((e) => e.field),
      ['activity[400].kind', 'activity[900].personId'],
    );
    assert.throws(() => validateWorld(world), { message: all[0]?.message });
  });
});
