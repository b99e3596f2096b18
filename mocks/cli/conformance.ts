/// <reference types="node" />
/**
 * `billing-elements conformance`: checks a backend against the contract and prints what
 * deviates (see mocks/conformance/ and docs/backend.md, "Check your backend"). Each check's line is printed as
 * it completes; JUnit XML and JSON are written at the end when asked for.
 *
 * Credentials come per role from `--role-header role='Name: value'` (repeatable) or the
 * environment (`BILLING_CONFORMANCE_ADMIN_HEADERS='Authorization: Bearer …'`, several
 * headers on separate lines); they are sent only to the base URL and never printed.
 *
 * Loaded only for `conformance`, and free of the kit's optional peers (msw, pdf-lib): a
 * backend engineer runs it without them. It needs ajv and ajv-formats.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EXIT, formatOptions, intOption, line, parseOptions, stringOption, UsageError } from './command.js';
import type { CliIo, Command, OptionSpec } from './command.js';
// The groups have no dependencies; the check itself (and ajv with it) loads once the command line is good.
import { GROUP_TITLES, GROUPS } from '../conformance/results.js';
import type { GroupName } from '../conformance/results.js';
import type * as Conformance from '../conformance/index.js';
import type { CheckResult, ConformanceReport } from '../conformance/index.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
const ENV_BASE_URL = 'BILLING_CONFORMANCE_BASE_URL';
const ENV_HEADERS = /^BILLING_CONFORMANCE_([A-Z][A-Z0-9_]*)_HEADERS$/;
const ROLE = /^[A-Za-z][A-Za-z0-9._-]{0,63}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const CONFORMANCE_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'base-url',
    type: 'string',
    value: '<url>',
    help: `The API's base URL, e.g. https://staging.example.com/api/billing (or ${ENV_BASE_URL}).`,
  },
  {
    name: 'role-header',
    type: 'string',
    value: "<role>='<Name>: <value>'",
    multiple: true,
    help:
      'A header that signs a request in as <role> (admin, finance, member, guest or a role of your own). ' +
      "Repeatable, also for several headers of one role. Or BILLING_CONFORMANCE_<ROLE>_HEADERS='Name: value' (one header a line).",
  },
  {
    name: 'writes',
    type: 'boolean',
    help: 'Check the writes too: changes the billing details and puts them back, schedules an edition change and takes it back, and on a prepaid-license tenant places one license order, which cannot be undone. Use a test tenant.',
  },
  {
    name: 'only',
    type: 'string',
    value: '<group,...>',
    multiple: true,
    help: `Run only these groups: ${GROUPS.join(', ')}.`,
  },
  {
    name: 'month',
    type: 'string',
    value: '<YYYY-MM>',
    help: "The month to read the users list and daily usage for. (Default: the month of GET /me's today.)",
  },
  {
    name: 'timeout',
    type: 'string',
    value: '<ms>',
    help: 'How long to wait for each answer.',
    default: String(DEFAULT_TIMEOUT_MS),
  },
  { name: 'junit', type: 'string', value: '<file.xml>', help: 'Also write the report as JUnit XML (for CI).' },
  { name: 'json', type: 'string', value: '<file.json>', help: 'Also write the report as JSON.' },
  { name: 'quiet', type: 'boolean', short: 'q', help: 'Print only failed checks, the writes made and the summary.' },
  { name: 'help', type: 'boolean', short: 'h', help: 'Show this help.' },
];

export const CONFORMANCE_HELP = `Usage: billing-elements conformance --base-url <url> [options]

Checks a backend against the billing contract (openapi/billing-api.yaml) and prints
a line per check: ✓ passed, ✗ failed (with what was expected, what came back and a
hint), – skipped (with why). A missing endpoint is named with the elements it breaks.

Options:
${formatOptions(CONFORMANCE_OPTIONS)}

Groups (--only), in the order they run:
${GROUPS.map((g) => `  ${g.padEnd(13)}${GROUP_TITLES[g]}`).join('\n')}

Without --writes only GET requests and POST /licenses/quote (which changes nothing)
are sent. Give credentials for admin (or finance) and for a role without billing
access (member) to check both sides of access.

Examples:
  npx billing-elements conformance --base-url http://127.0.0.1:4010/api/billing
  npx billing-elements conformance --base-url https://staging.example.com/api/billing \\
    --role-header admin='Authorization: Bearer eyJ…' \\
    --role-header member='Authorization: Bearer eyJ…' --writes --junit conformance.xml
  BILLING_CONFORMANCE_ADMIN_HEADERS='Cookie: session=…' \\
    npx billing-elements conformance --base-url https://staging.example.com/api/billing

Exit codes: 0 every check passed (or was skipped); 1 a check failed, or the backend
did not answer; 2 a wrong option or value (the message names it).`;

/** The command line, checked. */
export interface ConformanceSettings {
  baseUrl: string;
  roles: Map<string, Record<string, string>>;
  writes: boolean;
  only: GroupName[];
  month: string | undefined;
  timeoutMs: number;
  junit: string | undefined;
  json: string | undefined;
  quiet: boolean;
}

/** `Name: value` as a header, or a usage error naming where it came from. */
function parseHeader(text: string, from: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (!HEADER_NAME.test(name) || value === '' || /[\r\n]/.test(value)) {
    throw new UsageError(`${from}: a header is 'Name: value', e.g. 'Authorization: Bearer …'.`);
  }
  return [name, value];
}

