/**
 * The conformance check: runs the contract's rules against any backend at a base URL and
 * reports every deviation (what `npx billing-elements conformance` runs; see
 * docs/backend.md, "Check your backend").
 *
 * ```ts
 * import { runConformance, textReport } from 'billing-elements/…/conformance';
 * const report = await runConformance({
 *   baseUrl: 'https://staging.example.com/api/billing',
 *   roles: new Map([['admin', { Authorization: 'Bearer …' }], ['member', { Authorization: 'Bearer …' }]]),
 * });
 * console.log(textReport(report));
 * ```
 *
 * Without `writes`, it sends only `GET` requests and `POST /licenses/quote` (which changes
 * nothing). With `writes`, it changes the billing details and puts them back, schedules an
 * edition change and takes it back, and on a prepaid-license tenant places one license
 * order, which cannot be undone: the report lists every write.
 */
import { accessChecks } from './checks/access.js';
import { answerChecks } from './checks/answers.js';
import { detailsChecks } from './checks/details.js';
import { endpointChecks, readAll } from './checks/endpoints.js';
import { idempotencyChecks } from './checks/idempotency.js';
import { usersChecks } from './checks/users.js';
import { validationChecks } from './checks/validation.js';
import { BILLING_ROLES, got } from './context.js';
import type { Context } from './context.js';
import { Contract } from './contract.js';
import { Http } from './http.js';
import type { RoleHeaders } from './http.js';
import { GROUPS, Results } from './results.js';
import type { CheckResult, GroupName, WriteRecord } from './results.js';

export { Contract } from './contract.js';
export type { AnswerIssue, IssueKind } from './contract.js';
export { ELEMENT_NEEDS, elementsOf, whatBreaks } from './elements.js';
export type { ElementNeed, ElementTag } from './elements.js';
export type { RoleHeaders } from './http.js';
export { bodyMutations, parameterMutations } from './mutations.js';
export type { Mutation, MutationKind } from './mutations.js';
export { GROUP_TITLES, GROUPS } from './results.js';
export type { CheckResult, CheckStatus, GroupName, WriteRecord } from './results.js';
export { checkLines, footerLines, groupHeading, headerLines, jsonReport, junitReport, textReport } from './report.js';

export interface ConformanceOptions {
  /** The API's base URL, e.g. `https://staging.example.com/api/billing`. */
  baseUrl: string;
  /** Credentials per role: the headers that sign a request in as that role. */
  roles?: ReadonlyMap<string, RoleHeaders>;
  /** Make writes (each undone where the contract allows). */
  writes?: boolean;
  /** Run only these groups (default: all). */
  only?: readonly GroupName[];
  /** The month the users list and the daily usage are read for (default: the month of `GET /me`'s today). */
  month?: string;
  /** Per request (default 10 s). */
  timeoutMs?: number;
  /** Another `fetch` (tests). */
  fetch?: typeof fetch;
  /** Called once the backend answered (or did not) and before the first check: what the run is about. */
  onStart?: (about: RunAbout) => void;
  /** Called after each check, as it completes. */
  onResult?: (result: CheckResult) => void;
}

/** What a run is about: the report's header. */
export type RunAbout = Pick<ConformanceReport, 'baseUrl' | 'contract' | 'roles' | 'writes' | 'month'>;

/** What a run found. */
export interface ConformanceReport {
  baseUrl: string;
  contract: { title: string; version: string };
  startedAt: string;
  ms: number;
  writes: boolean;
  groups: GroupName[];
  /** Each role checked, with the names (never the values) of its headers. */
  roles: { name: string; headers: string[] }[];
  month: string;
  results: CheckResult[];
  writesMade: WriteRecord[];
  counts: { passed: number; failed: number; skipped: number; total: number };
  /** Set when the run stopped early (the backend did not answer). */
  fatal?: string;
}

/** admin, finance, member, guest, then the others by name. */
function roleOrder(a: string, b: string): number {
  const known = ['admin', 'finance', 'member', 'guest'];
  const ia = known.indexOf(a);
  const ib = known.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

function isoDay(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** Runs the checks; never throws for what the backend does (that is a failed check). */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const roles = new Map(options.roles ?? []);
  const defaultRole = BILLING_ROLES.find((r) => Object.keys(roles.get(r) ?? {}).length > 0) ?? 'admin';
  if (!roles.has(defaultRole)) roles.set(defaultRole, {});
  const groups =
    options.only && options.only.length > 0 ? GROUPS.filter((g) => options.only?.includes(g)) : [...GROUPS];
  const contract = new Contract();
  const results = new Results(new Set(groups));
  results.onResult = options.onResult;
  const http = new Http({
    baseUrl: options.baseUrl,
    roles,
    defaultRole,
    timeoutMs: options.timeoutMs ?? 10_000,
    contract,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const writes = options.writes === true;

  const about = (month: string): RunAbout => ({
    baseUrl: http.baseUrl,
    contract: { title: contract.document.title, version: contract.document.version },
    writes,
    roles: [...roles.keys()].sort(roleOrder).map((name) => ({ name, headers: Object.keys(roles.get(name) ?? {}) })),
    month,
  });
  const report = (ctx: Pick<Context, 'month' | 'writeLog'>, fatal?: string): ConformanceReport => ({
    ...about(ctx.month),
    startedAt,
    ms: performance.now() - started,
    groups,
    results: results.results,
    writesMade: ctx.writeLog,
    counts: results.counts,
    ...(fatal ? { fatal } : {}),
  });

  // First contact: GET /me says whether anything answers at all, and what day it is.
  const me = await http.call('getMe');
  const today = isoDay((me.json as { today?: unknown } | undefined)?.today) ?? startedAt.slice(0, 10);
  const month = options.month ?? today.slice(0, 7);
  options.onStart?.(about(month));
  if (me.status === 0) {
    const fatal = `${http.baseUrl} did not answer GET /me: ${me.error ?? 'no answer'}`;
    results.record({
      group: 'endpoints',
      title: 'the backend answers',
      endpoint: 'GET /me',
      status: 'fail',
      expected: '200 application/json',
      got: got(me),
      hint: 'Is the backend running at this base URL (scheme, host, port and path, e.g. http://127.0.0.1:4010/api/billing)?',
      ms: me.ms,
    });
    return report({ month, writeLog: [] }, fatal);
  }
  const ctx: Context = {
    http,
    contract,
    results,
    writes,
    defaultRole,
    roles: [...roles.keys()].sort(roleOrder),
    today,
    month,
    year: Number(month.slice(0, 4)),
    missing: new Map(),
    facts: { reads: new Map([['getMe', me]]), sensitive: new Set() },
    writeLog: [],
  };

  await readAll(ctx);
  if (results.selected('endpoints')) await endpointChecks(ctx);
  await accessChecks(ctx);
  await validationChecks(ctx);
  await detailsChecks(ctx);
  await idempotencyChecks(ctx);
  await usersChecks(ctx);
  await answerChecks(ctx);
  return report(ctx);
}
