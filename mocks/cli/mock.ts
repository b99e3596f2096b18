/// <reference types="node" />
/**
 * `billing-elements mock`: the mock backend as a standalone HTTP server on this machine,
 * for anything that speaks HTTP (an end-to-end suite, a mobile app, Postman, curl). The
 * same store and handlers as the in-process mock (see `mocks/server/`).
 *
 * Output: one JSON line per event on stdout (`listening` with the URL, one `request` per
 * request, `closed`), a short human summary and warnings on stderr. `SIGTERM` and
 * `SIGINT` stop it cleanly: no new connections, requests in flight finish, the state is
 * saved, exit 0.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { isIsoDate } from '../engine/dates.js';
import type { IsoDate, Role, World } from '../engine/types.js';
import { DEFAULT_BASE_URL } from '../handlers/index.js';
import { scenarioNames } from '../scenarios/index.js';
import { normaliseBasePath, startMockServer, DEFAULT_HOST } from '../server/index.js';
import type { MockServer, ServedRequest } from '../server/index.js';
import { parseCorsOrigins } from '../server/cors.js';
import { jsonFileAdapter, StateFileError } from '../server/json-file.js';
import type { JsonFileAdapter } from '../server/json-file.js';
import { assertNodeVersion } from '../node.js';
import { MockError } from '../store/errors.js';
import { DEFAULT_SCENARIO } from '../store/scenario-source.js';
import { MockStore } from '../store/store.js';
import type { MockStoreOptions } from '../store/store.js';
import { EXIT, formatOptions, intOption, line, parseOptions, stringOption, UsageError } from './command.js';
import type { CliIo, Command, OptionSpec } from './command.js';

export const DEFAULT_PORT = 4010;
const ROLES = ['admin', 'finance', 'member', 'guest', 'none'] as const;

/** Every option of `billing-elements mock`. */
export const MOCK_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'port',
    type: 'string',
    short: 'p',
    value: '<port>',
    help: 'Port to listen on; 0 picks a free one (read the URL from the output).',
    default: String(DEFAULT_PORT),
  },
  {
    name: 'host',
    type: 'string',
    value: '<address>',
    help: 'Interface to listen on. Anything but loopback lets other machines read and change the mock.',
    default: DEFAULT_HOST,
  },
  {
    name: 'base-path',
    type: 'string',
    value: '<path>',
    help: 'Where the API is mounted; the control endpoints are at <path>/__mock.',
    default: DEFAULT_BASE_URL,
  },
  {
    name: 'scenario',
    type: 'string',
    value: '<name>',
    help: `A named world: ${scenarioNames.join(', ')}.`,
    default: DEFAULT_SCENARIO,
  },
  {
    name: 'world',
    type: 'string',
    value: '<file.json>',
    help: 'A world of your own (mocks/world.schema.json), checked on start; instead of --scenario.',
  },
  {
    name: 'role',
    type: 'string',
    value: '<role>',
    help: 'The caller: admin, finance, member, guest, or none (no session: 401).',
    default: 'admin',
  },
  {
    name: 'today',
    type: 'string',
    value: '<YYYY-MM-DD>',
    help: "The mock's clock; moving it issues the invoices that fall due. (Default: the world's own today.)",
  },
  {
    name: 'latency',
    type: 'string',
    value: '<ms>',
    help: 'Wait this long before every API answer (not /__mock).',
    default: '0',
  },
  {
    name: 'cors',
    type: 'string',
    value: '<origin,...>',
    multiple: true,
    help: 'Let pages from these origins call the mock (e.g. http://localhost:5173; * for any). Repeatable.',
  },
  {
    name: 'persist',
    type: 'string',
    value: '<file>',
    help: 'Keep the state in this JSON file (written atomically after each change) and restore it on start.',
  },
  {
    name: 'quiet',
    type: 'boolean',
    short: 'q',
    help: 'Print only the "listening" line: no request log, no summary.',
  },
  { name: 'help', type: 'boolean', short: 'h', help: 'Show this help.' },
];

export const MOCK_HELP = `Usage: billing-elements mock [options]

Serves the kit's mock billing backend over HTTP: the whole API of
openapi/billing-api.yaml, run by the billing rules over a tenant world, plus the
mock's control endpoints (<base-path>/__mock: world, scenario, session, faults, reset).

Options:
${formatOptions(MOCK_OPTIONS)}

Output: one JSON line per event on stdout:
  {"time":"…","event":"listening","url":"http://127.0.0.1:4010/api/billing",…}
  {"time":"…","event":"request","method":"GET","path":"/api/billing/me","status":200,"ms":2.1}
  {"time":"…","event":"closed","signal":"SIGTERM"}
and a short summary on stderr. SIGTERM or Ctrl-C stops it: no new connections,
requests in flight finish, the state is saved, exit code 0.

With --persist, a saved state wins over --scenario and --world (POST
<base-path>/__mock/reset, or deleting the file, starts afresh); --role and --today
apply on top of it.

Examples:
  npx billing-elements mock
  npx billing-elements mock --port 0 --scenario severa-prepaid --role finance
  npx billing-elements mock --cors http://localhost:5173 --persist .billing-mock.json
  curl http://127.0.0.1:4010/api/billing/me

Exit codes: 0 stopped cleanly; 1 could not start (e.g. the port is taken);
2 a wrong option or value (the message names it).`;