/** Credentials per role from the environment, then the options (an option replaces the environment's headers of its role). */
export function roleHeaders(options: readonly string[], env: CliIo['env']): Map<string, Record<string, string>> {
  const roles = new Map<string, Record<string, string>>();
  for (const [key, value] of Object.entries(env)) {
    const m = ENV_HEADERS.exec(key);
    if (!m || value === undefined || value.trim() === '') continue;
    const role = (m[1] as string).toLowerCase();
    const headers: Record<string, string> = {};
    for (const raw of value.split(/\r?\n/)) {
      if (raw.trim() === '') continue;
      const [name, v] = parseHeader(raw, key);
      headers[name] = v;
    }
    roles.set(role, headers);
  }
  const fromOptions = new Set<string>();
  for (const option of options) {
    const eq = option.indexOf('=');
    const role = eq < 0 ? '' : option.slice(0, eq).trim();
    if (!ROLE.test(role)) {
      throw new UsageError(
        `--role-header is <role>='<Name>: <value>', e.g. admin='Authorization: Bearer …' (got ${JSON.stringify(option.slice(0, 40))}).`,
      );
    }
    const [name, value] = parseHeader(option.slice(eq + 1), `--role-header ${role}`);
    if (!fromOptions.has(role)) roles.set(role, {});
    fromOptions.add(role);
    (roles.get(role) as Record<string, string>)[name] = value;
  }
  return roles;
}

/** The folder of an output file must exist. */
function outputFile(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${option} needs a file name.`);
  const file = resolve(value);
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--${option}: there is no folder ${dir}.`);
  return file;
}

/** Checks the options; throws a {@link UsageError} naming the first bad one. */
export function conformanceSettings(argv: string[], env: CliIo['env']): ConformanceSettings | 'help' {
  const values = parseOptions(argv, CONFORMANCE_OPTIONS);
  if (values['help'] === true) return 'help';
  const raw = stringOption(values, 'base-url') ?? env[ENV_BASE_URL];
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError(
      `--base-url is needed (or ${ENV_BASE_URL}), e.g. --base-url http://127.0.0.1:4010/api/billing.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `--base-url is an http(s) URL such as https://example.com/api/billing (got ${JSON.stringify(raw)}).`,
    );
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new UsageError(`--base-url is an http(s) URL without a query or fragment (got ${JSON.stringify(raw)}).`);
  }
  const only: GroupName[] = [];
  for (const value of (values['only'] as string[] | undefined) ?? []) {
    for (const name of value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (!(GROUPS as readonly string[]).includes(name)) {
        throw new UsageError(`--only: there is no group ${JSON.stringify(name)}; the groups are ${GROUPS.join(', ')}.`);
      }
      only.push(name as GroupName);
    }
  }
  const month = stringOption(values, 'month');
  if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new UsageError(`--month is YYYY-MM, e.g. 2026-03 (got ${JSON.stringify(month)}).`);
  }
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    roles: roleHeaders((values['role-header'] as string[] | undefined) ?? [], env),
    writes: values['writes'] === true,
    only,
    month,
    timeoutMs: intOption(values, 'timeout', 100, 600_000) ?? DEFAULT_TIMEOUT_MS,
    junit: outputFile('junit', stringOption(values, 'junit')),
    json: outputFile('json', stringOption(values, 'json')),
    quiet: values['quiet'] === true,
  };
}

/** Whether a failed import is ajv (or ajv-formats) missing. */
function missingValidator(e: unknown): string | undefined {
  const err = e as { code?: string; message?: string };
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /['"](ajv-formats|ajv)[/'"]/.exec(err.message ?? '')?.[1];
}

export const conformanceCommand: Command = {
  async run(argv, io) {
    const settings = conformanceSettings(argv, io.env);
    if (settings === 'help') {
      line(io.stdout, CONFORMANCE_HELP);
      return EXIT.ok;
    }
    let check: typeof Conformance;
    try {
      check = await import('../conformance/index.js');
    } catch (e) {
      const lib = missingValidator(e);
      if (!lib) throw e;
      line(
        io.stderr,
        `billing-elements conformance needs ${lib} to check answers against the contract:\n  npm install --save-dev ajv ajv-formats`,
      );
      return EXIT.failed;
    }

    const out = (text: string) => line(io.stdout, text);
    let group: string | undefined;
    const print = (r: CheckResult) => {
      if (settings.quiet && r.status !== 'fail') return;
      if (r.group !== group) {
        group = r.group;
        out('');
        out(check.groupHeading(r.group));
      }
      for (const l of check.checkLines(r)) out(l);
    };
    const report: ConformanceReport = await check.runConformance({
      baseUrl: settings.baseUrl,
      roles: settings.roles,
      writes: settings.writes,
      only: settings.only,
      timeoutMs: settings.timeoutMs,
      ...(settings.month ? { month: settings.month } : {}),
      onStart: (about) => {
        if (!settings.quiet) for (const l of check.headerLines(about)) out(l);
      },
      onResult: print,
    });
    for (const l of check.footerLines(report)) out(l);
    if (settings.junit) {
      writeFileSync(settings.junit, check.junitReport(report));
      out(`JUnit XML: ${settings.junit}`);
    }
    if (settings.json) {
      writeFileSync(settings.json, check.jsonReport(report));
      out(`JSON: ${settings.json}`);
    }
    return report.counts.failed > 0 || report.fatal ? EXIT.failed : EXIT.ok;
  },
};
