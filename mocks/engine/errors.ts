/**
 * Errors the engine throws. Both name the field at fault, so the mock backend can turn
 * them into RFC 9457 problem details with per-field errors without guessing. A rule's
 * refusal carries a stable code and the typed values (`params`) a client words it with
 * in the reader's language; its English `reason` is for logs and unknown codes.
 */
import type { TextParams } from './world.js';

/** A world (or part of one) that does not make sense: unknown plan, end before start… */
export class WorldError extends Error {
  override name = 'WorldError';
  /** Path of the offending field, e.g. `people[3].deactivatedOn`. */
  readonly field: string;
  /** Why it is wrong, in one plain sentence. */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
  }
}

/** A request the billing rules refuse (licenses below active users, a change mid-period…). */
export class RuleError extends Error {
  override name = 'RuleError';
  /** The request field the rule is about, e.g. `quantity`. */
  readonly field: string;
  /** A stable code for the rule, e.g. `below-active-users`. */
  readonly code: string;
  /** Why, in one plain English sentence a user can act on. */
  readonly reason: string;
  /** The values the code is worded with (see the contract's `FieldError.code`), if any. */
  readonly params: TextParams | undefined;

  constructor(field: string, code: string, reason: string, params?: TextParams) {
    super(`${field}: ${reason}`);
    this.field = field;
    this.code = code;
    this.reason = reason;
    this.params = params;
  }
}