/** The command line, checked: what to start. */
interface MockSettings {
  port: number;
  host: string;
  basePath: string;
  scenario: string | undefined;
  worldFile: string | undefined;
  role: Role | null | undefined;
  today: IsoDate | undefined;
  latencyMs: number;
  cors: string[];
  persist: string | undefined;
  quiet: boolean;
}

/** Checks the options; throws a {@link UsageError} naming the first bad one. */
export function mockSettings(argv: string[]): MockSettings | 'help' {
  const values = parseOptions(argv, MOCK_OPTIONS);
  if (values['help'] === true) return 'help';
  const scenario = stringOption(values, 'scenario');
  if (scenario !== undefined && !(scenarioNames as readonly string[]).includes(scenario)) {
    throw new UsageError(
      `--scenario: there is no scenario ${JSON.stringify(scenario)}; try one of ${scenarioNames.join(', ')}.`,
    );
  }
  const worldFile = stringOption(values, 'world');
  if (scenario !== undefined && worldFile !== undefined) {
    throw new UsageError('Give --scenario or --world, not both.');
  }
  const role = stringOption(values, 'role');
  if (role !== undefined && !(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role is one of ${ROLES.join(', ')} (got ${JSON.stringify(role)}).`);
  }
  const today = stringOption(values, 'today');
  if (today !== undefined && !isIsoDate(today)) {
    throw new UsageError(`--today is a calendar date, YYYY-MM-DD (got ${JSON.stringify(today)}).`);
  }
  let basePath: string;
  try {
    basePath = normaliseBasePath(stringOption(values, 'base-path') ?? DEFAULT_BASE_URL);
  } catch (e) {
    throw new UsageError(`--base-path: ${(e as Error).message}`);
  }
  const cors: string[] = [];
  for (const value of (values['cors'] as string[] | undefined) ?? []) {
    try {
      cors.push(...parseCorsOrigins(value));
    } catch (e) {
      throw new UsageError(`--cors: ${(e as Error).message}`);
    }
  }
  const host = stringOption(values, 'host') ?? DEFAULT_HOST;
  if (host.trim() === '') throw new UsageError('--host needs an address, e.g. 127.0.0.1.');
  const persist = stringOption(values, 'persist');
  if (persist !== undefined && persist.trim() === '') throw new UsageError('--persist needs a file name.');
  return {
    port: intOption(values, 'port', 0, 65535) ?? DEFAULT_PORT,
    host,
    basePath,
    scenario,
    worldFile,
    role: role === undefined ? undefined : role === 'none' ? null : (role as Role),
    today: today as IsoDate | undefined,
    latencyMs: intOption(values, 'latency', 0, 60000) ?? 0,
    cors,
    persist: persist === undefined ? undefined : resolve(persist),
    quiet: values['quiet'] === true,
  };
}

/** The world in `file`, parsed (checked by the store). */
function readWorld(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--world: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--world: ${file} is not JSON: ${(e as Error).message}.`);
  }
}

/** A refusal of the store as a usage error: every field it names (up to 20). */
function storeRefusal(prefix: string, e: unknown): UsageError {
  if (!(e instanceof MockError)) return new UsageError(`${prefix}: ${(e as Error).message}`);
  const errors = e.errors.filter((f) => f.message !== e.message);
  const fields = errors.slice(0, 20).map((f) => `\n  ${f.field}: ${f.message}`);
  const more = errors.length > 20 ? `\n  … and ${errors.length - 20} more` : '';
  return new UsageError(`${prefix}: ${e.message}${fields.join('')}${more}`);
}

/** Whether `host` only reaches this machine. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Builds the store: a restored state, else the world or scenario asked for; then role and today. */
async function openStore(
  settings: MockSettings,
  adapter: JsonFileAdapter | undefined,
): Promise<{ store: MockStore; ignored: string[] }> {
  const restored = adapter?.hadState === true;
  const ignored: string[] = [];
  const options: MockStoreOptions = {};
  if (adapter) options.persistence = adapter;
  if (restored) {
    if (settings.scenario !== undefined) ignored.push('--scenario');
    if (settings.worldFile !== undefined) ignored.push('--world');
  } else if (settings.worldFile !== undefined) {
    options.world = readWorld(settings.worldFile) as World;
  } else if (settings.scenario !== undefined) {
    options.scenario = settings.scenario;
  }
  if (!restored && settings.role !== undefined) options.role = settings.role;
  let store: MockStore;
  try {
    store = new MockStore(options);
    await store.ready;
  } catch (e) {
    throw storeRefusal(settings.worldFile ? `--world ${settings.worldFile}` : 'The world', e);
  }
  if (restored && settings.role !== undefined) store.setSession({ role: settings.role });
  if (settings.today !== undefined) {
    try {
      store.setToday(settings.today);
    } catch (e) {
      throw storeRefusal(`--today ${settings.today}`, e);
    }
  }
  return { store, ignored };
}

