/**
 * How the schema checker ({@link SchemaCompiler}) words a problem. The checker finds the
 * problem, its field and its stable code; a {@link Wording} says it in one sentence for
 * its reader. {@link SENTENCES} is the HTTP mock's (a sentence a form can show under the
 * field: "address.city can be at most 100 characters."); the world validator has its own
 * (a reason after the path: "people[3].email: must be …").
 */

/** One sentence per kind of problem. `label` names the field (`address.city`, `The body`). */
export interface Wording {
  type(label: string, expected: string): string;
  enum(label: string, values: readonly unknown[], value: unknown): string;
  const(label: string, expected: unknown, value: unknown): string;
  maxLength(label: string, max: number, length: number): string;
  minLength(label: string, min: number, length: number): string;
  /** A value not of the pattern's (or format's) form; `own` is the schema's `x-error-message`. */
  form(label: string, value: unknown, format: string | undefined, own: string | undefined): string;
  range(label: string, min: number | undefined, max: number | undefined, value: number): string;
  maxItems(label: string, max: number, count: number): string;
  minItems(label: string, min: number, count: number): string;
  /** An item equal to an earlier one (`uniqueItems`). */
  repeated(label: string, value: unknown): string;
  /** A required field missing; `at` is the field's path. */
  required(at: string): string;
  /** A field a closed object does not list; `at` is the field's path. */
  unknownField(at: string): string;
  /** A value valid by more than one branch of a `oneOf`. */
  ambiguous(label: string): string;
  /** A value valid by no branch of an `anyOf`; `needs`: the fields one of which it needs, when that is what the branches say. */
  noBranch(label: string, needs: readonly string[] | undefined): string;
}

/** A value for a message: quoted, short, one line. */
export function shown(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** The HTTP mock's sentences: what a 400 answer lists under each field. */
export const SENTENCES: Wording = {
  type: (label, expected) => `${label} must be ${expected}.`,
  enum: (label, values) => `${label} is one of ${values.map(String).join(', ')}.`,
  const: (label, expected) => `${label} can only be ${String(expected)}.`,
  maxLength: (label, max) => `${label} can be at most ${max} characters.`,
  minLength: (label, min) => (min === 1 ? `${label} must not be empty.` : `${label} needs at least ${min} characters.`),
  form: (label, value, format, own) =>
    own ??
    (format === 'email'
      ? `${shown(value)} is not a valid e-mail address.`
      : format === 'date'
        ? `${label} must be a calendar date, YYYY-MM-DD.`
        : `${label} is not valid: ${shown(value)}.`),
  range: (label, min, max) => `${label} must be from ${min ?? '…'} to ${max ?? '…'}.`,
  maxItems: (label, max) => `${label} can hold at most ${max} items.`,
  minItems: (label, min) => `${label} needs at least ${min} item${min === 1 ? '' : 's'}.`,
  repeated: (label, value) => `${label} repeats ${shown(value)}.`,
  required: (at) => `${at} is required.`,
  unknownField: (at) => `There is no field ${at}.`,
  ambiguous: (label) => `${label} fits more than one form.`,
  noBranch: (label, needs) => (needs ? `${label} needs ${needs.join(' or ')}.` : `${label} fits none of its forms.`),
};
