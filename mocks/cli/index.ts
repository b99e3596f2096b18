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
 * with it. Each subcommand lives in its own module and is listed in {@link COMMANDS}.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { assertNodeVersion } from '../node.js';
import { EXIT, line, UsageError } from './command.js';
import type { CliIo, Command } from './command.js';
import { conformanceCommand } from './conformance.js';
import { mockCommand } from './mock.js';

export type { CliIo, Command } from './command.js';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [mockCommand, conformanceCommand];

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

const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Runs `billing-elements` with `argv` (without node and the script); resolves to the exit code. */
export async function run(argv: string[] = process.argv.slice(2), io: CliIo = processIo): Promise<number> {
  try {
    assertNodeVersion();
  } catch (e) {
    line(io.stderr, (e as Error).message);
    return EXIT.failed;
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    line(name === undefined ? io.stderr : io.stdout, mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    line(io.stdout, version());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    line(io.stderr, `billing-elements: there is no command ${JSON.stringify(name)}.\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      line(io.stderr, `billing-elements ${command.name}: ${e.message}\nSee: billing-elements ${command.name} --help`);
      return EXIT.usage;
    }
    line(
      io.stderr,
      `billing-elements ${command.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return EXIT.failed;
  }
}
