/**
 * `billing-elements conformance`: checks a backend against the contract (issue 18's second
 * half). Not built yet: this placeholder says so, so the command exists and the dispatcher
 * need not change when the check arrives. Replace `run` (keep the `Command` shape from
 * `command.ts`: parse with `parseOptions`, exit codes from `EXIT`) and the summary in
 * `index.ts`. This module is loaded only for `conformance`; keep msw and pdf-lib (the kit's
 * optional peers) out of its imports so a backend engineer can run it without them.
 */
import { EXIT, line } from './command.js';
import type { Command } from './command.js';

export const conformanceCommand: Command = {
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