/** Runs the server until SIGTERM or SIGINT. */
async function serve(settings: MockSettings, io: CliIo): Promise<number> {
  const log = (event: string, fields: Record<string, unknown>) =>
    line(io.stdout, JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
  const say = (text: string) => {
    if (!settings.quiet) line(io.stderr, text);
  };

  let adapter: JsonFileAdapter | undefined;
  if (settings.persist !== undefined) {
    try {
      accessSync(dirname(settings.persist), constants.W_OK);
    } catch {
      throw new UsageError(`--persist: cannot write in ${dirname(settings.persist)} (does the folder exist?).`);
    }
    try {
      adapter = jsonFileAdapter(settings.persist);
    } catch (e) {
      if (e instanceof StateFileError) throw new UsageError(`--persist: ${e.message}`);
      throw e;
    }
  }
  const { store, ignored } = await openStore(settings, adapter);

  let server: MockServer;
  try {
    server = await startMockServer({
      store,
      basePath: settings.basePath,
      host: settings.host,
      port: settings.port,
      cors: settings.cors,
      latencyMs: settings.latencyMs,
      ...(settings.quiet ? {} : { onServed: (r: ServedRequest) => log('request', { ...r }) }),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'EADDRINUSE'
        ? `port ${settings.port} on ${settings.host} is in use; pick another with --port, or --port 0 for a free one`
        : err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND'
          ? `${settings.host} is not an address of this machine (--host)`
          : err.code === 'EACCES'
            ? `not allowed to listen on port ${settings.port} (--port)`
            : err.message;
    line(io.stderr, `billing-elements mock: cannot start: ${why}.`);
    await store.flush();
    return EXIT.failed;
  }

  // Listening for the signals before saying where we listen: a supervisor may stop us at once.
  const stopSignal = new Promise<NodeJS.Signals>((done) => {
    const stop = (s: NodeJS.Signals) => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      // A second signal closes every socket at once (the state is still saved).
      process.once('SIGTERM', () => server.server.closeAllConnections());
      process.once('SIGINT', () => server.server.closeAllConnections());
      done(s);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  log('listening', {
    url: server.url,
    port: server.port,
    scenario: store.scenario ?? null,
    world: store.scenario === undefined ? (settings.worldFile ?? 'restored') : null,
    role: store.role,
    today: store.today,
    persist: settings.persist ?? null,
    restored: adapter?.hadState === true,
    cors: settings.cors,
  });
  say(`billing-elements mock: ${server.url}`);
  say(
    `  ${store.scenario ? `scenario ${store.scenario}` : `world ${settings.worldFile ?? '(restored)'}`} · role ${store.role ?? 'none'} · today ${store.today}${settings.latencyMs ? ` · latency ${settings.latencyMs} ms` : ''}`,
  );
  say(`  control: ${server.url}/__mock/{world,scenario/<name>,session,faults,reset}`);
  if (settings.cors.length > 0) say(`  CORS: ${settings.cors.join(', ')}`);
  if (adapter) {
    say(
      `  state: ${adapter.path}${adapter.hadState ? ` (restored, ${store.mutations.length} change(s) since the ${store.scenario ? 'scenario' : 'world'} was loaded)` : ' (new)'}`,
    );
  }
  if (ignored.length > 0) {
    say(
      `  note: the saved state wins; ${ignored.join(' and ')} ignored (POST ${server.url}/__mock/reset to start afresh).`,
    );
  }
  if (!isLoopback(settings.host)) {
    line(io.stderr, `  warning: listening on ${settings.host}: other machines can read and change this mock.`);
  }
  say('  SIGTERM or Ctrl-C stops it.');

  const signal = await stopSignal;
  say(`billing-elements mock: ${signal}, stopping…`);
  await server.close();
  log('closed', { signal });
  return EXIT.ok;
}

export const mockCommand: Command = {
  async run(argv, io) {
    try {
      assertNodeVersion();
    } catch (e) {
      line(io.stderr, (e as Error).message);
      return EXIT.failed;
    }
    const settings = mockSettings(argv);
    if (settings === 'help') {
      line(io.stdout, MOCK_HELP);
      return EXIT.ok;
    }
    return serve(settings, io);
  },
};
