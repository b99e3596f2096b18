/**
 * Checks and their results: a check is a named async step in a group that passes, fails
 * with what was expected, what came back and a hint, or is skipped with the reason. The
 * report writers (`report.ts`) read only these types.
 */

/** The groups, in the order they run and are reported. */
export const GROUPS = [
  'endpoints',
  'access',
  'validation',
  'details',
  'idempotency',
  'users',
  'schemas',
  'formats',
] as const;

export type GroupName = (typeof GROUPS)[number];

/** What each group checks, for `--help`, the report's headings and the docs. */
export const GROUP_TITLES: Record<GroupName, string> = {
  endpoints: 'every endpoint an element needs answers (a missing one is named with the elements it breaks)',
  access: 'admin and finance may read and write; other roles get 403 with no billing data; no session gets 401',
  validation: 'invalid requests, generated from the contract, get 400/422 problem documents naming the field',
  details: 'billing details: a strong ETag, 428 without If-Match, 412 with `current` on a stale one',
  idempotency: 'an Idempotency-Key replay returns the first answer and places no second order',
  users: 'the users list: paging, sorting, search and counts',
  schemas: 'every answer has a status, Content-Type and body the contract allows',
  formats: 'dates YYYY-MM-DD, months YYYY-MM, money and counts as integers (minor units), ISO 4217 currencies',
};

export type CheckStatus = 'pass' | 'fail' | 'skip';

/** What a failed check found. */
export interface Deviation {
  expected: string;
  got: string;
  hint?: string;
  /** Replaces the check's own line in the report (e.g. `missing: GET /plans — …`). */
  summary?: string;
}

/** One check's outcome. */
export interface CheckResult {
  group: GroupName;
  /** What is checked, e.g. `a stale If-Match gets 412 with the current details`. */
  title: string;
  /** `PUT /billing-details`, when the check is about one endpoint. */
  endpoint?: string;
  status: CheckStatus;
  expected?: string;
  got?: string;
  hint?: string;
  /** For a failure: the line that replaces the title; for a pass: a note; for a skip: the reason. */
  summary?: string;
  note?: string;
  ms: number;
}

/** A failed check (thrown from inside one). */
export class CheckFailed extends Error {
  override name = 'CheckFailed';
  readonly deviation: Deviation;
  constructor(deviation: Deviation) {
    super(`expected ${deviation.expected}, got ${deviation.got}`);
    this.deviation = deviation;
  }
}

/** A check that cannot run here (thrown from inside one), with the reason. */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

export function fail(deviation: Deviation): never {
  throw new CheckFailed(deviation);
}

export function skip(reason: string): never {
  throw new CheckSkipped(reason);
}

/** A write the check made, and whether (and how) it was undone. */
export interface WriteRecord {
  endpoint: string;
  what: string;
  /** `true` undone, `false` could not be undone (see `how`). */
  undone: boolean;
  how: string;
}

/** The results of a run, in order. */
export class Results {
  readonly results: CheckResult[] = [];
  readonly #selected: ReadonlySet<GroupName>;
  /** Called after each check (the command prints as it goes). */
  onResult: ((result: CheckResult) => void) | undefined;

  constructor(selected: ReadonlySet<GroupName>) {
    this.#selected = selected;
  }

  selected(group: GroupName): boolean {
    return this.#selected.has(group);
  }

  /** Runs one check of `group` (nothing when the group is not selected); resolves to its status. */
  async check(
    group: GroupName,
    title: string,
    endpoint: string | undefined,
    run: () => Promise<string | void>,
  ): Promise<CheckStatus | undefined> {
    if (!this.#selected.has(group)) return undefined;
    const started = performance.now();
    const result: CheckResult = { group, title, ...(endpoint ? { endpoint } : {}), status: 'pass', ms: 0 };
    try {
      const note = await run();
      if (note) result.note = note;
    } catch (e) {
      if (e instanceof CheckFailed) {
        result.status = 'fail';
        result.expected = e.deviation.expected;
        result.got = e.deviation.got;
        if (e.deviation.hint) result.hint = e.deviation.hint;
        if (e.deviation.summary) result.summary = e.deviation.summary;
      } else if (e instanceof CheckSkipped) {
        result.status = 'skip';
        result.summary = e.message;
      } else {
        result.status = 'fail';
        result.expected = 'the check to run';
        result.got = `it failed: ${e instanceof Error ? e.message : String(e)}`;
        result.hint = 'A bug in the conformance check itself, or an answer it could not read: please report it.';
      }
    }
    result.ms = performance.now() - started;
    this.results.push(result);
    this.onResult?.(result);
    return result.status;
  }

  /** Records a result made elsewhere, whatever the groups selected (the run could not start). */
  record(result: CheckResult): void {
    this.results.push(result);
    this.onResult?.(result);
  }

  /** Records a skipped check without running anything. */
  async skipped(group: GroupName, title: string, endpoint: string | undefined, reason: string): Promise<void> {
    await this.check(group, title, endpoint, async () => skip(reason));
  }

  get counts(): { passed: number; failed: number; skipped: number; total: number } {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const r of this.results) {
      if (r.status === 'pass') passed++;
      else if (r.status === 'fail') failed++;
      else skipped++;
    }
    return { passed, failed, skipped, total: this.results.length };
  }
}
