/// <reference types="node" />
/**
 * The `billing-elements` command: one bin, a subcommand per task.
 *
 * ```sh
 * npx billing-elements mock [options]          # the mock backend over HTTP
 * npx billing-elements conformance [options]   # check a backend against the contract
 * ```
 *
 * `run()` returns the exit code (0 done, 1 failed, 2 wrong command line); `bin.ts` exits
 * with it. Each subcommand is a module of its own, loaded only when it runs (listed in
 * {@link COMMANDS}): `mock` needs the kit's optional peers (msw, pdf-lib), a check of a
 * host's backend need not.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { EXIT, line, UsageError } from './command.js';
import type { CliIo, Command } from './command.js';

export type { CliIo, Command } from './command.js';

/** A subcommand as the dispatcher knows it before loading it. */
export interface CommandEntry {
  name: string;
  /** One line for `billing-elements --help`. */
  summary: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'mock',
    summary: 'Serve the mock billing backend over HTTP (loopback, port 4010 by default).',
    load: async () => (await import('./mock.js')).mockCommand,
  },
  {
    name: 'conformance',
    summary: 'Check a backend against the billing contract; report every deviation (JUnit XML, JSON for CI).',
    load: async () => (await import('./conformance.js')).conformanceCommand,
  },
];

/** The package's version (through its own `exports`, so it works from the sources and from dist/). */
function version(): string {
  try {
    return (createRequire(import.meta.url)('billing-elements/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return `Usage: billing-elements <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

  billing-elements <command> --help   the command's options
  billing-elements --version          the kit's version`;
}

/** The optional peer a failed import lacked, if that is why it failed. */
function missingPeer(e: unknown): string | undefined {
  const err = e as { code?: string; message?: string };
  if (err?.code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  return /['"](msw|pdf-lib)[/'"]/.exec(err.message ?? '')?.[1];
}

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Runs `billing-elements` with `argv` (without node and the script); resolves to the exit code. */
export async function run(argv: string[] = process.argv.slice(2), io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    line(name === undefined ? io.stderr : io.stdout, mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    line(io.stdout, version());
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    line(io.stderr, `billing-elements: there is no command ${JSON.stringify(name)}.\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  let command: Command;
  try {
    command = await entry.load();
  } catch (e) {
    const peer = missingPeer(e);
    if (!peer) throw e;
    line(
      io.stderr,
      `billing-elements ${name} needs ${peer}, one of the kit's optional peer dependencies:\n` +
        '  npm install --save-dev msw pdf-lib',
    );
    return EXIT.failed;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      line(io.stderr, `billing-elements ${name}: ${e.message}\nSee: billing-elements ${name} --help`);
      return EXIT.usage;
    }
    line(io.stderr, `billing-elements ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.failed;
  }
}
