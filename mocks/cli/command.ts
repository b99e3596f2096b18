/// <reference types="node" />
/**
 * What every subcommand of `billing-elements` shares: its shape, where it writes, exit
 * codes, and options declared once (parsed with `node:util`'s `parseArgs` and listed in
 * `--help` from the same declaration, so the help cannot forget one).
 */
import { parseArgs } from 'node:util';

/** Exit codes: `0` done, `1` failed (a check failed, the port was taken), `2` the command line is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Where a command writes; the process's streams, or a test's buffers. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
}

/**
 * A subcommand, `billing-elements <name> [options]`: its module exports one, and
 * `index.ts` lists it (name, summary, a lazy import).
 */
export interface Command {
  /**
   * Runs to the end (a server: until it is stopped); resolves to the exit code. Throw a
   * {@link UsageError} for a wrong command line (the dispatcher prints it, exit 2).
   */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A wrong command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One option of a command, for parsing and for `--help`. */
export interface OptionSpec {
  /** Long name without dashes, e.g. `base-path`. */
  name: string;
  type: 'string' | 'boolean';
  short?: string;
  /** What the value looks like in the help, e.g. `<port>`. */
  value?: string;
  /** May be given more than once (values collected in order). */
  multiple?: boolean;
  /** The help text (wrapped by the terminal, not here). */
  help: string;
  /** The default, as shown in the help. */
  default?: string;
}

/** The options' help block: one entry per option, its default last. */
export function formatOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  return specs
    .map((o, i) => {
      const text = o.default !== undefined ? `${o.help} (default: ${o.default})` : o.help;
      return `  ${(heads[i] as string).padEnd(width)}${text}`;
    })
    .join('\n');
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** `--name`'s closest known option, when one is close enough to be a typo. */
function suggestion(name: string, specs: readonly OptionSpec[]): string {
  const bare = name.replace(/^-+/, '').split('=')[0] ?? '';
  let best: { name: string; d: number } | undefined;
  for (const o of specs) {
    const d = distance(bare, o.name);
    if (d <= 2 && (!best || d < best.d)) best = { name: o.name, d };
  }
  return best ? ` Did you mean --${best.name}?` : '';
}

/** Parsed options: strings, booleans, or lists for `multiple` ones. */
export type ParsedOptions = Record<string, string | boolean | string[] | undefined>;

/**
 * Parses `argv` against `specs` (no positional arguments). Throws a {@link UsageError}
 * naming the bad option (and the option it was probably meant to be).
 */
export function parseOptions(argv: string[], specs: readonly OptionSpec[]): ParsedOptions {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const o of specs) {
    options[o.name] = {
      type: o.type,
      ...(o.short ? { short: o.short } : {}),
      ...(o.multiple ? { multiple: true } : {}),
    };
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as ParsedOptions;
  } catch (e) {
    const err = e as Error & { code?: string };
    const arg = /'([^']+)'/.exec(err.message)?.[1] ?? '';
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`Unknown option ${arg}.${suggestion(arg, specs)}`);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new UsageError(`Unexpected argument ${JSON.stringify(arg)}: every setting is an option (--name value).`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
        const name = /--([a-z-]+)/.exec(err.message)?.[1];
        const spec = specs.find((o) => o.name === name);
        throw new UsageError(
          spec?.type === 'boolean'
            ? `--${name} takes no value.`
            : `--${name ?? '?'} needs a value${spec?.value ? ` ${spec.value}` : ''}.`,
        );
      }
      default:
        throw new UsageError(err.message);
    }
  }
}

/** The last value of a string option (a repeated one counts once: the last wins). */
export function stringOption(values: ParsedOptions, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === 'string' ? v : undefined;
}

/** A whole number option within bounds, or `undefined` when not given. */
export function intOption(values: ParsedOptions, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} is a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}).`);
  }
  return n;
}

/** Writes one line. */
export function line(stream: CliIo['stdout'], text = ''): void {
  stream.write(`${text}\n`);
}
