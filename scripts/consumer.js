// @ts-check
/**
 * The kit as a host receives it: `npm run build`, `npm pack`, and a fresh consumer project
 * (no path to src/ or mocks/) with the tarball installed from the registry's way, as
 * `npm install ./billing-elements-<version>.tgz` does. The package check
 * (scripts/package-check.js) and the size bench (bench/size.bench.ts) both build from it.
 *
 * The consumer lives in `.package-check/` (ignored by git) so a developer can open it
 * after a run: `cd .package-check && npx vite --config examples/vite.config.ts`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const consumerDir = join(repoRoot, '.package-check');

/**
 * What a host's app installs beside the kit, at the versions this repository develops
 * with (read from its package.json, so there is one list of versions).
 */
const HOST_PACKAGES = [
  'lit',
  'msw',
  'pdf-lib',
  'ajv',
  'ajv-formats',
  'vite',
  'typescript',
  '@types/node',
  'react',
  'react-dom',
  '@types/react',
  '@types/react-dom',
  'vue',
  'vue-tsc',
  '@vitejs/plugin-vue',
  '@angular/core',
  '@angular/common',
  '@angular/compiler',
  '@angular/platform-browser',
  'rxjs',
];

/**
 * Runs a command; throws with its output when it fails.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean }} [options]
 */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    const error = new Error(`${command} ${args.join(' ')} failed (exit ${r.status}):\n${output.slice(-4000)}`);
    throw Object.assign(error, { output });
  }
  return output;
}

/** Builds the kit (unless `build` is false) and packs it; returns the tarball's path. */
export function packKit({ build = true } = {}) {
  if (build) run('npm', ['run', 'build']);
  mkdirSync(consumerDir, { recursive: true });
  for (const f of readdirSync(consumerDir)) if (f.endsWith('.tgz')) rmSync(join(consumerDir, f));
  const out = run('npm', ['pack', '--silent', '--pack-destination', consumerDir]);
  const name = out.trim().split('\n').pop()?.trim();
  if (!name || !existsSync(join(consumerDir, name))) throw new Error(`npm pack printed no tarball name:\n${out}`);
  return join(consumerDir, name);
}

/**
 * A fresh consumer project in `.package-check/`: the examples (examples/, host apps that
 * import only `billing-elements…` specifiers), a package.json, the tarball and the host
 * packages installed, and MSW's worker in `public/` (as `npx msw init public` gives a host).
 * @param {string} tarball
 */
export function installConsumer(tarball) {
  const rootPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const versions = { ...rootPackage.devDependencies, ...rootPackage.dependencies };
  for (const f of readdirSync(consumerDir)) if (!f.endsWith('.tgz')) rmSync(join(consumerDir, f), { recursive: true });
  cpSync(join(repoRoot, 'examples'), join(consumerDir, 'examples'), {
    recursive: true,
    filter: (src) => !/[/\\](dist|node_modules)$/.test(src),
  });
  /** @type {Record<string, string>} */
  const dependencies = { 'billing-elements': `file:./${tarball.split(/[/\\]/).pop()}` };
  for (const name of HOST_PACKAGES) {
    if (!versions[name]) throw new Error(`${name} is not a dependency of the repository: add it to package.json`);
    dependencies[name] = versions[name];
  }
  writeFileSync(
    join(consumerDir, 'package.json'),
    `${JSON.stringify({ name: 'billing-host-app', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  // --prefer-offline: the repository's own `npm ci` has already cached these versions.
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: consumerDir });
  run('npx', ['msw', 'init', 'examples/public', '--no-save'], { cwd: consumerDir });
  return consumerDir;
}
