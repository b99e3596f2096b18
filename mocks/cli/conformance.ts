/**
 * `billing-elements conformance`: checks a backend against the contract (issue 18's second
 * half). Not built yet: this placeholder says so, so the command exists and the dispatcher
 * need not change when the check arrives. Replace `run` (keep the `Command` shape from
 * `command.ts`: parse with `parseOptions`, exit codes from `EXIT`).
 */
import { EXIT, line } from './command.js';
import type { Command } from './command.js';

export const conformanceCommand: Command = {
  name: 'conformance',
  summary: 'Check a backend against the billing contract (not yet available).',
  async run(argv, io) {
    const help = argv.includes('--help') || argv.includes('-h');
    line(
      help ? io.stdout : io.stderr,
      'billing-elements conformance: not yet available in this version of billing-elements.\n' +
        'Meanwhile, docs/backend.md lists what a backend must answer, and `npx billing-elements mock`\n' +
        'serves the reference behaviour to compare against.',
    );
    return help ? EXIT.ok : EXIT.failed;
  },
};
