/// <reference types="node" />
/**
 * The executable: `billing-elements <command>` (package.json's `bin` runs it through a
 * small shim; see bin/billing-elements.js). Exits with the command's code once it is done
 * and its output is written, even if a timer is still pending (a latency fault).
 */
import process from 'node:process';
import { run } from './index.js';

const code = await run();
process.exitCode = code;
process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
