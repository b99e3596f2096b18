/**
 * Lists of flat records, such as a log's events: a node of objects whose fields are all
 * scalars gets, beside its verdict, a loop of its own over a run of list items
 * ({@link Verdict.records}, used by its lists' verdicts and by `acceptsEach`).
 *
 * A million events share one or two layouts (the same keys in the same order), so the loop
 * checks a record against the layout it learnt from an earlier one: its keys one by one
 * against the layout's, each value by the verdict of its place, the required fields
 * counted. A record of another layout, or an object that is not plain, takes the node's
 * own test, and a plain one's layout is learnt. The verdict is the node's own, with no
 * field map and no `Object.keys` per record.
 *
 * The loop is a function of its own, so the engine tunes it for these records rather than
 * for every object of a document; and it first looks at each item of the run once (is it
 * an object?), which brings the run into the cache before the fields are read: the items
 * of a long list lie scattered in memory.
 */
import {
  ANYTHING,
  fieldIndex,
  isPlain,
  isScalar,
  passes,
  verdict,
  type FieldIndex,
  type ItemsTest,
  type Test,
  type Verdict,
  type VerdictParts,
} from './verdict.js';

type Obj = Record<string, unknown>;

/**
 * The verdict of a node of objects only whose fields are all scalars, with its loop for a
 * run of list items; `undefined` for any other node (see {@link verdict}).
 */
export function recordVerdict(parts: VerdictParts): Verdict | undefined {
  const { ref, types, enumValues, constant, string, range, array, object, rest } = parts;
  if (!object || ref || enumValues || constant || string || range || array || rest.length > 0) return undefined;
  if (types?.length !== 1 || types[0] !== 'object') return undefined;
  for (const field of object.properties.values()) if (field !== undefined && !isScalar(field)) return undefined;
  const d = verdict(parts);
  d.records = recordsTest(fieldIndex(object), d.test);
  return d;
}

/** The loop over a run of items of a flat record node, whose own test is `one`. */
function recordsTest({ index, verdicts, isRequired, requiredCount }: FieldIndex, one: Test): ItemsTest {
  // The layout learnt: the keys in order, the verdict of each place, 1 where a field is required.
  const keys: string[] = [];
  const verdictAt: Verdict[] = [];
  const requiredAt: number[] = [];
  /** Learns the layout of a plain record that passed (its keys are the node's fields, or any key of an open node). */
  const learn = (o: Obj): void => {
    keys.length = verdictAt.length = requiredAt.length = 0;
    for (const k in o) {
      const i = index.get(k);
      keys.push(k);
      verdictAt.push(i === undefined ? ANYTHING : (verdicts[i] as Verdict));
      requiredAt.push(i !== undefined && isRequired[i] === true ? 1 : 0);
    }
  };
  return (list, from, to) => {
    for (let j = from; j < to; j++) if (typeof list[j] !== 'object') return false;
    for (let j = from; j < to; j++) {
      const o = list[j] as Obj;
      // The required fields among its keys; -1: a key not of the layout.
      let seen = 0;
      if (o !== null && isPlain(o)) {
        let place = 0;
        for (const k in o) {
          if (place >= keys.length || keys[place] !== k) {
            seen = -1;
            break;
          }
          if (!passes(verdictAt[place] as Verdict, o[k])) return false;
          seen += requiredAt[place] as number;
          place++;
        }
        // Every key known and checked, every required field there: the node's verdict.
        if (seen === requiredCount) continue;
      }
      if (!one(o)) return false;
      if (seen < 0) learn(o);
    }
    return true;
  };
}
